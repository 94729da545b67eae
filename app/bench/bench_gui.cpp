// knowledge-bench gui: what a person waits for in the window, measured from the event that
// starts the work to the frame that shows the result, on data it makes itself — a dataset of
// 100,000 events in a scratch schema and an offline cache of 100,000 search documents:
//   knowledge_tab_ms  choosing the big dataset (Knowledge tab open) → its page painted;
//   search_typing_ms  the typing pause over (the search starts) → the results painted,
//                     from the offline cache;
//   startup_ms        `knowledge-explorer` started (cache on disk, warm database) → the first
//                     painted dataset page.
// Each beside its baseline from the same run: the core read alone (BrowseClient::knowledge,
// SearchClient::search offline) and the process start of `knowledge-explorer --help`.

#include "bench.h"
#include "benchdocuments.h"
#include "benchsupport.h"
#include "browseclient.h"
#include "datasetlistmodel.h"
#include "demoseeder.h"
#include "knowledgeaggregator.h"
#include "knowledgeview.h"
#include "mainwindow.h"
#include "offlinecache.h"
#include "searchclient.h"
#include "searchview.h"
#include "sqlsession.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

namespace ke::bench {
namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

bool waitSettled(MainWindow &w, int timeoutMs = 60000)
{
    QTest::qWait(1);
    return QTest::qWaitFor([&w]() { return w.pendingRequests() == 0; }, timeoutMs);
}

/// `knowledge-explorer` next to this benchmark.
QString explorerPath()
{
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("knowledge-explorer"));
}

/// Wall time from starting `args` to the line "first page painted" on its stderr (or to its
/// exit when `untilExit`), in ms; negative when it failed.
double timeProcess(const QStringList &args, bool untilExit, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    double at = -1;
    QElapsedTimer t;
    QByteArray seen;
    QObject::connect(&p, &QProcess::readyReadStandardError, [&]() {
        seen += p.readAllStandardError();
        if (at < 0 && seen.contains("first page painted"))
            at = msSince(t);
    });
    t.start();
    p.start(explorerPath(), args);
    if (!p.waitForStarted(10000))
        return -1;
    while (p.state() != QProcess::NotRunning && (untilExit || at < 0))
        p.waitForFinished(20);
    if (untilExit)
        at = p.exitCode() == 0 ? msSince(t) : -1;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
    }
    return at;
}

/// Whole demo investigations of one tenant, every event of theirs moved to the dataset they
/// name most often (`busy`), after the catalogue's events.
std::vector<Event> busyDatasetEvents(DemoSeeder &seeder, const QUuid &tenant, qint64 events,
                                     QUuid &busy)
{
    std::vector<Event> all;
    all.reserve(size_t(events + 200));
    seeder.appendCatalogEvents(all);
    const size_t catalog = all.size();
    qint64 investigations = 0;
    while (qint64(all.size() - catalog) < events)
        seeder.appendInvestigation(investigations++, all);
    std::map<QString, int> named;
    for (const Event &e : all)
        if (!e.datasetId.isNull())
            ++named[e.datasetId.toString()];
    const auto busiest = std::max_element(named.begin(), named.end(),
                                          [](auto &a, auto &b) { return a.second < b.second; });
    busy = QUuid::fromString(busiest->first);
    for (size_t i = 0; i < all.size(); ++i) {
        all[i].tenantId = tenant;
        if (i >= catalog) // every event of the investigations: the busy dataset's
            all[i].datasetId = busy;
    }
    return all;
}

