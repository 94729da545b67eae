// The offline search cache against the real PostgreSQL: sync brings inserts, edits and
// retirements; tenants never see each other's documents; a damaged vector index is rebuilt;
// one tenant UUID in two databases (or schemas) gets two caches and two watermarks;
// `knowledgectl search` finds the cache through the remembered connection when the database
// is unreachable (behind a TCP forwarder that is closed, so the URL stays the same); a sync
// in another process and searches here never see a broken index; a dead sync's lock is taken
// over.

#include "databasetestcase.h"
#include "migrator.h"
#include "offlinecache.h"
#include "offlinesearch.h"
#include "tcpforwarder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>

using namespace ke;
using ke::test::TestDatabase;

using ke::test::TcpForwarder;

class TestOfflineCache : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QUuid m_acme, m_globex;
    QString m_otherDatabase;
    QString m_login;

    void put(const QUuid &tenant, const QString &type, const QString &id, const QString &content,
             bool retired = false)
    {
        m_db->exec(
            QStringLiteral("INSERT INTO search_documents (tenant_id, source_type, source_id, "
                           "content, created_at, retired) VALUES ($1, $2, $3, $4, now(), "
                           "$5) ON CONFLICT (tenant_id, source_type, source_id) DO UPDATE "
                           "SET content = excluded.content, retired = excluded.retired, "
                           "change_seq = nextval('search_documents_change_seq')"),
            {tenant, type, id, content, retired});
    }

    OfflineCache::SyncSummary sync(const QString &slug)
    {
        auto db = m_db->connect(slug);
        if (!db)
            qFatal("%s", qPrintable(TestDatabase::error()));
        auto cache = OfflineCache::openForSync(*db);
        if (!cache)
            qFatal("%s", qPrintable(cache.error().message));
        auto summary = (*cache)->sync(*db, {}, 2); // tiny pages: several round trips
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        return *summary;
    }

    /// Starts `knowledgectl sync` for `tenant` of the test schema in `process` (not waiting).
    void startSync(QProcess &process, const QString &tenant, const QStringList &args = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_db->schema());
        env.insert(QStringLiteral("KNOWLEDGE_TENANT"), tenant);
        process.setProcessEnvironment(env);
        QString bin = qEnvironmentVariable("KE_BUILD_BIN");
        if (bin.isEmpty())
            bin = QCoreApplication::applicationDirPath();
        process.start(bin + QStringLiteral("/knowledgectl"),
                      QStringList{QStringLiteral("sync")} + args);
    }

    /// The cache directory of a tenant of the test schema (found as offline search does).
    QString dirOf(const QUuid &tenant) const
    {
        return OfflineCache::directoryFor(OfflineCache::rememberedDatabase(m_db->settings()),
                                          tenant);
    }

    /// The test PostgreSQL over TCP: postgresql://USER@127.0.0.1:PORT/DATABASE.
    QString tcpUrl(quint16 port, const QString &database = {}, QString user = {}) const
    {
        const QUrl url(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"));
        const QUrlQuery q(url);
        if (user.isEmpty())
            user = q.hasQueryItem(QStringLiteral("user")) ? q.queryItemValue(QStringLiteral("user"))
                                                          : url.userName();
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?connect_timeout=3")
            .arg(user)
            .arg(port)
            .arg(database.isEmpty() ? url.path().mid(1) : database);
    }
    quint16 serverPort() const
    {
        const QUrl url(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"));
        const QUrlQuery q(url);
        return q.hasQueryItem(QStringLiteral("port"))
            ? quint16(q.queryItemValue(QStringLiteral("port")).toUInt())
            : quint16(url.port(5432));
    }

    QStringList offlineIds(const QString &tenant, const QString &query,
                           SearchMode mode = SearchMode::Hybrid)
    {
        return offlineIds(m_db->settings(tenant), query, mode);
    }
    QStringList offlineIds(const ConnectionSettings &s, const QString &query,
                           SearchMode mode = SearchMode::Hybrid)
    {
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
        KE_CREATE_CACHED_TEST_DATABASE("offlinecache");
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
        const QString dir = dirOf(m_acme);
        QVERIFY(dir.contains(QStringLiteral("/db-")));
        QCOMPARE(QFileInfo(dir).permissions() & 0x0077, QFileDevice::Permissions());
        for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files))
            QVERIFY2((f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0,
                     qPrintable(f.fileName()));
    }

    // KNOWLEDGE_CACHE_DIR may name a directory of the user's (even $HOME): it keeps its mode.
    // What the cache creates, the root included when it is missing, is 0700 from the start.
    void chosenCacheRootKeepsItsMode()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(home.path(), open));
        const QByteArray saved = qgetenv("KNOWLEDGE_CACHE_DIR");
        for (const QString &root :
             QStringList{home.path(), home.path() + QStringLiteral("/new/cache")}) {
            qputenv("KNOWLEDGE_CACHE_DIR", root.toUtf8());
            sync(QStringLiteral("acme"));
            const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
                | QFileDevice::ExeOther;
            QCOMPARE(QFileInfo(home.path()).permissions() & others, open & others);
            if (root != home.path()) {
                QCOMPARE(QFileInfo(home.path() + QStringLiteral("/new")).permissions() & others,
                         QFileDevice::Permissions());
                QCOMPARE(QFileInfo(root).permissions() & others, QFileDevice::Permissions());
            }
            const QString dir = dirOf(m_acme);
            QVERIFY2(dir.startsWith(root), qPrintable(dir));
            QCOMPARE(QFileInfo(dir).permissions() & others, QFileDevice::Permissions());
            QCOMPARE(QFileInfo(QFileInfo(dir).path()).permissions() & others,
                     QFileDevice::Permissions());
        }
        qputenv("KNOWLEDGE_CACHE_DIR", saved);
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
        QVERIFY(dirOf(m_acme) != dirOf(m_globex));
        // A cache directory of one tenant refuses to serve as another's.
        QVERIFY(QDir().rename(dirOf(m_globex), dirOf(m_globex) + QStringLiteral(".bak")));
        QVERIFY(QDir().rename(dirOf(m_acme), dirOf(m_globex)));
        auto wrong = OfflineCache::openForSearch(m_db->settings(QStringLiteral("globex")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("wrong_tenant"));
        QVERIFY(QDir().rename(dirOf(m_globex), dirOf(m_acme)));
        QVERIFY(QDir().rename(dirOf(m_globex) + QStringLiteral(".bak"), dirOf(m_globex)));
    }

    void truncatedIndexIsRebuilt()
    {
        const QString file = dirOf(m_acme) + QStringLiteral("/vectors.hnsw");
        QVERIFY(QFileInfo::exists(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 3));
        f.close();
        {
            auto cache = OfflineCache::openForSearch(m_db->settings(QStringLiteral("acme")));
            QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
            QVERIFY(!(*cache)->isSnapshot()); // nobody syncs: repaired
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
        // Online once through the forwarder: sync remembers which database this URL reaches
        // (the same one as the socket URL above: one cache, not two).
        TcpForwarder forwarder(serverPort());
        QVERIFY(forwarder.port() != 0);
        const QString url = tcpUrl(forwarder.port());
        const auto synced = m_db->run(
            QStringLiteral("knowledgectl"),
            {QStringLiteral("--database"), url, QStringLiteral("sync"), QStringLiteral("--json")},
            {}, QStringLiteral("acme"));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QCOMPARE(QJsonDocument::fromJson(synced.out.toUtf8())
                     .object()
                     .value(QStringLiteral("cache"))
                     .toString(),
                 dirOf(m_acme));
        forwarder.close(); // the network is gone; the URL stays the same

        const auto run = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("--database"), url, QStringLiteral("search"),
                                    QStringLiteral("timezone"), QStringLiteral("--json")},
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
        // The tenant by slug offline, through the remembered database's tenants.json.
        const auto bySlug = m_db->run(QStringLiteral("knowledgectl"),
                                      {QStringLiteral("--database"), url, QStringLiteral("search"),
                                       QStringLiteral("zeppelin"), QStringLiteral("--offline"),
                                       QStringLiteral("--json")},
                                      {}, QStringLiteral("globex"));
        QVERIFY2(bySlug.exitCode == 0, qPrintable(bySlug.err));
        QVERIFY(bySlug.out.contains(QStringLiteral("secret")));
        // A connection never made online has no cache: a clear error, not another's cache.
        const auto never = m_db->run(
            QStringLiteral("knowledgectl"),
            {QStringLiteral("--database"),
             QStringLiteral("postgresql://127.0.0.1:1/nothing?connect_timeout=3"),
             QStringLiteral("search"), QStringLiteral("timezone"), QStringLiteral("--offline")},
            {}, QStringLiteral("acme"));
        QVERIFY(never.exitCode != 0);
        QVERIFY2(never.err.contains(QStringLiteral("no offline cache for"))
                     && never.err.contains(QStringLiteral("knowledgectl sync")),
                 qPrintable(never.err));
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
        m_db->exec(QStringLiteral("INSERT INTO datasets (tenant_id, id, name) VALUES ($1, $2, "
                                  "'public.payments')"),
                   {m_acme, payments});
        m_db->exec(
            QStringLiteral("INSERT INTO search_documents (tenant_id, source_type, source_id, "
                           "dataset_id, content, created_at) VALUES ($1, 'quirk', 'pay1', "
                           "$2, 'payments settle two days after the orders', now())"),
            {m_acme, payments});
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
    void oneTenantInTwoDatabasesHasTwoCaches()
    {
        // "Staging" restored from "production": the same tenant UUID, the same schema name,
        // another database with a shorter change history. Its sync must start cold, not from
        // production's watermark, and neither cache may hold the other's documents.
        m_otherDatabase = QStringLiteral("ke_oc_other_%1").arg(QCoreApplication::applicationPid());
        m_db->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_otherDatabase));
        m_db->exec(QStringLiteral("CREATE DATABASE %1").arg(m_otherDatabase));
        ConnectionSettings staging = m_db->settings();
        staging.databaseUrl = tcpUrl(serverPort(), m_otherDatabase);
        {
            auto owner = Database::connect(staging);
            QVERIFY2(owner, owner ? "" : qPrintable(owner.error().message));
            auto migrated = Migrator::migrate(**owner);
            QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));
            auto same
                = (*owner)->createTenant(QStringLiteral("acme"), QStringLiteral("acme"), m_acme);
            QVERIFY2(same && *same == m_acme, same ? "" : qPrintable(same.error().message));
            auto raw = test::orThrow(SqlSession::open(staging.databaseUrl));
            test::orThrow(raw.exec(
                QStringLiteral("INSERT INTO %1.search_documents (tenant_id, source_type, "
                               "source_id, content, created_at) VALUES ($1, 'quirk', 'st1', "
                               "'staging kumquat ledger drifts', now()), ($1, 'quirk', 'st2', "
                               "'staging kumquat invoices repeat', now())")
                    .arg(m_db->schema()),
                {m_acme}));
        }
        const auto production = sync(QStringLiteral("acme"));
        QVERIFY(production.watermarkAfter > 2); // production's history is longer

        staging.tenant = QStringLiteral("acme");
        auto db = Database::connect(staging);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        auto cache = OfflineCache::openForSync(**db);
        QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
        QVERIFY((*cache)->index().directory() != dirOf(m_acme));
        QCOMPARE((*cache)->watermark(), 0);
        auto summary = (*cache)->sync(**db);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QVERIFY(summary->cold);
        QCOMPARE(summary->added, 2);
        QVERIFY(summary->watermarkAfter <= 2);
        cache->reset();

        // Offline, each connection finds its own database's cache.
        ConnectionSettings offlineStaging = staging;
        QCOMPARE(offlineIds(offlineStaging, QStringLiteral("kumquat"), SearchMode::Lexical).size(),
                 2);
        QVERIFY(!offlineIds(offlineStaging, QStringLiteral("timezone"), SearchMode::Lexical)
                     .contains(QStringLiteral("hypothesis/h2")));
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("kumquat"), SearchMode::Lexical)
                    .isEmpty());
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("timezone"), SearchMode::Lexical)
                    .contains(QStringLiteral("hypothesis/h2")));
        // Production's watermark did not move.
        QCOMPARE(sync(QStringLiteral("acme")).watermarkBefore, production.watermarkAfter);

        // Another schema in the first database: a third cache.
        auto second = TestDatabase::create(QStringLiteral("offlinecache2"));
        QVERIFY2(second, qPrintable(TestDatabase::error()));
        {
            auto owner = Database::connect(second->settings());
            QVERIFY(owner);
            QVERIFY((*owner)->createTenant(QStringLiteral("acme"), {}, m_acme));
        }
        auto other = second->connect(QStringLiteral("acme"));
        QVERIFY2(other, qPrintable(TestDatabase::error()));
        auto third = OfflineCache::openForSync(*other);
        QVERIFY2(third, third ? "" : qPrintable(third.error().message));
        QVERIFY((*third)->index().directory() != dirOf(m_acme));
        QVERIFY((*third)->index().directory()
                != OfflineCache::directoryFor(OfflineCache::rememberedDatabase(staging), m_acme));
        QCOMPARE((*third)->watermark(), 0);
    }

    void databaseIdentityForOrdinaryLogins()
    {
        // An ordinary login reads the system identifier; where a server revokes
        // pg_control_system() (here: in the second database only), the identity falls back to
        // the server's address and port, and still names the database.
        QVERIFY(!m_otherDatabase.isEmpty());
        m_login = QStringLiteral("ke_oc_login_%1").arg(QCoreApplication::applicationPid());
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_login));
        m_db->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_login));
        auto identityAs = [&](const QString &database) -> Result<DatabaseIdentity> {
            ConnectionSettings s = m_db->settings();
            s.databaseUrl = tcpUrl(serverPort(), database, m_login);
            auto db = Database::connect(s);
            if (!db)
                return db.error();
            return DatabaseIdentity::query(**db);
        };
        const QString mainDatabase
            = QUrl(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL")).path().mid(1);
        auto normal = identityAs(mainDatabase);
        QVERIFY2(normal, normal ? "" : qPrintable(normal.error().message));
        QCOMPARE(normal->systemIdentifier,
                 m_db->scalar(
                     QStringLiteral("SELECT system_identifier::text FROM pg_control_system()")));
        QCOMPARE(normal->databaseName, mainDatabase);
        {
            ConnectionSettings owner = m_db->settings();
            owner.databaseUrl = tcpUrl(serverPort(), m_otherDatabase);
            auto raw = test::orThrow(SqlSession::open(owner.databaseUrl));
            test::orThrow(raw.exec(
                QStringLiteral("REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC")));
        }
        auto fallback = identityAs(m_otherDatabase);
        QVERIFY2(fallback, fallback ? "" : qPrintable(fallback.error().message));
        QCOMPARE(fallback->systemIdentifier, QStringLiteral("addr:127.0.0.1:%1").arg(serverPort()));
        QCOMPARE(fallback->databaseName, m_otherDatabase);
        QVERIFY(fallback->key() != normal->key());
        QVERIFY(fallback->key().startsWith(QStringLiteral("db-")));
    }

    void passwordNeverEntersTheConnectionKey()
    {
        ConnectionSettings a = m_db->settings();
        a.databaseUrl = QStringLiteral("postgresql://alice:s3cret-one@db1.example:5432/prod");
        ConnectionSettings b = a;
        b.databaseUrl = QStringLiteral("postgresql://alice:other-pw@db1.example:5432/prod");
        ConnectionSettings c = a;
        c.databaseUrl = QStringLiteral("host=db1.example port=5432 dbname=prod user=alice "
                                       "password=s3cret-one");
        QCOMPARE(OfflineCache::connectionKey(a), OfflineCache::connectionKey(b));
        QCOMPARE(OfflineCache::connectionKey(a), OfflineCache::connectionKey(c));
        ConnectionSettings d = a;
        d.databaseUrl = QStringLiteral("postgresql://alice@db2.example:5432/prod");
        QVERIFY(OfflineCache::connectionKey(a) != OfflineCache::connectionKey(d));
        ConnectionSettings login = a;
        login.databaseUrl = QStringLiteral("postgresql://bob@db1.example:5432/prod");
        QCOMPARE(OfflineCache::connectionKey(a), OfflineCache::connectionKey(login));
        ConnectionSettings e = a;
        e.schema = QStringLiteral("other");
        QVERIFY(OfflineCache::connectionKey(a) != OfflineCache::connectionKey(e));
        // Nothing in the cache root holds a URL or a password.
        QFile f(OfflineCache::rootDirectory() + QStringLiteral("/connections.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray mapping = f.readAll();
        QVERIFY(!mapping.contains("postgres"));
        QVERIFY(!mapping.contains("127.0.0.1"));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    void oldTenantOnlyCacheIsIgnored()
    {
        // A cache of the earlier layout (<root>/<tenant>/) is never read, never an error by
        // itself; without a current cache the message asks for a sync and names it.
        const QUuid old = QUuid::createUuid();
        const QString oldDir
            = OfflineCache::rootDirectory() + QLatin1Char('/') + old.toString(QUuid::WithoutBraces);
        QVERIFY(QDir().mkpath(oldDir));
        {
            QFile legacy(oldDir + QStringLiteral("/search.sqlite"));
            QVERIFY(legacy.open(QIODevice::WriteOnly));
        }
        ConnectionSettings never = m_db->settings(old.toString(QUuid::WithoutBraces));
        never.databaseUrl = QStringLiteral("postgresql://127.0.0.1:1/legacy");
        auto outcome = OfflineCache::openForSearch(never);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, QStringLiteral("no_cache"));
        QVERIFY2(outcome.error().message.contains(QStringLiteral("earlier version"))
                     && outcome.error().message.contains(QStringLiteral("knowledgectl sync")),
                 qPrintable(outcome.error().message));
        // The current caches keep working beside it.
        QVERIFY(offlineIds(QStringLiteral("acme"), QStringLiteral("timezone"))
                    .contains(QStringLiteral("hypothesis/h2")));
    }

    void concurrentSyncAndSearchNeverSeeABrokenIndex()
    {
        // A tenant big enough that its sync takes a while; a first sync of part of it, then
        // `knowledgectl sync` in another process while this one searches the cache again and
        // again: every search answers, none rebuilds or sees a damaged index.
        const QUuid initech = m_db->createTenant(QStringLiteral("initech"));
        auto fill = [&](int from, int to) {
            m_db->exec(QStringLiteral(
                           "INSERT INTO search_documents (tenant_id, source_type, source_id, "
                           "content, created_at) SELECT $1, 'comment', 'n' || g, 'stapler report "
                           "' || g || ' ' || (ARRAY['orders','revenue','latency','refunds',"
                           "'churn'])[1 + g % 5] || ' ' || md5(g::text), now() FROM "
                           "generate_series($2::int, $3::int) g"),
                       {initech, from, to});
        };
        fill(1, 2000);
        sync(QStringLiteral("initech"));
        fill(2001, 60000);
        m_db->exec(QStringLiteral("UPDATE search_documents SET content = content || ' revised', "
                                  "change_seq = nextval('search_documents_change_seq') WHERE "
                                  "source_id IN ('n1', 'n2')"));

        QProcess writer;
        startSync(writer, QStringLiteral("initech"), {QStringLiteral("--quiet")});
        QVERIFY(writer.waitForStarted());

        const ConnectionSettings settings = m_db->settings(QStringLiteral("initech"));
        int searches = 0, snapshots = 0, busyRefused = 0;
        double maxWait = 0, totalWait = 0, maxOpen = 0;
        QElapsedTimer clock;
        clock.start();
        while (writer.state() != QProcess::NotRunning || searches < 5) {
            QElapsedTimer open;
            open.start();
            auto cache = OfflineCache::openForSearch(settings);
            QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
            maxOpen = std::max(maxOpen, double(open.nsecsElapsed()) / 1e6);
            const QString note = (*cache)->index().recoveryNote();
            QVERIFY2(!note.contains(QStringLiteral("rebuilt")), qPrintable(note));
            QVERIFY2(!note.contains(QStringLiteral("damaged")), qPrintable(note));
            snapshots += (*cache)->isSnapshot() ? 1 : 0;
            maxWait = std::max(maxWait, (*cache)->lockWaitMs());
            totalWait += (*cache)->lockWaitMs();
            SearchRequest req;
            req.text = QStringLiteral("stapler revenue");
            req.limit = 20;
            auto hits = (*cache)->index().search(req);
            QVERIFY2(hits, hits ? "" : qPrintable(hits.error().message));
            QVERIFY(!hits->isEmpty());
            ++searches;
            // A second writer is refused while the first one syncs (or waits for it).
            if (writer.state() == QProcess::Running && busyRefused == 0) {
                auto db = m_db->connect(QStringLiteral("initech"));
                QVERIFY(db);
                auto second = OfflineCache::openForSync(*db, 0);
                if (!second && second.error().is(ErrorCode::CacheBusy))
                    ++busyRefused;
            }
            writer.waitForFinished(50);
            QVERIFY2(clock.elapsed() < 300000, "the sync did not finish");
        }
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        qInfo("%d searches during a %.1f s sync of 58000 documents: %d opened a snapshot, lock "
              "wait mean %.2f ms, max %.1f ms; slowest open %.1f ms; second writer refused: %d",
              searches, double(clock.elapsed()) / 1000.0, snapshots, totalWait / searches, maxWait,
              maxOpen, busyRefused);
        QVERIFY2(snapshots > 0, "no search overlapped the sync: the test proves nothing");

        // Afterwards: a normal open, nothing to repair, every document there.
        auto after = OfflineCache::openForSearch(settings);
        QVERIFY2(after, after ? "" : qPrintable(after.error().message));
        QVERIFY(!(*after)->isSnapshot());
        QVERIFY2((*after)->index().recoveryNote().isEmpty(),
                 qPrintable((*after)->index().recoveryNote()));
        QCOMPARE(*(*after)->index().documentCount(), 60000);
        SearchRequest vector;
        vector.text = QStringLiteral("stapler refunds");
        vector.mode = SearchMode::Vector;
        auto hits = (*after)->index().search(vector);
        QVERIFY(hits && !hits->isEmpty());
    }

    void deadSyncLockIsTakenOver()
    {
        // A sync killed mid-way leaves its lock file behind; the next sync takes it over
        // (its process is gone) and the cache is whole again.
        m_db->exec(QStringLiteral("UPDATE search_documents SET content = content || ' again', "
                                  "change_seq = nextval('search_documents_change_seq') WHERE "
                                  "source_type = 'comment' AND source_id LIKE 'n%'"));
        QProcess writer;
        writer.setReadChannel(QProcess::StandardError);
        startSync(writer, QStringLiteral("initech"));
        QVERIFY(writer.waitForStarted());
        const QUuid initech = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'initech'")));
        const QString lockPath = dirOf(initech) + QStringLiteral("/sync.lock");
        // Kill it once it holds the lock and has committed some pages: "sync: N of M
        // changes" with N > 0 (edits only: the document count stays the same, so only the
        // unsaved-index mark can tell that the graph on disk is stale).
        static const QRegularExpression progress(QStringLiteral("sync: ([1-9][0-9]*) of"));
        QByteArray err;
        while (!progress.match(QString::fromUtf8(err)).hasMatch()) {
            QVERIFY2(writer.waitForReadyRead(60000), err.constData());
            err += writer.readAllStandardError();
        }
        QVERIFY(QFileInfo::exists(lockPath));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished());
        QVERIFY(QFileInfo::exists(lockPath)); // left behind

        auto db = m_db->connect(QStringLiteral("initech"));
        QVERIFY(db);
        QElapsedTimer t;
        t.start();
        auto cache = OfflineCache::openForSync(*db, 5000);
        QVERIFY2(cache, cache ? "" : qPrintable(cache.error().message));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY2((*cache)->index().recoveryNote().contains(QStringLiteral("interrupted")),
                 qPrintable((*cache)->index().recoveryNote()));
        auto summary = (*cache)->sync(*db);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        cache->reset();
        auto reader = OfflineCache::openForSearch(m_db->settings(QStringLiteral("initech")));
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QCOMPARE(*(*reader)->index().documentCount(), 60000);
        QVERIFY2((*reader)->index().recoveryNote().isEmpty(),
                 qPrintable((*reader)->index().recoveryNote()));
    }

    void keptCacheFollowsASync()
    {
        // Offline searches keep the last cache open (the GUI searches as one types) and
        // reopen it once a sync in another process has saved a new index.
        const ConnectionSettings settings = m_db->settings(QStringLiteral("initech"));
        SearchRequest req;
        req.text = QStringLiteral("stapler refunds");
        req.limit = 10;
        const int rounds = 10;
        QElapsedTimer t;
        QVERIFY(offlineSearch(settings, req)); // opens and keeps it
        t.start();
        for (int i = 0; i < rounds; ++i)
            QVERIFY(offlineSearch(settings, req));
        const double kept = double(t.nsecsElapsed()) / 1e6 / rounds;
        t.restart();
        for (int i = 0; i < rounds; ++i) {
            auto cache = OfflineCache::openForSearch(settings);
            QVERIFY(cache && (*cache)->index().search(req));
        }
        const double reopened = double(t.nsecsElapsed()) / 1e6 / rounds;
        qInfo("offline search of 60000 documents: %.1f ms with the cache kept open, %.1f ms "
              "reopening it each time",
              kept, reopened);

        const QUuid initech = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'initech'")));
        put(initech, QStringLiteral("quirk"), QStringLiteral("zz1"),
            QStringLiteral("churn latency churn latency"));
        QProcess writer;
        startSync(writer, QStringLiteral("initech"), {QStringLiteral("--quiet")});
        QVERIFY(writer.waitForFinished(120000));
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        // Only the vector signal, which lives in the (re)loaded graph, not in SQLite.
        const QStringList ids = offlineIds(settings, QStringLiteral("churn latency churn latency"),
                                           SearchMode::Vector);
        QVERIFY2(!ids.isEmpty() && ids.first() == QStringLiteral("quirk/zz1"),
                 qPrintable(ids.join(u',')));
    }

    void cleanupTestCase()
    {
        if (!m_db)
            return;
        if (!m_otherDatabase.isEmpty())
            m_db->exec(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_otherDatabase));
        if (!m_login.isEmpty())
            m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_login));
    }
};

QTEST_GUILESS_MAIN(TestOfflineCache)
#include "tst_offlinecache.moc"
