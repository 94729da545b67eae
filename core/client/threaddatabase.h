#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "result.h"

namespace ke {

/// This thread's connection for `settings`: connects on first use and keeps it for the
/// thread's lifetime (libpq allows one connection per thread, and pool threads are reused,
/// so background tasks do not pay a connect each time). Reconnects when the settings differ
/// from the cached ones or the connection was lost. The pointer is valid on this thread until
/// the next call with other settings.
Result<Database *> threadDatabase(const ConnectionSettings &settings);

/// Drops this thread's cached connection (after an error that may have broken it).
void resetThreadDatabase();

} // namespace ke
