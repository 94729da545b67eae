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

/// Folds an investigation's events, oldest first, into its trace: the investigation's own
/// facts, each hypothesis with its queries and evidence (and those without a known hypothesis),
/// the synthesis, comments, and every person's latest rating of each step.
class TraceBuilder
{
public:
    void add(const Event &e);
    /// The steps in reading order, rated; `viewer`'s own ratings are marked as theirs.
    InvestigationTrace finish(const QUuid &viewer);

private:
    void investigation(const Event &e);
    void hypothesis(const Event &e);
    void queryOrEvidence(const Event &e);
    void synthesisGenerated(const Event &e);
    void rate(const QUuid &viewer);

    static TraceStep *findStep(QList<TraceStep> &list, const QUuid &id)
    {
        for (TraceStep &s : list) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    }

    InvestigationTrace m_trace;
    QList<TraceStep> m_hypotheses;
    QHash<QUuid, QList<TraceStep>> m_children; // hypothesis id -> queries and evidence
    QList<TraceStep> m_orphans; // queries / evidence without a known hypothesis
    TraceStep m_synthesis;
    bool m_hasSynthesis = false;
    LatestRatings m_latest; // the one rule for each person's latest rating
};

void TraceBuilder::add(const Event &e)
{
    const QString &type = e.eventType;
    if (m_trace.investigationId.isNull())
        m_trace.investigationId = e.investigationId;
    if (type.startsWith(QLatin1String("investigation.")))
        investigation(e);
    else if (type.startsWith(QLatin1String("hypothesis.")))
        hypothesis(e);
    else if (type.startsWith(QLatin1String("query."))
             || type.startsWith(QLatin1String("evidence.")))
        queryOrEvidence(e);
    else if (type == QLatin1String("synthesis.generated"))
        synthesisGenerated(e);
    else if (type.startsWith(QLatin1String("feedback.")))
        m_latest.add(e);
    else if (type == QLatin1String("comment.added"))
        m_trace.comments.append({e.actorId.toString(QUuid::WithoutBraces),
                                 e.data.value(QLatin1String("text")).toString()});
}

void TraceBuilder::investigation(const Event &e)
{
    const QString &type = e.eventType;
    const QJsonObject &d = e.data;
    if (type == QLatin1String("investigation.started")) {
        if (m_trace.startedAt.isNull())
            m_trace.startedAt = e.createdAt;
        if (m_trace.datasetKey.isEmpty())
            m_trace.datasetKey = d.value(QLatin1String("dataset_id")).toString();
        if (d.value(QLatin1String("alert")).isObject())
            m_trace.alert = d.value(QLatin1String("alert")).toObject();
        if (m_trace.outcome.isEmpty())
            m_trace.outcome = QStringLiteral("running");
    } else if (type == QLatin1String("investigation.completed")) {
        m_trace.outcome = QStringLiteral("completed");
        m_trace.finishedAt = e.createdAt;
        if (m_trace.rootCause.isEmpty())
            m_trace.rootCause = d.value(QLatin1String("root_cause")).toString();
        if (confidenceOf(d) >= 0)
            m_trace.confidence = confidenceOf(d);
        if (d.value(QLatin1String("duration_seconds")).isDouble())
            m_trace.durationSeconds = d.value(QLatin1String("duration_seconds")).toDouble();
    } else if (type == QLatin1String("investigation.failed")) {
        m_trace.outcome = QStringLiteral("failed");
        m_trace.finishedAt = e.createdAt;
        m_trace.rootCause = d.value(QLatin1String("error")).toString();
    }
}

void TraceBuilder::hypothesis(const Event &e)
{
    const QString &type = e.eventType;
    const QJsonObject &d = e.data;
    const QUuid id = idField(d, "hypothesis_id");
    TraceStep *s = findStep(m_hypotheses, id);
    if (!s) {
        m_hypotheses.append(newStep(QStringLiteral("hypothesis"), id, QString(),
                                    QStringLiteral("proposed"), e.createdAt));
        s = &m_hypotheses.last();
    }
    if (d.contains(QLatin1String("text")))
        s->title = d.value(QLatin1String("text")).toString();
    if (confidenceOf(d) >= 0)
        s->confidence = confidenceOf(d);
    if (type == QLatin1String("hypothesis.accepted"))
        s->status = QStringLiteral("accepted");
    else if (type == QLatin1String("hypothesis.rejected"))
        s->status = QStringLiteral("rejected");
}

