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

/// CPU seconds (user + system) used so far by this process, or by its finished children.
double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int runIngest(BenchContext &ctx)
{
    qint64 size = 200000;
    int batchSize = 10000;
    int singles = 2000;
    int rounds = 3;
    bool json = false;
    for (qsizetype i = 0; i < ctx.args.size(); ++i) {
        const QString a = ctx.args.at(i);
        auto value = [&]() { return i + 1 < ctx.args.size() ? ctx.args.at(++i) : QString(); };
        bool ok = true;
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--size"))
            size = value().toLongLong(&ok);
        else if (a == QLatin1String("--batch"))
            batchSize = value().toInt(&ok);
        else if (a == QLatin1String("--singles"))
            singles = value().toInt(&ok);
        else if (a == QLatin1String("--rounds"))
            rounds = value().toInt(&ok);
        else
            return fail(ctx,
                        tr("unknown argument '%1' — usage: knowledge-bench ingest [--size N] "
                           "[--batch N] [--singles N] [--rounds N] [--json]")
                            .arg(a));
        if (!ok || size < 1 || batchSize < 1 || singles < 1 || rounds < 1)
            return fail(ctx, tr("%1 needs a positive whole number").arg(a));
    }

    const QString suffix = QString::number(QCoreApplication::applicationPid());

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
    {
        QFile f(copyFile);
        if (!f.open(QIODevice::WriteOnly))
            return fail(ctx, tr("cannot write %1: %2").arg(copyFile, f.errorString()));
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
    }
    // Every timed load starts from a clean buffer cache: a CHECKPOINT writes the previous
    // load's dirty pages first, so neither side pays for the other's (superuser only; without
    // the right the loads simply run without it).
    auto checkpoint = [&](ScratchSchema &schema) {
        (void)SqlSession::forDatabase(schema.db()).exec(QStringLiteral("CHECKPOINT"));
    };

    std::vector<double> copyClientCpu, batchClientCpu; // CPU s of psql / of this process
    auto runCopy = [&](ScratchSchema &schema) -> Result<double> {
        QProcess psql;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGOPTIONS"),
                   QStringLiteral("-c knowledge.tenant_id=")
                       + tenant.toString(QUuid::WithoutBraces));
        psql.setProcessEnvironment(env);
        QStringList args{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                         QStringLiteral("ON_ERROR_STOP=1")};
        if (!ctx.settings.databaseUrl.isEmpty())
            args << QStringLiteral("-d") << ctx.settings.databaseUrl;
        args << QStringLiteral("-c")
             << QStringLiteral(
                    "\\copy %1 (id, tenant_id, investigation_id, dataset_id, event_type, "
                    "event_data, actor_id, actor_type, created_at) FROM '%2'")
                    .arg(schema.db().eventsTable(), copyFile);
        QElapsedTimer t;
        const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
        t.start();
        psql.start(QStringLiteral("psql"), args);
        if (!psql.waitForFinished(-1) || psql.exitStatus() != QProcess::NormalExit
            || psql.exitCode() != 0)
            return makeError(
                ErrorCode::Copy,
                tr("psql \\copy failed (is psql installed and on PATH?): %1 %2")
                    .arg(psql.errorString(), QString::fromUtf8(psql.readAllStandardError())));
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        copyClientCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - cpuBefore);
        if (schema.count() != size)
            return makeError(
                ErrorCode::Copy,
                tr("psql \\copy loaded %1 rows, expected %2").arg(schema.count()).arg(size));
        return seconds;
    };
    auto runBatch = [&](ScratchSchema &schema) -> Result<double> {
        EventLog log(schema.db());
        QElapsedTimer t;
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
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
        batchClientCpu.push_back(cpuSeconds(RUSAGE_SELF) - cpuBefore);
        if (written != size || schema.count() != size)
            return makeError(ErrorCode::Batch,
                             tr("emitBatch wrote %1 events, expected %2").arg(written).arg(size));
        return seconds;
    };
    auto runSingles
        = [&](ScratchSchema &schema, size_t from, bool durable) -> Result<std::vector<double>> {
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
    };

    // Rounds alternate the order (copy first, then batch first) so that neither side always
    // meets a warmer cache or a busier machine; the figures are medians over the rounds.
    std::vector<double> copySeconds, batchSeconds, ratios;
    std::vector<double> durable, async;
    for (int round = 0; round < rounds; ++round) {
        auto copySchema = ScratchSchema::create(ctx.settings,
                                                QStringLiteral("ke_bench_copy_") + suffix, tenant);
        if (!copySchema)
            return fail(ctx, copySchema.error().message);
        auto batchSchema = ScratchSchema::create(
            ctx.settings, QStringLiteral("ke_bench_ingest_") + suffix, tenant);
        if (!batchSchema)
            return fail(ctx, batchSchema.error().message);
        ctx.err << tr("round %1 of %2: psql \\copy and EventLog::emitBatch (batches of %3) of %4 "
                      "events…")
                       .arg(round + 1)
                       .arg(rounds)
                       .arg(batchSize)
                       .arg(size)
                << Qt::endl;
        Result<double> c = 0.0, b = 0.0;
        auto copy = [&]() {
            checkpoint(**copySchema);
            return runCopy(**copySchema);
        };
        auto batch = [&]() {
            checkpoint(**batchSchema);
            return runBatch(**batchSchema);
        };
        if (round % 2 == 0) {
            c = copy();
            b = c ? batch() : c;
        } else {
            b = batch();
            c = b ? copy() : b;
        }
        if (!c)
            return fail(ctx, c.error().message);
        if (!b)
            return fail(ctx, b.error().message);
        copySeconds.push_back(*c);
        batchSeconds.push_back(*b);
        ratios.push_back(*c / *b);
        if (round == rounds - 1) {
            // Single emits into the now-full table: durable commits (the default), then with
            // EmitOptions::asynchronousCommit to show what the WAL flush to disk costs.
            ctx.err << tr("EventLog::emit of %1 single events, twice…").arg(singles) << Qt::endl;
            auto d = runSingles(**batchSchema, 0, true);
            if (!d)
                return fail(ctx, d.error().message);
            auto a = runSingles(**batchSchema, size_t(singles), false);
            if (!a)
                return fail(ctx, a.error().message);
            durable = std::move(*d);
            async = std::move(*a);
        }
    }

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
