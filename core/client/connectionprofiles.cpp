#include "connectionprofiles.h"

#include <QSettings>

#include <libpq-fe.h>

namespace ke {

namespace {

bool isUri(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"))
        || text.startsWith(QLatin1String("postgres://"));
}

// A bare word ("staging") names a service in pg_service.conf.
QString asConninfoOrUri(const QString &database)
{
    const QString text = database.trimmed();
    if (text.isEmpty() || isUri(text) || text.contains(QLatin1Char('=')))
        return text;
    return QStringLiteral("service=") + text;
}

QString quoteValue(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

bool isSecret(const char *keyword)
{
    return qstrcmp(keyword, "password") == 0 || qstrcmp(keyword, "sslpassword") == 0;
}

struct Parsed
{
    QList<std::pair<QString, QString>> options; ///< keyword, value; explicitly given ones only
    QString password;
};

Result<Parsed> parse(const QString &database)
{
    Parsed out;
    const QString text = asConninfoOrUri(database);
    if (text.isEmpty())
        return out;
    const QByteArray utf8 = text.toUtf8();
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &error);
    if (!options) {
        // libpq quotes pieces of the text in its message; a password may be among them.
        const bool mayHoldSecret = text.contains(QLatin1String("password"), Qt::CaseInsensitive)
            || (isUri(text) && text.contains(QLatin1Char('@')));
        const QString detail
            = error && !mayHoldSecret ? QString::fromUtf8(error).trimmed() : QString();
        if (error)
            PQfreemem(error);
        return makeError(
            ErrorCode::BadInput,
            detail.isEmpty()
                ? ConnectionProfile::tr("the database is neither a libpq URI "
                                        "(postgresql://host/dbname), a conninfo (host=… "
                                        "dbname=…) nor a service name — check what you typed")
                : ConnectionProfile::tr("the database is neither a libpq URI "
                                        "(postgresql://host/dbname), a conninfo (host=… "
                                        "dbname=…) nor a service name: %1")
                      .arg(detail));
    }
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        if (qstrcmp(o->keyword, "password") == 0)
            out.password = QString::fromUtf8(o->val);
        if (isSecret(o->keyword))
            continue;
        out.options.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    }
    PQconninfoFree(options);
    return out;
}

QString serialise(const QList<std::pair<QString, QString>> &options)
{
    QStringList parts;
    for (const auto &[key, value] : options)
        parts << key + QLatin1Char('=') + quoteValue(value);
    return parts.join(QLatin1Char(' '));
}

} // namespace

Result<QString> ConnectionProfile::conninfo(const QString &database, const QString &login)
{
    auto parsed = parse(database);
    if (!parsed)
        return parsed.error();
    auto options = parsed->options;
    if (!login.trimmed().isEmpty()) {
        options.removeIf([](const auto &o) { return o.first == QLatin1String("user"); });
        options.append({QStringLiteral("user"), login.trimmed()});
    }
    return serialise(options);
}

QString ConnectionProfile::takePassword(QString &database)
{
    auto parsed = parse(database);
    if (!parsed || parsed->password.isEmpty())
        return {};
    database = serialise(parsed->options);
    return parsed->password;
}

QString ConnectionProfile::suggestedName(const QString &database, const QString &login)
{
    auto parsed = parse(database);
    QString user = login.trimmed();
    QString host;
    QString dbname;
    QString service;
    if (parsed) {
        for (const auto &[key, value] : parsed->options) {
            if (key == QLatin1String("user") && user.isEmpty())
                user = value;
            else if (key == QLatin1String("host")
                     || (key == QLatin1String("hostaddr") && host.isEmpty()))
                host = value.startsWith(QLatin1Char('/')) ? tr("local") : value;
            else if (key == QLatin1String("dbname"))
                dbname = value;
            else if (key == QLatin1String("service"))
                service = value;
        }
    }
    QString where = service;
    if (where.isEmpty())
        where = host.isEmpty() && dbname.isEmpty() ? tr("default")
                                                   : (host.isEmpty() ? tr("local") : host)
                + (dbname.isEmpty() ? QString() : QLatin1Char('/') + dbname);
    return user.isEmpty() ? where : user + QLatin1Char('@') + where;
}

Result<ConnectionSettings> ConnectionProfile::connectionSettings(const ConnectionSettings &base,
                                                                 const QString &password) const
{
    auto url = conninfo(database, login);
    if (!url)
        return url.error();
    ConnectionSettings s = base;
    s.databaseUrl = *url;
    s.password = password;
    s.tenant = tenant;
    s.actor.clear(); // a member's person is the login's; a service login names one by flag
    return s;
}

ConnectionProfiles::ConnectionProfiles()
    : m_settings(std::make_unique<QSettings>())
{ }

