#include "searchresultmodel.h"

#include "catalogue.h"
#include <QLocale>

namespace ke {

void SearchResultModel::setDatasetNames(QHash<QString, QString> names)
{
    m_names = std::move(names);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, DatasetColumn), index(rowCount() - 1, DatasetColumn));
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::rowData(const SearchResult &r, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
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
    } else if (role == MarkedSnippetRole) {
        return r.snippet;
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitle({tr("Found"), tr("Kind"), tr("Dataset"), tr("When"), tr("Why it ranked")},
                       section, orientation, role);
}

} // namespace ke
