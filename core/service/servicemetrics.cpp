#include "servicemetrics.h"

#include <QMutexLocker>
#include <QStringList>

#include <algorithm>

namespace ke {

namespace {

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 10);
}

// Label values: backslash, quote and newline escaped, as the format requires.
QByteArray label(const QString &v)
{
    QByteArray b = v.toUtf8();
    b.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return b;
}

} // namespace

void ServiceMetrics::record(const QString &method, const QString &route, int status, double seconds)
{
    const QString key = method + QLatin1Char('\t') + route;
    QMutexLocker lock(&m_lock);
    ++m_requests[key + QLatin1Char('\t') + QString::number(status)];
    Series &s = m_latency[key];
    ++s.count;
    s.sum += seconds;
    for (size_t i = 0; i < bounds.size(); ++i) {
        if (seconds <= bounds[i])
            ++s.buckets[i];
    }
}

QByteArray ServiceMetrics::render(const Gauges &g) const
{
    QByteArray out;
    out += "# HELP knowledge_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE knowledge_http_requests_total counter\n";
    QMutexLocker lock(&m_lock);
    QStringList keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &k : std::as_const(keys)) {
        const QStringList p = k.split(QLatin1Char('\t'));
        out += "knowledge_http_requests_total{method=\"" + label(p.value(0)) + "\",route=\""
            + label(p.value(1)) + "\",status=\"" + label(p.value(2)) + "\"} "
            + QByteArray::number(m_requests.value(k)) + '\n';
    }
    out += "# HELP knowledge_http_request_duration_seconds Time from request to answer.\n"
           "# TYPE knowledge_http_request_duration_seconds histogram\n";
    keys = m_latency.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &k : std::as_const(keys)) {
        const QStringList p = k.split(QLatin1Char('\t'));
        const QByteArray labels
            = "method=\"" + label(p.value(0)) + "\",route=\"" + label(p.value(1)) + '"';
        const Series &s = m_latency[k];
        for (size_t i = 0; i < bounds.size(); ++i)
            out += "knowledge_http_request_duration_seconds_bucket{" + labels + ",le=\""
                + number(bounds[i]) + "\"} " + QByteArray::number(s.buckets[i]) + '\n';
        out += "knowledge_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} "
            + QByteArray::number(s.count) + '\n';
        out += "knowledge_http_request_duration_seconds_sum{" + labels + "} " + number(s.sum)
            + '\n';
        out += "knowledge_http_request_duration_seconds_count{" + labels + "} "
            + QByteArray::number(s.count) + '\n';
    }
    lock.unlock();
    out += "# HELP knowledge_database_up Whether the service reached the database just now.\n"
           "# TYPE knowledge_database_up gauge\n"
           "knowledge_database_up "
        + QByteArray(g.databaseUp ? "1" : "0") + '\n';
    if (g.schemaVersion)
        out += "# HELP knowledge_schema_version The database schema's migration version.\n"
               "# TYPE knowledge_schema_version gauge\n"
               "knowledge_schema_version "
            + QByteArray::number(*g.schemaVersion) + '\n';
    if (g.aggregationLagSeconds)
        out += "# HELP knowledge_aggregation_lag_seconds Since the last aggregation run of the "
               "tenant furthest behind.\n"
               "# TYPE knowledge_aggregation_lag_seconds gauge\n"
               "knowledge_aggregation_lag_seconds "
            + number(*g.aggregationLagSeconds) + '\n';
    if (!g.jobs.isEmpty()) {
        const auto series
            = [&](const char *name, const char *type, const char *help, const auto &value) {
                  out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type
                      + '\n';
                  for (const JobTotal &t : g.jobs) {
                      const std::optional<double> v = value(t);
                      if (v)
                          out += QByteArray(name) + "{job=\"" + label(t.job) + "\",outcome=\""
                              + label(t.outcome) + "\"} " + number(*v) + '\n';
                  }
              };
        series("knowledge_job_runs_total", "counter",
               "Runs of the workers' jobs (every worker and tenant), by job and outcome.",
               [](const JobTotal &t) { return std::optional<double>(double(t.runs)); });
        series("knowledge_job_run_seconds_total", "counter", "Time those runs took.",
               [](const JobTotal &t) { return std::optional<double>(t.secondsTotal); });
        series("knowledge_job_last_run_seconds", "gauge",
               "How long the latest run of the job with the outcome took.",
               [](const JobTotal &t) { return t.lastSeconds; });
        series("knowledge_job_last_run_timestamp_seconds", "gauge",
               "When the latest run of the job with the outcome ended (Unix time).",
               [](const JobTotal &t) { return t.lastRunAt; });
    }
    out += "# HELP knowledge_search_index_warm_tenants Tenants whose search index the service "
           "loaded at start.\n"
           "# TYPE knowledge_search_index_warm_tenants gauge\n"
           "knowledge_search_index_warm_tenants "
        + QByteArray::number(g.warmTenants) + '\n';
    out += "# HELP knowledge_feedback_batches_total Group commits of POST /feedback.\n"
           "# TYPE knowledge_feedback_batches_total counter\n"
           "knowledge_feedback_batches_total "
        + QByteArray::number(g.feedbackBatches) + '\n';
    out += "# HELP knowledge_feedback_events_total Feedback events the group commits wrote.\n"
           "# TYPE knowledge_feedback_events_total counter\n"
           "knowledge_feedback_events_total "
        + QByteArray::number(g.feedbackEvents) + '\n';
    return out;
}

} // namespace ke
