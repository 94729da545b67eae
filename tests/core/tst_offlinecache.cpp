// The offline search cache against the real PostgreSQL: sync brings inserts, edits and
// retirements; tenants never see each other's documents; a damaged vector index is rebuilt;
// `knowledgectl search` falls back to the cache when the database is unreachable.

#include "offlinecache.h"
#include "offlinesearch.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

using namespace ke;
using ke::test::TestDatabase;

class TestOfflineCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_cacheRoot;
    QUuid m_acme, m_globex;

    void put(const QUuid &tenant, const QString &type, const QString &id, const QString &content,
             bool retired = false)
    {
        pqxx::work tx(m_db->admin());
        tx.exec_params("INSERT INTO search_documents (tenant_id, source_type, source_id, content, "
                       "created_at, retired) VALUES ($1, $2, $3, $4, now(), $5) "
                       "ON CONFLICT (tenant_id, source_type, source_id) DO UPDATE SET "
                       "content = excluded.content, retired = excluded.retired, "
                       "change_seq = nextval('search_documents_change_seq')",
                       tenant.toString(QUuid::WithoutBraces).toStdString(), type.toStdString(),
                       id.toStdString(), content.toUtf8().toStdString(), retired);
        tx.commit();
    }

    OfflineCache::SyncSummary sync(const QString &slug)
    {
        auto db = m_db->connect(slug);
        if (!db)
            qFatal("%s", qPrintable(TestDatabase::error()));
        auto cache = OfflineCache::open((*db).tenantId());
        if (!cache)
            qFatal("%s", qPrintable(cache.error().message));
        auto summary = (*cache)->sync(*db, {}, 2); // tiny pages: several round trips
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        return *summary;
    }

    QStringList offlineIds(const QString &tenant, const QString &query,
                           SearchMode mode = SearchMode::Hybrid)
    {
        ConnectionSettings s;
        s.tenant = tenant;
        SearchRequest req;
        req.text = query;
        req.mode = mode;
        req.limit = 50;
        auto outcome = offlineSearch(s, req);
        if (!outcome)
            return {QStringLiteral("error: ") + outcome.error().message};
        QStringList ids;
        for (const SearchResult &r : std::as_const(outcome->results))
            ids.append(r.sourceType + QLatin1Char('/') + r.sourceId);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cacheRoot.isValid());
        qputenv("KNOWLEDGE_CACHE_DIR", m_cacheRoot.path().toUtf8());
        m_db = TestDatabase::create(QStringLiteral("offlinecache"));
        QVERIFY2(m_db, qPrintable(TestDatabase::error()));
        m_acme = m_db->createTenant(QStringLiteral("acme"));
        m_globex = m_db->createTenant(QStringLiteral("globex"));
        put(m_acme, QStringLiteral("hypothesis"), QStringLiteral("h1"),
            QStringLiteral("late arriving orders inflate the daily revenue"));
        put(m_acme, QStringLiteral("comment"), QStringLiteral("c1"),
            QStringLiteral("the currency conversion table lags by one day"));
        put(m_acme, QStringLiteral("quirk"), QStringLiteral("q1"),
            QStringLiteral("customer emails are sometimes null before 2024"));
        put(m_acme, QStringLiteral("query"), QStringLiteral("x1"),
            QStringLiteral("count orders per day: SELECT date, count(*) FROM orders"));
        put(m_globex, QStringLiteral("hypothesis"), QStringLiteral("secret"),
            QStringLiteral("globex zeppelin revenue orders forecast is confidential"));
    }

    void coldSyncThenSearch()
    {
        const auto s = sync(QStringLiteral("acme"));
        QVERIFY(s.cold);
        QCOMPARE(s.added, 4);
        QCOMPARE(s.removed, 0);
        QVERIFY(s.watermarkAfter > 0);
        QVERIFY(!s.model.isEmpty()); // no model in the database: learned from the cache
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("revenue"))
                    .contains(QStringLiteral("hypothesis/h1")));
        // Files are private to the user.
        const QString dir = OfflineCache::directoryFor(m_acme);
        QCOMPARE(QFileInfo(dir).permissions() & 0x0077, QFileDevice::Permissions());
        for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files))
            QVERIFY2((f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0,
                     qPrintable(f.fileName()));
    }

    void editsAndRetirementsReachTheCache()
    {
        const auto before = sync(QStringLiteral("acme"));
        QCOMPARE(before.rows, 0); // nothing new: an incremental no-op
        put(m_acme, QStringLiteral("comment"), QStringLiteral("c1"),
            QStringLiteral("the exchange rate feed lags by one day"));
        put(m_acme, QStringLiteral("quirk"), QStringLiteral("q1"),
            QStringLiteral("customer emails are sometimes null before 2024"), true);
        put(m_acme, QStringLiteral("hypothesis"), QStringLiteral("h2"),
            QStringLiteral("a timezone shift moves orders to the next day"));
        const auto s = sync(QStringLiteral("acme"));
        QVERIFY(!s.cold);
        QCOMPARE(s.rows, 3);
        QCOMPARE(s.added, 1);
        QCOMPARE(s.updated, 1);
        QCOMPARE(s.removed, 1);
        QVERIFY(s.watermarkAfter > before.watermarkAfter);
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("exchange rate"))
                    .contains(QStringLiteral("comment/c1")));
        QVERIFY(!offlineIds(QStringLiteral("acme"), QStringLiteral("currency conversion"),
                            SearchMode::Lexical)
                     .contains(QStringLiteral("comment/c1")));
        for (SearchMode mode : {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid})
            QVERIFY(
                !offlineIds(QStringLiteral("acme"), QStringLiteral("customer emails null"), mode)
                     .contains(QStringLiteral("quirk/q1")));
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("timezone"))
                    .contains(QStringLiteral("hypothesis/h2")));
    }

    void tenantsNeverSeeEachOther()
    {
        sync(QStringLiteral("globex"));
        // The slug works offline: remembered by the sync.
        for (SearchMode mode : {SearchMode::Lexical, SearchMode::Vector, SearchMode::Hybrid}) {
            const QStringList acme = offlineIds(QStringLiteral("acme"),
                                                QStringLiteral("zeppelin revenue orders"), mode);
            QVERIFY2(!acme.contains(QStringLiteral("hypothesis/secret")),
                     qPrintable(acme.join(u',')));
        }
        QVERIFY(offlineIds(QStringLiteral("globex"), QStringLiteral("zeppelin"))
                    .contains(QStringLiteral("hypothesis/secret")));
        QVERIFY(offlineIds(m_acme.toString(QUuid::WithoutBraces), QStringLiteral("revenue"))
                    .contains(QStringLiteral("hypothesis/h1")));
        QVERIFY(OfflineCache::directoryFor(m_acme) != OfflineCache::directoryFor(m_globex));
        // A cache directory of one tenant refuses to serve as another's.
        QTemporaryDir other;
        QVERIFY(QFile::copy(OfflineCache::directoryFor(m_globex) + QStringLiteral("/search.sqlite"),
                            other.path() + QStringLiteral("/copy.sqlite")));
        QVERIFY(QDir().rename(OfflineCache::directoryFor(m_globex),
                              OfflineCache::directoryFor(m_globex) + QStringLiteral(".bak")));
        QVERIFY(QDir().rename(OfflineCache::directoryFor(m_acme),
                              OfflineCache::directoryFor(m_globex)));
        auto wrong = OfflineCache::open(m_globex);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("wrong_tenant"));
        QVERIFY(QDir().rename(OfflineCache::directoryFor(m_globex),
                              OfflineCache::directoryFor(m_acme)));
        QVERIFY(QDir().rename(OfflineCache::directoryFor(m_globex) + QStringLiteral(".bak"),
                              OfflineCache::directoryFor(m_globex)));
    }

    void truncatedIndexIsRebuilt()
    {
        const QString file = OfflineCache::directoryFor(m_acme) + QStringLiteral("/vectors.hnsw");
        QVERIFY(QFileInfo::exists(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 3));
        f.close();
        {
            auto cache = OfflineCache::open(m_acme);
            QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
            QVERIFY2(!(*cache)->index().recoveryNote().isEmpty(), "the damage went unnoticed");
        }
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("timezone shift next day"),
                           SearchMode::Vector)
                    .contains(QStringLiteral("hypothesis/h2")));
        // Garbage instead of a file: same.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(4096, '\xff'));
        f.close();
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("timezone shift next day"),
                           SearchMode::Vector)
                    .contains(QStringLiteral("hypothesis/h2")));
    }

    void searchFallsBackWhenTheDatabaseIsUnreachable()
    {
        const auto run = m_db->run(
            QStringLiteral("knowledgectl"),
            {QStringLiteral("--database"),
             QStringLiteral("postgresql://127.0.0.1:1/nothing?connect_timeout=3"),
             QStringLiteral("search"), QStringLiteral("timezone"), QStringLiteral("--json")},
            {}, QStringLiteral("acme"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("database unreachable")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("offline cache synced at")), qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("offline"));
        const QJsonArray results = o.value(QStringLiteral("results")).toArray();
        QVERIFY(!results.isEmpty());
        QCOMPARE(results.first().toObject().value(QStringLiteral("source_id")).toString(),
                 QStringLiteral("h2"));
        // And --offline never needs the database either.
        const auto forced = m_db->run(QStringLiteral("knowledgectl"),
                                      {QStringLiteral("search"), QStringLiteral("zeppelin"),
                                       QStringLiteral("--offline"), QStringLiteral("--json")},
                                      {}, QStringLiteral("acme"));
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY(!forced.out.contains(QStringLiteral("secret")));
    }

    void datasetByNameWorksOffline()
    {
        // `--dataset public.payments` must mean the same offline as online: the sync
        // remembers the tenant's dataset names.
        const QUuid payments = QUuid::createUuid();
        {
            pqxx::work tx(m_db->admin());
            tx.exec_params("INSERT INTO datasets (tenant_id, id, name) VALUES ($1, $2, "
                           "'public.payments')",
                           m_acme.toString(QUuid::WithoutBraces).toStdString(),
                           payments.toString(QUuid::WithoutBraces).toStdString());
            tx.exec_params("INSERT INTO search_documents (tenant_id, source_type, source_id, "
                           "dataset_id, content, created_at) VALUES ($1, 'quirk', 'pay1', $2, "
                           "'payments settle two days after the orders', now())",
                           m_acme.toString(QUuid::WithoutBraces).toStdString(),
                           payments.toString(QUuid::WithoutBraces).toStdString());
            tx.commit();
        }
        sync(QStringLiteral("acme"));
        auto search = [&](const QString &dataset) {
            return m_db->run(QStringLiteral("knowledgectl"),
                             {QStringLiteral("search"), QStringLiteral("orders"),
                              QStringLiteral("--offline"), QStringLiteral("--dataset"), dataset,
                              QStringLiteral("--json")},
                             {}, QStringLiteral("acme"));
        };
        for (const QString &key :
             {QStringLiteral("public.payments"), payments.toString(QUuid::WithoutBraces)}) {
            const auto run = search(key);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QJsonArray results = QJsonDocument::fromJson(run.out.toUtf8())
                                           .object()
                                           .value(QStringLiteral("results"))
                                           .toArray();
            QCOMPARE(results.size(), 1); // "orders" is in other documents too: filtered out
            QCOMPARE(results.first().toObject().value(QStringLiteral("source_id")).toString(),
                     QStringLiteral("pay1"));
        }
        const auto unknown = search(QStringLiteral("public.nothing"));
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(QStringLiteral("knows no dataset named 'public.nothing'")),
                 qPrintable(unknown.err));
        QVERIFY(unknown.out.isEmpty());
    }

    void syncCommandReportsCounts()
    {
        put(m_acme, QStringLiteral("finding"), QStringLiteral("f1"),
            QStringLiteral("orders double counted after the retry storm"));
        const auto run = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("sync"), QStringLiteral("--json")}, {},
                                   QStringLiteral("acme"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("cold")).toBool(), false);
        QVERIFY(run.err.contains(QStringLiteral("sync: ")));
    }
};

QTEST_GUILESS_MAIN(TestOfflineCache)
#include "tst_offlinecache.moc"
