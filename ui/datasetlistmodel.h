#pragma once

#include "datasetdirectory.h"

#include "rowmodel.h"

#include <QAbstractListModel>

namespace ke {

/// The tenant's datasets for the side list: name, with investigations, net feedback and the
/// last investigation as a second line; roles to sort by name, activity (the last
/// investigation) and problems (investigations). A plain list underneath; GUI thread only.
class DatasetListModel : public RowModel<QAbstractListModel, DatasetSummary>
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        InvestigationCountRole, ///< "problems": investigations (each one an alert looked into)
        LastInvestigationRole, ///< "activity": QDateTime, invalid when none
        NetFeedbackRole, ///< 👍 − 👎
    };

    using RowModel::RowModel; // explicit DatasetListModel(QObject *parent = nullptr)

    void setDatasets(QList<DatasetSummary> datasets) { resetRows(std::move(datasets)); }
    const DatasetSummary *dataset(int row) const { return rowAt(row); }
    int rowOf(const QUuid &id) const;

protected:
    QVariant rowData(const DatasetSummary &d, int column, int role) const override;
};

} // namespace ke
