#include "datasetstructure.h"

#include "database.h"
#include "database_p.h"
#include "datasetdirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace ke {

namespace {

/// Names in a value that is a string, an array of strings, or of objects with a name.
QStringList namesIn(const QJsonValue &v)
{
    QStringList out;
    const auto one = [&out](const QJsonValue &x) {
        if (x.isString() && !x.toString().trimmed().isEmpty())
            out << x.toString().trimmed();
        else if (x.isObject()) {
            const QJsonObject o = x.toObject();
            for (const char *key : {"name", "dataset", "table", "native_path"}) {
                const QString s = o.value(QLatin1String(key)).toString().trimmed();
                if (!s.isEmpty()) {
                    out << s;
                    break;
                }
            }
        }
    };
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            one(x);
    } else {
        one(v);
    }
    return out;
}

/// Columns (name, type) in a value: an array of names or of {name|column_name, type|data_type},
/// an object {columns: …}, or an object of table -> columns (only `table`'s are taken).
QList<QPair<QString, QString>> columnsIn(const QJsonValue &v, const QString &table)
{
    QList<QPair<QString, QString>> out;
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray()) {
            if (x.isString() && !x.toString().trimmed().isEmpty()) {
                out.append({x.toString().trimmed(), QString()});
            } else if (x.isObject()) {
                const QJsonObject o = x.toObject();
                QString name = o.value(QLatin1String("name")).toString();
                if (name.isEmpty())
                    name = o.value(QLatin1String("column_name")).toString();
                QString type = o.value(QLatin1String("type")).toString();
                if (type.isEmpty())
                    type = o.value(QLatin1String("data_type")).toString();
                if (!name.trimmed().isEmpty())
                    out.append({name.trimmed(), type.trimmed()});
            }
        }
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("columns")))
            return columnsIn(o.value(QLatin1String("columns")), table);
        const QString shortName = table.mid(table.indexOf(QLatin1Char('.')) + 1);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().compare(table, Qt::CaseInsensitive) == 0
                || it.key().compare(shortName, Qt::CaseInsensitive) == 0)
                return columnsIn(it.value(), table);
        }
    }
    return out;
}

struct Lineage
{
    QStringList upstream, downstream;
};

Lineage lineageIn(const QJsonObject &o)
{
    Lineage l;
    l.upstream = namesIn(o.value(QLatin1String("upstream")));
    l.downstream = namesIn(o.value(QLatin1String("downstream")));
    const QJsonObject nested = o.value(QLatin1String("lineage")).toObject();
    l.upstream += namesIn(nested.value(QLatin1String("upstream")));
    l.downstream += namesIn(nested.value(QLatin1String("downstream")));
    return l;
}

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

/// Whether `table` as written in SQL or an event names the dataset `name` ("public.orders" or
/// "orders").
bool namesDataset(const QString &table, const QString &name)
{
    if (sameName(table, name))
        return true;
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    return dot >= 0 && !table.contains(QLatin1Char('.')) && sameName(table, name.mid(dot + 1));
}

bool isCatalogTable(const QString &table)
{
    const QString t = table.toLower();
    return t.startsWith(QLatin1String("information_schema.")) || t.startsWith(QLatin1String("pg_"))
        || t.startsWith(QLatin1String("pg_catalog."));
}

/// Builds one dataset's structure from its sources, a source at a time: the columns and the
/// related datasets (links) as the metadata, the other datasets' lineage, the investigations'
/// start events and the queries name them.
class StructureBuilder
{
public:
    explicit StructureBuilder(const StructureSources &src)
        : m_src(src)
    { }

    void readMetadata();
    void readOthersLineage();
    void readStartedInvestigations();
    /// Returns how many queries were read (each as often as it ran).
    int readQueries();
    /// Columns: primary key first, then the most mentioned; links by direction, then likewise.
    void sortInto(DatasetStructure &s);

private:
    /// The column `name` (case-insensitive), added when new.
    StructureColumn &column(const QString &name)
    {
        for (StructureColumn &c : m_columns)
            if (sameName(c.name, name))
                return c;
        m_columns.append(StructureColumn{name, {}, false, false, 0, 0});
        return m_columns.last();
    }

