#include "fakeembeddingsserver.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace ke::test {

FakeEmbeddingsServer::FakeEmbeddingsServer()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            QObject::connect(s, &QTcpSocket::readyRead, this, [this, s]() { onData(s); });
        }
    });
    m_server.listen(QHostAddress::LocalHost);
}

QUrl FakeEmbeddingsServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray FakeEmbeddingsServer::defaultBody(const QJsonObject &req) const
{
    QJsonArray data;
    const QJsonArray input = req.value(QStringLiteral("input")).toArray();
    // Answered in reverse order: clients must use "index", not the position.
    for (qsizetype i = input.size() - 1; i >= 0; --i) {
        const QString text = input.at(i).toString();
        const QJsonArray vector
            = embedding ? embedding(text) : QJsonArray{double(text.size()), 1.0, 0.0};
        data.append(
            QJsonObject{{QStringLiteral("index"), int(i)}, {QStringLiteral("embedding"), vector}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

void FakeEmbeddingsServer::onData(QTcpSocket *s)
{
    QByteArray &buf = m_buffers[s];
    buf += s->readAll();
    for (;;) {
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray head = buf.left(headerEnd);
        qsizetype length = 0;
        QByteArray auth;
        const QList<QByteArray> lines = head.split('\n');
        for (const QByteArray &l : lines) {
            const QByteArray line = l.trimmed();
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
            if (line.toLower().startsWith("authorization:"))
                auth = line.mid(14).trimmed();
        }
        if (buf.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = buf.mid(headerEnd + 4, length);
        buf.remove(0, headerEnd + 4 + length);
        paths.append(lines.value(0).split(' ').value(1));
        authorizations.append(auth);
        const QJsonObject req = QJsonDocument::fromJson(body).object();
        requests.append(req);
        FakeReply r
            = script.isEmpty() ? FakeReply{200, defaultBody(req), {}, false} : script.takeFirst();
        if (r.silent)
            return;
        if (r.status == 200 && r.body.isEmpty())
            r.body = defaultBody(req);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status)
            + " X\r\n"
              "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(r.body.size()) + "\r\n" + r.extraHeaders + "\r\n" + r.body;
        s->write(out);
        ++served;
    }
}

FakeEmbeddingsServerThread::FakeEmbeddingsServerThread(
    std::function<QJsonArray(const QString &)> embedding)
{
    m_context.moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        &m_context,
        [this, embedding]() {
            m_server = new FakeEmbeddingsServer;
            m_server->embedding = embedding;
            if (m_server->isListening())
                m_url = m_server->url();
        },
        Qt::BlockingQueuedConnection);
}

FakeEmbeddingsServerThread::~FakeEmbeddingsServerThread()
{
    QMetaObject::invokeMethod(
        &m_context, [this]() { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace ke::test
