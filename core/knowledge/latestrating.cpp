#include "latestrating.h"

#include "event.h"

namespace ke {

namespace ratings {

int valueOf(const QJsonValue &rating)
{
    if (rating.isDouble()) {
        const double v = rating.toDouble();
        return v == 1.0 ? 1 : v == -1.0 ? -1 : 0;
    }
    if (rating.isString()) {
        const QString s = rating.toString();
        if (s == QLatin1String("1") || s == QLatin1String("1.0") || s == QLatin1String("+1"))
            return 1;
        if (s == QLatin1String("-1") || s == QLatin1String("-1.0"))
            return -1;
    }
    return 0;
}

QString feedbackColumnsSql(const QString &schema)
{
    return QStringLiteral(
               "CASE WHEN event_type LIKE 'feedback.%' THEN event_data->>'target_id' END "
               "AS target_id,"
               " CASE WHEN event_type LIKE 'feedback.%' THEN %1.rating_value(event_data) END "
               "AS rating,"
               " %1.rating_person(actor_id, id) AS person")
        .arg(schema);
}

QString latestSql(const QString &relation, const QString &columns)
{
    return QStringLiteral(
               "SELECT DISTINCT ON (f.investigation_id, f.target_id COLLATE \"C\", f.person) %2"
               " FROM %1 f WHERE coalesce(f.target_id, '') <> '' AND f.rating IS NOT NULL"
               " ORDER BY f.investigation_id, f.target_id COLLATE \"C\", f.person,"
               " f.created_at DESC, f.id DESC")
        .arg(relation, columns);
}

} // namespace ratings

namespace {

// (created_at, id) order; ids compare bytewise as PostgreSQL compares uuid (QUuid's own
// operator< looks at the variant first).
bool isLater(const LatestRatings::Vote &a, const LatestRatings::Vote &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.eventId.toRfc4122() > b.eventId.toRfc4122();
}

} // namespace

void LatestRatings::add(const Event &e)
{
    if (!e.eventType.startsWith(QLatin1String("feedback.")))
        return;
    const int rating = ratings::valueOf(e.data.value(QLatin1String("rating")));
    const QJsonValue target = e.data.value(QLatin1String("target_id"));
    if (rating == 0 || !target.isString() || target.toString().isEmpty())
        return;
    Vote v;
    v.investigationId = e.investigationId;
    v.targetId = target.toString();
    v.actorId = e.actorId;
    v.person = e.actorId.isNull() ? e.id : e.actorId;
    v.rating = rating;
    v.reason = e.data.value(QLatin1String("reason")).toString();
    v.comment = e.data.value(QLatin1String("comment")).toString();
    v.createdAt = e.createdAt;
    v.eventId = e.id;
    auto key = std::make_tuple(v.investigationId.toRfc4122(), v.targetId, v.person.toRfc4122());
    auto it = m_latest.find(key);
    if (it == m_latest.end())
        m_latest.emplace(std::move(key), std::move(v));
    else if (isLater(v, it->second))
        it->second = std::move(v);
}

QList<LatestRatings::Vote> LatestRatings::votes() const
{
    QList<Vote> out;
    out.reserve(qsizetype(m_latest.size()));
    for (const auto &[key, vote] : m_latest)
        out.append(vote);
    return out;
}

} // namespace ke
