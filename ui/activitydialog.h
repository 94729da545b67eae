#pragma once

#include <QDialog>
#include <QUuid>

class QLabel;
class QListView;
class QPushButton;

namespace ke {

class ActivityModel;
class KnowledgeClient;

/// All of a dataset's activity, newest first, page by page ("Load more"), with relative
/// times; opening a line opens its investigation. Reads through the KnowledgeClient (the
/// offline cache when the database cannot be reached). GUI thread only.
class ActivityDialog : public QDialog
{
    Q_OBJECT

public:
    ActivityDialog(KnowledgeClient *client, const QUuid &datasetId, const QString &datasetName,
                   QWidget *parent = nullptr);

    int pendingRequests() const { return m_pending; }

Q_SIGNALS:
    void investigationRequested(const QUuid &investigationId);

private:
    void loadMore();

    KnowledgeClient *m_client;
    QUuid m_datasetId;
    int m_pending = 0;
    ActivityModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace ke
