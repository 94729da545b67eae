// knowledge-bench http: the HTTP service under bounded load on loopback. A scratch schema with
// N search documents (100k by default) and demo investigations; `knowledgectl serve`'s
// HttpService on a free port in this process; `wrk` (Debian's) with C connections for S
// seconds on GET /search (natural-language queries) and then on POST /feedback (ratings of the
// investigations' hypotheses). Baseline, in the same run: the same queries through the same
// engine (SearchClient) in this process, on as many threads as the service has database
// threads. Afterwards every feedback the service answered 201 must be in the database.

#include "apikeys.h"
#include "bench.h"
#include "benchdocuments.h"
#include "benchsupport.h"
#include "database.h"
#include "httpservice.h"
#include "knowledgeaggregator.h"
#include "searchclient.h"
#include "searchdocuments.h"
#include "threaddatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace ke::bench {
namespace {

struct LoadFigures
{
    qint64 requests = 0;
    qint64 errors = 0; ///< non-2xx answers and socket errors
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    QString output; ///< wrk's own report, when something looks wrong
};

double toMs(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s)$"));
    const auto m = re.match(value.trimmed());
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    return unit == QLatin1String("us") ? v / 1000 : unit == QLatin1String("ms") ? v : v * 1000;
}

/// Runs wrk with `script` against `url`; its figures.
Result<LoadFigures> runWrk(const QString &url, const QString &script, int connections, int seconds)
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        return makeError(ErrorCode::NotConfigured,
                         tr("wrk is not installed — run scripts/setup (it installs Debian's wrk)"));
    QProcess p;
    p.start(wrk,
            {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections),
             QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
             QStringLiteral("--timeout"), QStringLiteral("10s"), QStringLiteral("-s"), script,
             url});
    if (!p.waitForFinished((seconds + 60) * 1000))
        return makeError(ErrorCode::Timeout, tr("wrk did not finish"));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    LoadFigures f;
    f.output = out;
    const auto grab = [&](const QString &pattern) {
        const auto m = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(out);
        return m.hasMatch() ? m.captured(1) : QString();
    };
    f.requests = grab(QStringLiteral("(\\d+) requests in")).toLongLong();
    f.perSecond = grab(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).toDouble();
    f.p50Ms = toMs(grab(QStringLiteral("^\\s+50%\\s+(\\S+)")));
    f.p99Ms = toMs(grab(QStringLiteral("^\\s+99%\\s+(\\S+)")));
    f.errors = grab(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).toLongLong();
    const auto socket
        = QRegularExpression(QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write "
                                            "(\\d+), timeout (\\d+)"))
              .match(out);
    if (socket.hasMatch())
        for (int i = 1; i <= 4; ++i)
            f.errors += socket.captured(i).toLongLong();
    if (f.requests == 0 || out.contains(QLatin1String(".lua:")))
        return makeError(ErrorCode::Io, tr("wrk measured nothing useful: %1").arg(out));
    return f;
}

/// A Lua string literal.
QString lua(const QString &s)
{
    QString e = s;
    e.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + e + QLatin1Char('"');
}

/// A wrk script that sends `requests` (method, path, body) round-robin with the key.
QString writeScript(const QString &dir, const QString &name, const QString &key,
                    const QList<std::array<QString, 3>> &requests)
{
    QString s = QStringLiteral("local requests = {\n");
    for (const auto &r : requests)
        s += QStringLiteral("  {%1, %2, %3},\n").arg(lua(r[0]), lua(r[1]), lua(r[2]));
    s += QStringLiteral(
             "}\n"
             "local headers = {[\"Authorization\"] = \"Bearer %1\", [\"Content-Type\"] = "
             "\"application/json\"}\n"
             "local i = 0\n"
             "init = function(args) i = math.random(#requests) end\n"
             "request = function()\n"
             "  i = (i % #requests) + 1\n"
             "  local r = requests[i]\n"
             "  if r[3] == \"\" then return wrk.format(r[1], r[2], headers) end\n"
             "  return wrk.format(r[1], r[2], headers, r[3])\n"
             "end\n")
             .arg(key);
    const QString path = dir + QLatin1Char('/') + name;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(s.toUtf8());
    return path;
}

