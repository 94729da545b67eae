#include "threaddatabase.h"

#include "database_p.h"
#include "offlinecache.h"

#include <memory>

namespace ke {

namespace {

struct Cached
{
    ConnectionSettings settings;
    std::unique_ptr<Database> db;
};

thread_local Cached t_cached;

bool sameSettings(const ConnectionSettings &a, const ConnectionSettings &b)
{
    return a.databaseUrl == b.databaseUrl && a.password == b.password && a.tenant == b.tenant
        && a.actor == b.actor && a.schema == b.schema && a.eventsTable == b.eventsTable;
}

} // namespace

Result<Database *> threadDatabase(const ConnectionSettings &settings)
{
    if (t_cached.db && sameSettings(t_cached.settings, settings)
        && databasePrivate(*t_cached.db)->conn.is_open())
        return t_cached.db.get();
    t_cached.db.reset();
    // The clients' connections serve a person who waits: statements and lock waits time out.
    ConnectionSettings interactive = settings;
    interactive.interactive = true;
    auto db = Database::connect(interactive);
    if (!db)
        return db.error();
    // So that the offline cache of this connection is found when it becomes unreachable.
    OfflineCache::rememberConnectionIfCaching(**db);
    t_cached.settings = settings;
    t_cached.db = std::move(*db);
    return t_cached.db.get();
}

void resetThreadDatabase()
{
    t_cached.db.reset();
}

} // namespace ke