    /// The link to `name`, added when new; null for the dataset itself and catalogue tables.
    /// Valid until the next call.
    StructureLink *link(const QString &name)
    {
        if (namesDataset(name, m_src.name) || isCatalogTable(name))
            return nullptr;
        for (StructureLink &l : m_links)
            if (sameName(l.name, name))
                return &l;
        StructureLink l;
        l.name = name;
        l.datasetId = m_src.datasetIds.value(name);
        m_links.append(l);
        return &m_links.last();
    }

    /// A link's direction is the first one any source gives it.
    static void direct(StructureLink *l, StructureLink::Direction d)
    {
        if (l && l->direction == StructureLink::Direction::Related)
            l->direction = d;
    }

    void linkFromMetadata(const QString &name, StructureLink::Direction d)
    {
        if (StructureLink *l = link(name)) {
            l->fromMetadata = true;
            direct(l, d);
        }
    }

    void readQuery(const QString &sql, int times,
                   const QList<QPair<QString, QRegularExpression>> &known);

    const StructureSources &m_src;
    QList<StructureColumn> m_columns;
    QList<StructureLink> m_links;
};

void StructureBuilder::readMetadata()
{
    auto metaColumns = columnsIn(m_src.metadata.value(QLatin1String("columns")), m_src.name);
    metaColumns += columnsIn(m_src.metadata.value(QLatin1String("schema")), m_src.name);
    for (const auto &[name, type] : std::as_const(metaColumns)) {
        StructureColumn &c = column(name);
        c.inMetadata = true;
        if (c.type.isEmpty())
            c.type = type;
    }
    for (const QString &key : namesIn(m_src.metadata.value(QLatin1String("primary_key"))))
        column(key).primaryKey = true;
    const Lineage own = lineageIn(m_src.metadata);
    for (const QString &up : own.upstream)
        linkFromMetadata(up, StructureLink::Direction::Upstream);
    for (const QString &down : own.downstream)
        linkFromMetadata(down, StructureLink::Direction::Downstream);
}

/// Other datasets that name this one as their upstream (or downstream).
void StructureBuilder::readOthersLineage()
{
    const auto namesThis = [this](const QStringList &list) {
        return std::any_of(list.begin(), list.end(),
                           [this](const QString &n) { return namesDataset(n, m_src.name); });
    };
    for (auto it = m_src.others.begin(); it != m_src.others.end(); ++it) {
        const Lineage theirs = lineageIn(it.value());
        if (namesThis(theirs.upstream))
            linkFromMetadata(it.key(), StructureLink::Direction::Downstream);
        if (namesThis(theirs.downstream))
            linkFromMetadata(it.key(), StructureLink::Direction::Upstream);
    }
}

/// What investigations recorded when they started (an investigation counts once per name).
void StructureBuilder::readStartedInvestigations()
{
    for (const QJsonObject &e : m_src.started) {
        QSet<QString> seenColumns;
        for (const auto &[name, type] : columnsIn(e.value(QLatin1String("schema")), m_src.name)) {
            if (seenColumns.contains(name.toLower()))
                continue;
            seenColumns.insert(name.toLower());
            StructureColumn &c = column(name);
            ++c.events;
            if (c.type.isEmpty())
                c.type = type;
        }
        QSet<QString> seenLinks;
        const Lineage l = lineageIn(e);
        const auto count = [&](const QString &name, std::optional<StructureLink::Direction> d) {
            StructureLink *x = link(name);
            if (!x)
                return;
            if (d)
                direct(x, *d);
            if (!seenLinks.contains(x->name.toLower())) {
                seenLinks.insert(x->name.toLower());
                ++x->events;
            }
        };
        for (const QString &up : l.upstream)
            count(up, StructureLink::Direction::Upstream);
        for (const QString &down : l.downstream)
            count(down, StructureLink::Direction::Downstream);
        for (const QString &t : namesIn(e.value(QLatin1String("tables_found"))))
            count(t, std::nullopt);
    }
}

