// Anonymiser, without a database: planted values of every kind are masked, ordinary text and
// numbers survive, labels stay readable only at their paths, JSON keys are masked too.

#include "anonymiser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ke;

namespace {

const QByteArray kKey = QByteArrayLiteral("a-test-key-of-sufficient-length");

Anonymiser acme(bool datasets = true)
{
    Anonymiser::Names n;
    n.tenant = {QStringLiteral("acme"), QStringLiteral("Acme Corporation")};
    n.people = {QStringLiteral("maria.lopez"),
                QStringLiteral("María López"),
                QStringLiteral("maria.lopez@acme.example"),
                QStringLiteral("a"),
                QStringLiteral("jo"),
                QStringLiteral("Will Turner"),
                QStringLiteral("system")};
    if (datasets)
        n.datasets
            = {QStringLiteral("public.orders"), QStringLiteral("orders"), QStringLiteral("events")};
    return Anonymiser(kKey, n);
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(
        QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
            .toJson(QJsonDocument::Compact));
}

} // namespace

class TestAnonymiser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksPlantedValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("planted");
        QTest::addColumn<QString>("token"); // what stands in its place ("" = only absent)
        QTest::newRow("e-mail") << QStringLiteral("page jane.doe+alerts@corp.example.com now")
                                << QStringLiteral("jane.doe+alerts@corp.example.com")
                                << QStringLiteral("page [email] now");
        QTest::newRow("e-mail of a person")
            << QStringLiteral("mail maria.lopez@acme.example") << QStringLiteral("maria.lopez")
            << QStringLiteral("mail [email]");
        QTest::newRow("phone international")
            << QStringLiteral("call +49 30 1234567 today") << QStringLiteral("1234567")
            << QStringLiteral("call [phone] today");
        QTest::newRow("phone international hyphens")
            << QStringLiteral("call +1-555-123-4567.") << QStringLiteral("555")
            << QStringLiteral("call [phone].");
        QTest::newRow("phone international parens")
            << QStringLiteral("on-call: +44 (20) 7946 0958") << QStringLiteral("7946")
            << QStringLiteral("on-call: [phone]");
        QTest::newRow("phone international no spaces")
            << QStringLiteral("sms +4915112345678") << QStringLiteral("4915112345678")
            << QStringLiteral("sms [phone]");
        QTest::newRow("phone 00 prefix")
            << QStringLiteral("Tel. 0049 30 1234567") << QStringLiteral("1234567")
            << QStringLiteral("Tel. [phone]");
        QTest::newRow("phone US parens")
            << QStringLiteral("call (555) 123-4567") << QStringLiteral("123-4567")
            << QStringLiteral("call [phone]");
        QTest::newRow("phone US") << QStringLiteral("call 555-123-4567 or 555.987.6543")
                                  << QStringLiteral("555")
                                  << QStringLiteral("call [phone] or [phone]");
        QTest::newRow("phone German")
            << QStringLiteral("Ruf 030 1234567 an, mobil 0170/1234567") << QStringLiteral("1234567")
            << QStringLiteral("Ruf [phone] an, mobil [phone]");
        QTest::newRow("phone German parens")
            << QStringLiteral("(030) 1234567") << QStringLiteral("1234567")
            << QStringLiteral("[phone]");
        QTest::newRow("phone UK") << QStringLiteral("ring 020 7946 0958") << QStringLiteral("7946")
                                  << QStringLiteral("ring [phone]");
        QTest::newRow("phone French")
            << QStringLiteral("appeler 01 23 45 67 89") << QStringLiteral("45 67")
            << QStringLiteral("appeler [phone]");
        QTest::newRow("url credentials")
            << QStringLiteral("postgres://etl:s3cr3t@db.internal:5432/prod failed")
            << QStringLiteral("s3cr3t")
            << QStringLiteral("postgres://[credentials]@db.internal:5432/prod failed");
        QTest::newRow("url user only")
            << QStringLiteral("https://deploy@git.example.org/x") << QStringLiteral("deploy@")
            << QStringLiteral("https://[credentials]@git.example.org/x");
        QTest::newRow("conninfo password")
            << QStringLiteral("host=db1 user=etl password=hunter22 dbname=prod")
            << QStringLiteral("hunter22")
            << QStringLiteral("host=db1 user=etl password=[secret] dbname=prod");
        QTest::newRow("tenant slug in identifier")
            << QStringLiteral("SELECT * FROM acme_prod.sales") << QStringLiteral("acme")
            << QStringLiteral("SELECT * FROM [tenant]_prod.sales");
        QTest::newRow("tenant name")
            << QStringLiteral("Acme Corporation's warehouse") << QStringLiteral("Acme")
            << QStringLiteral("[tenant]'s warehouse");
        QTest::newRow("tenant name part")
            << QStringLiteral("ACME billing and Acme CRM") << QStringLiteral("cme")
            << QStringLiteral("[tenant] billing and [tenant] CRM");
        QTest::newRow("person handle")
            << QStringLiteral("assigned to maria.lopez") << QStringLiteral("maria")
            << QStringLiteral("assigned to [person]");
        QTest::newRow("person display name")
            << QStringLiteral("ask María López") << QStringLiteral("Mar")
            << QStringLiteral("ask [person]");
        QTest::newRow("person first name alone")
            << QStringLiteral("María checked it; so did MARÍA and López") << QStringLiteral("Mar")
            << QStringLiteral("[person] checked it; so did [person] and [person]");
        QTest::newRow("person case-insensitive whole name")
            << QStringLiteral("ask maría lópez") << QStringLiteral("lópez")
            << QStringLiteral("ask [person]");
        QTest::newRow("dataset") << QStringLiteral("SELECT count(*) FROM public.orders")
                                 << QStringLiteral("orders") << QString();
    }

    void masksPlantedValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, planted);
        QFETCH(QString, token);
        const QString masked = acme().maskText(text);
        QVERIFY2(!masked.contains(planted, Qt::CaseInsensitive), qPrintable(masked));
        if (!token.isEmpty())
            QCOMPARE(masked, token);
    }

    void uuidsInEverySpellingGiveOneKeyedValue()
    {
        const Anonymiser a = acme();
        const QString canonical = QStringLiteral("0e5c4a9e-3b7d-4f21-9a6b-2c8d1e0f7a53");
        const QString hashed = a.hashId(canonical);
        QVERIFY(hashed != canonical);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]"
                                                  "{4}-[0-9a-f]{12}$"))
                    .match(hashed)
                    .hasMatch());
        for (const QString &spelling : QStringList{
                 canonical, canonical.toUpper(), QLatin1Char('{') + canonical + QLatin1Char('}'),
                 QString(canonical).remove(QLatin1Char('-')),
                 QString(canonical).remove(QLatin1Char('-')).toUpper(),
                 QStringLiteral("urn:uuid:") + canonical}) {
            const QString masked
                = a.maskText(QStringLiteral("id ") + spelling + QStringLiteral(" x"));
            QVERIFY2(!masked.contains(QStringLiteral("0e5c4a9e"), Qt::CaseInsensitive),
                     qPrintable(masked));
            QVERIFY2(!masked.contains(QStringLiteral("2c8d1e0f7a53"), Qt::CaseInsensitive),
                     qPrintable(masked));
            QVERIFY2(masked.contains(hashed), qPrintable(masked));
        }
        // Keyed: another key, another value.
        QVERIFY(
            Anonymiser(QByteArrayLiteral("another-key-of-sufficient-length"), {}).hashId(canonical)
            != hashed);
    }

    void datasetHashesAreKeyedAnd64Bits()
    {
        const QString masked = acme().maskText(QStringLiteral("FROM public.orders JOIN x"));
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("dataset-([0-9a-f]+)")).match(masked);
        QVERIFY2(m.hasMatch(), qPrintable(masked));
        QCOMPARE(m.captured(1).size(), 16);
        QCOMPARE(acme().datasetToken(QStringLiteral("PUBLIC.ORDERS")),
                 acme().datasetToken(QStringLiteral("public.orders")));
        QVERIFY(Anonymiser(QByteArrayLiteral("another-key-of-sufficient-length"), {})
                    .datasetToken(QStringLiteral("public.orders"))
                != acme().datasetToken(QStringLiteral("public.orders")));
    }

    // Training text is full of numbers: none of these is a phone number or a name.
    void leavesOrdinaryTextAlone_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t :
             {"30% of rows since 02:00 lack customer_id",
              "row_count 1234567 of 12345678",
              "between 2026-03-01 and 2026-03-02T08:00:00+00:00",
              "01.03.2026 um 08:15",
              "03/01/2026",
              "took 00:30:15 (1800 s)",
              "version 1.2.3 and 10.0.0.1",
              "rating +1 from 3 people",
              "expected 0.01, actual 0.3",
              "order 1001-2002",
              "limit 100 offset 200",
              "batch 20260301 of 42",
              "a wrong idea",
              "jo said so",
              "we will retry",
              "the system table",
              "ids h1, q-1 and e1",
              "cost 1,234,567.89",
              "INC-123456 and JIRA-4242",
              "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
            QTest::newRow(t) << QString::fromUtf8(t);
    }

    void leavesOrdinaryTextAlone()
    {
        QFETCH(QString, text);
        QCOMPARE(acme(false).maskText(text), text);
    }

    void jsonKeysAreMaskedOutsideTheFormat()
    {
        const QByteArray line = QByteArrayLiteral(R"({
          "task_type": "hypothesis_gen",
          "input": {
            "alert": {"maria.lopez@acme.example": 1, "0e5c4a9e-3b7d-4f21-9a6b-2c8d1e0f7a53": "x",
                      "anomaly_type": "null_spike", "severity": "Paged María López"},
            "dataset": {"name": "public.orders", "type": "events",
                        "metadata": {"owner": "maria.lopez", "acme_prod": true}},
            "schema": {"schema": {"public.orders": ["customer_id"], "orders": ["id"],
                                  "maria.lopez": 1, "María López": 2},
                       "lineage": [{"type": "events", "from": "acme.raw"}]},
            "known_quirks": [{"quirk_id": "q-1", "text": "call +49 30 1234567"}]
          },
          "output": {"text": "Will thinks so", "ranking": [{"verdict": "accepted"}]},
          "metadata": {"verdict": "María", "comments": ["ask jane@corp.example"]}
        })");
        const QString out = QString::fromUtf8(acme().apply(QByteArrayView(line)));
        for (const char *gone : {"maria", "María", "0e5c4a9e", "public.orders", "acme", "1234567",
                                 "jane@", "\"orders\""})
            QVERIFY2(!out.contains(QString::fromUtf8(gone), Qt::CaseInsensitive),
                     qPrintable(QString::fromUtf8(gone) + QStringLiteral(": ") + out));
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        // The format's own keys and labels survive.
        QCOMPARE(o.value(QStringLiteral("task_type")).toString(), QStringLiteral("hypothesis_gen"));
        const QJsonObject input = o.value(QStringLiteral("input")).toObject();
        QCOMPARE(input.keys(),
                 (QStringList{QStringLiteral("alert"), QStringLiteral("dataset"),
                              QStringLiteral("known_quirks"), QStringLiteral("schema")}));
        const QJsonObject alert = input.value(QStringLiteral("alert")).toObject();
        QCOMPARE(alert.value(QStringLiteral("anomaly_type")).toString(),
                 QStringLiteral("null_spike"));
        QCOMPARE(alert.value(QStringLiteral("[email]")).toInt(), 1);
        QCOMPARE(alert.value(QStringLiteral("severity")).toString(),
                 QStringLiteral("Paged [person]")); // not a label: masked
        QCOMPARE(input.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("type")),
                 QJsonValue(QStringLiteral("events"))); // a label at its path
        // "type" elsewhere is not exempt: the lineage's "events" is a dataset name there.
        const QJsonObject lineage = input.value(QStringLiteral("schema"))
                                        .toObject()
                                        .value(QStringLiteral("lineage"))
                                        .toArray()
                                        .first()
                                        .toObject();
        QVERIFY2(
            lineage.value(QStringLiteral("type")).toString().startsWith(QStringLiteral("dataset-")),
            qPrintable(out));
        const QJsonObject schema = input.value(QStringLiteral("schema"))
                                       .toObject()
                                       .value(QStringLiteral("schema"))
                                       .toObject();
        QCOMPARE(schema.size(), 4); // two keys masked alike both survive
        QVERIFY2(schema.contains(QStringLiteral("[person]"))
                     && schema.contains(QStringLiteral("[person]~2")),
                 qPrintable(out));
        QCOMPARE(o.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("ranking"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("verdict"))
                     .toString(),
                 QStringLiteral("accepted"));
        QCOMPARE(o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("verdict")),
                 QJsonValue(QStringLiteral("[person]"))); // not label-shaped: masked
        QCOMPARE(o.value(QStringLiteral("output")).toObject().value(QStringLiteral("text")),
                 QJsonValue(QStringLiteral("[person] thinks so")));
    }

    void shortHandlesAreNeverMasked()
    {
        // Handles "a" and "jo" are people, but masking them would mangle every sentence.
        const QString text = QStringLiteral("a join of jo and a table");
        QCOMPARE(acme().maskText(text), text);
        QCOMPARE(compact(acme().apply(QJsonValue(QJsonArray{text}))), compact(QJsonArray{text}));
    }
};

QTEST_GUILESS_MAIN(TestAnonymiser)
#include "tst_anonymiser.moc"
