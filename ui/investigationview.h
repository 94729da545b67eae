#pragma once

#include "connectionsettings.h"
#include "investigationtrace.h"

#include <QDateTime>
#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ke {

class InvestigationDetail;
class KnowledgeClient;
class InvestigationListModel;

/// The Investigations tab: the selected dataset's investigations (date, alert, outcome,
/// confidence, 👍 / 👎; filter as you type, sortable columns) and, on opening one, its detail
/// (InvestigationDetail: cards to read and rate). Two pages: the list, and the detail with a
/// way back. Reads run in the background through the window's KnowledgeClient, so the list
/// and traces come from the offline cache when the database cannot be reached (readFrom says
/// which). GUI thread only.
class InvestigationView : public QWidget
{
    Q_OBJECT

public:
    explicit InvestigationView(KnowledgeClient *client, QWidget *parent = nullptr);

    /// Opens investigation `investigationId` on the detail page.
    void showInvestigation(const QUuid &investigationId);
    QUuid investigationId() const { return m_investigation; }
    /// Lists the investigations of `datasetId` on the list page (and loads the newest into
    /// the detail when none is open, for showDetail()).
    void setDataset(const QUuid &datasetId);
    /// The list page.
    void showList();
    /// The detail page (of the open investigation, or the newest of the dataset).
    void showDetail();
    bool isShowingDetail() const;
    InvestigationDetail *detail() const { return m_detail; }
    /// Background reads and writes still running.
    int pendingRequests() const;

Q_SIGNALS:
    /// A read was answered: from the offline cache synced at `asOf` (`note` says why), or
    /// from the database (`offline` false).
    void readFrom(bool offline, const QDateTime &asOf, const QString &note);
    /// No background read or write is running any more.
    void settled();
    /// A rating was stored (the dataset's knowledge may change on the next aggregation).
    void feedbackRecorded(const QUuid &investigationId);
    /// A rating was written or queued: the outbox's counts may have changed.
    void outboxChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void loadTrace(const QUuid &id);
    void loadList();
    void finished();
    void openRow(const QModelIndex &index);

    KnowledgeClient *m_client = nullptr;
    QUuid m_dataset;
    QUuid m_investigation;
    int m_pending = 0;
    InvestigationListModel *m_list = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_listView = nullptr;
    QLabel *m_listMessage = nullptr;
    QStackedWidget *m_pages = nullptr;
    InvestigationDetail *m_detail = nullptr;
    QTimer *m_listRefresh = nullptr;
};

} // namespace ke
