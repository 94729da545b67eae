#pragma once

#include "connectionsettings.h"
#include "investigationtrace.h"

#include <QDateTime>
#include <QUuid>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ke {

class InvestigationListModel;
class TraceStepModel;

/// The selected dataset's investigations (a list, newest first) and one investigation, step by
/// step, with a rating panel: thumbs up/down, a quick reason, an optional comment. Loading and
/// rating run in the background (runInBackground); reads go through BrowseClient, so the list
/// and traces come from the offline cache when the database cannot be reached (readFrom says
/// which). The view stays responsive and shows errors in place. GUI thread only.
class InvestigationView : public QWidget
{
    Q_OBJECT

public:
    explicit InvestigationView(const ConnectionSettings &settings, QWidget *parent = nullptr);

    void showInvestigation(const QUuid &investigationId);
    QUuid investigationId() const { return m_investigation; }
    /// Lists the investigations of `datasetId` (and opens the newest when none is open).
    void setDataset(const QUuid &datasetId);
    /// Background reads still running.
    int pendingRequests() const { return m_pending; }

Q_SIGNALS:
    /// A read was answered: from the offline cache synced at `asOf` (`note` says why), or
    /// from the database (`offline` false).
    void readFrom(bool offline, const QDateTime &asOf, const QString &note);
    /// No background read is running any more.
    void settled();
    /// A rating was stored (the dataset's knowledge may change on the next aggregation).
    void feedbackRecorded(const QUuid &investigationId);
    /// A rating was written or queued: the outbox's counts may have changed.
    void outboxChanged();

private:
    void reload();
    void loadList();
    void finished();
    void onStepSelected();
    void updateReasons();
    void submitRating();
    void setBusy(bool busy, const QString &message = {});

    ConnectionSettings m_settings;
    QUuid m_dataset;
    QUuid m_investigation;
    int m_pending = 0;
    InvestigationListModel *m_list = nullptr;
    QTableView *m_listView = nullptr;
    TraceStepModel *m_model = nullptr;
    QLabel *m_header = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QButtonGroup *m_ratingGroup = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ke
