#pragma once

#include "browseclient.h"
#include "connectionsettings.h"
#include "offlinecache.h"
#include "outboxwriter.h"
#include "result.h"
#include "searchclient.h"
#include "threaddatabase.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QThreadPool;

namespace ke {

/// A piece of work the client runs for somebody (the KJob pattern): it runs on one of the
/// client's threads, and its answer arrives on the thread of the receiver that asked, unless
/// the receiver is gone or the job was cancelled. Owned by the client; deletes itself after it
/// has finished. Hold it in a QPointer.
class ClientJob : public QObject
{
    Q_OBJECT

public:
    /// Stops the work where it checks (a search between its stages, a sync between pages) and
    /// drops the answer: `done` is not called. Safe to call more than once, or after the end.
    void cancel();
    bool isCancelled() const { return m_cancel->load(); }
    /// For the work itself: the flag cancel() sets.
    const std::atomic_bool *cancelFlag() const { return m_cancel.get(); }

Q_SIGNALS:
    /// The answer was delivered (or dropped after cancel()); the job deletes itself next.
    void finished();

private:
    friend class KnowledgeClient;
    explicit ClientJob(QObject *parent);
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

/// Whom and where the client is connected as, for people (the status bar).
struct ClientIdentity
{
    QString server; ///< login@host/database — never a password
    QString tenant; ///< the tenant's name (its slug or the settings' text until known)
    QString person; ///< the person's handle (the login until known)
};

/// What the last sync did (KnowledgeClient::lastSyncReport).
struct ClientSyncReport
{
    DeliveryReport delivered; ///< the outbox's delivery before the sync
    OfflineCache::SyncSummary summary;
    QUuid tenant;
    QString cacheDirectory;
    QDateTime syncedAt;
};

/// The one client of a connection that the GUI and knowledgectl share. Core, QtCore only.
///
/// It owns:
///  - **the connection state** — Connecting, Online, Offline (with why). Offline it tries the
///    database again with a growing pause (5 s, 10 s, 20 s … up to 5 min; reconnectNow() at
///    once); while offline every read goes straight to the offline cache, so a click never
///    waits for a connect timeout. A read that finds the database unreachable (or reachable
///    again) moves the state as well.
///  - **its threads**: a control thread (identification, outbox delivery and sync, one at a
///    time, with its own long-lived connection) and a small pool for reads and writes, whose
///    threads keep their connection and their online search engine (its vector cache) between
///    requests (threadDatabase, SearchClient). Nothing here blocks the caller's thread.
///  - **background sync**: on start once online, every syncInterval() while online, and after
///    the person's own writes — first the outbox's delivery, then OfflineCache::sync — never
///    overlapping; with progress and cancellation (cancelSync()).
///  - **the outbox**: write() is OutboxWriter::write (written at once online and folded into
///    the knowledge; queued when the database cannot be reached); the counts of pending and
///    refused writes are reported whenever they may have changed.
///
/// Reads go through BrowseClient and SearchClient (the one place that decides online or the
/// cache); their answers say whether they came from the cache and as of when.
///
/// Lives on the thread that created it (the GUI thread in the app, the main thread in
/// knowledgectl) and emits its signals there; call it from that thread only.
class KnowledgeClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Online, Offline };
    Q_ENUM(State)