int StructureBuilder::readQueries()
{
    // The columns known so far (metadata, start events), each as a whole word.
    QList<QPair<QString, QRegularExpression>> known;
    for (const StructureColumn &c : std::as_const(m_columns))
        known.append(
            {c.name,
             QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(c.name)),
                                QRegularExpression::CaseInsensitiveOption)});
    int queries = 0;
    for (const auto &[sql, times] : m_src.sql) {
        queries += times;
        readQuery(sql, times, known);
    }
    return queries;
}

/// One query: tables after FROM / JOIN (qualified names, or the tenant's dataset names — an
/// unqualified word after FROM is as often `extract(dow FROM created_at)`), the known columns
/// by name, and alias.column for the dataset's own alias.
void StructureBuilder::readQuery(const QString &sql, int times,
                                 const QList<QPair<QString, QRegularExpression>> &known)
{
    static const QRegularExpression tableRe(
        QStringLiteral(
            "\\b(?:from|join)\\s+([A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)?)"
            "(?:\\s+(?:as\\s+)?([A-Za-z_][A-Za-z0-9_]*))?"),
        QRegularExpression::CaseInsensitiveOption);
    static const QSet<QString> notAlias
        = {QStringLiteral("where"),   QStringLiteral("group"), QStringLiteral("order"),
           QStringLiteral("limit"),   QStringLiteral("left"),  QStringLiteral("right"),
           QStringLiteral("inner"),   QStringLiteral("outer"), QStringLiteral("join"),
           QStringLiteral("on"),      QStringLiteral("union"), QStringLiteral("except"),
           QStringLiteral("having"),  QStringLiteral("full"),  QStringLiteral("cross"),
           QStringLiteral("natural"), QStringLiteral("using"), QStringLiteral("window")};
    // First the aliases (the dataset's own, and every table's: `o.created_at` after
    // `extract(dow FROM` is a column of alias o, not a table).
    QSet<QString> aliases, anyAlias;
    QList<QString> tables;
    for (auto m = tableRe.globalMatch(sql); m.hasNext();) {
        const auto match = m.next();
        const QString alias = match.captured(2).toLower();
        const bool isAlias = !alias.isEmpty() && !notAlias.contains(alias);
        if (isAlias)
            anyAlias.insert(alias);
        if (namesDataset(match.captured(1), m_src.name)) {
            if (isAlias)
                aliases.insert(alias);
            continue;
        }
        tables << match.captured(1);
    }
    QSet<QString> seenLinks;
    for (const QString &table : std::as_const(tables)) {
        const qsizetype dot = table.indexOf(QLatin1Char('.'));
        if (dot < 0 && !m_src.datasetIds.contains(table))
            continue;
        if (dot >= 0 && anyAlias.contains(table.left(dot).toLower()))
            continue;
        if (StructureLink *l = link(table); l && !seenLinks.contains(l->name.toLower())) {
            seenLinks.insert(l->name.toLower());
            l->queries += times;
        }
    }
    QSet<QString> named;
    if (!aliases.isEmpty()) {
        static const QRegularExpression qualifiedRe(
            QStringLiteral("\\b([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)\\b"));
        for (auto m = qualifiedRe.globalMatch(sql); m.hasNext();) {
            const auto match = m.next();
            if (aliases.contains(match.captured(1).toLower()))
                named.insert(match.captured(2));
        }
    }
    for (const auto &[name, word] : known) {
        if (sql.contains(word))
            named.insert(name);
    }
    QSet<QString> counted;
    for (const QString &n : std::as_const(named)) {
        StructureColumn &c = column(n);
        if (!counted.contains(c.name.toLower())) {
            counted.insert(c.name.toLower());
            c.queries += times;
        }
    }
}

