#include "serverinfo.h"

#include "database_p.h"

namespace ke {

Result<ServerInfo> ServerInfo::query(Database &db)
{
    return guarded(tr("asking the server what it offers"), [&]() -> Result<ServerInfo> {
        ServerInfo info;
        info.version = db.serverVersion();
        pqxx::nontransaction tx(db.d_func()->conn);
        const pqxx::result r = tx.exec(
            "SELECT (SELECT default_version FROM pg_available_extensions WHERE name = 'vector'), "
            "(SELECT extversion FROM pg_extension WHERE extname = 'vector')");
        info.pgvectorAvailable = !r[0][0].is_null();
        info.pgvectorInstalled = !r[0][1].is_null();
        info.pgvectorVersion = stringFromField(info.pgvectorInstalled ? r[0][1] : r[0][0]);
        return info;
    });
}

} // namespace ke
