#include "commands.h"
#include "datasetdirectory.h"
#include "offlinecache.h"
#include "outboxreport.h"
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

    const auto quirkId = [&](const QString &s) -> Result<QUuid> {
        if (!isUuid(s))
            return makeError(ErrorCode::Usage,
                             Messages::tr("QUIRK_ID must be a UUID, got '%1'").arg(s));
        return QUuid::fromString(s);
    };

    OutboxWriter::Prepare prepare;
    if (verb == QLatin1String("add") && a.size() == 2) {
        QUuid inv;
        if (investigation) {
            if (!isUuid(*investigation))
                return ctx.fail(
                    Messages::tr("--investigation must be a UUID, got '%1'").arg(*investigation));
            inv = QUuid::fromString(*investigation);
        }
        const QString dataset = a.at(0), text = a.at(1), applies = appliesTo.value_or(QString());
        prepare = [&ctx, dataset, text, applies, inv](Database *db) -> Result<Event> {
            QUuid datasetId = QUuid::fromString(dataset);
            if (db) {
                auto ds = DatasetDirectory::resolve(*db, dataset);
                if (!ds)
                    return ds.error();
                datasetId = ds->id;
            } else if (datasetId.isNull()) { // a name, offline: as the last sync knew it
                auto cache = OfflineCache::openForSearch(ctx.settings);
                if (!cache)
                    return makeError(cache.error().code,
                                     Messages::tr("offline, dataset '%1' can only be found in "
                                                  "the offline cache, which says: %2 — give "
                                                  "the dataset's UUID instead")
                                         .arg(dataset, cache.error().message));
                auto id = (*cache)->resolveDataset(dataset);
                if (!id)
                    return id.error();
                datasetId = QUuid::fromString(*id);
            }
            return QuirkBook::prepareAdd(datasetId, text, applies, inv);
        };
    } else if ((verb == QLatin1String("edit") && a.size() == 2)
               || ((verb == QLatin1String("retire") || verb == QLatin1String("confirm"))
                   && a.size() == 1)) {
        auto id = quirkId(a.at(0));
        if (!id)
            return ctx.fail(id.error());
        // Made at once (an empty text is refused before anything else); the quirk's dataset
        // and investigation are filled in when it is written.
        auto event = verb == QLatin1String("edit") ? QuirkBook::prepareEdit(*id, a.at(1))
            : verb == QLatin1String("retire")
            ? QuirkBook::prepareRetire(*id, reason.value_or(QString()))
            : QuirkBook::prepareConfirm(*id);
        if (!event)
            return ctx.fail(event.error());
        prepare = [event = *event](Database *) -> Result<Event> { return event; };
    } else {
        return usage(ctx);
    }
    return writeThroughOutbox(ctx, prepare, false, [](const Event &e) {
        return Messages::tr("quirk %1: %2 (event %3)")
            .arg(e.data.value(QStringLiteral("quirk_id")).toString(), e.eventType.mid(6),
                 e.id.toString(QUuid::WithoutBraces));
    });
}

} // namespace

KE_REGISTER_COMMAND("quirk", "add DATASET TEXT | edit ID TEXT | retire ID | confirm ID",
                    QT_TRANSLATE_NOOP("knowledgectl", "add, edit, retire or confirm a quirk"),
                    runQuirk);

} // namespace ke::ctl
