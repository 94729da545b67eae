#pragma once

#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace ke {

/// One run of one job for one tenant: what the worker's log line says (README "The worker").
/// A job that cannot even list its tenants (no connection) reports one run without a tenant.
struct JobRun
{
    enum class Outcome {
        Ok,
        Failed,
        Skipped, ///< another worker holds the job's lock for the tenant, or ran it recently
        Cancelled ///< stopped by a shutdown; its transaction was rolled back
    };
    QString job;
    QString tenant; ///< slug; empty for a job that failed before reaching a tenant
    QUuid tenantId;
    Outcome outcome = Outcome::Ok;
    QDateTime startedAt; ///< UTC
    double seconds = 0;
    QList<QPair<QString, qint64>> counts; ///< what it did, e.g. events=12 datasets=3
    QString reason; ///< skipped: "locked" or "not_due"
    QString message; ///< failed / cancelled: the error, for people; skipped: why

    static QString outcomeName(Outcome o);
};

/// What a job's run is given by the scheduler.
struct JobContext
{
    const std::atomic_bool &cancelled; ///< set by JobScheduler::stop(); check it between stages
    /// Run even when another worker ran the job for a tenant within its interval (`--once`).
    bool ignoreSchedule = false;
    /// Reports one tenant's run; may be called from the job's thread (queued to the
    /// scheduler's). Never null.
    std::function<void(const JobRun &)> report;
};

/// A background job of `knowledgectl worker`: runs on a pool thread (so it must open its own
/// Database), returns a one-line summary of what it did, reports each tenant's run through
/// the context, and checks `cancelled` between stages so a shutdown does not wait for a
/// whole run.
struct JobSpec
{
    QString name; ///< e.g. "aggregate_dataset_knowledge"
    std::chrono::seconds interval{300};
    std::function<Result<QString>(const JobContext &context)> run;
};

/// Runs jobs on their schedule: each once at start, then every interval after the end of its
/// previous run; a job never overlaps itself. Lives on (and is called from) the thread that
/// created it — normally the main thread of `knowledgectl worker`; the jobs themselves run on
/// QThreadPool threads and report back by signal (on the scheduler's thread).
class JobScheduler : public QObject
{
    Q_OBJECT

public:
    explicit JobScheduler(QObject *parent = nullptr);
    ~JobScheduler() override;

    void addJob(JobSpec job);
    /// Starts every job now. With `once`, each job runs one time (also where another worker
    /// ran it recently) and then the scheduler stops by itself.
    void start(bool once = false);
    /// No new runs; asks running jobs to cancel; emits stopped() when none is running.
    void stop();
    bool isRunning(const QString &name) const;

Q_SIGNALS:
    /// One tenant's run of a job (see JobRun), in the order the job reported them.
    void runReported(const ke::JobRun &run);
    void jobFinished(const QString &name, bool ok, const QString &summary, double seconds);
    void stopped();

private:
    struct Slot;
    void launch(Slot *slot);
    void maybeStopped();

    QList<Slot *> m_slots;
    bool m_stopping = false;
    bool m_once = false;
    bool m_stoppedEmitted = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ke
