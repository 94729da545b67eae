// knowledgectl worker: runs the jobs on their schedule, logs one line per run, and stops
// cleanly on SIGTERM (the running job finishes, exit code 0).

#include "databasetestcase.h"
#include "jobscheduler.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ke;

class TestWorker : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("worker");
        auto seed = seedDemo(12, 5);
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
    }

    void schedulerRunsEachJobAndNeverOverlapsIt()
    {
        JobScheduler scheduler;
        std::atomic_int running{0}, maxRunning{0}, runs{0};
        scheduler.addJob({QStringLiteral("slow"), std::chrono::seconds(1),
                          [&](const std::atomic_bool &) -> Result<QString> {
                              const int now = ++running;
                              maxRunning = std::max(maxRunning.load(), now);
                              QThread::msleep(150);
                              --running;
                              ++runs;
                              return QStringLiteral("did it");
                          }});
        scheduler.addJob({QStringLiteral("broken"), std::chrono::seconds(1),
                          [](const std::atomic_bool &) -> Result<QString> {
                              return makeError(ErrorCode::X, QStringLiteral("database gone"));
                          }});
        QSignalSpy finished(&scheduler, &JobScheduler::jobFinished);
        QSignalSpy stopped(&scheduler, &JobScheduler::stopped);
        scheduler.start(true);
        QVERIFY(stopped.wait(5000));
        QCOMPARE(finished.count(), 2);
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

    void onceAggregatesEveryTenant()
    {
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("worker"), QStringLiteral("--once")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("aggregate_dataset_knowledge ok")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("3 tenants, ")), qPrintable(r.out));
        QVERIFY(m_db->scalar(QStringLiteral("SELECT count(*) FROM dataset_knowledge")).toInt() > 0);
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
        const auto r = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("worker"), QStringLiteral("--once")});
        m_db->scalar(
            QStringLiteral("UPDATE tenants SET settings = '{}' WHERE slug = 'acme' RETURNING 1"));
        QVERIFY2(r.out.contains(QLatin1String("1 of 3 tenant(s) failed (the others ran): acme:")),
                 qPrintable(r.out + r.err));
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
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KNOWLEDGE_SCHEMA"), m_db->schema());
        env.remove(QStringLiteral("KNOWLEDGE_TENANT"));
        p.setProcessEnvironment(env);
        const QString bin
            = qEnvironmentVariable("KE_BUILD_BIN", QCoreApplication::applicationDirPath());
        p.start(bin + QStringLiteral("/knowledgectl"),
                {QStringLiteral("worker"), QStringLiteral("--aggregate-interval"),
                 QStringLiteral("1")});
        QVERIFY(p.waitForStarted());
        // Wait for the first run's log line, then ask it to stop.
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (out += p.readAllStandardOutput()).contains("aggregate_dataset_knowledge"),
            qPrintable(QString::fromUtf8(out + p.readAllStandardError())), 20000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("worker stopped"), out.constData());
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
