// knowledgectl outbox list [--all] [--json] | deliver [--json] | discard ID |
//                     resend ID [--text T] [--rating 1|-1] [--reason R] [--comment C]
// — the changes made while the database could not be reached (core/client/outbox.h), and the
// write path `feedback`, `comment` and `quirk` share (outboxreport.h).

#include "commands.h"
#include "outbox.h"
#include "outboxreport.h"
#include "outboxwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::ctl {

namespace {

QString shortId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString waitingLine(qint64 n)
{
    return Messages::tr("queued: %n change(s) waiting", nullptr, int(n));
}

QString attentionLine(qint64 n)
{
    return Messages::tr("%n change(s) need attention — the database refused them; see "
                        "`knowledgectl outbox list`, then resend or discard each",
                        nullptr, int(n));
}

void printJson(CommandContext &ctx, const QJsonObject &o)
{
    ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
}

QJsonObject reportJson(const DeliveryReport &r)
{
    return QJsonObject{{QStringLiteral("delivered"), r.delivered},
                       {QStringLiteral("already_stored"), r.alreadyStored},
                       {QStringLiteral("refused"), r.refused},
                       {QStringLiteral("pending"), r.pending},
                       {QStringLiteral("unreachable"), r.unreachable},
                       {QStringLiteral("seconds"), r.seconds}};
}

/// One line per entry: id, state, type, when the person acted, what, and why it was refused.
void printEntry(CommandContext &ctx, const OutboxEntry &e)
{
    const QJsonObject &data = e.event.data;
    QString what = data.value(QStringLiteral("text")).toString();
    if (what.isEmpty() && data.contains(QStringLiteral("rating")))
        what = data.value(QStringLiteral("rating")).toInt() > 0 ? Messages::tr("thumbs up")
                                                                : Messages::tr("thumbs down");
    ctx.out << shortId(e.event.id) << "  " << OutboxEntry::stateName(e.state) << "  "
            << e.event.eventType << "  " << e.event.createdAt.toString(Qt::ISODate) << "  " << what
            << Qt::endl;
    if (e.state == OutboxEntry::State::Refused)
        ctx.out << "    " << Messages::tr("refused: %1").arg(e.reason) << Qt::endl;
    if (e.current) {
        ctx.out << "    " << Messages::tr("yours:  \"%1\"").arg(what) << Qt::endl;
        ctx.out << "    "
                << Messages::tr("theirs: \"%1\" (%2, %3)")
                       .arg(e.current->text, e.current->eventType,
                            e.current->createdAt.toString(Qt::ISODate))
                << Qt::endl;
    }
}

int list(CommandContext &ctx, bool all, bool json)
{
    auto box = Outbox::openFor(ctx.settings);
    if (!box)
        return ctx.fail(box.error());
    // This login's changes for the tenant given; without a tenant, everybody's in this outbox.
    QUuid tenant;
    QString login;
    if (!ctx.settings.tenant.isEmpty()) {
        auto who = (*box)->identity(ctx.settings);
        if (!who)
            return ctx.fail(who.error());
        tenant = who->tenantId;
        login = who->login;
    }
    std::vector<OutboxEntry::State> states;
    if (all)
        states = {OutboxEntry::State::Pending, OutboxEntry::State::Refused,
                  OutboxEntry::State::Delivered};
    auto entries = (*box)->entries(states, tenant, login);
    if (!entries)
        return ctx.fail(entries.error());
    if (json) {
        QJsonArray a;
        qint64 pending = 0, refused = 0;
        for (const OutboxEntry &e : *entries) {
            a.append(e.toJson());
            pending += e.state == OutboxEntry::State::Pending;
            refused += e.state == OutboxEntry::State::Refused;
        }
        printJson(ctx,
                  QJsonObject{{QStringLiteral("outbox"), (*box)->path()},
                              {QStringLiteral("pending"), pending},
                              {QStringLiteral("refused"), refused},
                              {QStringLiteral("entries"), a}});
        return 0;
    }
    if (entries->empty()) {
        ctx.out << Messages::tr("the outbox is empty: nothing waits, nothing needs attention")
                << Qt::endl;
        return 0;
    }
    // Needs attention first: that is what the person has to act on.
    for (const OutboxEntry::State s : {OutboxEntry::State::Refused, OutboxEntry::State::Pending,
                                       OutboxEntry::State::Delivered}) {
        for (const OutboxEntry &e : *entries) {
            if (e.state == s)
                printEntry(ctx, e);
        }
    }
    return 0;
}

/// Delivers this login's pending changes; a connection the database refuses (access
/// revoked) moves them to "needs attention" with its reason.
int deliver(CommandContext &ctx, bool json)
{
    auto db = ctx.connect();
    if (!db) {
        if (db.error().is(ErrorCode::NoAccess) || db.error().is(ErrorCode::NotYourPerson)) {
            auto box = Outbox::openFor(ctx.settings);
            auto who = box ? (*box)->identity(ctx.settings) : Result<OutboxIdentity>(box.error());
            if (who) {
                auto refused = (*box)->refuseAll(who->tenantId, who->login, db.error());
                if (refused && *refused > 0)
                    ctx.err << attentionLine(*refused) << Qt::endl;
            }
        } else if (db.error().is(ErrorCode::Unreachable)) {
            if (auto box = Outbox::openFor(ctx.settings)) {
                if (auto who = (*box)->identity(ctx.settings)) {
                    if (auto n
                        = (*box)->count(OutboxEntry::State::Pending, who->tenantId, who->login))
                        ctx.err << waitingLine(*n) << Qt::endl;
                }
            }
        }
        return ctx.fail(db.error());
    }
    auto report = OutboxWriter::deliverPending(**db);
    if (!report)
        return ctx.fail(report.error());
    if (json) {
        printJson(ctx, reportJson(*report));
    } else {
        ctx.out << Messages::tr("delivered %n change(s)", nullptr, int(report->delivered));
        if (report->alreadyStored > 0)
            ctx.out << Messages::tr(" (%n already in the database from an earlier attempt)",
                                    nullptr, int(report->alreadyStored));
        ctx.out << Qt::endl;
        if (report->pending > 0)
            ctx.out << waitingLine(report->pending) << Qt::endl;
    }
    if (report->refused > 0)
        ctx.err << attentionLine(report->refused) << Qt::endl;
    if (report->unreachable)
        return ctx.fail(report->note);
    return 0;
}

int discard(CommandContext &ctx, const QString &id)
{
    auto box = Outbox::openFor(ctx.settings);
    if (!box)
        return ctx.fail(box.error());
    auto gone = (*box)->discard(id);
    if (!gone)
        return ctx.fail(gone.error());
    ctx.out << Messages::tr("discarded %1 (%2, %3)")
                   .arg(shortId(gone->event.id), gone->event.eventType,
                        OutboxEntry::stateName(gone->state))
            << Qt::endl;
    return 0;
}

int resend(CommandContext &ctx, const QString &id, const QJsonObject &changes)
{
    auto box = Outbox::openFor(ctx.settings);
    if (!box)
        return ctx.fail(box.error());
    auto again = (*box)->resend(id, changes);
    if (!again)
        return ctx.fail(again.error());
    ctx.out << Messages::tr("queued again as %1").arg(shortId(again->id)) << Qt::endl;
    box->reset(); // deliver() opens it again, with the identity the connection proves
    return deliver(ctx, false);
}

int usage(CommandContext &ctx)
{
    return ctx.fail(Messages::tr(
        "usage: knowledgectl outbox list [--all] [--json] | deliver [--json] | discard ID | "
        "resend ID [--text T] [--rating 1|-1] [--reason R] [--comment C]"));
}

int runOutbox(CommandContext &ctx)
{
    QStringList &a = ctx.args;
    if (a.isEmpty())
        return usage(ctx);
    const QString verb = a.takeFirst();
    const bool json = takeFlag(a, QStringLiteral("--json"));
    if (verb == QLatin1String("list")) {
        const bool all = takeFlag(a, QStringLiteral("--all"));
        return a.isEmpty() ? list(ctx, all, json) : usage(ctx);
    }
    if (verb == QLatin1String("deliver"))
        return a.isEmpty() ? deliver(ctx, json) : usage(ctx);
    if (verb == QLatin1String("discard"))
        return a.size() == 1 ? discard(ctx, a.first()) : usage(ctx);
    if (verb == QLatin1String("resend")) {
        QJsonObject changes;
        for (const char *field : {"text", "reason", "comment"}) {
            if (auto v = takeOption(a, QStringLiteral("--") + QLatin1String(field)))
                changes.insert(QLatin1String(field), *v);
        }
        if (auto rating = takeOption(a, QStringLiteral("--rating"))) {
            bool ok = false;
            const int r = rating->toInt(&ok);
            if (!ok)
                return ctx.fail(Messages::tr("--rating must be 1 or -1, got '%1'").arg(*rating));
            changes.insert(QStringLiteral("rating"), r);
        }
        return a.size() == 1 ? resend(ctx, a.first(), changes) : usage(ctx);
    }
    return usage(ctx);
}

} // namespace

