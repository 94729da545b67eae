#include "knowledgestore.h"

#include "catalogue.h"
#include "datasetdirectory.h"
#include "event.h"

#include "database_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

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

QJsonValue stringJson(const QString &s)
{
    return s.isNull() ? QJsonValue() : QJsonValue(s);
}

QJsonArray arrayFromField(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    return QJsonDocument::fromJson(QByteArray(f.c_str(), int(f.size()))).array();
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

QJsonObject CommonIssue::toJson() const
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("issue"), issue},
            {QStringLiteral("count"), count},
            {QStringLiteral("last_seen"), timeJson(lastSeen)}};
}

QJsonObject KnownQuirk::toJson() const
{
    QJsonObject o{{QStringLiteral("quirk_id"), quirkId},
                  {QStringLiteral("text"), text},
                  {QStringLiteral("author_id"), uuidJson(authorId)},
                  {QStringLiteral("author"), stringJson(author)},
                  {QStringLiteral("created_at"), timeJson(createdAt)},
                  {QStringLiteral("last_edited_at"), timeJson(lastEditedAt)},
                  {QStringLiteral("confirmations"), confirmations}};
    if (!pending.isEmpty())
        o.insert(QStringLiteral("pending"), pending);
    return o;
}

QJsonObject DatasetOwner::toJson() const
{
    return {{QStringLiteral("actor_id"), uuidJson(actorId)},
            {QStringLiteral("handle"), stringJson(handle)},
            {QStringLiteral("display_name"), stringJson(displayName)},
            {QStringLiteral("score"), score},
            {QStringLiteral("share"), share},
            {QStringLiteral("investigations_started"), investigationsStarted},
            {QStringLiteral("feedback"), feedback},
            {QStringLiteral("comments"), comments},
            {QStringLiteral("quirks"), quirks}};
}

QJsonObject DatasetFinding::toJson() const
{
    return {{QStringLiteral("id"), uuidJson(id)},
            {QStringLiteral("investigation_id"), uuidJson(investigationId)},
            {QStringLiteral("finding_type"), findingType},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("confidence"), confidence ? QJsonValue(*confidence) : QJsonValue()},
            {QStringLiteral("feedback_score"), feedbackScore},
            {QStringLiteral("created_at"), timeJson(createdAt)}};
}

QJsonObject DatasetKnowledge::toJson() const
{
    QJsonArray issues, quirks, findings, owns;
    for (const auto &i : commonIssues)
        issues.append(i.toJson());
    for (const auto &q : knownQuirks)
        quirks.append(q.toJson());
    for (const auto &f : topFindings)
        findings.append(f.toJson());
    for (const auto &o : owners)
        owns.append(o.toJson());
    return {{QStringLiteral("dataset_id"), uuidJson(datasetId)},
            {QStringLiteral("name"), name},
            {QStringLiteral("investigation_count"), investigationCount},
            {QStringLiteral("positive_feedback_count"), positiveFeedbackCount},
            {QStringLiteral("negative_feedback_count"), negativeFeedbackCount},
            {QStringLiteral("last_investigation_at"), timeJson(lastInvestigationAt)},
            {QStringLiteral("common_issues"), issues},
            {QStringLiteral("known_quirks"), quirks},
            {QStringLiteral("top_findings"), findings},
            {QStringLiteral("owners"), owns},
            {QStringLiteral("updated_at"), timeJson(updatedAt)}};
}

QJsonObject ActivityItem::toJson() const
{
    return {{QStringLiteral("id"), uuidJson(eventId)},
            {QStringLiteral("created_at"), timeJson(createdAt)},
            {QStringLiteral("event_type"), eventType},
            {QStringLiteral("actor_id"), uuidJson(actorId)},
            {QStringLiteral("actor"), actor},
            {QStringLiteral("investigation_id"), uuidJson(investigationId)},
            {QStringLiteral("text"), text},
            {QStringLiteral("cursor"), cursor}};
}

