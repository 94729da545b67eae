#pragma once

// Private to core: how this process uses SQLite, set once before the first connection.

#include <sqlite3.h>

#include <mutex>

namespace ke {

/// Call before every sqlite3_open_v2 (the first call configures, later ones do nothing).
/// SQLite counts every allocation under one process-wide mutex unless told not to
/// (SQLITE_CONFIG_MEMSTATUS): two threads searching the offline cache on their own handles
/// then take turns on that mutex for every row (futex wake-ups in the profile of a pasted
/// paragraph, whose candidate pass runs on two threads). Nothing here reads those statistics.
/// Must run before SQLite initialises; when something else in the process initialised it
/// first, sqlite3_config refuses and SQLite keeps its defaults.
inline void configureSqliteForThisProcess()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace ke
