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

QColor TraceStepModel::statusColor(const QString &status, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (status == QLatin1String("rejected") || status == QLatin1String("failed")
        || status == QLatin1String("refutes"))
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb0, 0x30, 0x30);
    if (status == QLatin1String("accepted") || status == QLatin1String("succeeded")
        || status == QLatin1String("supports") || status == QLatin1String("completed"))
        return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32);
    return palette.color(QPalette::Text);
}

int TraceStepModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void TraceStepModel::setRating(int row, const RatingTally &rating)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    m_rows[row].rating = rating;
    Q_EMIT dataChanged(index(row, UpColumn), index(row, MineColumn));
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
            const QPalette palette;
            const QColor c = statusColor(s.status, palette);
            if (c != palette.color(QPalette::Text))
                return QBrush(c);
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
