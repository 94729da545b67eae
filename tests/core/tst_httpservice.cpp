// The HTTP service (issue 14): `knowledgectl serve` as a real process on a free loopback port,
// against this suite's schema, called over real HTTP (QNetworkAccessManager, and raw sockets
// for what a well-behaved client never sends). The keys are made by `knowledgectl api-key`;
// the service runs as a service login for every tenant (as the worker does), so only the key
// — through the database — confines a request to its tenant and person.

#include "databasetestcase.h"
#include "migrator.h"
#include "sqlsession.h"
#include "tcpforwarder.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <thread>
#include <vector>

using namespace ke;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
    QString errorField() const
    {
        return json()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("field"))
            .toString();
    }
};

/// A running `knowledgectl serve`, stopped (SIGTERM) when destroyed.
class Server
{
public:
    bool start(const QString &databaseUrl, const QString &schema, QString &why,
               const QStringList &more = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KNOWLEDGE_DATABASE_URL"), databaseUrl);
        env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), schema);
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.remove(QStringLiteral("KNOWLEDGE_TENANT"));
        m_process.setProcessEnvironment(env);
        m_process.start(qEnvironmentVariable("KE_BUILD_BIN") + QStringLiteral("/knowledgectl"),
                        QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--timeout"),
                                    QStringLiteral("1")}
                            + more);
        QElapsedTimer t;
        t.start();
        QByteArray out;
        static const QRegularExpression listening(
            QStringLiteral("listening on http://[^:]+:(\\d+)"));
        while (t.elapsed() < 20000) {
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_port = m.captured(1).toInt();
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        why = QString::fromUtf8(out + m_process.readAllStandardError());
        return false;
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }
    int port() const { return m_port; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace

class TestHttpService : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("httpservice");
        const QString failed
            = runCommands({{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                            QStringLiteral("20")},
                           {QStringLiteral("aggregate")}});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const auto embed = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")}, {},
                                     {}, {}, test::TestDatabase::As::Worker);
        QVERIFY2(embed.exitCode == 0, qPrintable(embed.err));
        m_acme = m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'acme'"));
        m_globex = m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'globex'"));
        QVERIFY(!m_acme.isEmpty() && !m_globex.isEmpty());
        // Per tenant: a dataset (the first by name), and a hypothesis with its investigation.
        const auto firstDataset = [this](const QString &tenant) {
            return m_db
                ->rows(QStringLiteral("SELECT id::text, name FROM datasets WHERE "
                                      "tenant_id = $1 ORDER BY name LIMIT 1"),
                       {tenant})
                .value(0);
        };
        const SqlRow dataset = firstDataset(m_acme);
        const SqlRow other = firstDataset(m_globex);
        QVERIFY(!dataset.isEmpty() && !other.isEmpty());
        m_acmeDataset = dataset.value(0);
        m_acmeDatasetName = dataset.value(1);
        m_globexDataset = other.value(0);
        m_globexDatasetName = other.value(1);
        const Step step = firstHypothesis(QStringLiteral("acme"));
        const Step globexStep = firstHypothesis(QStringLiteral("globex"));
        QVERIFY(!step.hypothesis.isEmpty() && !globexStep.hypothesis.isEmpty());
        m_investigation = step.investigation;
        m_hypothesis = step.hypothesis;
        m_globexInvestigation = globexStep.investigation;
        m_globexHypothesis = globexStep.hypothesis;
        m_word = m_db->scalar(
            QStringLiteral(
                "SELECT w FROM search_documents, regexp_split_to_table(lower(content), '[^a-z]+') "
                "w "
                "WHERE tenant_id = $1 AND length(w) > 5 GROUP BY w ORDER BY count(*) DESC LIMIT 1"),
            {m_acme});
        QVERIFY(!m_word.isEmpty());

        m_keyA = createKey({QStringLiteral("--tenant"), QStringLiteral("acme"),
                            QStringLiteral("--name"), QStringLiteral("orchestrator")});
        m_keyB = createKey({QStringLiteral("--tenant"), QStringLiteral("globex")});
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty());

        m_login = m_db->login(QString(), QString(), test::TestDatabase::As::Worker);
        QString why;
        m_server = std::make_unique<Server>();
        QVERIFY2(m_server->start(m_db->settingsAs(m_login).databaseUrl, m_db->schema(), why),
                 qPrintable(why));
    }

    void cleanupTestCase() { m_server.reset(); }

    void keysAreStoredAsHashesOnly()
    {
        QVERIFY(m_keyA.startsWith(QLatin1String("ke_")));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE "
                                             "key_hash = sha256(convert_to($1, 'UTF8'))"),
                              {m_keyA}),
                 QStringLiteral("1"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE "
                                             "position($1 in row(api_keys.*)::text) > 0"),
                              {m_keyA.mid(3)}),
                 QStringLiteral("0"));
        // Without --person the key's name is its person's handle.
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT p.handle FROM api_keys k JOIN people p ON "
                                             "p.tenant_id = k.tenant_id AND p.id = k.person_id "
                                             "WHERE k.name = 'orchestrator'")),
                 QStringLiteral("orchestrator"));
        const auto list = m_db->run(QStringLiteral("knowledgectl"),
                                    {QStringLiteral("api-key"), QStringLiteral("list")}, {}, {}, {},
                                    test::TestDatabase::As::Owner);
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY(list.out.contains(QLatin1String("orchestrator")));
        QVERIFY(!list.out.contains(m_keyA));
    }

    void health()
    {
        const Reply r = get(QStringLiteral("/health"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("database")).toString(), QStringLiteral("reachable"));
        QCOMPARE(r.json().value(QLatin1String("schema_version")).toInt(),
                 Migrator::latestVersion());
        // At start the service loaded every tenant's search index (in the background).
        const int tenants = m_db->scalar(QStringLiteral("SELECT count(*) FROM tenants")).toInt();
        QVERIFY(tenants >= 2);
        const auto searchIndex = [&]() {
            return get(QStringLiteral("/health"), {})
                .json()
                .value(QLatin1String("search_index"))
                .toObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!searchIndex().value(QLatin1String("loading")).toBool(true),
                                 20000);
        QCOMPARE(searchIndex().value(QLatin1String("tenants_loaded")).toInt(), tenants);
        const Reply metrics = get(QStringLiteral("/metrics"), {});
        const QByteArray warmLine
            = "knowledge_search_index_warm_tenants " + QByteArray::number(tenants) + '\n';
        QVERIFY2(metrics.body.contains(warmLine), metrics.body.constData());
    }

    // The start-up loading stops once the tenants loaded hold --warm-documents documents; 0
    // loads none (each tenant's first search does).
    void warmUpKeepsToItsBudget()
    {
        const int tenants = m_db->scalar(QStringLiteral("SELECT count(*) FROM tenants")).toInt();
        for (const auto &[budget, expected] : std::vector<std::pair<QString, int>>{
                 {QStringLiteral("0"), 0}, {QStringLiteral("1"), 1}}) {
            Server server;
            QString why;
            QVERIFY2(server.start(m_db->settingsAs(m_login).databaseUrl, m_db->schema(), why,
                                  {QStringLiteral("--warm-documents"), budget}),
                     qPrintable(why));
            const auto searchIndex = [&]() {
                return get(QStringLiteral("/health"), {}, server.port())
                    .json()
                    .value(QLatin1String("search_index"))
                    .toObject();
            };
            QTRY_VERIFY_WITH_TIMEOUT(!searchIndex().value(QLatin1String("loading")).toBool(true),
                                     20000);
            const int loaded = searchIndex().value(QLatin1String("tenants_loaded")).toInt();
            if (expected == 0)
                QCOMPARE(loaded, 0);
            else // the first tenants with a document: fewer than all
                QVERIFY2(loaded >= 1 && loaded < tenants, qPrintable(QString::number(loaded)));
            // Searches work either way.
            QCOMPARE(get(QStringLiteral("/search?q=%1").arg(m_word), m_keyA, server.port()).status,
                     200);
        }
        const auto bad = m_db->run(QStringLiteral("knowledgectl"),
                                   {QStringLiteral("serve"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--warm-documents"), QStringLiteral("lots")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QLatin1String("--warm-documents")), qPrintable(bad.err));
    }

    void knowledgeOfOwnDataset()
    {
        for (const QString &dataset : {m_acmeDataset, m_acmeDatasetName}) {
            const Reply r = get(QStringLiteral("/datasets/%1/knowledge")
                                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(dataset))),
                                m_keyA);
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(r.json().value(QLatin1String("dataset_id")).toString(), m_acmeDataset);
            QVERIFY(r.json().contains(QLatin1String("investigation_count")));
            QVERIFY(r.json().contains(QLatin1String("top_findings")));
        }
    }

    void anotherTenantsDatasetIsNotFound()
    {
        for (const QString &path :
             {QStringLiteral("/datasets/%1/knowledge"), QStringLiteral("/datasets/%1/activity")}) {
            const Reply r = get(path.arg(m_globexDataset), m_keyA);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("unknown_dataset"));
            QVERIFY(!r.body.contains(m_globexDatasetName.toUtf8())
                    || m_globexDatasetName == m_acmeDatasetName);
        }
        // The same dataset with its own tenant's key is there.
        QCOMPARE(get(QStringLiteral("/datasets/%1/knowledge").arg(m_globexDataset), m_keyB).status,
                 200);
    }

    void activityPagesWithACursor()
    {
        const Reply first
            = get(QStringLiteral("/datasets/%1/activity?limit=2").arg(m_acmeDataset), m_keyA);
        QVERIFY2(first.status == 200, first.body.constData());
        const QJsonArray items = first.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QString cursor = first.json().value(QLatin1String("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const Reply second
            = get(QStringLiteral("/datasets/%1/activity?limit=2&before=%2")
                      .arg(m_acmeDataset, QString::fromLatin1(QUrl::toPercentEncoding(cursor))),
                  m_keyA);
        QCOMPARE(second.status, 200);
        const QJsonArray next = second.json().value(QLatin1String("items")).toArray();
        QVERIFY(!next.isEmpty());
        QVERIFY(!items.last().toObject().value(QLatin1String("id")).toString().isEmpty());
        for (const QJsonValue &v : next) // the second page starts after the first
            for (const QJsonValue &w : items)
                QVERIFY(v.toObject().value(QLatin1String("id"))
                        != w.toObject().value(QLatin1String("id")));
        QCOMPARE(get(QStringLiteral("/datasets/%1/activity?limit=zero").arg(m_acmeDataset), m_keyA)
                     .errorField(),
                 QStringLiteral("limit"));
    }

    void searchesItsTenantOnly()
    {
        const Reply r = get(QStringLiteral("/search?q=%1&limit=5").arg(m_word), m_keyA);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray results = r.json().value(QLatin1String("results")).toArray();
        QVERIFY(!results.isEmpty());
        QVERIFY(results.size() <= 5);
        const QString acmeDatasets = m_db->scalar(
            QStringLiteral("SELECT string_agg(id::text, ',') FROM datasets WHERE tenant_id = $1"),
            {m_acme});
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            for (const char *key :
                 {"source_type", "source_id", "dataset_id", "snippet", "score", "ranks"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            if (!o.value(QLatin1String("dataset_id")).isNull())
                QVERIFY(acmeDatasets.contains(o.value(QLatin1String("dataset_id")).toString()));
        }
        const Reply typed = get(QStringLiteral("/search?q=%1&type=hypothesis").arg(m_word), m_keyA);
        QCOMPARE(typed.status, 200);
        for (const QJsonValue &v : typed.json().value(QLatin1String("results")).toArray())
            QCOMPARE(v.toObject().value(QLatin1String("source_type")).toString(),
                     QStringLiteral("hypothesis"));
        QCOMPARE(get(QStringLiteral("/search?q=%1&dataset=%2").arg(m_word, m_globexDataset), m_keyA)
                     .status,
                 404);
    }

    void badRequestsNameTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");
        QTest::newRow("no q") << QStringLiteral("/search") << QStringLiteral("q");
        QTest::newRow("limit") << QStringLiteral("/search?q=x&limit=many")
                               << QStringLiteral("limit");
        QTest::newRow("cursor") << QStringLiteral("/datasets/%1/activity?before=garbage")
                                << QStringLiteral("before");
    }

    void badRequestsNameTheField()
    {
        QFETCH(QString, path);
        QFETCH(QString, field);
        const Reply r
            = get(path.contains(QLatin1String("%1")) ? path.arg(m_acmeDataset) : path, m_keyA);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
    }

    void unauthenticatedIsRefused()
    {
        QCOMPARE(get(QStringLiteral("/search?q=x"), {}).status, 401);
        QCOMPARE(get(QStringLiteral("/search?q=x"), QStringLiteral("ke_wrong")).status, 401);
        const QString forged = QStringLiteral("ke_") + QString(43, QLatin1Char('A'));
        const Reply r = get(QStringLiteral("/datasets/%1/knowledge").arg(m_acmeDataset), forged);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
    }

    void revokedKeyIsRefused()
    {
        const QString key = createKey({QStringLiteral("--tenant"), QStringLiteral("acme"),
                                       QStringLiteral("--person"), QStringLiteral("carol")});
        QVERIFY(!key.isEmpty());
        QCOMPARE(get(QStringLiteral("/search?q=%1").arg(m_word), key).status, 200);
        const QString id = m_db->scalar(
            QStringLiteral(
                "SELECT id FROM api_keys WHERE key_hash = sha256(convert_to($1, 'UTF8'))"),
            {key});
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("api-key"), QStringLiteral("revoke"), id}, {}, {},
                                 {}, test::TestDatabase::As::Owner);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(get(QStringLiteral("/search?q=%1").arg(m_word), key).status, 401);
        QCOMPARE(post(QStringLiteral("/feedback"), feedbackBody(1), key).status, 401);
    }

    void feedbackIsRecordedAsTheKeysPerson()
    {
        const Reply r
            = post(QStringLiteral("/feedback"), feedbackBody(-1, QStringLiteral("stale")), m_keyA);
        QVERIFY2(r.status == 201, r.body.constData());
        const QString id = r.json().value(QLatin1String("id")).toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QVERIFY(QDateTime::fromString(r.json().value(QLatin1String("created_at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const auto row = m_db->rows(
            QStringLiteral(
                "SELECT e.tenant_id::text, p.handle, e.event_type, "
                "e.event_data->>'rating', e.event_data->>'reason' FROM feedback_events e "
                "JOIN people p ON p.tenant_id = e.tenant_id AND p.id = e.actor_id "
                "WHERE e.id = $1"),
            {id});
        QCOMPARE(row.size(), 1);
        QCOMPARE(row.first().value(0), m_acme);
        QCOMPARE(row.first().value(1), QStringLiteral("orchestrator"));
        QCOMPARE(row.first().value(2), QStringLiteral("feedback.hypothesis"));
        QCOMPARE(row.first().value(3), QStringLiteral("-1"));
        QCOMPARE(row.first().value(4), QStringLiteral("stale"));
    }

    void retriedFeedbackIsOneEvent()
    {
        const QByteArray body = feedbackBody(1);
        const QByteArray idempotency = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const Reply first = post(QStringLiteral("/feedback"), body, m_keyA, idempotency);
        QVERIFY2(first.status == 201, first.body.constData());
        QTest::qWait(20);
        const Reply again = post(QStringLiteral("/feedback"), body, m_keyA, idempotency);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body); // the first answer, created_at and all
        const QString id = first.json().value(QLatin1String("id")).toString();
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"),
                              {id}),
                 QStringLiteral("1"));
        // Retries at once (on parallel connections, so in one group or in both writers'):
        // every answer the same, one event.
        const QByteArray concurrent = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i) {
            QNetworkRequest req = request(QStringLiteral("/feedback"), m_keyA, 0);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            req.setRawHeader("Idempotency-Key", concurrent);
            replies << m_net.post(req, body);
        }
        QSet<QByteArray> answers;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const Reply r = finish(reply);
            QCOMPARE(r.status, 201);
            answers.insert(r.body);
        }
        QCOMPARE(answers.size(), 1);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"),
                              {QJsonDocument::fromJson(*answers.begin())
                                   .object()
                                   .value(QLatin1String("id"))
                                   .toString()}),
                 QStringLiteral("1"));
        // A client id does the same.
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject withId = QJsonDocument::fromJson(body).object();
        withId.insert(QStringLiteral("id"), clientId);
        const QByteArray withIdBody = QJsonDocument(withId).toJson();
        const Reply a = post(QStringLiteral("/feedback"), withIdBody, m_keyA);
        const Reply b = post(QStringLiteral("/feedback"), withIdBody, m_keyA);
        QCOMPARE(a.status, 201);
        QCOMPARE(b.body, a.body);
        QCOMPARE(a.json().value(QLatin1String("id")).toString(), clientId);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"),
                              {clientId}),
                 QStringLiteral("1"));
    }

    void feedbackErrors()
    {
        Reply r = post(QStringLiteral("/feedback"), "{\"target_type\": \"hypothesis\",", m_keyA);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("body"));
        r = post(QStringLiteral("/feedback"), feedbackBody(5), m_keyA);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("rating"));
        QJsonObject o = QJsonDocument::fromJson(feedbackBody(1)).object();
        o.insert(QStringLiteral("investigation_id"), QStringLiteral("not-a-uuid"));
        r = post(QStringLiteral("/feedback"), QJsonDocument(o).toJson(), m_keyA);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("investigation_id"));
        o.remove(QStringLiteral("investigation_id"));
        r = post(QStringLiteral("/feedback"), QJsonDocument(o).toJson(), m_keyA);
        QCOMPARE(r.errorField(), QStringLiteral("investigation_id"));
        r = post(QStringLiteral("/feedback"), feedbackBody(1), m_keyA, {}, "text/plain");
        QCOMPARE(r.status, 415);
        // Another tenant's investigation: not found (and nothing written).
        QJsonObject theirs{{QStringLiteral("target_type"), QStringLiteral("hypothesis")},
                           {QStringLiteral("target_id"), m_globexHypothesis},
                           {QStringLiteral("investigation_id"), m_globexInvestigation},
                           {QStringLiteral("rating"), 1}};
        const QString before = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events"));
        r = post(QStringLiteral("/feedback"), QJsonDocument(theirs).toJson(), m_keyA);
        QCOMPARE(r.status, 404);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events")), before);
    }

    void methodsAndPaths()
    {
        QCOMPARE(raw(QByteArray("PUT /search?q=x HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n"
                                "Authorization: Bearer ")
                     + m_keyA.toUtf8() + "\r\n\r\n")
                     .status,
                 405);
        QCOMPARE(get(QStringLiteral("/feedback"), m_keyA).status, 405);
        const Reply missing = get(QStringLiteral("/nothing/here"), m_keyA);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
    }

    void oversizedBodyIs413()
    {
        const QByteArray body(2 * 1024 * 1024, 'x');
        const Reply r
            = raw("POST /feedback HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                  "Authorization: Bearer "
                  + m_keyA.toUtf8() + "\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\n\r\n" + body);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    }

    void aStuckClientTimesOutAndOthersAreServed()
    {
        QTcpSocket stuck;
        stuck.connectToHost(QHostAddress::LocalHost, quint16(m_server->port()));
        QVERIFY(stuck.waitForConnected(5000));
        stuck.write("GET /search?q=x HTTP/1.1\r\nHost: t\r\nAuthor"); // and nothing more
        QVERIFY(stuck.waitForBytesWritten(2000));
        QElapsedTimer t;
        t.start();
        // Meanwhile everyone else is answered.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(get(QStringLiteral("/health"), {}).status, 200);
        // The server hangs up on it (--timeout 1) without an answer it could misread.
        if (stuck.state() == QAbstractSocket::ConnectedState)
            QVERIFY(stuck.waitForDisconnected(8000));
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(get(QStringLiteral("/health"), {}).status, 200);
    }

    void keepAliveServesManyRequestsOnOneConnection()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_server->port()));
        QVERIFY(s.waitForConnected(5000));
        for (int i = 0; i < 10; ++i) {
            s.write("GET /health HTTP/1.1\r\nHost: t\r\n\r\n");
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (!got.contains("\"status\":\"ok\"") && t.elapsed() < 5000) {
                s.waitForReadyRead(200);
                got += s.readAll();
            }
            QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
            QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
        }
    }

    void manyClientsShareTheDatabaseThreadsConnections()
    {
        // 16 clients at once: the database sees the service's database threads (4 by default),
        // its feedback writers (2) and its start-up check — not one connection per client.
        const QByteArray request = "GET /search?q=" + m_word.toUtf8()
            + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\nAuthorization: Bearer "
            + m_keyA.toUtf8() + "\r\n\r\n";
        std::vector<int> statuses(16, 0);
        std::vector<std::thread> clients;
        for (size_t i = 0; i < statuses.size(); ++i)
            clients.emplace_back([&, i] {
                for (int n = 0; n < 5; ++n)
                    statuses[i] = std::max(statuses[i], raw(request).status);
            });
        for (auto &c : clients)
            c.join();
        for (int status : statuses)
            QCOMPARE(status, 200);
        const int connections
            = m_db->scalar(
                      QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = $1"),
                      {m_login})
                  .toInt();
        QVERIFY2(connections >= 1 && connections <= 4 + 2 + 1,
                 qPrintable(QString::number(connections)));
    }

    void rateLimitPerKey()
    {
        const QString key = createKey({QStringLiteral("--tenant"), QStringLiteral("acme"),
                                       QStringLiteral("--name"), QStringLiteral("slow"),
                                       QStringLiteral("--rate"), QStringLiteral("3")});
        QVERIFY(!key.isEmpty());
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses << get(QStringLiteral("/search?q=%1").arg(m_word), key).status;
        QCOMPARE(statuses, (QList<int>{200, 200, 200, 429, 429}));
        const Reply r = post(QStringLiteral("/feedback"), feedbackBody(1), key);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
        // The default key has no limit.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(get(QStringLiteral("/health"), m_keyA).status, 200);
    }

    void metricsCountRequestsByRouteAndStatus()
    {
        const Reply r = get(QStringLiteral("/metrics"), {});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("knowledge_http_requests_total{method=\"GET\",route=\"/search\","
                                 "status=\"200\"}"),
                 r.body.constData());
        QVERIFY(r.body.contains("route=\"/datasets/{dataset}/knowledge\",status=\"404\"}"));
        QVERIFY(r.body.contains("knowledge_http_request_duration_seconds_bucket{method=\"POST\","
                                "route=\"/feedback\",le=\"0.05\"}"));
        const QByteArray version
            = "knowledge_schema_version " + QByteArray::number(Migrator::latestVersion());
        QVERIFY(r.body.contains(version));
        QVERIFY(r.body.contains("knowledge_aggregation_lag_seconds "));
        QVERIFY(!r.body.contains(m_globexDataset.toUtf8()));
    }

    void metricsAndHealthShowTheWorkersJobRuns()
    {
        // A worker (another process, as the worker's login) runs every job once; the service
        // reports the runs it finds in the database, by job and outcome.
        const auto before = get(QStringLiteral("/metrics"), {});
        QCOMPARE(before.status, 200);
        const QRegularExpression aggregateOk(QStringLiteral(
            "knowledge_job_runs_total\\{job=\"aggregate_dataset_knowledge\",outcome=\"ok\"\\} "
            "(\\d+)"));
        const qint64 runsBefore
            = aggregateOk.match(QString::fromUtf8(before.body)).captured(1).toLongLong();
        const auto worker = m_db->run(QStringLiteral("knowledgectl"),
                                      {QStringLiteral("worker"), QStringLiteral("--once")}, {}, {},
                                      {}, test::TestDatabase::As::Worker);
        QVERIFY2(worker.exitCode == 0, qPrintable(worker.err));
        const Reply r = get(QStringLiteral("/metrics"), {});
        QCOMPARE(r.status, 200);
        const auto m = aggregateOk.match(QString::fromUtf8(r.body));
        QVERIFY2(m.hasMatch(), r.body.constData());
        // Once for each of the three demo tenants.
        QCOMPARE(m.captured(1).toLongLong() - runsBefore, 3);
        for (const char *series :
             {"# TYPE knowledge_job_runs_total counter",
              "# TYPE knowledge_job_run_seconds_total counter",
              "knowledge_job_run_seconds_total{job=\"generate_embeddings\",outcome=\"ok\"} ",
              "knowledge_job_last_run_seconds{job=\"aggregate_dataset_knowledge\",outcome=\"ok\"} ",
              "knowledge_job_last_run_timestamp_seconds{job=\"aggregate_dataset_knowledge\","
              "outcome=\"ok\"} "})
            QVERIFY2(r.body.contains(series), series);
        const Reply health = get(QStringLiteral("/health"), {});
        QCOMPARE(health.status, 200);
        const QJsonObject job = health.json()
                                    .value(QLatin1String("jobs"))
                                    .toObject()
                                    .value(QLatin1String("aggregate_dataset_knowledge"))
                                    .toObject();
        QCOMPARE(job.value(QLatin1String("last_outcome")).toString(), QStringLiteral("ok"));
        const double ago = job.value(QLatin1String("last_ok_seconds_ago")).toDouble(-1);
        QVERIFY2(ago >= 0 && ago < 60, qPrintable(QString::number(ago)));
    }

    void theDatabaseConfinesASessionToItsKey()
    {
        // What a handler bug could try on the service's own connection: select key A, then
        // point knowledge.tenant_id at globex. The database answers from the key's tenant only.
        SqlSession session = test::orThrow(
            SqlSession::open(m_db->settingsAs(m_login).databaseUrl, m_db->schema()));
        test::orThrow(session.exec(
            QStringLiteral("SELECT set_config('knowledge.api_key', $1, false)"), {m_keyA}));
        test::orThrow(session.exec(
            QStringLiteral("SELECT set_config('knowledge.tenant_id', $1, false)"), {m_globex}));
        QCOMPARE(test::orThrow(session.scalar(
                     QStringLiteral("SELECT count(*) FROM feedback_events WHERE tenant_id = $1"),
                     {m_globex})),
                 QStringLiteral("0"));
        QCOMPARE(test::orThrow(session.scalar(
                     QStringLiteral("SELECT string_agg(DISTINCT tenant_id::text, ',') FROM "
                                    "search_documents"))),
                 m_acme);
        QCOMPARE(test::orThrow(session.scalar(QStringLiteral("SELECT session_level()"))),
                 QStringLiteral("member"));
        QCOMPARE(test::orThrow(session.scalar(QStringLiteral("SELECT count(*) FROM tenants"))),
                 QStringLiteral("1"));
        QVERIFY(!session.scalar(QStringLiteral("SELECT count(*) FROM api_keys")));
        // A wrong key selects nothing at all — not the login's own every-tenant grant.
        test::orThrow(session.exec(
            QStringLiteral("SELECT set_config('knowledge.api_key', 'ke_wrong', false)")));
        QCOMPARE(
            test::orThrow(session.scalar(QStringLiteral("SELECT count(*) FROM feedback_events"))),
            QStringLiteral("0"));
        // The service's connections start with no key selected: nothing, until a request's.
        SqlSession fresh = test::orThrow(
            SqlSession::open(m_db->settingsAs(m_login).databaseUrl
                                 + QStringLiteral("&options=-c%20knowledge.api_key%3Dke_none"),
                             m_db->schema()));
        QCOMPARE(
            test::orThrow(fresh.scalar(QStringLiteral("SELECT count(*) FROM feedback_events"))),
            QStringLiteral("0"));
        QCOMPARE(test::orThrow(fresh.scalar(QStringLiteral("SELECT count(*) FROM tenants"))),
                 QStringLiteral("0"));
        // A member login cannot use a key (keys are for the service).
        const QString member = m_db->login(QStringLiteral("acme"), QStringLiteral("dave"),
                                           test::TestDatabase::As::Member);
        SqlSession asMember
            = test::orThrow(SqlSession::open(m_db->settingsAs(member).databaseUrl, m_db->schema()));
        test::orThrow(asMember.exec(
            QStringLiteral("SELECT set_config('knowledge.api_key', $1, false)"), {m_keyB}));
        QCOMPARE(
            test::orThrow(asMember.scalar(QStringLiteral("SELECT count(*) FROM feedback_events"))),
            QStringLiteral("0"));
    }

    void unreachableDatabaseIs503()
    {
        test::TcpForwarder forwarder(test::databasePort());
        QVERIFY(forwarder.port() != 0);
        QString url = test::databaseUrlThrough(forwarder.port());
        url.replace(QRegularExpression(QStringLiteral("^postgresql://[^@]*@")),
                    QStringLiteral("postgresql://%1@").arg(m_login));
        Server server;
        QString why;
        QVERIFY2(server.start(url, m_db->schema(), why), qPrintable(why));
        QCOMPARE(get(QStringLiteral("/search?q=%1").arg(m_word), m_keyA, server.port()).status,
                 200);
        forwarder.close();
        const Reply health = get(QStringLiteral("/health"), {}, server.port());
        QCOMPARE(health.status, 503);
        QCOMPARE(health.errorCode(), QStringLiteral("unreachable"));
        QCOMPARE(get(QStringLiteral("/search?q=%1").arg(m_word), m_keyA, server.port()).status,
                 503);
        QCOMPARE(post(QStringLiteral("/feedback"), feedbackBody(1), m_keyA, {}, "application/json",
                      server.port())
                     .status,
                 503);
    }

    void stopsOnSigterm()
    {
        Server server;
        QString why;
        QVERIFY2(server.start(m_db->settingsAs(m_login).databaseUrl, m_db->schema(), why),
                 qPrintable(why));
        server.process().terminate();
        QVERIFY2(server.process().waitForFinished(20000),
                 server.process().readAllStandardError().constData());
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
    }

