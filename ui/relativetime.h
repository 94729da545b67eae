#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ke {

/// Times as people say them: "just now", "5 minutes ago", "yesterday", "3 weeks ago" (German:
/// "gerade eben", "vor 5 Minuten", "gestern", "vor 3 Wochen"), with the exact local time for a
/// tooltip. Calendar words (today, yesterday) follow the local date. Pure; any thread.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    /// How long before `now` `when` was; an invalid time reads "never".
    static QString ago(const QDateTime &when,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The day of `when` as a feed groups it: "Today", "Yesterday", "2 days", "3 weeks",
    /// "4 months", "2 years".
    static QString day(const QDateTime &when,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The exact local time in the reader's locale (for tooltips).
    static QString exact(const QDateTime &when);
};

} // namespace ke
