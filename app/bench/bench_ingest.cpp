// knowledge-bench ingest: EventLog::emitBatch and EventLog::emit against `psql \copy` of the
// same rows, each into a fresh, fully indexed throwaway schema, in the same run.

#include "bench.h"
#include "benchsupport.h"
#include "database.h"
#include "demoseeder.h"
#include "eventlog.h"
#include "migrator.h"
#include "scratchschema.h"
#include "sqlsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace ke::bench {
namespace {

/// Appends `s` to a COPY text-format field, escaped.
void appendCopyField(QByteArray &line, const QByteArray &s)
{
    for (const char c : s) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        case '\t':
            line += "\\t";
            break;
        default:
            line += c;
        }
    }
}

void appendUuid(QByteArray &line, const QUuid &id)
{
    if (id.isNull())
        line += "\\N";
    else
        line += id.toByteArray(QUuid::WithoutBraces);
}

/// Writes `events` as a COPY text file (the psql \\copy baseline's input), on disk before
/// anything is timed: the kernel's write-back of this file must not compete with the server's
/// WAL writes during the first load.
Result<void> writeCopyFile(const QString &copyFile, const std::vector<Event> &events,
                           const QUuid &tenant)
{
    QFile f(copyFile);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(copyFile, f.errorString()));
    const QByteArray tenantText = tenant.toByteArray(QUuid::WithoutBraces);
    QByteArray line;
    for (const Event &e : events) {
        line.clear();
        appendUuid(line, e.id);
        line += '\t';
        line += tenantText;
        line += '\t';
        appendUuid(line, e.investigationId);
        line += '\t';
        appendUuid(line, e.datasetId);
        line += '\t';
        appendCopyField(line, e.eventType.toUtf8());
        line += '\t';
        appendCopyField(line, QJsonDocument(e.data).toJson(QJsonDocument::Compact));
        line += '\t';
        appendUuid(line, e.actorId);
        line += '\t';
        line += e.actorType.toUtf8();
        line += '\t';
        line += e.createdAt.toString(Qt::ISODateWithMs).toUtf8();
        line += '\n';
        f.write(line);
    }
    // On disk before anything is timed: the kernel's write-back of this file must not
    // compete with the server's WAL writes during the first load.
    f.flush();
    ::fsync(f.handle());
    return {};
}

/// The loads the ingest bench times: the same events through psql \\copy and through
/// EventLog::emitBatch, each into its own scratch schema; then single emits.
struct IngestLoads
{
    const ConnectionSettings &settings;
    const QUuid tenant;
    const QString copyFile;
    const std::vector<Event> &events;
    std::vector<Event> &singleEvents; ///< emit() stamps them
    const qint64 size;
    const qint64 batchSize;
    const qint64 singles;
    std::vector<double> copyClientCpu, batchClientCpu; ///< CPU s of psql / of this process

    Result<double> copy(ScratchSchema &schema);
    Result<double> batch(ScratchSchema &schema);
    Result<std::vector<double>> singleEmits(ScratchSchema &schema, size_t from, bool durable);
};

Result<double> IngestLoads::copy(ScratchSchema &schema)
{
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGOPTIONS"),
               QStringLiteral("-c knowledge.tenant_id=") + tenant.toString(QUuid::WithoutBraces));
    psql.setProcessEnvironment(env);
    QStringList args{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                     QStringLiteral("ON_ERROR_STOP=1")};
    if (!settings.databaseUrl.isEmpty())
        args << QStringLiteral("-d") << settings.databaseUrl;
    args << QStringLiteral("-c")
         << QStringLiteral("\\copy %1 (id, tenant_id, investigation_id, dataset_id, event_type, "
                           "event_data, actor_id, actor_type, created_at) FROM '%2'")
                .arg(schema.db().eventsTable(), copyFile);
    QElapsedTimer t;
    const double cpuBefore = childrenCpuSeconds();
    t.start();
    psql.start(QStringLiteral("psql"), args);
    if (!psql.waitForFinished(-1) || psql.exitStatus() != QProcess::NormalExit
        || psql.exitCode() != 0)
        return makeError(
            ErrorCode::Copy,
            tr("psql \\copy failed (is psql installed and on PATH?): %1 %2")
                .arg(psql.errorString(), QString::fromUtf8(psql.readAllStandardError())));
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    copyClientCpu.push_back(childrenCpuSeconds() - cpuBefore);
    if (schema.count() != size)
        return makeError(
            ErrorCode::Copy,
            tr("psql \\copy loaded %1 rows, expected %2").arg(schema.count()).arg(size));
    return seconds;
}

