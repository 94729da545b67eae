#include "testdatabase.h"

#include "migrator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTest>

namespace ke::test {

namespace {
QString g_error;
} // namespace

QString TestDatabase::error()
{
    return g_error;
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &prefix)
{
    const QString url = qEnvironmentVariable("KNOWLEDGE_DATABASE_URL");
    if (url.isEmpty()) {
        g_error = QStringLiteral("KNOWLEDGE_DATABASE_URL is not set — the tests need the private "
                                 "PostgreSQL: run `scripts/postgres start` and "
                                 "`eval \"$(scripts/postgres env)\"`, or use scripts/test");
        return nullptr;
    }
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    t->m_schema = QStringLiteral("t_%1_%2_%3")
                      .arg(prefix.toLower())
                      .arg(QCoreApplication::applicationPid())
                      .arg(QRandomGenerator::global()->bounded(1000000));
    auto admin = SqlSession::open(url);
    if (!admin) {
        g_error = QStringLiteral("cannot reach the test database (%1): %2")
                      .arg(url, admin.error().message);
        return nullptr;
    }
    t->m_admin.emplace(std::move(*admin));
    auto db = Database::connect(t->settings());
    if (!db) {
        g_error = db.error().message;
        return nullptr;
    }
    auto m = Migrator::migrate(**db);
    if (!m) {
        g_error = m.error().message;
        return nullptr;
    }
    if (auto r = t->m_admin->exec(QStringLiteral("SET search_path = %1, public")
                                      .arg(Database::quoteQualified(t->m_schema)));
        !r) {
        g_error = r.error().message;
        return nullptr;
    }
    return t;
}

TestDatabase::~TestDatabase()
{
    if (!m_admin || qEnvironmentVariableIsSet("KE_KEEP_TEST_SCHEMA"))
        return;
    // Best effort: a leftover schema of a crashed test is harmless.
    (void)m_admin->exec(
        QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(Database::quoteQualified(m_schema)));
}

ConnectionSettings TestDatabase::settings(const QString &tenant, const QString &actor) const
{
    ConnectionSettings s;
    s.databaseUrl = qEnvironmentVariable("KNOWLEDGE_DATABASE_URL");
    s.schema = m_schema;
    s.tenant = tenant;
    s.actor = actor;
    return s;
}

QUuid TestDatabase::createTenant(const QString &slug)
{
    auto db = Database::connect(settings());
    if (!db) {
        QTest::qFail(qPrintable(db.error().message), __FILE__, __LINE__);
        return {};
    }
    auto id = (*db)->createTenant(slug, slug);
    if (!id) {
        QTest::qFail(qPrintable(id.error().message), __FILE__, __LINE__);
        return {};
    }
    return *id;
}

QUuid TestDatabase::createDataset(const QUuid &tenant, const QString &name)
{
    const QUuid id = QUuid::createUuid();
    exec(QStringLiteral("INSERT INTO datasets (tenant_id, id, name) VALUES ($1, $2, $3)"),
         {tenant, id, name});
    return id;
}

std::unique_ptr<Database> TestDatabase::connect(const QString &tenant, const QString &actor)
{
    auto db = Database::connect(settings(tenant, actor));
    if (!db) {
        g_error = db.error().message;
        return nullptr;
    }
    return std::move(*db);
}

SqlSession &TestDatabase::admin()
{
    return *m_admin;
}

QString TestDatabase::scalar(const QString &sql, const SqlParams &params)
{
    return orThrow(m_admin->scalar(sql, params));
}

qint64 TestDatabase::exec(const QString &sql, const SqlParams &params)
{
    return orThrow(m_admin->exec(sql, params));
}

QList<SqlRow> TestDatabase::rows(const QString &sql, const SqlParams &params)
{
    return orThrow(m_admin->rows(sql, params));
}

TestDatabase::Run TestDatabase::run(const QString &program, const QStringList &args,
                                    const QByteArray &input, const QString &tenant,
                                    const QString &actor) const
{
    QString bin = qEnvironmentVariable("KE_BUILD_BIN");
    if (bin.isEmpty())
        bin = QCoreApplication::applicationDirPath();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_schema);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.remove(QStringLiteral("KNOWLEDGE_EVENTS_TABLE"));
    env.remove(QStringLiteral("KNOWLEDGE_DATASETS_TABLE"));
    env.remove(QStringLiteral("KNOWLEDGE_DATASETS_NAME_COLUMN"));
    if (!tenant.isEmpty())
        env.insert(QStringLiteral("KNOWLEDGE_TENANT"), tenant);
    else
        env.remove(QStringLiteral("KNOWLEDGE_TENANT"));
    if (!actor.isEmpty())
        env.insert(QStringLiteral("KNOWLEDGE_ACTOR"), actor);
    else
        env.remove(QStringLiteral("KNOWLEDGE_ACTOR"));
    p.setProcessEnvironment(env);
    p.start(bin + QLatin1Char('/') + program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ke::test
