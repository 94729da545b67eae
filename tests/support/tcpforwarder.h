#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace ke::test {

/// A TCP forwarder 127.0.0.1:<port()> -> 127.0.0.1:<target> on a thread of its own (the
/// test blocks on child processes); close() makes the server unreachable at the same URL, as
/// a laptop that loses the network.
class TcpForwarder
{
public:
    explicit TcpForwarder(quint16 target)
        : m_target(target)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        listen(0);
    }
    ~TcpForwarder()
    {
        close();
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }
    void close()
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                delete m_server; // the listener and every forwarded connection (its children)
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    /// Listens again on the same port after close(): the server is back at the same URL.
    void reopen()
    {
        close();
        listen(m_port);
    }

private:
    void listen(quint16 port)
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this, port] {
                const quint16 target = m_target;
                m_server = new QTcpServer;
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this, target] {
                    while (QTcpSocket *client = m_server->nextPendingConnection()) {
                        auto *upstream = new QTcpSocket(client);
                        QObject::connect(
                            client, &QTcpSocket::readyRead, upstream,
                            [client, upstream] { upstream->write(client->readAll()); });
                        QObject::connect(
                            upstream, &QTcpSocket::readyRead, client,
                            [client, upstream] { client->write(upstream->readAll()); });
                        QObject::connect(upstream, &QTcpSocket::disconnected, client,
                                         &QTcpSocket::disconnectFromHost);
                        QObject::connect(client, &QTcpSocket::disconnected, client,
                                         &QObject::deleteLater);
                        upstream->connectToHost(QHostAddress::LocalHost, target);
                    }
                });
                m_server->listen(QHostAddress::LocalHost, port);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }

    quint16 m_target = 0;
    QThread m_thread;
    QObject m_context;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
};

/// The private PostgreSQL's TCP port (KNOWLEDGE_DATABASE_URL).
inline quint16 databasePort()
{
    const QUrl url(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"));
    const QUrlQuery q(url);
    return q.hasQueryItem(QStringLiteral("port"))
        ? quint16(q.queryItemValue(QStringLiteral("port")).toUInt())
        : quint16(url.port(5432));
}

/// A TCP URL for the private PostgreSQL's database, through 127.0.0.1:`port`, as `login`
/// (empty: the server's own user).
inline QString databaseUrlThrough(quint16 port, const QString &login = {})
{
    const QUrl url(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"));
    const QUrlQuery q(url);
    const QString user = !login.isEmpty()        ? login
        : q.hasQueryItem(QStringLiteral("user")) ? q.queryItemValue(QStringLiteral("user"))
                                                 : url.userName();
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?connect_timeout=3")
        .arg(user)
        .arg(port)
        .arg(url.path().mid(1));
}

} // namespace ke::test
