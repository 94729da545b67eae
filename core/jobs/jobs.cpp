#include "jobs.h"

#include "database.h"
#include "database_p.h"
#include "httpembedder.h"
#include "knowledgeaggregator.h"
#include "searchdocuments.h"
#include "trainingexamplebuilder.h"

#include <QElapsedTimer>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace ke {

namespace {

Result<QList<TenantRun>> forEachTenantRun(
    const ConnectionSettings &settings, const std::atomic_bool *cancelled,
    const std::function<Result<QString>(Database &, const Database::TenantInfo &)> &step)
{
    auto db = Database::connect(settings);
    if (!db)
        return db.error();
    QList<Database::TenantInfo> tenants;
    if (!settings.tenant.isEmpty()) {
        // The connection already selected it (and registered it when it was new); its slug,
        // when it was named by UUID, from the tenants the login sees.
        Database::TenantInfo given{(*db)->tenantId(), settings.tenant, settings.tenant};
        if (auto visible = (*db)->tenants()) {
            for (const auto &t : std::as_const(*visible)) {
                if (t.id == given.id)
                    given = t;
            }
        }
        tenants.append(given);
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
        } else if (auto r = step(**db, t); !r) {
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

} // namespace

Result<QList<TenantRun>> runForEachTenant(const ConnectionSettings &settings,
                                          const std::atomic_bool *cancelled,
                                          const std::function<Result<QString>(Database &)> &step)
{
    return forEachTenantRun(settings, cancelled,
                            [&](Database &db, const Database::TenantInfo &) { return step(db); });
}

namespace {

using Counts = QList<QPair<QString, qint64>>;

/// Cancels the statement running on a connection once `cancelled` is set, from a thread of
/// its own, for as long as it lives: a cancel request (PQcancel, through libpqxx) reaches only
/// a statement that is running, so it is sent again every 0.5 s while the run goes on. The
/// destructor returns only after any request in flight has completed, so no cancel can reach
/// a statement issued after it (the lock's release).
class StatementCanceller
{
public:
    StatementCanceller(pqxx::connection &conn, const std::atomic_bool &cancelled)
        : m_thread([this, &conn, &cancelled]() {
            std::unique_lock lock(m_mutex);
            while (!m_done) {
                if (cancelled.load()) {
                    try {
                        conn.cancel_query();
                    } catch (const std::exception &) {
                        // The server is gone: the run fails by itself.
                    }
                    m_cv.wait_for(lock, std::chrono::milliseconds(500));
                } else {
                    m_cv.wait_for(lock, std::chrono::milliseconds(50));
                }
            }
        })
    { }
    ~StatementCanceller()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }
    StatementCanceller(const StatementCanceller &) = delete;
    StatementCanceller &operator=(const StatementCanceller &) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    std::thread m_thread; // last: starts once the members above exist
};

/// One of the worker's jobs, per tenant.
struct WorkerJob
{
    QString name;
    std::chrono::seconds interval;
    /// When the job last ran for the tenant ($1) and events table ($2), as a timestamptz, by
    /// the job's own state table; NULL when never.
    QString lastRunSql;
    std::function<Result<Counts>(Database &, const std::atomic_bool &)> step;
};

/// The two texts hashed into the keys of `job`'s lock for the tenant selected on `db`
/// (see standardJobs()).
std::pair<std::string, std::string> lockKeys(Database &db, const QString &job)
{
    return {toStd(QStringLiteral("knowledge.worker.%1.%2").arg(db.settings().schema, job)),
            uuidToStd(db.tenantId())};
}

/// Adds `run` to job_run_totals (migration 0010), which GET /metrics of the service reads. A
/// failure here costs the run nothing: the run's log line already says what happened.
void addToTotals(pqxx::connection &conn, const QString &schema, const JobRun &run)
{
    if (!conn.is_open())
        return;
    try {
        pqxx::nontransaction q(conn);
        q.exec_params("INSERT INTO " + toStd(Database::quoteQualified(schema))
                          + ".job_run_totals AS t (job, outcome, runs, seconds_total, "
                            "last_seconds, last_run_at) VALUES ($1, $2, 1, $3, $3, now()) "
                            "ON CONFLICT (job, outcome) DO UPDATE SET runs = t.runs + 1, "
                            "seconds_total = t.seconds_total + EXCLUDED.seconds_total, "
                            "last_seconds = EXCLUDED.last_seconds, last_run_at = "
                            "EXCLUDED.last_run_at",
                      toStd(run.job), toStd(JobRun::outcomeName(run.outcome)), run.seconds);
    } catch (const std::exception &e) {
        qWarning("knowledgectl worker: the run of %s was not added to job_run_totals (%s)",
                 qPrintable(run.job), e.what());
    }
}

/// One tenant's run: lock, due check, the step under a canceller, release. Reports the run
/// and returns what runForEachTenant records.
Result<QString> runForTenant(Database &db, const Database::TenantInfo &tenant, const WorkerJob &job,
                             const JobContext &context)
{
    JobRun run;
    run.job = job.name;
    run.tenant = tenant.slug;
    run.tenantId = db.tenantId();
    run.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto &conn = databasePrivate(db)->conn;
    auto finish = [&](JobRun::Outcome outcome) {
        run.outcome = outcome;
        run.seconds = double(timer.nsecsElapsed()) / 1e9;
        context.report(run);
        addToTotals(conn, db.settings().schema, run);
    };
    const auto lock = lockKeys(db, job.name);
    auto locked = guarded(
        QCoreApplication::translate("jobs", "taking the job's lock"), [&]() -> Result<bool> {
            pqxx::nontransaction q(conn);
            return q
                .exec_params("SELECT pg_try_advisory_lock(hashtext($1), hashtext($2))", lock.first,
                             lock.second)[0][0]
                .as<bool>();
        });
    if (!locked) {
        run.message = locked.error().message;
        finish(JobRun::Outcome::Failed);
        return locked.error();
    }
    if (!*locked) {
        run.reason = QStringLiteral("locked");
        run.message = QCoreApplication::translate(
            "jobs", "another worker is running this job for the tenant");
        finish(JobRun::Outcome::Skipped);
        return run.message;
    }
    bool dropped = false;
    auto release = [&]() {
        // When this fails the connection is in trouble: close it, which releases every lock
        // of the session (runForEachTenant connects again for the next tenant).
        try {
            pqxx::nontransaction q(conn);
            q.exec_params("SELECT pg_advisory_unlock(hashtext($1), hashtext($2))", lock.first,
                          lock.second);
        } catch (const std::exception &) {
            conn.disconnect();
            dropped = true;
        }
    };
    if (!context.ignoreSchedule) {
        auto ago = guarded(QCoreApplication::translate("jobs", "reading when the job last ran"),
                           [&]() -> Result<std::optional<double>> {
                               pqxx::nontransaction q(conn);
                               const pqxx::result r
                                   = q.exec_params("SELECT extract(epoch FROM now() - ("
                                                       + toStd(job.lastRunSql) + "))::float8",
                                                   uuidToStd(db.tenantId()),
                                                   toStd(db.settings().effectiveEventsTable()));
                               if (r.empty() || r[0][0].is_null())
                                   return std::optional<double>();
                               return std::optional<double>(r[0][0].as<double>());
                           });
        if (!ago) {
            release();
            run.message = ago.error().message;
            finish(JobRun::Outcome::Failed);
            return ago.error();
        }
        if (*ago && **ago < 0.9 * double(job.interval.count())) {
            release();
            run.reason = QStringLiteral("not_due");
            run.counts.append({QStringLiteral("last_run_s_ago"), qint64(**ago)});
            run.message
                = QCoreApplication::translate("jobs", "it ran for the tenant %1 s ago (every %2 s)")
                      .arg(qint64(**ago))
                      .arg(job.interval.count());
            finish(JobRun::Outcome::Skipped);
            return run.message;
        }
    }
    Result<Counts> counts = Counts();
    {
        StatementCanceller canceller(conn, context.cancelled);
        counts = job.step(db, context.cancelled);
    }
    release();
    if (!counts) {
        run.message = counts.error().message;
        if (context.cancelled.load()) {
            run.message
                = QCoreApplication::translate("jobs",
                                              "stopped by a shutdown, rolled back to the last "
                                              "consistent state (%1)")
                      .arg(counts.error().message);
            finish(JobRun::Outcome::Cancelled);
        } else {
            finish(JobRun::Outcome::Failed);
        }
        return counts.error();
    }
    run.counts = *counts;
    finish(JobRun::Outcome::Ok);
    if (dropped)
        return makeError(ErrorCode::Unreachable,
                         QCoreApplication::translate(
                             "jobs", "the connection failed after the run; connecting again"));
    QStringList parts;
    for (const auto &[key, value] : std::as_const(run.counts))
        parts << QStringLiteral("%1=%2").arg(key).arg(value);
    return parts.join(QLatin1Char(' '));
}

Result<QString> runWorkerJob(const ConnectionSettings &settings, const WorkerJob &job,
                             const JobContext &context)
{
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto runs = forEachTenantRun(settings, &context.cancelled,
                                 [&](Database &db, const Database::TenantInfo &tenant) {
                                     return runForTenant(db, tenant, job, context);
                                 });
    if (!runs) {
        // No tenant reached (no connection, no tenant list): one run without a tenant.
        JobRun run;
        run.job = job.name;
        run.startedAt = started;
        run.seconds = double(started.msecsTo(QDateTime::currentDateTimeUtc())) / 1e3;
        run.outcome = JobRun::Outcome::Failed;
        run.message = runs.error().message;
        context.report(run);
        return runs.error();
    }
    int failed = 0;
    QStringList failures;
    for (const TenantRun &r : std::as_const(*runs)) {
        if (!r.error.isEmpty()) {
            ++failed;
            failures << QStringLiteral("%1: %2").arg(r.tenant.slug, r.error);
        }
    }
    if (failed > 0)
        return makeError(
            ErrorCode::TenantFailed,
            QCoreApplication::translate("jobs", "%1 of %2 tenant(s) failed (the others ran): %3")
                .arg(failed)
                .arg(runs->size())
                .arg(failures.join(QStringLiteral("; "))));
    return QCoreApplication::translate("jobs", "%n tenant(s)", nullptr, int(runs->size()));
}

Result<Counts> aggregateStep(Database &db, const std::atomic_bool &)
{
    auto report = KnowledgeAggregator::runIncremental(db);
    if (!report)
        return report.error();
    return Counts{{QStringLiteral("events"), report->eventsProcessed},
                  {QStringLiteral("datasets"), report->datasetsTouched},
                  {QStringLiteral("full"), report->full ? 1 : 0}};
}

Result<Counts> trainingStep(Database &db, const std::atomic_bool &)
{
    auto stats = TrainingExampleBuilder::rebuild(db);
    if (!stats)
        return stats.error();
    return Counts{{QStringLiteral("investigations"), stats->investigations},
                  {QStringLiteral("examples"), stats->examples}};
}

Result<Counts> embeddingsStep(Database &db, const std::atomic_bool &cancelled,
                              const std::shared_ptr<const Embedder> &http)
{
    // Documents read the aggregate tables: aggregate first (a no-op when nothing is new).
    auto aggregated = KnowledgeAggregator::runIncremental(db);
    if (!aggregated)
        return aggregated.error();
    if (cancelled.load())
        return makeError(ErrorCode::Cancelled, QCoreApplication::translate("jobs", "cancelled"));
    auto report = SearchDocuments::run(db, http, &cancelled);
    if (!report)
        return report.error();
    return Counts{{QStringLiteral("events"), aggregated->eventsProcessed},
                  {QStringLiteral("documents"), report->documentsChanged},
                  {QStringLiteral("embedded"), report->documentsEmbedded},
                  {QStringLiteral("removed"), report->embeddingsRemoved}};
}

} // namespace

QList<JobSpec> standardJobs(const ConnectionSettings &settings, const JobIntervals &intervals)
{
    const QString k = Database::quoteQualified(settings.schema);
    QList<WorkerJob> jobs;
    jobs.append({QStringLiteral("aggregate_dataset_knowledge"), intervals.aggregate,
                 QStringLiteral("SELECT max(last_run_at) FROM %1.aggregation_state WHERE "
                                "tenant_id = $1::uuid AND events_table = $2")
                     .arg(k),
                 aggregateStep});
    jobs.append({QStringLiteral("generate_embeddings"), intervals.embeddings,
                 QStringLiteral("SELECT max(last_run_at) FROM %1.search_document_state WHERE "
                                "tenant_id = $1::uuid AND events_table = $2")
                     .arg(k),
                 [](Database &db, const std::atomic_bool &cancelled) -> Result<Counts> {
                     // The embeddings API, when configured, is read at each run.
                     std::shared_ptr<const Embedder> http;
                     if (HttpEmbedder::isConfigured()) {
                         auto o = HttpEmbedder::optionsFromEnvironment();
                         if (!o)
                             return o.error();
                         http = std::make_shared<HttpEmbedder>(*o);
                     }
                     return embeddingsStep(db, cancelled, http);
                 }});
    jobs.append({TrainingExampleBuilder::jobName(), intervals.training,
                 // $2 unused (one row per tenant), but the statement takes it.
                 QStringLiteral("SELECT max(built_at) FROM %1.training_build_state WHERE "
                                "tenant_id = $1::uuid AND $2::text IS NOT NULL")
                     .arg(k),
                 trainingStep});
    QList<JobSpec> specs;
    for (const WorkerJob &job : std::as_const(jobs))
        specs.append({job.name, job.interval, [settings, job](const JobContext &context) {
                          return runWorkerJob(settings, job, context);
                      }});
    return specs;
}

} // namespace ke
