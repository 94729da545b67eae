#pragma once

// For the UI tests that render the README's screenshots (docs/screenshots), in English and
// German (ScopedLanguage).

#include "scopedlanguage.h"

#include <QDir>
#include <QMainWindow>
#include <QRect>
#include <QStatusBar>
#include <QString>
#include <QTest>

namespace ke::test {

/// Where a test renders the README's screenshots: KE_SCREENSHOT_DIR when set (to refresh
/// docs/screenshots), else `fallback`/screenshots — rendered all the same, so that drawing them
/// is tested. Empty when the folder cannot be made.
inline QString screenshotDirectory(const QString &fallback)
{
    const QString dir = qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR")
        ? qEnvironmentVariable("KE_SCREENSHOT_DIR")
        : fallback + QStringLiteral("/screenshots");
    return QDir().mkpath(dir) ? dir : QString();
}

/// The file of screenshot `name` in `language` under `dir`, as the README names them:
/// "name.png" in English, "name.de.png" in German.
inline QString screenshotFile(const QString &dir, const QString &name, const QString &language)
{
    return dir + QLatin1Char('/') + name
        + (language == QLatin1String("en") ? QString() : QLatin1Char('.') + language)
        + QStringLiteral(".png");
}

/// The part of `w` a screenshot shows: all but the status bar (it names the test's own login
/// and schema).
inline QRect withoutStatusBar(const QMainWindow &w)
{
    const auto *status = w.findChild<QStatusBar *>();
    return QRect(0, 0, w.width(), status ? status->y() : w.height());
}

/// Runs `shoot(language)` in English, then in German, each with the application speaking it
/// (ScopedLanguage over `qmDirectory`, a test's KE_QM_DIR). A missing translation fails the
/// test; so does a failed check in `shoot`, which then ends the languages.
template <typename Shoot> void inEnglishAndGerman(const QString &qmDirectory, Shoot &&shoot)
{
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
        ScopedLanguage speaking(qmDirectory, language);
        if (!speaking.isLoaded()) {
            QTest::qFail(
                qPrintable(QStringLiteral("no %1 translation in %2").arg(language, qmDirectory)),
                __FILE__, __LINE__);
            return;
        }
        shoot(language);
        if (QTest::currentTestFailed())
            return;
    }
}

} // namespace ke::test
