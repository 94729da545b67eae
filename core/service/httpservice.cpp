#include "private/httpservice_p.h"

#include "apikeys.h"
#include "database_p.h"
#include "eventlog.h"
#include "feedbackrecorder.h"
#include "knowledgestore.h"
#include "migrator.h"
#include "onlinesearch.h"
#include "searchclient.h"
#include "servicemetrics.h"
#include "threaddatabase.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>
#include <QUrl>

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

namespace ke {

namespace {

/// What a connection presents while no request's key is selected: no key at all.
constexpr char noKey[] = "ke_none";

/// The status an error of core means to an HTTP client.
int statusOf(const Error &e)
{
    static const QHash<QString, int> statuses{
        {ErrorCode::Unauthorized, 401},     {ErrorCode::UnknownDataset, 404},
        {ErrorCode::UnknownTarget, 404},    {ErrorCode::InvalidDataset, 404},
        {ErrorCode::UnknownTenant, 404},    {ErrorCode::NoAccess, 404},
        {ErrorCode::PermissionDenied, 403}, {ErrorCode::RateLimited, 429},
        {ErrorCode::Unreachable, 503},      {ErrorCode::NotMigrated, 503},
        {ErrorCode::EmptyQuery, 400},       {ErrorCode::InvalidCursor, 400},
        {ErrorCode::InvalidLimit, 400},     {ErrorCode::InvalidFeedback, 400},
        {ErrorCode::InvalidEvent, 400},     {ErrorCode::InvalidType, 400},
        {ErrorCode::BadInput, 400},         {ErrorCode::Usage, 400},
    };
    return statuses.value(e.code, 500);
}

} // namespace

namespace httpdetail {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Answer errorAnswer(int status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    Answer a;
    a.status = status;
    a.body = json(QJsonObject{{QStringLiteral("error"), e}});
    if (status == 401)
        a.headers.emplace_back("WWW-Authenticate", "Bearer");
    return a;
}

Answer badField(const QString &field, const QString &message)
{
    return errorAnswer(400, QStringLiteral("invalid_field"), message, field);
}

Answer fromError(const Error &e, const QString &field)
{
    const int status = statusOf(e);
    return errorAnswer(status, e.code, e.message, status == 400 ? field : QString());
}

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? QString::fromStdString(req.get_param_value(name)) : QString();
}

Result<Database *> connection(const ConnectionSettings &settings)
{
    auto db = threadDatabase(settings);
    if (!db)
        return db.error();
    if (!(*db)->isConnected()) {
        resetThreadDatabase();
        db = threadDatabase(settings);
    }
    return db;
}

} // namespace httpdetail

using namespace httpdetail;

Answer HttpService::Private::onDatabase(const std::function<Answer(Database &)> &work)
{
    // The I/O thread waits on a std::future, which (unlike QFuture::result(), which runs a task
    // not yet started in the waiting thread) leaves the work to the database threads: their
    // number bounds the connections, and each keeps its connection and caches warm.
    std::promise<Answer> done;
    std::future<Answer> answer = done.get_future();
    databasePool.start([this, &work, &done] {
        auto db = connection(settings);
        if (!db) {
            done.set_value(errorAnswer(
                503, ErrorCode::Unreachable,
                HttpService::tr("the database cannot be reached: %1").arg(db.error().message)));
            return;
        }
        try {
            Answer a = work(**db);
            if (a.status == 503)
                resetThreadDatabase();
            done.set_value(std::move(a));
        } catch (const std::exception &e) { // never leave the I/O thread waiting
            done.set_value(errorAnswer(
                500, ErrorCode::Internal,
                HttpService::tr("internal error: %1").arg(QString::fromUtf8(e.what()))));
        }
    });
    return answer.get();
}

Answer HttpService::Private::asKey(const QString &secret,
                                   const std::function<Answer(Database &)> &work)
{
    return onDatabase([&](Database &db) -> Answer {
        auto key = ApiKeys::select(db, secret);
        if (!key)
            return fromError(key.error());
        if (key->ratePerMinute && !rates.take(key->keyId, *key->ratePerMinute))
            return errorAnswer(429, ErrorCode::RateLimited,
                               HttpService::tr("this key may make %n request(s) a minute — "
                                               "wait, or ask for a higher rate",
                                               nullptr, *key->ratePerMinute));
        return work(db);
    });
}

