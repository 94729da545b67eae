#include "commands.h"
#include "knowledgestore.h"

#include <QJsonDocument>

namespace ke::ctl {
namespace {

int runActivity(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const QString limitText
        = takeOption(ctx.args, QStringLiteral("--limit")).value_or(QStringLiteral("20"));
    const QString before = takeOption(ctx.args, QStringLiteral("--before")).value_or(QString());
    bool ok = false;
    const int limit = limitText.toInt(&ok);
    if (!ok)
        return ctx.fail(Messages::tr("--limit wants a number, got '%1'").arg(limitText));
    if (ctx.args.size() != 1)
        return ctx.fail(Messages::tr(
            "usage: knowledgectl activity DATASET [--limit N] [--before CURSOR] [--json]"));
    return ctx.withDatabase([&](Database &db) {
        auto page = KnowledgeStore::activity(db, ctx.args.first(), limit, before);
        if (!page)
            return ctx.fail(page.error());
        if (json) {
            ctx.out << QString::fromUtf8(
                QJsonDocument(page->toJson()).toJson(QJsonDocument::Compact))
                    << Qt::endl;
            return 0;
        }
        for (const auto &a : page->items)
            ctx.out << a.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                    << (a.actor.isEmpty() ? QStringLiteral("-") : a.actor) << "  " << a.text
                    << '\n';
        if (!page->nextCursor.isEmpty())
            ctx.out << Messages::tr("more: --before %1").arg(page->nextCursor) << '\n';
        ctx.out.flush();
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("activity", "DATASET [--limit N] [--before CURSOR] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl", "recent activity of a dataset, newest first"),
                    runActivity);

} // namespace ke::ctl
