#include "connectdialog.h"

#include "passwordkeychain.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ke {

namespace {

QString levelName(Database::AccessLevel level)
{
    switch (level) {
    case Database::AccessLevel::Reader:
        return ConnectDialog::tr("reader");
    case Database::AccessLevel::Member:
        return ConnectDialog::tr("member");
    case Database::AccessLevel::Service:
        return ConnectDialog::tr("service");
    case Database::AccessLevel::Owner:
        return ConnectDialog::tr("owner");
    case Database::AccessLevel::None:
        break;
    }
    return ConnectDialog::tr("no access");
}

} // namespace

ConnectDialog::ConnectDialog(ConnectionProfiles &profiles, PasswordKeychain &keychain,
                             const ConnectionSettings &base, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_keychain(keychain)
    , m_base(base)
{
    setWindowTitle(tr("Connect to a Knowledge Explorer database"));
    setObjectName(QStringLiteral("connectDialog"));

    // In this order: the focus moves through the fields as they were made.
    QWidget *connectionPage = buildConnectionPage();
    QWidget *prefsPage = buildPreferencesPage();
    auto *tabs = new QTabWidget(this);
    tabs->addTab(connectionPage, tr("Connection"));
    tabs->addTab(prefsPage, tr("Preferences"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    connectSignals();
    reloadProfiles(m_profiles.current());
    checkKeychain();
}

/// The Connection tab: saved connection, name, database, login, password (and remember),
/// Test connection with its answer, the tenant.
QWidget *ConnectDialog::buildConnectionPage()
{
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setToolTip(tr("Forget this saved connection (and its password in the "
                                  "keychain)"));
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profileCombo, 1);
    profileRow->addWidget(m_deleteButton);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. staging or production"));
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setPlaceholderText(tr("postgresql://db.example/knowledge, host=… dbname=…, or "
                                      "a service name"));
    m_database->setToolTip(tr("A libpq connection URI, a conninfo string (host=db.example "
                              "dbname=knowledge), or the name of a service in "
                              "pg_service.conf. Empty: libpq's defaults (PGHOST, …)."));
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setPlaceholderText(tr("your database login (empty: as in the database field)"));
    m_passwordLabel = new QLabel(tr("&Password:"), this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("the server asks for one"));
    m_passwordLabel->setBuddy(m_password);
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setTextFormat(Qt::PlainText);
    m_keychainNote->hide();

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_busy);
    testRow->addStretch(1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // server messages are never markup
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Word-wrapped labels take the field column's whole width, not their narrow size hint.
    for (QLabel *label : {m_status, m_keychainNote})
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_tenant = new QComboBox(this);
    m_tenant->setObjectName(QStringLiteral("tenantCombo"));
    m_tenant->setEnabled(false);
    m_tenant->setPlaceholderText(tr("test the connection to list your tenants"));
    m_you = new QLabel(this);
    m_you->setObjectName(QStringLiteral("youLabel"));
    m_you->setTextFormat(Qt::PlainText);
    m_you->setWordWrap(true);
    m_you->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_you->setMinimumHeight(m_you->fontMetrics().lineSpacing() * 2);

    auto *connectionPage = new QWidget(this);
    auto *form = new QFormLayout(connectionPage);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *profileLabel = new QLabel(tr("&Saved connection:"), this);
    profileLabel->setBuddy(m_profileCombo);
    form->addRow(profileLabel, profileRow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keychainNote);
    form->addRow(QString(), testRow);
    form->addRow(QString(), m_status);
    form->addRow(tr("T&enant:"), m_tenant);
    form->addRow(QString(), m_you);
    setPasswordVisible(false);
    return connectionPage;
}

/// The Preferences tab: the offline cache's folder, the sync interval, start offline.
QWidget *ConnectDialog::buildPreferencesPage()
{
    const Preferences prefs = m_profiles.preferences();
    m_cacheDir = new QLineEdit(prefs.cacheDirectory, this);
    m_cacheDir->setObjectName(QStringLiteral("cacheDirEdit"));
    m_cacheDir->setPlaceholderText(tr("the standard cache folder"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Offline cache folder"),
                                                              m_cacheDir->text());
        if (!dir.isEmpty())
            m_cacheDir->setText(dir);
    });
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheDir, 1);
    cacheRow->addWidget(browse);
    m_syncInterval = new QSpinBox(this);
    m_syncInterval->setObjectName(QStringLiteral("syncIntervalSpin"));
    m_syncInterval->setRange(1, 24 * 60);
    m_syncInterval->setValue(prefs.syncIntervalMinutes);
    m_syncInterval->setSuffix(tr(" min"));
    m_startOffline = new QCheckBox(tr("Start &offline, from the cache"), this);
    m_startOffline->setObjectName(QStringLiteral("startOfflineCheck"));
    m_startOffline->setChecked(prefs.startOffline);
    auto *prefsPage = new QWidget(this);
    auto *prefsForm = new QFormLayout(prefsPage);
    prefsForm->addRow(tr("Offline c&ache:"), cacheRow);
    prefsForm->addRow(tr("S&ync every:"), m_syncInterval);
    prefsForm->addRow(QString(), m_startOffline);
    auto *envNote = new QLabel(tr("KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_CACHE_DIR "
                                  "and the command-line flags win over what is saved here."),
                               this);
    envNote->setWordWrap(true);
    prefsForm->addRow(envNote);
    return prefsPage;
}

