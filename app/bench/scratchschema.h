#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "result.h"

#include <QUuid>

#include <memory>

namespace ke::bench {

/// A throwaway schema for one benchmark: freshly migrated (every index in place) with a tenant
/// "bench" selected; dropped on destruction unless keep() was called. Main thread only.
class ScratchSchema
{
public:
    static Result<std::unique_ptr<ScratchSchema>>
    create(const ConnectionSettings &base, const QString &name, const QUuid &tenantId);
    ~ScratchSchema();

    Database &db() { return *m_db; }
    const ConnectionSettings &settings() const { return m_settings; }
    QUuid tenant() const { return m_tenant; }
    /// Rows in the events table, or -1 when it cannot be counted.
    qint64 count();
    /// Leave the schema in place (for EXPLAIN work after the run).
    void keep() { m_keep = true; }

private:
    ScratchSchema() = default;
    void drop();

    ConnectionSettings m_settings;
    std::unique_ptr<Database> m_db;
    QUuid m_tenant;
    bool m_keep = false;
};

} // namespace ke::bench
