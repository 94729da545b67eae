#include "relativetime.h"

#include <QLocale>

namespace ke {

namespace {

/// Whole local calendar days from `when` to `now` (0: the same day).
qint64 calendarDays(const QDateTime &when, const QDateTime &now)
{
    return when.toLocalTime().date().daysTo(now.toLocalTime().date());
}

} // namespace

QString RelativeTime::ago(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 seconds = when.secsTo(now);
    if (seconds < -60)
        return tr("in the future");
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    const qint64 days = calendarDays(when, now);
    if (days == 0 || seconds < 6 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    if (days == 1)
        return tr("yesterday");
    if (days < 14)
        return tr("%n day(s) ago", nullptr, int(days));
    if (days < 61)
        return tr("%n week(s) ago", nullptr, int(days / 7));
    if (days < 730)
        return tr("%n month(s) ago", nullptr, int(days / 30));
    return tr("%n year(s) ago", nullptr, int(days / 365));
}

QString RelativeTime::day(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 days = calendarDays(when, now);
    if (days <= 0)
        return tr("Today");
    if (days == 1)
        return tr("Yesterday");
    if (days < 14)
        return tr("%n day(s)", nullptr, int(days));
    if (days < 61)
        return tr("%n week(s)", nullptr, int(days / 7));
    if (days < 730)
        return tr("%n month(s)", nullptr, int(days / 30));
    return tr("%n year(s)", nullptr, int(days / 365));
}

QString RelativeTime::exact(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

} // namespace ke
