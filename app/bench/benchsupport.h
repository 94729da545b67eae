#pragma once

// Helpers the benchmarks share: timing, the server's CPU time, the machine's load, and
// loading demo events in batches.

#include "bench.h"
#include "event.h"
#include "result.h"
#include "scratchschema.h"
#include "sqlsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace ke {
class Database;
class DemoSeeder;
} // namespace ke

namespace ke::bench {

/// The benchmarks' translation context.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("knowledge-bench", text);
}

/// Prints "knowledge-bench NAME: message" to stderr; returns the exit code of a failed run.
int fail(BenchContext &ctx, const QString &message);

inline double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

/// A command-line option of a benchmark: `--name` sets *flag, `--name N` sets *number (a
/// positive whole number).
struct BenchOption
{
    QString name;
    bool *flag = nullptr;
    qint64 *number = nullptr;
};
/// Reads `args` against `options`; an unknown argument or a bad number is an error that names
/// it and shows `usage`.
Result<void> parseOptions(const QStringList &args, const std::vector<BenchOption> &options,
                          const QString &usage);

/// The options of a benchmark that loads `size` demo items into a scratch schema, then
/// `incremental` more: --size N, --incremental N, --keep (leave the schema), --json.
struct LoadOptions
{
    qint64 size = 0;
    qint64 incremental = 0;
    bool keep = false;
    bool json = false;
};
/// parseOptions() of LoadOptions (its defaults as `o` holds them) and the benchmark's own
/// `extra` options.
Result<void> parseLoadOptions(const QStringList &args, LoadOptions &o, const QString &usage,
                              std::vector<BenchOption> extra = {});

/// The p-quantile (0..1) of `v` by the nearest rank; 0 for none.
double percentile(std::vector<double> v, double p);
/// Rounded to three decimals (for --json).
double round3(double v);
/// CPU seconds (user + system) the server process `pid` has used, or -1 when the server is
/// not on this machine: the figure that other work on a shared machine does not inflate.
double serverCpuSeconds(qint64 pid);
/// The server CPU seconds since `before` (an earlier serverCpuSeconds(pid)); -1 when the
/// server is not on this machine.
double serverCpuSince(qint64 pid, double before);
/// This process's peak resident memory (VmHWM) in MiB; nullopt where /proc does not say.
std::optional<double> peakRssMiB();
/// CPU seconds (user + system) this process has used.
double processCpuSeconds();
/// CPU seconds (user + system) this process's finished children (psql) have used.
double childrenCpuSeconds();
/// The server process serving `db`'s connection, or -1.
qint64 backendPid(Database &db);
/// Drops `db`'s schema and everything in it, if it can (a leftover is dropped by the next
/// run of the same benchmark).
void dropSchemaQuietly(Database &db);
/// A baseline statement's time: the median of three runs (the first warms the cache), and the
/// least server CPU of the three (-1 without a `pid`, or when the server is not on this machine).
struct Baseline
{
    double seconds = 0;
    double serverCpu = -1;
};
Result<Baseline> timeBaseline(SqlSession &sql, const QString &statement, const SqlParams &params,
                              qint64 pid = -1);
/// /proc/loadavg's three figures ("" where there is none).
QString loadAverage();
/// Emits [from, to) through EventLog::emitBatch, 10,000 events at a time.
Result<qint64> emitAll(Database &db, std::vector<Event>::iterator from,
                       std::vector<Event>::iterator to);

/// The demo catalogue's datasets, registered for `db`'s tenant as demo-seed does (names
/// shared between the demo tenants are registered once; the others resolve by UUID).
Result<void> registerDemoDatasets(Database &db, const DemoSeeder &seeder);
/// A fresh scratch schema named `prefix` + this process's id, with `tenant` selected and the
/// demo catalogue's datasets registered; kept after the run when `keep`.
Result<std::unique_ptr<ScratchSchema>> demoSchema(const ConnectionSettings &settings,
                                                  const QString &prefix, const QUuid &tenant,
                                                  const DemoSeeder &seeder, bool keep);
/// VACUUM ANALYZE of the events table, as autovacuum would after a bulk load.
Result<void> analyzeEvents(Database &db);
/// A bulk load: emitAll(), then analyzeEvents() (the aggregator relies on the statistics).
Result<qint64> loadEvents(Database &db, std::vector<Event>::iterator from,
                          std::vector<Event>::iterator to);

} // namespace ke::bench
