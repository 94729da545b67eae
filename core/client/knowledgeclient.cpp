#include "knowledgeclient.h"

#include "connectionprofiles.h"
#include "database.h"
#include "knowledgeaggregator.h"
#include "offlinecache.h"
#include "offlinesnapshot.h"
#include "outbox.h"

#include <QThreadPool>

#include <algorithm>

namespace ke {

namespace {

constexpr std::chrono::seconds kFirstRetry{5};
constexpr std::chrono::seconds kLongestRetry{300};

/// What identify() learns.
struct Identified
{
    QString tenant;
    QString person;
};

struct OutboxCounts
{
    qint64 pending = 0;
    qint64 refused = 0;
    QDateTime syncedAt;
    QString tenantName; ///< as remembered when last online
    QString personHandle;
};

/// What one syncNow() did.
struct SyncDone
{
    ClientSyncReport report;
    bool unreachable = false; ///< the delivery found the database gone
    QString note;
};

std::unique_ptr<QThreadPool> makePool(int threads)
{
    auto pool = std::make_unique<QThreadPool>();
    pool->setMaxThreadCount(threads);
    // The threads keep their connection and search engine (thread-local): never retire them.
    pool->setExpiryTimeout(-1);
    return pool;
}

} // namespace

ClientJob::ClientJob(QObject *parent)
    : QObject(parent)
{ }

void ClientJob::cancel()
{
    m_cancel->store(true);
}

KnowledgeClient::KnowledgeClient(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_control(makePool(1))
    , m_reads(makePool(3))
{
    m_identity.server = ConnectionProfile::suggestedName(settings.databaseUrl, QString());
    m_identity.tenant = settings.tenant;
    m_identity.person = Outbox::loginOf(settings);
    m_syncTimer.setInterval(m_syncInterval);
    connect(&m_syncTimer, &QTimer::timeout, this, &KnowledgeClient::syncNow);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &KnowledgeClient::identify);
}

KnowledgeClient::~KnowledgeClient()
{
    m_syncTimer.stop();
    m_retryTimer.stop();
    if (m_syncCancel)
        m_syncCancel->store(true);
    const auto jobs = findChildren<ClientJob *>(Qt::FindDirectChildrenOnly);
    for (ClientJob *job : jobs)
        job->cancel();
    // The work finishes (a write is never cut off); its answers die with this object.
    m_reads->waitForDone();
    m_control->waitForDone();
}

void KnowledgeClient::runOn(QThreadPool *pool, std::function<void()> work)
{
    ++m_running;
    pool->start(std::move(work));
}

void KnowledgeClient::jobEnded(ClientJob *job)
{
    Q_EMIT job->finished();
    job->deleteLater();
    if (--m_running == 0)
        Q_EMIT settled();
}

void KnowledgeClient::setState(State state, const QString &why)
{
    if (state == m_state && why == m_why)
        return;
    m_state = state;
    m_why = why;
    Q_EMIT stateChanged(state, why);
}

ReadSource KnowledgeClient::readSource() const
{
    return m_state == State::Offline ? ReadSource::Offline : ReadSource::Automatic;
}

void KnowledgeClient::observeError(const Error &e)
{
    if (e.is(ErrorCode::Unreachable))
        observeSource(true, e.message);
}

void KnowledgeClient::observeSource(bool offline, const QString &why)
{
    if (!m_started)
        return;
    if (offline) {
        // An answer from the cache because the database could not be reached (a read made
        // while offline says nothing new).
        if (m_state != State::Offline && !why.isEmpty()) {
            setState(State::Offline, why);
            scheduleRetry();
        }
    } else if (m_state == State::Offline) {
        reconnectNow(); // the database answered again
    }
}

void KnowledgeClient::start(bool startOffline)
{
    if (m_started)
        return;
    m_started = true;
    refreshOutboxCounts();
    if (m_settings.tenant.isEmpty()) {
        setState(State::Offline, tr("no tenant selected"));
        return;
    }
    if (m_syncInterval.count() > 0)
        m_syncTimer.start();
    if (startOffline) {
        setState(State::Offline,
                 tr("started offline — the database is not contacted until "
                    "you reconnect"));
        return;
    }
    setState(State::Connecting);
    identify();
}

void KnowledgeClient::reconnectNow()
{
    if (!m_started || m_settings.tenant.isEmpty())
        return;
    m_retryTimer.stop();
    m_backoff = std::chrono::seconds(0);
    identify();
}

void KnowledgeClient::scheduleRetry()
{
    if (m_retryTimer.isActive() || m_identifying)
        return;
    m_backoff = m_backoff.count() == 0 ? kFirstRetry : std::min(m_backoff * 2, kLongestRetry);
    m_retryTimer.start(m_backoff);
}

void KnowledgeClient::identify()
{
    if (m_identifying)
        return;
    m_identifying = true;
    const ConnectionSettings settings = m_settings;
    run<Identified>(
        m_control.get(), this,
        [settings](const std::atomic_bool &) -> Result<Identified> {
            // A fresh connection: the one this thread kept may be a dead one.
            resetThreadDatabase();
            auto db = threadDatabase(settings);
            if (!db)
                return db.error();
            Database &online = **db;
            Identified who;
            if (auto tenants = online.tenants()) {
                for (const Database::TenantInfo &t : *tenants)
                    if (t.id == online.tenantId())
                        who.tenant = t.name.isEmpty() ? t.slug : t.name;
            }
            if (!online.actorId().isNull()) {
                auto handle = online.personHandle(online.actorId());
                who.person = handle && !handle->isEmpty()
                    ? *handle
                    : online.actorId().toString(QUuid::WithoutBraces);
            }
            if (who.person.isEmpty())
                who.person = online.login();
            // Remember whom this login writes as (and the names), for the time offline.
            if (auto box = Outbox::openFor(online))
                (void)(*box)->rememberNames(online.login(), online.tenantId(), who.tenant,
                                            who.person);
            return who;
        },
        [this](const Result<Identified> &r) {
            m_identifying = false;
            if (!r) {
                // Unreachable, or refused (a grant may come later): offline, and try again.
                setState(State::Offline, r.error().message);
                scheduleRetry();
                return;
            }
            m_backoff = std::chrono::seconds(0);
            if (!r->tenant.isEmpty())
                m_identity.tenant = r->tenant;
            m_identity.person = r->person;
            Q_EMIT identityChanged(m_identity);
            setState(State::Online);
            refreshOutboxCounts();
            syncNow();
        });
}

void KnowledgeClient::setSyncInterval(std::chrono::minutes interval)
{
    m_syncInterval = interval;
    if (interval.count() <= 0) {
        m_syncTimer.stop();
        return;
    }
    m_syncTimer.setInterval(interval);
    if (m_started && !m_settings.tenant.isEmpty())
        m_syncTimer.start();
}

void KnowledgeClient::syncNow()
{
    if (m_sync || m_state != State::Online || m_settings.tenant.isEmpty())
        return;
    const ConnectionSettings settings = m_settings;
    m_syncCancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_syncCancel;
    QPointer<KnowledgeClient> self(this);
    auto progress = [self](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total]() {
                if (self)
                    Q_EMIT self->syncProgress(done, total);
            },
            Qt::QueuedConnection);
    };
    Q_EMIT syncStarted();
    m_sync = run<SyncDone>(
        m_control.get(), this,
        [settings, cancel, progress](const std::atomic_bool &) -> Result<SyncDone> {
            auto db = threadDatabase(settings);
            if (!db)
                return db.error();
            SyncDone done;
            // What the person wrote offline first, then the cache (so it holds those too).
            auto delivered = OutboxWriter::deliverPending(**db);
            if (!delivered) {
                resetThreadDatabase();
                return delivered.error();
            }
            done.report.delivered = *delivered;
            if (delivered->unreachable) {
                resetThreadDatabase();
                done.unreachable = true;
                done.note = delivered->note;
                return done;
            }
            auto cache = OfflineCache::openForSync(**db, 1000);
            if (!cache)
                return cache.error();
            auto synced = (*cache)->sync(**db, progress, 5000, {}, cancel.get());
            if (!synced) {
                if (synced.error().is(ErrorCode::Unreachable))
                    resetThreadDatabase();
                return synced.error();
            }
            done.report.summary = *synced;
            done.report.tenant = (*cache)->tenant();
            done.report.cacheDirectory = (*cache)->index().directory();
            done.report.syncedAt = (*cache)->syncedAt();
            return done;
        },
        [this](const Result<SyncDone> &r) {
            m_sync = nullptr;
            m_syncCancel.reset();
            if (!r) {
                Q_EMIT syncFinished(false, r.error().message);
            } else if (r->unreachable) {
                setState(State::Offline, r->note);
                scheduleRetry();
                Q_EMIT syncFinished(false, r->note);
            } else {
                m_lastReport = r->report;
                const DeliveryReport &delivered = m_lastReport.delivered;
                const OfflineCache::SyncSummary &synced = m_lastReport.summary;
                if (m_lastReport.syncedAt.isValid())
                    m_lastSync = m_lastReport.syncedAt;
                if (delivered.delivered > 0 || delivered.refused > 0)
                    Q_EMIT writesDelivered(delivered.delivered, delivered.refused);
                Q_EMIT syncFinished(true, QString());
                const qint64 changes = synced.added + synced.updated + synced.removed
                    + synced.snapshot.tracesFetched + synced.snapshot.quirksFetched;
                if (changes > 0 || delivered.delivered > 0 || delivered.refused > 0)
                    Q_EMIT dataChanged();
            }
            refreshOutboxCounts();
        });
}

