#include "mainwindow.h"

#include "activitymodel.h"
#include "browseclient.h"
#include "connectionprofiles.h"
#include "connectionstatus.h"
#include "datasetdirectory.h"
#include "datasetlistmodel.h"
#include "elidinglabel.h"
#include "globalsearch.h"
#include "investigationview.h"
#include "knowledgeaggregator.h"
#include "knowledgeclient.h"
#include "knowledgestore.h"
#include "knowledgeview.h"
#include "offlinecache.h"
#include "outboxdialog.h"
#include "rowgapdelegate.h"
#include "searchview.h"
#include "splitter.h"
#include "structureview.h"
#include "trainingexportdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace ke {

namespace {
// The dataset page of the design (Schema | Lineage | Knowledge | Investigations), then the
// dataset's whole activity and the tenant-wide search.
enum Tab { SchemaTab, LineageTab, KnowledgeTab, InvestigationTab, ActivityTab, SearchTab };
} // namespace

MainWindow::MainWindow(const ConnectionSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_client(new KnowledgeClient(settings, this))
{
    setWindowTitle(tr("Knowledge Explorer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/knowledge-explorer.svg")));
    resize(1280, 820);

    // In this order: the focus moves from the dataset list to the tabs, as they were made.
    QWidget *datasets = buildDatasetList();
    QTabWidget *tabs = buildTabs();
    m_split = splitInTwo(Qt::Horizontal, datasets, tabs, 1, 4, this);
    m_split->setSizes({280, 1000});
    setCentralWidget(m_split);
    buildMenus();
    buildStatusBar();
    listenToClient();

    if (m_settings.tenant.isEmpty()) {
        m_knowledge->setMessage(tr("No tenant selected. Start with KNOWLEDGE_TENANT set or pass "
                                   "--tenant SLUG (e.g. --tenant acme for the demo data)."));
    } else {
        // After the caller's setup (setStartOffline): the client connects, the views load.
        begin();
        QTimer::singleShot(0, this, [this]() {
            m_client->start(m_startOffline);
            loadDatasets();
            end();
        });
    }
}

/// The datasets, left: the filter field, the order, the list.
QWidget *MainWindow::buildDatasetList()
{
    m_datasets = new DatasetListModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_datasets);
    m_filter->setFilterRole(DatasetListModel::NameRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter datasets"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("datasetList"));
    m_list->setModel(m_filter);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setItemDelegate(new RowGapDelegate(1, m_list));
    // Long names and the German second line wrap within the list instead of scrolling it.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onDatasetChanged);
    // Sorted by name, activity (the last investigation) or problems (investigations).
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("datasetSort"));
    m_sort->setAccessibleName(tr("Sort datasets by"));
    // As wide as its longest choice in the window's language ("Nach Problemen"); the filter
    // field takes the rest.
    m_sort->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sort->addItem(tr("By name"), int(DatasetListModel::NameRole));
    m_sort->addItem(tr("By activity"), int(DatasetListModel::LastInvestigationRole));
    m_sort->addItem(tr("By problems"), int(DatasetListModel::InvestigationCountRole));
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    const auto sortBy = [this]() {
        const int role = m_sort->currentData().toInt();
        m_filter->setSortRole(role);
        m_filter->sort(
            0, role == DatasetListModel::NameRole ? Qt::AscendingOrder : Qt::DescendingOrder);
    };
    connect(m_sort, &QComboBox::currentIndexChanged, this, sortBy);
    m_sort->setCurrentIndex(2); // most investigated first, as the list always came
    sortBy();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_sort);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_list, 1);
    return left;
}

