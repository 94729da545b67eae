#include "commands.h"
#include "searchclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

int runSearch(CommandContext &ctx)
{
    const auto dataset = takeOption(ctx.args, QStringLiteral("--dataset"));
    const auto type = takeOption(ctx.args, QStringLiteral("--type"));
    const auto limitText = takeOption(ctx.args, QStringLiteral("--limit"));
    const bool offline = takeFlag(ctx.args, QStringLiteral("--offline"));
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const QString usage
        = Messages::tr("usage: knowledgectl search QUERY [--dataset D] [--type T] [--limit N] "
                       "[--offline] [--json]");
    if (ctx.args.size() != 1)
        return ctx.fail(
            ctx.args.isEmpty()
                ? Messages::tr("no query given — %1").arg(usage)
                : Messages::tr("give the query as one argument (quote it) — %1").arg(usage));
    SearchRequest request;
    request.text = ctx.args.first();
    if (limitText) {
        bool ok = false;
        request.limit = limitText->toInt(&ok);
        if (!ok || request.limit < 1 || request.limit > 1000)
            return ctx.fail(
                Messages::tr("--limit must be a number from 1 to 1000, not '%1'").arg(*limitText));
    }
    if (type)
        request.sourceTypes = type->split(QLatin1Char(','), Qt::SkipEmptyParts);

    if (dataset)
        request.datasetId
            = *dataset; // a UUID or a name (online: the database's; offline: the last sync's)
    if (auto missing = ctx.missingTenant(); missing && !offline)
        return ctx.fail(*missing);
    // Online, or the offline cache when the database cannot be reached: decided in one place.
    auto outcome = SearchClient::search(ctx.settings, request,
                                        offline ? SearchSource::Offline : SearchSource::Automatic);
    if (outcome && json && !offline && outcome->mode == QLatin1String("offline"))
        ctx.err << outcome->note
                << Qt::endl; // the JSON carries it too; a person watching stderr must see it
    if (!outcome)
        return ctx.fail(outcome.error());

    if (json) {
        const QJsonObject doc = outcome->toJson();
        ctx.out << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (!outcome->note.isEmpty())
        ctx.err << outcome->note << Qt::endl;
    if (outcome->results.isEmpty()) {
        ctx.out << Messages::tr("no results (%1)").arg(outcome->mode) << Qt::endl;
        return 0;
    }
    int n = 0;
    for (const SearchResult &r : std::as_const(outcome->results)) {
        ctx.out << QStringLiteral("%1. [%2] %3  score %4  (lexical #%5, vector #%6)")
                       .arg(++n)
                       .arg(r.sourceType, r.sourceId)
                       .arg(r.score, 0, 'f', 4)
                       .arg(r.lexicalRank ? QString::number(r.lexicalRank) : QStringLiteral("-"),
                            r.vectorRank ? QString::number(r.vectorRank) : QStringLiteral("-"))
                << Qt::endl
                << QStringLiteral("   ") << r.snippet << Qt::endl;
    }
    return 0;
}

} // namespace

KE_REGISTER_COMMAND("search", "QUERY [--dataset D] [--type T] [--limit N] [--offline] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "search findings, hypotheses, queries, comments and quirks "
                                      "(online; --offline or no database: the local cache)"),
                    runSearch);

} // namespace ke::ctl