Result<double> IngestLoads::batch(ScratchSchema &schema)
{
    EventLog log(schema.db());
    QElapsedTimer t;
    const double cpuBefore = processCpuSeconds();
    t.start();
    qint64 written = 0;
    for (qint64 at = 0; at < size; at += batchSize) {
        const qint64 end = std::min(size, at + batchSize);
        std::vector<Event> batch(events.begin() + at, events.begin() + end);
        auto w = log.emitBatch(batch);
        if (!w)
            return w.error();
        written += *w;
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    batchClientCpu.push_back(processCpuSeconds() - cpuBefore);
    if (written != size || schema.count() != size)
        return makeError(ErrorCode::Batch,
                         tr("emitBatch wrote %1 events, expected %2").arg(written).arg(size));
    return seconds;
}

Result<std::vector<double>> IngestLoads::singleEmits(ScratchSchema &schema, size_t from,
                                                     bool durable)
{
    EventLog log(schema.db());
    EmitOptions options;
    options.asynchronousCommit = !durable;
    std::vector<double> latencies;
    latencies.reserve(size_t(singles));
    QElapsedTimer t;
    for (size_t i = from; i < from + size_t(singles); ++i) {
        t.restart();
        auto w = log.emit(singleEvents[i], options);
        latencies.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!w)
            return w.error();
    }
    return latencies;
}

/// Every timed load starts from a clean buffer cache: a CHECKPOINT writes the previous load's
/// dirty pages first, so neither side pays for the other's (superuser only; without the right
/// the loads simply run without it).
void checkpoint(ScratchSchema &schema)
{
    (void)SqlSession::forDatabase(schema.db()).exec(QStringLiteral("CHECKPOINT"));
}

/// The medians over the rounds, and the single emits of the last one.
struct IngestFigures
{
    std::vector<double> copySeconds, batchSeconds, ratios;
    std::vector<double> durable, async;
};

/// Rounds alternate the order (copy first, then batch first) so that neither side always
/// meets a warmer cache or a busier machine; the figures are medians over the rounds.
Result<IngestFigures> ingestRounds(BenchContext &ctx, IngestLoads &loads, int rounds)
{
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    IngestFigures f;
    for (int round = 0; round < rounds; ++round) {
        auto copySchema = ScratchSchema::create(
            loads.settings, QStringLiteral("ke_bench_copy_") + suffix, loads.tenant);
        if (!copySchema)
            return copySchema.error();
        auto batchSchema = ScratchSchema::create(
            loads.settings, QStringLiteral("ke_bench_ingest_") + suffix, loads.tenant);
        if (!batchSchema)
            return batchSchema.error();
        ctx.err << tr("round %1 of %2: psql \\copy and EventLog::emitBatch (batches of %3) of %4 "
                      "events…")
                       .arg(round + 1)
                       .arg(rounds)
                       .arg(loads.batchSize)
                       .arg(loads.size)
                << Qt::endl;
        Result<double> c = 0.0, b = 0.0;
        auto copy = [&]() {
            checkpoint(**copySchema);
            return loads.copy(**copySchema);
        };
        auto batch = [&]() {
            checkpoint(**batchSchema);
            return loads.batch(**batchSchema);
        };
        if (round % 2 == 0) {
            c = copy();
            b = c ? batch() : c;
        } else {
            b = batch();
            c = b ? copy() : b;
        }
        if (!c)
            return c.error();
        if (!b)
            return b.error();
        f.copySeconds.push_back(*c);
        f.batchSeconds.push_back(*b);
        f.ratios.push_back(*c / *b);
        if (round == rounds - 1) {
            // Single emits into the now-full table: durable commits (the default), then with
            // EmitOptions::asynchronousCommit to show what the WAL flush to disk costs.
            ctx.err << tr("EventLog::emit of %1 single events, twice…").arg(loads.singles)
                    << Qt::endl;
            auto d = loads.singleEmits(**batchSchema, 0, true);
            if (!d)
                return d.error();
            auto a = loads.singleEmits(**batchSchema, size_t(loads.singles), false);
            if (!a)
                return a.error();
            f.durable = std::move(*d);
            f.async = std::move(*a);
        }
    }
    return f;
}