std::optional<Answer> HttpService::Private::keyOf(const httplib::Request &req, QString &secret)
{
    const QString header = QString::fromStdString(req.get_header_value("Authorization")).trimmed();
    if (header.isEmpty())
        return errorAnswer(401, ErrorCode::Unauthorized,
                           HttpService::tr("no API key — send 'Authorization: Bearer <key>' "
                                           "(`knowledgectl api-key create` makes one)"));
    if (!header.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return errorAnswer(401, ErrorCode::Unauthorized,
                           HttpService::tr("the Authorization header must be 'Bearer <key>'"));
    secret = header.mid(7).trimmed();
    return std::nullopt;
}

Answer HttpService::Private::knowledge(const httplib::Request &req, const QString &dataset)
{
    QString secret;
    if (auto refused = keyOf(req, secret))
        return *refused;
    return asKey(secret, [&](Database &db) -> Answer {
        auto k = KnowledgeStore::knowledge(db, dataset);
        if (!k)
            return fromError(k.error(), QStringLiteral("dataset"));
        QJsonObject doc = k->toJson();
        doc.insert(QStringLiteral("mode"), QStringLiteral("online")); // as knowledgectl's
        return Answer{200, json(doc), "application/json", {}};
    });
}

Answer HttpService::Private::activity(const httplib::Request &req, const QString &dataset)
{
    QString secret;
    if (auto refused = keyOf(req, secret))
        return *refused;
    int limit = 20;
    if (req.has_param("limit")) {
        bool ok = false;
        limit = param(req, "limit").toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return badField(QStringLiteral("limit"),
                            HttpService::tr("limit must be a number from 1 to 500, not '%1'")
                                .arg(param(req, "limit")));
    }
    const QString before = param(req, "before");
    return asKey(secret, [&](Database &db) -> Answer {
        auto page = KnowledgeStore::activity(db, dataset, limit, before);
        if (!page)
            return fromError(page.error(),
                             page.error().is(ErrorCode::InvalidCursor) ? QStringLiteral("before")
                                                                       : QStringLiteral("dataset"));
        return Answer{200, json(page->toJson()), "application/json", {}};
    });
}

Answer HttpService::Private::search(const httplib::Request &req)
{
    QString secret;
    if (auto refused = keyOf(req, secret))
        return *refused;
    SearchRequest request;
    request.text = param(req, "q");
    if (request.text.trimmed().isEmpty())
        return badField(QStringLiteral("q"), HttpService::tr("q is missing — GET /search?q=words"));
    if (req.has_param("limit")) {
        bool ok = false;
        request.limit = param(req, "limit").toInt(&ok);
        if (!ok || request.limit < 1 || request.limit > 1000)
            return badField(QStringLiteral("limit"),
                            HttpService::tr("limit must be a number from 1 to 1000, not '%1'")
                                .arg(param(req, "limit")));
    }
    request.datasetId = param(req, "dataset");
    if (req.has_param("type"))
        request.sourceTypes = param(req, "type").split(QLatin1Char(','), Qt::SkipEmptyParts);
    return asKey(secret, [&](Database &db) -> Answer {
        if (!request.datasetId.isEmpty()) {
            // Another tenant's dataset is not found, as on the other routes (not an empty list).
            auto dataset = KnowledgeStore::resolveDataset(db, request.datasetId);
            if (!dataset)
                return fromError(dataset.error(), QStringLiteral("dataset"));
            request.datasetId = dataset->first.toString(QUuid::WithoutBraces);
        }
        // The key is selected on this thread's connection, which SearchClient uses.
        auto outcome = SearchClient::search(settings, request, SearchSource::Automatic);
        if (!outcome) {
            const QString field = outcome.error().is(ErrorCode::EmptyQuery) ? QStringLiteral("q")
                : outcome.error().is(ErrorCode::InvalidType)                ? QStringLiteral("type")
                                                             : QStringLiteral("dataset");
            return fromError(outcome.error(), field);
        }
        if (outcome->mode != QLatin1String("online")) // never a copy from a local cache
            return errorAnswer(503, ErrorCode::Unreachable, outcome->note);
        return Answer{200, json(outcome->toJson()), "application/json", {}};
    });
}

Answer HttpService::Private::health(bool forMetrics)
{
    ServiceMetrics::Gauges g;
    QString why;
    Answer a = onDatabase([&](Database &db) -> Answer {
        // No key: what the service's own login may see of the schema (no tenant data).
        auto version = Migrator::currentVersion(db);
        if (!version) {
            why = version.error().message;
            return errorAnswer(503, ErrorCode::Unreachable, why);
        }
        g.databaseUp = true;
        g.schemaVersion = *version;
        auto jobs = guarded(QStringLiteral("job figures"), [&]() -> Result<void> {
            // For this transaction only: the login's own view (every tenant for the worker's
            // login), of figures that name no tenant.
            pqxx::work tx(databasePrivate(db)->conn);
            tx.exec("SELECT set_config('knowledge.api_key', '', true)");
            const pqxx::result lag
                = tx.exec("SELECT extract(epoch FROM now() - min(last_run_at))::float8 FROM "
                          + toStd(db.table(QStringLiteral("aggregation_state"))));
            if (!lag[0][0].is_null())
                g.aggregationLagSeconds = lag[0][0].as<double>();
            // What the workers' jobs did (0010), every worker and tenant added up.
            const pqxx::result totals = tx.exec(
                "SELECT job, outcome, runs, seconds_total, last_seconds, extract(epoch FROM "
                "last_run_at)::float8, extract(epoch FROM now() - last_run_at)::float8 FROM "
                + toStd(Database::quoteQualified(settings.schema))
                + ".job_run_totals ORDER BY job, outcome");
            tx.commit();
            for (const auto &row : totals) {
                ServiceMetrics::JobTotal t;
                readColumns(row, 0, t.job, t.outcome, t.runs, t.secondsTotal, t.lastSeconds,
                            t.lastRunAt, t.lastRunSecondsAgo);
                g.jobs.append(t);
            }
            return {};
        });
        (void)jobs; // without them /health and /metrics still answer what they know
        return {};
    });
    g.feedbackBatches = batches;
    g.feedbackEvents = batchedEvents;
    g.warmTenants = warmTenants;
    g.warmDone = warmDone;
    if (forMetrics)
        return Answer{200, metrics.render(g), "text/plain; version=0.0.4", {}};
    if (!g.databaseUp) {
        Answer e = a.status == 503 ? a
                                   : errorAnswer(503, ErrorCode::Unreachable,
                                                 HttpService::tr("the database cannot be reached"));
        return e;
    }
    QJsonObject doc{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("database"), QStringLiteral("reachable")},
        {QStringLiteral("schema_version"), *g.schemaVersion},
        {QStringLiteral("aggregation_lag_seconds"),
         g.aggregationLagSeconds ? QJsonValue(*g.aggregationLagSeconds) : QJsonValue()}};
    doc.insert(QStringLiteral("search_index"),
               QJsonObject{{QStringLiteral("tenants_loaded"), double(g.warmTenants)},
                           {QStringLiteral("loading"), !g.warmDone}});
    // Per job: its latest run (any outcome) and its latest successful one, seconds ago.
    QJsonObject jobs;
    for (const ServiceMetrics::JobTotal &t : std::as_const(g.jobs)) {
        if (!t.lastRunSecondsAgo)
            continue;
        QJsonObject j = jobs.value(t.job).toObject();
        const double ago = *t.lastRunSecondsAgo;
        if (!j.contains(QLatin1String("last_run_seconds_ago"))
            || ago < j.value(QLatin1String("last_run_seconds_ago")).toDouble()) {
            j.insert(QStringLiteral("last_run_seconds_ago"), ago);
            j.insert(QStringLiteral("last_outcome"), t.outcome);
        }
        if (t.outcome == QLatin1String("ok"))
            j.insert(QStringLiteral("last_ok_seconds_ago"), ago);
        jobs.insert(t.job, j);
    }
    doc.insert(QStringLiteral("jobs"), jobs);
    return Answer{200, json(doc), "application/json", {}};
}

