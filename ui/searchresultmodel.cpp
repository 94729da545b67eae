#include "searchresultmodel.h"

#include "catalogue.h"
#include <QLocale>

namespace ke {

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SearchResultModel::setResults(QList<SearchResult> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

void SearchResultModel::setDatasetNames(QHash<QString, QString> names)
{
    m_names = std::move(names);
    if (!m_results.isEmpty())
        Q_EMIT dataChanged(index(0, DatasetColumn), index(rowCount() - 1, DatasetColumn));
}

const SearchResult *SearchResultModel::result(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results.at(row) : nullptr;
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchResult &r = m_results.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SnippetColumn:
            return QString(r.snippet)
                .replace(QChar(0xab), QString())
                .replace(QChar(0xbb), QString());
        case KindColumn:
            return SourceTypes::label(r.sourceType);
        case DatasetColumn:
            return m_names.value(r.datasetId, r.datasetId.left(8));
        case WhenColumn:
            return QLocale().toString(r.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        case WhyColumn: {
            QStringList why;
            if (r.lexicalRank > 0)
                why << tr("words #%1").arg(r.lexicalRank);
            if (r.vectorRank > 0)
                why << tr("meaning #%1").arg(r.vectorRank);
            if (r.feedbackScore > 0)
                why << tr("feedback %1").arg(QLocale().toString(r.feedbackScore, 'f', 2));
            return why.join(QStringLiteral(" · "));
        }
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1\n\nscore %2 — lexical rank %3, vector rank %4 (0 = not found by that signal)")
            .arg(r.snippet)
            .arg(QLocale().toString(r.score, 'f', 4))
            .arg(r.lexicalRank)
            .arg(r.vectorRank);
    } else if (role == InvestigationRole) {
        return r.investigationId;
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SnippetColumn:
        return tr("Found");
    case KindColumn:
        return tr("Kind");
    case DatasetColumn:
        return tr("Dataset");
    case WhenColumn:
        return tr("When");
    case WhyColumn:
        return tr("Why it ranked");
    }
    return {};
}

} // namespace ke
