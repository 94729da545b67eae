#include "investigationlistmodel.h"

#include "tracestepmodel.h"

#include <QLocale>

namespace ke {

int InvestigationListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).investigationId == id)
            return i;
    }
    return -1;
}

int InvestigationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InvestigationListModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    return columnTitle({tr("Started"), tr("Status"), tr("Anomaly"), tr("Outcome"), tr("Ratings")},
                       section, orientation, role);
}

QVariant InvestigationListModel::rowData(const InvestigationSummary &s, int column, int role) const
{
    if (role == IdRole)
        return s.investigationId;
    if (role == Qt::ToolTipRole)
        return s.outcome.isEmpty() ? QVariant() : QVariant(s.outcome);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case StartedColumn:
        return QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat);
    case StatusColumn:
        return TraceStepModel::statusName(s.status.isEmpty() ? QStringLiteral("running")
                                                             : s.status);
    case AnomalyColumn:
        return s.anomalyType;
    case OutcomeColumn:
        return s.outcome;
    case RatingColumn:
        return tr("▲ %1 ▼ %2").arg(s.positive).arg(s.negative);
    }
    return {};
}

} // namespace ke
