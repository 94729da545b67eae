#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

namespace ke {

class Database;

/// A dataset as people name it ("public.orders") and as the database keys it.
struct DatasetRef
{
    QUuid id;
    QString name;
    QString description;
};

/// A dataset with its headline numbers from dataset_knowledge (zero before aggregation).
struct DatasetSummary
{
    DatasetRef ref;
    int investigationCount = 0;
    int positiveFeedback = 0;
    int negativeFeedback = 0;
    QDateTime lastInvestigationAt;
};

/// Finds the tenant's datasets by UUID or name. Stateless; use with the calling thread's
/// Database.
class DatasetDirectory
{
    Q_DECLARE_TR_FUNCTIONS(DatasetDirectory)

public:
    /// `key` is a dataset UUID or name; an unknown one is an error that names it.
    static Result<DatasetRef> resolve(Database &db, const QString &key);
    /// All datasets of the tenant, by name.
    static Result<QList<DatasetRef>> list(Database &db);
    /// All datasets with their headline numbers, most investigated first.
    static Result<QList<DatasetSummary>> summaries(Database &db);
    /// A stored row as people see it: a dataset known only by its UUID (no name yet — see
    /// KNOWLEDGE_DATASETS_TABLE) reads "unnamed dataset <uuid>".
    static DatasetRef fromStored(const QUuid &id, const QString &name, const QString &description);
};

} // namespace ke