/// The tabs, right: schema, lineage, knowledge, investigations, activity, search; the
/// marker of where the page was read from in the tab bar's corner.
QTabWidget *MainWindow::buildTabs()
{
    m_knowledge = new KnowledgeView(m_client, this);
    connect(m_knowledge, &KnowledgeView::investigationRequested, this,
            &MainWindow::openInvestigation);
    connect(m_knowledge, &KnowledgeView::readFrom, this, &MainWindow::showSource);
    m_schema = new StructureView(m_client, StructureView::Kind::Schema, this);
    m_lineage = new StructureView(m_client, StructureView::Kind::Lineage, this);
    connect(m_lineage, &StructureView::datasetRequested, this, [this](const QUuid &id) {
        const int row = m_datasets->rowOf(id);
        if (row >= 0)
            m_list->setCurrentIndex(m_filter->mapFromSource(m_datasets->index(row)));
    });
    connect(m_knowledge, &KnowledgeView::settled, this, &MainWindow::settleWhenIdle);
    connect(m_schema, &StructureView::settled, this, &MainWindow::settleWhenIdle);
    connect(m_lineage, &StructureView::settled, this, &MainWindow::settleWhenIdle);

    m_activity = new ActivityModel(this);
    m_activityList = new QListView(this);
    m_activityList->setObjectName(QStringLiteral("activityList"));
    m_activityList->setModel(m_activity);
    m_activityList->setAlternatingRowColors(true);
    m_activityList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_activityList->setWordWrap(true);
    connect(m_activityList, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const QUuid id = index.data(ActivityModel::InvestigationRole).toUuid();
        if (!id.isNull() && id != m_dataset)
            openInvestigation(id);
    });
    m_more = new QPushButton(tr("Load more"), this);
    m_more->setEnabled(false);
    connect(m_more, &QPushButton::clicked, this, [this]() { loadActivity(true); });
    auto *activityPage = new QWidget(this);
    auto *activityLayout = new QVBoxLayout(activityPage);
    activityLayout->addWidget(m_activityList, 1);
    activityLayout->addWidget(m_more, 0, Qt::AlignRight);

    m_investigation = new InvestigationView(m_client, this);
    connect(m_investigation, &InvestigationView::readFrom, this, &MainWindow::showSource);
    connect(m_investigation, &InvestigationView::outboxChanged, this, [this]() {
        m_client->refreshOutboxCounts();
        m_client->syncNow(); // after the person's own write: deliver what waits, refresh the cache
    });
    connect(m_investigation, &InvestigationView::settled, this, &MainWindow::settleWhenIdle);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(m_schema, tr("Schema"));
    m_tabs->addTab(m_lineage, tr("Lineage"));
    m_tabs->addTab(m_knowledge, tr("Knowledge"));
    m_tabs->addTab(m_investigation, tr("Investigations"));
    m_tabs->addTab(activityPage, tr("Activity"));
    m_searchView = new SearchView(m_client, this);
    connect(m_searchView, &SearchView::investigationRequested, this,
            &MainWindow::openInvestigation);
    m_tabs->addTab(m_searchView, tr("Search"));
    connect(m_searchView, &SearchView::searchFinished, this, &MainWindow::settleWhenIdle);

    // Offline or not, the page looks the same: the marker sits in the tab bar's corner.
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_source->setContentsMargins(8, 0, 8, 0);
    m_tabs->setCornerWidget(m_source, Qt::TopRightCorner);
    return m_tabs;
}

