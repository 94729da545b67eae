#pragma once

// For the UI tests that render the README's screenshots (docs/screenshots), in English and
// German (ScopedLanguage).

#include <QDir>
#include <QMainWindow>
#include <QRect>
#include <QStatusBar>
#include <QString>

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

} // namespace ke::test
