#include "jobs.h"

#include "database.h"
#include "httpembedder.h"
#include "knowledgeaggregator.h"
#include "searchdocuments.h"
#include "trainingexamplebuilder.h"

#include <functional>

namespace ke {

Result<QList<TenantRun>> runForEachTenant(const ConnectionSettings &settings,
                                          const std::atomic_bool *cancelled,
                                          const std::function<Result<QString>(Database &)> &step)
{
    auto db = Database::connect(settings);
    if (!db)
        return db.error();
    QList<Database::TenantInfo> tenants;
    if (!settings.tenant.isEmpty()) {
        // The connection already selected it (and registered it when it was new).
        tenants.append({(*db)->tenantId(), settings.tenant, settings.tenant});
    } else {
        auto all = (*db)->batchTenants();
        if (!all)
            return all.error();
        tenants = *all;
    }
    QList<TenantRun> out;
    for (const auto &t : std::as_const(tenants)) {
        if (cancelled && cancelled->load())
            break;
        TenantRun run{t, {}, {}};
        if (auto r = (*db)->setTenant(t.id.toString(QUuid::WithoutBraces)); !r) {
            run.error = r.error().message;
        } else if (auto r = step(**db); !r) {
            run.error = r.error().message;
        } else {
            run.summary = *r;
        }
        // A step that lost the connection leaves nothing usable for the next tenant: reconnect.
        if (!run.error.isEmpty() && !(*db)->isConnected()) {
            auto again = Database::connect([&] {
                ConnectionSettings s = settings;
                s.tenant.clear();
                return s;
            }());
            if (again)
                db = std::move(again);
        }
        out.append(run);
    }
    return out;
}

namespace {

/// What a job reports: the tenants done, or — when some failed — an error naming each failed
/// tenant (the others still ran).
Result<int> jobOutcome(const Result<QList<TenantRun>> &runs)
{
    if (!runs)
        return runs.error();
    int done = 0;
    QStringList failed;
    for (const TenantRun &r : *runs) {
        if (r.error.isEmpty())
            ++done;
        else
            failed << QStringLiteral("%1: %2").arg(r.tenant.slug, r.error);
    }
    if (!failed.isEmpty())
        return makeError(
            ErrorCode::TenantFailed,
            QCoreApplication::translate("jobs", "%1 of %2 tenant(s) failed (the others ran): %3")
                .arg(failed.size())
                .arg(runs->size())
                .arg(failed.join(QStringLiteral("; "))));
    return done;
}

Result<int> forEachTenant(const ConnectionSettings &settings, const std::atomic_bool &cancelled,
                          const std::function<Result<void>(Database &)> &step)
{
    return jobOutcome(runForEachTenant(settings, &cancelled, [&](Database &db) -> Result<QString> {
        if (auto r = step(db); !r)
            return r.error();
        return QString();
    }));
}

/// Two counts a job adds up over the tenants (events and datasets, investigations and
/// examples, ...).
struct JobCounts
{
    qint64 first = 0;
    qint64 second = 0;
};

/// Runs `step` for every tenant and sums its counts; the summary is "N tenant(s), " followed
/// by what `describe` says of the sums.
Result<QString> countingJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled,
                            const std::function<Result<JobCounts>(Database &)> &step,
                            const std::function<QStringList(const JobCounts &)> &describe)
{
    JobCounts total;
    auto done = forEachTenant(settings, cancelled, [&](Database &db) -> Result<void> {
        auto counts = step(db);
        if (!counts)
            return counts.error();
        total.first += counts->first;
        total.second += counts->second;
        return {};
    });
    if (!done)
        return done.error();
    return (QStringList{QCoreApplication::translate("jobs", "%n tenant(s)", nullptr, *done)}
            + describe(total))
        .join(QStringLiteral(", "));
}

Result<QString> aggregateJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    return countingJob(
        settings, cancelled,
        [](Database &db) -> Result<JobCounts> {
            auto report = KnowledgeAggregator::runIncremental(db);
            if (!report)
                return report.error();
            return JobCounts{report->eventsProcessed, report->datasetsTouched};
        },
        [](const JobCounts &c) {
            return QStringList{
                QCoreApplication::translate("jobs", "%n new event(s)", nullptr, int(c.first)),
                QCoreApplication::translate("jobs", "%n dataset(s) updated", nullptr,
                                            int(c.second))};
        });
}

Result<QString> trainingJob(const ConnectionSettings &settings, const std::atomic_bool &cancelled)
{
    return countingJob(
        settings, cancelled,
        [](Database &db) -> Result<JobCounts> {
            auto stats = TrainingExampleBuilder::rebuild(db);
            if (!stats)
                return stats.error();
            return JobCounts{stats->investigations, stats->examples};
        },
        [](const JobCounts &c) {
            return QStringList{QCoreApplication::translate("jobs", "%n investigation(s) rebuilt",
                                                           nullptr, int(c.first)),
                               QCoreApplication::translate("jobs", "%n example(s) written", nullptr,
                                                           int(c.second))};
        });
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
    return countingJob(
        settings, cancelled,
        [&](Database &db) -> Result<JobCounts> {
            // Documents read the aggregate tables: aggregate first (a no-op when nothing is
            // new).
            if (auto a = KnowledgeAggregator::runIncremental(db); !a)
                return a.error();
            auto report = SearchDocuments::run(db, http, &cancelled);
            if (!report)
                return report.error();
            return JobCounts{report->documentsChanged, report->documentsEmbedded};
        },
        [](const JobCounts &c) {
            return QStringList{
                QCoreApplication::translate("jobs", "%n document(s) changed", nullptr,
                                            int(c.first)),
                QCoreApplication::translate("jobs", "%n embedded", nullptr, int(c.second))};
        });
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