void StructureBuilder::sortInto(DatasetStructure &s)
{
    std::stable_sort(m_columns.begin(), m_columns.end(),
                     [](const StructureColumn &a, const StructureColumn &b) {
                         if (a.primaryKey != b.primaryKey)
                             return a.primaryKey;
                         const int na = a.events + a.queries, nb = b.events + b.queries;
                         if (na != nb)
                             return na > nb;
                         return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                     });
    std::stable_sort(m_links.begin(), m_links.end(),
                     [](const StructureLink &a, const StructureLink &b) {
                         if (a.direction != b.direction)
                             return int(a.direction) < int(b.direction);
                         const int na = a.events + a.queries + (a.fromMetadata ? 1 : 0);
                         const int nb = b.events + b.queries + (b.fromMetadata ? 1 : 0);
                         if (na != nb)
                             return na > nb;
                         return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                     });
    s.columns = m_columns;
    s.links = m_links;
}

} // namespace

DatasetStructure DatasetStructureReader::fromSources(const StructureSources &src)
{
    DatasetStructure s;
    s.name = src.name;
    s.investigationsRead = src.investigations;
    s.loadedFrom = src.metadata.value(QLatin1String("source")).toString();
    StructureBuilder b(src);
    b.readMetadata();
    b.readOthersLineage();
    b.readStartedInvestigations();
    s.queriesRead = b.readQueries();
    b.sortInto(s);
    return s;
}

Result<DatasetStructure> DatasetStructureReader::read(Database &db, const QString &dataset)
{
    auto ds = DatasetDirectory::resolve(db, dataset);
    if (!ds)
        return ds.error();
    return guarded(
        tr("reading the schema and lineage of dataset '%1'").arg(ds->name),
        [&]() -> Result<DatasetStructure> {
            pqxx::work tx(databasePrivate(db)->conn); // one snapshot for every part
            const std::string k = toStd(Database::quoteQualified(db.settings().schema));
            const std::string events = toStd(db.eventsTable());
            const std::string tenant = uuidToStd(db.tenantId());
            const std::string id = uuidToStd(ds->id);
            StructureSources src;
            src.name = ds->name;

            for (const auto &row : tx.exec_params("SELECT id, name, metadata::text FROM " + k
                                                      + ".datasets WHERE tenant_id = $1",
                                                  tenant)) {
                const QString name = stringFromField(row[1]);
                src.datasetIds.insert(name, uuidFromField(row[0]));
                const QJsonObject metadata = objectFromField(row[2]);
                if (uuidFromField(row[0]) == ds->id)
                    src.metadata = metadata;
                else if (!metadata.isEmpty())
                    src.others.insert(name, metadata);
            }
            const std::string latest = "SELECT investigation_id FROM " + k
                + ".agg_investigations WHERE tenant_id = $1 AND dataset_id = $2 "
                  "ORDER BY started_at DESC NULLS LAST, investigation_id DESC LIMIT $3";
            src.investigations = tx.exec_params("SELECT count(*) FROM (" + latest + ") i", tenant,
                                                id, investigationLimit)[0][0]
                                     .as<int>();
            for (const auto &row : tx.exec_params(
                     "SELECT e.event_data::text FROM " + events
                         + " e WHERE e.tenant_id = $1 AND e.event_type = 'investigation.started' "
                           "AND e.investigation_id IN ("
                         + latest
                         + ") AND (e.event_data ? 'schema' OR e.event_data ? 'lineage' "
                           "OR e.event_data ? 'tables_found')",
                     tenant, id, investigationLimit))
                src.started.append(objectFromField(row[0]));
            for (const auto &row : tx.exec_params(
                     "SELECT e.event_data->>'sql', count(DISTINCT coalesce(e.event_data->>"
                     "'query_id', e.id::text)) FROM "
                         + events
                         + " e WHERE e.tenant_id = $1 AND e.event_type LIKE 'query.%' "
                           "AND e.investigation_id IN ("
                         + latest + ") AND coalesce(e.event_data->>'sql', '') <> '' GROUP BY 1",
                     tenant, id, investigationLimit))
                src.sql.append({stringFromField(row[0]), row[1].as<int>()});
            tx.commit();
            DatasetStructure s = fromSources(src);
            s.datasetId = ds->id;
            s.description = ds->description;
            return s;
        });
}

} // namespace ke
