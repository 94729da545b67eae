#include "mainwindow.h"

#include "activitymodel.h"
#include "backgroundtask.h"
#include "browseclient.h"
#include "connectionprofiles.h"
#include "connectionstatus.h"
#include "datasetdirectory.h"
#include "datasetlistmodel.h"
#include "investigationview.h"
#include "knowledgeaggregator.h"
#include "knowledgestore.h"
#include "knowledgeview.h"
#include "offlinecache.h"
#include "outboxdialog.h"
#include "personwrite.h"
#include "searchview.h"
#include "splitter.h"
#include "structureview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace ke {

namespace {
enum Tab { SchemaTab, LineageTab, KnowledgeTab, ActivityTab, InvestigationTab, SearchTab };
}

MainWindow::MainWindow(const ConnectionSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Knowledge Explorer"));
    resize(1280, 820);

    // Left: the datasets.
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
    m_list->setSpacing(2);
    // Long names and the German second line wrap within the list instead of scrolling it.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onDatasetChanged);
    // Sorted by name, activity (the last investigation) or problems (investigations).
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("datasetSort"));
    m_sort->setAccessibleName(tr("Sort datasets by"));
    m_sort->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sort->setMinimumContentsLength(9);
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

    // Right: knowledge, activity, investigation.
    m_knowledge = new KnowledgeView(m_settings, this);
    connect(m_knowledge, &KnowledgeView::investigationRequested, this,
            &MainWindow::openInvestigation);
    connect(m_knowledge, &KnowledgeView::readFrom, this, &MainWindow::showSource);
    connect(m_knowledge, &KnowledgeView::outboxChanged, this, [this]() {
        refreshOutboxCounts();
        syncNow();
    });
    m_schema = new StructureView(m_settings, StructureView::Kind::Schema, this);
    m_lineage = new StructureView(m_settings, StructureView::Kind::Lineage, this);
    connect(m_lineage, &StructureView::datasetRequested, this, [this](const QUuid &id) {
        const int row = m_datasets->rowOf(id);
        if (row >= 0)
            m_list->setCurrentIndex(m_filter->mapFromSource(m_datasets->index(row)));
    });
    const auto viewSettled = [this]() {
        if (pendingRequests() == 0)
            Q_EMIT settled();
    };
    connect(m_knowledge, &KnowledgeView::settled, this, viewSettled);
    connect(m_schema, &StructureView::settled, this, viewSettled);
    connect(m_lineage, &StructureView::settled, this, viewSettled);

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

    m_investigation = new InvestigationView(m_settings, this);
    connect(m_investigation, &InvestigationView::readFrom, this, &MainWindow::showSource);
    connect(m_investigation, &InvestigationView::outboxChanged, this, [this]() {
        refreshOutboxCounts();
        syncNow(); // after the person's own write: deliver what waits, refresh the cache
    });
    connect(m_investigation, &InvestigationView::settled, this, [this]() {
        if (pendingRequests() == 0)
            Q_EMIT settled();
    });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(m_schema, tr("Schema"));
    m_tabs->addTab(m_lineage, tr("Lineage"));
    m_tabs->addTab(m_knowledge, tr("Knowledge"));
    m_tabs->addTab(activityPage, tr("Activity"));
    m_tabs->addTab(m_investigation, tr("Investigation"));
    m_searchView = new SearchView(m_settings, this);
    connect(m_searchView, &SearchView::investigationRequested, this,
            &MainWindow::openInvestigation);
    m_tabs->addTab(m_searchView, tr("Search"));
    connect(m_searchView, &SearchView::searchFinished, this, [this]() {
        if (pendingRequests() == 0)
            Q_EMIT settled();
    });

    // Offline or not, the page looks the same: the marker sits in the tab bar's corner.
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_source->setContentsMargins(8, 0, 8, 0);
    m_tabs->setCornerWidget(m_source, Qt::TopRightCorner);

    auto *split = splitInTwo(Qt::Horizontal, left, m_tabs, 1, 4, this);
    split->setSizes({280, 1000});
    setCentralWidget(split);

    // Menu and toolbar.
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
    file->addAction(refreshAction);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Knowledge Explorer"), this, [this]() {
        QMessageBox::about(this, tr("About Knowledge Explorer"),
                           tr("<b>Knowledge Explorer</b> %1<br>What your team knows about each "
                              "dataset: quirks, findings ranked by feedback, owners and activity.")
                               .arg(QApplication::applicationVersion()));
    });
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setMovable(false);
    toolbar->addAction(refreshAction);

    m_connection = new ConnectionStatus(this);
    m_status = new QLabel(this);
    // A long message gives way: the connection summary (and its counts) always shows.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_connection);
    m_connection->setServer(ConnectionProfile::suggestedName(m_settings.databaseUrl, QString()));
    m_connection->setTenant(m_settings.tenant);
    connect(m_connection, &QToolButton::clicked, this, &MainWindow::showOutbox);
    m_syncTimer = new QTimer(this);
    m_syncTimer->setInterval(Preferences().syncIntervalMinutes * 60 * 1000);
    connect(m_syncTimer, &QTimer::timeout, this, &MainWindow::syncNow);

    if (m_settings.tenant.isEmpty()) {
        m_knowledge->setMessage(tr("No tenant selected. Start with KNOWLEDGE_TENANT set or pass "
                                   "--tenant SLUG (e.g. --tenant acme for the demo data)."));
    } else {
        loadDatasets();
        identify();
        m_syncTimer->start();
    }
}

