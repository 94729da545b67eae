#include "activitymodel.h"

#include "relativetime.h"

namespace ke {

void ActivityModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_next.clear();
    endResetModel();
}

void ActivityModel::appendPage(const ActivityPage &page)
{
    appendRows(page.items);
    m_next = page.nextCursor;
}

QVariant ActivityModel::rowData(const ActivityItem &a, int, int role) const
{
    switch (role) {
    case Qt::DisplayRole: {
        const QString who = a.actor.isEmpty() ? tr("orchestrator") : a.actor;
        return QString(RelativeTime::day(a.createdAt) + QStringLiteral(" — ")
                       + (a.actor.isEmpty() ? who : QStringLiteral("@") + who) + QLatin1Char('\n')
                       + a.text);
    }
    case Qt::ToolTipRole:
        return tr("%1 — double-click to open the investigation")
            .arg(RelativeTime::exact(a.createdAt));
    case InvestigationRole:
        return a.investigationId;
    case EventTypeRole:
        return a.eventType;
    }
    return {};
}

} // namespace ke
