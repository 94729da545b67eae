#pragma once

#include "connectionsettings.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace ke {

/// How `knowledgectl serve` listens and how much it lets one client take.
struct HttpServiceOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080; ///< 0: any free port (tests)
    /// Threads that read requests and write answers (one per open connection at a time: a
    /// kept-alive connection holds one until it idles out, so there are many and they are
    /// cheap — none holds a database connection).
    int ioThreads = 64;
    /// Threads that do the database and search work, each with its own connection.
    int databaseThreads = 4;
    /// A client that sends nothing (or nothing more) for this long is disconnected; the same
    /// bound applies to writing an answer to a client that does not read it.
    int ioTimeoutSeconds = 5;
    /// An idle kept-alive connection is closed after this long.
    int keepAliveSeconds = 5;
    qsizetype maxBodyBytes = 1024 * 1024; ///< larger bodies are answered 413
    /// Feedback events written per group commit at most.
    int feedbackBatchMax = 512;
    /// Feedback writers, each with its own connection: while one group waits for its commit
    /// to reach the disk, the next is prepared and sent (PostgreSQL flushes them together).
    int feedbackWriters = 2;
    /// At start, load the search index (lexical and vectors) of the tenants the service's
    /// login may read into memory in the background, so that their first search does not pay
    /// for it (2 s at 100k documents); requests are served meanwhile. Tenant after tenant until
    /// they hold this many documents (about 1.5 KiB of memory each); 0: none (every tenant's
    /// index is then loaded by its first search).
    qint64 warmDocuments = 2'000'000;
};

/// The HTTP API of DESIGN.md ("HTTP API"): GET /datasets/{id|name}/knowledge,
/// GET /datasets/{id|name}/activity, GET /search, POST /feedback, GET /health, GET /metrics —
/// JSON over HTTP/1.1 with keep-alive, authenticated by API keys (ApiKeys), on cpp-httplib
/// (README "The HTTP service" says why).
///
/// Threads: an accept thread that only accepts; `ioThreads` that parse requests and write
/// answers; `databaseThreads` for reads and searches (each its own connection, through
/// threadDatabase, the same pipeline as the app: KnowledgeStore, SearchClient); and feedback
/// writers that group the POST /feedback events that arrive while the previous group commits
/// into one durable transaction per key. Every database task first selects the request's key
/// (ApiKeys::select), so the database confines it to the key's tenant and person.
///
/// Create, start() and destroy on one thread; requests are served on the service's own threads.
class HttpService
{
    Q_DECLARE_TR_FUNCTIONS(HttpService)

public:
    /// `settings`: the database and the login the service connects as (a service login or the
    /// owner); its tenant and actor are ignored — every request's come from its key.
    HttpService(const ConnectionSettings &settings, const HttpServiceOptions &options);
    ~HttpService();

    /// Binds and starts serving; returns the port (the chosen one when options.port is 0).
    Result<int> start();
    /// Stops accepting, finishes the requests in progress, and joins the threads.
    void stop();
    /// Blocks until stop() is called (from another thread or a signal handler's notifier).
    void wait();

    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace ke
