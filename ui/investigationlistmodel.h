#pragma once

#include "investigationdirectory.h"

#include "rowmodel.h"

#include <QAbstractTableModel>

namespace ke {

/// A dataset's investigations, newest first (InvestigationDirectory::list, online or from the
/// offline cache): started, status, anomaly, outcome and the ratings. GUI thread only.
class InvestigationListModel : public RowModel<QAbstractTableModel, InvestigationSummary>
{
    Q_OBJECT

public:
    enum Column {
        StartedColumn,
        StatusColumn,
        AnomalyColumn,
        OutcomeColumn,
        RatingColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    using RowModel::RowModel;

    void setInvestigations(QList<InvestigationSummary> rows) { resetRows(std::move(rows)); }
    const InvestigationSummary *investigation(int row) const { return rowAt(row); }
    int rowOf(const QUuid &id) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant rowData(const InvestigationSummary &s, int column, int role) const override;
};

} // namespace ke
