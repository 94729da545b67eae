#include "scratchschema.h"

#include "database_p.h"
#include "migrator.h"

namespace ke::bench {

Result<std::unique_ptr<ScratchSchema>>
ScratchSchema::create(const ConnectionSettings &base, const QString &name, const QUuid &tenantId)
{
    std::unique_ptr<ScratchSchema> s(new ScratchSchema);
    s->m_settings = base;
    s->m_settings.schema = name;
    s->m_settings.eventsTable.clear();
    s->m_settings.tenant.clear();
    s->m_settings.actor.clear();
    auto db = Database::connect(s->m_settings);
    if (!db)
        return db.error();
    s->m_db = std::move(*db);
    s->drop(); // a leftover of an interrupted run
    if (auto m = Migrator::migrate(*s->m_db); !m)
        return m.error();
    auto tenant
        = s->m_db->createTenant(QStringLiteral("bench"), QStringLiteral("Benchmark"), tenantId);
    if (!tenant)
        return tenant.error();
    if (auto set = s->m_db->setTenant(QStringLiteral("bench")); !set)
        return set.error();
    s->m_tenant = *tenant;
    return s;
}

ScratchSchema::~ScratchSchema()
{
    if (!m_keep)
        drop();
}

qint64 ScratchSchema::count()
{
    try {
        pqxx::nontransaction tx(m_db->d_func()->conn);
        return tx.exec("SELECT count(*) FROM " + toStd(m_db->eventsTable()))[0][0].as<qint64>();
    } catch (const std::exception &) {
        return -1;
    }
}

void ScratchSchema::drop()
{
    if (!m_db)
        return;
    try {
        pqxx::nontransaction tx(m_db->d_func()->conn);
        tx.exec("DROP SCHEMA IF EXISTS " + toStd(Database::quoteQualified(m_settings.schema))
                + " CASCADE");
    } catch (const std::exception &) {
        // Best effort: a leftover schema is dropped by the next run of the same benchmark.
    }
}

} // namespace ke::bench
