#include "investigationview.h"

#include "focustoolbutton.h"
#include "investigationdetail.h"
#include "investigationlistmodel.h"
#include "knowledgeclient.h"
#include "latestrating.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ke {

namespace {
/// The newest investigations of a dataset the list shows (the offline cache keeps up to 500).
constexpr int kListLimit = 200;
enum Page { ListPage, DetailPage };

} // namespace

InvestigationView::InvestigationView(KnowledgeClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_list(new InvestigationListModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    // The list page: filter as you type over every column, sort by any column.
    m_sorted->setSourceModel(m_list);
    m_sorted->setSortRole(InvestigationListModel::SortRole);
    m_sorted->setFilterKeyColumn(-1);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("investigationFilter"));
    m_filter->setPlaceholderText(tr("Filter investigations (alert, outcome, date)…"));
    m_filter->setAccessibleName(tr("Filter investigations"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_sorted,
            &QSortFilterProxyModel::setFilterFixedString);
    m_listView = new QTableView(this);
    m_listView->setObjectName(QStringLiteral("investigationList"));
    m_listView->setAccessibleName(tr("Investigations of the dataset"));
    m_listView->setModel(m_sorted);
    m_listView->setSortingEnabled(true);
    m_listView->sortByColumn(InvestigationListModel::StartedColumn, Qt::DescendingOrder);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setAlternatingRowColors(true);
    m_listView->verticalHeader()->hide();
    m_listView->setWordWrap(false);
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setSectionResizeMode(InvestigationListModel::OutcomeColumn,
                                                         QHeaderView::Stretch);
    connect(m_listView, &QTableView::activated, this, &InvestigationView::openRow);
    connect(m_listView, &QTableView::clicked, this, &InvestigationView::openRow);
    // Down from the filter goes to the list; Enter there opens the first match.
    connect(m_filter, &QLineEdit::returnPressed, this, [this]() {
        if (m_sorted->rowCount() > 0)
            openRow(m_sorted->index(0, 0));
    });
    m_filter->installEventFilter(this);
    m_listMessage = new QLabel(this);
    m_listMessage->setObjectName(QStringLiteral("investigationListMessage"));
    m_listMessage->setWordWrap(true);
    m_listMessage->hide();

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_listMessage);
    listLayout->addWidget(m_listView, 1);

    // The detail page: a way back, and the cards.
    auto *back = new FocusToolButton(this);
    back->setObjectName(QStringLiteral("backToList"));
    back->setText(tr("← All investigations"));
    back->setToolTip(tr("Back to the dataset's investigations (Alt+Left)"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setAutoRaise(true);
    back->setFocusPolicy(Qt::StrongFocus);
    connect(back, &QToolButton::clicked, this, &InvestigationView::showList);
    m_detail = new InvestigationDetail(client, this);
    connect(m_detail, &InvestigationDetail::ratingWritten, this, [this](bool queued) {
        Q_EMIT outboxChanged();
        if (!queued) {
            Q_EMIT feedbackRecorded(m_investigation);
            m_listRefresh->start(); // the list's 👍 / 👎, once the person paused
        }
    });
    connect(m_detail, &InvestigationDetail::ratingRefused, this,
            [this]() { loadTrace(m_investigation); });
    connect(m_detail, &InvestigationDetail::writesSettled, this, [this]() {
        if (pendingRequests() == 0)
            Q_EMIT settled();
    });
    m_listRefresh = new QTimer(this);
    m_listRefresh->setSingleShot(true);
    m_listRefresh->setInterval(1500);
    connect(m_listRefresh, &QTimer::timeout, this, &InvestigationView::loadList);

    auto *detailPage = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPage);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(back, 0, Qt::AlignLeft);
    detailLayout->addWidget(m_detail, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(listPage);
    m_pages->addWidget(detailPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
}

int InvestigationView::pendingRequests() const
{
    return m_pending + m_detail->pendingWrites();
}

void InvestigationView::showList()
{
    m_pages->setCurrentIndex(ListPage);
    m_listView->setFocus(Qt::OtherFocusReason);
}

void InvestigationView::showDetail()
{
    m_pages->setCurrentIndex(DetailPage);
}

bool InvestigationView::isShowingDetail() const
{
    return m_pages->currentIndex() == DetailPage;
}

bool InvestigationView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_sorted->rowCount() > 0) {
        m_listView->setFocus(Qt::TabFocusReason);
        if (!m_listView->currentIndex().isValid())
            m_listView->setCurrentIndex(m_sorted->index(0, 0));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void InvestigationView::openRow(const QModelIndex &index)
{
    const QUuid id = index.data(InvestigationListModel::IdRole).toUuid();
    // A double click is a click and an activation: open once.
    if (!id.isNull() && !(id == m_investigation && isShowingDetail()))
        showInvestigation(id);
}

void InvestigationView::showInvestigation(const QUuid &investigationId)
{
    if (investigationId.isNull())
        return;
    showDetail();
    loadTrace(investigationId);
}

void InvestigationView::setDataset(const QUuid &datasetId)
{
    if (datasetId == m_dataset && m_list->rowCount() > 0)
        return;
    m_dataset = datasetId;
    loadList();
}

void InvestigationView::finished()
{
    if (--m_pending == 0 && pendingRequests() == 0)
        Q_EMIT settled();
}

void InvestigationView::loadList()
{
    if (m_dataset.isNull())
        return;
    const QUuid dataset = m_dataset;
    ++m_pending;
    m_client->investigations(
        this, dataset.toString(QUuid::WithoutBraces), kListLimit,
        [this, dataset](const Result<Browsed<QList<InvestigationSummary>>> &r) {
            if (dataset == m_dataset) {
                if (!r) {
                    m_listMessage->setText(
                        tr("Could not load the investigations: %1").arg(r.error().message));
                    m_listMessage->show();
                } else {
                    Q_EMIT readFrom(r->offline, r->asOf, r->note);
                    const QUuid current
                        = m_listView->currentIndex().data(InvestigationListModel::IdRole).toUuid();
                    m_list->setInvestigations(r->value);
                    m_listMessage->setVisible(r->value.isEmpty());
                    m_listMessage->setText(
                        tr("No investigations of this dataset yet. They appear here once the "
                           "orchestrator has investigated one of its alerts and the knowledge "
                           "was aggregated."));
                    const int row = m_list->rowOf(current.isNull() ? m_investigation : current);
                    if (row >= 0)
                        m_listView->setCurrentIndex(m_sorted->mapFromSource(m_list->index(row, 0)));
                    // The newest in the detail when none is open, for showDetail().
                    if (m_investigation.isNull() && m_list->rowCount() > 0)
                        loadTrace(m_list->investigation(0)->investigationId);
                }
            }
            finished();
        });
}

void InvestigationView::loadTrace(const QUuid &id)
{
    if (id.isNull())
        return;
    if (id != m_investigation || m_detail->trace().investigationId != id)
        m_detail->clear(tr("Loading…"));
    m_investigation = id;
    ++m_pending;
    m_client->trace(this, id, [this, id](const Result<Browsed<InvestigationTrace>> &r) {
        if (id == m_investigation) {
            if (!r) {
                m_detail->clear(tr("Could not load the investigation: %1").arg(r.error().message));
            } else {
                Q_EMIT readFrom(r->offline, r->asOf, r->note);
                m_detail->setTrace(r->value);
            }
        }
        finished();
    });
}

} // namespace ke
