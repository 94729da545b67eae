#pragma once

// Private to the service library: what httpservice.cpp (routes, threads, health) and
// httpfeedback.cpp (POST /feedback and its group commit) share.

#include "httpservice.h"

#include "eventlog.h"
#include "servicemetrics.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>
#include <QUuid>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ke {

namespace httpdetail {

using Clock = std::chrono::steady_clock;

/// One answer: status, JSON (or text) body, extra headers.
struct Answer
{
    int status = 200;
    QByteArray body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

QByteArray json(const QJsonObject &o);
/// {"error": {"code", "message"[, "field"]}}: the one shape of every error answer.
Answer errorAnswer(int status, const QString &code, const QString &message,
                   const QString &field = {});
/// 400 naming the bad field.
Answer badField(const QString &field, const QString &message);
/// An error of core as the HTTP status it means, with `field` for a 400.
Answer fromError(const Error &e, const QString &field = {});
/// A request's parsed query, with its first value per name.
QString param(const httplib::Request &req, const char *name);
/// What one request of the database threads needs: this thread's connection (its own),
/// dropped after it was lost so the next task reconnects.
Result<Database *> connection(const ConnectionSettings &settings);

/// A token bucket per key: `perMinute` requests a minute, bursts up to `perMinute`.
class RateLimiter
{
public:
    bool take(const QUuid &key, int perMinute)
    {
        const auto now = Clock::now();
        QMutexLocker lock(&m_lock);
        Bucket &b = m_buckets[key];
        if (b.capacity != perMinute) {
            b = Bucket{double(perMinute), perMinute, now};
        } else {
            const double elapsed = std::chrono::duration<double>(now - b.at).count();
            b.tokens = std::min(double(perMinute), b.tokens + elapsed * perMinute / 60.0);
            b.at = now;
        }
        if (b.tokens < 1.0)
            return false;
        b.tokens -= 1.0;
        return true;
    }

private:
    struct Bucket
    {
        double tokens = 0;
        int capacity = 0;
        Clock::time_point at;
    };
    QMutex m_lock;
    QHash<QUuid, Bucket> m_buckets;
};

} // namespace httpdetail

struct HttpService::Private
{
    using Answer = httpdetail::Answer;

    ConnectionSettings settings;
    ConnectionSettings loginSettings; ///< the login's own, without the no-key start (warm-up)
    std::thread warmer;
    std::atomic<bool> stopWarming{false};
    std::atomic<qint64> warmTenants{0};
    std::atomic<bool> warmDone{false};
    HttpServiceOptions options;
    httplib::Server server;
    std::thread listener;
    std::atomic<bool> listenerDone{false};
    QThreadPool databasePool;
    ServiceMetrics metrics;
    httpdetail::RateLimiter rates;
    std::mutex stopLock;
    std::condition_variable stopped;
    bool running = false;

    // The feedback writers: requests wait on their promise while their group commits.
    struct PendingFeedback
    {
        QString secret;
        Event event;
        bool clientId = false; ///< an id or Idempotency-Key: a retry may find it stored
        std::promise<Answer> answer;
    };
    std::vector<std::thread> writers;
    std::mutex queueLock;
    std::condition_variable queued;
    std::deque<PendingFeedback> queue;
    bool stopWriter = false;
    std::atomic<qint64> batches{0};
    std::atomic<qint64> batchedEvents{0};

    Answer dispatch(const httplib::Request &req, QString &route);
    Answer onDatabase(const std::function<Answer(Database &)> &work);
    Answer asKey(const QString &secret, const std::function<Answer(Database &)> &work);
    std::optional<Answer> keyOf(const httplib::Request &req, QString &secret);
    Answer knowledge(const httplib::Request &req, const QString &dataset);
    Answer activity(const httplib::Request &req, const QString &dataset);
    Answer search(const httplib::Request &req);
    Answer feedback(const httplib::Request &req);
    Answer health(bool metrics);
    void writeFeedback();
    void warmUp();
    void writeGroup(Database &db, EventLog &log, std::vector<PendingFeedback *> &group);
};

} // namespace ke