Answer HttpService::Private::dispatch(const httplib::Request &req, QString &route)
{
    const QString path = QString::fromStdString(req.path);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const std::string &method = req.method;
    QString allowed = QStringLiteral("GET");
    std::function<Answer()> handler;
    if (parts == QStringList{QStringLiteral("health")}) {
        route = QStringLiteral("/health");
        handler = [&] { return health(false); };
    } else if (parts == QStringList{QStringLiteral("metrics")}) {
        route = QStringLiteral("/metrics");
        handler = [&] { return health(true); };
    } else if (parts == QStringList{QStringLiteral("search")}) {
        route = QStringLiteral("/search");
        handler = [&] { return search(req); };
    } else if (parts == QStringList{QStringLiteral("feedback")}) {
        route = QStringLiteral("/feedback");
        allowed = QStringLiteral("POST");
        handler = [&] { return feedback(req); };
    } else if (parts.size() == 3 && parts[0] == QLatin1String("datasets")
               && (parts[2] == QLatin1String("knowledge")
                   || parts[2] == QLatin1String("activity"))) {
        const QString dataset = QUrl::fromPercentEncoding(parts[1].toUtf8());
        if (parts[2] == QLatin1String("knowledge")) {
            route = QStringLiteral("/datasets/{dataset}/knowledge");
            handler = [&, dataset] { return knowledge(req, dataset); };
        } else {
            route = QStringLiteral("/datasets/{dataset}/activity");
            handler = [&, dataset] { return activity(req, dataset); };
        }
    } else {
        route = QStringLiteral("unmatched");
        return errorAnswer(404, QStringLiteral("not_found"),
                           HttpService::tr("no such resource: %1 — the API has GET "
                                           "/datasets/{id}/knowledge, /datasets/{id}/activity, "
                                           "/search, /health, /metrics and POST /feedback")
                               .arg(path));
    }
    if (QString::fromStdString(method) != allowed) {
        Answer a = errorAnswer(405, QStringLiteral("method_not_allowed"),
                               HttpService::tr("%1 takes %2, not %3")
                                   .arg(route, allowed, QString::fromStdString(method)));
        a.headers.emplace_back("Allow", allowed.toStdString());
        return a;
    }
    return handler();
}

