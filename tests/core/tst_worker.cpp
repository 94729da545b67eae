// knowledgectl worker as a service: runs the jobs on their schedule as a service login of every
// tenant, logs one logfmt line per job and tenant, never runs a job for a tenant twice at once
// or twice in a period (two workers), and stops cleanly: SIGTERM mid-aggregation rolls the
// run back, SIGKILL mid-embedding keeps the pages done, and the next run equals a full rebuild.

#include "databasetestcase.h"
#include "fakeembeddingsserver.h"
#include "jobscheduler.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace ke;
using As = test::TestDatabase::As;

namespace {

/// One logfmt line as a map (values unquoted and unescaped).
QHash<QString, QString> parseLogfmt(const QString &line)
{
    QHash<QString, QString> out;
    static const QRegularExpression field(
        QStringLiteral(R"re(([A-Za-z_][A-Za-z0-9_]*)=("((?:[^"\\]|\\.)*)"|\S*))re"));
    for (auto it = field.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        QString v = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
        if (!m.captured(3).isNull()) {
            v.replace(QLatin1String("\\\""), QLatin1String("\""));
            v.replace(QLatin1String("\\n"), QLatin1String("\n"));
            v.replace(QLatin1String("\\\\"), QLatin1String("\\"));
        }
        out.insert(m.captured(1), v);
    }
    return out;
}

/// The run lines (those with a job=) of a worker's output.
QList<QHash<QString, QString>> runLines(const QString &output)
{
    QList<QHash<QString, QString>> out;
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        auto f = parseLogfmt(line);
        if (f.contains(QStringLiteral("job")))
            out.append(f);
    }
    return out;
}

QList<QHash<QString, QString>> select(const QList<QHash<QString, QString>> &lines,
                                      const QString &job, const QString &tenant,
                                      const QString &outcome)
{
    QList<QHash<QString, QString>> out;
    for (const auto &l : lines) {
        if (l.value(QStringLiteral("job")) == job
            && (tenant.isEmpty() || l.value(QStringLiteral("tenant")) == tenant)
            && (outcome.isEmpty() || l.value(QStringLiteral("outcome")) == outcome))
            out.append(l);
    }
    return out;
}

const QString kAggregate = QStringLiteral("aggregate_dataset_knowledge");
const QString kEmbeddings = QStringLiteral("generate_embeddings");
const QString kTraining = QStringLiteral("rebuild_training_examples");

/// A deterministic embedding of a text (the same text, the same vector, in every run).
QJsonArray hashEmbedding(const QString &text)
{
    const QByteArray h = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    QJsonArray v;
    for (int i = 0; i < 8; ++i)
        v.append(double(quint8(h.at(i))) / 255.0 - 0.5);
    return v;
}

} // namespace

class TestWorker : public test::DatabaseTestCase
{
    Q_OBJECT

    QString m_workerLogin; ///< the service login of every tenant
    QString m_workerUrl; ///< ... as a URL

    QProcessEnvironment workerEnvironment(const QString &tenant = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_db->schema());
        env.insert(QStringLiteral("KNOWLEDGE_DATABASE_URL"), m_workerUrl);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        for (const char *v : {"KNOWLEDGE_EVENTS_TABLE", "KNOWLEDGE_DATASETS_TABLE",
                              "KNOWLEDGE_ACTOR", "KNOWLEDGE_EMBEDDINGS_URL",
                              "KNOWLEDGE_EMBEDDINGS_API_KEY", "KNOWLEDGE_EMBEDDINGS_MODEL"})
            env.remove(QLatin1String(v));
        if (tenant.isEmpty())
            env.remove(QStringLiteral("KNOWLEDGE_TENANT"));
        else
            env.insert(QStringLiteral("KNOWLEDGE_TENANT"), tenant);
        return env;
    }

    static QString knowledgectl()
    {
        return qEnvironmentVariable("KE_BUILD_BIN", QCoreApplication::applicationDirPath())
            + QStringLiteral("/knowledgectl");
    }

    /// `knowledgectl worker ARGS` as the worker login, to the end.
    test::TestDatabase::Run runWorker(const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(knowledgectl(), QStringList{QStringLiteral("worker")} + args);
        test::TestDatabase::Run r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString tenantId(const QString &slug)
    {
        return m_db->scalar(QStringLiteral("SELECT id::text FROM tenants WHERE slug = $1"), {slug});
    }

    /// The tenant's derived knowledge as text (every column but the time of the write).
    QString knowledgeOf(const QString &tenant)
    {
        return m_db->scalar(
                   QStringLiteral(
                       "SELECT string_agg(x::text, E'\\n' ORDER BY x::text) FROM (SELECT "
                       "dataset_id, investigation_count, positive_feedback_count, "
                       "negative_feedback_count, last_investigation_at, common_issues, "
                       "known_quirks, owners FROM dataset_knowledge WHERE tenant_id = $1) x"),
                   {tenant})
            + QLatin1Char('\n')
            + m_db->scalar(QStringLiteral("SELECT string_agg(x::text, E'\\n' ORDER BY x::text) "
                                          "FROM (SELECT id, dataset_id, investigation_id, "
                                          "finding_type, summary, confidence, feedback_score, "
                                          "created_at FROM dataset_findings WHERE tenant_id = "
                                          "$1) x"),
                           {tenant});
    }

    /// The tenant's vectors as text: which document, its text, the model and the numbers.
    QString embeddingsOf(const QString &tenant)
    {
        return m_db->scalar(
            QStringLiteral("SELECT string_agg(x::text, E'\\n' ORDER BY x::text) FROM (SELECT "
                           "source_type, source_id, dataset_id, content, model, dimension, "
                           "embedding FROM search_embeddings WHERE tenant_id = $1) x"),
            {tenant});
    }

    /// Events of one new investigation of `dataset` with `steps` hypotheses, as JSON Lines.
    static QByteArray investigationEvents(const QString &dataset, int steps, const QString &tag)
    {
        const QString inv = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QByteArray out;
        auto line = [&](const QString &type, const QJsonObject &data) {
            out += QJsonDocument(
                       QJsonObject{{QStringLiteral("investigation_id"), inv},
                                   {QStringLiteral("event_type"), type},
                                   {QStringLiteral("actor_type"), QStringLiteral("system")},
                                   {QStringLiteral("event_data"), data}})
                       .toJson(QJsonDocument::Compact)
                + '\n';
        };
        line(QStringLiteral("investigation.started"), {{QStringLiteral("dataset_id"), dataset}});
        for (int i = 0; i < steps; ++i)
            line(QStringLiteral("hypothesis.generated"),
                 {{QStringLiteral("hypothesis_id"), QStringLiteral("h%1").arg(i)},
                  {QStringLiteral("text"),
                   QStringLiteral("%1 hypothesis %2: the batch number %2 arrived late")
                       .arg(tag)
                       .arg(i)},
                  {QStringLiteral("confidence"), 0.5}});
        line(QStringLiteral("investigation.completed"),
             {{QStringLiteral("root_cause"), QString(tag + QStringLiteral(" late batch"))},
              {QStringLiteral("confidence"), 0.8},
              {QStringLiteral("duration_seconds"), 12}});
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("worker");
        auto seed = seedDemo(12, 5);
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
        m_workerLogin = m_db->login(QString(), QString(), As::Worker);
        m_workerUrl = m_db->settingsAs(m_workerLogin).databaseUrl;
    }

    void schedulerRunsEachJobAndNeverOverlapsIt()
    {
        JobScheduler scheduler;
        std::atomic_int running{0}, maxRunning{0}, runs{0};
        scheduler.addJob({QStringLiteral("slow"), std::chrono::seconds(1),
                          [&](const JobContext &context) -> Result<QString> {
                              const int now = ++running;
                              maxRunning = std::max(maxRunning.load(), now);
                              QThread::msleep(150);
                              --running;
                              ++runs;
                              JobRun run;
                              run.job = QStringLiteral("slow");
                              run.tenant = QStringLiteral("acme");
                              context.report(run);
                              return QStringLiteral("did it");
                          }});
        scheduler.addJob({QStringLiteral("broken"), std::chrono::seconds(1),
                          [](const JobContext &) -> Result<QString> {
                              return makeError(ErrorCode::X, QStringLiteral("database gone"));
                          }});
        QSignalSpy finished(&scheduler, &JobScheduler::jobFinished);
        QSignalSpy reported(&scheduler, &JobScheduler::runReported);
        QSignalSpy stopped(&scheduler, &JobScheduler::stopped);
        scheduler.start(true);
        QVERIFY(stopped.wait(5000));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(reported.count(), 1);
        QCOMPARE(reported.at(0).at(0).value<JobRun>().tenant, QStringLiteral("acme"));
        QCOMPARE(runs.load(), 1);
        QCOMPARE(maxRunning.load(), 1);
        bool sawFailure = false;
        for (const auto &args : std::as_const(finished)) {
            if (args.at(0).toString() == QLatin1String("broken")) {
                QCOMPARE(args.at(1).toBool(), false);
                QCOMPARE(args.at(2).toString(), QStringLiteral("database gone"));
                sawFailure = true;
            }
        }
        QVERIFY(sawFailure);
    }

    // As the service login of every tenant: one line per job and tenant, with its counts.
    void onceRunsEveryJobForEveryTenant()
    {
        const auto r = runWorker({QStringLiteral("--once")}, workerEnvironment());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto lines = runLines(r.out);
        for (const QString &tenant :
             {QStringLiteral("acme"), QStringLiteral("globex"), QStringLiteral("initech")}) {
            for (const QString &job : {kAggregate, kEmbeddings, kTraining}) {
                const auto ok = select(lines, job, tenant, QStringLiteral("ok"));
                QVERIFY2(ok.size() == 1, qPrintable(job + QLatin1Char(' ') + tenant + r.out));
                QCOMPARE(ok.at(0).value(QStringLiteral("tenant_id")), tenantId(tenant));
                QVERIFY(ok.at(0).contains(QStringLiteral("duration_s")));
                QVERIFY(ok.at(0).contains(QStringLiteral("ts")));
            }
            // The aggregate job or the embeddings job (which aggregates first) took them in.
            QVERIFY2(
                select(lines, kAggregate, tenant, {}).at(0).value(QStringLiteral("events")).toInt()
                        + select(lines, kEmbeddings, tenant, {})
                              .at(0)
                              .value(QStringLiteral("events"))
                              .toInt()
                    > 0,
                qPrintable(r.out));
            QVERIFY(
                select(lines, kTraining, tenant, {}).at(0).contains(QStringLiteral("examples")));
        }
        QVERIFY(m_db->scalar(QStringLiteral("SELECT count(*) FROM dataset_knowledge")).toInt() > 0);
        QVERIFY(m_db->scalar(QStringLiteral("SELECT count(*) FROM search_embeddings")).toInt() > 0);
    }

    // A tenant whose job lock another worker holds is skipped ("locked"), the others run.
    void skipsATenantWhoseJobIsLocked()
    {
        const QString acme = tenantId(QStringLiteral("acme"));
        auto holder = SqlSession::open(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"));
        QVERIFY2(holder, qPrintable(test::errorOf(holder)));
        const QString key = QStringLiteral("hashtext('knowledge.worker.%1.%2'), hashtext('%3')")
                                .arg(m_db->schema(), kAggregate, acme);
        QCOMPARE(orThrow(holder->scalar(
                     QStringLiteral("SELECT pg_try_advisory_lock(%1)::text").arg(key))),
                 QStringLiteral("true"));
        const auto r = runWorker({QStringLiteral("--once")}, workerEnvironment());
        orThrow(holder->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto lines = runLines(r.out);
        const auto skipped = select(lines, kAggregate, QStringLiteral("acme"), {});
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.at(0).value(QStringLiteral("outcome")), QStringLiteral("skipped"));
        QCOMPARE(skipped.at(0).value(QStringLiteral("reason")), QStringLiteral("locked"));
        QCOMPARE(select(lines, kAggregate, QStringLiteral("globex"), QStringLiteral("ok")).size(),
                 1);
        QCOMPARE(select(lines, kEmbeddings, QStringLiteral("acme"), QStringLiteral("ok")).size(),
                 1);
    }

    // Two workers at once for a few seconds, aggregating every 2 s, embedding every 30 s,
    // training daily, with every job due at the start: each job runs for each tenant once per
    // period — never at the same time, never twice within 90 % of the interval. Without the locks
    // and the due check each would run twice as often.
    void twoWorkersRunEachJobOncePerPeriod()
    {
        m_db->exec(QStringLiteral(
            "UPDATE aggregation_state SET last_run_at = last_run_at - interval '1 day'; "
            "UPDATE search_document_state SET last_run_at = last_run_at - interval '1 day'; "
            "UPDATE training_build_state SET built_at = built_at - interval '1 day'"));
        const QStringList args{QStringLiteral("--aggregate-interval"), QStringLiteral("2"),
                               QStringLiteral("--embed-interval"), QStringLiteral("30")};
        const auto totals = [&]() {
            QHash<QString, qint64> runs;
            for (const auto &row : m_db->rows(QStringLiteral(
                     "SELECT job || ' ' || outcome, runs::text FROM job_run_totals")))
                runs.insert(row.value(0), row.value(1).toLongLong());
            return runs;
        };
        const QHash<QString, qint64> totalsBefore = totals();
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(workerEnvironment());
            p->start(knowledgectl(), QStringList{QStringLiteral("worker")} + args);
            QVERIFY(p->waitForStarted());
        }
        // Until every tenant had its embeddings and training tried by both and two
        // aggregations (at least one period), at most 20 s.
        const QStringList tenants{QStringLiteral("acme"), QStringLiteral("globex"),
                                  QStringLiteral("initech")};
        QByteArray outA, outB;
        QElapsedTimer elapsed;
        elapsed.start();
        auto enough = [&]() {
            outA += a.readAllStandardOutput();
            outB += b.readAllStandardOutput();
            const auto lines = runLines(QString::fromUtf8(outA + outB));
            return std::all_of(tenants.cbegin(), tenants.cend(), [&](const QString &t) {
                return select(lines, kAggregate, t, QStringLiteral("ok")).size() >= 2
                    && select(lines, kEmbeddings, t, {}).size() >= 2
                    && select(lines, kTraining, t, {}).size() >= 2;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(enough(), 20000);
        const double seconds = double(elapsed.elapsed()) / 1e3;
        for (QProcess *p : {&a, &b})
            ::kill(pid_t(p->processId()), SIGTERM);
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(20000));
            QCOMPARE(p->exitCode(), 0);
        }
        outA += a.readAllStandardOutput();
        outB += b.readAllStandardOutput();
        const QString out = QString::fromUtf8(outA + outB);
        const auto lines = runLines(out);
        // Every run either worker logged is counted in job_run_totals (GET /metrics reads
        // them), each job and outcome added up over both workers and every tenant.
        QHash<QString, qint64> logged;
        for (const auto &line : lines)
            ++logged[line.value(QStringLiteral("job")) + QLatin1Char(' ')
                     + line.value(QStringLiteral("outcome"))];
        const QHash<QString, qint64> totalsAfter = totals();
        for (auto it = logged.cbegin(); it != logged.cend(); ++it)
            QVERIFY2(totalsAfter.value(it.key()) - totalsBefore.value(it.key()) == it.value(),
                     qPrintable(it.key() + QLatin1String(": logged ") + QString::number(it.value())
                                + QLatin1String(", counted ")
                                + QString::number(totalsAfter.value(it.key())
                                                  - totalsBefore.value(it.key()))));
        QVERIFY(logged.value(kAggregate + QLatin1String(" ok")) >= 6);
        for (const QString &tenant : tenants) {
            // Once each: one worker ran it, the other skipped it (locked, or not due).
            for (const QString &job : {kEmbeddings, kTraining}) {
                QVERIFY2(select(lines, job, tenant, QStringLiteral("ok")).size() == 1,
                         qPrintable(job + QLatin1Char(' ') + tenant + QLatin1Char('\n') + out));
                QVERIFY2(select(lines, job, tenant, QStringLiteral("skipped")).size() == 1,
                         qPrintable(job + QLatin1Char(' ') + tenant + QLatin1Char('\n') + out));
            }
            auto ok = select(lines, kAggregate, tenant, QStringLiteral("ok"));
            std::sort(ok.begin(), ok.end(), [](const auto &x, const auto &y) {
                return x.value(QStringLiteral("ts")) < y.value(QStringLiteral("ts"));
            });
            // At most one run per 1.8 s (the first at the start).
            QVERIFY2(ok.size() >= 2 && ok.size() <= int(seconds / 1.8) + 1,
                     qPrintable(tenant + QLatin1Char('\n') + out));
            QVERIFY2(select(lines, kAggregate, tenant, QStringLiteral("skipped")).size()
                         >= ok.size() - 1,
                     qPrintable(tenant + QLatin1Char('\n') + out));
            for (qsizetype i = 1; i < ok.size(); ++i) {
                const auto t0 = QDateTime::fromString(ok.at(i - 1).value(QStringLiteral("ts")),
                                                      Qt::ISODateWithMs);
                const auto t1 = QDateTime::fromString(ok.at(i).value(QStringLiteral("ts")),
                                                      Qt::ISODateWithMs);
                const double end0 = double(t0.toMSecsSinceEpoch()) / 1e3
                    + ok.at(i - 1).value(QStringLiteral("duration_s")).toDouble();
                // Never at once, and a period (less the 10 % margin) between two starts.
                QVERIFY2(double(t1.toMSecsSinceEpoch()) / 1e3 >= end0 - 0.05,
                         qPrintable(tenant + QLatin1Char('\n') + out));
                QVERIFY2(t0.msecsTo(t1) >= 1700, qPrintable(tenant + QLatin1Char('\n') + out));
            }
        }
    }

    // SIGTERM while the aggregation waits in the middle of its transaction (its first rows
    // written, dataset_knowledge locked by the test): the run is cancelled and rolled back,
    // the worker exits 0, and the next run equals a full rebuild.
    void sigtermMidAggregationRollsBackAndTheNextRunCompletes()
    {
        const QString acme = tenantId(QStringLiteral("acme"));
        auto emitted = m_db->run(
            QStringLiteral("knowledgectl"), {QStringLiteral("emit"), QStringLiteral("-")},
            investigationEvents(QStringLiteral("public.orders"), 5, QStringLiteral("sigterm")),
            QStringLiteral("acme"), {}, As::Service);
        QVERIFY2(emitted.exitCode == 0, qPrintable(emitted.err));
        const QString snapshotBefore = m_db->scalar(
            QStringLiteral("SELECT last_snapshot FROM aggregation_state WHERE tenant_id = $1"),
            {acme});
        const QString knowledgeBefore = knowledgeOf(acme);

        auto blocker
            = SqlSession::open(qEnvironmentVariable("KNOWLEDGE_DATABASE_URL"), m_db->schema());
        QVERIFY2(blocker, qPrintable(test::errorOf(blocker)));
        QVERIFY(blocker->begin());
        orThrow(blocker->exec(QStringLiteral("LOCK TABLE dataset_knowledge IN SHARE MODE")));

        QProcess p;
        p.setProcessEnvironment(workerEnvironment(QStringLiteral("acme")));
        p.start(knowledgectl(), {QStringLiteral("worker"), QStringLiteral("--once")});
        QVERIFY(p.waitForStarted());
        // Mid-run: the aggregation's transaction has written its first levels and waits for
        // the table lock to write the knowledge rows.
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_db->scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = $1 "
                                        "AND wait_event = 'relation' AND state = 'active' AND "
                                        "xact_start IS NOT NULL"),
                         {m_workerLogin})
                    .toInt()
                > 0,
            qPrintable(QString::fromUtf8(p.readAllStandardOutput())), 20000);
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        const qint64 stopMs = stopping.elapsed();
        qInfo("the worker stopped %lld ms after SIGTERM", stopMs);
        orThrow(blocker->rollback());
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(stopMs < 5000, qPrintable(QString::number(stopMs)));
        const auto lines = runLines(out);
        const auto cancelled
            = select(lines, kAggregate, QStringLiteral("acme"), QStringLiteral("cancelled"))
            + select(lines, kEmbeddings, QStringLiteral("acme"), QStringLiteral("cancelled"));
        QVERIFY2(!cancelled.isEmpty(), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("event=worker_stopped")), qPrintable(out));
        // Rolled back: nothing of the run stayed.
        QCOMPARE(
            m_db->scalar(
                QStringLiteral("SELECT last_snapshot FROM aggregation_state WHERE tenant_id = $1"),
                {acme}),
            snapshotBefore);
        QCOMPARE(knowledgeOf(acme), knowledgeBefore);

