// "Remember the password" against a real system keychain: gnome-keyring's Secret Service on a
// private D-Bus session bus, reached the way the application reaches it (QtKeychain, which
// dlopens libsecret), and a real PostgreSQL password login (scram, the pg_hba rule for
// ke_password_logins). Ticked, the password goes to the keychain (read back through QtKeychain
// and through libsecret's own secret-tool) and into no file under the test's home; the next
// start and the next dialog connect without asking; unticked or deleted, it leaves the
// keychain. A locked keychain and a keychain daemon gone mid-way make the dialog ask (no crash,
// no file); back again, the same process reaches it without a restart. A keychain job outlives
// the PasswordKeychain that started it.
//
// Runs only inside the private session of tests/scripts/keychain.sh (ctest -R keychain), which
// gives it a session bus that starts no service by itself; this test starts and stops the
// keychain daemon on that bus. Without it the test fails and says what is missing. The normal
// tst_connectdialog run (no keychain) tests the "not available" path.

#include "connectdialog.h"
#include "connectionprofiles.h"
#include "connectionswitcher.h"
#include "databasetestcase.h"
#include "knowledgeclient.h"
#include "mainwindow.h"
#include "passwordkeychain.h"
#include "shownconnectdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

using namespace ke;

namespace {

const QString secretsService = QStringLiteral("org.freedesktop.secrets");

/// The answer of an asynchronous keychain call, waited for (at most 10 s).
template <typename T, typename Start> std::optional<Result<T>> waitFor(Start start)
{
    std::optional<Result<T>> answer;
    QEventLoop loop;
    QObject context;
    start(&context, [&answer, &loop](const Result<T> &r) {
        answer = r;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    return answer;
}

/// What the keychain holds for `connection` ("" for nothing), or "<error: …>".
QString stored(PasswordKeychain &keychain, const QString &connection)
{
    const auto r = waitFor<QString>(
        [&](QObject *context, auto done) { keychain.read(connection, context, done); });
    if (!r)
        return QStringLiteral("<no answer>");
    return *r ? **r : QStringLiteral("<error: %1>").arg(r->error().message);
}

bool store(PasswordKeychain &keychain, const QString &connection, const QString &password)
{
    const auto r = waitFor<void>(
        [&](QObject *context, auto done) { keychain.store(connection, password, context, done); });
    return r && *r;
}

/// The secret as libsecret's own command-line tool finds it in the Secret Service (QtKeychain's
/// attributes), not through QtKeychain.
QString secretTool(const QString &connection)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("user"), connection, QStringLiteral("server"),
             PasswordKeychain::service(), QStringLiteral("type"), QStringLiteral("plaintext")});
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool did not finish>");
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestKeychain : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_home; // config, cache, offline cache, the keyring itself
    QString m_passwordLogin; // member of ke_password_logins: the server asks it for a password
    QString m_secret;
    QString m_tcpDatabase;
    std::unique_ptr<QProcess> m_daemon;

    /// What the environment and the flags give a start of the app in these tests: the test
    /// schema only, so that the saved connection opens.
    ConnectionSettings fromEnvironment() const
    {
        ConnectionSettings s;
        s.schema = m_db->schema();
        return s;
    }