/// File, Go, Help and the toolbar; the global search popup behind Go → Search everything.
void MainWindow::buildMenus()
{
    QAction *refreshAction = new QAction(tr("&Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Fold in new events and reload (F5)"));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Connect…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainWindow::connectRequested);
    m_switchMenu = file->addMenu(tr("&Switch Connection"));
    m_switchMenu->setObjectName(QStringLiteral("switchConnectionMenu"));
    m_switchMenu->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("Export &training data…"), this, &MainWindow::showTrainingExport);
    file->addSeparator();
    file->addAction(refreshAction);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *searchEverything
        = go->addAction(tr("&Search everything…"), this, [this]() { showGlobalSearch(); });
    searchEverything->setObjectName(QStringLiteral("searchEverythingAction"));
    searchEverything->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    searchEverything->setToolTip(tr("Search findings, hypotheses, queries, comments and quirks "
                                    "of every dataset (Ctrl+K)"));
    m_globalSearch = new GlobalSearch(m_client, this);
    connect(m_globalSearch, &GlobalSearch::investigationRequested, this,
            &MainWindow::openInvestigation);
    connect(m_globalSearch, &GlobalSearch::datasetRequested, this, &MainWindow::openDataset);
    connect(m_globalSearch, &GlobalSearch::settled, this, &MainWindow::settleWhenIdle);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Knowledge Explorer"), this, [this]() {
        QMessageBox::about(this, tr("About Knowledge Explorer"),
                           tr("<b>Knowledge Explorer</b> %1<br>What your team knows about each "
                              "dataset: quirks, findings ranked by feedback, owners and activity.")
                               .arg(QApplication::applicationVersion()));
    });
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->addAction(refreshAction);
}

/// The status bar: messages, the sync's progress (and Cancel), the connection summary.
void MainWindow::buildStatusBar()
{
    m_connection = new ConnectionStatus(this);
    // A long message gives way, ending in "…": the connection summary always shows.
    m_status = new ElidingLabel(this);
    m_status->setObjectName(QStringLiteral("statusMessage"));
    // A long sync (the first one of a large tenant) shows a bar and can be cancelled.
    m_syncBar = new QProgressBar(this);
    m_syncBar->setObjectName(QStringLiteral("syncProgress"));
    m_syncBar->setMaximumWidth(160);
    m_syncBar->setAccessibleName(tr("Sync progress"));
    m_syncBar->hide();
    m_cancelSync = new QToolButton(this);
    m_cancelSync->setObjectName(QStringLiteral("cancelSync"));
    m_cancelSync->setText(tr("Cancel sync"));
    m_cancelSync->setToolTip(tr("Stop the sync; what was synced so far stays, and the next sync "
                                "goes on from there"));
    m_cancelSync->hide();
    connect(m_cancelSync, &QToolButton::clicked, m_client, &KnowledgeClient::cancelSync);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_syncBar);
    statusBar()->addPermanentWidget(m_cancelSync);
    statusBar()->addPermanentWidget(m_connection);
    m_connection->setServer(m_client->identity().server);
    m_connection->setTenant(m_client->identity().tenant);
    m_connection->setPerson(m_client->identity().person);
    connect(m_connection, &QToolButton::clicked, this, &MainWindow::showOutbox);
}

void MainWindow::settleWhenIdle()
{
    if (pendingRequests() == 0)
        Q_EMIT settled();
}

