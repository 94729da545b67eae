#include "activitymodel.h"

#include <QLocale>

namespace ke {

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ActivityModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_next.clear();
    endResetModel();
}

void ActivityModel::appendPage(const ActivityPage &page)
{
    if (!page.items.isEmpty()) {
        beginInsertRows({}, int(m_items.size()), int(m_items.size() + page.items.size() - 1));
        m_items.append(page.items);
        endInsertRows();
    }
    m_next = page.nextCursor;
}

const ActivityItem *ActivityModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityItem &a = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString who = a.actor.isEmpty() ? tr("orchestrator") : a.actor;
        return QString(QLocale().toString(a.createdAt.toLocalTime(), QLocale::ShortFormat)
                       + QStringLiteral(" · ") + who + QLatin1Char('\n') + a.text);
    }
    case Qt::ToolTipRole:
        return tr("%1 — double-click to open the investigation").arg(a.eventType);
    case InvestigationRole:
        return a.investigationId;
    case EventTypeRole:
        return a.eventType;
    }
    return {};
}

} // namespace ke
