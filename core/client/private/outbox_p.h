#pragma once

// Private to the outbox (outbox.cpp, outboxdelivery.cpp): the file behind an Outbox and the
// steps both halves use.

#include "outbox.h"
#include "searchindex_p.h"

#include <QDateTime>
#include <QUuid>

#include <optional>
#include <vector>

namespace ke {

namespace outboxdetail {

/// An id as the outbox file stores it (empty for the null id).
inline QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

/// An edit, confirmation or retirement of a quirk (which builds on a version of it).
inline bool isQuirkChange(const Event &e)
{
    return e.eventType.startsWith(QLatin1String("quirk."))
        && e.eventType != QLatin1String("quirk.added");
}

/// Not a refusal: the database went away (the entry stays pending).
inline bool isUnreachable(const Error &e, const Database &db)
{
    return e.is(ErrorCode::Unreachable) || !db.isConnected();
}

} // namespace outboxdetail

/// The outbox's SQLite file and the statements on it.
struct Outbox::Private
{
    QString path;
    sqlite3 *h = nullptr;

    ~Private();

    Error error(const QString &what) const;

    Result<void> exec(const char *sql, const QString &what) const;

    /// BEGIN IMMEDIATE … COMMIT around `body` (rolled back when it fails).
    template <typename F> Result<void> transaction(const QString &what, F &&body)
    {
        if (auto b = exec("BEGIN IMMEDIATE", what); !b)
            return b;
        Result<void> r = body();
        if (!r) {
            (void)exec("ROLLBACK", what);
            return r;
        }
        return exec("COMMIT", what);
    }

    OutboxEntry entryFrom(const SqliteStatement &s) const;

    /// The entries `where` selects, in delivery order, at most `limit` (0: all).
    Result<std::vector<OutboxEntry>>
    select(const QString &where, const std::vector<QString> &params, int limit = 0) const;

    Result<void> markDelivered(const std::vector<OutboxEntry> &done);

    Result<void> markRefused(const OutboxEntry &e, const Error &why,
                             const std::optional<QuirkVersion> &current);

    Result<void> insert(const Event &event, const QString &login, const QuirkBase &base,
                        const QDateTime &queuedAt);

    /// What a quirk edit made offline builds on: the latest change of the quirk in this
    /// outbox (the person's own, delivered or not), else what they saw when last online.
    QuirkBase baseFor(const Event &event, const OutboxIdentity &who) const;
};

} // namespace ke
