#pragma once

// The one rule for "each person's latest rating", in its two forms.
//
// The rule (README, "Ratings"; SQL owner: resources/migrations/0005_ratings_and_catalog.sql):
// per target — an investigation and the id of the step rated in it — each person's latest
// valid rating counts, latest by created_at, ties broken by the time-ordered event id; a rating
// without an actor counts on its own (nobody can re-rate it); a rating stored as the string
// "1" / "-1" counts like the number; anything else is not a rating.
//
// The knowledge aggregation and the training builder use the SQL text below over their own
// relations; the investigation view folds the same rule in C++ (LatestRatings). One test
// (tst_latestrating) proves the three agree on the same events.

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

#include <map>
#include <tuple>

namespace ke {

struct Event;

namespace ratings {

/// 1 or -1 for a valid rating (the numbers 1 / -1 / 1.0 / -1.0, the strings "1", "-1", "+1",
/// "1.0", "-1.0"), 0 for anything else — the C++ twin of the SQL rating_value().
int valueOf(const QJsonValue &rating);

/// SQL select-list items that give a relation of events (columns event_type, event_data,
/// actor_id, id) the columns the rule needs: target_id (text, NULL unless feedback), rating
/// (smallint, NULL unless a valid rating) and person (uuid). `schema` is the quoted schema of
/// the product (for rating_value / rating_person).
QString feedbackColumnsSql(const QString &schema);

/// `SELECT DISTINCT ON (...) <columns> FROM <relation> f WHERE ... ORDER BY ...`: each
/// person's latest rating per (investigation_id, target_id). The relation must have the
/// columns of feedbackColumnsSql() plus investigation_id, created_at and id. Target ids are
/// compared bytewise (COLLATE "C"), which groups exactly like the default collation and
/// sorts without strcoll.
QString latestSql(const QString &relation, const QString &columns = QStringLiteral("f.*"));

} // namespace ratings

/// Folds feedback events into each person's latest rating per (investigation, target), in any
/// order of arrival. A value type; not thread-safe (use one per thread).
class LatestRatings
{
public:
    struct Vote
    {
        QUuid investigationId;
        QString targetId;
        QUuid person; ///< the actor, or the event id for an anonymous rating
        QUuid actorId; ///< null for an anonymous rating
        int rating = 0; ///< 1 or -1
        QString reason;
        QString comment;
        QDateTime createdAt;
        QUuid eventId;
    };

    /// Takes a feedback.* event into account; other events and invalid ratings are ignored.
    void add(const Event &event);
    /// The latest vote of each person per target, ordered by (investigation, target, person).
    QList<Vote> votes() const;

private:
    std::map<std::tuple<QByteArray, QString, QByteArray>, Vote> m_latest;
};

} // namespace ke
