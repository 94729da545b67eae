#pragma once

// What the test cases on a database of their own share: the database, created once in
// initTestCase, and the usual first steps on it (demo data, a private offline cache).

#include "tcpforwarder.h"
#include "testdatabase.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace ke::test {

/// The base of a test case on its own database: `m_db`, made by createDatabase() (first thing
/// in initTestCase, through KE_CREATE_TEST_DATABASE), dropped with the test object.
class DatabaseTestCase : public QObject
{
protected:
    /// Creates m_db on a schema named after `prefix`; false when it cannot (see
    /// TestDatabase::error()).
    [[nodiscard]] bool createDatabase(const QString &prefix)
    {
        m_db = TestDatabase::create(prefix);
        return m_db != nullptr;
    }

    /// What the tests of views and clients start from: the offline caches kept in m_cacheRoot
    /// (useCacheDirectory), m_db created on a schema named after `prefix`, then, when
    /// `investigations` > 0, that many demo investigations from `seed` and, with `aggregate`,
    /// the knowledge of tenant acme aggregated. An empty string, or what failed.
    QString createCachedDatabase(const QString &prefix, int investigations = 0, int seed = 0,
                                 bool aggregate = false)
    {
        if (!useCacheDirectory(m_cacheRoot))
            return QStringLiteral("cannot make a temporary directory for the offline caches");
        if (!createDatabase(prefix))
            return TestDatabase::error();
        const TestDatabase::Run done{0, {}, {}};
        const auto seeded = investigations > 0 ? seedDemo(investigations, seed) : done;
        if (seeded.exitCode != 0)
            return QStringLiteral("demo-seed: ") + seeded.out + seeded.err;
        const auto aggregated = aggregate ? aggregateAsService(QStringLiteral("acme")) : done;
        return aggregated.exitCode == 0
            ? QString()
            : QStringLiteral("aggregate: ") + aggregated.out + aggregated.err;
    }

