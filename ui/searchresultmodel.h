#pragma once

#include "searchoutcome.h"

#include "rowmodel.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ke {

/// Search results as a table: what was found (the snippet, matched words in bold), its kind,
/// dataset, when, feedback, and why it ranked (lexical and vector ranks). A plain list
/// underneath; GUI thread only.
class SearchResultModel : public RowModel<QAbstractTableModel, SearchResult>
{
    Q_OBJECT

public:
    enum Column { SnippetColumn, KindColumn, DatasetColumn, WhenColumn, WhyColumn, ColumnCount };
    enum Role {
        InvestigationRole = Qt::UserRole + 1,
        MarkedSnippetRole, ///< the snippet with its matched words marked «like this»
    };

    using RowModel::RowModel; // explicit SearchResultModel(QObject *parent = nullptr)

    void setResults(QList<SearchResult> results) { resetRows(std::move(results)); }
    /// Dataset UUID -> name, for the dataset column.
    void setDatasetNames(QHash<QString, QString> names);
    const SearchResult *result(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant rowData(const SearchResult &r, int column, int role) const override;

private:
    QHash<QString, QString> m_names;
};

} // namespace ke
