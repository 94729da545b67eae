// HttpEmbedder against a small HTTP/1.1 server started by the test on 127.0.0.1 that speaks
// the OpenAI embeddings protocol, with scripted failures.

#include "fakeembeddingsserver.h"
#include "httpembedder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ke;

namespace {

using test::FakeEmbeddingsServer;
using Reply = test::FakeReply;

HttpEmbedder::Options optionsFor(const FakeEmbeddingsServer &server)
{
    HttpEmbedder::Options o;
    o.baseUrl = server.url();
    o.model = QStringLiteral("test-model");
    o.apiKey = QStringLiteral("sk-test");
    o.batchSize = 4;
    o.timeout = std::chrono::milliseconds(1500);
    o.maxRetries = 2;
    o.initialBackoff = std::chrono::milliseconds(50);
    o.maxBackoff = std::chrono::milliseconds(2000);
    return o;
}

QStringList texts(int n)
{
    QStringList t;
    for (int i = 0; i < n; ++i)
        t << QString(i + 1, QLatin1Char('x'));
    return t;
}

/// embed() of one text that must fail: its error, and (optionally) how long it took.
Error failure(const HttpEmbedder &e, qint64 *elapsedMs = nullptr)
{
    QElapsedTimer t;
    t.start();
    auto r = e.embed(texts(1));
    if (elapsedMs)
        *elapsedMs = t.elapsed();
    if (r) {
        QTest::qFail("embed() succeeded where it must fail", __FILE__, __LINE__);
        return {};
    }
    return r.error();
}

} // namespace

class TestHttpEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void success()
    {
        FakeEmbeddingsServer server;
        HttpEmbedder e(optionsFor(server));
        QCOMPARE(e.name(), QStringLiteral("http:test-model"));
        auto r = e.embed({QStringLiteral("abc"), QStringLiteral("a")});
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(int(r->size()), 2);
        QCOMPARE(e.dimension(), 3);
        // [3,1,0] normalised, in input order even though the server answered reversed.
        QVERIFY(std::abs((*r)[0][0] - float(3.0 / std::sqrt(10.0))) < 1e-5);
        QVERIFY(std::abs((*r)[1][0] - float(1.0 / std::sqrt(2.0))) < 1e-5);
        QCOMPARE(server.paths.value(0), QByteArray("/v1/embeddings"));
        QCOMPARE(server.authorizations.value(0), QByteArray("Bearer sk-test"));
        QCOMPARE(server.requests.value(0).value(QStringLiteral("model")).toString(),
                 QStringLiteral("test-model"));
    }

    void batching()
    {
        FakeEmbeddingsServer server;
        HttpEmbedder e(optionsFor(server));
        auto r = e.embed(texts(10));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(int(r->size()), 10);
        QCOMPARE(server.requests.size(), 3); // 4 + 4 + 2
        QCOMPARE(server.requests.at(2).value(QStringLiteral("input")).toArray().size(), 2);
        // Order is kept across batches: the 10th text ("xxxxxxxxxx") has the largest first value.
        QVERIFY((*r)[9][0] > (*r)[0][0]);
    }

    void retriesAfter429()
    {
        FakeEmbeddingsServer server;
        server.script.append({429, QByteArrayLiteral("{\"error\":{\"message\":\"slow down\"}}"),
                              QByteArrayLiteral("Retry-After: 1\r\n"), false});
        HttpEmbedder e(optionsFor(server));
        QElapsedTimer t;
        t.start();
        auto r = e.embed(texts(2));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(server.requests.size(), 2);
        QVERIFY2(t.elapsed() >= 900, "Retry-After: 1 must be honoured");
    }

    // What a server answers wrongly is named (the code), explained (the message), and retried
    // only where another attempt can help.
    void aWrongAnswerIsNamed_data()
    {
        QTest::addColumn<QList<Reply>>("script");
        QTest::addColumn<int>("texts");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<int>("requests");
        const Reply boom{500, QByteArrayLiteral("{\"error\":{\"message\":\"boom\"}}"), {}, false};
        QTest::newRow("500 every time: gives up after 1 + maxRetries")
            << QList<Reply>(5, boom) << 2 << QStringLiteral("server_error")
            << QStringList{QStringLiteral("HTTP 500"), QStringLiteral("3 attempts"),
                           QStringLiteral("boom")}
            << 3;
        QTest::newRow("429 every time: gives up after 1 + maxRetries")
            << QList<Reply>(5, Reply{429, QByteArrayLiteral("{}"), {}, false}) << 1
            << QStringLiteral("rate_limited")
            << QStringList{QStringLiteral("429 Too Many Requests"), QStringLiteral("3 attempts")}
            << 3;
        QTest::newRow("404: the URL or the model, not retried")
            << QList<Reply>{{404,
                             QByteArrayLiteral("{\"error\":{\"message\":\"no such model\"}}"),
                             {},
                             false}}
            << 1 << QStringLiteral("http_error")
            << QStringList{QStringLiteral("HTTP 404"), QStringLiteral("no such model"),
                           QStringLiteral("'test-model'")}
            << 1;
        QTest::newRow("refused key: not retried")
            << QList<Reply>{{401,
                             QByteArrayLiteral("{\"error\":{\"message\":\"Incorrect API key\"}}"),
                             {},
                             false}}
            << 1 << QStringLiteral("unauthorized")
            << QStringList{QStringLiteral("refused the key"),
                           QStringLiteral("KNOWLEDGE_EMBEDDINGS_API_KEY")}
            << 1;
        QTest::newRow("truncated JSON")
            << QList<Reply>{{200,
                             QByteArrayLiteral("{\"data\": [ {\"embedding\": [1, 2"),
                             {},
                             false}}
            << 1 << QStringLiteral("malformed_answer") << QStringList() << 1;
        QTest::newRow("no embeddings")
            << QList<Reply>{{200, QByteArrayLiteral("{\"data\": []}"), {}, false}} << 1
            << QStringLiteral("malformed_answer") << QStringList() << 1;
        QTest::newRow("another dimension in the second batch")
            << QList<Reply>{{200, {}, {}, false}, // default: 3 numbers
                            {200,
                             QByteArrayLiteral("{\"data\":[{\"index\":0,\"embedding\":[1,2]}]}"),
                             {},
                             false}}
            << 5 /* 4 + 1 */ << QStringLiteral("dimension_mismatch") << QStringList() << 2;
    }

    void aWrongAnswerIsNamed()
    {
        QFETCH(QList<Reply>, script);
        QFETCH(int, texts);
        QFETCH(QString, code);
        QFETCH(QStringList, says);
        QFETCH(int, requests);
        FakeEmbeddingsServer server;
        server.script = script;
        HttpEmbedder e(optionsFor(server));
        auto r = e.embed(::texts(texts));
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        for (const QString &part : says)
            QVERIFY2(r.error().message.contains(part), qPrintable(r.error().message));
        QCOMPARE(server.requests.size(), requests);
    }

    void timeout()
    {
        FakeEmbeddingsServer server;
        for (int i = 0; i < 3; ++i)
            server.script.append({200, {}, {}, true});
        auto o = optionsFor(server);
        o.timeout = std::chrono::milliseconds(300);
        qint64 ms = 0;
        const Error err = failure(HttpEmbedder(o), &ms);
        QCOMPARE(err.code, QStringLiteral("timeout"));
        QVERIFY2(err.message.contains(QLatin1String("did not answer")), qPrintable(err.message));
        QVERIFY(ms < 5000);
    }

    void unreachable()
    {
        HttpEmbedder::Options o;
        o.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        o.model = QStringLiteral("m");
        o.maxRetries = 0;
        HttpEmbedder e(o);
        auto r = e.embed(texts(1));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("unreachable"));
    }

    // A redirect to another origin (here: another port) is not followed, so the key never
    // reaches it; the message says where it pointed and what to set.
    void redirectToAnotherHostCarriesNoKey()
    {
        FakeEmbeddingsServer server;
        FakeEmbeddingsServer elsewhere;
        const QByteArray target = elsewhere.url().toEncoded() + "/v1/embeddings";
        for (const int status : {307, 302, 308}) {
            server.script.append({status, {}, "Location: " + target + "\r\n", false});
            HttpEmbedder e(optionsFor(server));
            auto r = e.embed(texts(1));
            QVERIFY(!r);
            QCOMPARE(r.error().code, QStringLiteral("redirected"));
            QVERIFY2(r.error().message.contains(QString::fromLatin1(target)),
                     qPrintable(r.error().message));
            QVERIFY(r.error().message.contains(QLatin1String("KNOWLEDGE_EMBEDDINGS_URL")));
        }
        QCOMPARE(elsewhere.requests.size(), 0);
        QCOMPARE(elsewhere.authorizations.size(), 0);
    }

    void sameOriginRedirectIsFollowed()
    {
        FakeEmbeddingsServer server;
        server.script.append({307, {}, "Location: /v2/embeddings\r\n", false});
        auto o = optionsFor(server);
        o.timeout = std::chrono::milliseconds(10000); // a loaded machine must not make it a retry
        HttpEmbedder e(o);
        auto r = e.embed(texts(2));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        const qsizetype redirected = server.paths.indexOf(QByteArray("/v2/embeddings"));
        QVERIFY2(redirected > 0, server.paths.join(' ').constData());
        QCOMPARE(server.authorizations.value(redirected), QByteArray("Bearer sk-test"));
    }

    void hugeAnswerIsRefused()
    {
        FakeEmbeddingsServer server;
        server.script.append({200, QByteArray(2 * 1024 * 1024, ' '), {}, false});
        auto o = optionsFor(server);
        o.maxResponseBytes = 1024 * 1024;
        HttpEmbedder e(o);
        auto r = e.embed(texts(1));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("response_too_large"));
        QVERIFY2(r.error().message.contains(QLatin1String("more than 1 MiB")),
                 qPrintable(r.error().message));
        QCOMPARE(server.requests.size(), 1); // not retried
        // Within the limit, the same server answers normally.
        QVERIFY(e.embed(texts(1)));
    }

    void keyOverPlainHttpOnlyToLoopback()
    {
        HttpEmbedder::Options o;
        o.baseUrl = QUrl(QStringLiteral("http://192.0.2.10:8080"));
        o.model = QStringLiteral("m");
        o.apiKey = QStringLiteral("sk-test");
        qint64 ms = 0;
        const Error err = failure(HttpEmbedder(o), &ms);
        QCOMPARE(err.code, QStringLiteral("insecure_url"));
        QVERIFY2(err.message.contains(QLatin1String("https://192.0.2.10:8080")),
                 qPrintable(err.message));
        QVERIFY(!err.message.contains(QLatin1String("sk-test")));
        QVERIFY(ms < 1000); // refused before connecting
        // Loopback spellings and https are fine; so is http without a key.
        for (const char *url :
             {"http://localhost:1", "http://127.0.0.1:1", "http://[::1]:1", "https://192.0.2.10"}) {
            o.baseUrl = QUrl(QString::fromLatin1(url));
            QVERIFY2(HttpEmbedder::checkTransport(o), url);
        }
        o.baseUrl = QUrl(QStringLiteral("http://192.0.2.10"));
        o.apiKey.clear();
        QVERIFY(HttpEmbedder::checkTransport(o));
        o.baseUrl = QUrl(QStringLiteral("ftp://192.0.2.10"));
        QVERIFY(!HttpEmbedder::checkTransport(o));
        // The environment is checked as it is read.
        qputenv("KNOWLEDGE_EMBEDDINGS_URL", "http://embeddings.example.com");
        qputenv("KNOWLEDGE_EMBEDDINGS_MODEL", "m1");
        qputenv("KNOWLEDGE_EMBEDDINGS_API_KEY", "sk-test");
        auto env = HttpEmbedder::optionsFromEnvironment();
        QVERIFY(!env);
        QCOMPARE(env.error().code, QStringLiteral("insecure_url"));
        qunsetenv("KNOWLEDGE_EMBEDDINGS_URL");
        qunsetenv("KNOWLEDGE_EMBEDDINGS_API_KEY");
    }

    // All attempts of a request end within the deadline, however many retries are allowed.
    void deadlineBoundsTheRetries()
    {
        FakeEmbeddingsServer server;
        for (int i = 0; i < 20; ++i)
            server.script.append({200, {}, {}, true});
        auto o = optionsFor(server);
        o.timeout = std::chrono::milliseconds(400);
        o.maxRetries = 10;
        o.initialBackoff = std::chrono::milliseconds(100);
        o.deadline = std::chrono::milliseconds(1000);
        qint64 ms = 0;
        const Error err = failure(HttpEmbedder(o), &ms);
        QCOMPARE(err.code, QStringLiteral("timeout"));
        QVERIFY2(ms < 1500, qPrintable(QString::number(ms)));
        QVERIFY2(err.message.contains(QLatin1String("1 s allowed for one request")),
                 qPrintable(err.message));
        QVERIFY(server.requests.size() < 4);

        // The query-time limits: a search never waits out 5 × 30 s.
        const auto q = HttpEmbedder::forQueries(HttpEmbedder::Options{});
        QVERIFY(q.deadline <= std::chrono::milliseconds(8000));
        QVERIFY(q.timeout <= std::chrono::milliseconds(5000));
        QVERIFY(q.maxRetries <= 1);
    }

    void messagesNeverContainTheKey()
    {
        FakeEmbeddingsServer server;
        const QString key = QStringLiteral("sk-live-0123456789abcdef");
        server.script.append(
            {401,
             QByteArrayLiteral("{\"error\":{\"message\":\"Incorrect API key provided: "
                               "sk-live-0123456789abcdef (sk-live-...89abcdef)\"}}"),
             {},
             false});
        server.script.append(
            {500, QByteArrayLiteral("key sk-live-0123456789abcdef is over quota"), {}, false});
        auto o = optionsFor(server);
        o.apiKey = key;
        o.maxRetries = 0;
        HttpEmbedder e(o);
        for (int i = 0; i < 2; ++i) {
            auto r = e.embed(texts(1));
            QVERIFY(!r);
            QVERIFY2(!r.error().message.contains(QLatin1String("0123456789"))
                         && !r.error().message.contains(QLatin1String("89abcdef")),
                     qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QLatin1String("[key]")),
                     qPrintable(r.error().message));
        }
    }

    void environment()
    {
        qunsetenv("KNOWLEDGE_EMBEDDINGS_URL");
        QVERIFY(!HttpEmbedder::optionsFromEnvironment());
        qputenv("KNOWLEDGE_EMBEDDINGS_URL", "http://127.0.0.1:9999/");
        qputenv("KNOWLEDGE_EMBEDDINGS_MODEL", "m1");
        qputenv("KNOWLEDGE_EMBEDDINGS_API_KEY", "k");
        auto o = HttpEmbedder::optionsFromEnvironment();
        QVERIFY(o);
        QCOMPARE(o->model, QStringLiteral("m1"));
        QCOMPARE(o->apiKey, QStringLiteral("k"));
        qunsetenv("KNOWLEDGE_EMBEDDINGS_URL");
    }
};

QTEST_GUILESS_MAIN(TestHttpEmbedder)
#include "tst_httpembedder.moc"
