#pragma once

#include "connectionprofiles.h"
#include "connectionsettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace ke {

class MainWindow;
class PasswordKeychain;

/// Opens the main window on the right connection and swaps it when the person connects
/// elsewhere (File → Connect…, File → Switch Connection). What wins: the environment and the
/// flags (KNOWLEDGE_DATABASE_URL / --database: no dialog, no saved connection), then the saved
/// current connection (its password from the keychain when remembered, else from this
/// session, else the connect dialog asks), then — on first start — the connect dialog.
///
/// Owns the windows it opens; keeps passwords typed in this session in memory only. GUI thread.
class ConnectionSwitcher : public QObject
{
    Q_OBJECT

public:
    /// `fromEnvironment`: KNOWLEDGE_* and the flags, applied over every saved connection
    /// (schema, events table; the tenant when KNOWLEDGE_TENANT / --tenant is given).
    ConnectionSwitcher(ConnectionProfiles &profiles, PasswordKeychain &keychain,
                       const ConnectionSettings &fromEnvironment, QObject *parent = nullptr);
    ~ConnectionSwitcher() override;

    /// Called with every window it opens, before it is shown (--dataset, --view, …).
    void setWindowSetup(std::function<void(MainWindow &)> setup);
    /// Opens the first window as described above; `cancelled` runs when the person closes
    /// the connect dialog of a first start without connecting.
    void start(std::function<void()> cancelled);
    /// Opens a window on `settings` as they are.
    MainWindow *openWindow(const ConnectionSettings &settings);
    /// Opens the first window without ever asking (--screenshot): the environment's
    /// connection, else the saved current one without a password (.pgpass and the service
    /// file still work), else the environment's as it is.
    MainWindow *openWithoutDialog();
    MainWindow *window() const { return m_window; }

    /// Switches to a saved connection (the menu's one click).
    void switchTo(const QString &name);
    /// Opens the connect dialog (File → Connect…), on `name` when given.
    void showConnectDialog(const QString &name = {});

private:
    void openProfile(const ConnectionProfile &profile, const QString &password);
    ConnectionSettings withEnvironment(ConnectionSettings settings) const;

    ConnectionProfiles &m_profiles;
    PasswordKeychain &m_keychain;
    ConnectionSettings m_environment;
    bool m_configuredOutside = false;
    QHash<QString, QString> m_sessionPasswords; ///< connection name -> password, memory only
    QPointer<MainWindow> m_window;
    std::function<void(MainWindow &)> m_setup;
    std::function<void()> m_cancelled; ///< until the first window is open
};

} // namespace ke