        // The next run completes it, and equals a full rebuild.
        const auto next
            = runWorker({QStringLiteral("--once")}, workerEnvironment(QStringLiteral("acme")));
        QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
        // The aggregate job or the embeddings job (which aggregates first) took the events in.
        const auto nextLines = runLines(next.out);
        const auto agg
            = select(nextLines, kAggregate, QStringLiteral("acme"), QStringLiteral("ok"));
        const auto embedded
            = select(nextLines, kEmbeddings, QStringLiteral("acme"), QStringLiteral("ok"));
        QCOMPARE(agg.size(), 1);
        QCOMPARE(embedded.size(), 1);
        QVERIFY2(agg.at(0).value(QStringLiteral("events")).toInt()
                         + embedded.at(0).value(QStringLiteral("events")).toInt()
                     >= 7,
                 qPrintable(next.out));
        const QString incremental = knowledgeOf(acme);
        QVERIFY(incremental != knowledgeBefore);
        QVERIFY(incremental.contains(QLatin1String("sigterm late batch")));
        const auto full = m_db->run(QStringLiteral("knowledgectl"),
                                    {QStringLiteral("aggregate"), QStringLiteral("--full")}, {},
                                    QStringLiteral("acme"), {}, As::Service);
        QVERIFY2(full.exitCode == 0, qPrintable(full.err));
        QCOMPARE(knowledgeOf(acme), incremental);
    }

    // SIGKILL while the embeddings job waits for the embeddings API in its second page: the
    // first page stays, the second is rolled back by the server; the next run embeds the rest
    // and equals embedding everything again.
    void sigkillMidEmbeddingKeepsThePagesDoneAndTheNextRunCompletes()
    {
        const QUuid emb = m_db->createTenant(QStringLiteral("emb"));
        const QString tenant = emb.toString(QUuid::WithoutBraces);
        auto emitted = m_db->run(
            QStringLiteral("knowledgectl"), {QStringLiteral("emit"), QStringLiteral("-")},
            investigationEvents(QStringLiteral("public.pages"), 400, QStringLiteral("sigkill")),
            QStringLiteral("emb"), {}, As::Service);
        QVERIFY2(emitted.exitCode == 0, qPrintable(emitted.err));

        // The API answers the first page (256 documents), then stalls until released.
        std::atomic_int texts{0};
        std::atomic_bool stall{true};
        test::FakeEmbeddingsServerThread server([&](const QString &text) {
            if (++texts > 256) {
                QElapsedTimer t;
                t.start();
                while (stall.load() && t.elapsed() < 60000)
                    QThread::msleep(10);
            }
            return hashEmbedding(text);
        });
        QVERIFY(server.isListening());
        QProcessEnvironment env = workerEnvironment(QStringLiteral("emb"));
        env.insert(QStringLiteral("KNOWLEDGE_EMBEDDINGS_URL"), server.url().toString());
        env.insert(QStringLiteral("KNOWLEDGE_EMBEDDINGS_MODEL"), QStringLiteral("hash-8"));

        QProcess p;
        p.setProcessEnvironment(env);
        p.start(knowledgectl(), {QStringLiteral("worker")});
        QVERIFY(p.waitForStarted());
        auto vectors = [&]() {
            return m_db
                ->scalar(QStringLiteral("SELECT count(*) FROM search_embeddings WHERE "
                                        "tenant_id = $1"),
                         {tenant})
                .toInt();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(texts.load() > 256 && vectors() == 256,
                                  qPrintable(QString::number(vectors())), 30000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        stall = false;
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        // The pages done stay (each its own transaction); the one in flight is gone.
        QCOMPARE(vectors(), 256);
        const int documents = m_db->scalar(QStringLiteral("SELECT count(*) FROM search_documents "
                                                          "WHERE tenant_id = $1 AND NOT retired"),
                                           {tenant})
                                  .toInt();
        QVERIFY2(documents > 400, qPrintable(QString::number(documents)));

        // The next run — its job lock was released with the killed session — completes it.
        const auto next = runWorker({QStringLiteral("--once")}, env);
        QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
        const auto run
            = select(runLines(next.out), kEmbeddings, QStringLiteral("emb"), QStringLiteral("ok"));
        QCOMPARE(run.size(), 1);
        QCOMPARE(run.at(0).value(QStringLiteral("embedded")).toInt(), documents - 256);
        QCOMPARE(vectors(), documents);
        const QString resumed = embeddingsOf(tenant);

        // A full rebuild: every vector again, from nothing.
        m_db->exec(QStringLiteral("DELETE FROM search_embeddings WHERE tenant_id = $1"), {tenant});
        QProcess full;
        full.setProcessEnvironment(env);
        full.start(knowledgectl(), {QStringLiteral("embed"), QStringLiteral("--full")});
        QVERIFY(full.waitForFinished(60000));
        QVERIFY2(full.exitCode() == 0, full.readAllStandardError().constData());
        QCOMPARE(embeddingsOf(tenant), resumed);
    }

    // One tenant whose job fails (here: a dataset-type rule that is not a valid regular
    // expression) is reported by name, and every other tenant's job still runs.
    void poisonTenantDoesNotStopTheOthers()
    {
        m_db->scalar(QStringLiteral(
            "UPDATE tenants SET settings = '{\"training\": {\"dataset_type_rules\":"
            " [{\"match\": \"(\", \"type\": \"broken\"}]}}' WHERE slug = 'acme' RETURNING 1"));
        m_db->scalar(
            QStringLiteral("DELETE FROM ml_training_examples; DELETE FROM training_build_state"));
        const auto r = runWorker({QStringLiteral("--once")}, workerEnvironment());
        m_db->scalar(
            QStringLiteral("UPDATE tenants SET settings = '{}' WHERE slug = 'acme' RETURNING 1"));
        QCOMPARE(r.exitCode, 1);
        const auto lines = runLines(r.out);
        const auto failed = select(lines, kTraining, QStringLiteral("acme"), {});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).value(QStringLiteral("outcome")), QStringLiteral("failed"));
        QVERIFY2(!failed.at(0).value(QStringLiteral("error")).isEmpty(), qPrintable(r.out));
        QCOMPARE(select(lines, kTraining, QStringLiteral("globex"), QStringLiteral("ok")).size(),
                 1);
        const QString built = m_db->scalar(QStringLiteral(
            "SELECT string_agg(DISTINCT t.slug, ',' ORDER BY t.slug) FROM ml_training_examples e"
            " JOIN tenants t ON t.id = e.tenant_id"));
        QVERIFY2(built.contains(QLatin1String("globex"))
                     && built.contains(QLatin1String("initech")),
                 qPrintable(built));
    }

    void stopsCleanlyOnSigterm()
    {
        QProcess p;
        p.setProcessEnvironment(workerEnvironment());
        p.start(knowledgectl(),
                {QStringLiteral("worker"), QStringLiteral("--aggregate-interval"),
                 QStringLiteral("1")});
        QVERIFY(p.waitForStarted());
        // Wait for the first run's log line, then ask it to stop.
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (out += p.readAllStandardOutput()).contains("job=aggregate_dataset_knowledge"),
            qPrintable(QString::fromUtf8(out + p.readAllStandardError())), 20000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("event=worker_stopped"), out.constData());
    }

    void refusesBadIntervals()
    {
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("worker"), QStringLiteral("--aggregate-interval"),
                                  QStringLiteral("soon")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("whole seconds")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