QJsonObject ActivityPage::toJson() const
{
    QJsonArray a;
    for (const auto &i : items)
        a.append(i.toJson());
    return {{QStringLiteral("items"), a},
            {QStringLiteral("next_cursor"),
             nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

// The inverses of the toJson() above (the offline cache keeps what the readers answered in
// that form; a value written by toJson() reads back equal).
namespace {

QUuid uuidFromJson(const QJsonValue &v)
{
    return v.isString() ? QUuid::fromString(v.toString()) : QUuid();
}

QString stringFromJson(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

template <typename T> QList<T> listFromJson(const QJsonValue &v)
{
    QList<T> out;
    for (const QJsonValue &e : v.toArray())
        out.append(T::fromJson(e.toObject()));
    return out;
}

} // namespace

CommonIssue CommonIssue::fromJson(const QJsonObject &o)
{
    CommonIssue i;
    i.kind = stringFromJson(o.value(QLatin1String("kind")));
    i.issue = stringFromJson(o.value(QLatin1String("issue")));
    i.count = o.value(QLatin1String("count")).toInt();
    i.lastSeen = timeFromJson(o.value(QLatin1String("last_seen")));
    return i;
}

KnownQuirk KnownQuirk::fromJson(const QJsonObject &o)
{
    KnownQuirk q;
    q.quirkId = stringFromJson(o.value(QLatin1String("quirk_id")));
    q.text = stringFromJson(o.value(QLatin1String("text")));
    q.authorId = uuidFromJson(o.value(QLatin1String("author_id")));
    q.author = stringFromJson(o.value(QLatin1String("author")));
    q.createdAt = timeFromJson(o.value(QLatin1String("created_at")));
    q.lastEditedAt = timeFromJson(o.value(QLatin1String("last_edited_at")));
    q.confirmations = o.value(QLatin1String("confirmations")).toInt();
    q.pending = o.value(QLatin1String("pending")).toString();
    return q;
}

DatasetOwner DatasetOwner::fromJson(const QJsonObject &o)
{
    DatasetOwner w;
    w.actorId = uuidFromJson(o.value(QLatin1String("actor_id")));
    w.handle = stringFromJson(o.value(QLatin1String("handle")));
    w.displayName = stringFromJson(o.value(QLatin1String("display_name")));
    w.score = o.value(QLatin1String("score")).toDouble();
    w.share = o.value(QLatin1String("share")).toDouble();
    w.investigationsStarted = o.value(QLatin1String("investigations_started")).toInt();
    w.feedback = o.value(QLatin1String("feedback")).toInt();
    w.comments = o.value(QLatin1String("comments")).toInt();
    w.quirks = o.value(QLatin1String("quirks")).toInt();
    return w;
}

DatasetFinding DatasetFinding::fromJson(const QJsonObject &o)
{
    DatasetFinding f;
    f.id = uuidFromJson(o.value(QLatin1String("id")));
    f.investigationId = uuidFromJson(o.value(QLatin1String("investigation_id")));
    f.findingType = stringFromJson(o.value(QLatin1String("finding_type")));
    f.summary = stringFromJson(o.value(QLatin1String("summary")));
    const QJsonValue c = o.value(QLatin1String("confidence"));
    if (c.isDouble())
        f.confidence = c.toDouble();
    f.feedbackScore = o.value(QLatin1String("feedback_score")).toDouble();
    f.createdAt = timeFromJson(o.value(QLatin1String("created_at")));
    return f;
}

DatasetKnowledge DatasetKnowledge::fromJson(const QJsonObject &o)
{
    DatasetKnowledge k;
    k.datasetId = uuidFromJson(o.value(QLatin1String("dataset_id")));
    k.name = stringFromJson(o.value(QLatin1String("name")));
    k.investigationCount = o.value(QLatin1String("investigation_count")).toInt();
    k.positiveFeedbackCount = o.value(QLatin1String("positive_feedback_count")).toInt();
    k.negativeFeedbackCount = o.value(QLatin1String("negative_feedback_count")).toInt();
    k.lastInvestigationAt = timeFromJson(o.value(QLatin1String("last_investigation_at")));
    k.updatedAt = timeFromJson(o.value(QLatin1String("updated_at")));
    k.commonIssues = listFromJson<CommonIssue>(o.value(QLatin1String("common_issues")));
    k.knownQuirks = listFromJson<KnownQuirk>(o.value(QLatin1String("known_quirks")));
    k.topFindings = listFromJson<DatasetFinding>(o.value(QLatin1String("top_findings")));
    k.owners = listFromJson<DatasetOwner>(o.value(QLatin1String("owners")));
    return k;
}

ActivityItem ActivityItem::fromJson(const QJsonObject &o)
{
    ActivityItem a;
    a.eventId = uuidFromJson(o.value(QLatin1String("id")));
    a.createdAt = timeFromJson(o.value(QLatin1String("created_at")));
    a.eventType = stringFromJson(o.value(QLatin1String("event_type")));
    a.actorId = uuidFromJson(o.value(QLatin1String("actor_id")));
    a.actor = stringFromJson(o.value(QLatin1String("actor")));
    a.investigationId = uuidFromJson(o.value(QLatin1String("investigation_id")));
    a.text = stringFromJson(o.value(QLatin1String("text")));
    a.cursor = stringFromJson(o.value(QLatin1String("cursor")));
    return a;
}

ActivityPage ActivityPage::fromJson(const QJsonObject &o)
{
    ActivityPage p;
    p.items = listFromJson<ActivityItem>(o.value(QLatin1String("items")));
    p.nextCursor = stringFromJson(o.value(QLatin1String("next_cursor")));
    return p;
}

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
                a.data = QJsonDocument::fromJson(QByteArray(row[6].c_str(), int(row[6].size())))
                             .object();
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
