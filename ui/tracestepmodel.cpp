#include "tracestepmodel.h"

#include "catalogue.h"
#include <QBrush>
#include <QColor>
#include <QFont>

namespace ke {

int TraceStepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraceStepModel::kindName(const QString &kind)
{
    return StepKinds::title(kind);
}

QString TraceStepModel::statusName(const QString &status)
{
    // The status words an investigation step can have; any other is shown as it is.
    static const char *const names[] = {
        QT_TR_NOOP("accepted"),  QT_TR_NOOP("rejected"),  QT_TR_NOOP("proposed"),
        QT_TR_NOOP("succeeded"), QT_TR_NOOP("failed"),    QT_TR_NOOP("planned"),
        QT_TR_NOOP("submitted"), QT_TR_NOOP("executed"),  QT_TR_NOOP("supports"),
        QT_TR_NOOP("refutes"),   QT_TR_NOOP("completed"), QT_TR_NOOP("running"),
    };
    for (const char *name : names) {
        if (status == QLatin1String(name))
            return tr(name);
    }
    return status;
}

QVariant TraceStepModel::rowData(const TraceStep &s, int column, int role) const
{
    const bool nested = s.kind == QLatin1String("query") || s.kind == QLatin1String("evidence");
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StepColumn:
            return QString((nested ? QStringLiteral("    ") : QString()) + kindName(s.kind)
                           + QStringLiteral(": ") + s.title);
        case StatusColumn:
            return statusName(s.status);
        case ConfidenceColumn:
            return s.confidence < 0 ? QString()
                                    : QStringLiteral("%1 %").arg(qRound(s.confidence * 100));
        case UpColumn:
            return s.rating.up;
        case DownColumn:
            return s.rating.down;
        case MineColumn:
            return s.rating.mine > 0 ? tr("▲ %1").arg(s.rating.myReason)
                : s.rating.mine < 0  ? tr("▼ %1").arg(s.rating.myReason)
                                     : QString();
        }
        break;
    case Qt::ToolTipRole:
        return s.detail.isEmpty() ? s.title : QString(s.title + QStringLiteral("\n\n") + s.detail);
    case Qt::FontRole:
        if (!nested && column == StepColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (column == StatusColumn) {
            if (s.status == QLatin1String("rejected") || s.status == QLatin1String("failed")
                || s.status == QLatin1String("refutes"))
                return QBrush(QColor(0xb0, 0x30, 0x30));
            if (s.status == QLatin1String("accepted") || s.status == QLatin1String("succeeded")
                || s.status == QLatin1String("supports") || s.status == QLatin1String("completed"))
                return QBrush(QColor(0x2e, 0x7d, 0x32));
        }
        break;
    case Qt::TextAlignmentRole:
        if (column >= ConfidenceColumn && column <= DownColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TraceStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitle({tr("Step"), tr("Status"), tr("Confidence"), tr("Helpful"),
                        tr("Not helpful"), tr("Your rating")},
                       section, orientation, role);
}

} // namespace ke