/// The core reads alone (the pool thread's connection warm): the busy dataset's knowledge
/// and offline searches, `runs` of each after one to warm up, in ms.
Result<void> timeCoreReads(const ConnectionSettings &settings, const QString &busyId,
                           const QStringList &queries, qint64 runs, std::vector<double> &readMs,
                           std::vector<double> &searchMs)
{
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        auto k = BrowseClient::knowledge(settings, busyId, ReadSource::Automatic);
        if (!k)
            return k.error();
        if (i > 0)
            readMs.push_back(msSince(t));
        SearchRequest request;
        request.text = queries.at(i % queries.size());
        request.limit = 50;
        t.restart();
        auto s = SearchClient::search(settings, request, SearchSource::Offline);
        if (!s)
            return s.error();
        if (i > 0)
            searchMs.push_back(msSince(t));
    }
    return {};
}

/// From choosing the busy dataset in the window's list to its painted Knowledge tab, `runs`
/// times after one to warm up (another dataset chosen between), in ms.
Result<std::vector<double>> timeKnowledgeTab(MainWindow &w, const QUuid &busy, qint64 runs)
{
    auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
    if (!list || !tabs || list->model()->rowCount() < 2)
        return makeError(ErrorCode::Internal, tr("the window shows fewer than two datasets"));
    int busyRow = -1;
    int otherRow = -1;
    for (int r = 0; r < list->model()->rowCount(); ++r) {
        const QString name = list->model()->index(r, 0).data(DatasetListModel::NameRole).toString();
        const bool isBusy
            = list->model()->index(r, 0).data(DatasetListModel::IdRole).toUuid() == busy;
        if (isBusy)
            busyRow = r;
        else if (otherRow < 0 && !name.isEmpty())
            otherRow = r;
    }
    if (busyRow < 0 || otherRow < 0)
        return makeError(ErrorCode::Internal, tr("the busy dataset is not in the window's list"));

    w.showView(QStringLiteral("knowledge"));
    auto *knowledge = w.findChild<KnowledgeView *>();
    if (!knowledge)
        return makeError(ErrorCode::Internal, tr("the window has no Knowledge tab"));
    std::vector<double> tabMs;
    for (int i = 0; i < runs + 1; ++i) {
        list->setCurrentIndex(list->model()->index(otherRow, 0));
        if (!waitSettled(w))
            return makeError(ErrorCode::Internal, tr("the window did not settle"));
        // Until the Knowledge tab has its page (the other tabs load beside it).
        double shown = -1;
        QElapsedTimer t;
        auto conn = QObject::connect(knowledge, &KnowledgeView::settled, knowledge, [&]() {
            if (shown < 0 && knowledge->pendingRequests() == 0) {
                knowledge->repaint(); // the frame that shows it
                shown = msSince(t);
            }
        });
        t.start();
        list->setCurrentIndex(list->model()->index(busyRow, 0));
        const bool arrived = QTest::qWaitFor([&shown]() { return shown >= 0; }, 60000);
        QObject::disconnect(conn);
        if (!arrived)
            return makeError(ErrorCode::Internal, tr("the knowledge did not arrive"));
        if (i > 0)
            tabMs.push_back(shown);
        if (!waitSettled(w))
            return makeError(ErrorCode::Internal, tr("the window did not settle"));
    }
    return tabMs;
}

/// The search: the moment the typing pause is over, the search starts; until its results are
/// painted. From the offline cache (the same documents as the baseline).
Result<std::vector<double>> timeSearchView(MainWindow &w, const QStringList &queries, qint64 runs)
{
    auto *search = w.findChild<SearchView *>();
    if (!search)
        return makeError(ErrorCode::Internal, tr("the window has no search view"));
    if (auto *offline = search->findChild<QCheckBox *>())
        offline->setChecked(true);
    w.showView(QStringLiteral("search"));
    std::vector<double> typingMs;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        search->search(queries.at(i % queries.size()));
        if (!QTest::qWaitFor([search]() { return !search->isBusy(); }, 60000))
            return makeError(ErrorCode::Internal, tr("the search did not answer"));
        w.repaint();
        if (i > 0)
            typingMs.push_back(msSince(t));
    }
    return typingMs;
}

