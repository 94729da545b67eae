#include "connectionsettings.h"

#include <QRegularExpression>

namespace ke {

ConnectionSettings ConnectionSettings::fromEnvironment()
{
    ConnectionSettings s;
    s.databaseUrl = qEnvironmentVariable("KNOWLEDGE_DATABASE_URL");
    s.tenant = qEnvironmentVariable("KNOWLEDGE_TENANT");
    s.actor = qEnvironmentVariable("KNOWLEDGE_ACTOR");
    const QString schema = qEnvironmentVariable("KNOWLEDGE_SCHEMA");
    if (!schema.isEmpty())
        s.schema = schema;
    s.eventsTable = qEnvironmentVariable("KNOWLEDGE_EVENTS_TABLE");
    s.datasetsTable = qEnvironmentVariable("KNOWLEDGE_DATASETS_TABLE");
    const QString nameColumn = qEnvironmentVariable("KNOWLEDGE_DATASETS_NAME_COLUMN");
    if (!nameColumn.isEmpty())
        s.datasetsNameColumn = nameColumn;
    return s;
}

QStringList ConnectionSettings::applyFlags(const QStringList &args)
{
    struct Flag
    {
        QLatin1String name;
        QString *target;
    };
    const Flag flags[] = {
        {QLatin1String("--database"), &databaseUrl},
        {QLatin1String("--tenant"), &tenant},
        {QLatin1String("--actor"), &actor},
        {QLatin1String("--schema"), &schema},
        {QLatin1String("--events-table"), &eventsTable},
        {QLatin1String("--datasets-table"), &datasetsTable},
        {QLatin1String("--datasets-name-column"), &datasetsNameColumn},
    };
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool consumed = false;
        for (const Flag &f : flags) {
            if (a == f.name && i + 1 < args.size()) {
                *f.target = args.at(++i);
                consumed = true;
            } else if (a.startsWith(f.name + QLatin1Char('='))) {
                *f.target = a.mid(f.name.size() + 1);
                consumed = true;
            }
            if (consumed)
                break;
        }
        if (!consumed)
            rest << a;
    }
    return rest;
}

QString ConnectionSettings::effectiveEventsTable() const
{
    if (!eventsTable.isEmpty())
        return eventsTable.contains(QLatin1Char('.')) ? eventsTable
                                                      : schema + QLatin1Char('.') + eventsTable;
    return schema + QStringLiteral(".feedback_events");
}

bool ConnectionSettings::ownsEventsTable() const
{
    return effectiveEventsTable() == schema + QStringLiteral(".feedback_events");
}

QString ConnectionSettings::redactedUrl() const
{
    if (databaseUrl.isEmpty())
        return QStringLiteral("(libpq defaults: PGHOST/PGPORT/service file)");
    QString s = databaseUrl;
    static const QRegularExpression uriPassword(QStringLiteral("(://[^:/@]*:)[^@]*@"));
    static const QRegularExpression kvPassword(QStringLiteral("(password\\s*=\\s*)\\S+"));
    s.replace(uriPassword, QStringLiteral("\\1***@"));
    s.replace(kvPassword, QStringLiteral("\\1***"));
    return s;
}

} // namespace ke