void MainWindow::listenToClient()
{
    connect(m_client, &KnowledgeClient::stateChanged, this,
            [this](KnowledgeClient::State state, const QString &why) {
                const bool wasOffline = m_connection->state() == ConnectionStatus::State::Offline;
                m_connection->setState(state == KnowledgeClient::State::Online
                                           ? ConnectionStatus::State::Online
                                           : state == KnowledgeClient::State::Offline
                                           ? ConnectionStatus::State::Offline
                                           : ConnectionStatus::State::Connecting,
                                       why);
                // Back online: the views read the database again.
                if (state == KnowledgeClient::State::Online && wasOffline)
                    loadDatasets();
            });
    connect(m_client, &KnowledgeClient::identityChanged, this, [this](const ClientIdentity &who) {
        m_connection->setTenant(who.tenant);
        m_connection->setPerson(who.person);
    });
    connect(m_client, &KnowledgeClient::outboxChanged, this,
            [this](qint64 pending, qint64 refused) {
                m_connection->setOutboxCounts(pending, refused);
                if (m_client->lastSync().isValid())
                    m_connection->setLastSync(m_client->lastSync());
            });
    connect(m_client, &KnowledgeClient::syncStarted, this,
            [this]() { m_connection->setSyncing(true); });
    connect(m_client, &KnowledgeClient::syncProgress, this, [this](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(100 * done / total) : -1;
        m_connection->setSyncing(true, percent);
        // The bar for a long sync only; once shown it follows the count to the end (the files
        // are saved after the last page, so it stays a moment at 100 %).
        if (total >= 1000) {
            m_syncBar->setRange(0, 100);
            m_syncBar->setValue(percent);
            // Cancel stops between pages: after the last one there is nothing left to stop.
            m_syncBar->setVisible(!m_syncBar->isHidden() || done < total);
            m_cancelSync->setVisible(done < total);
        }
    });
    connect(m_client, &KnowledgeClient::syncFinished, this,
            [this](bool ok, const QString &message) {
                m_connection->setSyncing(false);
                m_syncBar->hide();
                m_cancelSync->hide();
                if (m_client->lastSync().isValid())
                    m_connection->setLastSync(m_client->lastSync());
                if (!ok && m_client->state() == KnowledgeClient::State::Online)
                    showError(tr("Could not sync the offline cache: %1").arg(message));
            });
    connect(m_client, &KnowledgeClient::writesDelivered, this,
            [this](qint64 delivered, qint64 refused) {
                if (delivered > 0)
                    m_status->setMessage(
                        tr("%n queued change(s) delivered", nullptr, int(delivered)));
                if (refused > 0)
                    showError(tr("%n change(s) refused by the database — see the outbox", nullptr,
                                 int(refused)));
            });
    connect(m_client, &KnowledgeClient::dataChanged, this, &MainWindow::loadKnowledge);
}

namespace {

/// Where the window remembers the last dataset of this connection and tenant.
QString sessionKey(const ConnectionSettings &s)
{
    const QByteArray id
        = (s.databaseUrl + QLatin1Char('\n') + s.schema + QLatin1Char('\n') + s.tenant).toUtf8();
    return QStringLiteral("session/")
        + QString::fromLatin1(
               QCryptographicHash::hash(id, QCryptographicHash::Sha256).toHex().left(16))
        + QStringLiteral("/lastDataset");
}

} // namespace

void MainWindow::restoreSession()
{
    m_remember = true;
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_split->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    if (m_wantedDataset.isEmpty())
        m_wantedDataset = settings.value(sessionKey(m_settings)).toString();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_remember) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
        settings.setValue(QStringLiteral("window/splitter"), m_split->saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::setStartOffline(bool offline)
{
    m_startOffline = offline;
}

void MainWindow::setSyncInterval(int minutes)
{
    m_client->setSyncInterval(std::chrono::minutes(std::max(0, minutes)));
}

TrainingExportDialog *MainWindow::showTrainingExport()
{
    if (!m_trainingExport)
        m_trainingExport = new TrainingExportDialog(m_client, this);
    m_trainingExport->show();
    m_trainingExport->raise();
    return m_trainingExport;
}

OutboxDialog *MainWindow::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxDialog(m_settings, this);
        connect(m_outbox, &OutboxDialog::outboxChanged, this, [this]() {
            m_client->refreshOutboxCounts();
            loadKnowledge();
        });
    } else {
        m_outbox->reload();
    }
    m_outbox->show();
    m_outbox->raise();
    return m_outbox;
}

int MainWindow::pendingRequests() const
{
    return m_pending + (m_searchView->isBusy() ? 1 : 0) + (m_globalSearch->isBusy() ? 1 : 0)
        + m_investigation->pendingRequests() + m_knowledge->pendingRequests()
        + m_schema->pendingRequests() + m_lineage->pendingRequests();
}

void MainWindow::setSavedConnections(const QStringList &names, const QString &current)
{
    m_switchMenu->clear();
    for (const QString &name : names) {
        QAction *action = m_switchMenu->addAction(
            name, this, [this, name]() { Q_EMIT switchConnectionRequested(name); });
        action->setCheckable(true);
        action->setChecked(name == current);
    }
    m_switchMenu->setEnabled(!names.isEmpty());
}

