#pragma once

#include "investigationtrace.h"

#include "rowmodel.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPalette>

namespace ke {

/// The steps of one investigation as a table: step, status, confidence, thumbs up, thumbs
/// down, your rating. A plain list underneath; GUI thread only.
class TraceStepModel : public RowModel<QAbstractTableModel, TraceStep>
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

    using RowModel::RowModel; // explicit TraceStepModel(QObject *parent = nullptr)

    void setSteps(QList<TraceStep> steps) { resetRows(std::move(steps)); }
    const TraceStep *step(int row) const { return rowAt(row); }
    /// The row of the step `id`; -1 when there is none.
    int rowOf(const QUuid &id) const;
    /// Replaces the ratings of row `row` (the person rated it; the database agrees later).
    void setRating(int row, const RatingTally &rating);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The translated name of a step kind ("hypothesis" -> "Hypothesis").
    static QString kindName(const QString &kind);
    /// The translated status word.
    static QString statusName(const QString &status);
    /// The colour of a status word on `palette`'s background: green for a good outcome, red
    /// for a bad one, the plain text colour otherwise (lighter shades on a dark palette).
    static QColor statusColor(const QString &status, const QPalette &palette);

protected:
    QVariant rowData(const TraceStep &s, int column, int role) const override;
};

} // namespace ke
