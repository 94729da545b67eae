#pragma once

#include "searchoutcome.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ke {

/// Search results as a table: what was found (the snippet, matched words in bold), its kind,
/// dataset, when, feedback, and why it ranked (lexical and vector ranks). A plain list
/// underneath; GUI thread only.
class SearchResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SnippetColumn, KindColumn, DatasetColumn, WhenColumn, WhyColumn, ColumnCount };
    enum Role { InvestigationRole = Qt::UserRole + 1 };

    explicit SearchResultModel(QObject *parent = nullptr);

    void setResults(QList<SearchResult> results);
    /// Dataset UUID -> name, for the dataset column.
    void setDatasetNames(QHash<QString, QString> names);
    const SearchResult *result(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<SearchResult> m_results;
    QHash<QString, QString> m_names;
};

} // namespace ke
