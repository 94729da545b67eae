#include "testdatabase.h"

#include "access.h"
#include "migrator.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
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
    // Best effort: a leftover schema or role of a crashed test is harmless.
    (void)m_admin->exec(
        QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(Database::quoteQualified(m_schema)));
    QStringList roles = m_logins.values();
    for (const QString &level : Access::levels())
        roles << Access::groupRole(m_schema, level);
    for (const QString &role : std::as_const(roles))
        (void)m_admin->exec(
            QStringLiteral("DROP ROLE IF EXISTS %1").arg(Database::quoteQualified(role)));
}

namespace {

/// `url` with its user replaced by `login` (libpq URI or conninfo).
QString urlAs(QString url, const QString &login)
{
    if (login.isEmpty())
        return url;
    static const QRegularExpression user(QStringLiteral("(^|[?&\\s])user=[^&\\s]*"));
    if (url.contains(user))
        return url.replace(user, QStringLiteral("\\1user=") + login);
    const bool uri = url.startsWith(QLatin1String("postgres"));
    return url
        + (uri ? (url.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?"))
               : QStringLiteral(" "))
        + QStringLiteral("user=") + login;
}

} // namespace

QString TestDatabase::login(const QString &tenant, const QString &person, As as)
{
    if (as == As::Owner)
        return {};
    static const char *const levels[] = {"member", "reader", "service", "", "service"};
    const QString level = QLatin1String(levels[int(as)]);
    const bool everyTenant = as == As::Worker;
    const QString key = level + QLatin1Char('|') + (everyTenant ? QStringLiteral("*") : tenant)
        + QLatin1Char('|') + person;
    const QMutexLocker lock(&m_loginsLock);
    if (const auto it = m_logins.constFind(key); it != m_logins.cend())
        return *it;
    const QString login
        = m_schema.left(40) + QLatin1Char('_') + level.at(0) + QLatin1Char('_')
        + QString::fromLatin1(
              QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Md5).toHex().left(10));
    // Its own session: tests connect from several threads while the admin session is busy.
    SqlSession owner = orThrow(SqlSession::open(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL")));
    orThrow(owner.exec(QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN")
                           .arg(Database::quoteQualified(login))));
    auto admin = Database::connect(settings());
    if (!admin)
        throw std::runtime_error(admin.error().message.toStdString());
    QString who = person;
    if (who.isEmpty() && level != QLatin1String("service"))
        who = QStringLiteral("member");
    auto granted
        = Access::grant(**admin, login, everyTenant ? QString() : tenant, who, level, everyTenant);
    if (!granted)
        throw std::runtime_error(granted.error().message.toStdString());
    m_logins.insert(key, login);
    return login;
}

ConnectionSettings TestDatabase::settings(const QString &tenant, const QString &actor) const
{
    return settingsAs(QString(), tenant, actor);
}

ConnectionSettings TestDatabase::settingsAs(const QString &login, const QString &tenant,
                                            const QString &actor) const
{
    ConnectionSettings s;
    s.databaseUrl = urlAs(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"), login);
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

std::unique_ptr<Database> TestDatabase::connect(const QString &tenant, const QString &actor, As as)
{
    QString who;
    try {
        who = tenant.isEmpty() && as != As::Worker ? QString() : login(tenant, actor, as);
    } catch (const std::exception &e) {
        g_error = QString::fromStdString(e.what());
        return nullptr;
    }
    auto db = Database::connect(settingsAs(who, tenant, actor));
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
                                    const QString &actor, std::optional<As> as)
{
    Run r;
    QString who;
    if (!as) {
        const QString command = args.value(0);
        static const QStringList jobs{QStringLiteral("embed"), QStringLiteral("build-training"),
                                      QStringLiteral("export-training")};
        static const QStringList administration{QStringLiteral("demo-seed"),
                                                QStringLiteral("migrate"), QStringLiteral("tenant"),
                                                QStringLiteral("access")};
        as = jobs.contains(command)            ? As::Service
            : administration.contains(command) ? As::Owner
                                               : As::Member;
    }
    try {
        who = tenant.isEmpty() && *as != As::Worker ? QString() : login(tenant, actor, *as);
    } catch (const std::exception &e) {
        r.err = QString::fromStdString(e.what());
        return r;
    }
    QString bin = qEnvironmentVariable("KE_BUILD_BIN");
    if (bin.isEmpty())
        bin = QCoreApplication::applicationDirPath();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_schema);
    env.insert(QStringLiteral("KNOWLEDGE_DATABASE_URL"),
               urlAs(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"), who));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // English unless a test asks for another language (KE_RUN_LANGUAGE, e.g. "de").
    env.insert(QStringLiteral("LANGUAGE"),
               qEnvironmentVariable("KE_RUN_LANGUAGE", QStringLiteral("en")));
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
    return runProcess(bin + QLatin1Char('/') + program, args, env, input, 300000);
}

ProcessRun runProcess(const QString &path, const QStringList &args, const QProcessEnvironment &env,
                      const QByteArray &input, int timeoutMs)
{
    ProcessRun r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(path, args);
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start %1: %2").arg(path, p.errorString());
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(10000);
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QStringLiteral("%1 did not finish within %2 s (killed); it printed: %3")
                    .arg(path)
                    .arg(timeoutMs / 1000)
                    .arg(QString::fromUtf8(p.readAllStandardError()));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ke::test
