#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace ke {

class Database;

/// A column of a dataset as the knowledge base knows it: from the dataset's metadata, from
/// the schema investigations recorded, and from the SQL of their queries.
struct StructureColumn
{
    QString name;
    QString type; ///< when a source says it
    bool inMetadata = false; ///< listed in the dataset's metadata
    bool primaryKey = false;
    int events = 0; ///< investigations whose recorded schema lists it
    int queries = 0; ///< queries whose SQL names it
};

/// Another dataset or table a dataset is connected with.
struct StructureLink
{
    enum class Direction {
        Upstream, ///< feeds this dataset (metadata or a recorded lineage says so)
        Downstream, ///< is fed by this dataset
        Related, ///< named together with it (tables found, the same queries), direction unknown
    };
    QString name;
    QUuid datasetId; ///< when it is one of the tenant's datasets
    Direction direction = Direction::Related;
    bool fromMetadata = false; ///< a dataset's metadata names the link
    int events = 0; ///< investigations whose start names it (lineage, tables found)
    int queries = 0; ///< queries that read it
};

/// What the knowledge base holds about a dataset's columns and neighbours.
struct DatasetStructure
{
    QUuid datasetId;
    QString name;
    QString description;
    QString loadedFrom; ///< metadata "source": where the data comes from, in words
    QList<StructureColumn> columns; ///< primary key first, then most named, then by name
    QList<StructureLink> links; ///< upstream, downstream, related; most named first
    int investigationsRead = 0; ///< investigations whose events were read
    int queriesRead = 0; ///< queries whose SQL was read
};

/// What DatasetStructureReader reads, gathered: the input of fromSources().
struct StructureSources
{
    QString name; ///< the dataset's name ("public.orders")
    QJsonObject metadata; ///< the dataset's metadata (datasets.metadata)
    QList<QJsonObject> started; ///< event_data of its investigations' investigation.started
    QList<QPair<QString, int>> sql; ///< distinct SQL texts of its queries, with how many queries
    QHash<QString, QJsonObject> others; ///< the tenant's other datasets: name -> metadata
    QHash<QString, QUuid> datasetIds; ///< every dataset of the tenant: name -> id
    int investigations = 0;
};

/// Reads what the knowledge base holds about a dataset's schema and lineage — the columns and
/// the neighbouring datasets named in its metadata, in what its investigations recorded
/// (investigation.started `schema`, `lineage`, `tables_found`) and in its queries' SQL (tables
/// after FROM/JOIN; known columns by name, and `alias.column` of the dataset's own alias). It
/// never asks the warehouse itself. Reads the latest `investigationLimit` investigations.
/// Stateless; use with the calling thread's Database.
class DatasetStructureReader
{
    Q_DECLARE_TR_FUNCTIONS(DatasetStructureReader)

public:
    static constexpr int investigationLimit = 500;

    /// `dataset` is a UUID or name (an unknown one is an error that names it).
    static Result<DatasetStructure> read(Database &db, const QString &dataset);
    /// The structure the sources describe (pure; any thread).
    static DatasetStructure fromSources(const StructureSources &sources);
};

} // namespace ke
