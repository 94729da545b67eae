#include "trainingexporter.h"

#include "anonymiser.h"
#include "database_p.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <climits>
#include <memory>
#include <vector>

namespace ke {

namespace {

const QString kHypothesisGen = QStringLiteral("hypothesis_gen");
const QString kHypothesisRank = QStringLiteral("hypothesis_rank");
const QString kQueryGen = QStringLiteral("query_gen");
const QString kSynthesis = QStringLiteral("synthesis");

// Instructions for the model being tuned (not UI text: they stay English and stable, so a
// fine-tuned model sees the same system prompt at training and at inference).
const char *const kSystemHypothesisGen
    = "You investigate data-quality anomalies. Given an alert and the dataset's context (schema "
      "as recorded, known quirks), propose one hypothesis for the root cause.";
const char *const kSystemHypothesisRank
    = "You investigate data-quality anomalies. Given an alert and candidate hypotheses, rank "
      "them and name the one most likely right. Answer with JSON: {\"best\", \"ranking\"}.";
const char *const kSystemQueryGen
    = "You write PostgreSQL queries that test a hypothesis about a data-quality anomaly. Answer "
      "with the SQL only.";
const char *const kSystemSynthesis
    = "You explain data-quality anomalies. Given the evidence collected, state the root cause.";

struct TenantScope
{
    std::string id;
    bool allowDatasetNames = true;
};

QString sqlQuote(pqxx::transaction_base &tx, const QString &s)
{
    return fromStd(tx.quote(toStd(s)));
}

/// What the anonymiser of one tenant masks by name (docs/fine-tuning.md, "Privacy"), read
/// with row-level security on that tenant: its slug and name; its people from the product's
/// `people` table, from the orchestrator's `users` table next to an external events table,
/// and the names the tenant's events carry in event_data (actor_name, user, author, ...; the
/// name, e-mail and handle of an `actor` / `user` object); its dataset names unless it allows
/// them.
Result<Anonymiser::Names> anonymiserNames(pqxx::transaction_base &tx, Database &db,
                                          const TenantScope &scope, const QString &examples)
{
    Anonymiser::Names names;
    const pqxx::result tr
        = tx.exec_params("SELECT slug, coalesce(name, '') FROM "
                             + toStd(db.table(QStringLiteral("tenants"))) + " WHERE id = $1",
                         scope.id);
    for (const auto &row : tr)
        names.tenant << stringFromField(row[0]) << stringFromField(row[1]);

    const pqxx::result pr
        = tx.exec_params("SELECT handle, display_name, coalesce(email, '') FROM "
                             + toStd(db.table(QStringLiteral("people"))) + " WHERE tenant_id = $1",
                         scope.id);
    for (const auto &row : pr)
        names.people << stringFromField(row[0]) << stringFromField(row[1])
                     << stringFromField(row[2]);

    // The orchestrator's people: a `users` table next to its events table, any of these
    // columns, filtered by tenant_id when it has one.
    const QString events = db.settings().effectiveEventsTable();
    const qsizetype dot = events.indexOf(QLatin1Char('.'));
    if (!db.settings().ownsEventsTable() && dot > 0) {
        const std::string users
            = toStd(Database::quoteQualified(events.left(dot) + QStringLiteral(".users")));
        const pqxx::result cols = tx.exec_params(
            "SELECT attname::text, has_table_privilege(to_regclass($1), 'SELECT') FROM "
            "pg_attribute WHERE attrelid = to_regclass($1) AND NOT attisdropped AND attnum > 0 "
            "AND attname IN ('tenant_id', 'handle', 'username', 'login', 'name', "
            "'display_name', 'full_name', 'first_name', 'last_name', 'email') ORDER BY attnum",
            users);
        QStringList nameColumns;
        bool byTenant = false;
        bool readable = true;
        for (const auto &c : cols) {
            const QString col = stringFromField(c[0]);
            readable = c[1].as<bool>();
            if (col == QLatin1String("tenant_id"))
                byTenant = true;
            else
                nameColumns << fromStd(tx.quote_name(toStd(col))) + QStringLiteral("::text");
        }
        if (!nameColumns.isEmpty() && !readable)
            return makeError(
                ErrorCode::PermissionDenied,
                TrainingExporter::tr("cannot read the orchestrator's people in %1 to mask their "
                                     "names in the export — grant this login SELECT on it")
                    .arg(fromStd(users)));
        if (!nameColumns.isEmpty()) {
            const pqxx::result ur = tx.exec_params(
                "SELECT " + toStd(nameColumns.join(QStringLiteral(", "))) + " FROM " + users
                    + (byTenant ? " WHERE tenant_id::text = $1" : " WHERE $1::text IS NOT NULL"),
                scope.id);
            for (const auto &row : ur)
                for (const auto &field : row)
                    names.people << stringFromField(field);
        }
    }
    // Names inside the events: top-level keys, and the fields of actor/user/author objects.
    static const std::string nameKeys
        = "{actor_name,actor_email,actor_handle,user,user_name,username,user_email,author,"
          "author_name,author_email,assignee,reporter,requested_by,created_by}";
    static const std::string objectKeys = "{actor,user,author,assignee,reporter,created_by}";
    static const std::string objectFields
        = "{name,display_name,full_name,handle,username,login,email}";
    const pqxx::result er = tx.exec_params(
        "SELECT DISTINCT v.value #>> '{}' FROM " + toStd(db.eventsTable())
            + " e CROSS JOIN LATERAL ("
              "SELECT t.value FROM jsonb_each(e.event_data::jsonb) t WHERE t.key = ANY($2::text[]) "
              "UNION ALL SELECT o.value FROM jsonb_each(e.event_data::jsonb) t, jsonb_each(CASE "
              "WHEN jsonb_typeof(t.value) = 'object' THEN t.value ELSE '{}'::jsonb END) o "
              "WHERE t.key = ANY($3::text[]) AND o.key = ANY($4::text[])) v "
              "WHERE e.tenant_id = $1 AND e.event_data::jsonb ?| ($2::text[] || $3::text[]) "
              "AND jsonb_typeof(v.value) = 'string'",
        scope.id, nameKeys, objectKeys, objectFields);
    for (const auto &row : er)
        names.people << stringFromField(row[0]);

    if (!scope.allowDatasetNames) {
        const pqxx::result dr = tx.exec_params(
            "SELECT name FROM " + toStd(db.table(QStringLiteral("datasets")))
                + " WHERE tenant_id = $1 UNION SELECT DISTINCT dataset_name FROM " + toStd(examples)
                + " WHERE tenant_id = $1 AND dataset_name IS NOT NULL "
                  "UNION SELECT DISTINCT t FROM "
                + toStd(examples)
                + " x, jsonb_array_elements_text(CASE WHEN jsonb_typeof(x.input_data"
                  "->'schema'->'tables_found') = 'array' THEN x.input_data->'schema'"
                  "->'tables_found' ELSE '[]'::jsonb END) t WHERE x.tenant_id = $1",
            scope.id);
        for (const auto &row : dr) {
            const QString name = stringFromField(row[0]).trimmed();
            names.datasets << name;
            const qsizetype d = name.lastIndexOf(QLatin1Char('.'));
            if (d >= 0 && name.size() - d - 1 >= 3)
                names.datasets << name.mid(d + 1);
        }
    }
    return names;
}

/// The ranking value of a hypothesis_gen / synthesis example (see TrainingExampleBuilder).
QString valueExpr(const QString &alias)
{
    return QStringLiteral("(CASE %1.metadata->>'verdict' WHEN 'accepted' THEN 1 WHEN 'rejected' "
                          "THEN -1 ELSE 0 END + coalesce(%1.feedback_score, 0))")
        .arg(alias);
}

QString systemExpr(pqxx::transaction_base &tx, const QString &alias)
{
    return QStringLiteral("(CASE %1.task_type WHEN 'hypothesis_gen' THEN %2 WHEN 'hypothesis_rank' "
                          "THEN %3 WHEN 'query_gen' THEN %4 ELSE %5 END)")
        .arg(alias, sqlQuote(tx, QString::fromUtf8(kSystemHypothesisGen)),
             sqlQuote(tx, QString::fromUtf8(kSystemHypothesisRank)),
             sqlQuote(tx, QString::fromUtf8(kSystemQueryGen)),
             sqlQuote(tx, QString::fromUtf8(kSystemSynthesis)));
}

QString userExpr(const QString &alias)
{
    return QStringLiteral("(SELECT string_agg(j.k || ': ' || CASE jsonb_typeof(j.v) WHEN 'string' "
                          "THEN j.v #>> '{}' ELSE j.v::text END, E'\\n' ORDER BY j.k) "
                          "FROM jsonb_each(%1.input_data) AS j(k, v))")
        .arg(alias);
}

QString answerExpr(const QString &alias)
{
    return QStringLiteral("(CASE %1.task_type WHEN 'hypothesis_gen' THEN %1.output_data->>'text' "
                          "WHEN 'query_gen' THEN %1.output_data->>'sql' "
                          "WHEN 'synthesis' THEN %1.output_data->>'root_cause' "
                          "ELSE jsonb_build_object('best', %1.output_data->'best', 'ranking', "
                          "%1.output_data->'ranking')::text END)")
        .arg(alias);
}

bool goesToTrain(const char *key, size_t size, double split)
{
    const QByteArray h = QCryptographicHash::hash(QByteArray::fromRawData(key, qsizetype(size)),
                                                  QCryptographicHash::Sha256);
    const quint32 v = (quint32(quint8(h[0])) << 24) | (quint32(quint8(h[1])) << 16)
        | (quint32(quint8(h[2])) << 8) | quint32(quint8(h[3]));
    return double(v) / 4294967296.0 < split;
}

} // namespace

QStringList TrainingExporter::taskTypes()
{
    return {kHypothesisGen, kHypothesisRank, kQueryGen, kSynthesis};
}

Result<TrainingExporter::Format> TrainingExporter::parseFormat(const QString &name)
{
    if (name == QLatin1String("raw"))
        return Format::Raw;
    if (name == QLatin1String("openai-chat"))
        return Format::OpenAiChat;
    if (name == QLatin1String("preference"))
        return Format::Preference;
    return makeError(ErrorCode::InvalidFormat,
                     tr("unknown format '%1' — use raw, openai-chat or preference").arg(name));
}

Result<void> TrainingExporter::validate(const Options &o)
{
    if (o.outPath.isEmpty())
        return makeError(ErrorCode::InvalidOption, tr("no output file — give --out FILE"));
    for (const QString &t : o.tasks) {
        if (!taskTypes().contains(t))
            return makeError(ErrorCode::InvalidTask,
                             tr("unknown task '%1' — use one of %2")
                                 .arg(t, taskTypes().join(QStringLiteral(", "))));
        if (o.format == Format::Preference && t != kHypothesisGen && t != kSynthesis)
            return makeError(ErrorCode::InvalidTask,
                             tr("the preference format pairs hypotheses or syntheses: --task "
                                "must be hypothesis_gen or synthesis, not '%1'")
                                 .arg(t));
    }
    if (o.minScore && !(*o.minScore >= -1.0 && *o.minScore <= 1.0))
        return makeError(ErrorCode::InvalidOption,
                         tr("--min-score must be a number between -1 and 1 (feedback scores "
                            "are means of ratings of +1 and -1)"));
    if (o.split && !(*o.split > 0.0 && *o.split < 1.0))
        return makeError(ErrorCode::InvalidOption,
                         tr("--split must be a fraction between 0 and 1 exclusive, e.g. 0.9"));
    if (o.fetchSize < 1)
        return makeError(ErrorCode::InvalidOption, tr("fetch size must be positive"));
    return {};
}

QStringList TrainingExporter::outputFiles(const Options &o)
{
    if (!o.split)
        return {o.outPath};
    QString base = o.outPath;
    if (base.endsWith(QLatin1String(".jsonl")))
        base.chop(6);
    return {base + QLatin1String(".train.jsonl"), base + QLatin1String(".valid.jsonl")};
}

namespace {

/// One export's statements: the options' filters as SQL conditions on a table alias, the
/// literals quoted by `tx`.
struct ExportSql
{
    pqxx::transaction_base &tx;
    const TrainingExporter::Options &o;
    QString ex; ///< the examples table
    QString minLiteral; ///< the minimum score as a literal ("" without one)

