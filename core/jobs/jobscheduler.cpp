#include "jobscheduler.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ke {

QString JobRun::outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

struct JobScheduler::Slot
{
    JobSpec spec;
    QTimer timer;
    bool running = false;
    int runs = 0;
    QFuture<QPair<Result<QString>, double>> future;
};

JobScheduler::JobScheduler(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{ }

JobScheduler::~JobScheduler()
{
    // A job still running reports to this object: let it end (it was asked to cancel).
    m_cancel->store(true);
    for (Slot *slot : std::as_const(m_slots)) {
        if (slot->running)
            slot->future.waitForFinished();
    }
    qDeleteAll(m_slots);
}

void JobScheduler::addJob(JobSpec job)
{
    auto *slot = new Slot;
    slot->spec = std::move(job);
    slot->timer.setSingleShot(true);
    connect(&slot->timer, &QTimer::timeout, this, [this, slot]() { launch(slot); });
    m_slots.append(slot);
}

void JobScheduler::start(bool once)
{
    m_once = once;
    m_stopping = false;
    m_stoppedEmitted = false;
    m_cancel->store(false);
    for (Slot *slot : std::as_const(m_slots))
        launch(slot);
    maybeStopped();
}

void JobScheduler::stop()
{
    m_stopping = true;
    m_cancel->store(true);
    for (Slot *slot : std::as_const(m_slots))
        slot->timer.stop();
    maybeStopped();
}

bool JobScheduler::isRunning(const QString &name) const
{
    for (const Slot *slot : m_slots) {
        if (slot->spec.name == name)
            return slot->running;
    }
    return false;
}

void JobScheduler::launch(Slot *slot)
{
    if (m_stopping || slot->running)
        return;
    slot->running = true;
    auto cancel = m_cancel;
    auto run = slot->spec.run;
    auto *watcher = new QFutureWatcher<QPair<Result<QString>, double>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, slot, watcher]() {
        const auto [result, seconds] = watcher->result();
        watcher->deleteLater();
        slot->running = false;
        ++slot->runs;
        Q_EMIT jobFinished(slot->spec.name, result.has_value(),
                           result ? result.value() : result.error().message, seconds);
        if (!m_stopping && !m_once)
            slot->timer.start(std::chrono::milliseconds(slot->spec.interval));
        maybeStopped();
    });
    const bool ignoreSchedule = m_once;
    auto report = [this](const JobRun &r) {
        // Queued to the scheduler's thread; the destructor waits for running jobs.
        QMetaObject::invokeMethod(
            this, [this, r]() { Q_EMIT runReported(r); }, Qt::QueuedConnection);
    };
    slot->future = QtConcurrent::run(
        [run, cancel, ignoreSchedule, report]() -> QPair<Result<QString>, double> {
            QElapsedTimer t;
            t.start();
            Result<QString> r = makeError(ErrorCode::Internal, QString());
            try {
                r = run(JobContext{*cancel, ignoreSchedule, report});
            } catch (const std::exception &e) {
                r = makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
            }
            return {r, double(t.nsecsElapsed()) / 1e9};
        });
    watcher->setFuture(slot->future);
}

void JobScheduler::maybeStopped()
{
    const bool anyRunning
        = std::any_of(m_slots.cbegin(), m_slots.cend(), [](const Slot *s) { return s->running; });
    if (anyRunning)
        return;
    if ((m_stopping || m_once) && !m_stoppedEmitted) {
        m_stopping = true;
        m_stoppedEmitted = true;
        Q_EMIT stopped();
    }
}

} // namespace ke
