#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "sqlsession.h"

#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QString>
#include <QUuid>

#include <memory>

namespace ke::test {

/// What a program a test ran printed, and its exit code (-1: it crashed, did not start or did
/// not finish in time; then `err` says so).
struct ProcessRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs `path` with `args` in `env`, feeding `input` on stdin; waits `timeoutMs` at most.
ProcessRun runProcess(const QString &path, const QStringList &args, const QProcessEnvironment &env,
                      const QByteArray &input, int timeoutMs);

using ke::orThrow;
/// The message of a failed Result, empty for a value (QVERIFY2 evaluates its message even on
/// success: never touch error() of a value).
template <typename R> QString errorOf(const R &r)
{
    return r ? QString() : r.error().message;
}

/// A private, freshly migrated schema in the test PostgreSQL (KNOWLEDGE_DATABASE_URL, as
/// printed by `scripts/postgres env`), so test executables can run in parallel. Dropped in
/// the destructor. There is no silent skip: when the database is unreachable, create()
/// returns null and error() says why — the test must QFAIL/QVERIFY2 on it.
class TestDatabase
{
public:
    static std::unique_ptr<TestDatabase> create(const QString &prefix);
    static QString error();
    ~TestDatabase();

    QString schema() const { return m_schema; }

    /// Who a test speaks as. Suites that read or write tenant data connect as the people the
    /// product protects: a member login per (tenant, person), granted with `knowledgectl access`
    /// semantics (Access::grant); a service login plays the orchestrator or the worker for one
    /// tenant; the owner (the superuser of the private server) only migrates and administers.
    enum class As {
        Member,
        Reader,
        Service,
        Owner,
        Worker ///< a service login for every tenant (the worker; registers orchestrator tenants)
    };
    /// The login role for `as` on `tenant` (UUID or slug) as `person` (a handle; empty = the
    /// login's own name for a member, none for a service), created and granted on first use and
    /// dropped with the schema. Empty for As::Owner (the URL's own user).
    QString login(const QString &tenant, const QString &person, As as);
    /// Settings for this schema, optionally with tenant and actor, as the owner.
    ConnectionSettings settings(const QString &tenant = {}, const QString &actor = {}) const;
    /// Settings for this schema as `login` (see login()).
    ConnectionSettings settingsAs(const QString &login, const QString &tenant = {},
                                  const QString &actor = {}) const;
    /// Settings for this schema as the member login of (`tenant`, `person`), on that tenant.
    ConnectionSettings memberSettings(const QString &tenant, const QString &person)
    {
        return settingsAs(login(tenant, person, As::Member), tenant);
    }
    /// Creates a tenant (slug) and returns its id; aborts the test on failure (QVERIFY).
    QUuid createTenant(const QString &slug);
    /// Registers a dataset `name` of `tenant` by hand-written SQL (as another writer would) and
    /// returns its new id. Throws on SQL errors.
    QUuid createDataset(const QUuid &tenant, const QString &name);
    /// A product connection for tenant/actor, or null (with error()): as a member login of
    /// (tenant, actor) by default; as the owner when no tenant is given.
    std::unique_ptr<Database> connect(const QString &tenant, const QString &actor = {},
                                      As as = As::Member);
    /// A superuser/owner session with search_path set to the schema, for hand-written SQL
    /// in tests (and for statements whose error the test checks).
    SqlSession &admin();
    /// Runs one statement as the owner; returns the first column of the first row as text
    /// (empty for none). Throws on SQL errors (let the test fail).
    QString scalar(const QString &sql, const SqlParams &params = {});
    /// Runs one statement as the owner; returns the rows it affected. Throws on SQL errors.
    qint64 exec(const QString &sql, const SqlParams &params = {});
    /// Runs one query as the owner; returns its rows. Throws on SQL errors.
    QList<SqlRow> rows(const QString &sql, const SqlParams &params = {});

    using Run = ProcessRun;
    /// Runs build/bin/<program> with args, against this schema (environment set), feeding
    /// `input` on stdin. Without `as`: with a tenant as a member login of (tenant, actor) — or,
    /// for the worker's jobs (embed, build-training, export-training), as a service login of the
    /// tenant — and without a tenant as the owner.
    Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
            const QString &tenant = {}, const QString &actor = {},
            std::optional<As> as = std::nullopt);

private:
    TestDatabase() = default;
    QString m_schema;
    QHash<QString, QString> m_logins; ///< "as|tenant|person" -> login role
    QMutex m_loginsLock; ///< tests connect from several threads
    std::optional<SqlSession> m_admin;
};

} // namespace ke::test