/// Start to the first painted page, the cache on disk; against the process start alone (the
/// second list).
Result<std::pair<std::vector<double>, std::vector<double>>>
timeStartup(const ConnectionSettings &settings, const QString &busyId, const QString &shot,
            qint64 runs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KE_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
    const QStringList startArgs{QStringLiteral("--database"),   settings.databaseUrl,
                                QStringLiteral("--schema"),     settings.schema,
                                QStringLiteral("--tenant"),     settings.tenant,
                                QStringLiteral("--dataset"),    busyId,
                                QStringLiteral("--view"),       QStringLiteral("knowledge"),
                                QStringLiteral("--screenshot"), shot};
    std::vector<double> startMs;
    std::vector<double> bareMs;
    for (int i = 0; i < runs; ++i) {
        const double started = timeProcess(startArgs, false, env);
        if (started < 0)
            return makeError(ErrorCode::Internal,
                             tr("knowledge-explorer did not report its first painted page"));
        startMs.push_back(started);
        const double bare = timeProcess({QStringLiteral("--help")}, true, env);
        if (bare >= 0)
            bareMs.push_back(bare);
    }
    return std::pair{startMs, bareMs};
}

int runGui(BenchContext &ctx)
{
    qint64 events = 100000;
    qint64 documents = 100000;
    qint64 runs = 5;
    bool keep = false;
    bool json = false;
    if (auto parsed = parseOptions(ctx.args,
                                   {{QStringLiteral("--events"), nullptr, &events},
                                    {QStringLiteral("--documents"), nullptr, &documents},
                                    {QStringLiteral("--runs"), nullptr, &runs},
                                    {QStringLiteral("--keep"), &keep, nullptr},
                                    {QStringLiteral("--json"), &json, nullptr}},
                                   QStringLiteral("knowledge-bench gui [--events N] [--documents "
                                                  "N] [--runs N] [--keep] [--json]"));
        !parsed)
        return fail(ctx, parsed.error().message);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(ctx,
                    tr("the gui benchmark needs a window system (QT_QPA_PLATFORM=offscreen "
                       "works)"));

    // One busy dataset: whole demo investigations of one tenant, every event of theirs moved
    // to the dataset they name most often.
    ctx.err << tr("generating %1 events of one dataset…").arg(events) << Qt::endl;
    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-00000000b6a1"));
    DemoSeeder seeder(7);
    QUuid busy;
    std::vector<Event> all = busyDatasetEvents(seeder, tenant, events, busy);
    auto schema = demoSchema(ctx.settings, QStringLiteral("ke_bench_gui_"), tenant, seeder, keep);
    if (!schema)
        return fail(ctx, schema.error().message);
    Database &db = (*schema)->db();
    ctx.err << tr("loading and aggregating %1 events…").arg(all.size()) << Qt::endl;
    if (auto loaded = loadEvents(db, all.begin(), all.end()); !loaded)
        return fail(ctx, loaded.error().message);
    if (auto built = KnowledgeAggregator::rebuild(db); !built)
        return fail(ctx, built.error().message);
    auto counted = SqlSession::forDatabase(db).scalar(
        QStringLiteral("SELECT count(*) FROM %1 WHERE dataset_id = $1").arg(db.eventsTable()),
        {busy});
    const qint64 busyEvents = counted ? counted->toLongLong() : -1;

    // The offline cache of `documents` search documents, in a directory of this run.
    QTemporaryDir cacheRoot;
    qputenv("KNOWLEDGE_CACHE_DIR", cacheRoot.path().toUtf8());
    ctx.err << tr("loading %1 search documents and syncing the offline cache…").arg(documents)
            << Qt::endl;
    {
        SqlSession sql = SqlSession::forDatabase(db);
        QList<SearchDocument> sample;
        if (auto docs = loadSearchDocuments(sql, db.settings().schema, tenant, documents, &sample);
            !docs)
            return fail(ctx, docs.error().message);
        auto cache = OfflineCache::openForSync(db);
        if (!cache)
            return fail(ctx, cache.error().message);
        if (auto synced = (*cache)->sync(db); !synced)
            return fail(ctx, synced.error().message);
    }
    const QStringList queries{QStringLiteral("row count dropped"), QStringLiteral("schema drift"),
                              QStringLiteral("null rate of session id"),
                              QStringLiteral("late partition"),
                              QStringLiteral("duplicate keys after backfill")};

    ConnectionSettings settings = (*schema)->settings();
    settings.tenant = tenant.toString(QUuid::WithoutBraces);
    settings.interactive = true;
    const QString busyId = busy.toString(QUuid::WithoutBraces);

    std::vector<double> readMs, searchMs;
    if (auto timed = timeCoreReads(settings, busyId, queries, runs, readMs, searchMs); !timed)
        return fail(ctx, timed.error().message);

    // The window.
    MainWindow w(settings);
    w.resize(1280, 820);
    w.show();
    if (!waitSettled(w))
        return fail(ctx, tr("the window did not settle within a minute"));
    auto tabMs = timeKnowledgeTab(w, busy, runs);
    if (!tabMs)
        return fail(ctx, tabMs.error().message);
    auto typingMs = timeSearchView(w, queries, runs);
    if (!typingMs)
        return fail(ctx, typingMs.error().message);
    auto started
        = timeStartup(settings, busyId, cacheRoot.filePath(QStringLiteral("startup.png")), runs);
    if (!started)
        return fail(ctx, started.error().message);

    const double tab = percentile(*tabMs, 0.5);
    const double read = percentile(readMs, 0.5);
    const double typing = percentile(*typingMs, 0.5);
    const double searchCore = percentile(searchMs, 0.5);
    const double startup = percentile(started->first, 0.5);
    const double bare = percentile(started->second, 0.5);
    if (json) {
        const QJsonObject o{
            {QStringLiteral("events"), qint64(all.size())},
            {QStringLiteral("dataset_events"), busyEvents},
            {QStringLiteral("documents"), documents},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("knowledge_tab_ms"), tab},
            {QStringLiteral("knowledge_read_ms"), read},
            {QStringLiteral("search_typing_ms"), typing},
            {QStringLiteral("search_core_ms"), searchCore},
            {QStringLiteral("startup_ms"), startup},
            {QStringLiteral("process_start_ms"), bare},
            {QStringLiteral("load"), loadAverage()},
        };
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    ctx.out << tr("dataset of %1 events (%2 in all), offline cache of %3 documents, median of %4 "
                  "runs, load %5")
                   .arg(busyEvents)
                   .arg(all.size())
                   .arg(documents)
                   .arg(runs)
                   .arg(loadAverage())
            << Qt::endl;
    ctx.out << tr("knowledge tab: %1 ms to the painted page (the read alone %2 ms: %3×)")
                   .arg(tab, 0, 'f', 1)
                   .arg(read, 0, 'f', 1)
                   .arg(ratio(tab, read), 0, 'f', 2)
            << Qt::endl;
    ctx.out << tr("search: %1 ms from the typing pause to the painted results (the search alone "
                  "%2 ms: %3×)")
                   .arg(typing, 0, 'f', 1)
                   .arg(searchCore, 0, 'f', 1)
                   .arg(ratio(typing, searchCore), 0, 'f', 2)
            << Qt::endl;
    ctx.out << tr("start: %1 ms to the first painted dataset page (the process start with "
                  "--help %2 ms: %3×)")
                   .arg(startup, 0, 'f', 0)
                   .arg(bare, 0, 'f', 0)
                   .arg(ratio(startup, bare), 0, 'f', 2)
            << Qt::endl;
    return 0;
}

const BenchmarkRegistrar registrar{
    {QStringLiteral("gui"),
     QStringLiteral("the window: Knowledge tab, search after typing, start to first page"),
     runGui}};

} // namespace
} // namespace ke::bench