HttpService::HttpService(const ConnectionSettings &settings, const HttpServiceOptions &options)
    : d(std::make_unique<Private>())
{
    d->settings = settings;
    d->settings.tenant.clear(); // every request's tenant and person come from its key
    d->settings.actor.clear();
    d->loginSettings = d->settings;
    // Every connection starts speaking for no key (knowledge.api_key set to a non-key at
    // connect): until a request selects its key the database shows no row of any tenant,
    // whatever the login's own grants — a code path that forgets to select one reads nothing.
    QString &url = d->settings.databaseUrl;
    if (!url.contains(QLatin1String("options="))) {
        if (url.startsWith(QLatin1String("postgresql://"))
            || url.startsWith(QLatin1String("postgres://")))
            url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                + QStringLiteral("options=-c%20knowledge.api_key%3D") + QLatin1String(noKey);
        else
            url += (url.isEmpty() ? QString() : QStringLiteral(" "))
                + QStringLiteral("options='-c knowledge.api_key=") + QLatin1String(noKey)
                + QLatin1Char('\'');
    }
    d->options = options;
    d->databasePool.setMaxThreadCount(std::max(1, options.databaseThreads));
    d->databasePool.setExpiryTimeout(-1); // threads (and their connections) stay
}

HttpService::~HttpService()
{
    stop();
}

