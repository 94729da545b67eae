// knowledge-explorer — the desktop application.

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
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
    if (translator.load(QLocale(), QStringLiteral("knowledge"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

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
        QApplication::translate("main", "Open view V: knowledge, activity or search."),
        QStringLiteral("V"));
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.process(rest);

    ke::MainWindow window(settings);
    if (parser.isSet(view))
        window.showView(parser.value(view));
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Give queued work (first paint, data arriving from worker threads) a moment.
        QTimer::singleShot(1500, &window, [&window, file]() {
            const QPixmap pixmap = window.grab();
            if (!pixmap.save(file, "PNG")) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QApplication::translate(
                                            "main", "knowledge-explorer: cannot write the "
                                                    "screenshot to %1 — check the folder exists "
                                                    "and is writable")
                                            .arg(file)));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    return app.exec();
}
