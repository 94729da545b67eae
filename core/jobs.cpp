#include "jobs.h"

#include "database.h"
#include "httpembedder.h"
#include "knowledgeaggregator.h"
#include "searchdocuments.h"

namespace ke {

namespace {

/// The tenants a job works on: the one named in the settings, or all of them.
Result<QList<Database::TenantInfo>> tenantsFor(Database &db, const ConnectionSettings &settings)
{
    auto all = db.tenants();
    if (!all || settings.tenant.isEmpty())
        return all;
    QList<Database::TenantInfo> one;
    for (const auto &t : std::as_const(*all)) {
        if (t.id == db.tenantId())
            one.append(t);
    }
    return one;
}

Result<QString> aggregateJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    auto db = Database::connect(settings);
    if (!db)
        return db.error();
    auto tenants = tenantsFor(**db, settings);
    if (!tenants)
        return tenants.error();
    qint64 events = 0;
    qint64 datasets = 0;
    int done = 0;
    for (const auto &t : std::as_const(*tenants)) {
        if (cancelled.load())
            break;
        if (auto r = (*db)->setTenant(t.id.toString(QUuid::WithoutBraces)); !r)
            return r.error();
        auto report = KnowledgeAggregator::runIncremental(**db);
        if (!report)
            return makeError(report.error().code,
                             QStringLiteral("%1: %2").arg(t.slug, report.error().message));
        events += report->eventsProcessed;
        datasets += report->datasetsTouched;
        ++done;
    }
    return QCoreApplication::translate("jobs", "%1 tenant(s), %2 new event(s), %3 dataset(s) updated")
        .arg(done)
        .arg(events)
        .arg(datasets);
}

Result<QString> embeddingsJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    std::shared_ptr<const Embedder> http;
    if (HttpEmbedder::isConfigured()) {
        auto o = HttpEmbedder::optionsFromEnvironment();
        if (!o)
            return o.error();
        http = std::make_shared<HttpEmbedder>(*o);
    }
    auto db = Database::connect(settings);
    if (!db)
        return db.error();
    auto tenants = tenantsFor(**db, settings);
    if (!tenants)
        return tenants.error();
    qint64 changed = 0;
    qint64 embedded = 0;
    int done = 0;
    for (const auto &t : std::as_const(*tenants)) {
        if (cancelled.load())
            break;
        if (auto r = (*db)->setTenant(t.id.toString(QUuid::WithoutBraces)); !r)
            return r.error();
        // Documents read the aggregate tables: aggregate first (a no-op when nothing is new).
        if (auto a = KnowledgeAggregator::runIncremental(**db); !a)
            return makeError(a.error().code, QStringLiteral("%1: %2").arg(t.slug, a.error().message));
        auto report = SearchDocuments::run(**db, http, &cancelled);
        if (!report)
            return makeError(report.error().code,
                             QStringLiteral("%1: %2").arg(t.slug, report.error().message));
        changed += report->documentsChanged;
        embedded += report->documentsEmbedded;
        ++done;
    }
    return QCoreApplication::translate("jobs", "%1 tenant(s), %2 document(s) changed, %3 embedded")
        .arg(done)
        .arg(changed)
        .arg(embedded);
}

} // namespace

QList<JobSpec> standardJobs(const ConnectionSettings &settings, const JobIntervals &intervals)
{
    QList<JobSpec> jobs;
    jobs.append({QStringLiteral("aggregate_dataset_knowledge"), intervals.aggregate,
                 [settings](const std::atomic_bool &cancelled) {
                     return aggregateJob(settings, cancelled);
                 }});
    jobs.append({QStringLiteral("generate_embeddings"), intervals.embeddings,
                 [settings](const std::atomic_bool &cancelled) {
                     return embeddingsJob(settings, cancelled);
                 }});
    return jobs;
}

} // namespace ke
