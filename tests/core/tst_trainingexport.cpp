// `knowledgectl export-training` end to end: formats, filters, tenant confinement, the
// anonymised cross-tenant export, the investigation-preserving split and atomic writes.

#include "databasetestcase.h"
#include "trainingexamplebuilder.h"
#include "trainingexporter.h"
#include "traininghistory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ke;
using namespace ke::test;

class TestTrainingExport : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AcmeHistory m_acme;
    OtherHistory m_other;
    OtherHistory m_hidden; // never opts in
    QUuid m_bulk;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    TestDatabase::Run exportTraining(const QString &tenant, QStringList args)
    {
        args.prepend(QStringLiteral("export-training"));
        return m_db->run(QStringLiteral("knowledgectl"), args, {}, tenant);
    }

    static QList<QJsonObject> readLines(const QString &file, QString *text = nullptr)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            QTest::qFail(qPrintable(QStringLiteral("cannot open %1").arg(file)), __FILE__,
                         __LINE__);
            return {};
        }
        const QByteArray all = f.readAll();
        if (text)
            *text = QString::fromUtf8(all);
        QList<QJsonObject> out;
        for (const QByteArray &line : all.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject()) {
                QTest::qFail(
                    qPrintable(
                        QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(line))),
                    __FILE__, __LINE__);
                return {};
            }
            out << doc.object();
        }
        return out;
    }

    static QByteArray digest(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        KE_CREATE_TEST_DATABASE("trainexp");
        m_acme.write(*m_db);
        m_other.write(*m_db);
        m_hidden.write(*m_db, QStringLiteral("hidden"), QStringLiteral("hidden tenant hypothesis"));

        // "bulk": 40 investigations of two rated hypotheses each, for the split.
        m_bulk = m_db->createTenant(QStringLiteral("bulk"));
        HistoryWriter w(*m_db, m_bulk);
        const QUuid pat = w.person(QStringLiteral("pat"), QStringLiteral("Pat Bulk"));
        for (int i = 0; i < 40; ++i) {
            const QUuid inv = QUuid::createUuid();
            w.event(inv, QStringLiteral("investigation.started"),
                    obj({{QStringLiteral("dataset_id"), QStringLiteral("public.events")},
                         {QStringLiteral("alert"),
                          obj({{QStringLiteral("anomaly_type"), QStringLiteral("volume_drop")}})}}),
                    i * 100);
            for (int h = 0; h < 2; ++h) {
                const QString hid = QStringLiteral("h%1-%2").arg(i).arg(h);
                w.event(inv, QStringLiteral("hypothesis.generated"),
                        obj({{QStringLiteral("hypothesis_id"), hid},
                             {QStringLiteral("text"), QStringLiteral("hypothesis %1").arg(hid)}}),
                        i * 100 + 10 + h);
                w.feedback(inv, QStringLiteral("hypothesis"), hid, h == 0 ? 1 : -1, pat,
                           i * 100 + 20 + h);
            }
        }

        // The CLI builds one tenant; the core builds the others.
        const auto built
            = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("build-training")}, {},
                        QStringLiteral("acme"));
        QVERIFY2(built.exitCode == 0, qPrintable(built.err));
        QVERIFY2(built.out.contains(QStringLiteral("8 example(s)")), qPrintable(built.out));
        for (const QString &t :
             {QStringLiteral("other"), QStringLiteral("hidden"), QStringLiteral("bulk")}) {
            auto db = m_db->connect(t, {}, test::TestDatabase::As::Service);
            QVERIFY(db);
            auto stats = TrainingExampleBuilder::rebuild(*db);
            QVERIFY2(stats, qPrintable(errorOf(stats)));
        }
    }

    void rawExportStaysInTheTenant()
    {
        const QString out = path(QStringLiteral("raw.jsonl"));
        const auto r = exportTraining(QStringLiteral("acme"), {QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("hypothesis_gen: 3")), qPrintable(r.out));
        QString text;
        const auto lines = readLines(out, &text);
        QCOMPARE(lines.size(), 8);
        for (const QJsonObject &o : lines) {
            for (const char *key :
                 {"task_type", "input", "output", "feedback_score", "dataset_type", "issue_type",
                  "investigation_id", "source_event_ids"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            QVERIFY(o.value(QStringLiteral("input")).isObject());
            QVERIFY(o.value(QStringLiteral("source_event_ids")).toArray().size() > 0);
            QCOMPARE(o.value(QStringLiteral("tenant_id")).toString(),
                     m_acme.tenant.toString(QUuid::WithoutBraces));
        }
        QVERIFY(!text.contains(QStringLiteral("secret other-tenant")));
        QVERIFY(!text.contains(m_other.tenant.toString(QUuid::WithoutBraces)));
        QVERIFY(!text.contains(m_other.inv.toString(QUuid::WithoutBraces)));
        QVERIFY(!text.contains(QStringLiteral("hypothesis h1-0")));
        QVERIFY(text.contains(QStringLiteral("Dead end"))); // comments kept by default

        // Readable by its owner only (0600), also when it replaces a file readable by all.
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOwner;
        QVERIFY((QFile::permissions(out) & ownerOnly) == ownerOnly);
        QCOMPARE(QFile::permissions(out) & others, QFileDevice::Permissions());

        // Deterministic: the same export twice is byte-identical.
        const QString again = path(QStringLiteral("raw2.jsonl"));
        {
            QFile old(again);
            QVERIFY(old.open(QIODevice::WriteOnly));
            QVERIFY(
                old.setPermissions(ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        }
        QCOMPARE(exportTraining(QStringLiteral("acme"), {QStringLiteral("--out"), again}).exitCode,
                 0);
        QCOMPARE(digest(again), digest(out));
        QCOMPARE(QFile::permissions(again) & others, QFileDevice::Permissions());
    }

    void minScoreFilters()
    {
        const QString out = path(QStringLiteral("min.jsonl"));
        const auto r = exportTraining(
            QStringLiteral("acme"),
            {QStringLiteral("--out"), out, QStringLiteral("--min-score"), QStringLiteral("0.5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = readLines(out);
        QCOMPARE(lines.size(), 3); // h1, the ranking (best = h1), q1
        for (const QJsonObject &o : lines)
            QVERIFY(o.value(QStringLiteral("feedback_score")).toDouble() >= 0.5);
        QVERIFY2(r.out.contains(QStringLiteral("3 below --min-score")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("2 without a feedback score")), qPrintable(r.out));
    }

    void taskAndTypeFilters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("lines");
        QTest::newRow("task") << QStringList{QStringLiteral("--task"), QStringLiteral("query_gen")}
                              << 2;
        QTest::newRow("two tasks")
            << QStringList{QStringLiteral("--task"), QStringLiteral("query_gen,synthesis")} << 4;
        QTest::newRow("dataset type")
            << QStringList{QStringLiteral("--dataset-type"), QStringLiteral("events")} << 2;
        QTest::newRow("issue type")
            << QStringList{QStringLiteral("--issue-type"), QStringLiteral("null_spike")} << 6;
        QTest::newRow("since after")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2026-03-02")} << 0;
        QTest::newRow("since before")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2026-02-28")} << 8;
    }

    void taskAndTypeFilters()
    {
        QFETCH(QStringList, args);
        QFETCH(int, lines);
        const QString out = path(QStringLiteral("filter.jsonl"));
        const auto r = exportTraining(QStringLiteral("acme"),
                                      QStringList{QStringLiteral("--out"), out} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readLines(out).size(), lines);
    }

    void openAiChatFormat()
    {
        const QString out = path(QStringLiteral("chat.jsonl"));
        const auto r = exportTraining(QStringLiteral("acme"),
                                      {QStringLiteral("--out"), out, QStringLiteral("--format"),
                                       QStringLiteral("openai-chat")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = readLines(out);
        QCOMPARE(lines.size(), 8);
        bool sawSql = false;
        for (const QJsonObject &o : lines) {
            QCOMPARE(o.keys(), QStringList{QStringLiteral("messages")});
            const QJsonArray m = o.value(QStringLiteral("messages")).toArray();
            QCOMPARE(m.size(), 3);
            const QStringList roles{QStringLiteral("system"), QStringLiteral("user"),
                                    QStringLiteral("assistant")};
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(m.at(i).toObject().value(QStringLiteral("role")).toString(), roles.at(i));
                QVERIFY(!m.at(i).toObject().value(QStringLiteral("content")).toString().isEmpty());
            }
            if (m.at(2).toObject().value(QStringLiteral("content")).toString()
                == QStringLiteral("SELECT count(*) FROM public.orders WHERE customer_id IS NULL"))
                sawSql = true;
        }
        QVERIFY(sawSql);
    }

    void preferencePairs()
    {
        const QString out = path(QStringLiteral("pref.jsonl"));
        const auto r = exportTraining(QStringLiteral("acme"),
                                      {QStringLiteral("--out"), out, QStringLiteral("--format"),
                                       QStringLiteral("preference")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = readLines(out);
        QCOMPARE(lines.size(), 1);
        const QJsonObject p = lines.first();
        QCOMPARE(p.value(QStringLiteral("chosen")).toString(),
                 QStringLiteral("The upstream ETL job failed"));
        QCOMPARE(p.value(QStringLiteral("rejected")).toString(),
                 QStringLiteral("A schema change dropped the column"));
        QVERIFY(
            p.value(QStringLiteral("prompt")).toString().contains(QStringLiteral("null_spike")));
        // A preference export of query_gen makes no sense: refused.
        const auto bad = exportTraining(QStringLiteral("acme"),
                                        {QStringLiteral("--out"), path(QStringLiteral("p2.jsonl")),
                                         QStringLiteral("--format"), QStringLiteral("preference"),
                                         QStringLiteral("--task"), QStringLiteral("query_gen")});
        QVERIFY(bad.exitCode != 0);
    }

    void splitNeverSharesAnInvestigation()
    {
        const QString out = path(QStringLiteral("bulk.jsonl"));
        const auto r = exportTraining(
            QStringLiteral("bulk"),
            {QStringLiteral("--out"), out, QStringLiteral("--split"), QStringLiteral("0.7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        const auto train = readLines(path(QStringLiteral("bulk.train.jsonl")));
        const auto valid = readLines(path(QStringLiteral("bulk.valid.jsonl")));
        QCOMPARE(train.size() + valid.size(), 40 * 3); // 2 hypothesis_gen + 1 rank each
        QVERIFY(!train.isEmpty());
        QVERIFY(!valid.isEmpty());
        QSet<QString> a, b;
        for (const auto &o : train)
            a.insert(o.value(QStringLiteral("investigation_id")).toString());
        for (const auto &o : valid)
            b.insert(o.value(QStringLiteral("investigation_id")).toString());
        QVERIFY(!a.intersects(b));
        QCOMPARE(a.size() + b.size(), 40);

        // The preference split keeps pairs with their investigation too.
        const QString pref = path(QStringLiteral("bulkpref"));
        QCOMPARE(exportTraining(QStringLiteral("bulk"),
                                {QStringLiteral("--out"), pref, QStringLiteral("--split"),
                                 QStringLiteral("0.7"), QStringLiteral("--format"),
                                 QStringLiteral("preference")})
                     .exitCode,
                 0);
        QSet<QString> pa, pb;
        for (const auto &o : readLines(pref + QStringLiteral(".train.jsonl")))
            pa.insert(o.value(QStringLiteral("investigation_id")).toString());
        for (const auto &o : readLines(pref + QStringLiteral(".valid.jsonl")))
            pb.insert(o.value(QStringLiteral("investigation_id")).toString());
        QCOMPARE(pa, a); // the same investigations land on the same side in every format
        QCOMPARE(pb, b);
    }

    void excludeCommentsDropsThem()
    {
        const QString out = path(QStringLiteral("nocomments.jsonl"));
        const auto r
            = exportTraining(QStringLiteral("acme"),
                             {QStringLiteral("--out"), out, QStringLiteral("--exclude-comments")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString text;
        QCOMPARE(readLines(out, &text).size(), 8);
        QVERIFY(!text.contains(QStringLiteral("Dead end")));
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown task")
            << QStringList{QStringLiteral("--task"), QStringLiteral("poetry")}
            << QStringLiteral("unknown task");
        QTest::newRow("unknown format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("csv")}
            << QStringLiteral("unknown format");
        QTest::newRow("min-score not a number")
            << QStringList{QStringLiteral("--min-score"), QStringLiteral("high")}
            << QStringLiteral("not a number");
        QTest::newRow("min-score out of range")
            << QStringList{QStringLiteral("--min-score"), QStringLiteral("3")}
            << QStringLiteral("between -1 and 1");
        QTest::newRow("split out of range")
            << QStringList{QStringLiteral("--split"), QStringLiteral("1.5")}
            << QStringLiteral("--split");
        QTest::newRow("since not a date")
            << QStringList{QStringLiteral("--since"), QStringLiteral("yesterday")}
            << QStringLiteral("not a date");
        // Only the owner or a service login for every tenant reads other tenants.
        QTest::newRow("cross-tenant as one tenant's login")
            << QStringList{QStringLiteral("--cross-tenant")}
            << QStringLiteral(
                   "a cross-tenant export runs only as a service login for every tenant");
    }

    void badInputWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        qunsetenv("KNOWLEDGE_EXPORT_KEY");
        const QString out = path(QStringLiteral("bad.jsonl"));
        QFile::remove(out);
        const auto r = exportTraining(QStringLiteral("acme"),
                                      QStringList{QStringLiteral("--out"), out} + args);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void unwritablePathAndFailedExportLeaveFilesAlone()
    {
        const auto r
            = exportTraining(QStringLiteral("acme"),
                             {QStringLiteral("--out"), QStringLiteral("/nonexistent-dir/x.jsonl")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write")), qPrintable(r.err));

        // A failing export never replaces a file that is already there.
        qunsetenv("KNOWLEDGE_EXPORT_KEY");
        const QString out = path(QStringLiteral("keep.jsonl"));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous\n");
        }
        m_db->scalar(QStringLiteral(
            "UPDATE tenants SET settings = '{\"training_export\": {\"cross_tenant\": true}}' "
            "WHERE slug = 'acme'"));
        const auto failed
            = exportTraining(QStringLiteral("acme"),
                             {QStringLiteral("--out"), out, QStringLiteral("--cross-tenant")});
        QVERIFY(failed.exitCode != 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous\n"));
        QStringList leftovers
            = QDir(m_dir.path()).entryList({QStringLiteral("keep.jsonl*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList{QStringLiteral("keep.jsonl")});
        m_db->scalar(QStringLiteral("UPDATE tenants SET settings = '{}' WHERE slug = 'acme'"));
    }

    void crossTenantExportIsAnonymised()
    {
        m_db->scalar(QStringLiteral(
            "UPDATE tenants SET settings = '{\"training_export\": {\"cross_tenant\": true}}' "
            "WHERE slug = 'acme'"));
        m_db->scalar(QStringLiteral(
            "UPDATE tenants SET settings = '{\"training_export\": {\"cross_tenant\": true, "
            "\"allow_dataset_names\": true}}' WHERE slug = 'other'"));
        qputenv("KNOWLEDGE_EXPORT_KEY", "a-test-key-of-sufficient-length");
        const QString out = path(QStringLiteral("cross.jsonl"));
        // Asked by "bulk", which has not opted in itself: it gets only the opted-in tenants.
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("export-training"), QStringLiteral("--out"), out,
                                  QStringLiteral("--cross-tenant")},
                                 {}, QStringLiteral("bulk"), {}, TestDatabase::As::Worker);
        // A member login of a tenant may not pull the pool, whatever its client does: the
        // product refuses, and so does the database (training_export_tenants is services').
        const QString refusedOut = path(QStringLiteral("cross-member.jsonl"));
        const auto member = m_db->run(QStringLiteral("knowledgectl"),
                                      {QStringLiteral("export-training"), QStringLiteral("--out"),
                                       refusedOut, QStringLiteral("--cross-tenant")},
                                      {}, QStringLiteral("bulk"), {}, TestDatabase::As::Member);
        QCOMPARE(member.exitCode, 1);
        QVERIFY2(member.err.contains(QLatin1String("runs only as a service login")),
                 qPrintable(member.err));
        QVERIFY(!QFile::exists(refusedOut));
        qunsetenv("KNOWLEDGE_EXPORT_KEY");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString text;
        const auto lines = readLines(out, &text);
        QCOMPARE(lines.size(), 8 + 3); // acme's 8, other's 2 hypotheses + ranking
        // Included; the tenant's slug ("other") is masked wherever it stands, common word or not.
        QVERIFY(text.contains(QStringLiteral("secret [tenant]-tenant hypothesis")));
        QVERIFY(text.contains(QStringLiteral("sales.invoices"))); // allowed by "other"
        QVERIFY(!text.contains(QStringLiteral("hidden tenant hypothesis"))); // not opted in
        QVERIFY(!text.contains(QStringLiteral("hypothesis h1-0"))); // bulk did not opt in

        // No original id of any kind survives.
        {
            const QList<SqlRow> ids = m_db->rows(
                QStringLiteral("SELECT id::text FROM feedback_events UNION SELECT "
                               "investigation_id::text FROM feedback_events "
                               "UNION SELECT id::text FROM tenants UNION SELECT id::text FROM "
                               "people UNION SELECT id::text FROM datasets UNION SELECT id::text "
                               "FROM ml_training_examples"));
            QVERIFY(ids.size() > 100);
            for (const SqlRow &row : ids)
                QVERIFY2(!text.contains(row.at(0), Qt::CaseInsensitive), qPrintable(row.at(0)));
        }
        // No names, handles or e-mails of people; acme's dataset names masked.
        for (const QString &name :
             {QStringLiteral("alice"), QStringLiteral("Alice Example"),
              QStringLiteral("Bob Sample"), QStringLiteral("Dave Hidden"),
              QStringLiteral("example.com"), QStringLiteral("public.orders"),
              QStringLiteral("click_stream"), QStringLiteral("public.customers")})
            QVERIFY2(!text.contains(name, Qt::CaseInsensitive), qPrintable(name));
        QVERIFY(text.contains(QStringLiteral("[person]")));
        QVERIFY(text.contains(QStringLiteral("dataset-")));
        // Investigations stay grouped: the same keyed hash in every example of one investigation.
        QSet<QString> investigations;
        for (const auto &o : lines)
            investigations.insert(o.value(QStringLiteral("investigation_id")).toString());
        QCOMPARE(investigations.size(), 3);
        m_db->scalar(QStringLiteral("UPDATE tenants SET settings = '{}'"));
    }
    // A tenant whose events carry a value of every kind the anonymiser masks: none of them
    // reaches the pooled file, in any format, while ordinary numbers and dates do.
    void crossTenantExportMasksPlantedValues()
    {
        const QUuid tenant = m_db->createTenant(QStringLiteral("globodyne"));
        m_db->exec(
            QStringLiteral("UPDATE tenants SET name = 'Globodyne Holdings', settings = "
                           "'{\"training_export\": {\"cross_tenant\": true}}' WHERE id = $1"),
            {tenant});
        HistoryWriter w(*m_db, tenant);
        const QUuid ingrid
            = w.person(QStringLiteral("ingrid.k"), QStringLiteral("Ingrid Kowalski"));
        w.dataset(QStringLiteral("finance.invoices"));
        const QUuid run = QUuid::createUuid();
        const QString runUpper = run.toString(QUuid::WithBraces).toUpper();
        const QString runBare = run.toString(QUuid::Id128);
        const QUuid inv = QUuid::createUuid();
        w.event(inv, QStringLiteral("investigation.started"),
                obj({{QStringLiteral("dataset_id"), QStringLiteral("finance.invoices")},
                     {QStringLiteral("actor_name"), QStringLiteral("Olga Orchestrova")},
                     {QStringLiteral("alert"),
                      obj({{QStringLiteral("anomaly_type"), QStringLiteral("null_spike")},
                           {QStringLiteral("jane.roe@corp.example"), QStringLiteral("watcher")},
                           {run.toString(QUuid::WithoutBraces), 1},
                           {QStringLiteral("note"),
                            QStringLiteral("paged Olga at +49 30 1234567")}})}}),
                0);
        w.event(inv, QStringLiteral("hypothesis.generated"),
                obj({{QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                     {QStringLiteral("text"),
                      QStringLiteral("Olga Orchestrova says the Globodyne Holdings loader in "
                                     "globodyne_prod.staging lost 1234 rows on 2026-03-01; call "
                                     "(555) 123-4567 or ops-lead@corp.example; creds "
                                     "postgres://etl:s3cr3t@db.internal/prod; run %1 aka %2")
                          .arg(runUpper, runBare)}}),
                10);
        w.event(inv, QStringLiteral("query.planned"),
                obj({{QStringLiteral("query_id"), QStringLiteral("q1")},
                     {QStringLiteral("hypothesis_id"), QStringLiteral("h1")},
                     {QStringLiteral("sql"),
                      QStringLiteral("SELECT * FROM globodyne_prod.staging WHERE owner = "
                                     "'jane.roe@corp.example'")}}),
                20);
        w.feedback(inv, QStringLiteral("hypothesis"), QStringLiteral("h1"), 1, ingrid, 30,
                   QStringLiteral("Ingrid here: ask Olga, mobile 0170/1234567"));
        w.feedback(inv, QStringLiteral("query"), QStringLiteral("q1"), 1, ingrid, 31);
        w.event(inv, QStringLiteral("synthesis.generated"),
                obj({{QStringLiteral("synthesis_id"), QStringLiteral("s1")},
                     {QStringLiteral("root_cause"),
                      QStringLiteral("INGRID KOWALSKI found run %1").arg(runBare.toUpper())}}),
                40);
        {
            auto db = m_db->connect(QStringLiteral("globodyne"), {}, TestDatabase::As::Service);
            QVERIFY(db);
            auto stats = TrainingExampleBuilder::rebuild(*db);
            QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().message));
        }

        qputenv("KNOWLEDGE_EXPORT_KEY", "a-test-key-of-sufficient-length");
        for (const QString &format : {QStringLiteral("raw"), QStringLiteral("openai-chat")}) {
            const QString out = path(QStringLiteral("planted-%1.jsonl").arg(format));
            // As the service login for every tenant, the only one that may pool tenants.
            const auto r
                = m_db->run(QStringLiteral("knowledgectl"),
                            {QStringLiteral("export-training"), QStringLiteral("--out"), out,
                             QStringLiteral("--format"), format, QStringLiteral("--cross-tenant")},
                            {}, QStringLiteral("bulk"), {}, TestDatabase::As::Worker);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QString text;
            QVERIFY(!readLines(out, &text).isEmpty());
            QVERIFY2(text.contains(QStringLiteral("lost 1234 rows on 2026-03-01")),
                     qPrintable(text));
            for (const QString &planted : {QStringLiteral("Olga"),
                                           QStringLiteral("Orchestrova"),
                                           QStringLiteral("Ingrid"),
                                           QStringLiteral("Kowalski"),
                                           QStringLiteral("ingrid.k"),
                                           QStringLiteral("jane.roe"),
                                           QStringLiteral("ops-lead"),
                                           QStringLiteral("corp.example"),
                                           QStringLiteral("s3cr3t"),
                                           QStringLiteral("etl:"),
                                           QStringLiteral("1234567"),
                                           QStringLiteral("123-4567"),
                                           QStringLiteral("globodyne"),
                                           QStringLiteral("Holdings"),
                                           QStringLiteral("finance.invoices"),
                                           run.toString(QUuid::WithoutBraces),
                                           runBare,
                                           tenant.toString(QUuid::WithoutBraces),
                                           inv.toString(QUuid::WithoutBraces),
                                           ingrid.toString(QUuid::WithoutBraces)})
                QVERIFY2(!text.contains(planted, Qt::CaseInsensitive),
                         qPrintable(format + QStringLiteral(": ") + planted + QStringLiteral(" in ")
                                    + text));
            for (const QString &token :
                 {QStringLiteral("[person]"), QStringLiteral("[tenant]"), QStringLiteral("[email]"),
                  QStringLiteral("[phone]"), QStringLiteral("[credentials]@db.internal")})
                QVERIFY2(text.contains(token), qPrintable(format + QStringLiteral(": ") + token));
        }
        qunsetenv("KNOWLEDGE_EXPORT_KEY");
        m_db->scalar(QStringLiteral("UPDATE tenants SET settings = '{}'"));
    }

    void aCancelledExportWritesNothing()
    {
        auto db = m_db->connect(QStringLiteral("bulk"), {}, TestDatabase::As::Member);
        QVERIFY2(db, qPrintable(TestDatabase::error()));
        std::atomic_bool cancel{false};
        TrainingExporter::Options o;
        o.outPath = path(QStringLiteral("cancelled.jsonl"));
        o.fetchSize = 10;
        o.cancel = &cancel;
        qint64 seen = 0;
        qint64 examples = 0;
        o.progress = [&](qint64 written, qint64 all) {
            seen = written;
            examples = all;
            cancel = true; // after the first chunk
        };
        auto r = TrainingExporter::exportTo(*db, o);
        QVERIFY(!r);
        QVERIFY2(r.error().is(ErrorCode::Cancelled), qPrintable(r.error().message));
        QCOMPARE(seen, qint64(10));
        QVERIFY(examples >= 80);
        QVERIFY(!QFile::exists(o.outPath)); // nothing under the final name

        // Not cancelled: progress reaches every line.
        cancel = false;
        o.cancel = nullptr;
        o.progress = [&](qint64 written, qint64) { seen = written; };
        auto done = TrainingExporter::exportTo(*db, o);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(seen, done->written);
        QVERIFY(QFile::exists(o.outPath));
    }

    void nothingToExportSaysWhy_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::newRow("filtered out")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2026-03-02")}
            << QStringLiteral("filtered out all 8 example(s)");
        QTest::newRow("issue type matched nothing")
            << QStringList{QStringLiteral("--task"), QStringLiteral("hypothesis_rank"),
                           QStringLiteral("--issue-type"), QStringLiteral("none such")}
            << QStringLiteral("filtered out all");
    }

    void nothingToExportSaysWhy()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const QString out = path(QStringLiteral("why.jsonl"));
        const auto r = exportTraining(QStringLiteral("acme"),
                                      QStringList{QStringLiteral("--out"), out} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // nothing to export is not a failure
        QCOMPARE(readLines(out).size(), 0);
        QVERIFY2(r.err.contains(QStringLiteral("nothing to export")) && r.err.contains(reason),
                 qPrintable(r.err));
    }

    void freshDatabaseBuildsBeforeExporting()
    {
        // On a fresh database: nothing built yet, and --no-build says so; without it the
        // export builds first. After demo-seed + aggregate, every format has lines.
        auto fresh = TestDatabase::create(QStringLiteral("trainfresh"));
        QVERIFY2(fresh, qPrintable(TestDatabase::error()));
        fresh->createTenant(QStringLiteral("acme"));
        auto exportFresh = [&](QStringList args) {
            args.prepend(QStringLiteral("export-training"));
            return fresh->run(QStringLiteral("knowledgectl"), args, {}, QStringLiteral("acme"));
        };
        const QString out = path(QStringLiteral("fresh.jsonl"));
        auto r = exportFresh({QStringLiteral("--out"), out, QStringLiteral("--no-build")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("no training examples are built yet")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("without --no-build")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("build:"))); // nothing was built
        r = exportFresh({QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("build:")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("no investigation")), qPrintable(r.err));

        for (const QStringList &step :
             {QStringList{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QStringLiteral("40")},
              QStringList{QStringLiteral("aggregate")}}) {
            const auto done
                = fresh->run(QStringLiteral("knowledgectl"), step, {}, QStringLiteral("acme"));
            QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        }
        for (const QString &format :
             {QStringLiteral("raw"), QStringLiteral("openai-chat"), QStringLiteral("preference")}) {
            const QString file = path(QStringLiteral("fresh-%1.jsonl").arg(format));
            const auto e
                = exportFresh({QStringLiteral("--out"), file, QStringLiteral("--format"), format});
            QVERIFY2(e.exitCode == 0, qPrintable(e.err));
            QVERIFY2(!readLines(file).isEmpty(), qPrintable(format + QLatin1Char(' ') + e.err));
            QVERIFY2(!e.err.contains(QStringLiteral("nothing to export")), qPrintable(e.err));
        }

        // Everything scored below the bar: the message names the best score.
        fresh->scalar(QStringLiteral("UPDATE ml_training_examples SET feedback_score = "
                                     "least(feedback_score, 0.25)"));
        r = exportFresh({QStringLiteral("--out"), out, QStringLiteral("--no-build"),
                         QStringLiteral("--min-score"), QStringLiteral("0.5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readLines(out).size(), 0);
        QVERIFY2(r.err.contains(QStringLiteral("nothing at or above --min-score 0.5 (the best "
                                               "score is 0.25)")),
                 qPrintable(r.err));
        // No score at all: nobody has given feedback.
        fresh->scalar(QStringLiteral("UPDATE ml_training_examples SET feedback_score = NULL"));
        r = exportFresh({QStringLiteral("--out"), out, QStringLiteral("--no-build"),
                         QStringLiteral("--min-score"), QStringLiteral("0.5")});
        QVERIFY2(r.err.contains(QStringLiteral("no investigation has feedback")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestTrainingExport)
#include "tst_trainingexport.moc"
