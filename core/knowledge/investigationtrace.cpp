#include "investigationtrace.h"

#include "latestrating.h"

#include <QJsonArray>

#include <algorithm>

namespace ke {

namespace {

QUuid idField(const QJsonObject &data, const char *key)
{
    return QUuid::fromString(data.value(QLatin1String(key)).toString());
}

double confidenceOf(const QJsonObject &data)
{
    const QJsonValue v = data.value(QLatin1String("confidence"));
    return v.isDouble() ? v.toDouble() : -1.0;
}

TraceStep newStep(const QString &kind, const QUuid &id, const QString &parentId,
                  const QString &status, const QDateTime &at)
{
    TraceStep s;
    s.kind = kind;
    s.id = id;
    s.parentId = parentId;
    s.status = status;
    s.at = at;
    return s;
}

} // namespace

void RatingTally::replaceMine(int rating, const QString &reason)
{
    if (rating != 1 && rating != -1)
        return;
    if (mine != rating) {
        if (mine > 0)
            up = std::max(0, up - 1);
        else if (mine < 0)
            down = std::max(0, down - 1);
        (rating > 0 ? up : down) += 1;
        mine = rating;
    }
    myReason = reason;
}

InvestigationTrace InvestigationTrace::fromEvents(const std::vector<Event> &events,
                                                  const QUuid &viewer)
{
    std::vector<const Event *> ordered;
    ordered.reserve(events.size());
    for (const Event &e : events)
        ordered.push_back(&e);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Event *a, const Event *b) { return a->createdAt < b->createdAt; });

    InvestigationTrace t;
    QList<TraceStep> hypotheses;
    QHash<QUuid, QList<TraceStep>> children; // hypothesis id -> queries and evidence
    QList<TraceStep> orphans; // queries / evidence without a known hypothesis
    TraceStep synthesis;
    bool hasSynthesis = false;
    LatestRatings latest; // the one rule for each person's latest rating

    const auto findStep = [](QList<TraceStep> &list, const QUuid &id) -> TraceStep * {
        for (TraceStep &s : list) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    };

    for (const Event *e : ordered) {
        const QString &type = e->eventType;
        const QJsonObject &d = e->data;
        if (t.investigationId.isNull())
            t.investigationId = e->investigationId;
        if (type == QLatin1String("investigation.started")) {
            if (t.startedAt.isNull())
                t.startedAt = e->createdAt;
            if (t.datasetKey.isEmpty())
                t.datasetKey = d.value(QLatin1String("dataset_id")).toString();
            if (d.value(QLatin1String("alert")).isObject())
                t.alert = d.value(QLatin1String("alert")).toObject();
            if (t.outcome.isEmpty())
                t.outcome = QStringLiteral("running");
        } else if (type == QLatin1String("investigation.completed")) {
            t.outcome = QStringLiteral("completed");
            t.finishedAt = e->createdAt;
            if (t.rootCause.isEmpty())
                t.rootCause = d.value(QLatin1String("root_cause")).toString();
            if (confidenceOf(d) >= 0)
                t.confidence = confidenceOf(d);
            if (d.value(QLatin1String("duration_seconds")).isDouble())
                t.durationSeconds = d.value(QLatin1String("duration_seconds")).toDouble();
        } else if (type == QLatin1String("investigation.failed")) {
            t.outcome = QStringLiteral("failed");
            t.finishedAt = e->createdAt;
            t.rootCause = d.value(QLatin1String("error")).toString();
        } else if (type.startsWith(QLatin1String("hypothesis."))) {
            const QUuid id = idField(d, "hypothesis_id");
            TraceStep *s = findStep(hypotheses, id);
            if (!s) {
                hypotheses.append(newStep(QStringLiteral("hypothesis"), id, QString(),
                                          QStringLiteral("proposed"), e->createdAt));
                s = &hypotheses.last();
            }
            if (d.contains(QLatin1String("text")))
                s->title = d.value(QLatin1String("text")).toString();
            if (confidenceOf(d) >= 0)
                s->confidence = confidenceOf(d);
            if (type == QLatin1String("hypothesis.accepted"))
                s->status = QStringLiteral("accepted");
            else if (type == QLatin1String("hypothesis.rejected"))
                s->status = QStringLiteral("rejected");
        } else if (type.startsWith(QLatin1String("query."))
                   || type.startsWith(QLatin1String("evidence."))) {
            const bool isQuery = type.startsWith(QLatin1String("query."));
            const QUuid id = idField(d, isQuery ? "query_id" : "evidence_id");
            const QUuid parent = idField(d, "hypothesis_id");
            QList<TraceStep> &list = parent.isNull() ? orphans : children[parent];
            TraceStep *s = findStep(list, id);
            if (!s) {
                list.append(newStep(isQuery ? QStringLiteral("query") : QStringLiteral("evidence"),
                                    id, parent.toString(QUuid::WithoutBraces), QString(),
                                    e->createdAt));
                s = &list.last();
            }
            if (isQuery) {
                if (d.contains(QLatin1String("purpose")))
                    s->title = d.value(QLatin1String("purpose")).toString();
                if (d.contains(QLatin1String("sql"))) {
                    s->sql = d.value(QLatin1String("sql")).toString();
                    s->detail = s->sql;
                }
                if (d.value(QLatin1String("row_count")).isDouble())
                    s->rowCount = qint64(d.value(QLatin1String("row_count")).toDouble());
                if (d.value(QLatin1String("duration_ms")).isDouble())
                    s->durationMs = qint64(d.value(QLatin1String("duration_ms")).toDouble());
                if (type == QLatin1String("query.succeeded"))
                    s->status = QStringLiteral("succeeded");
                else if (type == QLatin1String("query.failed")) {
                    s->status = QStringLiteral("failed");
                    s->error = d.value(QLatin1String("error")).toString();
                    s->detail += QStringLiteral("\n-- ") + s->error;
                } else if (s->status.isEmpty())
                    s->status = type.mid(6);
            } else {
                if (d.contains(QLatin1String("summary")))
                    s->title = d.value(QLatin1String("summary")).toString();
                if (d.value(QLatin1String("supports")).isBool())
                    s->status = d.value(QLatin1String("supports")).toBool()
                        ? QStringLiteral("supports")
                        : QStringLiteral("refutes");
                if (confidenceOf(d) >= 0)
                    s->confidence = confidenceOf(d);
            }
        } else if (type == QLatin1String("synthesis.generated")) {
            hasSynthesis = true;
            synthesis.kind = QStringLiteral("synthesis");
            synthesis.id = idField(d, "synthesis_id");
            synthesis.title = d.value(QLatin1String("root_cause")).toString();
            QStringList recs;
            synthesis.recommendations.clear();
            const QJsonArray arr = d.value(QLatin1String("recommendations")).toArray();
            for (const QJsonValue &v : arr) {
                recs << QStringLiteral("• ") + v.toString();
                synthesis.recommendations << v.toString();
            }
            synthesis.detail = recs.join(QLatin1Char('\n'));
            synthesis.confidence = confidenceOf(d);
            synthesis.at = e->createdAt;
            if (t.rootCause.isEmpty())
                t.rootCause = synthesis.title;
        } else if (type.startsWith(QLatin1String("feedback."))) {
            latest.add(*e);
        } else if (type == QLatin1String("comment.added")) {
            t.comments.append({e->actorId.toString(QUuid::WithoutBraces),
                               d.value(QLatin1String("text")).toString()});
        }
    }

    if (t.confidence < 0 && hasSynthesis)
        t.confidence = synthesis.confidence;
    TraceStep self = newStep(QStringLiteral("investigation"), t.investigationId, QString(),
                             t.outcome, t.startedAt);
    self.title = t.alert.value(QLatin1String("metric")).toString();
    self.detail = t.rootCause;
    t.steps.append(self);
    for (const TraceStep &h : std::as_const(hypotheses)) {
        t.steps.append(h);
        t.steps.append(children.value(h.id));
    }
    t.steps.append(orphans);
    if (hasSynthesis)
        t.steps.append(synthesis);

    QHash<QUuid, qsizetype> index;
    for (qsizetype i = 0; i < t.steps.size(); ++i)
        index.insert(t.steps.at(i).id, i);
    for (const LatestRatings::Vote &v : latest.votes()) {
        // Ratings filed under another investigation are not this trace's.
        if (v.investigationId != t.investigationId)
            continue;
        const auto it = index.constFind(QUuid::fromString(v.targetId));
        if (it == index.cend())
            continue;
        RatingTally &tally = t.steps[*it].rating;
        (v.rating > 0 ? tally.up : tally.down) += 1;
        if (!viewer.isNull() && v.actorId == viewer) {
            tally.mine = v.rating;
            tally.myReason = v.reason;
        }
    }
    return t;
}

} // namespace ke