    /// --since, --dataset-type, --issue-type.
    QString otherFilter(const QString &a) const
    {
        QStringList c{QStringLiteral("true")};
        if (o.since.isValid())
            c << QStringLiteral("%1.created_at >= %2::timestamptz")
                     .arg(a, sqlQuote(tx, o.since.toUTC().toString(Qt::ISODateWithMs)));
        if (!o.datasetType.isEmpty())
            c << QStringLiteral("%1.dataset_type IS NOT DISTINCT FROM %2")
                     .arg(a, sqlQuote(tx, o.datasetType));
        if (!o.issueType.isEmpty())
            c << QStringLiteral("%1.issue_type IS NOT DISTINCT FROM %2")
                     .arg(a, sqlQuote(tx, o.issueType));
        return QLatin1Char('(') + c.join(QLatin1String(" AND ")) + QLatin1Char(')');
    }
    /// --min-score.
    QString scoreFilter(const QString &a) const
    {
        return o.minScore
            ? QStringLiteral("coalesce(%1.feedback_score >= %2, false)").arg(a, minLiteral)
            : QStringLiteral("true");
    }
};

/// The tenants an export reads: the session's, or — cross-tenant — every tenant that opted in,
/// anonymised with `key` (the options' or, when none, the schema's own secret).
Result<std::vector<TenantScope>> exportScopes(pqxx::transaction_base &tx, Database &db,
                                              const TrainingExporter::Options &o, QByteArray &key)
{
    std::vector<TenantScope> scopes;
    if (!o.crossTenant) {
        scopes.push_back({uuidToStd(db.tenantId()), true});
    } else {
        if (key.isEmpty()) {
            // The schema's own secret (migration 0006), readable by services and the owner.
            const pqxx::result r = tx.exec("SELECT hmac_key FROM "
                                           + toStd(db.table(QStringLiteral("export_secret"))));
            if (!r.empty() && !r[0][0].is_null())
                key = QByteArray(r[0][0].c_str());
        }
        if (key.size() < 16)
            return makeError(
                ErrorCode::NoKey,
                TrainingExporter::tr("a cross-tenant export is anonymised with a secret key: set "
                                     "KNOWLEDGE_EXPORT_KEY (at least 16 characters), or run "
                                     "`knowledgectl migrate` so the schema keeps one"));
        const pqxx::result r = tx.exec("SELECT tenant_id, allow_dataset_names FROM "
                                       + toStd(Database::quoteQualified(db.settings().schema))
                                       + ".training_export_tenants()");
        for (const auto &row : r)
            scopes.push_back({row[0].c_str(), row[1].as<bool>()});
        if (scopes.empty())
            return makeError(
                ErrorCode::NoTenants,
                TrainingExporter::tr("no tenant has opted in to cross-tenant training export — a "
                                     "tenant opts in with the setting "
                                     "{\"training_export\": {\"cross_tenant\": true}}"));
    }
    return scopes;
}

/// What there is to export of the tenant `tenantLit` (a quoted literal), into `summary`: for
/// the explanation when nothing is written.
void countAvailable(const ExportSql &q, const QString &tenantLit, const QStringList &tasks,
                    TrainingExporter::Summary &summary)
{
    const pqxx::result available
        = q.tx.exec(toStd(QStringLiteral("SELECT x.task_type, count(*), max(x.feedback_score) "
                                         "FILTER (WHERE %1) FROM %2 x WHERE x.tenant_id = %3 "
                                         "GROUP BY x.task_type")
                              .arg(q.otherFilter(QStringLiteral("x")), q.ex, tenantLit)));
    for (const auto &row : available) {
        const QString task = stringFromField(row[0]);
        const qint64 n = row[1].as<qint64>();
        summary.available[task] += n;
        summary.examples += n;
        if (!tasks.contains(task))
            continue;
        summary.taskExamples += n;
        if (!row[2].is_null())
            summary.bestScore = std::max(row[2].as<double>(), summary.bestScore.value_or(-2.0));
    }
}

/// The statement of the export's lines of the examples `base` selects, in the chosen format;
/// what the filters leave out (or, for preference pairs, what has no pair) into `summary`.
QString lineQuery(const ExportSql &q, const QString &base, const QString &metadata,
                  TrainingExporter::Summary &summary)
{
    QString statement;
    if (q.o.format == TrainingExporter::Format::Preference) {
        const QString pairCond
            = QStringLiteral("%1 > 0 AND %2 < %1 AND %2 <= 0")
                  .arg(valueExpr(QStringLiteral("x")), valueExpr(QStringLiteral("y")));
        const pqxx::result s = q.tx.exec(
            toStd(QStringLiteral(
                      "SELECT count(*) FILTER (WHERE NOT %1), "
                      "count(*) FILTER (WHERE %1 AND NOT EXISTS (SELECT 1 FROM %2 y WHERE "
                      "y.tenant_id = x.tenant_id AND y.investigation_id = x.investigation_id AND "
                      "y.task_type = x.task_type AND y.id <> x.id AND ((%3 AND %4) OR (%5 AND "
                      "%6)))) "
                      "FROM %2 x WHERE %7")
                      .arg(q.otherFilter(QStringLiteral("x")), q.ex, pairCond,
                           q.scoreFilter(QStringLiteral("x")),
                           QStringLiteral("%1 > 0 AND %2 < %1 AND %2 <= 0")
                               .arg(valueExpr(QStringLiteral("y")), valueExpr(QStringLiteral("x"))),
                           q.scoreFilter(QStringLiteral("y")), base)));
        summary.filteredOut += s[0][0].as<qint64>();
        summary.unpaired += s[0][1].as<qint64>();
        statement = QStringLiteral(
                        "SELECT x.task_type, x.investigation_id::text, jsonb_build_object("
                        "'prompt', %1 || E'\\n\\n' || %2, 'chosen', %3, 'rejected', %4, "
                        "'task_type', x.task_type, 'investigation_id', x.investigation_id, "
                        "'chosen_score', x.feedback_score, 'rejected_score', "
                        "y.feedback_score)::text "
                        "FROM %5 x JOIN %5 y ON y.tenant_id = x.tenant_id AND y.investigation_id "
                        "= "
                        "x.investigation_id AND y.task_type = x.task_type AND y.id <> x.id "
                        "WHERE %6 AND %7 AND %8 AND %9 ORDER BY x.task_type, x.id, y.id")
                        .arg(systemExpr(q.tx, QStringLiteral("x")), userExpr(QStringLiteral("x")),
                             answerExpr(QStringLiteral("x")), answerExpr(QStringLiteral("y")), q.ex,
                             base, q.otherFilter(QStringLiteral("x")),
                             q.scoreFilter(QStringLiteral("x")), pairCond);
    } else {
        const pqxx::result s = q.tx.exec(
            toStd(QStringLiteral("SELECT count(*) FILTER (WHERE NOT %1), "
                                 "count(*) FILTER (WHERE %1 AND %2 AND x.feedback_score IS NULL), "
                                 "count(*) FILTER (WHERE %1 AND %2 AND x.feedback_score < %3) "
                                 "FROM %4 x WHERE %5")
                      .arg(q.otherFilter(QStringLiteral("x")),
                           q.o.minScore ? QStringLiteral("true") : QStringLiteral("false"),
                           q.o.minScore ? q.minLiteral : QStringLiteral("0"), q.ex, base)));
        summary.filteredOut += s[0][0].as<qint64>();
        summary.unscored += s[0][1].as<qint64>();
        summary.belowMinScore += s[0][2].as<qint64>();
        QString line;
        if (q.o.format == TrainingExporter::Format::Raw) {
            line = QStringLiteral(
                       "jsonb_build_object('id', x.id, 'task_type', x.task_type, 'input', "
                       "x.input_data, 'output', x.output_data, 'feedback_score', "
                       "x.feedback_score, 'feedback_count', x.feedback_count, "
                       "'dataset_type', x.dataset_type, 'issue_type', x.issue_type, "
                       "'investigation_id', x.investigation_id, 'tenant_id', x.tenant_id, "
                       "'source_event_ids', to_jsonb(x.source_event_ids), 'created_at', "
                       "x.created_at, 'metadata', %1)::text")
                       .arg(metadata);
        } else {
            line = QStringLiteral("jsonb_build_object('messages', jsonb_build_array("
                                  "jsonb_build_object('role', 'system', 'content', %1), "
                                  "jsonb_build_object('role', 'user', 'content', %2), "
                                  "jsonb_build_object('role', 'assistant', 'content', %3)))::text")
                       .arg(systemExpr(q.tx, QStringLiteral("x")), userExpr(QStringLiteral("x")),
                            answerExpr(QStringLiteral("x")));
        }
        statement = QStringLiteral("SELECT x.task_type, coalesce(x.investigation_id, x.id)::text, "
                                   "%1 FROM %2 x WHERE %3 AND %4 AND %5 "
                                   "ORDER BY x.task_type, x.id")
                        .arg(line, q.ex, base, q.otherFilter(QStringLiteral("x")),
                             q.scoreFilter(QStringLiteral("x")));
    }
    return statement;
}

/// Writes the lines of the open cursor ke_training_export into `files` (the validation file
/// second, when split), anonymised by `anon` when there is one.
Result<void> writeLines(pqxx::transaction_base &tx, const TrainingExporter::Options &o,
                        const std::vector<std::unique_ptr<QSaveFile>> &files,
                        const Anonymiser *anon, TrainingExporter::Summary &summary)
{
    const std::string fetch
        = "FETCH FORWARD " + std::to_string(o.fetchSize) + " FROM ke_training_export";
    for (;;) {
        const pqxx::result rows = tx.exec(fetch);
        if (rows.empty())
            break;
        for (const auto &row : rows) {
            QSaveFile *target = files.front().get();
            if (o.split) {
                const bool train = goesToTrain(row[1].c_str(), row[1].size(), *o.split);
                target = files.at(train ? 0 : 1).get();
                ++(train ? summary.train : summary.valid);
            }
            qint64 written;
            if (anon) {
                QByteArray bytes
                    = anon->apply(QByteArrayView(row[2].c_str(), qsizetype(row[2].size())));
                bytes.append('\n');
                written = target->write(bytes);
            } else {
                written = target->write(row[2].c_str(), qint64(row[2].size()));
                if (written >= 0)
                    written = target->write("\n", 1);
            }
            if (written < 0)
                return makeError(
                    ErrorCode::WriteFailed,
                    TrainingExporter::tr("writing '%1' failed: %2 — nothing was exported")
                        .arg(target->fileName(), target->errorString()));
            ++summary.perTask[stringFromField(row[0])];
            ++summary.written;
        }
        if (o.progress)
            o.progress(summary.written, summary.taskExamples);
        if (o.cancel && o.cancel->load())
            return makeError(
                ErrorCode::Cancelled,
                TrainingExporter::tr("export cancelled after %1 line(s) — nothing was written")
                    .arg(summary.written));
    }
    return {};
}

} // namespace

Result<TrainingExporter::Summary> TrainingExporter::exportTo(Database &db, const Options &o)
{
    if (auto v = validate(o); !v)
        return v.error();
    if (db.tenantId().isNull())
        return makeError(ErrorCode::NoTenant,
                         tr("exporting training data needs a tenant — set KNOWLEDGE_TENANT or "
                            "--tenant"));
    if (o.crossTenant && db.accessLevel() != Database::AccessLevel::Owner
        && !(db.accessLevel() == Database::AccessLevel::Service && db.servesEveryTenant())) {
        // Other tenants' rows are read and anonymised only inside a privileged run; the
        // database refuses the same (training_export_tenants() is for the service group).
        return makeError(ErrorCode::PermissionDenied,
                         tr("a cross-tenant export runs only as a service login for every "
                            "tenant (`knowledgectl access grant LOGIN --all-tenants --level "
                            "service`) or the schema owner — login %1 may export its own tenant "
                            "(leave out --cross-tenant)")
                             .arg(db.login()));
    }
    QElapsedTimer timer;
    timer.start();

    Summary summary;
    summary.files = outputFiles(o);
    std::vector<std::unique_ptr<QSaveFile>> files;
    for (const QString &path : summary.files) {
        auto f = std::make_unique<QSaveFile>(path);
        if (!f->open(QIODevice::WriteOnly)) {
            return makeError(ErrorCode::Unwritable,
                             tr("cannot write '%1': %2 — check that the directory exists and is "
                                "writable")
                                 .arg(path, f->errorString()));
        }
        // Owner only (0600), before a byte is written: the lines carry comments, SQL and
        // names. QSaveFile would give a new file 0666 & ~umask, and keep an old file's mode.
        if (!f->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(
                ErrorCode::Unwritable,
                tr("cannot make '%1' readable by its owner only: %2").arg(path, f->errorString()));
        files.push_back(std::move(f));
    }
    // From here on, returning without commit() discards the temporary files.

    return guarded(tr("exporting training data"), [&]() -> Result<Summary> {
        pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only>
            tx(databasePrivate(db)->conn);
        const QString ex = db.table(QStringLiteral("ml_training_examples"));

        QByteArray key = o.key;
        auto found = exportScopes(tx, db, o, key);
        if (!found)
            return found.error();
        const std::vector<TenantScope> scopes = std::move(*found);
        summary.tenants = int(scopes.size());

        const QStringList tasks = !o.tasks.isEmpty() ? o.tasks
            : o.format == Format::Preference         ? QStringList{kHypothesisGen, kSynthesis}
                                                     : taskTypes();
        QStringList quotedTasks;
        for (const QString &t : tasks)
            quotedTasks << sqlQuote(tx, t);

        const ExportSql q{tx, o, ex,
                          o.minScore
                              ? QString::number(*o.minScore, 'g', 17) + QLatin1String("::float8")
                              : QString()};
        const QString metadata = o.excludeComments ? QStringLiteral("(x.metadata - 'comments')")
                                                   : QStringLiteral("x.metadata");

        for (const TenantScope &scope : scopes) {
            const QString tenantLit = sqlQuote(tx, fromStd(scope.id));
            std::unique_ptr<Anonymiser> anon;
            if (o.crossTenant) {
                // Row-level security follows the tenant being read, for this transaction only.
                tx.exec_params("SELECT set_config('knowledge.tenant_id', $1, true)", scope.id);
                auto names = anonymiserNames(tx, db, scope, ex);
                if (!names)
                    return names.error();
                anon = std::make_unique<Anonymiser>(key, std::move(*names));
            }

            const QString base = QStringLiteral("x.tenant_id = %1 AND x.task_type IN (%2)")
                                     .arg(tenantLit, quotedTasks.join(QLatin1Char(',')));
            // What there is to export at all, for the explanation when nothing is written.
            countAvailable(q, tenantLit, tasks, summary);
            const QString lines = lineQuery(q, base, metadata, summary);
            tx.exec(
                toStd(QStringLiteral("DECLARE ke_training_export NO SCROLL CURSOR FOR ") + lines));
            if (auto written = writeLines(tx, o, files, anon.get(), summary); !written)
                return written.error();
            tx.exec("CLOSE ke_training_export");
        }
        tx.commit();

        for (auto &f : files) {
            if (!f->commit())
                return makeError(
                    ErrorCode::WriteFailed,
                    tr("could not finish writing '%1': %2").arg(f->fileName(), f->errorString()));
        }
        summary.seconds = double(timer.nsecsElapsed()) / 1e9;
        return summary;
    });
}

Result<QString> TrainingExporter::explainNothingExported(Database &db, const Options &o,
                                                         const Summary &s, bool built)
{
    if (s.written > 0)
        return QString();
    if (s.examples == 0) {
        if (!built)
            return tr("nothing to export: no training examples are built yet and --no-build was "
                      "given — run export-training without --no-build, or `knowledgectl "
                      "build-training` first");
        return guarded(tr("reading the event log"), [&]() -> Result<QString> {
            pqxx::nontransaction tx(databasePrivate(db)->conn);
            const pqxx::result r = tx.exec_params(
                "SELECT count(DISTINCT investigation_id) FILTER (WHERE event_type = "
                "'investigation.started'), count(DISTINCT investigation_id) FILTER (WHERE "
                "event_type LIKE 'feedback.%') FROM "
                    + toStd(db.eventsTable()) + " WHERE tenant_id = $1",
                uuidToStd(db.tenantId()));
            const qint64 started = r[0][0].as<qint64>();
            const qint64 rated = r[0][1].as<qint64>();
            if (started == 0)
                return tr("nothing to export: the event log has no investigation for this "
                          "tenant yet, so no training example was built — the orchestrator "
                          "writes them (`knowledgectl demo-seed` makes demo data)");
            return tr("nothing to export: %n investigation(s) in the event log, but none has a "
                      "hypothesis, a query or a synthesis to learn from yet (%1 with feedback)",
                      nullptr, int(std::min<qint64>(started, INT_MAX)))
                .arg(rated);
        });
    }
    QStringList present;
    for (auto it = s.available.cbegin(); it != s.available.cend(); ++it)
        present << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
    if (s.taskExamples == 0)
        return tr("nothing to export: the task filter matched none of the %1 example(s) — "
                  "there are: %2")
            .arg(s.examples)
            .arg(present.join(QStringLiteral(", ")));
    if (s.filteredOut >= s.taskExamples)
        return tr("nothing to export: --since/--dataset-type/--issue-type filtered out all %1 "
                  "example(s) of the chosen task(s)")
            .arg(s.taskExamples);
    if (o.minScore && !s.bestScore)
        return tr("nothing to export: none of the %1 example(s) has a feedback score, because "
                  "no investigation has feedback on them yet — rate hypotheses, queries or "
                  "syntheses, or drop --min-score")
            .arg(s.taskExamples - s.filteredOut);
    if (o.minScore && *s.bestScore < *o.minScore)
        return tr("nothing to export: nothing at or above --min-score %1 (the best score is %2) "
                  "— lower --min-score")
            .arg(*o.minScore)
            .arg(*s.bestScore, 0, 'f', 2);
    if (o.format == Format::Preference)
        return tr("nothing to export: no investigation has two examples of one task where one "
                  "is valued positive and another lower and not positive (%1 without a pair) — "
                  "preference pairs need hypotheses or syntheses rated both ways")
            .arg(s.unpaired);
    return tr("nothing to export: none of the %1 example(s) matched the filters (%2 below "
              "--min-score, %3 without a feedback score, %4 filtered out)")
        .arg(s.taskExamples)
        .arg(s.belowMinScore)
        .arg(s.unscored)
        .arg(s.filteredOut);
}

} // namespace ke