void ConnectDialog::connectSignals()
{
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &ConnectDialog::profileChosen);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectDialog::deleteProfile);
    connect(m_testButton, &QPushButton::clicked, this, [this]() {
        if (m_testing)
            cancelTest();
        else
            testConnection();
    });
    for (QLineEdit *edit : {m_database, m_login, m_password})
        connect(edit, &QLineEdit::textEdited, this, &ConnectDialog::fieldsEdited);
    connect(m_tenant, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_filling)
            m_you->clear();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::connectClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
}

/// Whether a keychain runs here: said before the person relies on it.
void ConnectDialog::checkKeychain()
{
    m_keychain.checkAvailable(this, [this](bool available, const QString &reason) {
        m_keychainChecked = true;
        m_keychainAvailable = available;
        if (!available) {
            m_remember->setChecked(false);
            m_remember->setEnabled(false);
            m_keychainNote->setText(tr("The system keychain is not available — the password is "
                                       "kept for this session only."));
            m_keychainNote->setToolTip(reason);
            m_keychainNote->show();
        }
        Q_EMIT keychainChecked(available);
    });
}

ConnectDialog::~ConnectDialog() = default;

QString ConnectDialog::password() const
{
    return m_password->text();
}

bool ConnectDialog::isTesting() const
{
    return m_testing;
}

void ConnectDialog::reloadProfiles(const QString &select)
{
    m_filling = true;
    m_profileCombo->clear();
    m_profileCombo->addItem(tr("New connection"));
    for (const ConnectionProfile &p : m_profiles.profiles())
        m_profileCombo->addItem(p.name, p.name);
    m_filling = false;
    const int index = select.isEmpty() ? 0 : m_profileCombo->findData(select);
    m_profileCombo->setCurrentIndex(qMax(0, index));
    profileChosen(m_profileCombo->currentIndex());
}

void ConnectDialog::selectProfile(const QString &name, const QString &knownPassword)
{
    const int index = m_profileCombo->findData(name);
    if (index < 0)
        return;
    m_profileCombo->setCurrentIndex(index);
    profileChosen(index);
    if (!knownPassword.isEmpty()) {
        m_password->setText(knownPassword);
        setPasswordVisible(true);
    }
}

void ConnectDialog::profileChosen(int index)
{
    if (m_filling)
        return;
    cancelTest();
    const QString name = m_profileCombo->itemData(index).toString();
    const auto saved = name.isEmpty() ? std::nullopt : m_profiles.profile(name);
    m_deleteButton->setEnabled(saved.has_value());
    m_filling = true;
    const ConnectionProfile p = saved.value_or(ConnectionProfile{});
    m_name->setText(p.name);
    m_database->setText(p.database);
    m_login->setText(p.login);
    m_password->clear();
    m_remember->setChecked(p.rememberPassword && m_keychainAvailable);
    m_wantedTenant = p.tenant;
    m_tenant->clear();
    m_tenant->setEnabled(false);
    if (!p.tenant.isEmpty()) { // until the test lists the grants, show what was saved
        m_tenant->addItem(p.tenantName.isEmpty() ? p.tenant
                                                 : tr("%1 (%2)").arg(p.tenantName, p.tenant),
                          p.tenant);
        m_tenant->setCurrentIndex(0); // with a placeholder, adding an item selects none
    }
    m_filling = false;
    m_tested = false;
    m_you->clear();
    setStatus({}, true);
    setPasswordVisible(p.needsPassword);
    if (saved && p.rememberPassword && m_keychainAvailable) {
        m_keychain.read(p.name, this, [this, name](const Result<QString> &stored) {
            if (m_profileCombo->currentData().toString() != name || !m_password->text().isEmpty())
                return; // the person moved on, or typed one already
            if (stored && !stored->isEmpty()) {
                m_password->setText(*stored);
                setPasswordVisible(true);
            } else if (!stored) {
                m_keychainNote->setText(tr("Could not read the password from the system "
                                           "keychain (%1) — type it; it is kept for this "
                                           "session only.")
                                            .arg(stored.error().message));
                m_keychainNote->show();
            }
        });
    }
}