private:
    QString createKey(const QStringList &args)
    {
        const auto r
            = m_db->run(QStringLiteral("knowledgectl"),
                        QStringList{QStringLiteral("api-key"), QStringLiteral("create")} + args, {},
                        {}, {}, test::TestDatabase::As::Owner);
        if (r.exitCode != 0) {
            qWarning("api-key create: %s", qPrintable(r.err));
            return {};
        }
        return r.out.trimmed().split(QLatin1Char('\n')).last().trimmed();
    }

    QByteArray feedbackBody(int rating, const QString &reason = {}) const
    {
        QJsonObject o{{QStringLiteral("target_type"), QStringLiteral("hypothesis")},
                      {QStringLiteral("target_id"), m_hypothesis},
                      {QStringLiteral("investigation_id"), m_investigation},
                      {QStringLiteral("rating"), rating}};
        if (!reason.isEmpty())
            o.insert(QStringLiteral("reason"), reason);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    Reply finish(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    QNetworkRequest request(const QString &path, const QString &key, int port)
    {
        QNetworkRequest req(QUrl(
            QStringLiteral("http://127.0.0.1:%1%2").arg(port ? port : m_server->port()).arg(path)));
        if (!key.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        return req;
    }

    Reply get(const QString &path, const QString &key, int port = 0)
    {
        return finish(m_net.get(request(path, key, port)));
    }

    Reply post(const QString &path, const QByteArray &body, const QString &key,
               const QByteArray &idempotencyKey = {},
               const QByteArray &contentType = "application/json", int port = 0)
    {
        QNetworkRequest req = request(path, key, port);
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!idempotencyKey.isEmpty())
            req.setRawHeader("Idempotency-Key", idempotencyKey);
        return finish(m_net.post(req, body));
    }

    /// One request written as bytes; the status line and body of the answer.
    Reply raw(const QByteArray &request)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_server->port()));
        Reply r;
        if (!s.waitForConnected(5000))
            return r;
        s.write(request);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            if (s.bytesToWrite() > 0)
                s.waitForBytesWritten(100);
            if (s.waitForReadyRead(100))
                got += s.readAll();
            const qsizetype end = got.indexOf("\r\n\r\n");
            if (end > 0) {
                const QRegularExpression length(QStringLiteral("Content-Length: (\\d+)"),
                                                QRegularExpression::CaseInsensitiveOption);
                const auto m = length.match(QString::fromLatin1(got.left(end)));
                if (m.hasMatch() && got.size() >= end + 4 + m.captured(1).toInt())
                    break;
            }
            if (s.state() != QAbstractSocket::ConnectedState && !s.bytesAvailable())
                break;
        }
        got += s.readAll();
        r.status = got.mid(9, 3).toInt();
        r.body = got.mid(got.indexOf("\r\n\r\n") + 4);
        return r;
    }

    std::unique_ptr<Server> m_server;
    QNetworkAccessManager m_net;
    QString m_login;
    QString m_acme, m_globex;
    QString m_acmeDataset, m_acmeDatasetName, m_globexDataset, m_globexDatasetName;
    QString m_investigation, m_hypothesis, m_globexInvestigation, m_globexHypothesis;
    QString m_word;
    QString m_keyA, m_keyB;
};

QTEST_GUILESS_MAIN(TestHttpService)
#include "tst_httpservice.moc"
