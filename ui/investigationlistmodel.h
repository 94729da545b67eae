#pragma once

#include "investigationdirectory.h"

#include "rowmodel.h"

#include <QAbstractTableModel>

namespace ke {

/// A dataset's investigations, newest first (InvestigationDirectory::list, online or from the
/// offline cache): date, alert, outcome, confidence, 👍 and 👎 (latest ratings). SortRole gives
/// each column's value to sort by (a QSortFilterProxyModel sorts and filters it). GUI thread
/// only.
class InvestigationListModel : public RowModel<QAbstractTableModel, InvestigationSummary>
{
    Q_OBJECT

public:
    enum Column {
        StartedColumn,
        AlertColumn,
        OutcomeColumn,
        ConfidenceColumn,
        UpColumn,
        DownColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

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