void KnowledgeClient::cancelSync()
{
    if (m_syncCancel)
        m_syncCancel->store(true);
}

void KnowledgeClient::refreshOutboxCounts()
{
    const ConnectionSettings settings = m_settings;
    run<OutboxCounts>(
        m_reads.get(), this,
        [settings](const std::atomic_bool &) -> Result<OutboxCounts> {
            OutboxCounts counts;
            if (auto snapshot = OfflineSnapshot::openForReading(settings))
                counts.syncedAt = (*snapshot)->syncedAt();
            auto box = Outbox::openFor(settings);
            if (!box)
                return counts; // never online here: nothing can wait
            auto who = (*box)->identity(settings);
            // A login that writes for others and named no person has no identity to write
            // as, but its tenant's name is remembered all the same.
            const std::optional<OutboxIdentity> names
                = who ? std::optional<OutboxIdentity>(*who) : (*box)->rememberedNames(settings);
            const QUuid tenant = names ? names->tenantId : QUuid();
            const QString login = names ? names->login : Outbox::loginOf(settings);
            auto pending = (*box)->count(OutboxEntry::State::Pending, tenant, login);
            if (!pending)
                return pending.error();
            auto refused = (*box)->count(OutboxEntry::State::Refused, tenant, login);
            if (!refused)
                return refused.error();
            counts.pending = *pending;
            counts.refused = *refused;
            if (names) {
                counts.tenantName = names->tenantName;
                counts.personHandle = names->personHandle;
            }
            return counts;
        },
        [this](const Result<OutboxCounts> &r) {
            if (!r)
                return; // the outbox could not be read: the counts stay as they were
            if (r->syncedAt.isValid() && (!m_lastSync.isValid() || r->syncedAt > m_lastSync))
                m_lastSync = r->syncedAt;
            m_pending = r->pending;
            m_refused = r->refused;
            Q_EMIT outboxChanged(m_pending, m_refused);
            // Not yet identified online: the names remembered from the last time.
            if (m_state != State::Online && !r->tenantName.isEmpty()
                && (m_identity.tenant != r->tenantName || m_identity.person != r->personHandle)) {
                m_identity.tenant = r->tenantName;
                if (!r->personHandle.isEmpty())
                    m_identity.person = r->personHandle;
                Q_EMIT identityChanged(m_identity);
            }
        });
}