void ConnectDialog::deleteProfile()
{
    const QString name = m_profileCombo->currentData().toString();
    if (name.isEmpty())
        return;
    m_profiles.remove(name);
    m_profiles.sync();
    m_keychain.forget(name);
    reloadProfiles({});
}

void ConnectDialog::fieldsEdited()
{
    if (m_filling)
        return;
    m_tested = false;
    m_you->clear();
}

void ConnectDialog::setPasswordVisible(bool visible)
{
    m_passwordLabel->setVisible(visible);
    m_password->setVisible(visible);
    m_remember->setVisible(visible);
    if (!visible)
        m_keychainNote->setVisible(false);
    else if (!m_keychainAvailable)
        m_keychainNote->setVisible(true);
}

void ConnectDialog::setStatus(const QString &text, bool good)
{
    m_status->setText(text.isEmpty() ? QString()
                                     : (good ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText,
                 good ? palette().color(QPalette::WindowText) : QColor(0xb0, 0x20, 0x20));
    m_status->setPalette(pal);
}

void ConnectDialog::setBusy(bool busy)
{
    m_testing = busy;
    m_busy->setVisible(busy);
    m_testButton->setText(busy ? tr("Cancel &test") : tr("&Test connection"));
    m_connectButton->setEnabled(!busy);
    for (QWidget *w : {static_cast<QWidget *>(m_database), static_cast<QWidget *>(m_login),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_profileCombo)})
        w->setEnabled(!busy);
}

ConnectionProfile ConnectDialog::profileFromFields() const
{
    ConnectionProfile p;
    p.database = m_database->text().trimmed();
    p.login = m_login->text().trimmed();
    p.name = m_name->text().trimmed();
    if (p.name.isEmpty())
        p.name = ConnectionProfile::suggestedName(p.database, p.login);
    p.tenant = m_tenant->currentData().toString();
    p.tenantName = m_tenant->currentData(Qt::UserRole + 1).toString();
    return p;
}

void ConnectDialog::testConnection()
{
    runCheck(false);
}

void ConnectDialog::connectClicked()
{
    if (m_tested && m_report.ok() && !m_report.tenantId.isNull()
        && m_report.tenantId.toString(QUuid::WithoutBraces)
            == m_tenant->currentData(Qt::UserRole + 2).toString()) {
        finishConnect();
        return;
    }
    runCheck(true);
}

void ConnectDialog::runCheck(bool thenConnect)
{
    // A password written into the database text goes to the password field (and never into
    // the saved connection).
    QString database = m_database->text();
    const QString typed = ConnectionProfile::takePassword(database);
    if (!typed.isEmpty()) {
        m_filling = true;
        m_database->setText(database);
        m_password->setText(typed);
        m_filling = false;
        setPasswordVisible(true);
    }
    const ConnectionProfile p = profileFromFields();
    auto settings = p.connectionSettings(m_base, m_password->text());
    if (!settings) {
        setStatus(settings.error().message, false);
        return;
    }
    m_connectAfterTest = thenConnect;
    const quint64 generation = ++m_generation;
    setBusy(true);
    setStatus(tr("Connecting to %1…").arg(settings->redactedUrl()), true);
    auto *watcher = new QFutureWatcher<ConnectionCheckReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation]() {
        const ConnectionCheckReport report = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return; // cancelled, or a newer test runs
        checkFinished(report);
    });
    const ConnectionSettings check = *settings;
    watcher->setFuture(QtConcurrent::run([check]() {
        try {
            return ConnectionCheck::run(check);
        } catch (const std::exception &e) {
            ConnectionCheckReport failed;
            failed.message = QString::fromUtf8(e.what());
            return failed;
        }
    }));
}

void ConnectDialog::cancelTest()
{
    if (!m_testing)
        return;
    ++m_generation; // its answer is dropped when it comes
    m_connectAfterTest = false;
    setBusy(false);
    setStatus(tr("Test cancelled."), true);
}

