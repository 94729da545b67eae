#pragma once

#include "datasetdirectory.h"

#include <QAbstractListModel>

namespace ke {

/// The tenant's datasets for the side list: name, with investigations and feedback as a
/// second line. A plain list underneath; GUI thread only.
class DatasetListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, InvestigationCountRole };

    explicit DatasetListModel(QObject *parent = nullptr);

    void setDatasets(QList<DatasetSummary> datasets);
    const DatasetSummary *dataset(int row) const;
    int rowOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<DatasetSummary> m_datasets;
};

} // namespace ke
