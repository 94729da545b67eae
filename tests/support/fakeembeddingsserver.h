#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QTcpSocket;

namespace ke::test {

/// One scripted answer: status, extra headers, body; `silent` never answers (timeout).
struct FakeReply
{
    int status = 200;
    QByteArray body;
    QByteArray extraHeaders;
    bool silent = false;
};

/// A small HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI embeddings protocol
/// (POST /v1/embeddings {"model", "input": [texts]} → {"data": [{"embedding", "index"}]}),
/// with scripted failures, recording every request it saw. By default a text's embedding is
/// [length, 1, 0]; `embedding` replaces that. Answers in reverse order (clients must use
/// "index").
///
/// Lives on the thread that created it and serves from that thread's event loop: a test that
/// blocks (e.g. running knowledgectl with QProcess::waitForFinished) uses
/// FakeEmbeddingsServerThread instead.
class FakeEmbeddingsServer : public QObject
{
public:
    FakeEmbeddingsServer();

    bool isListening() const { return m_server.isListening(); }
    QUrl url() const;

    QList<FakeReply> script; ///< answers to use first, in order; then the default answer
    QList<QJsonObject> requests;
    QList<QByteArray> authorizations;
    QList<QByteArray> paths;
    std::function<QJsonArray(const QString &)> embedding; ///< null: [length, 1, 0]
    std::atomic_int served{0}; ///< requests answered (readable from any thread)

    QByteArray defaultBody(const QJsonObject &req) const;

private:
    void onData(QTcpSocket *s);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A FakeEmbeddingsServer serving from a thread of its own, for tests that block their own
/// event loop. Set `embedding` before start(); read only `served` while it runs.
class FakeEmbeddingsServerThread
{
public:
    explicit FakeEmbeddingsServerThread(std::function<QJsonArray(const QString &)> embedding = {});
    ~FakeEmbeddingsServerThread();

    bool isListening() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }
    int served() const { return m_server ? m_server->served.load() : 0; }

private:
    QThread m_thread;
    QObject m_context; // moved to m_thread: what runs there is queued on it
    FakeEmbeddingsServer *m_server = nullptr; // lives on m_thread, deleted there
    QUrl m_url;
};

} // namespace ke::test
