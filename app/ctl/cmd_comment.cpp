// knowledgectl comment --investigation ID [--target ID] TEXT

#include "commands.h"
#include "feedbackrecorder.h"
#include "outboxreport.h"

namespace ke::ctl {
namespace {

int runComment(CommandContext &ctx)
{
    QStringList &a = ctx.args;
    const auto investigation = takeOption(a, QStringLiteral("--investigation"));
    const auto target = takeOption(a, QStringLiteral("--target"));
    if (!investigation || a.size() != 1)
        return ctx.fail(
            Messages::tr("usage: knowledgectl comment --investigation ID [--target ID] TEXT"));
    auto inv = parseUuidArgument(QStringLiteral("--investigation"), *investigation);
    if (!inv)
        return ctx.fail(inv.error());
    QUuid targetId;
    if (target) {
        auto t = parseUuidArgument(QStringLiteral("--target"), *target);
        if (!t)
            return ctx.fail(t.error());
        targetId = *t;
    }
    auto event = FeedbackRecorder::prepareComment(*inv, a.first(), targetId);
    if (!event)
        return ctx.fail(event.error());
    return writeThroughOutbox(
        ctx, [&](Database *) -> Result<Event> { return *event; }, false,
        [](const Event &e) {
            return Messages::tr("comment added (event %1)")
                .arg(e.id.toString(QUuid::WithoutBraces));
        });
}

} // namespace

KE_REGISTER_COMMAND("comment", "--investigation ID [--target ID] TEXT",
                    QT_TRANSLATE_NOOP("knowledgectl", "comment on an investigation"), runComment);

} // namespace ke::ctl