int runIngest(BenchContext &ctx)
{
    qint64 size = 200000, batchSize = 10000, singles = 2000, rounds = 3;
    bool json = false;
    if (auto parsed = parseOptions(ctx.args,
                                   {{QStringLiteral("--json"), &json},
                                    {QStringLiteral("--size"), nullptr, &size},
                                    {QStringLiteral("--batch"), nullptr, &batchSize},
                                    {QStringLiteral("--singles"), nullptr, &singles},
                                    {QStringLiteral("--rounds"), nullptr, &rounds}},
                                   QStringLiteral("knowledge-bench ingest [--size N] [--batch N] "
                                                  "[--singles N] [--rounds N] [--json]"));
        !parsed)
        return fail(ctx, parsed.error().message);

    // The same demo events for every load, all in one tenant.
    ctx.err << tr("generating %1 events…").arg(size) << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    DemoSeeder seeder(1);
    std::vector<Event> events;
    events.reserve(size_t(size + 2 * singles + 200));
    qint64 investigations = 0;
    while (qint64(events.size()) < size + 2 * singles)
        seeder.appendInvestigation(investigations++, events);
    std::vector<Event> singleEvents(std::make_move_iterator(events.begin() + size),
                                    std::make_move_iterator(events.begin() + size + 2 * singles));
    events.resize(size_t(size));
    const double generateS = double(timer.nsecsElapsed()) / 1e9;

    // The COPY text file for the baseline; the tenant column is rewritten per schema by
    // giving every schema's bench tenant the same id.
    const QUuid tenant = QUuid::fromString(QStringLiteral("0190c0de-0000-7000-8000-00000000be9c"));
    for (Event &e : events)
        e.tenantId = tenant;
    for (Event &e : singleEvents)
        e.tenantId = tenant;
    QTemporaryDir tmp;
    const QString copyFile = tmp.filePath(QStringLiteral("events.copy"));
    if (auto written = writeCopyFile(copyFile, events, tenant); !written)
        return fail(ctx, written.error().message);
    IngestLoads loads{ctx.settings, tenant,    copyFile, events, singleEvents,
                      size,         batchSize, singles,  {},     {}};
    auto figures = ingestRounds(ctx, loads, int(rounds));
    if (!figures)
        return fail(ctx, figures.error().message);
    const auto &[copySeconds, batchSeconds, ratios, durable, async] = *figures;
    const auto &batchClientCpu = loads.batchClientCpu;
    const auto &copyClientCpu = loads.copyClientCpu;

    const double batchS = percentile(batchSeconds, 0.5);
    const double copyS = percentile(copySeconds, 0.5);
    const double batchRate = double(size) / batchS;
    const double copyRate = double(size) / copyS;
    const double ratio = percentile(ratios, 0.5);
    const double p50 = percentile(durable, 0.50);
    const double p95 = percentile(durable, 0.95);
    const double asyncP50 = percentile(async, 0.50);
    const double asyncP95 = percentile(async, 0.95);
    auto rates = [&](const std::vector<double> &seconds) {
        QJsonArray a;
        for (double s : seconds)
            a.append(std::round(double(size) / s));
        return a;
    };
    if (json) {
        const QJsonObject o{
            {QStringLiteral("events"), double(size)},
            {QStringLiteral("investigations"), double(investigations)},
            {QStringLiteral("rounds"), rounds},
            {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("batch_events_per_s"), std::round(batchRate)},
            {QStringLiteral("batch_events_per_s_rounds"), rates(batchSeconds)},
            {QStringLiteral("copy_baseline_events_per_s"), std::round(copyRate)},
            {QStringLiteral("copy_baseline_events_per_s_rounds"), rates(copySeconds)},
            {QStringLiteral("ratio_to_copy"), std::round(ratio * 1000) / 1000},
            {QStringLiteral("single_emits"), singles},
            {QStringLiteral("single_emit_p50_ms"), p50},
            {QStringLiteral("single_emit_p95_ms"), p95},
            {QStringLiteral("single_emit_async_commit_p50_ms"), asyncP50},
            {QStringLiteral("single_emit_async_commit_p95_ms"), asyncP95},
            {QStringLiteral("generate_seconds"), generateS}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out
            << tr("ingest of %1 demo events (%2 investigations, generated in %3 s), all indexes "
                  "in place, median of %4 rounds")
                   .arg(size)
                   .arg(investigations)
                   .arg(generateS, 0, 'f', 2)
                   .arg(rounds)
            << '\n'
            << tr("  emitBatch (batches of %1):  %2 events/s (%3 s)")
                   .arg(batchSize)
                   .arg(batchRate, 0, 'f', 0)
                   .arg(batchS, 0, 'f', 2)
            << '\n'
            << tr("  psql \\copy baseline:        %1 events/s (%2 s)")
                   .arg(copyRate, 0, 'f', 0)
                   .arg(copyS, 0, 'f', 2)
            << '\n'
            << tr("  ratio to \\copy:             %1").arg(ratio, 0, 'f', 3) << '\n'
            << tr("  client CPU: emitBatch %1 s, psql %2 s")
                   .arg(percentile(batchClientCpu, 0.5), 0, 'f', 2)
                   .arg(percentile(copyClientCpu, 0.5), 0, 'f', 2)
            << '\n'
            << tr("  single emit (%1, durable):  p50 %2 ms, p95 %3 ms")
                   .arg(singles)
                   .arg(p50, 0, 'f', 3)
                   .arg(p95, 0, 'f', 3)
            << '\n'
            << tr("  single emit (async commit): p50 %1 ms, p95 %2 ms")
                   .arg(asyncP50, 0, 'f', 3)
                   .arg(asyncP95, 0, 'f', 3)
            << Qt::endl;
    }
    return 0;
}

BenchmarkRegistrar registrar{
    {QStringLiteral("ingest"),
     QStringLiteral("EventLog emit/emitBatch vs psql \\copy [--size N] [--json]"), runIngest}};

} // namespace
} // namespace ke::bench
