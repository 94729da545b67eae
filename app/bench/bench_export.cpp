// knowledge-bench export: N training examples (default 1,000,000) generated server-side in
// a throwaway schema, exported as JSONL; reports examples/s, the ratio to building the same
// lines on the server without transferring them, and the peak RSS (VmHWM) before and after,
// which stays flat because the export streams through a cursor.

#include "bench.h"
#include "benchsupport.h"
#include "migrator.h"
#include "trainingexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ke::bench {
namespace {

int runExportBench(BenchContext &ctx)
{
    qint64 size = 1000000;
    bool json = false;
    for (qsizetype i = 0; i < ctx.args.size(); ++i) {
        if (ctx.args.at(i) == QLatin1String("--size") && i + 1 < ctx.args.size())
            size = ctx.args.at(++i).toLongLong();
        else if (ctx.args.at(i) == QLatin1String("--json"))
            json = true;
    }
    if (size < 10)
        return fail(ctx, QStringLiteral("--size must be at least 10"));

    ConnectionSettings settings = ctx.settings;
    settings.schema = QStringLiteral("bench_export_%1").arg(QCoreApplication::applicationPid());
    settings.eventsTable.clear();
    settings.tenant.clear();
    auto conn = Database::connect(settings);
    if (!conn)
        return fail(ctx, conn.error().message);
    Database &db = **conn;
    SqlSession sql = SqlSession::forDatabase(db);
    auto dropSchema = [&] { dropSchemaQuietly(db); };
    if (auto m = Migrator::migrate(db); !m) {
        dropSchema();
        return fail(ctx, m.error().message);
    }
    auto tenant = db.createTenant(QStringLiteral("bench"), QStringLiteral("bench"));
    if (!tenant || !db.setTenant(QStringLiteral("bench"))) {
        dropSchema();
        return fail(ctx, QStringLiteral("cannot create the bench tenant"));
    }

    const QString out = QDir::temp().filePath(
        QStringLiteral("ke-bench-export-%1.jsonl").arg(QCoreApplication::applicationPid()));
    QJsonObject figures;
    int rc = 0;
    try {
        QElapsedTimer t;
        t.start();
        const QString examples = db.table(QStringLiteral("ml_training_examples"));
        orThrow(sql.inTransaction([&]() -> Result<void> {
            orThrow(sql.exec(
                QStringLiteral("INSERT INTO ") + examples
                    + QStringLiteral(
                        R"SQL( (tenant_id, id, task_type, input_data, output_data, feedback_score,
  feedback_count, dataset_type, issue_type, investigation_id, source_event_ids, metadata, created_at)
SELECT $1::uuid, md5('ex' || g)::uuid,
  (ARRAY['hypothesis_gen', 'hypothesis_rank', 'query_gen', 'synthesis'])[1 + g % 4],
  jsonb_build_object(
    'alert', jsonb_build_object('metric', 'null_rate(col_' || g % 50 || ')', 'expected', 0.01,
                                'actual', 0.3, 'anomaly_type', 'null_spike', 'severity', 'high'),
    'dataset', jsonb_build_object('name', 'public.table_' || g % 1000, 'type', 'transactions'),
    'known_quirks', jsonb_build_array(jsonb_build_object('quirk_id', 'q-' || g % 7,
                                      'text', 'ETL lags two days on weekends')),
    'schema', jsonb_build_object('tables_found', jsonb_build_array('public.table_' || g % 1000,
                                                                   'public.customers'))),
  jsonb_build_object('text', 'Hypothesis ' || g || ': the upstream ETL job failed',
                     'sql', 'SELECT count(*) FROM public.table_' || g % 1000 || ' WHERE customer_id IS NULL',
                     'root_cause', 'The ETL job for table ' || g % 1000 || ' failed at 02:00'),
  ((g % 5) - 2) / 2.0, 1 + g % 3, 'transactions', 'null_spike', md5('inv' || g / 4)::uuid,
  ARRAY[md5('ev' || g)::uuid, md5('fb' || g)::uuid], '{"ratings_up": 1}'::jsonb,
  now() - make_interval(secs => g)
FROM generate_series(1, $2::bigint) g)SQL"),
                {*tenant, size}));
            orThrow(sql.exec(QStringLiteral("ANALYZE ") + examples));
            return {};
        }));
        const double insertS = double(t.nsecsElapsed()) / 1e9;
        ctx.err << "generated " << size << " examples in " << insertS << " s" << Qt::endl;

        // Baseline: PostgreSQL builds the same raw lines without sending them.
        t.restart();
        orThrow(sql.exec(
            QStringLiteral("SELECT sum(length(jsonb_build_object('id', x.id, 'task_type', "
                           "x.task_type, 'input', x.input_data, 'output', x.output_data, "
                           "'feedback_score', x.feedback_score, 'feedback_count', "
                           "x.feedback_count, 'dataset_type', x.dataset_type, 'issue_type', "
                           "x.issue_type, 'investigation_id', x.investigation_id, 'tenant_id', "
                           "x.tenant_id, 'source_event_ids', to_jsonb(x.source_event_ids), "
                           "'created_at', x.created_at, 'metadata', x.metadata)::text)) FROM ")
            + examples + QStringLiteral(" x")));
        const double baselineS = double(t.nsecsElapsed()) / 1e9;

        const double hwmBefore = peakRssMiB().value_or(-1);
        TrainingExporter::Options o;
        o.outPath = out;
        // A tenth first (by --since): if memory grew with the rows, the full run would show it.
        o.since = QDateTime::currentDateTimeUtc().addSecs(-(size / 10));
        auto small = TrainingExporter::exportTo(db, o);
        if (!small)
            throw std::runtime_error(small.error().message.toStdString());
        const double hwmSmall = peakRssMiB().value_or(-1);

        o.since = QDateTime();
        auto full = TrainingExporter::exportTo(db, o);
        if (!full)
            throw std::runtime_error(full.error().message.toStdString());
        const double hwmFull = peakRssMiB().value_or(-1);
        const double fileMiB = double(QFileInfo(out).size()) / (1024.0 * 1024.0);

        o.format = TrainingExporter::Format::OpenAiChat;
        auto chat = TrainingExporter::exportTo(db, o);
        if (!chat)
            throw std::runtime_error(chat.error().message.toStdString());
        const double hwmChat = peakRssMiB().value_or(-1);

        figures = QJsonObject{
            {QStringLiteral("examples"), double(full->written)},
            {QStringLiteral("small_examples"), double(small->written)},
            {QStringLiteral("insert_s"), insertS},
            {QStringLiteral("export_s"), full->seconds},
            {QStringLiteral("examples_per_s"), double(full->written) / full->seconds},
            {QStringLiteral("openai_chat_s"), chat->seconds},
            {QStringLiteral("openai_chat_examples_per_s"), double(chat->written) / chat->seconds},
            {QStringLiteral("baseline_server_build_s"), baselineS},
            {QStringLiteral("ratio_to_baseline"), full->seconds / baselineS},
            {QStringLiteral("file_mib"), fileMiB},
            {QStringLiteral("peak_rss_before_mib"), hwmBefore},
            {QStringLiteral("peak_rss_after_tenth_mib"), hwmSmall},
            {QStringLiteral("peak_rss_after_mib"), hwmFull},
            {QStringLiteral("peak_rss_after_chat_mib"), hwmChat},
        };
    } catch (const std::exception &e) {
        rc = fail(ctx, QString::fromUtf8(e.what()));
    }
    QFile::remove(out);
    dropSchema();
    if (rc != 0)
        return rc;

