#include "datasetlistmodel.h"

namespace ke {

int DatasetListModel::rowOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).ref.id == id)
            return int(i);
    }
    return -1;
}

QVariant DatasetListModel::rowData(const DatasetSummary &d, int, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return QString(
            d.ref.name + QLatin1Char('\n')
            + tr("%n investigation(s)", nullptr, d.investigationCount)
            + QStringLiteral(" · ▲ %1 ▼ %2").arg(d.positiveFeedback).arg(d.negativeFeedback));
    case Qt::ToolTipRole:
        return d.ref.description.isEmpty() ? d.ref.name : d.ref.description;
    case IdRole:
        return d.ref.id;
    case NameRole:
        return d.ref.name;
    case InvestigationCountRole:
        return d.investigationCount;
    }
    return {};
}

} // namespace ke
