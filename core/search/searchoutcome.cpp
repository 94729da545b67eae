#include "searchoutcome.h"

#include <QJsonArray>

namespace ke {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue rankOrNull(int rank)
{
    return rank ? QJsonValue(rank) : QJsonValue();
}

} // namespace

QJsonObject SearchOutcome::toJson() const
{
    QJsonArray list;
    for (const SearchResult &r : results) {
        list.append(QJsonObject{
            {QStringLiteral("source_type"), r.sourceType},
            {QStringLiteral("source_id"), r.sourceId},
            {QStringLiteral("dataset_id"), orNull(r.datasetId)},
            {QStringLiteral("investigation_id"), orNull(r.investigationId)},
            {QStringLiteral("snippet"), r.snippet},
            {QStringLiteral("score"), r.score},
            {QStringLiteral("created_at"),
             r.createdAt.isValid() ? QJsonValue(r.createdAt.toUTC().toString(Qt::ISODateWithMs))
                                   : QJsonValue()},
            {QStringLiteral("feedback_score"), r.feedbackScore},
            {QStringLiteral("ranks"),
             QJsonObject{{QStringLiteral("lexical"), rankOrNull(r.lexicalRank)},
                         {QStringLiteral("vector"), rankOrNull(r.vectorRank)}}}});
    }
    QJsonObject doc{{QStringLiteral("mode"), mode}, {QStringLiteral("results"), list}};
    if (!note.isEmpty())
        doc.insert(QStringLiteral("note"), note);
    return doc;
}

} // namespace ke
