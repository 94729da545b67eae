#include "investigationlistmodel.h"

#include "tracestepmodel.h"

#include <QBrush>
#include <QIcon>
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

namespace {
/// The filled thumb (the header shows counts, not the person's choice).
QIcon thumbIcon(int rating)
{
    return QIcon(rating > 0 ? QStringLiteral(":/icons/thumb-up.svg")
                            : QStringLiteral(":/icons/thumb-down.svg"));
}
} // namespace

QVariant InvestigationListModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation == Qt::Horizontal && (section == UpColumn || section == DownColumn)) {
        const int rating = section == UpColumn ? 1 : -1;
        switch (role) {
        case Qt::DecorationRole:
            return thumbIcon(rating);
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return rating > 0 ? tr("Helpful (latest ratings of the investigation and its steps)")
                              : tr("Not helpful (latest ratings of the investigation and its "
                                   "steps)");
        default:
            return {};
        }
    }
    return columnTitle({tr("Date"), tr("Alert"), tr("Outcome"), tr("Confidence")}, section,
                       orientation, role);
}

QVariant InvestigationListModel::rowData(const InvestigationSummary &s, int column, int role) const
{
    const QString status = s.status.isEmpty() ? QStringLiteral("running") : s.status;
    switch (role) {
    case IdRole:
        return s.investigationId;
    case Qt::ToolTipRole:
        if (column == StartedColumn)
            return QLocale().toString(s.startedAt.toLocalTime(), QLocale::LongFormat);
        return s.outcome.isEmpty() ? QVariant() : QVariant(s.outcome);
    case Qt::DisplayRole:
        switch (column) {
        case StartedColumn:
            return QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat);
        case AlertColumn:
            return s.anomalyType;
        case OutcomeColumn:
            return s.outcome.isEmpty()
                ? TraceStepModel::statusName(status)
                : tr("%1 — %2").arg(TraceStepModel::statusName(status), s.outcome);
        case ConfidenceColumn:
            return s.confidence < 0 ? QString()
                                    : QStringLiteral("%1 %").arg(qRound(s.confidence * 100));
        case UpColumn:
            return s.positive;
        case DownColumn:
            return s.negative;
        }
        break;
    case SortRole:
        switch (column) {
        case StartedColumn:
            return s.startedAt;
        case AlertColumn:
            return s.anomalyType;
        case OutcomeColumn:
            return QString(status + QLatin1Char(' ') + s.outcome);
        case ConfidenceColumn:
            return s.confidence;
        case UpColumn:
            return s.positive;
        case DownColumn:
            return s.negative;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column >= ConfidenceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (column == OutcomeColumn && status == QLatin1String("failed"))
            return QBrush(TraceStepModel::statusColor(status, QPalette()));
        break;
    }
    return {};
}

} // namespace ke