void MainWindow::setSyncInterval(int minutes)
{
    if (minutes <= 0) {
        m_syncTimer->stop();
        return;
    }
    m_syncTimer->setInterval(minutes * 60 * 1000);
    if (!m_settings.tenant.isEmpty())
        m_syncTimer->start();
}

OutboxDialog *MainWindow::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxDialog(m_settings, this);
        connect(m_outbox, &OutboxDialog::outboxChanged, this, [this]() {
            refreshOutboxCounts();
            loadKnowledge();
        });
    } else {
        m_outbox->reload();
    }
    m_outbox->show();
    m_outbox->raise();
    return m_outbox;
}

namespace {

/// Who the window writes as, and where (identify()).
struct Identity
{
    bool online = false;
    QString why; ///< offline: why
    QString tenant; ///< the tenant's name
    QString person; ///< the person's handle (or the login, offline)
};

struct OutboxCounts
{
    qint64 pending = 0;
    qint64 refused = 0;
    QDateTime syncedAt;
};

} // namespace

void MainWindow::identify()
{
    begin();
    const ConnectionSettings settings = m_settings;
    runInBackground<Identity>(
        this, std::function<Result<Identity>()>([settings]() -> Result<Identity> {
            Identity who;
            // A fresh connection: the pool thread's cached one may be a dead one.
            auto db = Database::connect(settings);
            if (!db) {
                if (!db.error().is(ErrorCode::Unreachable))
                    return db.error();
                who.why = db.error().message;
                who.person = Outbox::loginOf(settings);
                return who;
            }
            Database &online = **db;
            who.online = true;
            // Remember whom this login writes as, for the writes made offline later.
            Outbox::openFor(online);
            if (auto tenants = online.tenants()) {
                for (const Database::TenantInfo &t : *tenants)
                    if (t.id == online.tenantId())
                        who.tenant = t.name.isEmpty() ? t.slug : t.name;
            }
            if (!online.actorId().isNull()) {
                auto handle = online.personHandle(online.actorId());
                who.person = handle && !handle->isEmpty()
                    ? *handle
                    : online.actorId().toString(QUuid::WithoutBraces);
            }
            if (who.person.isEmpty())
                who.person = online.login();
            return who;
        }),
        [this](const Result<Identity> &r) {
            if (!r) {
                m_connection->setState(ConnectionStatus::State::Offline, r.error().message);
            } else {
                m_connection->setState(r->online ? ConnectionStatus::State::Online
                                                 : ConnectionStatus::State::Offline,
                                       r->why);
                if (!r->tenant.isEmpty())
                    m_connection->setTenant(r->tenant);
                m_connection->setPerson(r->person);
                if (r->online)
                    syncNow();
            }
            refreshOutboxCounts();
            end();
        });
}

void MainWindow::refreshOutboxCounts()
{
    const ConnectionSettings settings = m_settings;
    runInBackground<OutboxCounts>(
        this, std::function<Result<OutboxCounts>()>([settings]() -> Result<OutboxCounts> {
            OutboxCounts counts;
            if (auto snapshot = BrowseClient::datasets(settings, ReadSource::Offline))
                counts.syncedAt = snapshot->asOf;
            auto box = Outbox::openFor(settings);
            if (!box)
                return counts; // never online here: nothing can wait
            auto who = (*box)->identity(settings);
            const QUuid tenant = who ? who->tenantId : QUuid();
            const QString login = who ? who->login : Outbox::loginOf(settings);
            auto pending = (*box)->count(OutboxEntry::State::Pending, tenant, login);
            auto refused = (*box)->count(OutboxEntry::State::Refused, tenant, login);
            if (!pending)
                return pending.error();
            if (!refused)
                return refused.error();
            counts.pending = *pending;
            counts.refused = *refused;
            return counts;
        }),
        [this](const Result<OutboxCounts> &r) {
            if (!r) {
                showError(tr("Could not read the outbox: %1").arg(r.error().message));
                return;
            }
            m_connection->setOutboxCounts(r->pending, r->refused);
            if (r->syncedAt.isValid())
                m_connection->setLastSync(r->syncedAt);
        });
}

