#include "knowledgestore.h"

#include "catalogue.h"
#include "datasetdirectory.h"
#include "event.h"

#include "database_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <optional>
#include <tuple>
#include <type_traits>

namespace ke {

namespace {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeFromJson(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QJsonValue uuidJson(const QUuid &u)
{
    return u.isNull() ? QJsonValue() : QJsonValue(u.toString(QUuid::WithoutBraces));
}

QString oneLine(QString s)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    s.replace(ws, QStringLiteral(" "));
    s = s.trimmed();
    if (s.size() > 200)
        s = s.left(199) + QChar(0x2026);
    return s;
}

QString textOf(const QJsonObject &d, const char *key)
{
    const QJsonValue v = d.value(QLatin1String(key));
    if (v.isString())
        return oneLine(v.toString());
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

// The one line a person reads for an event of the feed.

/// The kind of step a rating is about, in the reader's language.
QString stepName(const QString &target)
{
    return StepKinds::label(target);
}

QString describe(const QString &type, const QJsonObject &d)
{
    if (type == QLatin1String("investigation.started")) {
        const QJsonObject alert = d.value(QLatin1String("alert")).toObject();
        const QString anomaly = textOf(alert, "anomaly_type");
        const QString metric = textOf(alert, "metric");
        if (!anomaly.isEmpty() && !metric.isEmpty())
            return KnowledgeStore::tr("Investigation started: %1 on %2").arg(anomaly, metric);
        if (!anomaly.isEmpty() || !metric.isEmpty())
            return KnowledgeStore::tr("Investigation started: %1").arg(anomaly + metric);
        return KnowledgeStore::tr("Investigation started");
    }
    if (type == QLatin1String("investigation.completed")) {
        const QString rc = textOf(d, "root_cause");
        return rc.isEmpty() ? KnowledgeStore::tr("Investigation completed")
                            : KnowledgeStore::tr("Investigation completed: %1").arg(rc);
    }
    if (type == QLatin1String("investigation.failed")) {
        const QString err = textOf(d, "error");
        return err.isEmpty() ? KnowledgeStore::tr("Investigation failed")
                             : KnowledgeStore::tr("Investigation failed: %1").arg(err);
    }
    if (type == QLatin1String("comment.added"))
        return KnowledgeStore::tr("Comment: %1").arg(textOf(d, "text"));
    if (type == QLatin1String("quirk.added"))
        return KnowledgeStore::tr("Quirk added: %1").arg(textOf(d, "text"));
    if (type == QLatin1String("quirk.edited"))
        return KnowledgeStore::tr("Quirk edited: %1").arg(textOf(d, "text"));
    if (type == QLatin1String("quirk.retired")) {
        const QString reason = textOf(d, "reason");
        return reason.isEmpty() ? KnowledgeStore::tr("Quirk retired")
                                : KnowledgeStore::tr("Quirk retired: %1").arg(reason);
    }
    if (type == QLatin1String("quirk.confirmed"))
        return KnowledgeStore::tr("Quirk confirmed");
    if (type.startsWith(QLatin1String("feedback."))) {
        const QString target = stepName(type.mid(9));
        const bool up = d.value(QLatin1String("rating")).toDouble() > 0
            || d.value(QLatin1String("rating")).toString() == QLatin1String("1");
        QString line = up ? KnowledgeStore::tr("Rated the %1 up").arg(target)
                          : KnowledgeStore::tr("Rated the %1 down").arg(target);
        const QString reason = EventTypes::reasonLabel(textOf(d, "reason"));
        const QString comment = textOf(d, "comment");
        if (!reason.isEmpty())
            line += QStringLiteral(": ") + reason;
        if (!comment.isEmpty())
            line += (reason.isEmpty() ? QStringLiteral(": ") : QStringLiteral(" — ")) + comment;
        return line;
    }
    return type;
}

} // namespace

// The JSON form of the readers' rows (what knowledgectl --json and the HTTP API print, and
// what the offline cache keeps): one list per struct of its fields — key, member and, for text,
// how an empty one is written. toJson() and fromJson() both walk that list, so a key cannot be
// spelt one way when written and another when read, and a value written reads back equal.
namespace {

/// How a text field is written when it is null or empty.
enum class Empty {
    AsText, ///< "" (a null text too)
    NullWhenNull, ///< null for a null text, "" for an empty one
    NullWhenEmpty, ///< null
    Omitted, ///< the key is left out
};

template <typename S, typename M> struct JsonField
{
    const char *key;
    M S::*member;
    Empty empty = Empty::AsText;
};
template <typename S, typename M>
constexpr JsonField<S, M> field(const char *key, M S::*member, Empty empty = Empty::AsText)
{
    return {key, member, empty};
}

QJsonValue toValue(const QString &s, Empty empty)
{
    if ((empty == Empty::NullWhenNull && s.isNull())
        || (empty == Empty::NullWhenEmpty && s.isEmpty()))
        return {};
    return s;
}
QJsonValue toValue(const QUuid &u, Empty)
{
    return uuidJson(u);
}
QJsonValue toValue(const QDateTime &t, Empty)
{
    return timeJson(t);
}
QJsonValue toValue(int v, Empty)
{
    return v;
}
QJsonValue toValue(double v, Empty)
{
    return v;
}
QJsonValue toValue(const std::optional<double> &v, Empty)
{
    return v ? QJsonValue(*v) : QJsonValue();
}
template <typename T> QJsonValue toValue(const QList<T> &list, Empty)
{
    QJsonArray a;
    for (const T &item : list)
        a.append(item.toJson());
    return a;
}

void fromValue(const QJsonValue &v, QString &out)
{
    out = v.isString() ? v.toString() : QString();
}
void fromValue(const QJsonValue &v, QUuid &out)
{
    out = v.isString() ? QUuid::fromString(v.toString()) : QUuid();
}
void fromValue(const QJsonValue &v, QDateTime &out)
{
    out = timeFromJson(v);
}
void fromValue(const QJsonValue &v, int &out)
{
    out = v.toInt();
}
void fromValue(const QJsonValue &v, double &out)
{
    out = v.toDouble();
}
void fromValue(const QJsonValue &v, std::optional<double> &out)
{
    out = v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}
template <typename T> void fromValue(const QJsonValue &v, QList<T> &out)
{
    out.clear();
    for (const QJsonValue &e : v.toArray())
        out.append(T::fromJson(e.toObject()));
}

template <typename S, typename Fields> QJsonObject writeFields(const S &s, const Fields &fields)
{
    QJsonObject o;
    std::apply(
        [&](const auto &...f) {
            auto put = [&](const auto &one) {
                const auto &value = s.*(one.member);
                if constexpr (std::is_same_v<std::decay_t<decltype(value)>, QString>) {
                    if (one.empty == Empty::Omitted && value.isEmpty())
                        return;
                }
                o.insert(QLatin1String(one.key), toValue(value, one.empty));
            };
            (put(f), ...);
        },
        fields);
    return o;
}

template <typename S, typename Fields> S readFields(const QJsonObject &o, const Fields &fields)
{
    S s;
    std::apply(
        [&](const auto &...f) { (fromValue(o.value(QLatin1String(f.key)), s.*(f.member)), ...); },
        fields);
    return s;
}

constexpr auto kCommonIssueFields
    = std::tuple{field("kind", &CommonIssue::kind), field("issue", &CommonIssue::issue),
                 field("count", &CommonIssue::count), field("last_seen", &CommonIssue::lastSeen)};
constexpr auto kKnownQuirkFields
    = std::tuple{field("quirk_id", &KnownQuirk::quirkId),
                 field("text", &KnownQuirk::text),
                 field("author_id", &KnownQuirk::authorId),
                 field("author", &KnownQuirk::author, Empty::NullWhenNull),
                 field("created_at", &KnownQuirk::createdAt),
                 field("last_edited_at", &KnownQuirk::lastEditedAt),
                 field("confirmations", &KnownQuirk::confirmations),
                 field("pending", &KnownQuirk::pending, Empty::Omitted)};
constexpr auto kDatasetOwnerFields
    = std::tuple{field("actor_id", &DatasetOwner::actorId),
                 field("handle", &DatasetOwner::handle, Empty::NullWhenNull),
                 field("display_name", &DatasetOwner::displayName, Empty::NullWhenNull),
                 field("score", &DatasetOwner::score),
                 field("share", &DatasetOwner::share),
                 field("investigations_started", &DatasetOwner::investigationsStarted),
                 field("feedback", &DatasetOwner::feedback),
                 field("comments", &DatasetOwner::comments),
                 field("quirks", &DatasetOwner::quirks)};
constexpr auto kDatasetFindingFields
    = std::tuple{field("id", &DatasetFinding::id),
                 field("investigation_id", &DatasetFinding::investigationId),
                 field("finding_type", &DatasetFinding::findingType),
                 field("summary", &DatasetFinding::summary),
                 field("confidence", &DatasetFinding::confidence),
                 field("feedback_score", &DatasetFinding::feedbackScore),
                 field("created_at", &DatasetFinding::createdAt)};
constexpr auto kDatasetKnowledgeFields
    = std::tuple{field("dataset_id", &DatasetKnowledge::datasetId),
                 field("name", &DatasetKnowledge::name),
                 field("investigation_count", &DatasetKnowledge::investigationCount),
                 field("positive_feedback_count", &DatasetKnowledge::positiveFeedbackCount),
                 field("negative_feedback_count", &DatasetKnowledge::negativeFeedbackCount),
                 field("last_investigation_at", &DatasetKnowledge::lastInvestigationAt),
                 field("common_issues", &DatasetKnowledge::commonIssues),
                 field("known_quirks", &DatasetKnowledge::knownQuirks),
                 field("top_findings", &DatasetKnowledge::topFindings),
                 field("owners", &DatasetKnowledge::owners),
                 field("updated_at", &DatasetKnowledge::updatedAt)};
constexpr auto kActivityItemFields
    = std::tuple{field("id", &ActivityItem::eventId),
                 field("created_at", &ActivityItem::createdAt),
                 field("event_type", &ActivityItem::eventType),
                 field("actor_id", &ActivityItem::actorId),
                 field("actor", &ActivityItem::actor),
                 field("investigation_id", &ActivityItem::investigationId),
                 field("text", &ActivityItem::text),
                 field("cursor", &ActivityItem::cursor)};
constexpr auto kActivityPageFields
    = std::tuple{field("items", &ActivityPage::items),
                 field("next_cursor", &ActivityPage::nextCursor, Empty::NullWhenEmpty)};

} // namespace

#define KE_JSON_FORM(Type, fields)                                                                 \
    QJsonObject Type::toJson() const                                                               \
    {                                                                                              \
        return writeFields(*this, fields);                                                         \
    }                                                                                              \
    Type Type::fromJson(const QJsonObject &o)                                                      \
    {                                                                                              \
        return readFields<Type>(o, fields);                                                        \
    }

KE_JSON_FORM(CommonIssue, kCommonIssueFields)
KE_JSON_FORM(KnownQuirk, kKnownQuirkFields)
KE_JSON_FORM(DatasetOwner, kDatasetOwnerFields)
KE_JSON_FORM(DatasetFinding, kDatasetFindingFields)
KE_JSON_FORM(DatasetKnowledge, kDatasetKnowledgeFields)
KE_JSON_FORM(ActivityItem, kActivityItemFields)
KE_JSON_FORM(ActivityPage, kActivityPageFields)

#undef KE_JSON_FORM

QString KnowledgeStore::describeActivity(const QString &eventType, const QJsonObject &data)
{
    return describe(eventType, data);
}

Result<QPair<QUuid, QString>> KnowledgeStore::resolveDataset(Database &db, const QString &dataset)
{
    auto ds = DatasetDirectory::resolve(db, dataset);
    if (!ds)
        return ds.error();
    return qMakePair(ds->id, ds->name);
}

Result<DatasetKnowledge> KnowledgeStore::knowledge(Database &db, const QString &dataset)
{
    auto ds = resolveDataset(db, dataset);
    if (!ds)
        return ds.error();
    return guarded(
        tr("reading the knowledge of dataset '%1'").arg(ds->second),
        [&]() -> Result<DatasetKnowledge> {
            pqxx::work tx(databasePrivate(db)->conn); // one snapshot for the row and its findings
            const std::string tenant = uuidToStd(db.tenantId());
            const std::string id = uuidToStd(ds->first);
            DatasetKnowledge k;
            k.datasetId = ds->first;
            k.name = ds->second;
            const pqxx::result r = tx.exec_params(
                "SELECT investigation_count, positive_feedback_count, negative_feedback_count,"
                " last_investigation_at, common_issues::text, known_quirks::text, owners::text, "
                "updated_at FROM "
                    + toStd(db.table(QStringLiteral("dataset_knowledge")))
                    + " WHERE tenant_id = $1 AND dataset_id = $2",
                tenant, id);
            if (!r.empty()) {
                const auto row = r[0];
                readColumns(row, 0, k.investigationCount, k.positiveFeedbackCount,
                            k.negativeFeedbackCount, k.lastInvestigationAt);
                k.updatedAt = timestampFromField(row[7]);
                for (const QJsonValue &v : arrayFromField(row[4])) {
                    const QJsonObject o = v.toObject();
                    k.commonIssues.append({o.value(QLatin1String("kind")).toString(),
                                           o.value(QLatin1String("issue")).toString(),
                                           o.value(QLatin1String("count")).toInt(),
                                           timeFromJson(o.value(QLatin1String("last_seen")))});
                }
                for (const QJsonValue &v : arrayFromField(row[5])) {
                    const QJsonObject o = v.toObject();
                    KnownQuirk q;
                    q.quirkId = o.value(QLatin1String("quirk_id")).toString();
                    q.text = o.value(QLatin1String("text")).toString();
                    q.authorId = QUuid::fromString(o.value(QLatin1String("author_id")).toString());
                    q.author = o.value(QLatin1String("author")).toString();
                    q.createdAt = timeFromJson(o.value(QLatin1String("created_at")));
                    q.lastEditedAt = timeFromJson(o.value(QLatin1String("last_edited_at")));
                    q.confirmations = o.value(QLatin1String("confirmations")).toInt();
                    k.knownQuirks.append(q);
                }
                for (const QJsonValue &v : arrayFromField(row[6])) {
                    const QJsonObject o = v.toObject();
                    DatasetOwner w;
                    w.actorId = QUuid::fromString(o.value(QLatin1String("actor_id")).toString());
                    w.handle = o.value(QLatin1String("handle")).toString();
                    w.displayName = o.value(QLatin1String("display_name")).toString();
                    w.score = o.value(QLatin1String("score")).toDouble();
                    w.share = o.value(QLatin1String("share")).toDouble();
                    w.investigationsStarted
                        = o.value(QLatin1String("investigations_started")).toInt();
                    w.feedback = o.value(QLatin1String("feedback")).toInt();
                    w.comments = o.value(QLatin1String("comments")).toInt();
                    w.quirks = o.value(QLatin1String("quirks")).toInt();
                    k.owners.append(w);
                }
            }
            // The same finding stated by many investigations is listed once, at its best: the
            // findings in rank order, the first of each (type, lower(summary)) kept — what
            // DISTINCT ON would give, without sorting every finding of a busy dataset by its
            // text (17k findings: ~120 ms) when the best few are at the top of the index.
            constexpr int batch = 200;
            QSet<QString> seen;
            for (int offset = 0; k.topFindings.size() < topFindingsLimit; offset += batch) {
                const pqxx::result f = tx.exec_params(
                    "SELECT id, investigation_id, finding_type, summary, confidence, "
                    "feedback_score, created_at, finding_type || chr(31) || lower(summary) FROM "
                        + toStd(db.table(QStringLiteral("dataset_findings")))
                        + " WHERE tenant_id = $1 AND dataset_id = $2 ORDER BY feedback_score "
                          "DESC, confidence DESC NULLS LAST, created_at DESC, id "
                          "LIMIT $3 OFFSET $4",
                    tenant, id, batch, offset);
                for (const auto &row : f) {
                    const QString key = stringFromField(row[7]);
                    if (seen.contains(key))
                        continue;
                    seen.insert(key);
                    DatasetFinding d;
                    readColumns(row, 0, d.id, d.investigationId, d.findingType, d.summary,
                                d.confidence, d.feedbackScore, d.createdAt);
                    k.topFindings.append(d);
                    if (k.topFindings.size() == topFindingsLimit)
                        break;
                }
                if (int(f.size()) < batch)
                    break;
            }
            tx.commit();
            return k;
        });
}

Result<ActivityPage> KnowledgeStore::activity(Database &db, const QString &dataset, int limit,
                                              const QString &before)
{
    if (limit < 1 || limit > 1000)
        return makeError(ErrorCode::InvalidLimit,
                         tr("the limit must be between 1 and 1000, got %1").arg(limit));
    std::optional<std::string> beforeTime, beforeId;
    if (!before.isEmpty()) {
        // Cursor = "<created_at, UTC, microseconds>_<event id>", made by this function.
        static const QRegularExpression cursorRe(QStringLiteral(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z)_([0-9a-fA-F-]{36})$"));
        const auto m = cursorRe.match(before);
        if (!m.hasMatch())
            return makeError(ErrorCode::InvalidCursor,
                             tr("'%1' is not an activity cursor — pass the cursor printed with "
                                "the last item of the previous page")
                                 .arg(before));
        beforeTime = toStd(m.captured(1));
        beforeId = toStd(m.captured(2));
    }
    auto ds = resolveDataset(db, dataset);
    if (!ds)
        return ds.error();
    return guarded(
        tr("reading the activity of dataset '%1'").arg(ds->second), [&]() -> Result<ActivityPage> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const std::string k = toStd(Database::quoteQualified(db.settings().schema));
            // Feed = the dataset's investigations' start (the first one only; orchestrators repeat
            // it), outcome, comments and feedback, plus the events of the dataset's quirks.
            std::string sql = "WITH inv AS (SELECT investigation_id, start_event_id FROM " + k
                + ".agg_investigations WHERE tenant_id = $1 AND dataset_id = $2),"
                  " qk AS (SELECT quirk_id FROM "
                + k
                + ".agg_quirks WHERE tenant_id = $1 AND dataset_id = $2),"
                  " ev AS ("
                  "  SELECT e.* FROM "
                + toStd(db.eventsTable())
                + " e WHERE e.tenant_id = $1"
                  "   AND e.id IN (SELECT start_event_id FROM inv)"
                  "  UNION ALL SELECT e.* FROM "
                + toStd(db.eventsTable())
                + " e WHERE e.tenant_id = $1"
                  "   AND e.investigation_id IN (SELECT investigation_id FROM inv)"
                  "   AND (e.event_type IN ('investigation.completed', 'investigation.failed', "
                  "'comment.added')"
                  "        OR e.event_type LIKE 'feedback.%')"
                  "  UNION ALL SELECT e.* FROM "
                + toStd(db.eventsTable())
                + " e WHERE e.tenant_id = $1"
                  "   AND e.event_type LIKE 'quirk.%' AND (e.event_data->>'quirk_id') IN (SELECT "
                  "quirk_id FROM qk)) "
                  "SELECT e.id, e.created_at, e.event_type, e.actor_id, p.handle, "
                  "e.investigation_id,"
                  " e.event_data::text,"
                  " to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                  "|| '_' || e.id, e.actor_type "
                  "FROM ev e LEFT JOIN "
                + k
                + ".people p ON p.tenant_id = $1 AND p.id = e.actor_id "
                  "WHERE ($3::timestamptz IS NULL OR (e.created_at, e.id) < ($3::timestamptz, "
                  "$4::uuid)) "
                  "ORDER BY e.created_at DESC, e.id DESC LIMIT $5";
            // A busy dataset (a hundred thousand events): the union above sorts every event of
            // its investigations to show the newest few (~300 ms). Reading the tenant's events
            // newest first instead (feedback_events_tenant_time) stops after `limit` of them —
            // exact as well, and fast while the dataset is a fair share of the tenant's activity,
            // which a dataset with that many investigations is.
            const int investigations
                = tx.exec_params(
                        "SELECT count(*) FROM " + k
                            + ".agg_investigations WHERE tenant_id = $1 AND dataset_id = $2",
                        uuidToStd(db.tenantId()), uuidToStd(ds->first))[0][0]
                      .as<int>();
            if (investigations >= busyDataset) {
                sql = "WITH inv AS MATERIALIZED (SELECT investigation_id, start_event_id FROM " + k
                    + ".agg_investigations WHERE tenant_id = $1 AND dataset_id = $2),"
                      " qk AS MATERIALIZED (SELECT quirk_id FROM "
                    + k
                    + ".agg_quirks WHERE tenant_id = $1 AND dataset_id = $2) "
                      "SELECT e.id, e.created_at, e.event_type, e.actor_id, p.handle, "
                      "e.investigation_id,"
                      " e.event_data::text,"
                      " to_char(e.created_at AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '_' || e.id, e.actor_type FROM "
                    + toStd(db.eventsTable()) + " e LEFT JOIN " + k
                    + ".people p ON p.tenant_id = $1 AND p.id = e.actor_id "
                      "WHERE e.tenant_id = $1"
                      " AND e.created_at <= coalesce($3::timestamptz, 'infinity')"
                      " AND (e.id IN (SELECT start_event_id FROM inv)"
                      "  OR (e.investigation_id IN (SELECT investigation_id FROM inv)"
                      "      AND (e.event_type IN ('investigation.completed', "
                      "'investigation.failed', 'comment.added') OR e.event_type LIKE 'feedback.%'))"
                      "  OR (e.event_type LIKE 'quirk.%' AND (e.event_data->>'quirk_id') IN "
                      "(SELECT quirk_id FROM qk)))"
                      " AND ($3::timestamptz IS NULL OR (e.created_at, e.id) < ($3::timestamptz, "
                      "$4::uuid)) "
                      "ORDER BY e.created_at DESC, e.id DESC LIMIT $5";
            }
            const pqxx::result r
                = tx.exec_params(sql, uuidToStd(db.tenantId()), uuidToStd(ds->first), beforeTime,
                                 beforeId, limit + 1);
            ActivityPage page;
            for (int i = 0; i < int(r.size()) && i < limit; ++i) {
                const auto row = r[pqxx::result::size_type(i)];
                ActivityItem a;
                readColumns(row, 0, a.eventId, a.createdAt, a.eventType, a.actorId);
                // A system actor (the orchestrator) reads as empty: the UI says "orchestrator".
                const bool system = std::string_view(row[8].c_str()) == "system";
                a.actor = !row[4].is_null()          ? stringFromField(row[4])
                    : (system || a.actorId.isNull()) ? QString()
                                                     : a.actorId.toString(QUuid::WithoutBraces);
                a.investigationId = uuidFromField(row[5]);
                a.data = objectFromField(row[6]);
                a.text = describe(a.eventType, a.data);
                a.cursor = stringFromField(row[7]);
                page.items.append(a);
            }
            if (int(r.size()) > limit && !page.items.isEmpty())
                page.nextCursor = page.items.last().cursor;
            return page;
        });
}

} // namespace ke
