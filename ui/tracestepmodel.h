#pragma once

#include "investigationtrace.h"

#include <QAbstractTableModel>

namespace ke {

/// The steps of one investigation as a table: step, status, confidence, thumbs up, thumbs
/// down, your rating. A plain list underneath; GUI thread only.
class TraceStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StepColumn,
        StatusColumn,
        ConfidenceColumn,
        UpColumn,
        DownColumn,
        MineColumn,
        ColumnCount
    };

    explicit TraceStepModel(QObject *parent = nullptr);

    void setSteps(QList<TraceStep> steps);
    const TraceStep *step(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The translated name of a step kind ("hypothesis" -> "Hypothesis").
    static QString kindName(const QString &kind);
    /// The translated status word.
    static QString statusName(const QString &status);

private:
    QList<TraceStep> m_steps;
};

} // namespace ke