Result<int> HttpService::start()
{
    httplib::Server &s = d->server;
    const int ioThreads = std::max(2, d->options.ioThreads);
    s.new_task_queue = [ioThreads] { return new httplib::ThreadPool(size_t(ioThreads)); };
    s.set_keep_alive_max_count(1000000);
    s.set_keep_alive_timeout(d->options.keepAliveSeconds);
    s.set_read_timeout(d->options.ioTimeoutSeconds, 0);
    s.set_write_timeout(d->options.ioTimeoutSeconds, 0);
    s.set_payload_max_length(size_t(d->options.maxBodyBytes));
    s.set_tcp_nodelay(true);
    const auto handle = [this](const httplib::Request &req, httplib::Response &res) {
        const auto started = Clock::now();
        QString route;
        Answer a;
        try {
            a = d->dispatch(req, route);
        } catch (const std::exception &e) { // nothing escapes to the I/O thread
            a = errorAnswer(500, ErrorCode::Internal, QString::fromUtf8(e.what()));
        }
        res.status = a.status;
        for (const auto &[name, value] : a.headers)
            res.set_header(name, value);
        res.set_content(a.body.constData(), size_t(a.body.size()), a.contentType);
        d->metrics.record(QString::fromStdString(req.method), route, a.status,
                          std::chrono::duration<double>(Clock::now() - started).count());
    };
    for (const char *m : {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        const std::string method = m;
        if (method == "GET")
            s.Get(".*", handle);
        else if (method == "POST")
            s.Post(".*", handle);
        else if (method == "PUT")
            s.Put(".*", handle);
        else if (method == "DELETE")
            s.Delete(".*", handle);
        else if (method == "PATCH")
            s.Patch(".*", handle);
        else
            s.Options(".*", handle);
    }
    // The library's own refusals (413 for a body over the limit, 400 for a request it cannot
    // parse) in the API's error shape.
    s.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request &req,
                                                                    httplib::Response &res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled; // ours, already in shape
        Answer a;
        if (res.status == 413)
            a = errorAnswer(
                413, QStringLiteral("payload_too_large"),
                HttpService::tr("the body is larger than %1 bytes").arg(d->options.maxBodyBytes));
        else
            a = errorAnswer(
                res.status, QStringLiteral("bad_request"),
                HttpService::tr("the request could not be read (HTTP %1)").arg(res.status));
        res.set_content(a.body.constData(), size_t(a.body.size()), a.contentType);
        d->metrics.record(QString::fromStdString(req.method), QStringLiteral("unmatched"),
                          res.status, 0);
        return httplib::Server::HandlerResponse::Handled;
    }));
    const std::string host = d->options.host.toStdString();
    int port = d->options.port;
    if (port == 0) {
        port = s.bind_to_any_port(host);
        if (port < 0)
            port = 0;
    } else if (!s.bind_to_port(host, port)) {
        port = 0;
    }
    if (port <= 0)
        return makeError(ErrorCode::Io,
                         tr("cannot listen on %1:%2 — is the port taken, or the "
                            "address not this machine's?")
                             .arg(d->options.host)
                             .arg(d->options.port));
    for (int i = 0; i < std::max(1, d->options.feedbackWriters); ++i)
        d->writers.emplace_back([this] { d->writeFeedback(); });
    d->listenerDone = false;
    d->listener = std::thread([this] {
        d->server.listen_after_bind();
        d->listenerDone = true;
    });
    // httplib's stop() does nothing before the accept loop runs: a stop right after start
    // (a SIGTERM at once) would otherwise leave the loop running and stop() waiting for it.
    while (!d->server.is_running() && !d->listenerDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    {
        std::lock_guard lock(d->stopLock);
        d->running = true;
    }
    d->stopWarming = false;
    if (d->options.warmDocuments > 0)
        d->warmer = std::thread([this] { d->warmUp(); });
    else
        d->warmDone = true;
    return port;
}

void HttpService::Private::warmUp()
{
    // The service's login itself (a service login for every tenant, or the owner), on a
    // connection of its own: it reads each tenant it may read, as the job commands do. What it
    // loads is shared memory that a request's session reads only once it sees the same rows.
    auto db = Database::connect(loginSettings);
    if (db) {
        auto tenants = (*db)->batchTenants();
        qint64 warmedDocuments = 0; // of the tenants loaded so far
        for (const Database::TenantInfo &t : tenants ? *tenants : QList<Database::TenantInfo>()) {
            if (stopWarming)
                break;
            if (!(*db)->setTenant(t.id.toString(QUuid::WithoutBraces)))
                continue;
            OnlineSearch search; // per tenant: each has its own model
            const auto loaded = search.warm(**db);
            if (!loaded)
                continue;
            ++warmTenants;
            // Within the memory budget: the tenants loaded so far hold enough documents.
            warmedDocuments += *loaded;
            if (warmedDocuments >= options.warmDocuments)
                break;
        }
    }
    warmDone = true;
}

void HttpService::stop()
{
    {
        std::lock_guard lock(d->stopLock);
        if (!d->running)
            return;
        d->running = false;
    }
    d->stopWarming = true; // between tenants: a tenant being loaded is finished first
    d->server.stop();
    if (d->listener.joinable())
        d->listener.join();
    if (d->warmer.joinable())
        d->warmer.join();
    {
        std::lock_guard lock(d->queueLock);
        d->stopWriter = true;
    }
    d->queued.notify_all();
    for (std::thread &w : d->writers)
        w.join();
    d->writers.clear();
    d->databasePool.waitForDone();
    d->stopped.notify_all();
}

void HttpService::wait()
{
    std::unique_lock lock(d->stopLock);
    d->stopped.wait(lock, [this] { return !d->running; });
}

} // namespace ke