void MainWindow::begin()
{
    ++m_pending;
    m_status->setText(tr("Working…"));
}

void MainWindow::end()
{
    if (--m_pending == 0) {
        if (m_status->text() == tr("Working…"))
            m_status->clear();
        Q_EMIT settled();
    }
}

void MainWindow::showError(const QString &message)
{
    m_status->setMessage(message);
}

void MainWindow::showSource(bool offline, const QDateTime &asOf, const QString &note)
{
    if (!offline) {
        if (!m_source->text().isEmpty()) {
            m_source->clear();
            m_source->setToolTip(QString());
            if (m_status->toolTip() == m_source->property("note").toString())
                m_status->clear();
        }
        return;
    }
    m_source->setText(tr("Offline · %1").arg(BrowseClient::asOf(asOf)));
    m_source->setToolTip(note);
    m_source->setProperty("note", note);
    showError(note);
}

void MainWindow::showView(const QString &view)
{
    if (view == QLatin1String("schema"))
        m_tabs->setCurrentIndex(SchemaTab);
    else if (view == QLatin1String("lineage"))
        m_tabs->setCurrentIndex(LineageTab);
    else if (view == QLatin1String("knowledge"))
        m_tabs->setCurrentIndex(KnowledgeTab);
    else if (view == QLatin1String("activity"))
        m_tabs->setCurrentIndex(ActivityTab);
    else if (view == QLatin1String("investigation") || view == QLatin1String("investigations")) {
        m_tabs->setCurrentIndex(InvestigationTab);
        if (view == QLatin1String("investigation"))
            m_investigation->showDetail();
        else
            m_investigation->showList();
    } else if (view == QLatin1String("search"))
        m_tabs->setCurrentIndex(SearchTab);
}

void MainWindow::selectDataset(const QString &nameOrId)
{
    m_wantedDataset = nameOrId;
}

void MainWindow::refresh()
{
    begin();
    m_client->withDatabase<AggregationReport>(
        this, [](Database &db) { return KnowledgeAggregator::runIncremental(db); },
        [this](const Result<AggregationReport> &r) {
            if (!r)
                showError(tr("Could not fold in new events: %1").arg(r.error().message));
            else
                m_status->setMessage(
                    tr("%n new event(s) folded in", nullptr, int(r->eventsProcessed)));
            loadDatasets();
            end();
        });
}

void MainWindow::loadDatasets()
{
    begin();
    m_client->datasets(this, [this](const Result<Browsed<QList<DatasetSummary>>> &r) {
        if (!r) {
            showError(tr("Could not load the datasets: %1").arg(r.error().message));
            m_knowledge->setMessage(r.error().message);
            end();
            return;
        }
        showSource(r->offline, r->asOf, r->note);
        const QUuid keep = m_dataset;
        m_datasets->setDatasets(r->value);
        QHash<QString, QString> names;
        for (const DatasetSummary &d : r->value)
            names.insert(d.ref.id.toString(QUuid::WithoutBraces), d.ref.name);
        m_searchView->setDatasetNames(names);
        int row = m_datasets->rowOf(keep);
        if (!m_wantedDataset.isEmpty()) {
            for (int i = 0; i < m_datasets->rowCount(); ++i) {
                const DatasetSummary *d = m_datasets->dataset(i);
                if (d->ref.name == m_wantedDataset
                    || d->ref.id == QUuid::fromString(m_wantedDataset))
                    row = i;
            }
            m_wantedDataset.clear();
        }
        if (row < 0 && m_datasets->rowCount() > 0)
            row = 0;
        if (row >= 0) {
            const QModelIndex index = m_filter->mapFromSource(m_datasets->index(row));
            m_list->setCurrentIndex(index);
            if (m_datasets->dataset(row)->ref.id == keep)
                onDatasetChanged(); // same dataset: reload its views anyway
        } else {
            m_knowledge->setMessage(tr("This tenant has no datasets yet. They appear when "
                                       "investigations are recorded."));
        }
        end();
    });
}

