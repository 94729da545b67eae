#include "commands.h"
#include "datasetdirectory.h"
#include "quirkbook.h"
#include "uuid.h"

namespace ke::ctl {
namespace {

int usage(CommandContext &ctx)
{
    return ctx.fail(
        Messages::tr("usage: knowledgectl quirk add DATASET TEXT [--applies-to WHAT] | "
                     "edit QUIRK_ID TEXT | retire QUIRK_ID [--reason R] | confirm QUIRK_ID"));
}

int runQuirk(CommandContext &ctx)
{
    QStringList &a = ctx.args;
    if (a.isEmpty())
        return usage(ctx);
    const QString verb = a.takeFirst();
    const auto appliesTo = takeOption(a, QStringLiteral("--applies-to"));
    const auto reason = takeOption(a, QStringLiteral("--reason"));
    const auto investigation = takeOption(a, QStringLiteral("--investigation"));
    if (ctx.settings.actor.isEmpty())
        return ctx.fail(
            Messages::tr("no actor given — set KNOWLEDGE_ACTOR or pass --actor HANDLE|UUID"));

    const auto quirkId = [&](const QString &s) -> Result<QUuid> {
        if (!isUuid(s))
            return makeError(ErrorCode::Usage,
                             Messages::tr("QUIRK_ID must be a UUID, got '%1'").arg(s));
        return QUuid::fromString(s);
    };

    // What to change, decided (and the arguments checked) before connecting.
    std::function<Result<Event>(Database &)> change;
    if (verb == QLatin1String("add") && a.size() == 2) {
        QUuid inv;
        if (investigation) {
            if (!isUuid(*investigation))
                return ctx.fail(
                    Messages::tr("--investigation must be a UUID, got '%1'").arg(*investigation));
            inv = QUuid::fromString(*investigation);
        }
        change = [&, inv](Database &db) {
            return QuirkBook::add(db, a.at(0), a.at(1), appliesTo.value_or(QString()), inv);
        };
    } else if ((verb == QLatin1String("edit") && a.size() == 2)
               || ((verb == QLatin1String("retire") || verb == QLatin1String("confirm"))
                   && a.size() == 1)) {
        auto id = quirkId(a.at(0));
        if (!id)
            return ctx.fail(id.error());
        const QUuid quirk = *id;
        if (verb == QLatin1String("edit"))
            change = [&, quirk](Database &db) { return QuirkBook::edit(db, quirk, a.at(1)); };
        else if (verb == QLatin1String("retire"))
            change = [&, quirk](Database &db) {
                return QuirkBook::retire(db, quirk, reason.value_or(QString()));
            };
        else
            change = [quirk](Database &db) { return QuirkBook::confirm(db, quirk); };
    } else {
        return usage(ctx);
    }
    return ctx.withDatabase([&](Database &db) {
        auto result = change(db);
        if (!result)
            return ctx.fail(result.error());
        ctx.out << Messages::tr("quirk %1: %2 (event %3)")
                       .arg(result->data.value(QStringLiteral("quirk_id")).toString(),
                            result->eventType.mid(6), result->id.toString(QUuid::WithoutBraces))
                << Qt::endl;
        return 0;
    });
}

} // namespace

KE_REGISTER_COMMAND("quirk", "add DATASET TEXT | edit ID TEXT | retire ID | confirm ID",
                    QT_TRANSLATE_NOOP("knowledgectl", "add, edit, retire or confirm a quirk"),
                    runQuirk);

} // namespace ke::ctl