void MainWindow::syncNow()
{
    if (m_syncing || m_settings.tenant.isEmpty())
        return;
    m_syncing = true;
    m_connection->setSyncing(true);
    const ConnectionSettings settings = m_settings;
    runInBackground<DeliveryReport>(
        this, settings,
        [](Database &db) -> Result<DeliveryReport> {
            // What the person wrote offline first, then the cache (so it holds those too).
            auto delivered = OutboxWriter::deliverPending(db);
            if (!delivered)
                return delivered;
            if (delivered->unreachable)
                return delivered;
            auto cache = OfflineCache::openForSync(db, 1000);
            if (!cache)
                return cache.error();
            auto synced = (*cache)->sync(db);
            if (!synced)
                return synced.error();
            return delivered;
        },
        [this](const Result<DeliveryReport> &r) {
            m_syncing = false;
            m_connection->setSyncing(false);
            if (!r) {
                const bool unreachable = r.error().is(ErrorCode::Unreachable);
                if (unreachable)
                    m_connection->setState(ConnectionStatus::State::Offline, r.error().message);
                else
                    showError(tr("Could not sync the offline cache: %1").arg(r.error().message));
            } else if (r->unreachable) {
                m_connection->setState(ConnectionStatus::State::Offline, r->note);
            } else {
                m_connection->setState(ConnectionStatus::State::Online);
                if (r->delivered > 0)
                    m_status->setText(
                        tr("%n queued change(s) delivered", nullptr, int(r->delivered)));
                if (r->refused > 0)
                    showError(tr("%n change(s) refused by the database — see the outbox", nullptr,
                                 int(r->refused)));
                if (r->delivered > 0 || r->refused > 0)
                    loadKnowledge();
            }
            refreshOutboxCounts();
        });
}

int MainWindow::pendingRequests() const
{
    return m_pending + (m_searchView->isBusy() ? 1 : 0) + m_investigation->pendingRequests()
        + m_knowledge->pendingRequests() + m_schema->pendingRequests()
        + m_lineage->pendingRequests();
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
    m_status->setText(message);
    m_status->setToolTip(message);
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
    else if (view == QLatin1String("investigation") || view == QLatin1String("investigations"))
        m_tabs->setCurrentIndex(InvestigationTab);
    else if (view == QLatin1String("search"))
        m_tabs->setCurrentIndex(SearchTab);
}

void MainWindow::selectDataset(const QString &nameOrId)
{
    m_wantedDataset = nameOrId;
}

void MainWindow::refresh()
{
    begin();
    runInBackground<AggregationReport>(
        this, m_settings, [](Database &db) { return KnowledgeAggregator::runIncremental(db); },
        [this](const Result<AggregationReport> &r) {
            if (!r)
                showError(tr("Could not fold in new events: %1").arg(r.error().message));
            else
                m_status->setText(
                    tr("%n new event(s) folded in", nullptr, int(r->eventsProcessed)));
            loadDatasets();
            end();
        });
}

void MainWindow::loadDatasets()
{
    begin();
    const ConnectionSettings settings = m_settings;
    runInBackground<Browsed<QList<DatasetSummary>>>(
        this, [settings]() { return BrowseClient::datasets(settings, ReadSource::Automatic); },
        [this](const Result<Browsed<QList<DatasetSummary>>> &r) {
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
    m_searchView->setCurrentDataset(d->ref.id, d->ref.name);
    setWindowTitle(tr("%1 — Knowledge Explorer").arg(d->ref.name));
    m_knowledge->setDataset(d->ref.id, d->ref.name);
    m_schema->setDataset(d->ref.id, d->ref.name);
    m_lineage->setDataset(d->ref.id, d->ref.name);
    loadActivity(false);
    m_investigation->setDataset(d->ref.id);
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
    const ConnectionSettings settings = m_settings;
    runInBackground<Browsed<ActivityPage>>(
        this,
        [settings, id, cursor]() {
            return BrowseClient::activity(settings, id, 50, cursor, ReadSource::Automatic);
        },
        [this, id](const Result<Browsed<ActivityPage>> &r) {
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

} // namespace ke
