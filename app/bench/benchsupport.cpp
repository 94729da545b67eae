#include "benchsupport.h"

#include "database.h"
#include "demoseeder.h"
#include "eventlog.h"

#include <QCoreApplication>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace ke::bench {

Result<void> parseOptions(const QStringList &args, const std::vector<BenchOption> &options,
                          const QString &usage)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const auto option = std::find_if(options.begin(), options.end(), [&](const BenchOption &o) {
            return o.name == args.at(i);
        });
        if (option == options.end())
            return makeError(
                ErrorCode::Usage,
                QCoreApplication::translate("knowledge-bench", "unknown argument '%1' — usage: %2")
                    .arg(args.at(i), usage));
        if (option->flag) {
            *option->flag = true;
            continue;
        }
        bool ok = i + 1 < args.size();
        const qint64 n = ok ? args.at(++i).toLongLong(&ok) : 0;
        if (!ok || n < 1)
            return makeError(
                ErrorCode::Usage,
                QCoreApplication::translate("knowledge-bench", "%1 needs a positive whole number")
                    .arg(option->name));
        *option->number = n;
    }
    return {};
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

double serverCpuSeconds(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (pid <= 0 || !comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("postgres"))
        return -1;
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

Result<void> parseLoadOptions(const QStringList &args, LoadOptions &o, const QString &usage,
                              std::vector<BenchOption> extra)
{
    extra.push_back({QStringLiteral("--json"), &o.json});
    extra.push_back({QStringLiteral("--keep"), &o.keep});
    extra.push_back({QStringLiteral("--size"), nullptr, &o.size});
    extra.push_back({QStringLiteral("--incremental"), nullptr, &o.incremental});
    return parseOptions(args, extra, usage);
}

int fail(BenchContext &ctx, const QString &message)
{
    ctx.err << "knowledge-bench " << ctx.name << ": " << message << Qt::endl;
    return 1;
}

Result<Baseline> timeBaseline(SqlSession &sql, const QString &statement, const SqlParams &params,
                              qint64 pid)
{
    std::vector<double> runs;
    Baseline b;
    for (int i = 0; i < 3; ++i) {
        const double cpu0 = pid < 0 ? -1 : serverCpuSeconds(pid);
        QElapsedTimer t;
        t.start();
        if (auto r = sql.exec(statement, params); !r)
            return r.error();
        runs.push_back(seconds(t));
        if (pid >= 0) {
            const double cpu = serverCpuSince(pid, cpu0);
            b.serverCpu = i == 0 ? cpu : std::min(b.serverCpu, cpu);
        }
    }
    std::sort(runs.begin(), runs.end());
    b.seconds = runs[1];
    return b;
}

double serverCpuSince(qint64 pid, double before)
{
    return before < 0 ? -1.0 : serverCpuSeconds(pid) - before;
}

std::optional<double> peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return std::nullopt;
}

namespace {

double cpuSecondsOf(int who)
{
    rusage u{};
    if (getrusage(who, &u) != 0)
        return -1;
    auto s = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

} // namespace

double processCpuSeconds()
{
    return cpuSecondsOf(RUSAGE_SELF);
}

double childrenCpuSeconds()
{
    return cpuSecondsOf(RUSAGE_CHILDREN);
}

qint64 backendPid(Database &db)
{
    return SqlSession::forDatabase(db).backendPid();
}

void dropSchemaQuietly(Database &db)
{
    (void)SqlSession::forDatabase(db).exec(
        QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE")
            .arg(Database::quoteQualified(db.settings().schema)));
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().split(' ').mid(0, 3).join(' '));
}

Result<qint64> emitAll(Database &db, std::vector<Event>::iterator from,
                       std::vector<Event>::iterator to)
{
    EventLog log(db);
    qint64 written = 0;
    for (auto at = from; at < to;) {
        const auto end = to - at > 10000 ? at + 10000 : to;
        std::vector<Event> batch(at, end);
        auto w = log.emitBatch(batch);
        if (!w)
            return w.error();
        written += *w;
        at = end;
    }
    return written;
}

Result<void> registerDemoDatasets(Database &db, const DemoSeeder &seeder)
{
    SqlSession sql = SqlSession::forDatabase(db);
    const QString insert = QStringLiteral("INSERT INTO %1 (tenant_id, id, name) VALUES ($1, $2, "
                                          "$3) ON CONFLICT DO NOTHING")
                               .arg(db.table(QStringLiteral("datasets")));
    return sql.inTransaction([&]() -> Result<void> {
        for (const DemoTenant &t : seeder.tenants())
            for (const DemoDataset &d : t.datasets)
                if (auto r = sql.exec(insert, {db.tenantId(), d.id, d.name}); !r)
                    return r.error();
        return {};
    });
}

Result<std::unique_ptr<ScratchSchema>> demoSchema(const ConnectionSettings &settings,
                                                  const QString &prefix, const QUuid &tenant,
                                                  const DemoSeeder &seeder, bool keep)
{
    auto schema = ScratchSchema::create(
        settings, prefix + QString::number(QCoreApplication::applicationPid()), tenant);
    if (!schema)
        return schema.error();
    if (keep)
        (*schema)->keep();
    if (auto registered = registerDemoDatasets((*schema)->db(), seeder); !registered)
        return registered.error();
    return schema;
}

Result<void> analyzeEvents(Database &db)
{
    auto r = SqlSession::forDatabase(db).exec(QStringLiteral("VACUUM ANALYZE ") + db.eventsTable());
    if (!r)
        return r.error();
    return {};
}

Result<qint64> loadEvents(Database &db, std::vector<Event>::iterator from,
                          std::vector<Event>::iterator to)
{
    auto written = emitAll(db, from, to);
    if (!written)
        return written;
    if (auto analyzed = analyzeEvents(db); !analyzed)
        return analyzed.error();
    return written;
}

} // namespace ke::bench