    /// The knowledgectl `commands`, in order, as TestDatabase::run() runs them without a
    /// tenant (the owner); an empty string, or the first that failed and what it said.
    QString runCommands(const QList<QStringList> &commands) const
    {
        for (const QStringList &args : commands) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), args);
            if (r.exitCode != 0)
                return args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err + r.out;
        }
        return {};
    }

    /// `knowledgectl demo-seed` of `investigations` investigations from `seed` on m_db.
    TestDatabase::Run seedDemo(int investigations, int seed) const
    {
        return m_db->run(QStringLiteral("knowledgectl"),
                         {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QString::number(investigations), QStringLiteral("--seed"),
                          QString::number(seed)});
    }

    /// Creates `login` with `password` (LOGIN, member of ke_password_logins: the scram pg_hba
    /// line scripts/postgres adds) and grants it `tenant`; the grant's run (exit code 0 when
    /// it worked).
    TestDatabase::Run createPasswordLogin(const QString &login, const QString &password,
                                          const QString &tenant) const
    {
        m_db->exec(QStringLiteral(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            "'ke_password_logins') THEN CREATE ROLE ke_password_logins NOLOGIN; END IF; END $$"));
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN PASSWORD '%2' "
                                  "IN ROLE ke_password_logins")
                       .arg(login, password));
        return m_db->run(QStringLiteral("knowledgectl"),
                         {QStringLiteral("access"), QStringLiteral("grant"), login,
                          QStringLiteral("--tenant"), tenant});
    }

    /// `knowledgectl aggregate` of `tenant` as a service login — what the worker would have
    /// done before a view reads the knowledge.
    TestDatabase::Run aggregateAsService(const QString &tenant) const
    {
        return m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("aggregate")}, {}, tenant,
                         {}, TestDatabase::As::Service);
    }

    /// The first hypothesis (by event id) of the tenant with `slug`: its investigation, its
    /// hypothesis id and a dataset of the investigation; empty strings when there is none.
    struct Step
    {
        QString investigation, hypothesis, dataset;
    };
    Step firstHypothesis(const QString &slug) const
    {
        const auto rows = m_db->rows(
            QStringLiteral(
                "SELECT e.investigation_id, e.event_data ->> 'hypothesis_id', (SELECT dataset_id "
                "FROM feedback_events d WHERE d.tenant_id = e.tenant_id AND d.investigation_id = "
                "e.investigation_id AND d.dataset_id IS NOT NULL LIMIT 1) FROM feedback_events e "
                "JOIN tenants t ON t.id = e.tenant_id WHERE t.slug = $1 AND e.event_type = "
                "'hypothesis.generated' ORDER BY e.id LIMIT 1"),
            {slug});
        if (rows.isEmpty())
            return {};
        return {rows[0][0], rows[0][1], rows[0][2]};
    }

    /// A member login of `tenant` speaking as `person`, whose connection goes through a TCP
    /// forwarder, with its offline cache synced through it (`knowledgectl sync`): close the
    /// forwarder and the same settings are offline with that cache.
    struct ThroughForwarder
    {
        ConnectionSettings settings;
        std::unique_ptr<TcpForwarder> forwarder;
        TestDatabase::Run sync;
    };
    ThroughForwarder syncedThroughForwarder(const QString &tenant, const QString &person) const
    {
        ThroughForwarder out;
        const QString login = m_db->login(tenant, person, TestDatabase::As::Member);
        out.settings = m_db->settingsAs(login, tenant);
        out.forwarder = std::make_unique<TcpForwarder>(databasePort());
        out.settings.databaseUrl = databaseUrlThrough(out.forwarder->port(), login);
        out.sync = m_db->run(QStringLiteral("knowledgectl"),
                             {QStringLiteral("--database"), out.settings.databaseUrl,
                              QStringLiteral("sync"), QStringLiteral("--quiet")},
                             {}, tenant, person, TestDatabase::As::Member);
        return out;
    }

    /// Undoes createPasswordLogin(): the grant of `tenant` revoked, the login and what it owns
    /// dropped (for cleanupTestCase: the roles are cluster-wide).
    void dropPasswordLogin(const QString &login, const QString &tenant) const
    {
        m_db->run(QStringLiteral("knowledgectl"),
                  {QStringLiteral("access"), QStringLiteral("revoke"), login,
                   QStringLiteral("--tenant"), tenant});
        m_db->exec(QStringLiteral("DROP OWNED BY %1; DROP ROLE IF EXISTS %1").arg(login));
    }

    /// How many events with this id the database holds (a delivered write: exactly 1).
    int storedEvents(const QUuid &id) const
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"), {id})
            .toInt();
    }

    /// Points KNOWLEDGE_CACHE_DIR at `dir`, so offline caches stay inside the test; false when
    /// the temporary directory could not be made.
    static bool useCacheDirectory(const QTemporaryDir &dir)
    {
        if (!dir.isValid())
            return false;
        qputenv("KNOWLEDGE_CACHE_DIR", dir.path().toUtf8());
        return true;
    }

    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_cacheRoot; ///< the offline caches of createCachedDatabase()
};

} // namespace ke::test

/// In a DatabaseTestCase's initTestCase: creates m_db on a schema named after `prefix`, or
/// fails the test case with the reason. There is no silent skip: an unreachable server fails.
#define KE_CREATE_TEST_DATABASE(prefix)                                                            \
    QVERIFY2(createDatabase(QStringLiteral(prefix)), qPrintable(::ke::test::TestDatabase::error()))

/// In initTestCase: createCachedDatabase() with these arguments, or the test case fails with
/// what went wrong.
#define KE_CREATE_CACHED_TEST_DATABASE(prefix, ...)                                                \
    do {                                                                                           \
        const QString failed_ = createCachedDatabase(QStringLiteral(prefix), ##__VA_ARGS__);       \
        QVERIFY2(failed_.isEmpty(), qPrintable(failed_));                                          \
    } while (false)
