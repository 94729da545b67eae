#include "scratchschema.h"

#include "benchsupport.h"
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
    auto n = SqlSession::forDatabase(*m_db).scalar(QStringLiteral("SELECT count(*) FROM ")
                                                   + m_db->eventsTable());
    return n ? n->toLongLong() : -1;
}

void ScratchSchema::drop()
{
    if (m_db)
        dropSchemaQuietly(*m_db);
}

} // namespace ke::bench