    explicit KnowledgeClient(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~KnowledgeClient() override;

    const ConnectionSettings &settings() const { return m_settings; }
    State state() const { return m_state; }
    /// Offline: why (the connect error, in words).
    QString stateReason() const { return m_why; }
    ClientIdentity identity() const { return m_identity; }
    qint64 pendingWrites() const { return m_pending; }
    qint64 refusedWrites() const { return m_refused; }
    /// When the offline cache was last synced (invalid: never).
    QDateTime lastSync() const { return m_lastSync; }
    bool isSyncing() const { return bool(m_sync); }
    /// What the last sync that finished did (empty before the first).
    const ClientSyncReport &lastSyncReport() const { return m_lastReport; }
    /// Jobs asked for and not yet finished (0: settled).
    int runningJobs() const { return m_running; }

    /// Connects (in the background): identifies the tenant and person, remembers them for the
    /// outbox, then syncs; offline, retries with backoff. `startOffline`: begin from the
    /// cache and do not connect until reconnectNow().
    void start(bool startOffline = false);
    /// Tries the database now (offline), e.g. when the person asks.
    void reconnectNow();
    /// How often to sync while online; 0 = only on start and after the person's writes.
    void setSyncInterval(std::chrono::minutes interval);
    std::chrono::minutes syncInterval() const { return m_syncInterval; }
    /// Delivers the outbox and syncs the cache now (ignored while a sync runs or offline).
    void syncNow();
    /// Stops a running sync between pages (what it synced so far stays; the next sync goes on).
    void cancelSync();
    /// Reads the outbox's counts again (after a change made elsewhere, e.g. the outbox dialog).
    void refreshOutboxCounts();

    // Reads: answered from the database, or from the offline cache when it cannot be reached
    // (or when the client is offline). `done` runs on the receiver's thread.
    QPointer<ClientJob>
    datasets(QObject *receiver,
             std::function<void(const Result<Browsed<QList<DatasetSummary>>> &)> done);
    QPointer<ClientJob>
    knowledge(QObject *receiver, const QString &dataset,
              std::function<void(const Result<Browsed<DatasetKnowledge>> &)> done);
    QPointer<ClientJob> activity(QObject *receiver, const QString &dataset, int limit,
                                 const QString &before,
                                 std::function<void(const Result<Browsed<ActivityPage>> &)> done);
    QPointer<ClientJob>
    investigations(QObject *receiver, const QString &dataset, int limit,
                   std::function<void(const Result<Browsed<QList<InvestigationSummary>>> &)> done);
    QPointer<ClientJob>
    trace(QObject *receiver, const QUuid &investigationId,
          std::function<void(const Result<Browsed<InvestigationTrace>> &)> done);
    QPointer<ClientJob>
    quirkHistory(QObject *receiver, const QString &quirkId,
                 std::function<void(const Result<Browsed<QList<QuirkHistoryEntry>>> &)> done);
    /// `offlineOnly`: the cache even when online. The job's cancel() stops the search.
    QPointer<ClientJob> search(QObject *receiver, const SearchRequest &request, bool offlineOnly,
                               std::function<void(const Result<SearchOutcome> &)> done);

    /// A person's write (OutboxWriter::write as this client's person): online written at once
    /// and folded into the knowledge; queued when the database cannot be reached. Afterwards
    /// the counts are refreshed and, online, a sync follows.
    QPointer<ClientJob> write(QObject *receiver, OutboxWriter::Prepare prepare,
                              std::function<void(const Result<WriteOutcome> &)> done,
                              const QuirkBase &base = {});

    /// Anything else that needs this client's connection, on its read pool (e.g. the
    /// aggregation behind "Refresh"). `work` gets this thread's Database.
    template <typename T>
    QPointer<ClientJob> withDatabase(QObject *receiver, std::function<Result<T>(Database &)> work,
                                     std::function<void(const Result<T> &)> done);

Q_SIGNALS:
    void stateChanged(ke::KnowledgeClient::State state, const QString &why);
    void identityChanged(const ke::ClientIdentity &identity);
    void syncStarted();
    /// `done` of `total` changes read (total 0: not known yet).
    void syncProgress(qint64 done, qint64 total);
    /// `message`: an error in words, or empty; `syncedAt` the cache's time afterwards.
    void syncFinished(bool ok, const QString &message);
    /// The outbox's counts for this connection's login and tenant.
    void outboxChanged(qint64 pending, qint64 refused);
    /// Queued writes were delivered (`delivered`) or refused by the database (`refused`, now
    /// in "needs attention").
    void writesDelivered(qint64 delivered, qint64 refused);
    /// What the views show may have changed (a delivery, a sync that brought changes).
    void dataChanged();
    /// No job is running any more.
    void settled();

private:
    /// Runs `work` on `pool`; on this thread `observe` sees the answer first (the state),
    /// then `done` gets it on the receiver's thread.
    template <typename T>
    QPointer<ClientJob> run(QThreadPool *pool, QObject *receiver,
                            std::function<Result<T>(const std::atomic_bool &)> work,
                            std::function<void(const Result<T> &)> done,
                            std::function<void(const Result<T> &)> observe = {});
    void runOn(QThreadPool *pool, std::function<void()> work);
    void jobEnded(ClientJob *job);
    /// A browse read on the read pool: `read` gets this client's connection and where to read
    /// from now (readSource()). Its answer, from the database or from the cache because the
    /// database could not be reached, moves the state (online / offline) before `done` sees it.
    template <typename T>
    QPointer<ClientJob>
    browse(QObject *receiver,
           std::function<Result<Browsed<T>>(const ConnectionSettings &, ReadSource)> read,
           std::function<void(const Result<Browsed<T>> &)> done);
    /// Any answer's error: unreachable moves the client offline.
    void observeError(const Error &e);
    /// An answer from the database (online again), or from the cache as `why`.
    void observeSource(bool offline, const QString &why);
    void setState(State state, const QString &why = {});
    void identify();
    void scheduleRetry();
    ReadSource readSource() const;

    ConnectionSettings m_settings;
    State m_state = State::Connecting;
    QString m_why;
    ClientIdentity m_identity;
    qint64 m_pending = 0;
    qint64 m_refused = 0;
    QDateTime m_lastSync;
    ClientSyncReport m_lastReport;
    bool m_started = false;
    bool m_identifying = false;
    int m_running = 0;
    std::chrono::minutes m_syncInterval{15};
    std::chrono::seconds m_backoff{0};
    QPointer<ClientJob> m_sync;
    std::shared_ptr<std::atomic_bool> m_syncCancel; ///< the running sync's
    std::unique_ptr<QThreadPool> m_control; ///< one thread: identify, deliver, sync
    std::unique_ptr<QThreadPool> m_reads; ///< reads and writes
    QTimer m_syncTimer;
    QTimer m_retryTimer;
};

template <typename T>
QPointer<ClientJob> KnowledgeClient::run(QThreadPool *pool, QObject *receiver,
                                         std::function<Result<T>(const std::atomic_bool &)> work,
                                         std::function<void(const Result<T> &)> done,
                                         std::function<void(const Result<T> &)> observe)
{
    auto *job = new ClientJob(this);
    QPointer<QObject> to(receiver);
    auto cancel = job->m_cancel;
    runOn(pool, [this, job, to, cancel, work, done, observe]() {
        auto answer = std::make_shared<Result<T>>(makeError(ErrorCode::Internal, QString()));
        try {
            *answer = work(*cancel);
        } catch (const std::exception &e) {
            *answer = Result<T>(makeError(ErrorCode::Internal, QString::fromUtf8(e.what())));
        }
        // Back on the client's thread (the state), then on the receiver's (the answer).
        QMetaObject::invokeMethod(
            this,
            [this, job, to, cancel, answer, done, observe]() {
                if (!*answer)
                    observeError(answer->error());
                else if (observe)
                    observe(*answer);
                if (!cancel->load() && to && done) {
                    if (to->thread() == thread())
                        done(*answer);
                    else
                        QMetaObject::invokeMethod(
                            to.data(), [done, answer]() { done(*answer); }, Qt::QueuedConnection);
                }
                jobEnded(job);
            },
            Qt::QueuedConnection);
    });
    return job;
}

template <typename T>
QPointer<ClientJob> KnowledgeClient::withDatabase(QObject *receiver,
                                                  std::function<Result<T>(Database &)> work,
                                                  std::function<void(const Result<T> &)> done)
{
    const ConnectionSettings settings = m_settings;
    return run<T>(
        m_reads.get(), receiver,
        [settings, work](const std::atomic_bool &) {
            return withThreadDatabase<T>(settings, work);
        },
        std::move(done));
}

} // namespace ke

Q_DECLARE_METATYPE(ke::ClientIdentity)
