// knowledgectl — the command line of Knowledge Explorer. Each command is in cmd_*.cpp.

#include "commands.h"
#include "jobs.h"
#include "offlinecache.h"
#include "uuid.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

namespace ke::ctl {

QList<Command> &commandRegistry()
{
    static QList<Command> registry;
    return registry;
}

std::optional<Error> CommandContext::missingTenant() const
{
    if (!settings.tenant.isEmpty())
        return std::nullopt;
    return makeError(
        ErrorCode::NoTenant,
        Messages::tr("no tenant given — set KNOWLEDGE_TENANT or pass --tenant SLUG|UUID"));
}

Result<std::unique_ptr<Database>> CommandContext::connect(bool requireTenant) const
{
    if (requireTenant) {
        if (auto missing = missingTenant())
            return *missing;
    }
    ConnectionSettings s = settings;
    if (!requireTenant)
        s.tenant.clear();
    auto db = Database::connect(s);
    if (db) // so that the offline cache of this connection is found when it is unreachable
        OfflineCache::rememberConnectionIfCaching(**db);
    return db;
}

Result<std::unique_ptr<Database>> CommandContext::connectAsPerson() const
{
    auto db = connect();
    if (db && (*db)->actorId().isNull())
        return makeError(ErrorCode::NoActor,
                         Messages::tr("no actor given — login %1 writes for others (a service "
                                      "login or the schema owner): set KNOWLEDGE_ACTOR or pass "
                                      "--actor HANDLE|UUID, so that it is that person's")
                             .arg((*db)->login()));
    return db;
}

namespace {

int runOnDatabase(const CommandContext &ctx, bool requireTenant,
                  const std::function<int(Database &)> &body)
{
    auto db = ctx.connect(requireTenant);
    if (!db)
        return ctx.fail(db.error());
    return body(**db);
}

} // namespace

int CommandContext::withDatabase(const std::function<int(Database &)> &body) const
{
    return runOnDatabase(*this, true, body);
}

int CommandContext::withDatabaseWithoutTenant(const std::function<int(Database &)> &body) const
{
    return runOnDatabase(*this, false, body);
}

int CommandContext::fail(const Error &e) const
{
    return fail(e.message);
}

int CommandContext::fail(const QString &message) const
{
    err << "knowledgectl: " << message << Qt::endl;
    return 1;
}

std::optional<QString> takeOption(QStringList &args, const QString &name)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == name && i + 1 < args.size()) {
            const QString v = args.at(i + 1);
            args.remove(i, 2);
            return v;
        }
        if (args.at(i).startsWith(name + QLatin1Char('='))) {
            const QString v = args.at(i).mid(name.size() + 1);
            args.removeAt(i);
            return v;
        }
    }
    return std::nullopt;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

Result<QUuid> parseUuidArgument(const QString &what, const QString &value)
{
    if (!isUuid(value))
        return makeError(ErrorCode::Usage,
                         Messages::tr("%1 must be a UUID, got '%2'").arg(what, value));
    return QUuid::fromString(value);
}

int CommandContext::forEachTenant(const std::function<Result<QString>(Database &)> &step) const
{
    auto runs = runForEachTenant(settings, nullptr, step);
    if (!runs)
        return fail(runs.error());
    // With a tenant: its summary alone, as always. Without: one line per tenant.
    const bool one = !settings.tenant.isEmpty();
    int failed = 0;
    for (const TenantRun &r : std::as_const(*runs)) {
        if (!r.error.isEmpty()) {
            ++failed;
            err << "knowledgectl: " << (one ? QString() : r.tenant.slug + QStringLiteral(": "))
                << r.error << Qt::endl;
        } else {
            out << (one ? QString() : r.tenant.slug + QStringLiteral(": ")) << r.summary
                << Qt::endl;
        }
    }
    if (runs->isEmpty())
        out << Messages::tr("no tenants yet — `knowledgectl tenant add SLUG` creates one, and "
                            "tenants with events in %1 are found by themselves")
                   .arg(settings.effectiveEventsTable())
            << Qt::endl;
    if (failed > 0 && !one)
        err << Messages::tr("knowledgectl: %1 of %2 tenant(s) failed; the others are done")
                   .arg(failed)
                   .arg(runs->size())
            << Qt::endl;
    return failed > 0 ? 1 : 0;
}

} // namespace ke::ctl

