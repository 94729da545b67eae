#pragma once

// How the local caches (SQLite: the offline snapshot, the outbox) store a point in time: UTC,
// ISO 8601 with milliseconds; the empty string for none. One spelling, so files written by one
// part are read by another.

#include <QDateTime>
#include <QString>

namespace ke {

inline QString storedTimeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

inline QDateTime storedTimeFrom(const QString &s)
{
    if (s.isEmpty())
        return {};
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

} // namespace ke
