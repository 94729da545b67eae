#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <optional>

namespace ke {

/// What `GET /metrics` says, in the Prometheus text format: requests and their latencies by
/// route and status, and the gauges the service reads from the database on each scrape
/// (aggregation lag, the workers' job runs). Thread-safe: every request thread records into it.
class ServiceMetrics
{
public:
    /// The latency histogram's upper bounds, in seconds.
    static constexpr std::array<double, 12> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

    /// `route` is the route's pattern ("/datasets/{dataset}/knowledge"), never the raw path (a
    /// label per dataset would grow without bound).
    void record(const QString &method, const QString &route, int status, double seconds);

    /// One row of job_run_totals: the runs of one job with one outcome, every tenant and
    /// worker added up.
    struct JobTotal
    {
        QString job;
        QString outcome; ///< ok, failed, skipped, cancelled
        qint64 runs = 0;
        double secondsTotal = 0;
        std::optional<double> lastSeconds; ///< how long the latest run took
        std::optional<double> lastRunAt; ///< when it ended, Unix time
        std::optional<double> lastRunSecondsAgo; ///< by the database's clock
    };

    struct Gauges
    {
        std::optional<int> schemaVersion;
        std::optional<double> aggregationLagSeconds; ///< the tenant furthest behind
        bool databaseUp = false;
        qint64 feedbackBatches = 0; ///< group commits of POST /feedback so far
        qint64 feedbackEvents = 0; ///< events they wrote
        QList<JobTotal> jobs; ///< the workers' job runs (read from the database)
        qint64 warmTenants = 0; ///< tenants whose search index the start-up loaded so far
        bool warmDone = false; ///< the start-up loading has finished
    };
    /// The exposition text.
    QByteArray render(const Gauges &gauges) const;

private:
    struct Series
    {
        qint64 count = 0;
        double sum = 0;
        std::array<qint64, bounds.size()> buckets{};
    };
    mutable QMutex m_lock;
    QHash<QString, qint64> m_requests; ///< "method\troute\tstatus" -> count
    QHash<QString, Series> m_latency; ///< "method\troute" -> histogram
};

} // namespace ke
