#pragma once

// How `knowledgectl knowledge|activity` print an answer and say where it came from
// (BrowseClient): offline, the note ("offline cache, as of …") on stderr and, with --json,
// "mode" and "as_of".

#include "browseclient.h"
#include "commands.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {

/// Prints the offline note to stderr (nothing online).
template <typename T> void reportSource(const CommandContext &ctx, const Browsed<T> &answer)
{
    if (answer.offline)
        ctx.err << answer.note << Qt::endl;
}

/// Prints `doc` with "mode" ("online" | "offline") and, offline, "as_of" (UTC, ISO 8601) as
/// one compact JSON line on stdout.
template <typename T>
void printJsonWithSource(const CommandContext &ctx, QJsonObject doc, const Browsed<T> &answer)
{
    doc.insert(QStringLiteral("mode"),
               answer.offline ? QStringLiteral("offline") : QStringLiteral("online"));
    if (answer.offline)
        doc.insert(QStringLiteral("as_of"), answer.asOf.toUTC().toString(Qt::ISODateWithMs));
    ctx.out << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Compact)) << Qt::endl;
}

/// A browse command's output: the error (exit 1); else the offline note on stderr and then,
/// with `json`, the value's JSON with its source (printJsonWithSource), or `printText(value)`.
template <typename T, typename PrintText>
int printBrowsed(CommandContext &ctx, const Result<Browsed<T>> &answer, bool json,
                 PrintText printText)
{
    if (!answer)
        return ctx.fail(answer.error());
    reportSource(ctx, *answer);
    if (json)
        printJsonWithSource(ctx, answer->value.toJson(), *answer);
    else
        printText(answer->value);
    ctx.out.flush();
    return 0;
}

} // namespace ke::ctl
