#pragma once

#include "datasetdirectory.h"

#include "rowmodel.h"

#include <QAbstractListModel>

namespace ke {

/// The tenant's datasets for the side list: name, with investigations and feedback as a
/// second line. A plain list underneath; GUI thread only.
class DatasetListModel : public RowModel<QAbstractListModel, DatasetSummary>
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, InvestigationCountRole };

    using RowModel::RowModel; // explicit DatasetListModel(QObject *parent = nullptr)

    void setDatasets(QList<DatasetSummary> datasets) { resetRows(std::move(datasets)); }
    const DatasetSummary *dataset(int row) const { return rowAt(row); }
    int rowOf(const QUuid &id) const;

protected:
    QVariant rowData(const DatasetSummary &d, int column, int role) const override;
};

} // namespace ke
