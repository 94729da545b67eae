// The outbox (core/client/outbox.h, knowledgectl feedback|comment|quirk|outbox): writes made
// while the database cannot be reached — the same URL through a TCP forwarder that is closed,
// as for a laptop that loses the network — are kept on disk (0600) and delivered in order,
// exactly once: after a restart, after a process killed right after queueing, after a crash
// between the database's commit and the outbox's mark, and when delivered twice. What the
// database refuses (access revoked, a quirk retired or edited meanwhile) stays visible with its
// reason until discarded or resent. Everybody speaks as a member login.

#include "databasetestcase.h"
#include "eventlog.h"
#include "feedbackrecorder.h"
#include "outbox.h"
#include "quirkbook.h"
#include "tcpforwarder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>

using namespace ke;
using As = test::TestDatabase::As;

class TestOutbox : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_investigation;
    QString m_hypothesis;
    QString m_dataset;

    /// The private server through `port` as `login`.
    static QString urlThrough(quint16 port, const QString &login)
    {
        return test::databaseUrlThrough(port, login);
    }

    /// knowledgectl as the member (acme, person) with `url` (empty: the server directly).
    test::TestDatabase::Run ctl(const QString &person, const QString &url, QStringList args)
    {
        if (!url.isEmpty())
            args = QStringList{QStringLiteral("--database"), url} + args;
        return m_db->run(QStringLiteral("knowledgectl"), args, {}, QStringLiteral("acme"), person,
                         As::Member);
    }

    /// The URL of `person`'s member login through `forwarder`, used online once (the outbox
    /// learns which database it reaches and who the person is), then with the forwarder
    /// closed: the server unreachable. Empty when that online `outbox deliver` failed.
    QString offlineAfterOnce(test::TcpForwarder &forwarder, const QString &person)
    {
        const QString url
            = urlThrough(forwarder.port(), m_db->login(QStringLiteral("acme"), person, As::Member));
        auto first = ctl(person, url, {QStringLiteral("outbox"), QStringLiteral("deliver")});
        forwarder.close();
        if (first.exitCode != 0)
            qWarning().noquote() << "online, outbox deliver failed:" << first.err << first.out;
        return first.exitCode == 0 ? url : QString();
    }

    QStringList rate(int rating) const
    {
        return {QStringLiteral("feedback"),
                QStringLiteral("--target-type"),
                QStringLiteral("hypothesis"),
                QStringLiteral("--target"),
                m_hypothesis,
                QStringLiteral("--investigation"),
                m_investigation,
                QStringLiteral("--rating"),
                QString::number(rating)};
    }

    /// How many times the event `id` is in the database.
    int stored(const QString &id)
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"),
                     {QUuid::fromString(id)})
            .toInt();
    }

    QString outboxPath() const
    {
        const QStringList found
            = QDir(m_cacheRoot.path()).entryList({QStringLiteral("db-*")}, QDir::Dirs);
        return found.size() == 1 ? m_cacheRoot.path() + QLatin1Char('/') + found.first()
                + QStringLiteral("/outbox.sqlite")
                                 : QString();
    }

    /// `outbox list --json` of the member (acme, person), offline-capable (no connection).
    QJsonObject list(const QString &person, const QString &url = {})
    {
        const auto r
            = ctl(person, url,
                  {QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    /// The id of the event a queued (or written) command reported with --json.
    static QString eventIdOf(const test::TestDatabase::Run &r)
    {
        return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value(QStringLiteral("id"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("outbox", 12, 3);
        const Step step = firstHypothesis(QStringLiteral("acme"));
        QVERIFY(!step.investigation.isEmpty());
        m_investigation = step.investigation;
        m_hypothesis = step.hypothesis;
        m_dataset = step.dataset;
        QVERIFY(!m_dataset.isEmpty());
    }

    // Rate and add a quirk with the server unreachable; back online the events arrive once,
    // also when delivered twice.
    void offlineWritesArriveExactlyOnce()
    {
        test::TcpForwarder forwarder(test::databasePort());
        const QString url = offlineAfterOnce(forwarder, QStringLiteral("alice"));
        QVERIFY(!url.isEmpty());
        auto rated = ctl(QStringLiteral("alice"), url, rate(1) << QStringLiteral("--json"));
        QVERIFY2(rated.exitCode == 0, qPrintable(rated.out + rated.err));
        QVERIFY2(rated.err.contains(QLatin1String("cannot be reached")), qPrintable(rated.err));
        const QString ratingId = eventIdOf(rated);
        QVERIFY(!ratingId.isEmpty());
        auto quirk = ctl(QStringLiteral("alice"), url,
                         {QStringLiteral("quirk"), QStringLiteral("add"), m_dataset,
                          QStringLiteral("late loads on Mondays")});
        QVERIFY2(quirk.exitCode == 0, qPrintable(quirk.out + quirk.err));
        QVERIFY2(quirk.out.contains(QLatin1String("queued: 2 changes waiting")),
                 qPrintable(quirk.out));
        // Invalid input is refused at once, offline too: nothing more is queued.
        auto bad = ctl(QStringLiteral("alice"), url, rate(5));
        QCOMPARE(bad.exitCode, 1);
        auto empty = ctl(QStringLiteral("alice"), url,
                         {QStringLiteral("comment"), QStringLiteral("--investigation"),
                          m_investigation, QStringLiteral("  ")});
        QCOMPARE(empty.exitCode, 1);

        QCOMPARE(stored(ratingId), 0);
        QJsonObject waiting = list(QStringLiteral("alice"), url);
        QCOMPARE(waiting.value(QStringLiteral("pending")).toInt(), 2);
        const QJsonArray entries = waiting.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("id")).toString(), ratingId);
        const QString quirkEventId
            = entries.at(1).toObject().value(QStringLiteral("id")).toString();
        // The person acted then; the entry says so.
        QVERIFY(!entries.at(0).toObject().value(QStringLiteral("created_at")).toString().isEmpty());

        // Readable by the owner only, with its WAL.
        const QString path = outboxPath();
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        for (const QString &f : QStringList{path, path + QStringLiteral("-wal")}) {
            if (QFileInfo::exists(f)) {
                const auto mode = QFileInfo(f).permissions();
                QVERIFY(mode.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
                QVERIFY2(!(mode
                           & (QFileDevice::ReadGroup | QFileDevice::WriteGroup
                              | QFileDevice::ReadOther | QFileDevice::WriteOther)),
                         qPrintable(QString::number(int(mode), 16)));
            }
        }

        // Back online (here: the server directly), a new process delivers them, once.
        auto delivered = ctl(QStringLiteral("alice"), {},
                             {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QVERIFY2(delivered.exitCode == 0, qPrintable(delivered.err));
        QVERIFY2(delivered.out.contains(QLatin1String("delivered 2 changes")),
                 qPrintable(delivered.out));
        QCOMPARE(stored(ratingId), 1);
        QCOMPARE(stored(quirkEventId), 1);
        // The time the person acted, not the time of delivery; the person is alice's.
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT created_at < now() - interval '0.001 s' AND "
                                    "actor_id = (SELECT person_id FROM access_grants "
                                    "WHERE login = $2 LIMIT 1) "
                                    "FROM feedback_events WHERE id = $1"),
                     {QUuid::fromString(ratingId),
                      m_db->login(QStringLiteral("acme"), QStringLiteral("alice"), As::Member)}),
                 QStringLiteral("t"));
        // Its dataset filled in from the investigation on the way.
        QCOMPARE(
            m_db->scalar(QStringLiteral("SELECT dataset_id FROM feedback_events WHERE id = $1"),
                         {QUuid::fromString(ratingId)}),
            m_dataset);

        auto again = ctl(QStringLiteral("alice"), {},
                         {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QVERIFY2(again.out.contains(QLatin1String("delivered 0 changes")), qPrintable(again.out));
        QCOMPARE(stored(ratingId), 1);
        QCOMPARE(stored(quirkEventId), 1);
        QCOMPARE(list(QStringLiteral("alice")).value(QStringLiteral("pending")).toInt(), 0);
    }

    // The database committed, the outbox never learnt it (a crash in between): the next
    // delivery finds the event stored and marks it, without a second copy.
    void aCrashBetweenCommitAndMarkIsNotDeliveredTwice()
    {
        auto db = m_db->connect(QStringLiteral("acme"), QStringLiteral("alice"));
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        auto box = Outbox::openFor(*db);
        QVERIFY2(box, qPrintable(test::errorOf(box)));
        FeedbackInput in;
        in.targetType = QStringLiteral("hypothesis");
        in.targetId = QUuid::fromString(m_hypothesis);
        in.investigationId = QUuid::fromString(m_investigation);
        in.rating = -1;
        auto prepared = FeedbackRecorder::prepare(in);
        QVERIFY(prepared);
        const OutboxIdentity who{db->login(), db->tenantId(), db->actorId(), {}, {}, {}, {}};
        auto queued = (*box)->enqueue(*prepared, who);
        QVERIFY2(queued, qPrintable(test::errorOf(queued)));
        Event copy = *queued;
        auto committed = EventLog(*db).emit(copy); // what the lost delivery did
        QVERIFY2(committed && *committed, qPrintable(test::errorOf(committed)));

        auto report = (*box)->deliver(*db);
        QVERIFY2(report, qPrintable(test::errorOf(report)));
        QCOMPARE(report->delivered, 1);
        QCOMPARE(report->alreadyStored, 1);
        QCOMPARE(stored(queued->id.toString(QUuid::WithoutBraces)), 1);
        auto twice = (*box)->deliver(*db);
        QVERIFY(twice);
        QCOMPARE(twice->delivered, 0);
    }

    // knowledgectl killed with SIGKILL right after it wrote to the outbox; the next run
    // delivers what it queued, once.
    void aKilledProcessLosesNothing()
    {
        test::TcpForwarder forwarder(test::databasePort());
        const QString url = offlineAfterOnce(forwarder, QStringLiteral("alice"));
        QVERIFY(!url.isEmpty());
        auto box = Outbox::open(outboxPath());
        QVERIFY2(box, qPrintable(test::errorOf(box)));
        auto pendingNow = [&] { return *(*box)->count(OutboxEntry::State::Pending); };
        QCOMPARE(pendingNow(), 0);

        QString bin = qEnvironmentVariable("KE_BUILD_BIN");
        if (bin.isEmpty())
            bin = QCoreApplication::applicationDirPath();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_db->schema());
        env.insert(QStringLiteral("KNOWLEDGE_TENANT"), QStringLiteral("acme"));
        env.insert(QStringLiteral("KNOWLEDGE_DATABASE_URL"), url);
        int killed = 0;
        qint64 queued = 0;
        // Killed as soon as its entry is committed (the process has more to do after that:
        // count, print, exit); a run that finished first is tried again, at most 20 times.
        for (int attempt = 0; attempt < 20 && killed == 0; ++attempt) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(bin + QStringLiteral("/knowledgectl"), rate(attempt % 2 ? 1 : -1));
            QVERIFY(p.waitForStarted());
            QElapsedTimer t;
            t.start();
            while (pendingNow() == queued && p.state() == QProcess::Running && t.elapsed() < 20000)
                QThread::usleep(200);
            if (pendingNow() > queued && p.state() == QProcess::Running) {
                ::kill(pid_t(p.processId()), SIGKILL);
                p.waitForFinished();
                killed += p.exitStatus() == QProcess::CrashExit;
            } else {
                p.waitForFinished();
            }
            queued = pendingNow();
            QCOMPARE(queued, qint64(attempt + 1)); // killed or not: on disk
        }
        QVERIFY2(killed > 0, "no run could be killed between queueing and exiting");
        auto entries = (*box)->entries({OutboxEntry::State::Pending});
        QVERIFY(entries);

        // Restarted, online: each arrives once.
        auto delivered = ctl(QStringLiteral("alice"), {},
                             {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QVERIFY2(delivered.exitCode == 0, qPrintable(delivered.err));
        for (const OutboxEntry &e : *entries)
            QCOMPARE(stored(e.event.id.toString(QUuid::WithoutBraces)), 1);
        QCOMPARE(pendingNow(), 0);
    }

    // Access revoked while bob was offline: his rating is refused on delivery, stays visible
    // with the reason, and goes only when he discards it.
    void aRefusedWriteStaysVisibleUntilDiscarded()
    {
        test::TcpForwarder forwarder(test::databasePort());
        const QString url = offlineAfterOnce(forwarder, QStringLiteral("bob"));
        QVERIFY(!url.isEmpty());
        const QString bob = m_db->login(QStringLiteral("acme"), QStringLiteral("bob"), As::Member);
        auto rated = ctl(QStringLiteral("bob"), url, rate(1) << QStringLiteral("--json"));
        QVERIFY2(rated.exitCode == 0, qPrintable(rated.err));
        const QString id = eventIdOf(rated);

        auto revoked = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("access"), QStringLiteral("revoke"), bob,
                                  QStringLiteral("--tenant"), QStringLiteral("acme")});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));

        auto deliver
            = ctl(QStringLiteral("bob"), {}, {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QCOMPARE(deliver.exitCode, 1);
        QVERIFY2(deliver.err.contains(QLatin1String("1 change needs attention")),
                 qPrintable(deliver.err));
        QCOMPARE(stored(id), 0);
        QJsonObject shown = list(QStringLiteral("bob"));
        QCOMPARE(shown.value(QStringLiteral("refused")).toInt(), 1);
        const QJsonObject entry = shown.value(QStringLiteral("entries")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(entry.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
        QCOMPARE(entry.value(QStringLiteral("error_code")).toString(), QStringLiteral("no_access"));
        QVERIFY2(
            entry.value(QStringLiteral("reason")).toString().contains(QLatin1String("no access")),
            qPrintable(entry.value(QStringLiteral("reason")).toString()));
        // Another delivery does not lose it either.
        (void)ctl(QStringLiteral("bob"), {}, {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QCOMPARE(list(QStringLiteral("bob")).value(QStringLiteral("refused")).toInt(), 1);

        auto discarded = ctl(QStringLiteral("bob"), {},
                             {QStringLiteral("outbox"), QStringLiteral("discard"), id.left(13)});
        QVERIFY2(discarded.exitCode == 0, qPrintable(discarded.err));
        QCOMPARE(list(QStringLiteral("bob")).value(QStringLiteral("entries")).toArray().size(), 0);
        QCOMPARE(stored(id), 0);
    }

    // A quirk edited offline while somebody else edited it, or retired it: refused with both
    // versions kept; resent, the person's version goes in.
    void aQuirkChangedMeanwhileKeepsBothVersions()
    {
        const QString dave
            = m_db->login(QStringLiteral("acme"), QStringLiteral("dave"), As::Member);
        test::TcpForwarder forwarder(test::databasePort());
        const QString url = urlThrough(forwarder.port(), dave);
        // Two quirks, added online by dave.
        QString quirks[2];
        for (QString &q : quirks) {
            auto added = ctl(QStringLiteral("dave"), url,
                             {QStringLiteral("quirk"), QStringLiteral("add"), m_dataset,
                              QStringLiteral("nightly job skips holidays")});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
            q = added.out.section(QLatin1Char(' '), 1, 1).remove(QLatin1Char(':'));
            QVERIFY2(QUuid::fromString(q).isNull() == false, qPrintable(added.out));
        }
        forwarder.close();
        for (const QString &q : quirks) {
            auto edited = ctl(QStringLiteral("dave"), url,
                              {QStringLiteral("quirk"), QStringLiteral("edit"), q,
                               QStringLiteral("nightly job skips public holidays")});
            QVERIFY2(edited.exitCode == 0 && edited.out.contains(QLatin1String("queued")),
                     qPrintable(edited.out + edited.err));
        }
        // Meanwhile erin edits the first and retires the second, online.
        QThread::msleep(5);
        auto theirs = ctl(QStringLiteral("erin"), {},
                          {QStringLiteral("quirk"), QStringLiteral("edit"), quirks[0],
                           QStringLiteral("nightly job skips bank holidays")});
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
        auto retired = ctl(QStringLiteral("erin"), {},
                           {QStringLiteral("quirk"), QStringLiteral("retire"), quirks[1]});
        QVERIFY2(retired.exitCode == 0, qPrintable(retired.err));

        auto deliver = ctl(QStringLiteral("dave"), {},
                           {QStringLiteral("outbox"), QStringLiteral("deliver")});
        QVERIFY2(deliver.err.contains(QLatin1String("2 changes need attention")),
                 qPrintable(deliver.out + deliver.err));
        const QJsonArray entries
            = list(QStringLiteral("dave")).value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        const QJsonObject conflict = entries.at(0).toObject();
        QCOMPARE(conflict.value(QStringLiteral("error_code")).toString(),
                 QStringLiteral("quirk_conflict"));
        QCOMPARE(conflict.value(QStringLiteral("event"))
                     .toObject()
                     .value(QStringLiteral("event_data"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("nightly job skips public holidays"));
        QCOMPARE(conflict.value(QStringLiteral("current"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("nightly job skips bank holidays"));
        const QJsonObject gone = entries.at(1).toObject();
        QCOMPARE(gone.value(QStringLiteral("error_code")).toString(),
                 QStringLiteral("retired_quirk"));
        QCOMPARE(gone.value(QStringLiteral("current"))
                     .toObject()
                     .value(QStringLiteral("event_type"))
                     .toString(),
                 QStringLiteral("quirk.retired"));

        // Dave keeps his version: resent, it goes in after erin's.
        auto resent = ctl(QStringLiteral("dave"), {},
                          {QStringLiteral("outbox"), QStringLiteral("resend"),
                           conflict.value(QStringLiteral("id")).toString()});
        QVERIFY2(resent.exitCode == 0, qPrintable(resent.out + resent.err));
        QCOMPARE(
            m_db->scalar(
                QStringLiteral("SELECT event_data ->> 'text' FROM feedback_events WHERE "
                               "event_data ->> 'quirk_id' = $1 ORDER BY created_at DESC, id DESC "
                               "LIMIT 1"),
                {quirks[0]}),
            QStringLiteral("nightly job skips public holidays"));
        QCOMPARE(list(QStringLiteral("dave")).value(QStringLiteral("refused")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
