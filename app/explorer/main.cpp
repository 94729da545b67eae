// knowledge-explorer — the desktop application.

#include "connectionprofiles.h"
#include "connectionswitcher.h"
#include "globalsearch.h"
#include "mainwindow.h"
#include "passwordkeychain.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>
#include <QUuid>

#include <cstdio>

int main(int argc, char **argv)
{
    // KE_REPORT_FIRST_PAINT (knowledge-bench gui): say on stderr when the first dataset page is
    // painted with its data, in ms since main() began.
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("knowledge-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Knowledge Explorer"));
    QApplication::setOrganizationName(QStringLiteral("KnowledgeExplorer"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    // No translation for any of the user's languages: English, which adds the plural forms
    // ("1 event", "2 events") that the "%n event(s)" sources lack.
    const bool matched = translator.load(QLocale(), QStringLiteral("knowledge"),
                                         QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (matched || translator.load(QStringLiteral(":/i18n/knowledge_en.qm")))
        QApplication::installTranslator(&translator);
    // Dates and numbers in the language of the words. LANGUAGE=de on a C locale (no LC_ALL,
    // LC_TIME or LANG set) reports the system locale as de_DE but formats like C ("17 Oct
    // 2026", "0.34"): then format as the translation's language. A regional setting the user
    // made (LANG=de_AT.UTF-8, …) is kept.
    if (matched) {
        auto configured = [](const char *name) {
            const QByteArray v = qgetenv(name);
            return !v.isEmpty() && v != "C" && !v.startsWith("C.") && v != "POSIX";
        };
        if (!configured("LC_ALL") && !configured("LC_TIME") && !configured("LANG"))
            QLocale::setDefault(QLocale(translator.language()));
    }

    ke::ConnectionSettings settings = ke::ConnectionSettings::fromEnvironment();
    const QStringList rest = settings.applyFlags(app.arguments());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "What your team knows about each dataset."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window to FILE (PNG) and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QApplication::translate("main",
                                "Open view V: schema, lineage, knowledge, activity, investigation "
                                "or search (the Ctrl+K search popup)."),
        QStringLiteral("V"));
    const QCommandLineOption dataset(
        QStringLiteral("dataset"),
        QApplication::translate("main", "Open dataset D (name or UUID) first."),
        QStringLiteral("D"));
    const QCommandLineOption investigation(
        QStringLiteral("investigation"),
        QApplication::translate("main", "Open investigation I (UUID)."), QStringLiteral("I"));
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.addOption(dataset);
    parser.addOption(investigation);
    const QCommandLineOption searchOption(
        QStringLiteral("search"),
        QApplication::translate("main",
                                "Search for TEXT (in the Ctrl+K popup with --view search, "
                                "else in the Search tab)."),
        QStringLiteral("TEXT"));
    parser.addOption(searchOption);
    parser.process(rest);

    // Where to connect: the environment and the flags win; else the saved connection; else
    // (first start) the connect dialog. Never a dialog under --screenshot.
    ke::ConnectionProfiles profiles;
    ke::PasswordKeychain keychain;
    ke::ConnectionSwitcher switcher(profiles, keychain, settings);
    switcher.setWindowSetup([&](ke::MainWindow &window) {
        // A person's window comes back as they left it; a screenshot is always the same.
        if (!parser.isSet(screenshot))
            window.restoreSession();
        if (parser.isSet(dataset))
            window.selectDataset(parser.value(dataset));
        if (parser.isSet(investigation))
            window.openInvestigation(QUuid::fromString(parser.value(investigation)));
        // --view decides the view; the other flags only supply its data. --view search: the
        // Ctrl+K popup over the window, searching for --search TEXT; without --view, --search
        // shows the Search tab.
        const bool globalSearch = parser.value(view) == QLatin1String("search");
        if (parser.isSet(searchOption) && !globalSearch)
            window.search(parser.value(searchOption)); // runs in the Search tab
        if (globalSearch)
            window.showGlobalSearch(parser.value(searchOption));
        else if (parser.isSet(view))
            window.showView(parser.value(view));
    });
    if (!parser.isSet(screenshot)) {
        // From inside the event loop, so that cancelling the first dialog can quit it.
        QTimer::singleShot(0, &switcher, [&switcher]() { switcher.start(&QApplication::quit); });
        return app.exec();
    }

    ke::MainWindow &window = *switcher.openWithoutDialog();

    {
        const QString file = parser.value(screenshot);
        // Shoot once the background requests have settled (data shown), or after 20 s.
        auto shoot = [&window, file]() {
            // A popup open over the window (Ctrl+K) is a window of its own: painted in.
            const QPixmap pixmap = window.globalSearch()->pictureOf(&window);
            if (!pixmap.save(file, "PNG")) {
                std::fprintf(
                    stderr, "%s\n",
                    qPrintable(QApplication::translate("main",
                                                       "knowledge-explorer: cannot write the "
                                                       "screenshot to %1 — check the folder exists "
                                                       "and is writable")
                                   .arg(file)));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        };
        auto *deadline = new QTimer(&window);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, &window, shoot);
        deadline->start(20000);
        const bool reportFirstPaint = qEnvironmentVariableIsSet("KE_REPORT_FIRST_PAINT");
        auto check = [&window, deadline, shoot, reportFirstPaint, &sinceStart]() {
            if (window.pendingRequests() == 0 && deadline->isActive()) {
                deadline->stop();
                if (reportFirstPaint) {
                    window.repaint();
                    std::fprintf(stderr,
                                 "knowledge-explorer: first page painted %lld ms after start\n",
                                 sinceStart.elapsed());
                    std::fflush(stderr);
                }
                QTimer::singleShot(400, &window, shoot); // let the last paint happen
            }
        };
        QObject::connect(&window, &ke::MainWindow::settled, &window, check);
        QTimer::singleShot(300, &window, check);
    }
    return app.exec();
}