void ConnectDialog::checkFinished(const ConnectionCheckReport &report)
{
    using Outcome = ConnectionCheckReport::Outcome;
    setBusy(false);
    m_report = report;
    m_tested = true;
    setStatus(report.message, report.ok());
    if (report.outcome == Outcome::NeedsPassword || report.outcome == Outcome::PasswordRefused) {
        setPasswordVisible(true);
        m_password->setFocus();
        if (report.outcome == Outcome::PasswordRefused)
            m_password->selectAll();
    }
    if (report.ok()) {
        const QString wanted = m_tenant->currentData().toString().isEmpty()
            ? m_wantedTenant
            : m_tenant->currentData().toString();
        fillTenants(report.tenants, wanted);
        if (!report.tenantId.isNull()) {
            m_you->setText(tr("You are %1, %2 of this tenant; what you write is signed as "
                              "this login's person.")
                               .arg(report.login, levelName(report.accessLevel)));
        }
    }
    if (height() < sizeHint().height()) // a longer message than the dialog had room for
        resize(width(), sizeHint().height());
    Q_EMIT testFinished(report);
    if (!m_connectAfterTest)
        return;
    m_connectAfterTest = false;
    if (!report.ok())
        return;
    if (report.tenantId.isNull()) {
        if (m_tenant->currentIndex() >= 0) {
            runCheck(true); // now with the tenant chosen
        } else {
            setStatus(tr("Choose a tenant, then connect."), false);
            m_tenant->setFocus();
        }
        return;
    }
    finishConnect();
}

void ConnectDialog::fillTenants(const QList<Database::TenantInfo> &tenants, const QString &wanted)
{
    m_filling = true;
    m_tenant->clear();
    int select = tenants.size() == 1 ? 0 : -1;
    for (const Database::TenantInfo &t : tenants) {
        const QString label
            = t.name.isEmpty() || t.name == t.slug ? t.slug : tr("%1 (%2)").arg(t.name, t.slug);
        m_tenant->addItem(label, t.slug);
        const int i = m_tenant->count() - 1;
        m_tenant->setItemData(i, t.name, Qt::UserRole + 1);
        m_tenant->setItemData(i, t.id.toString(QUuid::WithoutBraces), Qt::UserRole + 2);
        if (!wanted.isEmpty()
            && (t.slug == wanted || t.id.toString(QUuid::WithoutBraces) == wanted
                || t.id == QUuid::fromString(wanted)))
            select = i;
    }
    m_tenant->setCurrentIndex(select);
    m_tenant->setEnabled(!tenants.isEmpty());
    m_filling = false;
}

void ConnectDialog::finishConnect()
{
    ConnectionProfile p = profileFromFields();
    // The password came from the person (or the keychain) and the server used it: remember
    // that it needs one. A password the server never asked for is not kept.
    p.needsPassword = m_report.usedPassword && !m_password->text().isEmpty();
    const QString password = p.needsPassword ? m_password->text() : QString();
    p.rememberPassword = p.needsPassword && m_remember->isChecked() && m_keychainAvailable;
    auto settings = p.connectionSettings(m_base, password);
    if (!settings) {
        setStatus(settings.error().message, false);
        return;
    }
    if (auto saved = m_profiles.save(p); !saved) {
        setStatus(saved.error().message, false);
        return;
    }
    m_profiles.setCurrent(p.name);
    m_profiles.setPreferences(Preferences{m_cacheDir->text().trimmed(), m_syncInterval->value(),
                                          m_startOffline->isChecked()});
    m_profiles.sync();
    m_profile = p;
    m_settings = *settings;
    if (p.rememberPassword) {
        setBusy(true);
        setStatus(tr("Keeping the password in the system keychain…"), true);
        m_keychain.store(p.name, password, this,
                         [this](const Result<void> &stored) { storedInKeychain(stored); });
        return;
    }
    m_keychain.forget(p.name); // "remember" unticked: an older entry goes
    accept();
}

void ConnectDialog::storedInKeychain(const Result<void> &stored)
{
    setBusy(false);
    if (stored) {
        accept();
        return;
    }
    // Nothing is written anywhere else: the person decides, with the password in memory.
    m_keychainAvailable = false;
    m_remember->setChecked(false);
    m_remember->setEnabled(false);
    m_keychainNote->setText(tr("The system keychain is not available — the password is kept "
                               "for this session only."));
    m_keychainNote->setToolTip(stored.error().message);
    m_keychainNote->show();
    m_profile.rememberPassword = false;
    m_profiles.save(m_profile);
    m_profiles.sync();
    setStatus(tr("Could not keep the password in the system keychain (%1). Connect again to "
                 "use it for this session only.")
                  .arg(stored.error().message),
              false);
}

} // namespace ke
