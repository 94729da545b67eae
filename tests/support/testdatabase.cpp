#include "testdatabase.h"

#include "migrator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTest>

#include <pqxx/pqxx>

namespace ke::test {

namespace {
QString g_error;

std::string toStd(const QString &s)
{
    return s.toUtf8().toStdString();
}
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
    try {
        t->m_admin = std::make_unique<pqxx::connection>(toStd(url));
        pqxx::nontransaction tx(*t->m_admin);
        tx.exec("SET TimeZone = 'UTC'");
        tx.exec("SET client_min_messages = warning");
    } catch (const std::exception &e) {
        g_error = QStringLiteral("cannot reach the test database (%1): %2")
                      .arg(url, QString::fromUtf8(e.what()));
        return nullptr;
    }
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
    pqxx::nontransaction tx(*t->m_admin);
    tx.exec("SET search_path = \"" + toStd(t->m_schema) + "\", public");
    return t;
}

TestDatabase::~TestDatabase()
{
    if (!m_admin || qEnvironmentVariableIsSet("KE_KEEP_TEST_SCHEMA"))
        return;
    try {
        pqxx::nontransaction tx(*m_admin);
        tx.exec("DROP SCHEMA IF EXISTS \"" + toStd(m_schema) + "\" CASCADE");
    } catch (const std::exception &) {
        // Best effort: a leftover schema of a crashed test is harmless.
    }
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

std::unique_ptr<Database> TestDatabase::connect(const QString &tenant, const QString &actor)
{
    auto db = Database::connect(settings(tenant, actor));
    if (!db) {
        g_error = db.error().message;
        return nullptr;
    }
    return std::move(*db);
}

pqxx::connection &TestDatabase::admin()
{
    return *m_admin;
}

QString TestDatabase::scalar(const QString &sql)
{
    pqxx::nontransaction tx(*m_admin);
    const pqxx::result r = tx.exec(toStd(sql));
    if (r.empty() || r.columns() == 0 || r[0][0].is_null())
        return {};
    return QString::fromUtf8(r[0][0].c_str());
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
