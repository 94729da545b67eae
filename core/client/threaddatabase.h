#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "result.h"

#include <functional>

namespace ke {

/// This thread's connection for `settings`: connects on first use and keeps it for the
/// thread's lifetime (libpq allows one connection per thread, and pool threads are reused,
/// so background tasks do not pay a connect each time). Reconnects when the settings differ
/// from the cached ones or the connection was lost. The pointer is valid on this thread until
/// the next call with other settings.
Result<Database *> threadDatabase(const ConnectionSettings &settings);

/// Drops this thread's cached connection (after an error that may have broken it).
void resetThreadDatabase();

/// Runs `work` with this thread's connection for `settings`; drops the connection when the
/// work found the database unreachable (so the next call connects afresh).
template <typename T>
Result<T> withThreadDatabase(const ConnectionSettings &settings,
                             const std::function<Result<T>(Database &)> &work)
{
    auto db = threadDatabase(settings);
    if (!db)
        return db.error();
    Result<T> r = work(**db);
    if (!r && r.error().is(ErrorCode::Unreachable))
        resetThreadDatabase();
    return r;
}

} // namespace ke
