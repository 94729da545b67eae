#include "datasetlistmodel.h"

namespace ke {

DatasetListModel::DatasetListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void DatasetListModel::setDatasets(QList<DatasetSummary> datasets)
{
    beginResetModel();
    m_datasets = std::move(datasets);
    endResetModel();
}

const DatasetSummary *DatasetListModel::dataset(int row) const
{
    return row >= 0 && row < m_datasets.size() ? &m_datasets.at(row) : nullptr;
}

int DatasetListModel::rowOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_datasets.size(); ++i) {
        if (m_datasets.at(i).ref.id == id)
            return int(i);
    }
    return -1;
}

int DatasetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_datasets.size());
}

QVariant DatasetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatasetSummary &d = m_datasets.at(index.row());
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
