#include "browsedoutput.h"
#include "knowledgestore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

int runActivity(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const bool offline = takeFlag(ctx.args, QStringLiteral("--offline"));
    const QString limitText
        = takeOption(ctx.args, QStringLiteral("--limit")).value_or(QStringLiteral("20"));
    const QString before = takeOption(ctx.args, QStringLiteral("--before")).value_or(QString());
    bool ok = false;
    const int limit = limitText.toInt(&ok);
    if (!ok)
        return ctx.fail(Messages::tr("--limit wants a number, got '%1'").arg(limitText));
    if (ctx.args.size() != 1)
        return ctx.fail(Messages::tr(
            "usage: knowledgectl activity DATASET [--limit N] [--before CURSOR] [--offline] "
            "[--json]"));
    if (auto missing = ctx.missingTenant())
        return ctx.fail(*missing);
    // Online, or the offline cache when the database cannot be reached: decided in one place.
    auto answer = BrowseClient::activity(ctx.settings, ctx.args.first(), limit, before,
                                         offline ? ReadSource::Offline : ReadSource::Automatic);
    return printBrowsed(ctx, answer, json, [&](const ActivityPage &page) {
        for (const auto &a : page.items)
            ctx.out << a.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                    << (a.actor.isEmpty() ? QStringLiteral("-") : a.actor) << "  " << a.text
                    << '\n';
        if (!page.nextCursor.isEmpty())
            ctx.out << Messages::tr("more: --before %1").arg(page.nextCursor) << '\n';
    });
}

} // namespace

KE_REGISTER_COMMAND("activity", "DATASET [--limit N] [--before CURSOR] [--offline] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "recent activity of a dataset, newest first (--offline or "
                                      "no database: the local cache)"),
                    runActivity);

} // namespace ke::ctl