    if (json) {
        ctx.out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    auto num = [&](const char *k) { return figures.value(QLatin1String(k)).toDouble(); };
    ctx.out << QStringLiteral("export (raw): %1 examples in %2 s = %3 examples/s (%4 MiB file)\n")
                   .arg(num("examples"), 0, 'f', 0)
                   .arg(num("export_s"), 0, 'f', 2)
                   .arg(num("examples_per_s"), 0, 'f', 0)
                   .arg(num("file_mib"), 0, 'f', 0)
            << QStringLiteral("export (openai-chat): %1 s = %2 examples/s\n")
                   .arg(num("openai_chat_s"), 0, 'f', 2)
                   .arg(num("openai_chat_examples_per_s"), 0, 'f', 0)
            << QStringLiteral("baseline (server builds the lines, sends nothing): %1 s; ratio %2\n")
                   .arg(num("baseline_server_build_s"), 0, 'f', 2)
                   .arg(num("ratio_to_baseline"), 0, 'f', 2)
            << QStringLiteral("peak RSS (VmHWM): before %1 MiB, after %2 examples %3 MiB, after "
                              "%4 examples %5 MiB, after openai-chat %6 MiB\n")
                   .arg(num("peak_rss_before_mib"), 0, 'f', 1)
                   .arg(num("small_examples"), 0, 'f', 0)
                   .arg(num("peak_rss_after_tenth_mib"), 0, 'f', 1)
                   .arg(num("examples"), 0, 'f', 0)
                   .arg(num("peak_rss_after_mib"), 0, 'f', 1)
                   .arg(num("peak_rss_after_chat_mib"), 0, 'f', 1);
    ctx.out.flush();
    return 0;
}

BenchmarkRegistrar registrar{{QStringLiteral("export"),
                              QStringLiteral("training export: examples/s and flat peak memory"),
                              runExportBench}};

} // namespace
} // namespace ke::bench