/// One request on a connection of its own (closed after the answer): the whole answer.
QByteArray fetch(int port, const QByteArray &request)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!s.waitForConnected(5000))
        return {};
    s.write(request);
    QByteArray got;
    while (s.waitForReadyRead(5000))
        got += s.readAll();
    return got;
}

/// GET /metrics' count of POST /feedback answered 201.
qint64 acceptedFeedback(int port)
{
    const QByteArray got
        = fetch(port, "GET /metrics HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
    const auto m = QRegularExpression(
                       QStringLiteral("knowledge_http_requests_total\\{method=\"POST\",route=\""
                                      "/feedback\",status=\"201\"\\} (\\d+)"))
                       .match(QString::fromUtf8(got));
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

/// What the feedback load posts: a 👍 and a 👎 for every hypothesis of the first 300
/// investigations.
QList<std::array<QString, 3>> feedbackRequestsFor(const std::vector<Event> &events)
{
    QList<std::array<QString, 3>> requests;
    QSet<QUuid> targeted;
    for (const Event &e : events) {
        if (e.eventType != QLatin1String("hypothesis.generated"))
            continue;
        if (!targeted.contains(e.investigationId)) {
            if (targeted.size() >= 300)
                continue;
            targeted.insert(e.investigationId);
        }
        for (int rating : {1, -1})
            requests.append(
                {QStringLiteral("POST"), QStringLiteral("/feedback"),
                 QString::fromUtf8(
                     QJsonDocument(
                         QJsonObject{{QStringLiteral("target_type"), QStringLiteral("hypothesis")},
                                     {QStringLiteral("target_id"),
                                      e.data.value(QLatin1String("hypothesis_id")).toString()},
                                     {QStringLiteral("investigation_id"),
                                      e.investigationId.toString(QUuid::WithoutBraces)},
                                     {QStringLiteral("rating"), rating},
                                     {QStringLiteral("reason"), QStringLiteral("bench")}})
                         .toJson(QJsonDocument::Compact))});
    }
    return requests;
}

/// The search through the engine, without HTTP: searches per second and latency.
struct InProcess
{
    double perSecond = 0;
    double p50Ms = 0, p99Ms = 0;
};

/// `queries` through `searchOnce` on `threads` threads for `durationS` seconds.
Result<InProcess>
searchInProcess(const std::function<Result<SearchOutcome>(const SearchRequest &)> &searchOnce,
                const QStringList &queries, qint64 threadCount, qint64 durationS)
{
    std::atomic<qint64> done{0}, errors{0};
    std::vector<double> ms;
    std::mutex msLock;
    QString firstError;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (qint64 t = 0; t < threadCount; ++t)
        threads.emplace_back([&, t] {
            std::vector<double> mine;
            qsizetype i = qsizetype(t) * 37;
            while (wall.elapsed() < durationS * 1000) {
                SearchRequest r;
                r.text = queries.at(i++ % queries.size());
                QElapsedTimer one;
                one.start();
                auto outcome = searchOnce(r);
                mine.push_back(double(one.nsecsElapsed()) / 1e6);
                if (!outcome && ++errors == 1) {
                    std::lock_guard lock(msLock);
                    firstError = outcome.error().message;
                }
                ++done;
            }
            resetThreadDatabase();
            std::lock_guard lock(msLock);
            ms.insert(ms.end(), mine.begin(), mine.end());
        });
    for (auto &t : threads)
        t.join();
    if (errors > 0)
        return makeError(ErrorCode::Internal, tr("in-process search failed: %1").arg(firstError));
    return InProcess{double(done) / double(durationS), percentile(ms, 0.5), percentile(ms, 0.99)};
}

/// One request of each route first: a load of refusals would measure nothing.
Result<void> probeRoutes(int port, const QByteArray &auth, const QString &searchPath,
                         const QString &feedbackBody)
{
    const QByteArray probe
        = fetch(port,
                "GET " + searchPath.toUtf8() + " HTTP/1.1\r\nHost: bench\r\nConnection: close"
                    + auth + "\r\n\r\n");
    if (!probe.startsWith("HTTP/1.1 200"))
        return makeError(ErrorCode::Internal,
                         tr("GET /search answered: %1").arg(QString::fromUtf8(probe)));
    const QByteArray body = feedbackBody.toUtf8();
    const QByteArray posted
        = fetch(port,
                "POST /feedback HTTP/1.1\r\nHost: bench\r\nConnection: close\r\nContent-Type: "
                "application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + auth + "\r\n\r\n" + body);
    if (!posted.startsWith("HTTP/1.1 201"))
        return makeError(ErrorCode::Internal,
                         tr("POST /feedback answered: %1").arg(QString::fromUtf8(posted)));
    return {};
}

/// What the bench measured, for its report.
struct HttpFigures
{
    qint64 size = 0, durationS = 0, connections = 0, databaseThreads = 0;
    bool lexicalOnly = false;
    QString model;
    LoadFigures search, feedback;
    InProcess asOwner, asKey;
    qint64 accepted = 0, stored = 0;

    double overOwner() const { return asOwner.perSecond / search.perSecond - 1.0; }
    double overKey() const { return asKey.perSecond / search.perSecond - 1.0; }
    bool allCounted() const
    {
        return accepted == stored && accepted >= feedback.requests - feedback.errors;
    }
};

void printHttpReport(BenchContext &ctx, const HttpFigures &f, bool json)
{
    const double overOwner = f.overOwner(), overKey = f.overKey();
    const bool allCounted = f.allCounted();
    if (json) {
        QJsonObject o{{QStringLiteral("documents"), double(f.size)},
                      {QStringLiteral("seconds"), double(f.durationS)},
                      {QStringLiteral("connections"), double(f.connections)},
                      {QStringLiteral("db_threads"), double(f.databaseThreads)},
                      {QStringLiteral("model"), f.lexicalOnly ? QString() : f.model},
                      {QStringLiteral("search_requests"), double(f.search.requests)},
                      {QStringLiteral("search_errors"), double(f.search.errors)},
                      {QStringLiteral("search_per_s"), round3(f.search.perSecond)},
                      {QStringLiteral("search_p50_ms"), round3(f.search.p50Ms)},
                      {QStringLiteral("search_p99_ms"), round3(f.search.p99Ms)},
                      {QStringLiteral("inprocess_search_per_s"), round3(f.asOwner.perSecond)},
                      {QStringLiteral("inprocess_search_p50_ms"), round3(f.asOwner.p50Ms)},
                      {QStringLiteral("inprocess_search_p99_ms"), round3(f.asOwner.p99Ms)},
                      {QStringLiteral("inprocess_key_search_per_s"), round3(f.asKey.perSecond)},
                      {QStringLiteral("inprocess_key_search_p50_ms"), round3(f.asKey.p50Ms)},
                      {QStringLiteral("inprocess_key_search_p99_ms"), round3(f.asKey.p99Ms)},
                      {QStringLiteral("service_overhead"), round3(overOwner)},
                      {QStringLiteral("service_overhead_over_key"), round3(overKey)},
                      {QStringLiteral("feedback_requests"), double(f.feedback.requests)},
                      {QStringLiteral("feedback_errors"), double(f.feedback.errors)},
                      {QStringLiteral("feedback_per_s"), round3(f.feedback.perSecond)},
                      {QStringLiteral("feedback_p50_ms"), round3(f.feedback.p50Ms)},
                      {QStringLiteral("feedback_p99_ms"), round3(f.feedback.p99Ms)},
                      {QStringLiteral("feedback_accepted"), double(f.accepted)},
                      {QStringLiteral("feedback_stored"), double(f.stored)},
                      {QStringLiteral("feedback_all_stored"), allCounted},
                      {QStringLiteral("loadavg"), loadAverage()}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        const auto inProcessLine = [](const QString &who, const InProcess &r, double over) {
            return tr("  in-process, %1 %2 searches/s  p50 %3 ms  p99 %4 ms  (service adds %5 %)")
                .arg(who)
                .arg(r.perSecond, 0, 'f', 1)
                .arg(r.p50Ms, 0, 'f', 2)
                .arg(r.p99Ms, 0, 'f', 2)
                .arg(over * 100, 0, 'f', 1);
        };
        ctx.out << tr("HTTP service on loopback, %1 search documents, %2 connections, %3 s each, "
                      "%4 database threads; embedding model: %5")
                       .arg(f.size)
                       .arg(f.connections)
                       .arg(f.durationS)
                       .arg(f.databaseThreads)
                       .arg(f.model)
                << '\n'
                << tr("  GET /search:     %1 req/s  p50 %2 ms  p99 %3 ms  errors %4")
                       .arg(f.search.perSecond, 0, 'f', 1)
                       .arg(f.search.p50Ms, 0, 'f', 2)
                       .arg(f.search.p99Ms, 0, 'f', 2)
                       .arg(f.search.errors)
                << '\n'
                << inProcessLine(tr("owner:"), f.asOwner, overOwner) << '\n'
                << inProcessLine(tr("key:  "), f.asKey, overKey) << '\n'
                << tr("  POST /feedback:  %1 req/s  p50 %2 ms  p99 %3 ms  errors %4")
                       .arg(f.feedback.perSecond, 0, 'f', 1)
                       .arg(f.feedback.p50Ms, 0, 'f', 2)
                       .arg(f.feedback.p99Ms, 0, 'f', 2)
                       .arg(f.feedback.errors)
                << '\n'
                << tr("  feedback answered 201: %1, in the database: %2 (%3)")
                       .arg(f.accepted)
                       .arg(f.stored)
                       .arg(allCounted ? tr("all stored") : tr("MISMATCH"))
                << '\n'
                << tr("  load average: %1").arg(loadAverage()) << Qt::endl;
    }
}

/// What the searches and the feedback of the bench are made of.
struct HttpWorkload
{
    QStringList queries;
    QString model;
    QList<std::array<QString, 3>> feedbackRequests;
};

Result<HttpWorkload> loadHttpWorkload(BenchContext &ctx, Database &db, DemoSeeder &seeder,
                                      const QUuid &tenant, qint64 size, bool lexicalOnly)
{
    const QString name = db.settings().schema;
    qint64 investigations = 300;
    // The documents search looks through: by default the real way — demo investigations until
    // they make `size` documents, aggregated, then the embedding job (documents, the tenant's
    // LSA model, its vectors), so that search is hybrid as in a deployment; with --lexical,
    // generated documents copied straight into search_documents and no model (lexical only).
    // The first 300 investigations' hypotheses are the feedback's targets either way.
    std::vector<Event> events;
    if (lexicalOnly) {
        for (qint64 i = 0; i < investigations; ++i)
            seeder.appendInvestigation(i, events);
    } else {
        investigations = appendInvestigationsFor(seeder, size, events);
    }
    ctx.err << tr("loading %1 investigations (%2 events) for %3 search documents into %4…")
                   .arg(investigations)
                   .arg(events.size())
                   .arg(size)
                   .arg(name)
            << Qt::endl;
    for (Event &e : events)
        e.tenantId = tenant;
    HttpWorkload w;
    w.feedbackRequests = feedbackRequestsFor(events);
    if (auto loaded = emitAll(db, events.begin(), events.end()); !loaded)
        return loaded.error();
    SqlSession sql = SqlSession::forDatabase(db);
    QList<SearchDocument> sample;
    w.model = tr("none (lexical search)");
    if (lexicalOnly) {
        if (auto loaded = loadSearchDocuments(sql, name, tenant, size, &sample); !loaded)
            return loaded.error();
    } else {
        if (auto analyzed = analyzeEvents(db); !analyzed)
            return analyzed.error();
        if (auto agg = KnowledgeAggregator::rebuild(db); !agg)
            return agg.error();
        ctx.err << tr("the embedding job (documents, model, vectors)…") << Qt::endl;
        auto job = SearchDocuments::run(db);
        if (!job)
            return job.error();
        w.model = job->model;
        auto stored
            = sampleStoredDocuments(sql, db.table(QStringLiteral("search_documents")), tenant);
        if (!stored)
            return stored.error();
        sample = *stored;
    }
    w.queries = buildQueries(sample, 300);
    return w;
}

int runHttpBench(BenchContext &ctx)
{
    LoadOptions options{100000, 0};
    qint64 durationS = 30, connections = 32, databaseThreads = 4;
    bool lexicalOnly = false;
    if (auto parsed = parseLoadOptions(
            ctx.args, options,
            QStringLiteral("knowledge-bench http [--size N] [--seconds S] [--connections C] "
                           "[--db-threads N] [--lexical] [--keep] [--json]"),
            {{QStringLiteral("--seconds"), nullptr, &durationS},
             {QStringLiteral("--connections"), nullptr, &connections},
             {QStringLiteral("--db-threads"), nullptr, &databaseThreads},
             {QStringLiteral("--lexical"), &lexicalOnly, nullptr}});
        !parsed)
        return fail(ctx, parsed.error().message);
    const qint64 size = options.size;

    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-0000000ab77e"));
    DemoSeeder seeder(1);
    auto schema
        = demoSchema(ctx.settings, QStringLiteral("ke_bench_http_"), tenant, seeder, options.keep);
    if (!schema)
        return fail(ctx, schema.error().message);
    Database &db = (*schema)->db();

    auto workload = loadHttpWorkload(ctx, db, seeder, tenant, size, lexicalOnly);
    if (!workload)
        return fail(ctx, workload.error().message);
    const QStringList &queries = workload->queries;
    const auto &feedbackRequests = workload->feedbackRequests;

    auto key = ApiKeys::create(db, QString(), QStringLiteral("bench-http"), std::nullopt);
    if (!key)
        return fail(ctx, key.error().message);

    HttpServiceOptions serviceOptions;
    serviceOptions.port = 0;
    serviceOptions.databaseThreads = int(databaseThreads);
    ConnectionSettings serviceSettings = db.settings();
    HttpService service(serviceSettings, serviceOptions);
    auto port = service.start();
    if (!port)
        return fail(ctx, port.error().message);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    // The service loads the tenant's search index at start: measure after it has.
    {
        QElapsedTimer warm;
        warm.start();
        while (fetch(*port, "GET /health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                   .contains("\"loading\":true")
               && warm.elapsed() < 300000)
            QThread::msleep(100);
        ctx.err << tr("the service loaded the search index in %1 s")
                       .arg(double(warm.elapsed()) / 1e3, 0, 'f', 1)
                << Qt::endl;
    }

    // 1. In-process: the same queries, the same engine, as many threads as the service's
    //    database threads, for the same duration — once as the schema owner, once as the
    //    service's database threads do it (the key selected for every search), without HTTP.
    HttpFigures f{.size = size,
                  .durationS = durationS,
                  .connections = connections,
                  .databaseThreads = databaseThreads,
                  .lexicalOnly = lexicalOnly,
                  .model = workload->model,
                  .search = {},
                  .feedback = {},
                  .asOwner = {},
                  .asKey = {},
                  .accepted = 0,
                  .stored = 0};
    ctx.err << tr("in-process search as the owner, %1 threads, %2 s…")
                   .arg(databaseThreads)
                   .arg(durationS)
            << Qt::endl;
    ConnectionSettings owner = db.settings(); // as the owner, for the tenant
    owner.tenant = tenant.toString(QUuid::WithoutBraces);
    auto asOwner = searchInProcess(
        [&](const SearchRequest &r) {
            return SearchClient::search(owner, r, SearchSource::Automatic);
        },
        queries, databaseThreads, durationS);
    if (!asOwner)
        return fail(ctx, asOwner.error().message);
    f.asOwner = *asOwner;
    ctx.err << tr("in-process search through the key, %1 threads, %2 s…")
                   .arg(databaseThreads)
                   .arg(durationS)
            << Qt::endl;
    auto asKey = searchInProcess(
        [&](const SearchRequest &r) -> Result<SearchOutcome> {
            auto dbOfThread = threadDatabase(serviceSettings);
            if (!dbOfThread)
                return dbOfThread.error();
            if (auto selected = ApiKeys::select(**dbOfThread, key->secret); !selected)
                return selected.error();
            return SearchClient::search(serviceSettings, r, SearchSource::Automatic);
        },
        queries, databaseThreads, durationS);
    if (!asKey)
        return fail(ctx, asKey.error().message);
    f.asKey = *asKey;

    // 2. GET /search over HTTP.
    QTemporaryDir scripts;
    QList<std::array<QString, 3>> searchRequests;
    for (const QString &q : queries)
        searchRequests.append({QStringLiteral("GET"),
                               QStringLiteral("/search?limit=10&q=")
                                   + QString::fromLatin1(QUrl::toPercentEncoding(q)),
                               QString()});
    const QByteArray auth = "\r\nAuthorization: Bearer " + key->secret.toUtf8();
    if (auto probed
        = probeRoutes(*port, auth, searchRequests.first()[1], feedbackRequests.first()[2]);
        !probed)
        return fail(ctx, probed.error().message);
    ctx.err << tr("GET /search, %1 connections, %2 s…").arg(connections).arg(durationS) << Qt::endl;
    auto search = runWrk(
        url, writeScript(scripts.path(), QStringLiteral("search.lua"), key->secret, searchRequests),
        int(connections), int(durationS));
    if (!search)
        return fail(ctx, search.error().message);
    f.search = *search;

    // 3. POST /feedback over HTTP; then count what the database holds.
    SqlSession sql = SqlSession::forDatabase(db);
    const auto countFeedback = [&]() -> qint64 {
        auto n = sql.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE event_type LIKE "
                                           "'feedback.%' AND actor_id = $1")
                                .arg(db.eventsTable()),
                            {key->key.personId});
        return n ? n->toLongLong() : -1;
    };
    const qint64 feedbackBefore = countFeedback();
    const qint64 acceptedBefore = acceptedFeedback(*port); // the probe's
    ctx.err << tr("POST /feedback, %1 connections, %2 s…").arg(connections).arg(durationS)
            << Qt::endl;
    auto feedback = runWrk(
        url,
        writeScript(scripts.path(), QStringLiteral("feedback.lua"), key->secret, feedbackRequests),
        int(connections), int(durationS));
    if (!feedback)
        return fail(ctx, feedback.error().message);
    f.feedback = *feedback;
    QThread::msleep(500); // requests wrk gave up on at its deadline finish
    f.accepted = acceptedFeedback(*port) - acceptedBefore;
    f.stored = countFeedback() - feedbackBefore;
    service.stop();

    printHttpReport(ctx, f, options.json);
    return f.search.errors == 0 && f.feedback.errors == 0 && f.allCounted() ? 0 : 1;
}

BenchmarkRegistrar registrar{
    {QStringLiteral("http"),
     QStringLiteral("the HTTP service under load: GET /search and POST /feedback with wrk vs "
                    "in-process [--size N] [--seconds S] [--json]"),
     runHttpBench}};

} // namespace
} // namespace ke::bench
