// Everything a person browses, offline: after a sync, with the database unreachable at the
// same URL (a laptop that lost the network), every reader — the dataset list, knowledge with
// its top findings, quirks with their history, activity, the investigation list and traces —
// answers from the offline cache with what the database answered, and says as of when; a
// second sync fetches only the traces that changed; `knowledgectl knowledge --offline --json`
// gives the online counts. Real PostgreSQL, real SQLite, member logins.

#include "browseclient.h"
#include "databasetestcase.h"
#include "offlinecache.h"
#include "tcpforwarder.h"
#include "threaddatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ke;
using As = test::TestDatabase::As;

namespace {

QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonObject withoutSource(QJsonObject o)
{
    o.remove(QStringLiteral("mode"));
    o.remove(QStringLiteral("as_of"));
    return o;
}

QJsonArray listJson(const QList<InvestigationSummary> &list)
{
    QJsonArray a;
    for (const auto &s : list)
        a.append(s.toJson());
    return a;
}

QJsonArray datasetsJson(const QList<DatasetSummary> &list)
{
    QJsonArray a;
    for (const auto &d : list)
        a.append(QJsonObject{
            {QStringLiteral("id"), d.ref.id.toString()},
            {QStringLiteral("name"), d.ref.name},
            {QStringLiteral("description"), d.ref.description},
            {QStringLiteral("n"), d.investigationCount},
            {QStringLiteral("up"), d.positiveFeedback},
            {QStringLiteral("down"), d.negativeFeedback},
            {QStringLiteral("last"), d.lastInvestigationAt.toString(Qt::ISODateWithMs)}});
    return a;
}

QJsonArray traceJson(const InvestigationTrace &t)
{
    QJsonArray a{t.investigationId.toString(), t.outcome, t.rootCause,
                 t.startedAt.toString(Qt::ISODateWithMs), int(t.comments.size())};
    for (const TraceStep &s : t.steps)
        a.append(QJsonArray{s.kind, s.id.toString(), s.title, s.detail, s.status, s.confidence,
                            s.rating.up, s.rating.down, s.rating.mine, s.rating.myReason});
    return a;
}

QJsonArray historyJson(const QList<QuirkHistoryEntry> &h)
{
    QJsonArray a;
    for (const auto &e : h)
        a.append(QJsonArray{e.eventId.toString(), e.eventType, e.actorId.toString(),
                            e.createdAt.toString(Qt::ISODateWithMs), e.data});
    return a;
}

} // namespace

