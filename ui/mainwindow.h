#pragma once

#include "connectionsettings.h"
#include "event.h"
#include "result.h"

#include <functional>

#include <QDateTime>
#include <QMainWindow>
#include <QUuid>

class QLabel;
class QLineEdit;
class QComboBox;
class QListView;
class QMenu;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;

namespace ke {

class ActivityModel;
class ConnectionStatus;
class OutboxDialog;
class Database;
class DatasetListModel;
class ElidingLabel;
class GlobalSearch;
class InvestigationView;
class KnowledgeClient;
class KnowledgeView;
class SearchView;
class TrainingExportDialog;
class StructureView;

/// The application's main window: the tenant's datasets on the left; the selected dataset's
/// knowledge, its activity and an opened investigation on the right. Lives on the GUI thread;
/// every database call it makes runs on its KnowledgeClient's threads and comes back by
/// signal, so the window never freezes.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const ConnectionSettings &settings, QWidget *parent = nullptr);

    /// Shows one of the views by name ("schema", "lineage", "knowledge", "activity",
    /// "investigation", "search").
    void showView(const QString &view);
    /// Selects a dataset by name or UUID once the list has loaded.
    void selectDataset(const QString &nameOrId);
    /// Runs a search in the Search tab.
    void search(const QString &text);
    /// Opens an investigation in the Investigation tab.
    void openInvestigation(const QUuid &id);
    /// Selects a dataset (by UUID) in the list and shows its Knowledge tab.
    void openDataset(const QUuid &id);
    /// Go → Search everything… (Ctrl+K): opens the global search popup over the window;
    /// with `text`, searches for it at once.
    void showGlobalSearch(const QString &text = {});
    GlobalSearch *globalSearch() const { return m_globalSearch; }
    /// Number of background requests still running (0 = settled).
    int pendingRequests() const;
    /// Lists the saved connections under File → Switch Connection (`current` checked). The
    /// window only reports the choice (switchConnectionRequested); it never connects itself.
    void setSavedConnections(const QStringList &names, const QString &current);
    /// Syncs the offline cache and delivers the outbox every `minutes` while online (and on
    /// start and after the person's own writes); 0 = only on start and after writes.
    void setSyncInterval(int minutes);
    /// Begin from the offline cache without connecting (Preferences::startOffline); call
    /// right after construction.
    void setStartOffline(bool offline);
    /// Restores the window's geometry, splitter and this connection's last dataset (unless a
    /// dataset was asked for) from QSettings, and remembers them from now on. Not for
    /// screenshots and tests, which want the same window every time.
    void restoreSession();
    /// The window's client: its connection state, reads, writes, sync and outbox.
    KnowledgeClient *client() const { return m_client; }
    /// Opens the outbox dialog (what clicking the status bar's connection summary does).
    OutboxDialog *showOutbox();
    /// File → Export training data… (opened once, kept).
    TrainingExportDialog *showTrainingExport();

Q_SIGNALS:
    /// No background request is running any more (used by --screenshot).
    void settled();
    /// File → Connect… was chosen.
    void connectRequested();
    /// A saved connection was chosen under File → Switch Connection.
    void switchConnectionRequested(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The window's parts, built once by the constructor.
    QWidget *buildDatasetList();
    QTabWidget *buildTabs();
    void buildMenus();
    void buildStatusBar();
    /// Emits settled() when no background request is running any more.
    void settleWhenIdle();
    void refresh();
    void loadDatasets();
    void loadKnowledge();
    void loadActivity(bool more);
    void onDatasetChanged();
    /// Says, without moving the page, whether the views show the offline cache (and as of
    /// when) or the database.
    void showSource(bool offline, const QDateTime &asOf, const QString &note);
    /// The client's state, identity, sync and outbox in the status bar.
    void listenToClient();
    void begin();
    void end();
    void showError(const QString &message);

    ConnectionSettings m_settings;
    KnowledgeClient *m_client = nullptr;
    bool m_startOffline = false;
    int m_datasetGeneration = 0; ///< onDatasetChanged() calls, for its deferred reads
    bool m_remember = false; ///< restoreSession() was called: keep geometry and dataset
    QSplitter *m_split = nullptr;
    QUuid m_dataset;
    QString m_wantedDataset;
    int m_pending = 0;

    DatasetListModel *m_datasets = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_sort = nullptr; ///< the dataset list's order
    StructureView *m_schema = nullptr;
    StructureView *m_lineage = nullptr;
    KnowledgeView *m_knowledge = nullptr;
    ActivityModel *m_activity = nullptr;
    QListView *m_activityList = nullptr;
    QPushButton *m_more = nullptr;
    InvestigationView *m_investigation = nullptr;
    SearchView *m_searchView = nullptr;
    GlobalSearch *m_globalSearch = nullptr;
    ElidingLabel *m_status = nullptr;
    ConnectionStatus *m_connection = nullptr;
    OutboxDialog *m_outbox = nullptr;
    TrainingExportDialog *m_trainingExport = nullptr;
    QProgressBar *m_syncBar = nullptr;
    QToolButton *m_cancelSync = nullptr;
    QLabel *m_source = nullptr; ///< "Offline · as of …" beside the tabs
    QMenu *m_switchMenu = nullptr;
};

} // namespace ke
