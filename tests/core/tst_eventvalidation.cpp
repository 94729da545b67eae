// EventValidator and the event model: one data row per rule with the exact message a user
// sees, valid examples of every known type, the JSON form, quick reasons.

#include "event.h"
#include "uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ke;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject obj(const QByteArray &json)
{
    QJsonParseError e{};
    const QJsonObject o = QJsonDocument::fromJson(json, &e).object();
    if (e.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", json.constData());
    return o;
}

Event makeEvent(const QString &type, const QJsonObject &data)
{
    Event e;
    e.id = createUuidV7();
    e.tenantId = QUuid::createUuid();
    e.investigationId = QUuid::createUuid();
    e.actorId = QUuid::createUuid();
    e.eventType = type;
    e.data = data;
    e.createdAt = QDateTime::currentDateTimeUtc();
    return e;
}

/// A realistic, valid payload for each known type.
QJsonObject validPayload(const QString &type)
{
    const QString family = type.section(QLatin1Char('.'), 0, 0);
    if (type == QLatin1String("investigation.started"))
        return obj(R"({"dataset_id": "public.orders", "alert": {"metric": "null_rate:customer_id",
                   "expected": 0.01, "actual": 0.34, "anomaly_type": "null_spike", "severity": "high"}})");
    if (type == QLatin1String("investigation.completed"))
        return obj(R"({"root_cause": "ETL job skipped the customers join", "confidence": 0.86,
                   "duration_seconds": 412.5})");
    if (type == QLatin1String("investigation.failed"))
        return obj(R"({"error": "warehouse timeout"})");
    if (family == QLatin1String("hypothesis"))
        return obj(
            R"({"hypothesis_id": "h1", "text": "Upstream schema change", "confidence": 0.4})");
    if (type == QLatin1String("query.succeeded"))
        return obj(
            R"({"query_id": "q1", "hypothesis_id": "h1", "sql": "SELECT count(*) FROM orders",
                   "purpose": "volume", "row_count": 1, "duration_ms": 35})");
    if (type == QLatin1String("query.failed"))
        return obj(
            R"({"query_id": "q1", "sql": "SELECT x FROM y", "error": "relation y does not exist"})");
    if (family == QLatin1String("query"))
        return obj(
            R"({"query_id": "q1", "hypothesis_id": "h1", "sql": "SELECT 1", "purpose": "check"})");
    if (family == QLatin1String("evidence"))
        return obj(R"({"evidence_id": "e1", "hypothesis_id": "h1", "query_id": "q1",
                   "summary": "34% nulls since 02:00", "supports": true, "confidence": 0.9})");
    if (type == QLatin1String("synthesis.generated"))
        return obj(R"({"synthesis_id": "s1", "root_cause": "late partition", "confidence": 0.7,
                   "recommendations": ["Add a freshness check", "Backfill 2024-05-01"]})");
    if (family == QLatin1String("feedback")) {
        QJsonObject o{{QStringLiteral("target_id"), uuid()},
                      {QStringLiteral("rating"), -1},
                      {QStringLiteral("reason"), QStringLiteral("Dead end")},
                      {QStringLiteral("comment"), QJsonValue::Null},
                      {QStringLiteral("context"),
                       QJsonObject{{QStringLiteral("view"), QStringLiteral("trace")}}}};
        return o;
    }
    if (type == QLatin1String("comment.added"))
        return QJsonObject{{QStringLiteral("text"), QStringLiteral("Seen this before")},
                           {QStringLiteral("target_id"), uuid()}};
    if (type == QLatin1String("quirk.added"))
        return QJsonObject{
            {QStringLiteral("quirk_id"), uuid()},
            {QStringLiteral("text"), QStringLiteral("ETL has a 2-day lag on weekends")},
            {QStringLiteral("applies_to"), QStringLiteral("public.orders")}};
    if (type == QLatin1String("quirk.edited"))
        return QJsonObject{{QStringLiteral("quirk_id"), uuid()},
                           {QStringLiteral("text"), QStringLiteral("ETL lags 3 days on weekends")}};
    if (type == QLatin1String("quirk.retired"))
        return QJsonObject{{QStringLiteral("quirk_id"), uuid()},
                           {QStringLiteral("reason"), QStringLiteral("fixed in v2 pipeline")}};
    if (type == QLatin1String("quirk.confirmed"))
        return QJsonObject{{QStringLiteral("quirk_id"), uuid()}};
    return {};
}

} // namespace

class TestEventValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowsEveryTypeOfTheDesign()
    {
        const QStringList expected = {QStringLiteral("investigation.started"),
                                      QStringLiteral("investigation.completed"),
                                      QStringLiteral("investigation.failed"),
                                      QStringLiteral("hypothesis.generated"),
                                      QStringLiteral("hypothesis.accepted"),
                                      QStringLiteral("hypothesis.rejected"),
                                      QStringLiteral("query.planned"),
                                      QStringLiteral("query.submitted"),
                                      QStringLiteral("query.executed"),
                                      QStringLiteral("query.succeeded"),
                                      QStringLiteral("query.failed"),
                                      QStringLiteral("evidence.collected"),
                                      QStringLiteral("evidence.evaluated"),
                                      QStringLiteral("synthesis.generated"),
                                      QStringLiteral("feedback.hypothesis"),
                                      QStringLiteral("feedback.query"),
                                      QStringLiteral("feedback.evidence"),
                                      QStringLiteral("feedback.synthesis"),
                                      QStringLiteral("feedback.investigation"),
                                      QStringLiteral("comment.added"),
                                      QStringLiteral("quirk.added"),
                                      QStringLiteral("quirk.edited"),
                                      QStringLiteral("quirk.retired"),
                                      QStringLiteral("quirk.confirmed")};
        QStringList known = EventTypes::known();
        QStringList sorted = expected;
        sorted.sort();
        QCOMPARE(known, sorted);
        QVERIFY(!EventTypes::isKnown(QStringLiteral("feedback.dataset")));
    }

    void validExamplesOfEveryKnownTypePass()
    {
        for (const QString &type : EventTypes::known()) {
            const Event e = makeEvent(type, validPayload(type));
            QVERIFY2(!e.data.isEmpty(), qPrintable(type));
            const auto r = EventValidator::validate(e);
            QVERIFY2(r,
                     qPrintable(type + QStringLiteral(": ") + (r ? QString() : r.error().message)));
            // Other writers omit optional fields: the required ones alone are enough.
            const auto bare = EventValidator::validate(makeEvent(type, {}), false);
            if (type.startsWith(QLatin1String("feedback."))
                || type.startsWith(QLatin1String("quirk."))
                || type == QLatin1String("comment.added"))
                QVERIFY2(!bare, qPrintable(type));
            else
                QVERIFY2(bare, qPrintable(type));
        }
    }

    void rules_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");

        const QByteArray target = "\"target_id\": \"" + uuid().toLatin1() + "\"";
        auto fb = [&](const QByteArray &rest) {
            return QByteArray("{" + target
                              + (rest.isEmpty() ? QByteArray() : QByteArray(", " + rest)) + "}");
        };

        // PostgreSQL cannot store NUL in jsonb: refused with a clear message; the six
        // characters \u0000 typed as text are no NUL and pass.
        QTest::newRow("NUL in a text")
            << QStringLiteral("comment.added") << QByteArray("{\"text\": \"a\\u0000b\"}")
            << QStringLiteral("comment.added: event_data must not contain NUL characters "
                              "(\\u0000) — PostgreSQL cannot store them");
        QTest::newRow("backslash-u0000 typed")
            << QStringLiteral("comment.added") << QByteArray("{\"text\": \"a\\\\u0000b\"}")
            << QString();

        // feedback.*
        QTest::newRow("rating 5") << QStringLiteral("feedback.hypothesis") << fb("\"rating\": 5")
                                  << QStringLiteral(
                                         "feedback.hypothesis: rating must be 1 or -1, got 5");
        QTest::newRow("rating 0") << QStringLiteral("feedback.query") << fb("\"rating\": 0")
                                  << QStringLiteral(
                                         "feedback.query: rating must be 1 or -1, got 0");
        QTest::newRow("rating 0.5")
            << QStringLiteral("feedback.query") << fb("\"rating\": 0.5")
            << QStringLiteral("feedback.query: rating must be 1 or -1, got 0.5");
        QTest::newRow("rating as string")
            << QStringLiteral("feedback.evidence") << fb("\"rating\": \"1\"")
            << QStringLiteral("feedback.evidence: rating must be 1 or -1, got \"1\"");
        QTest::newRow("rating missing") << QStringLiteral("feedback.synthesis") << fb({})
                                        << QStringLiteral("feedback.synthesis: rating is required");
        QTest::newRow("target_id missing")
            << QStringLiteral("feedback.investigation") << QByteArray(R"({"rating": 1})")
            << QStringLiteral("feedback.investigation: target_id is required");
        QTest::newRow("target_id not a uuid")
            << QStringLiteral("feedback.hypothesis")
            << QByteArray(R"({"target_id": "h1", "rating": 1})")
            << QStringLiteral("feedback.hypothesis: target_id must be a UUID, got \"h1\"");
        QTest::newRow("reason not a string")
            << QStringLiteral("feedback.hypothesis") << fb("\"rating\": 1, \"reason\": 3")
            << QStringLiteral("feedback.hypothesis: reason must be a string, got 3");
        QTest::newRow("comment an object")
            << QStringLiteral("feedback.hypothesis") << fb("\"rating\": -1, \"comment\": {}")
            << QStringLiteral("feedback.hypothesis: comment must be a string, got an object");
        QTest::newRow("context not an object")
            << QStringLiteral("feedback.hypothesis") << fb("\"rating\": 1, \"context\": \"x\"")
            << QStringLiteral("feedback.hypothesis: context must be a JSON object, got \"x\"");
        QTest::newRow("reason and comment null")
            << QStringLiteral("feedback.hypothesis")
            << fb("\"rating\": -1, \"reason\": null, \"comment\": null") << QString();
        // confidence, bool, numbers, arrays
        QTest::newRow("confidence 7")
            << QStringLiteral("hypothesis.generated")
            << QByteArray(R"({"text": "x", "confidence": 7})")
            << QStringLiteral(
                   "hypothesis.generated: confidence must be a number between 0 and 1, got 7");
        QTest::newRow("confidence negative")
            << QStringLiteral("evidence.evaluated") << QByteArray(R"({"confidence": -0.1})")
            << QStringLiteral(
                   "evidence.evaluated: confidence must be a number between 0 and 1, got -0.1");
        QTest::newRow("confidence string")
            << QStringLiteral("investigation.completed") << QByteArray(R"({"confidence": "0.5"})")
            << QStringLiteral("investigation.completed: confidence must be a number between 0 and "
                              "1, got \"0.5\"");
        QTest::newRow("confidence 0 and 1 ok") << QStringLiteral("synthesis.generated")
                                               << QByteArray(R"({"confidence": 1})") << QString();
        QTest::newRow("supports not bool")
            << QStringLiteral("evidence.collected") << QByteArray(R"({"supports": "yes"})")
            << QStringLiteral("evidence.collected: supports must be true or false, got \"yes\"");
        QTest::newRow("row_count negative")
            << QStringLiteral("query.succeeded") << QByteArray(R"({"row_count": -1})")
            << QStringLiteral("query.succeeded: row_count must be a non-negative number, got -1");
        QTest::newRow("duration_ms string")
            << QStringLiteral("query.succeeded") << QByteArray(R"({"duration_ms": "fast"})")
            << QStringLiteral(
                   "query.succeeded: duration_ms must be a non-negative number, got \"fast\"");
        QTest::newRow("duration_seconds negative")
            << QStringLiteral("investigation.completed")
            << QByteArray(R"({"duration_seconds": -5})")
            << QStringLiteral("investigation.completed: duration_seconds must be a non-negative "
                              "number, got -5");
        QTest::newRow("recommendations a string")
            << QStringLiteral("synthesis.generated") << QByteArray(R"({"recommendations": "do x"})")
            << QStringLiteral("synthesis.generated: recommendations must be an array of strings, "
                              "got \"do x\"");
        QTest::newRow("recommendations with a number")
            << QStringLiteral("synthesis.generated")
            << QByteArray(R"({"recommendations": ["a", 1]})")
            << QStringLiteral("synthesis.generated: recommendations must be an array of strings, "
                              "got 1 at index 1");
        QTest::newRow("hypothesis_id empty")
            << QStringLiteral("query.planned") << QByteArray(R"({"hypothesis_id": ""})")
            << QStringLiteral("query.planned: hypothesis_id must be a non-empty string, got \"\"");
        QTest::newRow("sql not a string")
            << QStringLiteral("query.executed") << QByteArray(R"({"sql": ["SELECT 1"]})")
            << QStringLiteral("query.executed: sql must be a string, got an array");
        QTest::newRow("error not a string")
            << QStringLiteral("investigation.failed") << QByteArray(R"({"error": false})")
            << QStringLiteral("investigation.failed: error must be a string, got false");
        // investigation.started
        QTest::newRow("dataset_id a name")
            << QStringLiteral("investigation.started")
            << QByteArray(R"({"dataset_id": "public.orders"})") << QString();
        QTest::newRow("dataset_id a uuid")
            << QStringLiteral("investigation.started")
            << QByteArray("{\"dataset_id\": \"" + uuid().toLatin1() + "\"}") << QString();
        QTest::newRow("dataset_id a number")
            << QStringLiteral("investigation.started") << QByteArray(R"({"dataset_id": 42})")
            << QStringLiteral("investigation.started: dataset_id must be a dataset UUID or a "
                              "dataset name such as public.orders, got 42");
        QTest::newRow("alert not an object")
            << QStringLiteral("investigation.started") << QByteArray(R"({"alert": "null spike"})")
            << QStringLiteral(
                   "investigation.started: alert must be a JSON object, got \"null spike\"");
        // comment / quirks
        QTest::newRow("comment text missing") << QStringLiteral("comment.added") << QByteArray("{}")
                                              << QStringLiteral("comment.added: text is required");
        QTest::newRow("comment target not uuid")
            << QStringLiteral("comment.added") << QByteArray(R"({"text": "hi", "target_id": "q7"})")
            << QStringLiteral("comment.added: target_id must be a UUID, got \"q7\"");
        QTest::newRow("quirk.added quirk_id missing")
            << QStringLiteral("quirk.added") << QByteArray(R"({"text": "lag"})")
            << QStringLiteral("quirk.added: quirk_id is required");
        QTest::newRow("quirk.added text missing")
            << QStringLiteral("quirk.added")
            << QByteArray("{\"quirk_id\": \"" + uuid().toLatin1() + "\"}")
            << QStringLiteral("quirk.added: text is required");
        QTest::newRow("quirk.edited text missing")
            << QStringLiteral("quirk.edited")
            << QByteArray("{\"quirk_id\": \"" + uuid().toLatin1() + "\"}")
            << QStringLiteral("quirk.edited: text is required");
        QTest::newRow("quirk.retired quirk_id not uuid")
            << QStringLiteral("quirk.retired") << QByteArray(R"({"quirk_id": 12})")
            << QStringLiteral("quirk.retired: quirk_id must be a UUID, got 12");
        QTest::newRow("quirk.confirmed quirk_id missing")
            << QStringLiteral("quirk.confirmed") << QByteArray("{}")
            << QStringLiteral("quirk.confirmed: quirk_id is required");
        QTest::newRow("applies_to a number")
            << QStringLiteral("quirk.added")
            << QByteArray("{\"quirk_id\": \"" + uuid().toLatin1()
                          + "\", \"text\": \"t\", \"applies_to\": 5}")
            << QStringLiteral(
                   "quirk.added: applies_to must be a string or an array of strings, got 5");
        // sizes
        const QByteArray big(EventValidator::maxTextBytes + 1, 'a');
        QTest::newRow("text over 64 KiB")
            << QStringLiteral("hypothesis.generated") << QByteArray("{\"text\": \"" + big + "\"}")
            << QStringLiteral("hypothesis.generated: text is 65537 bytes, at most 65536 bytes (64 "
                              "KiB) allowed");
        QTest::newRow("text of exactly 64 KiB")
            << QStringLiteral("hypothesis.generated")
            << QByteArray("{\"text\": \"" + big.left(EventValidator::maxTextBytes) + "\"}")
            << QString();
        // 32769 × "é" is 32769 characters but 65538 UTF-8 bytes: bytes count.
        QByteArray accents;
        for (int i = 0; i < 32769; ++i)
            accents += "\xc3\xa9";
        QTest::newRow("text over 64 KiB in UTF-8 bytes")
            << QStringLiteral("quirk.edited")
            << QByteArray("{\"quirk_id\": \"" + uuid().toLatin1() + "\", \"text\": \"" + accents
                          + "\"}")
            << QStringLiteral(
                   "quirk.edited: text is 65538 bytes, at most 65536 bytes (64 KiB) allowed");
        QTest::newRow("comment over 64 KiB")
            << QStringLiteral("feedback.query") << fb("\"rating\": 1, \"comment\": \"" + big + "\"")
            << QStringLiteral(
                   "feedback.query: comment is 65537 bytes, at most 65536 bytes (64 KiB) allowed");
        // 17 strings of 64 KiB: each allowed, together more than 1 MiB.
        QByteArray many = "{" + target + ", \"rating\": 1, \"context\": {";
        for (int i = 0; i < 17; ++i)
            many += QByteArray(i ? ", " : "") + "\"k" + QByteArray::number(i) + "\": \""
                + big.left(65536) + "\"";
        many += "}}";
        QTest::newRow("event_data over 1 MiB")
            << QStringLiteral("feedback.hypothesis") << many
            << QStringLiteral("feedback.hypothesis: event_data is %1 bytes serialized, at most "
                              "1048576 bytes (1 MiB) allowed")
                   .arg(QJsonDocument(obj(many)).toJson(QJsonDocument::Compact).size());
    }

    void rules()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const auto r = EventValidator::validate(makeEvent(type, obj(data)));
        if (message.isEmpty()) {
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            return;
        }
        QVERIFY2(!r, "the event was accepted");
        QCOMPARE(r.error().message, message);
        QCOMPARE(r.error().code, QStringLiteral("invalid_event"));
        // The same rules hold for known types written by other writers.
        QVERIFY(!EventValidator::validate(makeEvent(type, obj(data)), false));
    }

    void envelope_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("forEmit");
        QTest::addColumn<QString>("message");
        QTest::newRow("no investigation")
            << QStringLiteral("investigation_id") << QString() << true
            << QStringLiteral("comment.added: investigation_id is required (a UUID)");
        QTest::newRow("no investigation, import")
            << QStringLiteral("investigation_id") << QString() << false
            << QStringLiteral("comment.added: investigation_id is required (a UUID)");
        QTest::newRow("no id") << QStringLiteral("id") << QString() << true
                               << QStringLiteral("comment.added: id is required (a UUID)");
        QTest::newRow("no tenant")
            << QStringLiteral("tenant_id") << QString() << true
            << QStringLiteral("comment.added: tenant_id is required (a UUID)");
        QTest::newRow("actor_type robot")
            << QStringLiteral("actor_type") << QStringLiteral("robot") << true
            << QStringLiteral(
                   "comment.added: actor_type must be 'user' or 'system', got \"robot\"");
        QTest::newRow("actor_type system")
            << QStringLiteral("actor_type") << QStringLiteral("system") << true << QString();
        QTest::newRow("event_type empty") << QStringLiteral("event_type") << QString() << false
                                          << QStringLiteral("event: event_type is required");
        QTest::newRow("event_type 101 chars")
            << QStringLiteral("event_type") << QString(101, QLatin1Char('x')) << false
            << QStringLiteral("event: event_type must be at most 100 characters, got 101");
        QTest::newRow("event_type 100 chars, import")
            << QStringLiteral("event_type") << QString(100, QLatin1Char('x')) << false << QString();
        QTest::newRow("unknown type, emit")
            << QStringLiteral("event_type") << QStringLiteral("orchestrator.step") << true
            << QStringLiteral("orchestrator.step: unknown event type");
        QTest::newRow("unknown type, import")
            << QStringLiteral("event_type") << QStringLiteral("orchestrator.step") << false
            << QString();
    }

    void envelope()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, forEmit);
        QFETCH(QString, message);
        // Unknown types keep whatever they carry, even fields that would be wrong for a known type.
        Event e = makeEvent(QStringLiteral("comment.added"),
                            QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}});
        if (field == QLatin1String("investigation_id"))
            e.investigationId = QUuid();
        else if (field == QLatin1String("id"))
            e.id = QUuid();
        else if (field == QLatin1String("tenant_id"))
            e.tenantId = QUuid();
        else if (field == QLatin1String("actor_type"))
            e.actorType = value;
        else if (field == QLatin1String("event_type")) {
            e.eventType = value;
            e.data.insert(QStringLiteral("rating"), 5);
        }
        const auto r = EventValidator::validate(e, forEmit);
        if (message.isEmpty()) {
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            return;
        }
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(message), qPrintable(r.error().message));
    }

    void fromJsonChecksTheShape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("id") << QByteArray(R"({"id": "nope"})")
                            << QStringLiteral("id must be a UUID, got \"nope\"");
        QTest::newRow("tenant_id") << QByteArray(R"({"tenant_id": 5})")
                                   << QStringLiteral("tenant_id must be a UUID, got 5");
        QTest::newRow("investigation_id")
            << QByteArray(R"({"investigation_id": "1234"})")
            << QStringLiteral("investigation_id must be a UUID, got \"1234\"");
        QTest::newRow("dataset_id")
            << QByteArray(R"({"dataset_id": "public.orders"})")
            << QStringLiteral("dataset_id must be a UUID, got \"public.orders\"");
        QTest::newRow("actor_id") << QByteArray(R"({"actor_id": "alice"})")
                                  << QStringLiteral("actor_id must be a UUID, got \"alice\"");
        QTest::newRow("event_data")
            << QByteArray(R"({"event_data": [1]})")
            << QStringLiteral("event_data must be a JSON object, got an array");
        QTest::newRow("event_type") << QByteArray(R"({"event_type": 3})")
                                    << QStringLiteral("event_type must be a string, got 3");
        QTest::newRow("created_at")
            << QByteArray(R"({"created_at": "yesterday"})")
            << QStringLiteral("created_at must be an ISO 8601 timestamp such as "
                              "2024-05-01T12:00:00Z, got \"yesterday\"");
    }

    void fromJsonChecksTheShape()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto r = Event::fromJson(obj(json));
        QVERIFY(!r);
        QCOMPARE(r.error().message, message);
    }

    void jsonRoundTrip()
    {
        Event e = makeEvent(QStringLiteral("feedback.query"),
                            validPayload(QStringLiteral("feedback.query")));
        e.datasetId = QUuid::createUuid();
        e.actorType = QStringLiteral("system");
        e.data.insert(QStringLiteral("extra_from_another_writer"),
                      QJsonArray{1, QStringLiteral("two")});
        const QJsonObject j = e.toJson();
        QCOMPARE(j.value(QStringLiteral("event_type")).toString(),
                 QStringLiteral("feedback.query"));
        QCOMPARE(j.value(QStringLiteral("id")).toString(), e.id.toString(QUuid::WithoutBraces));
        const auto back = Event::fromJson(j);
        QVERIFY(back);
        QCOMPARE(back->id, e.id);
        QCOMPARE(back->tenantId, e.tenantId);
        QCOMPARE(back->investigationId, e.investigationId);
        QCOMPARE(back->datasetId, e.datasetId);
        QCOMPARE(back->actorId, e.actorId);
        QCOMPARE(back->actorType, e.actorType);
        QCOMPARE(back->data, e.data);
        QCOMPARE(back->createdAt, e.createdAt);
        // Absent ids stay null; actor_type defaults to user.
        const auto minimal = Event::fromJson(obj(R"({"event_type": "comment.added"})"));
        QVERIFY(minimal);
        QVERIFY(minimal->id.isNull());
        QVERIFY(minimal->datasetId.isNull());
        QCOMPARE(minimal->actorType, QStringLiteral("user"));
        QVERIFY(e.toJson().value(QStringLiteral("dataset_id")).isString());
        Event noDataset = e;
        noDataset.datasetId = QUuid();
        QVERIFY(noDataset.toJson().value(QStringLiteral("dataset_id")).isNull());
    }

    void feedbackTargetsAndQuickReasons()
    {
        QCOMPARE(EventTypes::feedbackTarget(QStringLiteral("feedback.hypothesis")),
                 QStringLiteral("hypothesis"));
        QCOMPARE(EventTypes::feedbackTarget(QStringLiteral("feedback.investigation")),
                 QStringLiteral("investigation"));
        QCOMPARE(EventTypes::feedbackTarget(QStringLiteral("hypothesis.generated")), QString());
        QCOMPARE(EventTypes::quickReasons(QStringLiteral("hypothesis"), 1),
                 (QStringList{QStringLiteral("Right direction"), QStringLiteral("Key insight")}));
        QCOMPARE(EventTypes::quickReasons(QStringLiteral("hypothesis"), -1),
                 (QStringList{QStringLiteral("Dead end"), QStringLiteral("Already known")}));
        QCOMPARE(EventTypes::quickReasons(QStringLiteral("query"), -1),
                 (QStringList{QStringLiteral("Wrong table"), QStringLiteral("Inconclusive")}));
        QCOMPARE(EventTypes::quickReasons(QStringLiteral("evidence"), 1),
                 (QStringList{QStringLiteral("Key proof"), QStringLiteral("Clear signal")}));
        QCOMPARE(
            EventTypes::quickReasons(QStringLiteral("synthesis"), -1),
            (QStringList{QStringLiteral("Partial answer"), QStringLiteral("Missed root cause")}));
        QCOMPARE(EventTypes::quickReasons(QStringLiteral("investigation"), 1),
                 (QStringList{QStringLiteral("Saved time"), QStringLiteral("Found the issue")}));
        QVERIFY(EventTypes::quickReasons(QStringLiteral("dataset"), 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEventValidation)
#include "tst_eventvalidation.moc"
