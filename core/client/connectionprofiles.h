#pragma once

#include "connectionsettings.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace ke {

/// One saved connection ("staging", "production"): where the database is, who signs in, which
/// tenant. Never a password — that lives in the system keychain or in memory (see
/// ConnectionSettings::password). A plain value type.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    QString name; ///< what the person calls it; unique among the saved connections
    /// As typed: a libpq URI (postgresql://db.example/knowledge), a conninfo
    /// ("host=db.example dbname=knowledge") or a service name from pg_service.conf ("staging").
    /// Empty = libpq's defaults (PG* variables).
    QString database;
    QString login; ///< the database login; empty = libpq's default (PGUSER, the OS user)
    QString tenant; ///< slug of the tenant chosen from the login's grants
    QString tenantName; ///< its name, for menus
    bool rememberPassword = false; ///< the password is kept in the system keychain
    /// The server asked this login for a password the last time (libpq found none in .pgpass
    /// or the service file): the app asks for one (or reads the keychain) before connecting.
    bool needsPassword = false;

    /// `base` (schema, events table, … from the environment) pointed at this profile: the
    /// database and login as a libpq conninfo, the tenant, and `password` (memory only).
    /// BadInput when the database text is neither a URI, a conninfo nor a service name.
    Result<ConnectionSettings> connectionSettings(const ConnectionSettings &base,
                                                  const QString &password = {}) const;

    /// The database text and login composed into one libpq conninfo string (a bare word is a
    /// service name); never contains a password (one written into the text is dropped — take
    /// it out first with takePassword()).
    static Result<QString> conninfo(const QString &database, const QString &login);
    /// Takes a password written into a URI or conninfo out of `database` (which is rewritten
    /// as a conninfo without it) and returns it; empty when there was none.
    static QString takePassword(QString &database);
    /// A name for a connection the person did not name: "alice@db.example/knowledge", the
    /// service name, or "default" for libpq's defaults.
    static QString suggestedName(const QString &database, const QString &login);
};

/// Preferences of the desktop application, kept in QSettings.
struct Preferences
{
    QString cacheDirectory; ///< empty = the offline cache's default (OfflineCache::rootDirectory)
    int syncIntervalMinutes = 15; ///< how often the client syncs while online
    bool startOffline = false; ///< open from the offline cache without connecting first
};

/// The saved connections and the preferences, in QSettings (the application's by default, or
/// the given file). Owns its QSettings; use it from one thread (the GUI's). No password ever
/// enters it: saving a profile whose database text carries one drops it.
///
/// Environment variables and flags win over what is saved: effectivePreferences() applies
/// KNOWLEDGE_CACHE_DIR; main() does not look here when KNOWLEDGE_DATABASE_URL / --database is
/// given (isConfiguredOutside).
class ConnectionProfiles
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfiles)

public:
    /// The application's QSettings (organisation and application names set by main()).
    ConnectionProfiles();
    /// A settings file of its own (INI), for tests and tools.
    explicit ConnectionProfiles(const QString &iniFile);
    ~ConnectionProfiles();

    /// The saved connections, in the order they were first saved.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &name) const;
    /// Adds or replaces (by name) a profile; the password inside its database text, if any,
    /// is dropped. BadInput for an empty name.
    Result<void> save(const ConnectionProfile &profile);
    void remove(const QString &name);

    /// The connection the app opens on start (the last one used); empty = none yet.
    QString current() const;
    void setCurrent(const QString &name);
    /// The current profile, when there is one and it still exists.
    std::optional<ConnectionProfile> currentProfile() const;

    /// As saved.
    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);
    /// As the app uses them: the saved ones, with KNOWLEDGE_CACHE_DIR winning over the saved
    /// cache directory.
    Preferences effectivePreferences() const;

    /// Writes pending changes to disk now (QSettings otherwise writes them later).
    void sync();
    /// The file the settings are kept in.
    QString fileName() const;

    /// True when the environment or the flags already say where the database is
    /// (KNOWLEDGE_DATABASE_URL / --database, or libpq's PGSERVICE, PGHOST, PGDATABASE): then
    /// the saved connections are not used and no connect dialog opens by itself.
    static bool isConfiguredOutside(const ConnectionSettings &fromEnvironmentAndFlags);

private:
    void writeProfiles(const QList<ConnectionProfile> &profiles);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ke
