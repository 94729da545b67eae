#pragma once

#include "connectioncheck.h"
#include "connectionprofiles.h"
#include "connectionsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ke {

class PasswordKeychain;

/// "Connect to a database": where the database is (a libpq URI, conninfo or service name),
/// the login, a password only when the server asks for one (libpq's .pgpass and service file
/// are tried first), the tenant chosen by name from the login's grants, and the saved
/// connections ("staging", "production"). "Test connection" runs ConnectionCheck on a pool
/// thread and says what is wrong in words; the dialog stays responsive and the test can be
/// cancelled. A second tab holds the preferences (cache directory, sync interval, start
/// offline).
///
/// The password stays in memory (password()) unless the person ticks "remember", then it goes
/// to the system keychain — never into QSettings. Where no keychain runs, the dialog says so
/// and keeps it for the session only. On Connect it saves the connection (without password)
/// and the preferences to `profiles`, makes it the current one, and accepts.
///
/// GUI thread only. `profiles` and `keychain` must outlive the dialog.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    /// `base`: schema, events table, … from the environment and the flags (they win).
    ConnectDialog(ConnectionProfiles &profiles, PasswordKeychain &keychain,
                  const ConnectionSettings &base, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    /// Shows a saved connection; `knownPassword` is one kept for this session (else the
    /// keychain is asked when the connection remembers its password).
    void selectProfile(const QString &name, const QString &knownPassword = {});
    /// Runs "Test connection" (as the button does).
    void testConnection();
    /// Stops waiting for a running test (the background check ends by itself; its answer is
    /// dropped).
    void cancelTest();
    bool isTesting() const;
    /// The answer of the last test that finished.
    ConnectionCheckReport lastReport() const { return m_report; }
    /// False once a keychain job failed or the check at opening found none.
    bool isKeychainAvailable() const { return m_keychainAvailable; }
    /// True once the keychain check at opening has answered.
    bool isKeychainChecked() const { return m_keychainChecked; }

    /// After accept(): the connection as saved (no password in it).
    ConnectionProfile profile() const { return m_profile; }
    /// After accept(): the settings to open, with the password (memory only) when one is needed.
    ConnectionSettings connectionSettings() const { return m_settings; }
    /// The password typed or read from the keychain (empty when the server needs none).
    QString password() const;

Q_SIGNALS:
    /// A test finished (not sent for a cancelled one).
    void testFinished(const ConnectionCheckReport &report);
    /// The keychain check at opening answered.
    void keychainChecked(bool available);

private:
    // The dialog's parts, built once by the constructor.
    QWidget *buildConnectionPage();
    QWidget *buildPreferencesPage();
    void connectSignals();
    void checkKeychain();
    void connectClicked();
    void runCheck(bool thenConnect);
    void checkFinished(const ConnectionCheckReport &report);
    void finishConnect();
    void storedInKeychain(const Result<void> &stored);
    void profileChosen(int index);
    void deleteProfile();
    void fieldsEdited();
    void setStatus(const QString &text, bool good);
    void setPasswordVisible(bool visible);
    void setBusy(bool busy);
    void fillTenants(const QList<Database::TenantInfo> &tenants, const QString &wanted);
    void reloadProfiles(const QString &select);
    ConnectionProfile profileFromFields() const;

    ConnectionProfiles &m_profiles;
    PasswordKeychain &m_keychain;
    ConnectionSettings m_base;
    ConnectionCheckReport m_report;
    ConnectionProfile m_profile;
    ConnectionSettings m_settings;
    QString m_wantedTenant; ///< the saved connection's tenant, selected once the list is known
    quint64 m_generation = 0; ///< of the running test; answers of older ones are dropped
    bool m_testing = false;
    bool m_connectAfterTest = false;
    bool m_tested = false; ///< m_report is for the fields as they are
    bool m_keychainAvailable = true;
    bool m_keychainChecked = false;
    bool m_filling = false; ///< fields are being filled by code, not edited

    QComboBox *m_profileCombo = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_login = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_tenant = nullptr;
    QLabel *m_you = nullptr;
    QLineEdit *m_cacheDir = nullptr;
    QSpinBox *m_syncInterval = nullptr;
    QCheckBox *m_startOffline = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connectButton = nullptr;
};

} // namespace ke
