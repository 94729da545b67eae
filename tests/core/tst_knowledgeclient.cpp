// The one client the GUI and knowledgectl share: it comes online by itself, says who and
// where by name, syncs; when the database goes away (the same URL through a TCP forwarder
// that is closed) it goes offline, answers reads from the cache and queues writes without
// waiting for a connect timeout, tries again by itself and delivers what waits, exactly once,
// when the database is back. A cancelled sync keeps what it wrote and the next one goes on.
// Real PostgreSQL, real SQLite.

#include "databasetestcase.h"
#include "knowledgeclient.h"
#include "offlinecache.h"
#include "quirkbook.h"
#include "tcpforwarder.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ke;
using As = test::TestDatabase::As;

class TestKnowledgeClient : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_dataset;

    /// Waits for `job`'s answer (true when it came).
    template <typename T> static bool await(std::optional<Result<T>> &answer)
    {
        return QTest::qWaitFor([&answer]() { return answer.has_value(); }, 30000);
    }

    static bool onlineAndSynced(KnowledgeClient &client, QSignalSpy &synced)
    {
        return QTest::qWaitFor(
            [&]() {
                return client.state() == KnowledgeClient::State::Online && !synced.isEmpty()
                    && !client.isSyncing();
            },
            30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("knowledgeclient", 12, 7);
        for (const QString &job : {QStringLiteral("aggregate"), QStringLiteral("embed")}) {
            auto r = m_db->run(QStringLiteral("knowledgectl"), {job}, {}, QStringLiteral("acme"),
                               {}, As::Service);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        m_dataset = m_db->scalar(QStringLiteral(
            "SELECT e.dataset_id::text FROM feedback_events e JOIN tenants t ON t.id = "
            "e.tenant_id WHERE t.slug = 'acme' AND e.dataset_id IS NOT NULL "
            "GROUP BY e.dataset_id ORDER BY count(*) DESC, e.dataset_id LIMIT 1"));
        QVERIFY(!m_dataset.isEmpty());
    }

    void comesOnlineSaysWhoByNameAndSyncs()
    {
        const QString login
            = m_db->login(QStringLiteral("acme"), QStringLiteral("ana"), As::Member);
        KnowledgeClient client(m_db->settingsAs(login, QStringLiteral("acme")));
        QSignalSpy states(&client, &KnowledgeClient::stateChanged);
        QSignalSpy synced(&client, &KnowledgeClient::syncFinished);
        QSignalSpy progress(&client, &KnowledgeClient::syncProgress);
        client.start();
        QCOMPARE(client.state(), KnowledgeClient::State::Connecting);
        QVERIFY2(onlineAndSynced(client, synced), qPrintable(client.stateReason()));
        QVERIFY2(synced.first().at(0).toBool(), qPrintable(synced.first().at(1).toString()));
        QVERIFY(!progress.isEmpty());
        // The tenant by its name, never the slug typed; the person is the login's.
        const QString name
            = m_db->scalar(QStringLiteral("SELECT name FROM tenants WHERE slug = 'acme'"));
        QVERIFY(!name.isEmpty() && name != QLatin1String("acme"));
        QCOMPARE(client.identity().tenant, name);
        QCOMPARE(client.identity().person, QStringLiteral("ana"));
        QVERIFY(!client.identity().server.contains(QLatin1String("password")));
        QVERIFY(client.lastSync().isValid());

        std::optional<Result<Browsed<DatasetKnowledge>>> answer;
        QObject receiver;
        client.knowledge(&receiver, m_dataset,
                         [&answer](const Result<Browsed<DatasetKnowledge>> &r) { answer = r; });
        QVERIFY(await(answer));
        QVERIFY2(*answer, qPrintable((*answer) ? QString() : answer->error().message));
        QVERIFY(!(*answer)->offline);
        QVERIFY((*answer)->value.investigationCount > 0);
    }

    void offlineItNeverWaitsAndDeliversWhenTheDatabaseIsBack()
    {
        const QString login = m_db->login(QStringLiteral("acme"), QStringLiteral("bo"), As::Member);
        ConnectionSettings settings = m_db->settingsAs(login, QStringLiteral("acme"));
        test::TcpForwarder forwarder(test::databasePort());
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port(), login);
        {
            // Online once: the client remembers who bo is and fills the cache.
            KnowledgeClient first(settings);
            QSignalSpy synced(&first, &KnowledgeClient::syncFinished);
            first.start();
            QVERIFY2(onlineAndSynced(first, synced), qPrintable(first.stateReason()));
        }

        forwarder.close();
        KnowledgeClient client(settings);
        QSignalSpy delivered(&client, &KnowledgeClient::writesDelivered);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), KnowledgeClient::State::Offline, 20000);
        QVERIFY(!client.stateReason().isEmpty());
        // Offline it still says who and where by name (remembered when last online).
        const QString name
            = m_db->scalar(QStringLiteral("SELECT name FROM tenants WHERE slug = 'acme'"));
        QTRY_COMPARE_WITH_TIMEOUT(client.identity().tenant, name, 10000);
        QCOMPARE(client.identity().person, QStringLiteral("bo"));

        // Offline, a read comes from the cache at once.
        QObject receiver;
        std::optional<Result<Browsed<DatasetKnowledge>>> read;
        QElapsedTimer clock;
        clock.start();
        client.knowledge(&receiver, m_dataset,
                         [&read](const Result<Browsed<DatasetKnowledge>> &r) { read = r; });
        QVERIFY(await(read));
        const qint64 readMs = clock.elapsed();
        QVERIFY2(*read, qPrintable((*read) ? QString() : read->error().message));
        QVERIFY((*read)->offline);
        QVERIFY((*read)->asOf.isValid());
        QVERIFY2(readMs < 1000, qPrintable(QString::number(readMs)));

        // A write is queued at once — no connect timeout first.
        std::optional<Result<WriteOutcome>> written;
        const QUuid dataset = QUuid::fromString(m_dataset);
        clock.restart();
        client.write(
            &receiver,
            [dataset](Database *) {
                return QuirkBook::prepareAdd(dataset,
                                             QStringLiteral("the feed is late on Mondays"));
            },
            [&written](const Result<WriteOutcome> &r) { written = r; });
        QVERIFY(await(written));
        const qint64 writeMs = clock.elapsed();
        QVERIFY2(*written, qPrintable((*written) ? QString() : written->error().message));
        QVERIFY((*written)->queued);
        QVERIFY2(writeMs < 1000, qPrintable(QString::number(writeMs)));
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingWrites(), qint64(1), 10000);
        const QUuid id = (*written)->event.id;
        QCOMPARE(storedEvents(id), 0);

        // The database is back at the same address: the client notices by itself (its first
        // retry is 5 s after going offline), delivers, once.
        forwarder.reopen();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), KnowledgeClient::State::Online, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 30000);
        QCOMPARE(delivered.first().at(0).toLongLong(), qint64(1));
        QCOMPARE(delivered.first().at(1).toLongLong(), qint64(0));
        QCOMPARE(storedEvents(id), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingWrites(), qint64(0), 10000);
        client.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!client.isSyncing(), 30000);
        QCOMPARE(storedEvents(id), 1);
    }

    // The schema's owner (a login that writes for others) without --actor: offline it names
    // the tenant as online, not by the slug it was given.
    void offlineAnOwnerWithoutAPersonStillSeesTheTenantsName()
    {
        ConnectionSettings settings = m_db->settings(QStringLiteral("acme"));
        test::TcpForwarder forwarder(test::databasePort());
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port());
        const QString name
            = m_db->scalar(QStringLiteral("SELECT name FROM tenants WHERE slug = 'acme'"));
        {
            KnowledgeClient first(settings);
            QSignalSpy synced(&first, &KnowledgeClient::syncFinished);
            first.start();
            QVERIFY2(onlineAndSynced(first, synced), qPrintable(first.stateReason()));
            QCOMPARE(first.identity().tenant, name);
        }
        forwarder.close();
        KnowledgeClient client(settings);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), KnowledgeClient::State::Offline, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(client.identity().tenant, name, 10000);
    }

    void aCancelledSyncKeepsWhatItWroteAndTheNextGoesOn()
    {
        auto db = m_db->connect(QStringLiteral("acme"), {}, As::Member);
        QVERIFY2(db, qPrintable(test::TestDatabase::error()));
        QTemporaryDir root;
        qputenv("KNOWLEDGE_CACHE_DIR", root.path().toUtf8());
        auto restore = qScopeGuard([this]() { useCacheDirectory(m_cacheRoot); });
        auto cache = OfflineCache::openForSync(*db);
        QVERIFY2(cache, qPrintable(cache ? QString() : cache.error().message));
        std::atomic_bool cancel{false};
        qint64 total = 0;
        auto synced = (*cache)->sync(
            *db,
            [&](qint64 done, qint64 all) {
                total = all;
                if (done > 0)
                    cancel = true; // after the first page
            },
            20, {}, &cancel);
        QVERIFY(total > 40);
        QVERIFY(!synced);
        QVERIFY2(synced.error().is(ErrorCode::Cancelled), qPrintable(synced.error().message));
        const qint64 kept = (*cache)->watermark();
        QVERIFY(kept > 0);
        auto count = (*cache)->index().documentCount();
        QVERIFY(count);
        QCOMPARE(*count, qint64(20));

        auto rest = (*cache)->sync(*db, {}, 20);
        QVERIFY2(rest, qPrintable(rest ? QString() : rest.error().message));
        QCOMPARE(rest->watermarkBefore, kept);
        QCOMPARE(rest->rows + 20, total);
    }
};

QTEST_MAIN(TestKnowledgeClient)
#include "tst_knowledgeclient.moc"
