#include "connectionswitcher.h"

#include "connectdialog.h"
#include "mainwindow.h"
#include "passwordkeychain.h"

#include <QApplication>
#include <QMessageBox>

namespace ke {

ConnectionSwitcher::ConnectionSwitcher(ConnectionProfiles &profiles, PasswordKeychain &keychain,
                                       const ConnectionSettings &fromEnvironment, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_keychain(keychain)
    , m_environment(fromEnvironment)
    , m_configuredOutside(ConnectionProfiles::isConfiguredOutside(fromEnvironment))
{ }

ConnectionSwitcher::~ConnectionSwitcher()
{
    delete m_window;
}

void ConnectionSwitcher::setWindowSetup(std::function<void(MainWindow &)> setup)
{
    m_setup = std::move(setup);
}

ConnectionSettings ConnectionSwitcher::withEnvironment(ConnectionSettings settings) const
{
    if (!m_environment.tenant.isEmpty())
        settings.tenant = m_environment.tenant;
    if (!m_environment.actor.isEmpty())
        settings.actor = m_environment.actor;
    return settings;
}

void ConnectionSwitcher::start(std::function<void()> cancelled)
{
    m_cancelled = std::move(cancelled);
    if (m_configuredOutside) {
        openWindow(m_environment);
        return;
    }
    const auto current = m_profiles.currentProfile();
    if (!current) {
        showConnectDialog();
        return;
    }
    switchTo(current->name);
}

MainWindow *ConnectionSwitcher::openWithoutDialog()
{
    if (!m_configuredOutside) {
        if (const auto current = m_profiles.currentProfile()) {
            if (auto saved = current->connectionSettings(m_environment); saved)
                return openWindow(withEnvironment(*saved));
        }
    }
    return openWindow(m_environment);
}

void ConnectionSwitcher::switchTo(const QString &name)
{
    const auto profile = m_profiles.profile(name);
    if (!profile) {
        showConnectDialog();
        return;
    }
    if (!profile->needsPassword) { // .pgpass, the service file, or trust: libpq finds its way
        openProfile(*profile, {});
        return;
    }
    if (m_sessionPasswords.contains(name)) {
        openProfile(*profile, m_sessionPasswords.value(name));
        return;
    }
    if (!profile->rememberPassword) {
        showConnectDialog(name);
        return;
    }
    m_keychain.read(name, this, [this, name](const Result<QString> &stored) {
        const auto p = m_profiles.profile(name);
        if (!p)
            return;
        if (stored && !stored->isEmpty())
            openProfile(*p, *stored);
        else
            showConnectDialog(name); // not there (or no keychain): ask
    });
}

void ConnectionSwitcher::showConnectDialog(const QString &name)
{
    ConnectDialog dialog(m_profiles, m_keychain, m_environment, m_window);
    if (!name.isEmpty())
        dialog.selectProfile(name, m_sessionPasswords.value(name));
    // Before the first window, closing the dialog is not closing the application's last window.
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(quitOnClose && m_window);
    const int answer = dialog.exec();
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
    if (answer != QDialog::Accepted) {
        if (!m_window && m_cancelled)
            m_cancelled();
        return;
    }
    const ConnectionProfile p = dialog.profile();
    if (p.needsPassword)
        m_sessionPasswords.insert(p.name, dialog.password());
    else
        m_sessionPasswords.remove(p.name);
    openProfile(p, p.needsPassword ? dialog.password() : QString());
}

void ConnectionSwitcher::openProfile(const ConnectionProfile &profile, const QString &password)
{
    auto settings = profile.connectionSettings(m_environment, password);
    if (!settings) {
        QMessageBox::warning(m_window, tr("Cannot open %1").arg(profile.name),
                             settings.error().message);
        showConnectDialog(profile.name);
        return;
    }
    m_profiles.setCurrent(profile.name);
    m_profiles.sync();
    openWindow(withEnvironment(*settings));
}

MainWindow *ConnectionSwitcher::openWindow(const ConnectionSettings &settings)
{
    auto *window = new MainWindow(settings);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    const Preferences preferences = m_profiles.effectivePreferences();
    window->setSyncInterval(preferences.syncIntervalMinutes);
    window->setStartOffline(preferences.startOffline);
    QStringList names;
    for (const ConnectionProfile &p : m_profiles.profiles())
        names << p.name;
    window->setSavedConnections(names, m_configuredOutside ? QString() : m_profiles.current());
    connect(window, &MainWindow::connectRequested, this, [this]() { showConnectDialog(); });
    connect(window, &MainWindow::switchConnectionRequested, this, &ConnectionSwitcher::switchTo);
    if (m_setup) { // the flags (--dataset, --view, …) are for the first window only
        m_setup(*window);
        m_setup = nullptr;
    }
    if (m_window) {
        window->setGeometry(m_window->geometry());
        if (m_window->isMaximized())
            window->setWindowState(Qt::WindowMaximized);
        m_window->hide();
        m_window->deleteLater(); // its background requests end harmlessly (QPointer guards)
    }
    m_window = window;
    m_cancelled = nullptr;
    window->show();
    return window;
}

} // namespace ke
