#pragma once

#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace ke {

/// A background job of `knowledgectl worker`: runs on a pool thread (so it must open its own
/// Database), returns a one-line summary of what it did, and checks `cancelled` between
/// stages so a shutdown does not wait for a whole run.
struct JobSpec
{
    QString name; ///< e.g. "aggregate_dataset_knowledge"
    std::chrono::seconds interval{300};
    std::function<Result<QString>(const std::atomic_bool &cancelled)> run;
};

/// Runs jobs on their schedule: each once at start, then every interval after the end of its
/// previous run; a job never overlaps itself. Lives on (and is called from) the thread that
/// created it — normally the main thread of `knowledgectl worker`; the jobs themselves run on
/// QThreadPool threads and report back by signal.
class JobScheduler : public QObject
{
    Q_OBJECT

public:
    explicit JobScheduler(QObject *parent = nullptr);
    ~JobScheduler() override;

    void addJob(JobSpec job);
    /// Starts every job now. With `once`, each job runs one time and then the scheduler
    /// stops by itself.
    void start(bool once = false);
    /// No new runs; asks running jobs to cancel; emits stopped() when none is running.
    void stop();
    bool isRunning(const QString &name) const;

Q_SIGNALS:
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
