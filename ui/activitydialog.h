#pragma once

#include "connectionsettings.h"

#include <QDialog>
#include <QUuid>

class QLabel;
class QListView;
class QPushButton;

namespace ke {

class ActivityModel;

/// All of a dataset's activity, newest first, page by page ("Load more"), with relative
/// times; opening a line opens its investigation. Reads through BrowseClient in the
/// background (the offline cache when the database cannot be reached). GUI thread only.
class ActivityDialog : public QDialog
{
    Q_OBJECT

public:
    ActivityDialog(const ConnectionSettings &settings, const QUuid &datasetId,
                   const QString &datasetName, QWidget *parent = nullptr);

    int pendingRequests() const { return m_pending; }

Q_SIGNALS:
    void investigationRequested(const QUuid &investigationId);

private:
    void loadMore();

    ConnectionSettings m_settings;
    QUuid m_datasetId;
    int m_pending = 0;
    ActivityModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace ke
