#pragma once

#include "knowledgestore.h"

#include "rowmodel.h"

#include <QAbstractListModel>

namespace ke {

/// A dataset's activity feed, newest first, growing page by page ("Load more" appends the
/// next keyset page). A plain list underneath; GUI thread only.
class ActivityModel : public RowModel<QAbstractListModel, ActivityItem>
{
    Q_OBJECT

public:
    enum Role { InvestigationRole = Qt::UserRole + 1, EventTypeRole };

    using RowModel::RowModel; // explicit ActivityModel(QObject *parent = nullptr)

    void clear();
    void appendPage(const ActivityPage &page);
    QString nextCursor() const { return m_next; }
    bool hasMore() const { return !m_next.isEmpty(); }
    const ActivityItem *item(int row) const { return rowAt(row); }

protected:
    QVariant rowData(const ActivityItem &a, int column, int role) const override;

private:
    QString m_next;
};

} // namespace ke