namespace {

void printUsage(QTextStream &out)
{
    using namespace ke::ctl;
    out << Messages::tr("usage: knowledgectl COMMAND [ARGS] [--database URL] "
                        "[--tenant T] [--actor A] [--schema S] [--events-table T] "
                        "[--datasets-table T [--datasets-name-column C]]")
        << "\n\n";
    QList<Command> cmds = commandRegistry();
    std::sort(cmds.begin(), cmds.end(),
              [](const Command &a, const Command &b) { return a.name < b.name; });
    for (const Command &c : cmds) {
        const QString synopsis = c.usage.isEmpty() ? c.name : c.name + QLatin1Char(' ') + c.usage;
        const QString summary = Messages::tr(c.summary.toUtf8().constData());
        if (synopsis.size() <= 44)
            out << "  " << synopsis.leftJustified(44) << ' ' << summary << '\n';
        else
            out << "  " << synopsis << '\n' << QString(47, QLatin1Char(' ')) << summary << '\n';
    }
    out << '\n'
        << Messages::tr("Environment: KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_ACTOR, "
                        "KNOWLEDGE_SCHEMA, KNOWLEDGE_EVENTS_TABLE (and libpq's PG* variables).")
        << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("knowledgectl"));
    QCoreApplication::setOrganizationName(QStringLiteral("KnowledgeExplorer"));
    QTranslator translator;
    // No translation for any of the user's languages: English, which adds the plural forms
    // ("1 event", "2 events") that the "%n event(s)" sources lack.
    if (translator.load(QLocale(), QStringLiteral("knowledge"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral(":/i18n/knowledge_en.qm")))
        QCoreApplication::installTranslator(&translator);

    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);

    ke::ctl::CommandContext ctx{ke::ConnectionSettings::fromEnvironment(), {}, out, err};
    QStringList args = app.arguments().mid(1);
    args = ctx.settings.applyFlags(args);
    if (args.size() == 1 && args.first() == QLatin1String("--version")) {
        out << "knowledgectl " << QStringLiteral(KE_VERSION) << " (Qt " << qVersion() << ')'
            << Qt::endl;
        return 0;
    }
    if (args.isEmpty() || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("help") || args.first() == QLatin1String("-h")) {
        printUsage(out);
        return args.isEmpty() ? 2 : 0;
    }
    const QString name = args.takeFirst();
    for (const ke::ctl::Command &c : ke::ctl::commandRegistry()) {
        if (c.name == name) {
            ctx.args = args;
            // A person waits for these: statements and lock waits time out (README, timeouts).
            static const QStringList interactive{
                QStringLiteral("knowledge"), QStringLiteral("activity"), QStringLiteral("datasets"),
                QStringLiteral("search"),    QStringLiteral("status"),   QStringLiteral("feedback"),
                QStringLiteral("comment"),   QStringLiteral("quirk")};
            ctx.settings.interactive = interactive.contains(name);
            try {
                const int rc = c.run(ctx);
                out.flush();
                err.flush();
                return rc;
            } catch (const std::exception &e) {
                return ctx.fail(
                    ke::ctl::Messages::tr("internal error: %1").arg(QString::fromUtf8(e.what())));
            }
        }
    }
    err << ke::ctl::Messages::tr("knowledgectl: unknown command '%1' — run "
                                 "`knowledgectl --help` for the list")
               .arg(name)
        << Qt::endl;
    return 2;
}