void TraceBuilder::queryOrEvidence(const Event &e)
{
    const QString &type = e.eventType;
    const QJsonObject &d = e.data;
    const bool isQuery = type.startsWith(QLatin1String("query."));
    const QUuid id = idField(d, isQuery ? "query_id" : "evidence_id");
    const QUuid parent = idField(d, "hypothesis_id");
    QList<TraceStep> &list = parent.isNull() ? m_orphans : m_children[parent];
    TraceStep *s = findStep(list, id);
    if (!s) {
        list.append(newStep(isQuery ? QStringLiteral("query") : QStringLiteral("evidence"), id,
                            parent.toString(QUuid::WithoutBraces), QString(), e.createdAt));
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
            s->status = d.value(QLatin1String("supports")).toBool() ? QStringLiteral("supports")
                                                                    : QStringLiteral("refutes");
        if (confidenceOf(d) >= 0)
            s->confidence = confidenceOf(d);
    }
}

void TraceBuilder::synthesisGenerated(const Event &e)
{
    const QJsonObject &d = e.data;
    m_hasSynthesis = true;
    m_synthesis.kind = QStringLiteral("synthesis");
    m_synthesis.id = idField(d, "synthesis_id");
    m_synthesis.title = d.value(QLatin1String("root_cause")).toString();
    QStringList recs;
    m_synthesis.recommendations.clear();
    const QJsonArray arr = d.value(QLatin1String("recommendations")).toArray();
    for (const QJsonValue &v : arr) {
        recs << QStringLiteral("• ") + v.toString();
        m_synthesis.recommendations << v.toString();
    }
    m_synthesis.detail = recs.join(QLatin1Char('\n'));
    m_synthesis.confidence = confidenceOf(d);
    m_synthesis.at = e.createdAt;
    if (m_trace.rootCause.isEmpty())
        m_trace.rootCause = m_synthesis.title;
}

InvestigationTrace TraceBuilder::finish(const QUuid &viewer)
{
    if (m_trace.confidence < 0 && m_hasSynthesis)
        m_trace.confidence = m_synthesis.confidence;
    TraceStep self = newStep(QStringLiteral("investigation"), m_trace.investigationId, QString(),
                             m_trace.outcome, m_trace.startedAt);
    self.title = m_trace.alert.value(QLatin1String("metric")).toString();
    self.detail = m_trace.rootCause;
    m_trace.steps.append(self);
    for (const TraceStep &h : std::as_const(m_hypotheses)) {
        m_trace.steps.append(h);
        m_trace.steps.append(m_children.value(h.id));
    }
    m_trace.steps.append(m_orphans);
    if (m_hasSynthesis)
        m_trace.steps.append(m_synthesis);
    rate(viewer);
    return m_trace;
}

void TraceBuilder::rate(const QUuid &viewer)
{
    QHash<QUuid, qsizetype> index;
    for (qsizetype i = 0; i < m_trace.steps.size(); ++i)
        index.insert(m_trace.steps.at(i).id, i);
    for (const LatestRatings::Vote &v : m_latest.votes()) {
        // Ratings filed under another investigation are not this trace's.
        if (v.investigationId != m_trace.investigationId)
            continue;
        const auto it = index.constFind(QUuid::fromString(v.targetId));
        if (it == index.cend())
            continue;
        RatingTally &tally = m_trace.steps[*it].rating;
        (v.rating > 0 ? tally.up : tally.down) += 1;
        if (!viewer.isNull() && v.actorId == viewer) {
            tally.mine = v.rating;
            tally.myReason = v.reason;
        }
    }
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
    TraceBuilder b;
    for (const Event *e : ordered)
        b.add(*e);
    return b.finish(viewer);
}

} // namespace ke
