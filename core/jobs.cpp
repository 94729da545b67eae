#include "jobs.h"

#include "database.h"
#include "httpembedder.h"
#include "knowledgeaggregator.h"
#include "searchdocuments.h"
#include "trainingexamplebuilder.h"

#include <functional>

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

/// Runs `step` for every tenant the job works on, on one connection of its own.
Result<int> forEachTenant(const ConnectionSettings &settings, const std::atomic_bool &cancelled,
                          const std::function<Result<void>(Database &)> &step)
{
    auto db = Database::connect(settings);
    if (!db)
        return db.error();
    auto tenants = tenantsFor(**db, settings);
    if (!tenants)
        return tenants.error();
    int done = 0;
    for (const auto &t : std::as_const(*tenants)) {
        if (cancelled.load())
            break;
        if (auto r = (*db)->setTenant(t.id.toString(QUuid::WithoutBraces)); !r)
            return r.error();
        if (auto r = step(**db); !r)
            return makeError(r.error().code,
                             QStringLiteral("%1: %2").arg(t.slug, r.error().message));
        ++done;
    }
    return done;
}

Result<QString> aggregateJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    qint64 events = 0;
    qint64 datasets = 0;
    auto done = forEachTenant(settings, cancelled, [&](Database &db) -> Result<void> {
        auto report = KnowledgeAggregator::runIncremental(db);
        if (!report)
            return report.error();
        events += report->eventsProcessed;
        datasets += report->datasetsTouched;
        return {};
    });
    if (!done)
        return done.error();
    return QStringList{
        QCoreApplication::translate("jobs", "%n tenant(s)", nullptr, *done),
        QCoreApplication::translate("jobs", "%n new event(s)", nullptr, int(events)),
        QCoreApplication::translate("jobs", "%n dataset(s) updated", nullptr, int(datasets))}
        .join(QStringLiteral(", "));
}

Result<QString> trainingJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    qint64 investigations = 0;
    qint64 examples = 0;
    auto done = forEachTenant(settings, cancelled, [&](Database &db) -> Result<void> {
        auto stats = TrainingExampleBuilder::rebuild(db);
        if (!stats)
            return stats.error();
        investigations += stats->investigations;
        examples += stats->examples;
        return {};
    });
    if (!done)
        return done.error();
    return QStringList{
        QCoreApplication::translate("jobs", "%n tenant(s)", nullptr, *done),
        QCoreApplication::translate("jobs", "%n investigation(s) rebuilt", nullptr,
                                    int(investigations)),
        QCoreApplication::translate("jobs", "%n example(s) written", nullptr, int(examples))}
        .join(QStringLiteral(", "));
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
    qint64 changed = 0;
    qint64 embedded = 0;
    auto done = forEachTenant(settings, cancelled, [&](Database &db) -> Result<void> {
        // Documents read the aggregate tables: aggregate first (a no-op when nothing is new).
        if (auto a = KnowledgeAggregator::runIncremental(db); !a)
            return a.error();
        auto report = SearchDocuments::run(db, http, &cancelled);
        if (!report)
            return report.error();
        changed += report->documentsChanged;
        embedded += report->documentsEmbedded;
        return {};
    });
    if (!done)
        return done.error();
    return QStringList{
        QCoreApplication::translate("jobs", "%n tenant(s)", nullptr, *done),
        QCoreApplication::translate("jobs", "%n document(s) changed", nullptr, int(changed)),
        QCoreApplication::translate("jobs", "%n embedded", nullptr, int(embedded))}
        .join(QStringLiteral(", "));
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
    jobs.append({TrainingExampleBuilder::jobName(), intervals.training,
                 [settings](const std::atomic_bool &cancelled) {
                     return trainingJob(settings, cancelled);
                 }});
    return jobs;
}

} // namespace ke
