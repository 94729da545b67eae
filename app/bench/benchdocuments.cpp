#include "benchdocuments.h"

#include "fulltextquery.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <random>

namespace ke::bench {

namespace {

QString sourceTypeOf(const QString &eventType)
{
    for (const char *t : {"hypothesis", "query", "comment", "quirk"})
        if (eventType.contains(QLatin1String(t)))
            return QLatin1String(t);
    return QStringLiteral("finding");
}

void collectText(const QJsonValue &v, QStringList &out)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s.contains(QLatin1Char(' ')) && s.size() >= 12)
            out.append(s);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectText(*it, out);
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectText(x, out);
    }
}

} // namespace

QList<SearchDocument> DocumentGenerator::next(int count)
{
    QList<SearchDocument> out;
    out.reserve(count);
    while (out.size() < count) {
        if (m_pos >= m_events.size()) {
            m_events.clear();
            m_pos = 0;
            m_seeder.appendInvestigation(m_investigation++, m_events);
            continue;
        }
        const Event &e = m_events[m_pos++];
        QStringList parts;
        collectText(e.data, parts);
        if (parts.isEmpty())
            continue;
        SearchDocument d;
        d.sourceType = sourceTypeOf(e.eventType);
        d.sourceId = e.id.toString(QUuid::WithoutBraces);
        d.datasetId = e.datasetId.toString(QUuid::WithoutBraces);
        d.investigationId = e.investigationId.toString(QUuid::WithoutBraces);
        d.createdAt = e.createdAt;
        d.content = parts.join(QLatin1Char(' '));
        out.append(std::move(d));
    }
    return out;
}

/// Natural-language queries from the same templates: 3–7 consecutive words of sampled
/// documents (so they read like what a person types), plus a few fixed questions.
namespace {

qint64 documentsOf(const std::vector<Event> &events, size_t from)
{
    qint64 n = 0;
    QSet<QString> queries;
    for (size_t i = from; i < events.size(); ++i) {
        const Event &e = events[i];
        if (e.eventType == QLatin1String("hypothesis.generated")
            || e.eventType == QLatin1String("comment.added")
            || e.eventType == QLatin1String("investigation.completed")
            || e.eventType == QLatin1String("evidence.collected"))
            ++n;
        else if (e.eventType == QLatin1String("synthesis.generated"))
            n += e.data.value(QStringLiteral("recommendations")).toArray().size();
        else if (e.eventType.startsWith(QLatin1String("query.")))
            queries.insert(e.data.value(QStringLiteral("query_id")).toString());
    }
    return n + queries.size();
}

} // namespace

qint64 appendInvestigationsFor(DemoSeeder &seeder, qint64 documents, std::vector<Event> &events)
{
    qint64 investigations = 0, expected = 0;
    while (expected < documents) {
        const size_t from = events.size();
        seeder.appendInvestigation(investigations++, events);
        expected += documentsOf(events, from);
    }
    return investigations;
}

Result<QList<SearchDocument>> sampleStoredDocuments(SqlSession &sql, const QString &table,
                                                    const QUuid &tenant)
{
    auto rows = sql.rows(QStringLiteral("SELECT content FROM %1 WHERE tenant_id = $1 AND NOT "
                                        "retired AND hashtext(content) % 97 = 0")
                             .arg(table),
                         {tenant});
    if (!rows)
        return rows.error();
    QList<SearchDocument> sample;
    for (const auto &row : std::as_const(*rows)) {
        SearchDocument d;
        d.content = row.value(0);
        sample.append(d);
    }
    return sample;
}

QStringList buildQueries(const QList<SearchDocument> &sample, int count)
{
    std::mt19937_64 rng(7);
    QStringList out{QStringLiteral("why did revenue drop after the migration"),
                    QStringLiteral("null values in customer email"),
                    QStringLiteral("duplicate orders late arriving data"),
                    QStringLiteral("timezone bug in daily aggregation")};
    while (out.size() < count && !sample.isEmpty()) {
        const SearchDocument &d = sample.at(qsizetype(rng() % quint64(sample.size())));
        const QStringList words = d.content.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 4)
            continue;
        const int len = 3 + int(rng() % 5);
        const int start = int(rng() % quint64(std::max<qsizetype>(1, words.size() - len)));
        const QString q = words.mid(start, len).join(QLatin1Char(' '));
        if (fulltextquery::terms(q).size() >= 2)
            out.append(q);
    }
    return out;
}

Result<void> loadSearchDocuments(SqlSession &sql, const QString &schema, const QUuid &tenant,
                                 qint64 size, QList<SearchDocument> *sample)
{
    const QString table = schema + QStringLiteral(".search_documents");
    return sql.inTransaction([&]() -> Result<void> {
        const QStringList columns{
            QStringLiteral("tenant_id"),        QStringLiteral("source_type"),
            QStringLiteral("source_id"),        QStringLiteral("dataset_id"),
            QStringLiteral("investigation_id"), QStringLiteral("content"),
            QStringLiteral("created_at"),       QStringLiteral("feedback_score")};
        DocumentGenerator gen;
        qint64 n = 0;
        for (qint64 done = 0; done < size;) {
            const auto docs = gen.next(int(std::min<qint64>(10000, size - done)));
            QList<SqlParams> rows;
            rows.reserve(qsizetype(docs.size()));
            for (const SearchDocument &d : docs) {
                rows.append({tenant, d.sourceType, d.sourceId, d.datasetId, d.investigationId,
                             d.content, d.createdAt.toString(Qt::ISODateWithMs), d.feedbackScore});
                if (sample && n++ % 97 == 0)
                    sample->append(d);
            }
            if (auto c = sql.copy(table, columns, rows); !c)
                return c.error();
            done += docs.size();
        }
        if (auto a = sql.exec(QStringLiteral("ANALYZE ") + table); !a)
            return a.error();
        return {};
    });
}

} // namespace ke::bench
