// The connect dialog, against the real private PostgreSQL: "Test connection" tells an
// unreachable server, a missing or refused password, a login without grants and a schema
// that is missing, too old or too new apart, in words; a login with grants lists its tenants
// by name and signs in as its own person; a test runs in the background and can be
// cancelled; the saved connections and preferences keep no password (the files are
// grepped), "remember" goes to the system keychain or — where none runs — says the password
// is kept for this session only; the saved connections switch with one click; the
// environment wins over what is saved.

#include "connectdialog.h"
#include "connectionprofiles.h"
#include "connectionswitcher.h"
#include "databasetestcase.h"
#include "mainwindow.h"
#include "migrator.h"
#include "passwordkeychain.h"
#include "scopedlanguage.h"
#include "screenshots.h"
#include "shownconnectdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

using namespace ke;
using Outcome = ConnectionCheckReport::Outcome;

class TestConnectDialog : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_home; // config, cache, .pgpass: nothing of the real user's is touched
    QString m_configDir;
    QString m_cacheDir;
    QString m_offlineCacheDir;
    QString m_member; // granted acme and globex, as person alice
    QString m_noGrant; // a login without any grant
    QString m_passwordLogin; // member of ke_password_logins: the server asks it for a password
    QString m_secret;
    QString m_socketUrl; // the owner's URL (Unix socket)
    quint16 m_port = 0;

    QString tcpDatabase() const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2")
            .arg(m_port)
            .arg(QUrl(m_socketUrl).path().mid(1));
    }

    std::unique_ptr<ConnectDialog> dialog(ConnectionProfiles &profiles, PasswordKeychain &keychain)
    {
        return test::shownConnectDialog(profiles, keychain, m_db->settings());
    }

    static void fill(ConnectDialog &d, const QString &database, const QString &login,
                     const QString &password = {})
    {
        d.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(database);
        d.findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(login);
        d.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    }

    static ConnectionCheckReport test(ConnectDialog &d)
    {
        QSignalSpy finished(&d, &ConnectDialog::testFinished);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        if (!finished.wait(20000))
            return {};
        return d.lastReport();
    }

    static QString status(ConnectDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    }

    /// Every file under the config, cache and offline-cache directories that holds `secret`.
    QStringList filesHolding(const QString &secret) const
    {
        QStringList found;
        for (const QString &root : {m_configDir, m_cacheDir, m_offlineCacheDir}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret.toUtf8()))
                    found << f.fileName();
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_configDir = m_home.filePath(QStringLiteral("config"));
        m_cacheDir = m_home.filePath(QStringLiteral("cache"));
        m_offlineCacheDir = m_home.filePath(QStringLiteral("offline"));
        for (const QString &dir : {m_configDir, m_cacheDir, m_offlineCacheDir})
            QVERIFY(QDir().mkpath(dir));
        qputenv("XDG_CONFIG_HOME", m_configDir.toUtf8());
        qputenv("XDG_CACHE_HOME", m_cacheDir.toUtf8());
        qputenv("KNOWLEDGE_CACHE_DIR", m_offlineCacheDir.toUtf8());
        qputenv("PGPASSFILE", m_home.filePath(QStringLiteral("no-pgpass")).toUtf8());
        for (const char *v : {"PGSERVICE", "PGHOST", "PGDATABASE", "PGPASSWORD"})
            qunsetenv(v);
        QCoreApplication::setOrganizationName(QStringLiteral("KnowledgeExplorerTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectdialog"));

        KE_CREATE_TEST_DATABASE("connectdialog");
        m_socketUrl = qEnvironmentVariable("KNOWLEDGE_DATABASE_URL");
        m_port
            = quint16(QUrlQuery(QUrl(m_socketUrl)).queryItemValue(QStringLiteral("port")).toUInt());
        QVERIFY2(m_port > 0, qPrintable(m_socketUrl));

        m_db->createTenant(QStringLiteral("acme"));
        for (const QStringList &args :
             {QStringList{QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("globex"),
                          QStringLiteral("--name"), QStringLiteral("Globex Corporation")},
              QStringList{QStringLiteral("tenant"), QStringLiteral("add"),
                          QStringLiteral("initech"), QStringLiteral("--name"),
                          QStringLiteral("Initech")}}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        m_member = m_db->login(QStringLiteral("acme"), QStringLiteral("alice"),
                               test::TestDatabase::As::Member);
        const auto grant = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("access"), QStringLiteral("grant"), m_member,
                                      QStringLiteral("--tenant"), QStringLiteral("globex"),
                                      QStringLiteral("--person"), QStringLiteral("alice")});
        QVERIFY2(grant.exitCode == 0, qPrintable(grant.out + grant.err));

        m_noGrant = m_db->schema().left(40) + QStringLiteral("_nogrant");
        m_passwordLogin = m_db->schema().left(40) + QStringLiteral("_pw");
        m_secret = QStringLiteral("Pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN").arg(m_noGrant));
        const auto pwGrant = createPasswordLogin(m_passwordLogin, m_secret, QStringLiteral("acme"));
        QVERIFY2(pwGrant.exitCode == 0, qPrintable(pwGrant.out + pwGrant.err));
    }

    void cleanupTestCase()
    {
        if (!m_db)
            return;
        m_db->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_noGrant));
        dropPasswordLogin(m_passwordLogin, QStringLiteral("acme"));
    }

    void unreachableServerSaysUnreachable()
    {
        QTcpServer closed; // a port nobody listens on any more
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("unreachable.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        fill(*d, QStringLiteral("postgresql://127.0.0.1:%1/knowledge").arg(port), m_member);
        const ConnectionCheckReport r = test(*d);
        QCOMPARE(r.outcome, Outcome::Unreachable);
        QVERIFY2(status(*d).contains(QLatin1String("Cannot reach the database server")),
                 qPrintable(status(*d)));
        QVERIFY2(status(*d).contains(QStringLiteral("127.0.0.1 port %1").arg(port)),
                 qPrintable(status(*d)));
    }

    void testRunsInTheBackgroundAndCanBeCancelled()
    {
        // A server that accepts the connection and never answers: libpq waits its timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("silent.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        fill(*d,
             QStringLiteral("postgresql://127.0.0.1:%1/knowledge?connect_timeout=3")
                 .arg(silent.serverPort()),
             m_member);
        QSignalSpy finished(d.get(), &ConnectDialog::testFinished);
        auto *button = d->findChild<QPushButton *>(QStringLiteral("testButton"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(d->isTesting());
        // The GUI thread is free while the check waits: timers fire, the button now cancels.
        QElapsedTimer clock;
        clock.start();
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks]() { ++ticks; });
        timer.start(50);
        QTest::qWait(500);
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
        QVERIFY(d->isTesting());
        QVERIFY2(button->text().contains(QLatin1String("Cancel")), qPrintable(button->text()));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!d->isTesting());
        QVERIFY2(status(*d).contains(QLatin1String("cancelled")), qPrintable(status(*d)));
        QVERIFY(d->findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->isEnabled());
        QTest::qWait(4000); // the abandoned check ends meanwhile; its answer is dropped
        QCOMPARE(finished.count(), 0);
        QVERIFY2(status(*d).contains(QLatin1String("cancelled")), qPrintable(status(*d)));
    }

    void loginWithoutGrantSaysSo()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("nogrant.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        fill(*d, m_socketUrl, m_noGrant);
        const ConnectionCheckReport r = test(*d);
        QCOMPARE(r.outcome, Outcome::NoGrant);
        QVERIFY2(status(*d).contains(QLatin1String("holds no grant for any tenant")),
                 qPrintable(status(*d)));
        QVERIFY2(status(*d).contains(QStringLiteral("knowledgectl access grant %1").arg(m_noGrant)),
                 qPrintable(status(*d)));
        QVERIFY(!d->findChild<QComboBox *>(QStringLiteral("tenantCombo"))->isEnabled());
    }

    void grantedLoginListsItsTenantsByNameAndSignsInAsItsPerson()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("granted.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        fill(*d, m_socketUrl, m_member);
        d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("staging"));
        const ConnectionCheckReport r = test(*d);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.login, m_member);
        auto *tenants = d->findChild<QComboBox *>(QStringLiteral("tenantCombo"));
        QStringList shown;
        for (int i = 0; i < tenants->count(); ++i)
            shown << tenants->itemText(i);
        // Row-level security lists only the granted tenants: not initech.
        QCOMPARE(
            shown,
            (QStringList{QStringLiteral("acme"), QStringLiteral("Globex Corporation (globex)")}));
        QVERIFY(tenants->isEnabled());
        QCOMPARE(tenants->currentIndex(), -1); // two to choose from: the person chooses
        // The password is never asked: the server trusts this login.
        QVERIFY(!d->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isVisible());

        tenants->setCurrentIndex(1);
        QSignalSpy done(d.get(), &QDialog::finished);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("connectButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(20000), qPrintable(status(*d)));
        QCOMPARE(d->result(), int(QDialog::Accepted));
        const ConnectionCheckReport signedIn = d->lastReport();
        QCOMPARE(signedIn.accessLevel, Database::AccessLevel::Member);
        const QString alice = m_db->scalar(
            QStringLiteral("SELECT p.id FROM people p JOIN tenants t ON t.id = p.tenant_id "
                           "WHERE t.slug = 'globex' AND p.handle = 'alice'"));
        QCOMPARE(signedIn.personId, QUuid::fromString(alice));
        QVERIFY2(d->findChild<QLabel *>(QStringLiteral("youLabel"))->text().contains(m_member),
                 qPrintable(d->findChild<QLabel *>(QStringLiteral("youLabel"))->text()));

        // Saved, current, and the settings to open say the same.
        QCOMPARE(d->profile().name, QStringLiteral("staging"));
        QCOMPARE(d->profile().tenant, QStringLiteral("globex"));
        QCOMPARE(d->profile().tenantName, QStringLiteral("Globex Corporation"));
        QVERIFY(!d->profile().needsPassword);
        QCOMPARE(profiles.current(), QStringLiteral("staging"));
        const auto saved = profiles.profile(QStringLiteral("staging"));
        QVERIFY(saved);
        QCOMPARE(saved->database, m_socketUrl);
        QCOMPARE(saved->login, m_member);
        QCOMPARE(d->connectionSettings().tenant, QStringLiteral("globex"));
        QCOMPARE(d->connectionSettings().schema, m_db->schema());
        auto db = Database::connect(d->connectionSettings());
        QVERIFY2(db, qPrintable(test::errorOf(db)));
        QCOMPARE((*db)->login(), m_member);
    }

    void missingTooOldAndTooNewSchemasSayWhatToDo()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("schema.ini")));
        PasswordKeychain keychain;
        ConnectionSettings elsewhere = m_db->settings();
        elsewhere.schema = QStringLiteral("ke_no_such_schema");
        {
            ConnectDialog d(profiles, keychain, elsewhere);
            d.show();
            fill(d, m_socketUrl, m_member);
            const ConnectionCheckReport r = test(d);
            QVERIFY2(r.outcome == Outcome::NotMigrated, qPrintable(r.message));
            QVERIFY2(status(d).contains(QLatin1String("knowledgectl migrate")),
                     qPrintable(status(d)));
        }
        auto d = dialog(profiles, keychain);
        fill(*d, m_socketUrl, m_member);
        m_db->exec(QStringLiteral("CREATE TABLE ke_latest AS SELECT * FROM schema_migrations "
                                  "WHERE version = (SELECT max(version) FROM schema_migrations); "
                                  "DELETE FROM schema_migrations WHERE version = (SELECT version "
                                  "FROM ke_latest)"));
        ConnectionCheckReport r = test(*d);
        m_db->exec(QStringLiteral("INSERT INTO schema_migrations SELECT * FROM ke_latest"));
        QCOMPARE(r.outcome, Outcome::NotMigrated);
        QCOMPARE(r.schemaVersion, Migrator::latestVersion() - 1);
        QVERIFY2(status(*d).contains(QLatin1String("older than")), qPrintable(status(*d)));
        QVERIFY2(status(*d).contains(QLatin1String("knowledgectl migrate")),
                 qPrintable(status(*d)));

        m_db->exec(QStringLiteral("UPDATE ke_latest SET version = 9999; INSERT INTO "
                                  "schema_migrations SELECT * FROM ke_latest"));
        r = test(*d);
        m_db->exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 9999; DROP TABLE "
                                  "ke_latest"));
        QCOMPARE(r.outcome, Outcome::SchemaTooNew);
        QVERIFY2(status(*d).contains(QLatin1String("upgrade Knowledge Explorer")),
                 qPrintable(status(*d)));
        QVERIFY(test(*d).ok()); // as it was
    }

    void passwordIsAskedWhenNeededAndARefusedOneIsSaid()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("password.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        auto *password = d->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QVERIFY(!password->isVisible()); // not asked before the server wants one
        fill(*d, tcpDatabase(), m_passwordLogin);
        ConnectionCheckReport r = test(*d);
        QVERIFY2(r.outcome != Outcome::Ok,
                 "the private server let a ke_password_logins member in without a password — "
                 "run scripts/postgres start (it adds the pg_hba rule for them)");
        QCOMPARE(r.outcome, Outcome::NeedsPassword);
        QVERIFY2(
            status(*d).contains(QLatin1String("asks login %1 for a password").arg(m_passwordLogin)),
            qPrintable(status(*d)));
        QVERIFY(password->isVisible());

        password->setText(QStringLiteral("wrong-") + m_secret);
        r = test(*d);
        QCOMPARE(r.outcome, Outcome::PasswordRefused);
        QVERIFY2(status(*d).contains(QLatin1String("refused the password")),
                 qPrintable(status(*d)));
        QVERIFY(!status(*d).contains(m_secret));

        password->setText(m_secret);
        r = test(*d);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.usedPassword);
        QVERIFY(!status(*d).contains(m_secret));
    }

    void pgpassIsUsedBeforeAskingForAPassword()
    {
        const QString pgpass = m_home.filePath(QStringLiteral("pgpass"));
        QFile f(pgpass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n")
                    .arg(m_port)
                    .arg(m_passwordLogin, m_secret)
                    .toUtf8());
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        qputenv("PGPASSFILE", pgpass.toUtf8());
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("pgpass.ini")));
        PasswordKeychain keychain;
        auto d = dialog(profiles, keychain);
        fill(*d, tcpDatabase(), m_passwordLogin);
        const ConnectionCheckReport r = test(*d);
        qputenv("PGPASSFILE", m_home.filePath(QStringLiteral("no-pgpass")).toUtf8());
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(!d->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isVisible());
    }

    void aSavedConnectionKeepsNoPassword_data()
    {
        QTest::addColumn<bool>("remember");
        QTest::newRow("forget") << false;
        QTest::newRow("remember") << true;
    }

    void aSavedConnectionKeepsNoPassword()
    {
        QFETCH(bool, remember);
        // The application's own QSettings (under XDG_CONFIG_HOME), as the app uses it.
        ConnectionProfiles profiles;
        PasswordKeychain keychain;
        const QString name = remember ? QStringLiteral("production") : QStringLiteral("laptop");
        auto d = dialog(profiles, keychain);
        fill(*d, tcpDatabase(), m_passwordLogin, m_secret);
        d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
        auto *rememberBox = d->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        auto *note = d->findChild<QLabel *>(QStringLiteral("keychainNote"));
        QVERIFY(test(*d).ok());
        if (d->isKeychainAvailable()) {
            QVERIFY(rememberBox->isEnabled());
            rememberBox->setChecked(remember);
        } else {
            // Headless (no D-Bus session, no Secret Service): said before anyone relies on it.
            qInfo("no system keychain here (%s): testing the session-only path",
                  qPrintable(note->toolTip()));
            QVERIFY(!rememberBox->isEnabled());
            QVERIFY(!rememberBox->isChecked());
            QVERIFY(note->isVisible());
            QCOMPARE(note->text(),
                     QStringLiteral("The system keychain is not available — the "
                                    "password is kept for this session only."));
        }
        QSignalSpy done(d.get(), &QDialog::finished);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("connectButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(20000), qPrintable(status(*d))); // may end at once
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(d->profile().needsPassword);
        QCOMPARE(d->password(), m_secret); // for this session, in memory
        QCOMPARE(d->connectionSettings().password, m_secret);
        QVERIFY(!d->connectionSettings().databaseUrl.contains(m_secret));
        QVERIFY(!d->connectionSettings().redactedUrl().contains(m_secret));
        QVERIFY(!d->windowTitle().contains(m_secret));
        profiles.sync();
        QVERIFY2(QFile::exists(profiles.fileName()), qPrintable(profiles.fileName()));
        QVERIFY2(profiles.fileName().startsWith(m_configDir), qPrintable(profiles.fileName()));
        QVERIFY(profiles.profile(name));
        // Open the window on it as the app does (its background loads, the offline cache's
        // note of the connection), then grep every file.
        {
            MainWindow window(d->connectionSettings());
            QSignalSpy settled(&window, &MainWindow::settled);
            window.show();
            QVERIFY(settled.wait(20000));
            QVERIFY(!window.windowTitle().contains(m_secret));
        }
        const QStringList holding = filesHolding(m_secret);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        if (remember && d->isKeychainAvailable()) {
            QVERIFY(profiles.profile(name)->rememberPassword);
            QSignalSpy read(this, &TestConnectDialog::keychainAnswered);
            keychain.read(name, this, [this](const Result<QString> &r) {
                Q_EMIT keychainAnswered(r ? *r : QString());
            });
            QVERIFY(read.wait(10000));
            QCOMPARE(read.at(0).at(0).toString(), m_secret);
            keychain.forget(name);
        } else {
            QVERIFY(!profiles.profile(name)->rememberPassword);
        }
    }

    void aPasswordTypedIntoTheDatabaseFieldIsTakenOut()
    {
        QString uri = QStringLiteral("postgresql://bob:%1@db.example:5433/knowledge").arg(m_secret);
        QCOMPARE(ConnectionProfile::takePassword(uri), m_secret);
        QVERIFY(!uri.contains(m_secret));
        QVERIFY2(uri.contains(QLatin1String("host='db.example'")), qPrintable(uri));
        QVERIFY2(uri.contains(QLatin1String("user='bob'")), qPrintable(uri));

        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("typed.ini")));
        ConnectionProfile p;
        p.name = QStringLiteral("typed");
        p.database = QStringLiteral("host=db.example password=%1 dbname=k").arg(m_secret);
        QVERIFY(profiles.save(p));
        profiles.sync();
        QFile file(profiles.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(!saved.contains(m_secret.toUtf8()));
        QVERIFY2(saved.contains("db.example"), saved.constData());

        // A conninfo for libpq: a bare word is a service, the login overrides the URI's user.
        QCOMPARE(*ConnectionProfile::conninfo(QStringLiteral("staging"), {}),
                 QStringLiteral("service='staging'"));
        const QString composed = *ConnectionProfile::conninfo(
            QStringLiteral("postgresql://bob@db.example/k"), QStringLiteral("alice"));
        QVERIFY2(composed.contains(QLatin1String("user='alice'")), qPrintable(composed));
        QVERIFY2(!composed.contains(QLatin1String("bob")), qPrintable(composed));
        const auto bad = ConnectionProfile::conninfo(
            QStringLiteral("host=a password=%1 'oops").arg(m_secret), {});
        QVERIFY(!bad);
        QVERIFY(!bad.error().message.contains(m_secret));
        QCOMPARE(ConnectionProfile::suggestedName(QStringLiteral("postgresql://db.example/k"),
                                                  QStringLiteral("alice")),
                 QStringLiteral("alice@db.example/k"));
    }

    void preferencesAreKeptAndTheEnvironmentWins()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("prefs.ini")));
        QCOMPARE(profiles.preferences().syncIntervalMinutes, 15);
        profiles.setPreferences({QStringLiteral("/srv/cache"), 30, true});
        profiles.sync();
        ConnectionProfiles again(m_home.filePath(QStringLiteral("prefs.ini")));
        QCOMPARE(again.preferences().cacheDirectory, QStringLiteral("/srv/cache"));
        QCOMPARE(again.preferences().syncIntervalMinutes, 30);
        QVERIFY(again.preferences().startOffline);
        // KNOWLEDGE_CACHE_DIR (set for this test) wins over the saved folder.
        QCOMPARE(again.effectivePreferences().cacheDirectory, m_offlineCacheDir);

        ConnectionSettings env;
        QVERIFY(!ConnectionProfiles::isConfiguredOutside(env));
        env.databaseUrl = m_socketUrl;
        QVERIFY(ConnectionProfiles::isConfiguredOutside(env));
    }

    void savedConnectionsSwitchWithOneClick()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("switch.ini")));
        for (const QString &tenant : {QStringLiteral("acme"), QStringLiteral("globex")}) {
            ConnectionProfile p;
            p.name = tenant == QLatin1String("acme") ? QStringLiteral("staging")
                                                     : QStringLiteral("production");
            p.database = m_socketUrl;
            p.login = m_member;
            p.tenant = tenant;
            QVERIFY(profiles.save(p));
        }
        profiles.setCurrent(QStringLiteral("staging"));
        PasswordKeychain keychain;
        ConnectionSettings fromEnvironment; // nothing configured outside: the saved one opens
        fromEnvironment.schema = m_db->schema();
        ConnectionSwitcher switcher(profiles, keychain, fromEnvironment);
        bool cancelled = false;
        switcher.start([&cancelled]() { cancelled = true; });
        MainWindow *first = switcher.window();
        QVERIFY(first); // no dialog: the saved connection needs no password
        QVERIFY(!cancelled);
        auto *menu = first->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        QVERIFY(menu);
        QVERIFY(menu->isEnabled());
        QStringList names;
        QString checked;
        QAction *production = nullptr;
        for (QAction *a : menu->actions()) {
            names << a->text();
            if (a->isChecked())
                checked = a->text();
            if (a->text() == QLatin1String("production"))
                production = a;
        }
        QCOMPARE(names, (QStringList{QStringLiteral("staging"), QStringLiteral("production")}));
        QCOMPARE(checked, QStringLiteral("staging"));
        QVERIFY(production);
        production->trigger(); // one click
        QVERIFY(switcher.window() != first);
        QCOMPARE(profiles.current(), QStringLiteral("production"));
        auto *menu2 = switcher.window()->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        for (QAction *a : menu2->actions())
            QCOMPARE(a->isChecked(), a->text() == QLatin1String("production"));
        QTest::qWait(200);
    }

    void theEnvironmentWinsOverSavedConnections()
    {
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("switch.ini")));
        QVERIFY(profiles.currentProfile());
        PasswordKeychain keychain;
        ConnectionSettings fromEnvironment = m_db->settings(QStringLiteral("acme"));
        ConnectionSwitcher switcher(profiles, keychain, fromEnvironment);
        switcher.start([]() {});
        QVERIFY(switcher.window()); // opened at once, no dialog
        auto *menu = switcher.window()->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        for (QAction *a : menu->actions())
            QVERIFY(!a->isChecked()); // none of the saved ones is in use
        QTest::qWait(200);
    }

    // The screenshots in docs/screenshots/ (connect-dialog.png, connect-dialog.de.png): a saved
    // service "staging" from pg_service.conf, tested, with a password login's tenants listed.
    // Written to KE_SCREENSHOT_DIR when set (else a temporary folder).
    void screenshots()
    {
        // Renders docs/screenshots (signing in as a role named alice, cluster-wide): a tool,
        // not a check, so it runs only when asked.
        if (!qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR"))
            QSKIP("renders the README's screenshots only with KE_SCREENSHOT_DIR set");
        const QString dir = qEnvironmentVariable("KE_SCREENSHOT_DIR");
        QVERIFY(QDir().mkpath(dir));
        const QString services = m_home.filePath(QStringLiteral("pg_service.conf"));
        QFile f(services);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[staging]\nhost=127.0.0.1\nport=%1\ndbname=%2\n")
                    .arg(m_port)
                    .arg(QUrl(m_socketUrl).path().mid(1))
                    .toUtf8());
        f.close();
        qputenv("PGSERVICEFILE", services.toUtf8());
        const bool created
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'alice'"))
            == QLatin1String("0");
        QVERIFY2(created,
                 "a role alice exists on this server already (not this test's) — the "
                 "screenshot signs in as alice: drop it, or use a fresh private server");
        m_db->exec(QStringLiteral("CREATE ROLE alice LOGIN PASSWORD 'alice-secret' IN ROLE "
                                  "ke_password_logins"));
        for (const QString &tenant : {QStringLiteral("acme"), QStringLiteral("globex")}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                     {QStringLiteral("access"), QStringLiteral("grant"),
                                      QStringLiteral("alice"), QStringLiteral("--tenant"), tenant});
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        ConnectionProfiles profiles(m_home.filePath(QStringLiteral("screenshot.ini")));
        ConnectionProfile staging;
        staging.name = QStringLiteral("staging");
        staging.database = QStringLiteral("staging");
        staging.login = QStringLiteral("alice");
        staging.tenant = QStringLiteral("globex");
        staging.needsPassword = true;
        ConnectionProfile production = staging;
        production.name = QStringLiteral("production");
        production.database = QStringLiteral("postgresql://db.example.com/knowledge");
        QVERIFY(profiles.save(staging));
        QVERIFY(profiles.save(production));
        PasswordKeychain keychain;
        // English too: its plural forms ("2 tenants"); Qt's own ("Cancel") as the app loads it.
        test::inEnglishAndGerman(QStringLiteral(KE_QM_DIR), [&](const QString &language) {
            auto d = dialog(profiles, keychain);
            d->selectProfile(QStringLiteral("staging"), QStringLiteral("alice-secret"));
            const ConnectionCheckReport r = test(*d);
            QVERIFY2(r.ok(), qPrintable(r.message));
            QTest::qWait(100);
            const QString file
                = test::screenshotFile(dir, QStringLiteral("connect-dialog"), language);
            QVERIFY2(d->grab().save(file, "PNG"), qPrintable(file));
        });
        qunsetenv("PGSERVICEFILE");
        for (const QString &tenant : {QStringLiteral("acme"), QStringLiteral("globex")})
            m_db->run(QStringLiteral("knowledgectl"),
                      {QStringLiteral("access"), QStringLiteral("revoke"), QStringLiteral("alice"),
                       QStringLiteral("--tenant"), tenant});
        m_db->exec(QStringLiteral("DROP OWNED BY alice; DROP ROLE alice"));
    }

Q_SIGNALS:
    void keychainAnswered(const QString &password);
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
