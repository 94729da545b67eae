#include "commands.h"
#include "feedbackrecorder.h"
#include "outboxreport.h"
#include "uuid.h"

namespace ke::ctl {
namespace {

int runFeedback(CommandContext &ctx)
{
    QStringList &a = ctx.args;
    const auto type = takeOption(a, QStringLiteral("--target-type"));
    const auto target = takeOption(a, QStringLiteral("--target"));
    const auto investigation = takeOption(a, QStringLiteral("--investigation"));
    const auto rating = takeOption(a, QStringLiteral("--rating"));
    const auto reason = takeOption(a, QStringLiteral("--reason"));
    const auto comment = takeOption(a, QStringLiteral("--comment"));
    const bool json = takeFlag(a, QStringLiteral("--json"));
    if (!type || !investigation || !rating || !a.isEmpty())
        return ctx.fail(
            Messages::tr("usage: knowledgectl feedback --target-type T --target ID "
                         "--investigation ID --rating 1|-1 [--reason R] [--comment C]%1")
                .arg(a.isEmpty()
                         ? QString()
                         : Messages::tr(" (unexpected: %1)").arg(a.join(QLatin1Char(' ')))));
    FeedbackInput in;
    in.targetType = *type;
    auto inv = parseUuidArgument(QStringLiteral("--investigation"), *investigation);
    if (!inv)
        return ctx.fail(inv.error());
    in.investigationId = *inv;
    if (target) {
        auto t = parseUuidArgument(QStringLiteral("--target"), *target);
        if (!t)
            return ctx.fail(t.error());
        in.targetId = *t;
    }
    bool ok = false;
    in.rating = rating->toInt(&ok);
    if (!ok)
        return ctx.fail(Messages::tr("--rating must be 1 or -1, got '%1'").arg(*rating));
    in.reason = reason.value_or(QString());
    in.comment = comment.value_or(QString());
    // Checked before anything else: an invalid rating is refused at once, never queued.
    auto event = FeedbackRecorder::prepare(in);
    if (!event)
        return ctx.fail(event.error());
    return writeThroughOutbox(
        ctx, [&](Database *) -> Result<Event> { return *event; }, json,
        [&](const Event &e) {
            return Messages::tr("recorded %1 on %2 %3 (event %4)")
                .arg(in.rating > 0 ? Messages::tr("thumbs up") : Messages::tr("thumbs down"),
                     in.targetType, e.data.value(QStringLiteral("target_id")).toString(),
                     e.id.toString(QUuid::WithoutBraces));
        });
}

} // namespace

KE_REGISTER_COMMAND("feedback",
                    "--target-type T --target ID --investigation ID --rating 1|-1 [--reason R] "
                    "[--comment C]",
                    QT_TRANSLATE_NOOP("knowledgectl", "rate a step of an investigation"),
                    runFeedback);

} // namespace ke::ctl
