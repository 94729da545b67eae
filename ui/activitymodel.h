#pragma once

#include "knowledgestore.h"

#include <QAbstractListModel>

namespace ke {

/// A dataset's activity feed, newest first, growing page by page ("Load more" appends the
/// next keyset page). A plain list underneath; GUI thread only.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { InvestigationRole = Qt::UserRole + 1, EventTypeRole };

    explicit ActivityModel(QObject *parent = nullptr);

    void clear();
    void appendPage(const ActivityPage &page);
    QString nextCursor() const { return m_next; }
    bool hasMore() const { return !m_next.isEmpty(); }
    const ActivityItem *item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<ActivityItem> m_items;
    QString m_next;
};

} // namespace ke
