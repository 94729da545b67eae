#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace ke::ctl {

/// What a knowledgectl command gets: the connection settings (environment + global flags),
/// its own arguments (global flags already removed), and stdout / stderr.
struct CommandContext
{
    ConnectionSettings settings;
    QStringList args;
    QTextStream &out;
    QTextStream &err;

    /// The error "no tenant given …" when KNOWLEDGE_TENANT / --tenant is not set.
    std::optional<Error> missingTenant() const;
    /// Connects; with requireTenant, refuses to go on without KNOWLEDGE_TENANT / --tenant.
    Result<std::unique_ptr<Database>> connect(bool requireTenant = true) const;
    /// Connects for a person's own write (feedback, quirks, comments): a member login is its
    /// granted person; a service login or the owner must name one (--actor), else an error.
    Result<std::unique_ptr<Database>> connectAsPerson() const;
    /// Connects as the tenant given (see connect()) and runs `body` on the database, returning
    /// its exit code; when connecting fails, prints why (see fail()) instead.
    int withDatabase(const std::function<int(Database &)> &body) const;
    /// The same without a tenant, for the commands that work on the schema or on all tenants.
    int withDatabaseWithoutTenant(const std::function<int(Database &)> &body) const;
    /// Prints "knowledgectl: <message>" to stderr and returns the exit code to use.
    int fail(const Error &e) const;
    int fail(const QString &message) const;
    /// A batch command's body: for the tenant given, or — without one — for every tenant (one
    /// "slug: summary" line each; a tenant's failure is reported and the others still run).
    /// Returns the exit code (1 when any tenant failed).
    int forEachTenant(const std::function<Result<QString>(Database &)> &step) const;
};

/// knowledgectl's translation context: Messages::tr("...") is
/// Messages::tr("..."), and lupdate files it under that context
/// (a file-local tr() helper would be filed under its namespace and never found at run time).
class Messages
{
    Q_DECLARE_TR_FUNCTIONS(knowledgectl)
};

struct Command
{
    QString name;
    QString usage; ///< one line: arguments after the name
    QString summary; ///< one line
    std::function<int(CommandContext &)> run;
};

/// Commands register themselves from their own files (see KE_REGISTER_COMMAND).
QList<Command> &commandRegistry();

struct CommandRegistrar
{
    explicit CommandRegistrar(Command c) { commandRegistry().append(std::move(c)); }
};

/// Small argument helpers shared by the commands.
/// Takes "--name value" or "--name=value" out of args; returns the value or nullopt.
std::optional<QString> takeOption(QStringList &args, const QString &name);
/// Takes a bare "--name" out of args.
bool takeFlag(QStringList &args, const QString &name);
/// `value` as a UUID, or a usage error naming the option ("--investigation must be a UUID").
Result<QUuid> parseUuidArgument(const QString &what, const QString &value);

} // namespace ke::ctl

#define KE_CTL_CONCAT2(a, b) a##b
#define KE_CTL_CONCAT(a, b) KE_CTL_CONCAT2(a, b)
/// Registers a command; wrap the summary in QT_TRANSLATE_NOOP("knowledgectl", ...) so lupdate
/// sees it: KE_REGISTER_COMMAND("emit", "[FILE|-]",
///                              QT_TRANSLATE_NOOP("knowledgectl", "append events"), runEmit);
#define KE_REGISTER_COMMAND(name, usage, summary, fn)                                              \
    static ::ke::ctl::CommandRegistrar KE_CTL_CONCAT(s_registrar_, __LINE__)(::ke::ctl::Command{   \
        QStringLiteral(name), QStringLiteral(usage), QString::fromUtf8(summary), fn})