int writeThroughOutbox(CommandContext &ctx, const OutboxWriter::Prepare &prepare, bool json,
                       const std::function<QString(const Event &)> &describe)
{
    auto outcome = OutboxWriter::write(
        ctx.settings, [&ctx] { return ctx.connectAsPerson(); }, prepare);
    if (!outcome)
        return ctx.fail(outcome.error());
    if (!outcome->note.isEmpty())
        ctx.err << "knowledgectl: "
                << Messages::tr("written, but without the outbox (changes made offline cannot be "
                                "kept until it opens): %1")
                       .arg(outcome->note)
                << Qt::endl;
    if (outcome->delivered.delivered > 0)
        ctx.err << Messages::tr("delivered %n earlier change(s) from the outbox", nullptr,
                                int(outcome->delivered.delivered))
                << Qt::endl;
    if (outcome->delivered.refused > 0 || (outcome->queued && outcome->needsAttention > 0))
        ctx.err << attentionLine(outcome->needsAttention) << Qt::endl;
    if (outcome->queued) {
        // Nothing is lost: exit 0; why it could not be written now goes to stderr.
        ctx.err << Messages::tr("the database cannot be reached (%1); the change is kept in the "
                                "outbox and delivered by the next change made online or by "
                                "`knowledgectl outbox deliver`")
                       .arg(outcome->unreachable)
                << Qt::endl;
        if (json) {
            QJsonObject o = outcome->event.toJson();
            o.insert(QStringLiteral("outbox"),
                     QJsonObject{{QStringLiteral("queued"), true},
                                 {QStringLiteral("waiting"), outcome->waiting}});
            printJson(ctx, o);
        } else {
            ctx.out << waitingLine(outcome->waiting) << Qt::endl;
        }
        return 0;
    }
    if (json)
        printJson(ctx, outcome->event.toJson());
    else
        ctx.out << describe(outcome->event) << Qt::endl;
    return 0;
}

KE_REGISTER_COMMAND("outbox",
                    "list [--all] [--json] | deliver [--json] | discard ID | resend ID [--text T]",
                    QT_TRANSLATE_NOOP("knowledgectl",
                                      "changes made offline: list, deliver, discard or resend"),
                    runOutbox);

} // namespace ke::ctl