    /// Starts gnome-keyring-daemon (Secret Service only) on the session bus, its login keyring
    /// in the test's home, unlocked with a throwaway password; "" when it answers, else why not.
    QString startKeyring()
    {
        m_daemon = std::make_unique<QProcess>();
        m_daemon->setProcessChannelMode(QProcess::MergedChannels);
        m_daemon->setStandardInputFile(m_home.filePath(QStringLiteral("keyring-password")));
        m_daemon->start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                         QStringLiteral("--components=secrets")});
        if (!m_daemon->waitForStarted(10000))
            return QStringLiteral("gnome-keyring-daemon does not start (%1) — install it: "
                                  "scripts/setup (gnome-keyring)")
                .arg(m_daemon->errorString());
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        for (int i = 0; i < 200 && !bus->isServiceRegistered(secretsService).value(); ++i) {
            if (m_daemon->state() == QProcess::NotRunning)
                break;
            QTest::qWait(50);
        }
        if (!bus->isServiceRegistered(secretsService).value())
            return QStringLiteral("gnome-keyring-daemon did not register %1 on the session bus "
                                  "within 10 s; it said: %2")
                .arg(secretsService, QString::fromLocal8Bit(m_daemon->readAll()));
        return {};
    }

    /// Ends the daemon (as a crash or a logout would); false when its name stays on the bus.
    bool stopKeyring()
    {
        if (!m_daemon)
            return true;
        m_daemon->terminate();
        if (!m_daemon->waitForFinished(10000))
            m_daemon->kill();
        m_daemon->waitForFinished(5000);
        m_daemon.reset();
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        for (int i = 0; i < 200 && bus->isServiceRegistered(secretsService).value(); ++i)
            QTest::qWait(50);
        return !bus->isServiceRegistered(secretsService).value();
    }

    /// Locks the login collection (the person locked the keyring, or it timed out).
    static QString lockKeyring()
    {
        QDBusMessage lock = QDBusMessage::createMethodCall(
            secretsService, QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath>{
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
        return reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage() : QString();
    }

    std::unique_ptr<ConnectDialog> dialog(ConnectionProfiles &profiles, PasswordKeychain &keychain)
    {
        return test::shownConnectDialog(profiles, keychain, m_db->settings());
    }

    static QLineEdit *passwordField(ConnectDialog &d)
    {
        return d.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    }
    static QCheckBox *rememberBox(ConnectDialog &d)
    {
        return d.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    }
    static QString status(ConnectDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    }
    static QLabel *note(ConnectDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("keychainNote"));
    }

    /// Clicks Connect; true once the dialog was accepted, false when it stayed open (saying
    /// why). Waits while it tests the connection or keeps the password in the keychain.
    static bool clickConnect(ConnectDialog &d)
    {
        QSignalSpy finished(&d, &QDialog::finished);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("connectButton")),
                          Qt::LeftButton);
        QElapsedTimer clock;
        clock.start();
        while (finished.isEmpty() && d.isTesting() && clock.elapsed() < 30000)
            QTest::qWait(20);
        return !finished.isEmpty() && d.result() == QDialog::Accepted;
    }

    /// A session bus is here and no Secret Service runs on it or can be started by it (so the
    /// test never writes into somebody's real keychain); "" when so, else what is missing.
    static QString privateSession()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return QStringLiteral(
                "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set) — run this test "
                "through tests/scripts/keychain.sh (ctest -R keychain), which starts a private "
                "one with dbus-run-session");
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        if (!bus)
            return QStringLiteral("cannot connect to the session bus at %1: %2")
                .arg(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"),
                     QDBusConnection::sessionBus().lastError().message());
        if (bus->isServiceRegistered(secretsService).value())
            return QStringLiteral("a Secret Service runs on this session bus already (a real "
                                  "keychain?) — run this test through tests/scripts/keychain.sh, "
                                  "never on a desktop session");
        if (bus->activatableServiceNames().value().contains(secretsService))
            return QStringLiteral("this session bus starts a Secret Service by itself — run this "
                                  "test through tests/scripts/keychain.sh (its bus starts none)");
        return {};
    }

    /// Every file under the test's home (config, cache, offline cache, the keyring's own
    /// directory and its runtime socket directory) that holds `secret`.
    QStringList filesHolding(const QString &secret) const
    {
        QStringList found;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret.toUtf8()))
                found << f.fileName();
        }
        return found;
    }

    ConnectionProfile savedProfile(const QString &name, bool remember) const
    {
        ConnectionProfile p;
        p.name = name;
        p.database = m_tcpDatabase;
        p.login = m_passwordLogin;
        p.tenant = QStringLiteral("acme");
        p.needsPassword = true;
        p.rememberPassword = remember;
        return p;
    }

    /// Starts a ConnectionSwitcher as the application starts; `onDialog` runs on the connect
    /// dialog if it shows (modal: from a timer inside its own event loop) and must close it.
    void startApplication(ConnectionSwitcher &switcher,
                          std::function<void(ConnectDialog &)> onDialog, int &dialogs,
                          bool &cancelled)
    {
        QTimer watch;
        watch.setInterval(50);
        connect(&watch, &QTimer::timeout, this, [&watch, &dialogs, onDialog]() {
            auto *d = qobject_cast<ConnectDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            watch.stop();
            ++dialogs;
            onDialog(*d);
            if (d->isVisible())
                d->reject();
            watch.start();
        });
        watch.start();
        switcher.start([&cancelled]() { cancelled = true; });
        QElapsedTimer clock;
        clock.start();
        while (!switcher.window() && !cancelled && clock.elapsed() < 20000)
            QTest::qWait(20);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString session = privateSession();
        QVERIFY2(session.isEmpty(), qPrintable(session));
        QVERIFY(m_home.isValid());
        // The keyring, its control socket, the application's settings and caches: all here.
        const QString runtime = m_home.filePath(QStringLiteral("runtime"));
        for (const char *dir : {"config", "cache", "offline", "data", "runtime"})
            QVERIFY(QDir().mkpath(m_home.filePath(QString::fromLatin1(dir))));
        QFile(runtime).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner);
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
        qputenv("KNOWLEDGE_CACHE_DIR", m_home.filePath(QStringLiteral("offline")).toUtf8());
        qputenv("PGPASSFILE", m_home.filePath(QStringLiteral("no-pgpass")).toUtf8());
        for (const char *v : {"PGSERVICE", "PGHOST", "PGDATABASE", "PGPASSWORD"})
            qunsetenv(v);
        QCoreApplication::setOrganizationName(QStringLiteral("KnowledgeExplorerTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
        QFile password(m_home.filePath(QStringLiteral("keyring-password")));
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write("throwaway-keyring-password");
        password.close();
        const QString started = startKeyring();
        QVERIFY2(started.isEmpty(), qPrintable(started));

        KE_CREATE_TEST_DATABASE("keychain");
        const QString url = qEnvironmentVariable("KNOWLEDGE_DATABASE_URL");
        const QString port = QUrlQuery(QUrl(url)).queryItemValue(QStringLiteral("port"));
        QVERIFY2(!port.isEmpty(), qPrintable(url));
        m_tcpDatabase
            = QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(port, QUrl(url).path().mid(1));
        m_db->createTenant(QStringLiteral("acme"));
        m_passwordLogin = m_db->schema().left(40) + QStringLiteral("_pw");
        m_secret = QStringLiteral("Kc-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto grant = createPasswordLogin(m_passwordLogin, m_secret, QStringLiteral("acme"));
        QVERIFY2(grant.exitCode == 0, qPrintable(grant.out + grant.err));
    }

    void cleanupTestCase()
    {
        stopKeyring();
        if (!m_db || m_passwordLogin.isEmpty())
            return;
        dropPasswordLogin(m_passwordLogin, QStringLiteral("acme"));
    }

    void rememberedPasswordGoesToTheKeychainAndIntoNoFile()
    {
        ConnectionProfiles profiles; // the application's own QSettings, under XDG_CONFIG_HOME
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        QVERIFY2(d->isKeychainAvailable(), qPrintable(note(*d)->toolTip()));
        QVERIFY(!note(*d)->isVisible());
        d->findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(m_tcpDatabase);
        d->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(m_passwordLogin);
        d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("production"));
        QSignalSpy tested(d.get(), &ConnectDialog::testFinished);
        d->testConnection();
        QVERIFY(tested.wait(20000));
        QCOMPARE(d->lastReport().outcome, ConnectionCheckReport::Outcome::NeedsPassword);
        QVERIFY(passwordField(*d)->isVisible());
        QVERIFY(rememberBox(*d)->isVisible());
        QVERIFY(rememberBox(*d)->isEnabled());
        passwordField(*d)->setText(m_secret);
        rememberBox(*d)->setChecked(true);
        QVERIFY2(clickConnect(*d), qPrintable(status(*d)));
        QVERIFY(d->profile().rememberPassword);
        QVERIFY(profiles.profile(QStringLiteral("production"))->rememberPassword);

        // In the keychain: through QtKeychain, and through libsecret's own tool.
        QCOMPARE(stored(keychain, QStringLiteral("production")), m_secret);
        QCOMPARE(secretTool(QStringLiteral("production")), m_secret);

        // In no file: open the window on it as the app does (its background loads, the offline
        // cache's note of the connection), then grep every file of the home.
        {
            MainWindow window(d->connectionSettings());
            QSignalSpy settled(&window, &MainWindow::settled);
            window.show();
            QVERIFY(settled.wait(20000));
            QTRY_COMPARE_WITH_TIMEOUT(window.client()->state(), KnowledgeClient::State::Online,
                                      20000);
        }
        profiles.sync();
        QVERIFY2(profiles.fileName().startsWith(m_home.path()), qPrintable(profiles.fileName()));
        const QStringList holding = filesHolding(m_secret);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));
        QVERIFY2(QFile::exists(m_home.filePath(QStringLiteral("data/keyrings/login.keyring"))),
                 "the keyring is not where the test put it (XDG_DATA_HOME)");
    }

    void theNextStartAndTheNextDialogConnectWithoutAsking()
    {
        // A new start: new objects, the same settings file and keychain.
        ConnectionProfiles profiles;
        QCOMPARE(profiles.current(), QStringLiteral("production"));
        PasswordKeychain keychain;
        {
            ConnectionSwitcher switcher(profiles, keychain, fromEnvironment());
            int dialogs = 0;
            bool cancelled = false;
            startApplication(
                switcher, [](ConnectDialog &) {}, dialogs, cancelled);
            QCOMPARE(dialogs, 0); // never asked
            QVERIFY(!cancelled);
            QVERIFY(switcher.window());
            KnowledgeClient *client = switcher.window()->client();
            QCOMPARE(client->settings().password, m_secret);
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), KnowledgeClient::State::Online, 20000);
            QTest::qWait(200);
        }

        // File → Connect… on the same saved connection: the password is there, from the keychain.
        auto d = dialog(profiles, keychain);
        QTRY_COMPARE_WITH_TIMEOUT(passwordField(*d)->text(), m_secret, 10000);
        QVERIFY(passwordField(*d)->isVisible());
        QVERIFY(rememberBox(*d)->isChecked());
        QVERIFY2(clickConnect(*d), qPrintable(status(*d)));
        QCOMPARE(d->connectionSettings().password, m_secret);
        QCOMPARE(stored(keychain, QStringLiteral("production")), m_secret);
    }

    void untickedOrDeletedItLeavesTheKeychain()
    {
        ConnectionProfiles profiles;
        PasswordKeychain keychain;
        {
            auto d = dialog(profiles, keychain);
            QTRY_COMPARE_WITH_TIMEOUT(passwordField(*d)->text(), m_secret, 10000);
            rememberBox(*d)->setChecked(false);
            QVERIFY2(clickConnect(*d), qPrintable(status(*d)));
            QCOMPARE(d->password(), m_secret); // for this session, in memory
        }
        QVERIFY(!profiles.profile(QStringLiteral("production"))->rememberPassword);
        QTRY_COMPARE_WITH_TIMEOUT(stored(keychain, QStringLiteral("production")), QString(), 10000);
        QCOMPARE(secretTool(QStringLiteral("production")), QString());

        // Remembered again, then the saved connection deleted: its password goes with it.
        {
            auto d = dialog(profiles, keychain);
            QVERIFY(passwordField(*d)->isVisible()); // it needs one; none is stored
            QCOMPARE(passwordField(*d)->text(), QString());
            passwordField(*d)->setText(m_secret);
            rememberBox(*d)->setChecked(true);
            QVERIFY2(clickConnect(*d), qPrintable(status(*d)));
        }
        QCOMPARE(stored(keychain, QStringLiteral("production")), m_secret);
        {
            auto d = dialog(profiles, keychain);
            QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("deleteButton")),
                              Qt::LeftButton);
        }
        QVERIFY(!profiles.profile(QStringLiteral("production")));
        QTRY_COMPARE_WITH_TIMEOUT(stored(keychain, QStringLiteral("production")), QString(), 10000);
        QCOMPARE(secretTool(QStringLiteral("production")), QString());
    }

    void aKeychainJobOutlivesItsKeychain()
    {
        // The keychain object goes while its jobs still wait for the Secret Service (a dialog
        // closed, the application quitting): no crash, and the write still lands.
        auto stored1 = std::make_shared<std::optional<bool>>();
        auto *keychain = new PasswordKeychain;
        keychain->store(QStringLiteral("outlived"), m_secret, nullptr,
                        [stored1](const Result<void> &r) { *stored1 = bool(r); });
        keychain->read(QStringLiteral("outlived"), nullptr, [](const Result<QString> &) {});
        keychain->forget(QStringLiteral("nothing-here"));
        QCoreApplication::processEvents();
        delete keychain;
        QTRY_VERIFY_WITH_TIMEOUT(stored1->has_value(), 10000);
        QVERIFY(stored1->value());
        QTest::qWait(300);
        PasswordKeychain again;
        QCOMPARE(stored(again, QStringLiteral("outlived")), m_secret);
        again.forget(QStringLiteral("outlived"));
        QTRY_COMPARE_WITH_TIMEOUT(stored(again, QStringLiteral("outlived")), QString(), 10000);
    }

    void aLockedKeychainMakesTheDialogAsk()
    {
        ConnectionProfiles profiles;
        PasswordKeychain keychain;
        QVERIFY(profiles.save(savedProfile(QStringLiteral("locked"), true)));
        profiles.setCurrent(QStringLiteral("locked"));
        profiles.sync();
        QVERIFY(store(keychain, QStringLiteral("locked"), m_secret));
        const QString locked = lockKeyring();
        QVERIFY2(locked.isEmpty(), qPrintable(locked));
        // Locked, the collection's items are not found (and a prompt to unlock cannot show).
        QCOMPARE(stored(keychain, QStringLiteral("locked")), QString());

        // The next start asks: the dialog opens on the connection with an empty password.
        ConnectionSwitcher switcher(profiles, keychain, fromEnvironment());
        int dialogs = 0;
        bool cancelled = false;
        bool asked = false;
        bool firstConnect = true;
        QString refused;
        bool rememberOffered = true;
        startApplication(
            switcher,
            [&](ConnectDialog &d) {
                QTest::qWait(300); // the keychain's answers
                asked = passwordField(d)->isVisible() && passwordField(d)->text().isEmpty()
                    && rememberBox(d)->isChecked();
                passwordField(d)->setText(m_secret);
                // "remember" is ticked, the keychain refuses to store: said, and nothing else
                // kept; a second Connect uses the password for this session only.
                firstConnect = clickConnect(d);
                refused = status(d);
                rememberOffered = rememberBox(d)->isEnabled() || rememberBox(d)->isChecked();
                if (!firstConnect)
                    clickConnect(d);
            },
            dialogs, cancelled);
        QCOMPARE(dialogs, 1);
        QVERIFY(asked);
        QVERIFY2(!firstConnect, "accepted although the keychain could not store the password");
        QVERIFY2(refused.contains(QLatin1String("Could not keep the password in the system "
                                                "keychain")),
                 qPrintable(refused));
        QVERIFY2(refused.contains(QLatin1String("locked")), qPrintable(refused));
        QVERIFY(!refused.contains(m_secret));
        QVERIFY(!rememberOffered);
        QVERIFY(!cancelled);
        QVERIFY(switcher.window());
        QCOMPARE(switcher.window()->client()->settings().password, m_secret);
        QVERIFY(!profiles.profile(QStringLiteral("locked"))->rememberPassword);
        QTest::qWait(500);
        const QStringList holding = filesHolding(m_secret);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        // Unlocked again (the daemon restarted with the keyring's password): this process
        // reaches the new daemon; the entry a locked keychain could not forget is still there
        // and goes with the next Connect that does not remember.
        QVERIFY(stopKeyring());
        const QString started = startKeyring();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(stored(keychain, QStringLiteral("locked")), m_secret);
        {
            auto d = dialog(profiles, keychain);
            QVERIFY(d->isKeychainAvailable());
            QVERIFY(rememberBox(*d)->isEnabled());
            QVERIFY(!rememberBox(*d)->isChecked());
            passwordField(*d)->setText(m_secret);
            QVERIFY2(clickConnect(*d), qPrintable(status(*d)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(stored(keychain, QStringLiteral("locked")), QString(), 10000);
        QTest::qWait(200);
    }

    void theKeychainGoneMidwayMakesTheDialogAsk()
    {
        ConnectionProfiles profiles;
        PasswordKeychain keychain;
        QVERIFY(profiles.save(savedProfile(QStringLiteral("gone"), true)));
        profiles.sync();
        QVERIFY(store(keychain, QStringLiteral("gone"), m_secret));

        // The dialog found the keychain when it opened; the daemon goes before Connect.
        {
            auto d = dialog(profiles, keychain);
            QVERIFY(d->isKeychainAvailable());
            d->selectProfile(QStringLiteral("gone"));
            QTRY_COMPARE_WITH_TIMEOUT(passwordField(*d)->text(), m_secret, 10000);
            d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))
                ->setText(QStringLiteral("midway"));
            QVERIFY(rememberBox(*d)->isChecked());
            QVERIFY(stopKeyring());
            QVERIFY2(!clickConnect(*d), "accepted although the keychain is gone");
            QVERIFY2(status(*d).contains(QLatin1String("Could not keep the password in the "
                                                       "system keychain")),
                     qPrintable(status(*d)));
            QVERIFY(!status(*d).contains(m_secret));
            QVERIFY(!rememberBox(*d)->isEnabled());
            QVERIFY(!rememberBox(*d)->isChecked());
            QVERIFY(note(*d)->isVisible());
            QVERIFY2(clickConnect(*d), qPrintable(status(*d))); // for this session only
            QCOMPARE(d->connectionSettings().password, m_secret);
            QVERIFY(!profiles.profile(QStringLiteral("midway"))->rememberPassword);
        }

        // The next start while it is gone: the dialog asks, and says why.
        profiles.setCurrent(QStringLiteral("gone"));
        profiles.sync();
        {
            ConnectionSwitcher switcher(profiles, keychain, fromEnvironment());
            int dialogs = 0;
            bool cancelled = false;
            bool asked = false;
            QString said;
            startApplication(
                switcher,
                [&](ConnectDialog &d) {
                    QTest::qWait(500); // the keychain's answers
                    asked = passwordField(d)->isVisible() && passwordField(d)->text().isEmpty()
                        && !rememberBox(d)->isEnabled();
                    said = note(d)->isVisible() ? note(d)->text() : QString();
                },
                dialogs, cancelled);
            QCOMPARE(dialogs, 1);
            QVERIFY(asked);
            QVERIFY2(said.contains(QLatin1String("keychain")), qPrintable(said));
            QVERIFY(cancelled); // closed without connecting: no window
            QVERIFY(!switcher.window());
        }
        const QStringList holding = filesHolding(m_secret);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        // Back: the same process reaches the new daemon, and the next start needs no dialog.
        const QString started = startKeyring();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(stored(keychain, QStringLiteral("gone")), m_secret);
        {
            ConnectionSwitcher switcher(profiles, keychain, fromEnvironment());
            int dialogs = 0;
            bool cancelled = false;
            startApplication(
                switcher, [](ConnectDialog &) {}, dialogs, cancelled);
            QCOMPARE(dialogs, 0);
            QVERIFY(switcher.window());
            QCOMPARE(switcher.window()->client()->settings().password, m_secret);
            QTest::qWait(200);
        }
        keychain.forget(QStringLiteral("gone"));
        QTRY_COMPARE_WITH_TIMEOUT(stored(keychain, QStringLiteral("gone")), QString(), 10000);
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