class TestOfflineBrowse : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_login;

    test::TestDatabase::Run ctl(const QStringList &args, std::optional<As> as = As::Member)
    {
        return m_db->run(QStringLiteral("knowledgectl"), args, {}, QStringLiteral("acme"),
                         QStringLiteral("alice"), as);
    }

    /// `knowledgectl sync --json` through `url`: the snapshot's part of the report (empty when
    /// the sync failed: its error is logged), logged as `what`.
    QJsonObject syncedSnapshot(const QString &url, const char *what)
    {
        auto sync = ctl(
            {QStringLiteral("--database"), url, QStringLiteral("sync"), QStringLiteral("--json")});
        if (sync.exitCode != 0) {
            qWarning().noquote() << what << "failed:" << sync.err;
            return {};
        }
        const QJsonObject snapshot = parse(sync.out).value(QStringLiteral("snapshot")).toObject();
        qDebug().noquote() << what
                           << "snapshot:" << QJsonDocument(snapshot).toJson(QJsonDocument::Compact);
        return snapshot;
    }

    /// The member login's URL through the forwarder.
    QString urlThrough(quint16 port) const { return test::databaseUrlThrough(port, m_login); }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("offlinebrowse", 40, 5);
        for (const char *job : {"aggregate", "embed"}) {
            auto r = ctl({QString::fromLatin1(job)}, As::Service);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        m_login = m_db->login(QStringLiteral("acme"), QStringLiteral("alice"), As::Member);
        QVERIFY(!m_login.isEmpty());
    }

    void everyReaderAnswersOfflineAsOnline()
    {
        test::TcpForwarder forwarder(test::databasePort());
        QVERIFY(forwarder.port() != 0);
        ConnectionSettings settings
            = m_db->settingsAs(m_login, QStringLiteral("acme"), QStringLiteral("alice"));
        settings.databaseUrl = urlThrough(forwarder.port());

        // A quirk with a history (added, then edited), so that there is one to compare.
        const QString dataset = [&] {
            auto list = BrowseClient::datasets(settings, ReadSource::Automatic);
            return list && !list->value.isEmpty() ? list->value.first().ref.name : QString();
        }();
        QVERIFY(!dataset.isEmpty());
        auto added
            = ctl({QStringLiteral("--database"), settings.databaseUrl, QStringLiteral("quirk"),
                   QStringLiteral("add"), dataset, QStringLiteral("late loads on Mondays")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QString quirkId = added.out.section(QLatin1Char(' '), 1, 1); // "quirk ID: added (…)"
        quirkId.chop(1);
        auto edited = ctl({QStringLiteral("--database"), settings.databaseUrl,
                           QStringLiteral("quirk"), QStringLiteral("edit"), quirkId,
                           QStringLiteral("late loads on Mondays and after holidays")});
        QVERIFY2(edited.exitCode == 0, qPrintable(edited.out + edited.err));
        auto agg = ctl({QStringLiteral("aggregate")}, As::Service);
        QVERIFY2(agg.exitCode == 0, qPrintable(agg.err));

        const QJsonObject snapshot = syncedSnapshot(settings.databaseUrl, "first sync");
        QVERIFY(!snapshot.isEmpty());
        QVERIFY(snapshot.value(QStringLiteral("traces")).toInteger() > 0);

        // Online answers.
        auto datasets = BrowseClient::datasets(settings, ReadSource::Automatic);
        QVERIFY2(datasets && !datasets->offline, qPrintable(test::errorOf(datasets)));
        auto knowledge = BrowseClient::knowledge(settings, dataset, ReadSource::Automatic);
        QVERIFY2(knowledge && !knowledge->offline, qPrintable(test::errorOf(knowledge)));
        QVERIFY(!knowledge->value.topFindings.isEmpty());
        QVERIFY(!knowledge->value.knownQuirks.isEmpty());
        auto page1 = BrowseClient::activity(settings, dataset, 20, {}, ReadSource::Automatic);
        QVERIFY2(page1 && !page1->offline, qPrintable(test::errorOf(page1)));
        QVERIFY(!page1->value.nextCursor.isEmpty());
        auto page2 = BrowseClient::activity(settings, dataset, 20, page1->value.nextCursor,
                                            ReadSource::Automatic);
        QVERIFY2(page2, qPrintable(test::errorOf(page2)));
        auto list = BrowseClient::investigations(settings, dataset, 200, ReadSource::Automatic);
        QVERIFY2(list && !list->offline, qPrintable(test::errorOf(list)));
        QVERIFY(!list->value.isEmpty());
        const QUuid newest = list->value.first().investigationId;
        auto trace = BrowseClient::trace(settings, newest, ReadSource::Automatic);
        QVERIFY2(trace && !trace->offline, qPrintable(test::errorOf(trace)));
        QVERIFY(trace->value.steps.size() > 1);
        auto history = BrowseClient::quirkHistory(settings, quirkId, ReadSource::Automatic);
        QVERIFY2(history && history->value.size() == 2, qPrintable(test::errorOf(history)));
        auto cliOnline = ctl({QStringLiteral("--database"), settings.databaseUrl,
                              QStringLiteral("knowledge"), dataset, QStringLiteral("--json")});
        QVERIFY2(cliOnline.exitCode == 0, qPrintable(cliOnline.err));

        // The network goes; the URL stays.
        forwarder.close();
        resetThreadDatabase();
        QElapsedTimer t;
        t.start();
        auto offDatasets = BrowseClient::datasets(settings, ReadSource::Automatic);
        const double datasetsMs = double(t.nsecsElapsed()) / 1e6;
        QVERIFY2(offDatasets && offDatasets->offline, qPrintable(test::errorOf(offDatasets)));
        QVERIFY2(offDatasets->note.contains(QLatin1String("unreachable")),
                 qPrintable(offDatasets->note));
        QVERIFY(offDatasets->asOf.isValid());
        QVERIFY(offDatasets->asOf <= QDateTime::currentDateTimeUtc());
        QCOMPARE(datasetsJson(offDatasets->value), datasetsJson(datasets->value));

        // Asked for the cache (the connect timeout is not paid again): the same answers.
        auto timed = [](auto &&read, double &ms) {
            QElapsedTimer timer;
            timer.start();
            auto r = read();
            ms = double(timer.nsecsElapsed()) / 1e6;
            return r;
        };
        double knowledgeMs = 0, activityMs = 0, listMs = 0, traceMs = 0, historyMs = 0;
        auto offKnowledge
            = timed([&] { return BrowseClient::knowledge(settings, dataset, ReadSource::Offline); },
                    knowledgeMs);
        QVERIFY2(offKnowledge && offKnowledge->offline, qPrintable(test::errorOf(offKnowledge)));
        QCOMPARE(offKnowledge->value.toJson(), knowledge->value.toJson());
        auto offPage1 = timed(
            [&] { return BrowseClient::activity(settings, dataset, 20, {}, ReadSource::Offline); },
            activityMs);
        QVERIFY2(offPage1, qPrintable(test::errorOf(offPage1)));
        QCOMPARE(offPage1->value.toJson(), page1->value.toJson());
        auto offPage2 = BrowseClient::activity(settings, dataset, 20, page1->value.nextCursor,
                                               ReadSource::Offline);
        QVERIFY2(offPage2, qPrintable(test::errorOf(offPage2)));
        QCOMPARE(offPage2->value.toJson(), page2->value.toJson());
        auto offList = timed(
            [&] {
                return BrowseClient::investigations(settings, dataset, 200, ReadSource::Offline);
            },
            listMs);
        QVERIFY2(offList, qPrintable(test::errorOf(offList)));
        QCOMPARE(listJson(offList->value), listJson(list->value));
        auto offTrace = timed(
            [&] { return BrowseClient::trace(settings, newest, ReadSource::Offline); }, traceMs);
        QVERIFY2(offTrace, qPrintable(test::errorOf(offTrace)));
        QCOMPARE(traceJson(offTrace->value), traceJson(trace->value));
        auto offHistory = timed(
            [&] { return BrowseClient::quirkHistory(settings, quirkId, ReadSource::Offline); },
            historyMs);
        QVERIFY2(offHistory, qPrintable(test::errorOf(offHistory)));
        QCOMPARE(historyJson(offHistory->value), historyJson(history->value));
        qDebug("offline reads (ms): datasets %.2f (incl. the failed connect), knowledge %.2f, "
               "activity %.2f, investigations %.2f, trace %.2f, quirk history %.2f",
               datasetsMs, knowledgeMs, activityMs, listMs, traceMs, historyMs);

        // Not about the network: an unknown dataset is an error offline as online.
        auto unknown = BrowseClient::knowledge(settings, QStringLiteral("public.no_such_table"),
                                               ReadSource::Offline);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().is(ErrorCode::UnknownDataset), qPrintable(unknown.error().code));

        // The command line: --offline, and the fallback by itself; the same counts as online.
        const QJsonObject on = parse(cliOnline.out);
        for (const bool flag : {true, false}) {
            QStringList args{QStringLiteral("--database"), settings.databaseUrl,
                             QStringLiteral("knowledge"), dataset, QStringLiteral("--json")};
            if (flag)
                args << QStringLiteral("--offline");
            auto off = ctl(args);
            QVERIFY2(off.exitCode == 0, qPrintable(off.err));
            const QJsonObject o = parse(off.out);
            QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("offline"));
            QVERIFY(!o.value(QStringLiteral("as_of")).toString().isEmpty());
            QVERIFY2(off.err.contains(QLatin1String("as of")), qPrintable(off.err));
            for (const char *key :
                 {"investigation_count", "positive_feedback_count", "negative_feedback_count"})
                QCOMPARE(o.value(QLatin1String(key)), on.value(QLatin1String(key)));
            QCOMPARE(withoutSource(o), withoutSource(on));
        }
        auto activity
            = ctl({QStringLiteral("--database"), settings.databaseUrl, QStringLiteral("activity"),
                   dataset, QStringLiteral("--offline"), QStringLiteral("--json")});
        QVERIFY2(activity.exitCode == 0, qPrintable(activity.err));
        QCOMPARE(withoutSource(parse(activity.out)), page1->value.toJson());
    }

    void aSecondSyncFetchesOnlyWhatChanged()
    {
        test::TcpForwarder forwarder(test::databasePort());
        ConnectionSettings settings
            = m_db->settingsAs(m_login, QStringLiteral("acme"), QStringLiteral("alice"));
        settings.databaseUrl = urlThrough(forwarder.port());
        auto list = BrowseClient::investigations(settings, QString(), 1, ReadSource::Automatic);
        QVERIFY(!list); // a dataset is needed
        auto datasets = BrowseClient::datasets(settings, ReadSource::Automatic);
        QVERIFY2(datasets, qPrintable(test::errorOf(datasets)));
        const QString dataset = datasets->value.first().ref.name;
        auto newest = BrowseClient::investigations(settings, dataset, 1, ReadSource::Automatic);
        QVERIFY2(newest && !newest->value.isEmpty(), qPrintable(test::errorOf(newest)));
        const QUuid id = newest->value.first().investigationId;

        // alice rates the whole investigation; the next sync fetches that one trace only.
        auto rated
            = ctl({QStringLiteral("--database"), settings.databaseUrl, QStringLiteral("feedback"),
                   QStringLiteral("--target-type"), QStringLiteral("investigation"),
                   QStringLiteral("--target"), id.toString(QUuid::WithoutBraces),
                   QStringLiteral("--investigation"), id.toString(QUuid::WithoutBraces),
                   QStringLiteral("--rating"), QStringLiteral("1"), QStringLiteral("--reason"),
                   QStringLiteral("Saved time")});
        QVERIFY2(rated.exitCode == 0, qPrintable(rated.err));
        const QJsonObject snapshot = syncedSnapshot(settings.databaseUrl, "second sync");
        QVERIFY(!snapshot.isEmpty());
        QCOMPARE(snapshot.value(QStringLiteral("traces_fetched")).toInteger(), 1);
        QCOMPARE(snapshot.value(QStringLiteral("quirks_fetched")).toInteger(), 0);

        forwarder.close();
        resetThreadDatabase();
        auto trace = BrowseClient::trace(settings, id, ReadSource::Automatic);
        QVERIFY2(trace && trace->offline, qPrintable(test::errorOf(trace)));
        QCOMPARE(trace->value.steps.first().kind, QStringLiteral("investigation"));
        QCOMPARE(trace->value.steps.first().rating.mine, 1); // alice's own, offline too
    }

    void withoutASyncTheErrorSaysToSync()
    {
        ConnectionSettings settings = m_db->settingsAs(m_login, QStringLiteral("acme"));
        settings.databaseUrl = QStringLiteral("postgresql://%1@127.0.0.1:1/nothing_here?"
                                              "connect_timeout=2")
                                   .arg(m_login);
        auto r = BrowseClient::knowledge(settings, QStringLiteral("public.orders"),
                                         ReadSource::Automatic);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("knowledgectl sync")),
                 qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestOfflineBrowse)
#include "tst_offlinebrowse.moc"