template <typename T>
QPointer<ClientJob> KnowledgeClient::browse(
    QObject *receiver,
    std::function<Result<Browsed<T>>(const ConnectionSettings &, ReadSource)> read,
    std::function<void(const Result<Browsed<T>> &)> done)
{
    return run<Browsed<T>>(
        m_reads.get(), receiver,
        [settings = m_settings, source = readSource(), read](const std::atomic_bool &) {
            return read(settings, source);
        },
        std::move(done),
        [this](const Result<Browsed<T>> &r) { observeSource(r->offline, r->note); });
}

QPointer<ClientJob>
KnowledgeClient::datasets(QObject *receiver,
                          std::function<void(const Result<Browsed<QList<DatasetSummary>>> &)> done)
{
    return browse<QList<DatasetSummary>>(receiver, &BrowseClient::datasets, std::move(done));
}

QPointer<ClientJob>
KnowledgeClient::knowledge(QObject *receiver, const QString &dataset,
                           std::function<void(const Result<Browsed<DatasetKnowledge>> &)> done)
{
    return browse<DatasetKnowledge>(
        receiver,
        [dataset](const ConnectionSettings &settings, ReadSource source) {
            return BrowseClient::knowledge(settings, dataset, source);
        },
        std::move(done));
}

QPointer<ClientJob>
KnowledgeClient::activity(QObject *receiver, const QString &dataset, int limit,
                          const QString &before,
                          std::function<void(const Result<Browsed<ActivityPage>> &)> done)
{
    return browse<ActivityPage>(
        receiver,
        [dataset, limit, before](const ConnectionSettings &settings, ReadSource source) {
            return BrowseClient::activity(settings, dataset, limit, before, source);
        },
        std::move(done));
}

