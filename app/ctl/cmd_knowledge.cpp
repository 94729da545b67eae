#include "browsedoutput.h"
#include "catalogue.h"
#include "knowledgestore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {
namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                       : Messages::tr("never");
}

int runKnowledge(CommandContext &ctx)
{
    const bool json = takeFlag(ctx.args, QStringLiteral("--json"));
    const bool offline = takeFlag(ctx.args, QStringLiteral("--offline"));
    if (ctx.args.size() != 1)
        return ctx.fail(Messages::tr("usage: knowledgectl knowledge DATASET [--offline] [--json] "
                                     "(DATASET is a UUID or a name such as public.orders)"));
    if (auto missing = ctx.missingTenant())
        return ctx.fail(*missing);
    // Online, or the offline cache when the database cannot be reached: decided in one place.
    auto answer = BrowseClient::knowledge(ctx.settings, ctx.args.first(),
                                          offline ? ReadSource::Offline : ReadSource::Automatic);
    return printBrowsed(ctx, answer, json, [&](const DatasetKnowledge &k) {
        QTextStream &o = ctx.out;
        o << k.name << "  (" << k.datasetId.toString(QUuid::WithoutBraces) << ")\n";
        o << Messages::tr("%n investigation(s), last %1", nullptr, k.investigationCount)
                 .arg(when(k.lastInvestigationAt))
          << '\n';
        o << Messages::tr("feedback: %1 up, %2 down")
                 .arg(k.positiveFeedbackCount)
                 .arg(k.negativeFeedbackCount)
          << "\n\n";
        o << Messages::tr("Known quirks:") << '\n';
        if (k.knownQuirks.isEmpty())
            o << "  " << Messages::tr("(none)") << '\n';
        for (const auto &q : k.knownQuirks)
            o << "  - " << q.text << "  ["
              << Messages::tr("by %1, %2, %n confirmation(s)", nullptr, q.confirmations)
                     .arg(q.author.isEmpty() ? q.authorId.toString(QUuid::WithoutBraces) : q.author,
                          when(q.createdAt))
              << "]\n";
        o << '\n' << Messages::tr("Top findings:") << '\n';
        if (k.topFindings.isEmpty())
            o << "  " << Messages::tr("(none)") << '\n';
        for (const auto &f : k.topFindings)
            o << "  " << QString::number(f.feedbackScore, 'f', 2) << "  "
              << FindingTypes::label(f.findingType) << ": " << f.summary << '\n';
        o << '\n' << Messages::tr("Common issues:") << '\n';
        if (k.commonIssues.isEmpty())
            o << "  " << Messages::tr("(none)") << '\n';
        for (const auto &i : k.commonIssues)
            o << "  " << QString::number(i.count).rightJustified(5) << "  " << i.kind << ": "
              << i.issue << "  (" << Messages::tr("last %1").arg(when(i.lastSeen)) << ")\n";
        o << '\n' << Messages::tr("Owners:") << '\n';
        if (k.owners.isEmpty())
            o << "  " << Messages::tr("(none)") << '\n';
        for (const auto &w : k.owners)
            o << "  " << QString::number(w.share * 100, 'f', 0).rightJustified(3) << "%  "
              << (w.handle.isEmpty() ? w.actorId.toString(QUuid::WithoutBraces) : w.handle) << '\n';
    });
}

} // namespace

KE_REGISTER_COMMAND("knowledge", "DATASET [--offline] [--json]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "what the team knows about a dataset (--offline or no "
                                      "database: the local cache)"),
                    runKnowledge);

} // namespace ke::ctl