void MainWindow::onDatasetChanged()
{
    const QModelIndex index = m_filter->mapToSource(m_list->currentIndex());
    const DatasetSummary *d = m_datasets->dataset(index.row());
    if (!d)
        return;
    m_dataset = d->ref.id;
    if (m_remember)
        QSettings().setValue(sessionKey(m_settings), d->ref.id.toString(QUuid::WithoutBraces));
    m_searchView->setCurrentDataset(d->ref.id, d->ref.name);
    setWindowTitle(tr("%1 — Knowledge Explorer").arg(d->ref.name));
    m_knowledge->setDataset(d->ref.id, d->ref.name);
    m_schema->setDataset(d->ref.id, d->ref.name);
    m_lineage->setDataset(d->ref.id, d->ref.name);
    // The tabs behind the Knowledge tab read once it has its page, so that they do not take
    // the client's threads (and the database) from the page the person looks at. Until then
    // they count as pending.
    const QUuid id = d->ref.id;
    const int generation = ++m_datasetGeneration;
    auto rest = [this, id, generation]() {
        if (generation == m_datasetGeneration && id == m_dataset) {
            loadActivity(false);
            m_investigation->setDataset(id);
        }
        end();
    };
    begin();
    if (m_tabs->currentIndex() != KnowledgeTab || m_knowledge->pendingRequests() == 0) {
        QTimer::singleShot(0, this, rest);
        return;
    }
    auto *once = new QObject(this);
    auto fire = [once, rest]() {
        if (once->property("fired").toBool())
            return;
        once->setProperty("fired", true);
        once->deleteLater();
        rest();
    };
    connect(m_knowledge, &KnowledgeView::settled, once, fire);
    QTimer::singleShot(3000, once, fire); // never later than this
}

void MainWindow::loadKnowledge()
{
    m_knowledge->reload();
}

void MainWindow::loadActivity(bool more)
{
    const QString id = m_dataset.toString(QUuid::WithoutBraces);
    if (!more)
        m_activity->clear();
    const QString cursor = more ? m_activity->nextCursor() : QString();
    m_more->setEnabled(false);
    begin();
    m_client->activity(this, id, 50, cursor, [this, id](const Result<Browsed<ActivityPage>> &r) {
        if (id == m_dataset.toString(QUuid::WithoutBraces)) {
            if (r)
                showSource(r->offline, r->asOf, r->note);
            if (r)
                m_activity->appendPage(r->value);
            else
                showError(tr("Could not load the activity: %1").arg(r.error().message));
            m_more->setEnabled(m_activity->hasMore());
        }
        end();
    });
}

void MainWindow::search(const QString &text)
{
    m_tabs->setCurrentIndex(SearchTab);
    m_searchView->search(text);
}

void MainWindow::openInvestigation(const QUuid &id)
{
    m_investigation->showInvestigation(id);
    m_tabs->setCurrentIndex(InvestigationTab);
}

void MainWindow::openDataset(const QUuid &id)
{
    const int row = m_datasets->rowOf(id);
    if (row < 0) {
        m_wantedDataset = id.toString(QUuid::WithoutBraces); // once the list has loaded
    } else {
        QModelIndex index = m_filter->mapFromSource(m_datasets->index(row));
        if (!index.isValid()) { // filtered out: show it anyway
            m_search->clear();
            index = m_filter->mapFromSource(m_datasets->index(row));
        }
        m_list->setCurrentIndex(index);
    }
    m_tabs->setCurrentIndex(KnowledgeTab);
}

void MainWindow::showGlobalSearch(const QString &text)
{
    const DatasetSummary *d = m_datasets->dataset(m_datasets->rowOf(m_dataset));
    m_globalSearch->setCurrentDataset(d ? d->ref.id : QUuid(), d ? d->ref.name : QString());
    if (!text.isEmpty())
        m_globalSearch->search(text);
    m_globalSearch->open();
}

} // namespace ke
