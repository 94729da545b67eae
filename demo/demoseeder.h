#pragma once

#include "event.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <vector>

namespace ke {

class Database;

/// A person of a demo tenant.
struct DemoPerson
{
    QUuid id;
    QString handle; ///< e.g. "maria.lopez"
    QString displayName; ///< e.g. "María López"
    QString email;
    QString team;
};

/// A dataset of a demo tenant (a row of the `datasets` table).
struct DemoDataset
{
    QUuid id;
    QString name; ///< e.g. "public.orders"
    QString description;
    QJsonObject metadata; ///< {"owner_team", "kind", "source", "columns", ...}
    int poolIndex = 0; ///< which template of the catalogue it came from
};

struct DemoTenant
{
    QUuid id;
    QString slug; ///< acme, globex, initech
    QString name;
    QUuid orchestratorId; ///< actor_id of the system events
    std::vector<DemoPerson> people;
    std::vector<DemoDataset> datasets;
};

/// What DemoSeeder::write() did.
struct DemoSeedSummary
{
    int tenants = 0;
    int people = 0;
    int datasets = 0;
    qint64 investigations = 0;
    qint64 eventsGenerated = 0;
    qint64 eventsWritten = 0; ///< less than generated when a rerun found them already stored
    double seconds = 0;
};

/// Generates realistic, deterministic demo data: tenants with people and 10–20 datasets
/// each, full investigation traces (alert, hypotheses, SQL queries and their outcomes,
/// evidence, synthesis, completion), feedback with re-ratings, comments and quirks.
///
/// Everything is a function of the seed: no wall clock, no global random generator. Times
/// lie in the 180 days before endTime(); event ids are UUIDv7 carrying the event's own time
/// with random bits from the seeded generator, so the same seed gives byte-identical events
/// and a rerun is a no-op for the event log. Investigation `i` depends only on the seed and
/// `i` (not on how many are generated), so seeding 20 and then 200 adds 180.
///
/// About 30% of the investigations have the shape an existing orchestrator writes
/// (DESIGN.md, "Real-world shape"): NULL dataset_id column, the dataset named inside
/// investigation.started (as UUID or as name), a second investigation.started with
/// `tables_found`, and feedback carrying only investigation_id and target_id.
///
/// Dataset-level events (quirks) use the dataset's id as their investigation_id.
///
/// A value type: the const generators are safe to call from several threads at once;
/// write() uses the given Database from the calling thread only.
class DemoSeeder
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeeder)

public:
    explicit DemoSeeder(quint64 seed = 42);

    quint64 seed() const { return m_seed; }
    /// The fixed end of the demo time window (2026-11-01T00:00:00Z), in ms since the epoch.
    static qint64 endTimeMs();
    static constexpr int windowDays = 180;

    /// The catalogue: tenants, their people and datasets. write() replaces the ids with the
    /// ones already stored when a tenant, person (by handle) or dataset (by name) exists.
    const std::vector<DemoTenant> &tenants() const { return m_tenants; }
    std::vector<DemoTenant> &tenants() { return m_tenants; }

    /// Which tenant (index into tenants()) investigation `index` belongs to.
    int tenantOf(qint64 index) const;
    /// Appends the events of investigation `index` (0-based), in time order.
    void appendInvestigation(qint64 index, std::vector<Event> &out) const;
    /// Appends the quirk events of every dataset of every tenant.
    void appendCatalogEvents(std::vector<Event> &out) const;

    /// Creates the tenants when missing, adds people and datasets, and emits the catalog
    /// events and `investigations` investigations through EventLog::emitBatch, `batchSize`
    /// events at a time. `progress(done, total)` is called after each batch.
    ///
    /// Real data is never adopted by accident: a tenant the seeder made (or found empty) is
    /// marked `{"demo": true}` in its settings; an existing tenant without the mark that holds
    /// events is refused ("refused", nothing written to any tenant) unless setForce(true).
    /// Existing people keep their display names and e-mails; a forced tenant's datasets keep
    /// their descriptions and metadata, and it stays unmarked.
    Result<DemoSeedSummary> write(Database &db, qint64 investigations,
                                  const std::function<void(qint64, qint64)> &progress = {},
                                  int batchSize = 10000);

    /// Write into tenants that hold events the seeder did not make (`demo-seed --force`).
    void setForce(bool force) { m_force = force; }

private:
    quint64 m_seed;
    bool m_force = false;
    std::vector<DemoTenant> m_tenants;
};

} // namespace ke
