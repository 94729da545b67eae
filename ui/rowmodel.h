#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace ke {

/// What the item models of the UI share: their rows are a plain QList at the top level (no
/// children), replaced at once or appended to, and data() asks the model only about a row
/// that exists. `Base` is QAbstractListModel or QAbstractTableModel; a model implements
/// rowData() (and, a table, columnCount() and headerData()). GUI thread only.
template <typename Base, typename Row> class RowModel : public Base
{
public:
    using Base::Base;

    /// The row `row`; nullptr outside the model.
    const Row *rowAt(int row) const
    {
        return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        using Check = QAbstractItemModel::CheckIndexOption;
        if (!this->checkIndex(index, Check::IndexIsValid | Check::ParentIsInvalid))
            return {};
        return rowData(m_rows.at(index.row()), index.column(), role);
    }

protected:
    /// data() of an existing row's cell.
    virtual QVariant rowData(const Row &row, int column, int role) const = 0;

    void resetRows(QList<Row> rows)
    {
        this->beginResetModel();
        m_rows = std::move(rows);
        this->endResetModel();
    }

    void appendRows(const QList<Row> &rows)
    {
        if (rows.isEmpty())
            return;
        this->beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        this->endInsertRows();
    }

    void insertRowsAt(int at, const QList<Row> &rows)
    {
        if (rows.isEmpty())
            return;
        this->beginInsertRows({}, at, at + int(rows.size()) - 1);
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_rows.insert(at + i, rows.at(i));
        this->endInsertRows();
    }

    void removeRowsAt(int at, int count)
    {
        if (count <= 0)
            return;
        this->beginRemoveRows({}, at, at + count - 1);
        m_rows.remove(at, count);
        this->endRemoveRows();
    }

    /// headerData() of a table whose columns are titled, in order, by `titles`.
    static QVariant columnTitle(const QStringList &titles, int section, Qt::Orientation orientation,
                                int role)
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
            || section >= titles.size())
            return {};
        return titles.at(section);
    }

    QList<Row> m_rows;
};

} // namespace ke