ConnectionProfiles::ConnectionProfiles(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

ConnectionProfiles::~ConnectionProfiles() = default;

QList<ConnectionProfile> ConnectionProfiles::profiles() const
{
    QList<ConnectionProfile> out;
    const int n = m_settings->beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.database = m_settings->value(QStringLiteral("database")).toString();
        p.login = m_settings->value(QStringLiteral("login")).toString();
        p.tenant = m_settings->value(QStringLiteral("tenant")).toString();
        p.tenantName = m_settings->value(QStringLiteral("tenantName")).toString();
        p.rememberPassword = m_settings->value(QStringLiteral("rememberPassword")).toBool();
        p.needsPassword = m_settings->value(QStringLiteral("needsPassword")).toBool();
        if (!p.name.isEmpty())
            out.append(p);
    }
    m_settings->endArray();
    return out;
}

std::optional<ConnectionProfile> ConnectionProfiles::profile(const QString &name) const
{
    for (const ConnectionProfile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void ConnectionProfiles::writeProfiles(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove(QStringLiteral("connections"));
    m_settings->beginWriteArray(QStringLiteral("connections"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("database"), p.database);
        m_settings->setValue(QStringLiteral("login"), p.login);
        m_settings->setValue(QStringLiteral("tenant"), p.tenant);
        m_settings->setValue(QStringLiteral("tenantName"), p.tenantName);
        m_settings->setValue(QStringLiteral("rememberPassword"), p.rememberPassword);
        m_settings->setValue(QStringLiteral("needsPassword"), p.needsPassword);
    }
    m_settings->endArray();
}

Result<void> ConnectionProfiles::save(const ConnectionProfile &profile)
{
    if (profile.name.trimmed().isEmpty())
        return makeError(ErrorCode::BadInput,
                         tr("a saved connection needs a name (for example staging or production)"));
    ConnectionProfile clean = profile;
    clean.name = profile.name.trimmed();
    ConnectionProfile::takePassword(clean.database); // never into the settings file
    QList<ConnectionProfile> all = profiles();
    bool replaced = false;
    for (ConnectionProfile &p : all) {
        if (p.name == clean.name) {
            p = clean;
            replaced = true;
        }
    }
    if (!replaced)
        all.append(clean);
    writeProfiles(all);
    return {};
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&name](const ConnectionProfile &p) { return p.name == name; });
    writeProfiles(all);
    if (current() == name)
        setCurrent({});
}

QString ConnectionProfiles::current() const
{
    return m_settings->value(QStringLiteral("currentConnection")).toString();
}

void ConnectionProfiles::setCurrent(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(QStringLiteral("currentConnection"));
    else
        m_settings->setValue(QStringLiteral("currentConnection"), name);
}

std::optional<ConnectionProfile> ConnectionProfiles::currentProfile() const
{
    const QString name = current();
    return name.isEmpty() ? std::nullopt : profile(name);
}

Preferences ConnectionProfiles::preferences() const
{
    Preferences p;
    m_settings->beginGroup(QStringLiteral("preferences"));
    p.cacheDirectory = m_settings->value(QStringLiteral("cacheDirectory")).toString();
    p.syncIntervalMinutes = qMax(
        1, m_settings->value(QStringLiteral("syncIntervalMinutes"), p.syncIntervalMinutes).toInt());
    p.startOffline = m_settings->value(QStringLiteral("startOffline"), p.startOffline).toBool();
    m_settings->endGroup();
    return p;
}

void ConnectionProfiles::setPreferences(const Preferences &preferences)
{
    m_settings->beginGroup(QStringLiteral("preferences"));
    m_settings->setValue(QStringLiteral("cacheDirectory"), preferences.cacheDirectory.trimmed());
    m_settings->setValue(QStringLiteral("syncIntervalMinutes"),
                         qMax(1, preferences.syncIntervalMinutes));
    m_settings->setValue(QStringLiteral("startOffline"), preferences.startOffline);
    m_settings->endGroup();
}

Preferences ConnectionProfiles::effectivePreferences() const
{
    Preferences p = preferences();
    const QString cacheDir = qEnvironmentVariable("KNOWLEDGE_CACHE_DIR");
    if (!cacheDir.isEmpty())
        p.cacheDirectory = cacheDir;
    return p;
}

void ConnectionProfiles::sync()
{
    m_settings->sync();
}

QString ConnectionProfiles::fileName() const
{
    return m_settings->fileName();
}

bool ConnectionProfiles::isConfiguredOutside(const ConnectionSettings &fromEnvironmentAndFlags)
{
    return !fromEnvironmentAndFlags.databaseUrl.isEmpty() || qEnvironmentVariableIsSet("PGSERVICE")
        || qEnvironmentVariableIsSet("PGHOST") || qEnvironmentVariableIsSet("PGDATABASE");
}

} // namespace ke
