#include "tracestepmodel.h"

#include "catalogue.h"
#include <QBrush>
#include <QColor>
#include <QFont>

namespace ke {

TraceStepModel::TraceStepModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TraceStepModel::setSteps(QList<TraceStep> steps)
{
    beginResetModel();
    m_steps = std::move(steps);
    endResetModel();
}

const TraceStep *TraceStepModel::step(int row) const
{
    return row >= 0 && row < m_steps.size() ? &m_steps.at(row) : nullptr;
}

int TraceStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

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
    static const QHash<QString, const char *> names = {
        {QStringLiteral("accepted"), QT_TR_NOOP("accepted")},
        {QStringLiteral("rejected"), QT_TR_NOOP("rejected")},
        {QStringLiteral("proposed"), QT_TR_NOOP("proposed")},
        {QStringLiteral("succeeded"), QT_TR_NOOP("succeeded")},
        {QStringLiteral("failed"), QT_TR_NOOP("failed")},
        {QStringLiteral("planned"), QT_TR_NOOP("planned")},
        {QStringLiteral("submitted"), QT_TR_NOOP("submitted")},
        {QStringLiteral("executed"), QT_TR_NOOP("executed")},
        {QStringLiteral("supports"), QT_TR_NOOP("supports")},
        {QStringLiteral("refutes"), QT_TR_NOOP("refutes")},
        {QStringLiteral("completed"), QT_TR_NOOP("completed")},
        {QStringLiteral("running"), QT_TR_NOOP("running")},
    };
    const auto it = names.constFind(status);
    return it == names.cend() ? status : tr(*it);
}

QVariant TraceStepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceStep &s = m_steps.at(index.row());
    const bool nested = s.kind == QLatin1String("query") || s.kind == QLatin1String("evidence");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
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
        if (!nested && index.column() == StepColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            if (s.status == QLatin1String("rejected") || s.status == QLatin1String("failed")
                || s.status == QLatin1String("refutes"))
                return QBrush(QColor(0xb0, 0x30, 0x30));
            if (s.status == QLatin1String("accepted") || s.status == QLatin1String("succeeded")
                || s.status == QLatin1String("supports") || s.status == QLatin1String("completed"))
                return QBrush(QColor(0x2e, 0x7d, 0x32));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= ConfidenceColumn && index.column() <= DownColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TraceStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case StatusColumn:
        return tr("Status");
    case ConfidenceColumn:
        return tr("Confidence");
    case UpColumn:
        return tr("Helpful");
    case DownColumn:
        return tr("Not helpful");
    case MineColumn:
        return tr("Your rating");
    }
    return {};
}

} // namespace ke