QPointer<ClientJob> KnowledgeClient::investigations(
    QObject *receiver, const QString &dataset, int limit,
    std::function<void(const Result<Browsed<QList<InvestigationSummary>>> &)> done)
{
    return browse<QList<InvestigationSummary>>(
        receiver,
        [dataset, limit](const ConnectionSettings &settings, ReadSource source) {
            return BrowseClient::investigations(settings, dataset, limit, source);
        },
        std::move(done));
}

QPointer<ClientJob>
KnowledgeClient::trace(QObject *receiver, const QUuid &investigationId,
                       std::function<void(const Result<Browsed<InvestigationTrace>> &)> done)
{
    return browse<InvestigationTrace>(
        receiver,
        [investigationId](const ConnectionSettings &settings, ReadSource source) {
            return BrowseClient::trace(settings, investigationId, source);
        },
        std::move(done));
}

QPointer<ClientJob> KnowledgeClient::quirkHistory(
    QObject *receiver, const QString &quirkId,
    std::function<void(const Result<Browsed<QList<QuirkHistoryEntry>>> &)> done)
{
    return browse<QList<QuirkHistoryEntry>>(
        receiver,
        [quirkId](const ConnectionSettings &settings, ReadSource source) {
            return BrowseClient::quirkHistory(settings, quirkId, source);
        },
        std::move(done));
}

QPointer<ClientJob> KnowledgeClient::search(QObject *receiver, const SearchRequest &request,
                                            bool offlineOnly,
                                            std::function<void(const Result<SearchOutcome> &)> done)
{
    const ConnectionSettings settings = m_settings;
    const bool fromCache = offlineOnly || m_state == State::Offline;
    return run<SearchOutcome>(
        m_reads.get(), receiver,
        [settings, request, fromCache](const std::atomic_bool &cancel) {
            return SearchClient::search(settings, request,
                                        fromCache ? SearchSource::Offline : SearchSource::Automatic,
                                        &cancel);
        },
        std::move(done),
        [this, fromCache](const Result<SearchOutcome> &r) {
            if (!fromCache)
                observeSource(r->mode == QLatin1String("offline"), r->note);
        });
}

QPointer<ClientJob> KnowledgeClient::write(QObject *receiver, OutboxWriter::Prepare prepare,
                                           std::function<void(const Result<WriteOutcome> &)> done,
                                           const QuirkBase &base)
{
    const ConnectionSettings settings = m_settings;
    // Offline the write is queued at once: the person does not wait for a connect timeout.
    const QString offline = m_state == State::Offline ? m_why : QString();
    return run<WriteOutcome>(
        m_reads.get(), receiver,
        [settings, offline, prepare, base](const std::atomic_bool &) -> Result<WriteOutcome> {
            auto connect = [&settings, &offline]() -> Result<std::unique_ptr<Database>> {
                if (!offline.isEmpty())
                    return makeError(ErrorCode::Unreachable, offline);
                // A connection of its own: OutboxWriter owns it for the write (and for the
                // delivery of what waits before it); the thread's cached one stays for reads.
                return Database::connect(settings);
            };
            auto written = OutboxWriter::write(settings, connect, prepare, base);
            if (written && !written->queued) {
                // Show the change at once: the aggregator folds in the new event.
                if (auto db = threadDatabase(settings))
                    KnowledgeAggregator::runIncremental(**db);
            }
            return written;
        },
        std::move(done),
        [this](const Result<WriteOutcome> &r) {
            if (r->queued)
                observeSource(true, r->unreachable);
            refreshOutboxCounts();
            if (!r->queued)
                syncNow(); // after the person's own write: the cache holds it too
        });
}

} // namespace ke
