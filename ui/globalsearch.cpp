#include "globalsearch.h"

#include "catalogue.h"
#include "globalsearchdelegate.h"
#include "globalsearchmodel.h"
#include "knowledgeclient.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace ke {

namespace {
constexpr int maxResults = 60; ///< asked for; near-identical ones fold into fewer rows
constexpr int visibleRows = 7;

void enableThisDataset(QComboBox *scope, bool enabled)
{
    if (auto *model = qobject_cast<QStandardItemModel *>(scope->model()))
        model->item(1)->setEnabled(enabled);
}
} // namespace

GlobalSearch::GlobalSearch(KnowledgeClient *client, QWidget *window)
    : QFrame(window, Qt::Popup)
    , m_client(client)
    , m_model(new GlobalSearchModel(this))
{
    setObjectName(QStringLiteral("globalSearch"));
    setAccessibleName(tr("Search everything"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("globalSearchField"));
    m_field->setAccessibleName(tr("Search everything"));
    m_field->setPlaceholderText(tr("Search findings, hypotheses, queries, comments and quirks…"));
    m_field->setClearButtonEnabled(true);
    QFont big = m_field->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_field->setFont(big);
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textChanged, this, &GlobalSearch::textEdited);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("globalSearchType"));
    m_type->setAccessibleName(tr("Kind of result"));
    m_type->addItem(tr("Everything"), QString());
    for (const QString &type : SourceTypes::all())
        m_type->addItem(GlobalSearchModel::sourceIcon(type), SourceTypes::pluralTitle(type), type);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("globalSearchScope"));
    m_scope->setAccessibleName(tr("Datasets searched"));
    m_scope->addItem(tr("All datasets"));
    m_scope->addItem(tr("This dataset"));
    enableThisDataset(m_scope, false); // once the window shows a dataset
    for (QComboBox *filter : {m_type, m_scope})
        connect(filter, &QComboBox::currentIndexChanged, this, [this]() {
            if (!m_field->text().trimmed().isEmpty())
                run();
            m_field->setFocus();
        });

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("globalSearchResults"));
    m_list->setAccessibleName(tr("Search results"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new GlobalSearchDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the keys stay in the field; Up/Down move here
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        m_list->setCurrentIndex(index);
        // On a group's "12 similar ▸" badge: show (or hide) the similar results as rows.
        if (GlobalSearchDelegate::similarBadge(m_list->visualRect(index), m_list->font(), index)
                .contains(m_pressedAt)) {
            toggleSimilar();
            return;
        }
        openCurrent();
    });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("globalSearchStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    QFont small = m_status->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_status->setFont(small);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setText(tr("Type what you are looking for, e.g. \"late ETL batch\". ↑ ↓ choose, "
                         "Enter opens, → shows similar ones, Esc closes."));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_type);
    filters->addWidget(m_scope);
    filters->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_field);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    setFocusProxy(m_field);

    // Ctrl+K is also a line edit's "delete to the end of the line" (X11): in the window's
    // fields the search wins, so the shortcut works from anywhere.
    qApp->installEventFilter(this);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &GlobalSearch::run);
}

GlobalSearch::~GlobalSearch()
{
    if (m_job)
        m_job->cancel();
    if (m_namesJob)
        m_namesJob->cancel();
}

void GlobalSearch::setCurrentDataset(const QUuid &id, const QString &name)
{
    const bool changed = id != m_dataset;
    m_dataset = id;
    m_scope->setItemText(1, id.isNull() ? tr("This dataset") : tr("Only %1").arg(name));
    enableThisDataset(m_scope, !id.isNull());
    if (id.isNull())
        m_scope->setCurrentIndex(0);
    if (changed && m_scope->currentIndex() == 1 && isVisible()
        && !m_field->text().trimmed().isEmpty())
        run();
}

bool GlobalSearch::isBusy() const
{
    return m_busy || m_debounce->isActive() || m_namesJob;
}

void GlobalSearch::open()
{
    QWidget *window = parentWidget();
    if (window && !window->isVisible()) {
        // Asked for before the window shows (--view search): open once it does.
        QTimer::singleShot(20, this, &GlobalSearch::open);
        return;
    }
    place();
    show();
    raise();
    m_field->setFocus(Qt::PopupFocusReason);
    m_field->selectAll();
    loadDatasetNames();
    if (!m_field->text().trimmed().isEmpty() && !m_busy && !m_debounce->isActive())
        run();
}

void GlobalSearch::search(const QString &text)
{
    const QSignalBlocker block(m_field);
    m_field->setText(text);
    m_debounce->stop();
    run();
}

void GlobalSearch::place()
{
    QWidget *window = parentWidget();
    if (!window)
        return;
    const QRect area = window->rect();
    const int width = std::clamp(area.width() * 3 / 5, std::min(480, area.width() - 16), 760);
    const int row = m_list->sizeHintForRow(0) > 0
        ? m_list->sizeHintForRow(0)
        : GlobalSearchDelegate().sizeHint(QStyleOptionViewItem(), {}).height();
    const int height = std::min(area.height() - 80,
                                m_field->sizeHint().height() + m_type->sizeHint().height()
                                    + visibleRows * row + 3 * fontMetrics().lineSpacing() + 48);
    resize(width, height);
    // Centred at the top, like a command palette.
    const QPoint topLeft(area.left() + (area.width() - width) / 2, area.top() + 56);
    move(window->mapToGlobal(topLeft));
}

void GlobalSearch::loadDatasetNames()
{
    if (m_namesJob)
        return;
    m_namesJob = m_client->datasets(this, [this](const Result<Browsed<QList<DatasetSummary>>> &r) {
        m_namesJob.clear();
        if (r) {
            m_names.clear();
            for (const DatasetSummary &d : r->value)
                m_names.insert(d.ref.id.toString(QUuid::WithoutBraces), d.ref.name);
            m_model->setDatasetNames(m_names);
        }
        maybeSettled();
    });
}

void GlobalSearch::textEdited()
{
    // The answer to the earlier text is no longer wanted: stop it now, not after the pause.
    if (m_job)
        m_job->cancel();
    m_job.clear();
    m_busy = false;
    if (m_field->text().trimmed().isEmpty()) {
        m_debounce->stop();
        m_model->clear();
        m_status->setText(tr("Type what you are looking for, e.g. \"late ETL batch\"."));
        maybeSettled();
        return;
    }
    m_debounce->start();
}

void GlobalSearch::run()
{
    m_debounce->stop();
    const QString text = m_field->text();
    if (m_job)
        m_job->cancel();
    m_job.clear();
    if (text.trimmed().isEmpty()) {
        m_busy = false;
        maybeSettled();
        return;
    }
    SearchRequest request;
    request.text = text;
    request.limit = maxResults;
    if (m_scope->currentIndex() == 1 && !m_dataset.isNull())
        request.datasetId = m_dataset.toString(QUuid::WithoutBraces);
    const QString type = m_type->currentData().toString();
    if (!type.isEmpty())
        request.sourceTypes << type;
    m_busy = true;
    m_status->setText(tr("Searching…"));
    m_job = m_client->search(this, request, false, [this, text](const Result<SearchOutcome> &r) {
        m_job.clear();
        m_busy = false;
        if (!r) {
            m_openWhenAnswered = false;
            m_model->clear();
            showAnswer(text, false, r.error().message);
            return;
        }
        const bool offline = r->mode == QLatin1String("offline");
        m_model->setResults(r->results, offline);
        QString status;
        if (r->results.isEmpty())
            status = offline ? tr("Nothing found for \"%1\" in the offline cache.").arg(text)
                             : tr("Nothing found for \"%1\".").arg(text);
        else if (offline)
            status = tr("%n result(s) from the offline cache", nullptr, int(r->results.size()));
        else
            status = tr("%n result(s)", nullptr, int(r->results.size()));
        if (m_model->rowCount() < r->results.size())
            status
                += tr(" in %n row(s) (near-identical ones together)", nullptr, m_model->rowCount());
        if (!r->note.isEmpty())
            status += QStringLiteral(" — ") + r->note;
        showAnswer(text, offline, status);
    });
    Q_EMIT searchStarted(text); // after m_job is set: a slot may type on and cancel it
}

void GlobalSearch::showAnswer(const QString &text, bool, const QString &status)
{
    m_status->setText(status);
    m_status->setToolTip(status);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    if (m_openWhenAnswered) {
        m_openWhenAnswered = false;
        openCurrent();
    }
    Q_EMIT searchFinished(text);
    maybeSettled();
}

void GlobalSearch::maybeSettled()
{
    if (!isBusy())
        Q_EMIT settled();
}

void GlobalSearch::moveCurrent(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int from = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int to = std::clamp(from + delta, 0, rows - 1);
    m_list->setCurrentIndex(m_model->index(to));
    m_list->scrollTo(m_model->index(to));
}

bool GlobalSearch::toggleSimilar()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return false;
    const int group = m_model->groupRowOf(current.row());
    const SearchResultGroup *g = m_model->group(group);
    if (!g || g->similar.isEmpty())
        return false;
    m_model->setExpanded(group, !g->expanded);
    m_list->setCurrentIndex(m_model->index(group));
    m_list->scrollTo(m_model->index(group));
    return true;
}

void GlobalSearch::openCurrent()
{
    if (m_debounce->isActive() || m_busy) {
        // Enter before the answer: open the best of the answer to what was typed.
        m_openWhenAnswered = true;
        if (m_debounce->isActive())
            run();
        return;
    }
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    const QUuid investigation = index.data(GlobalSearchModel::InvestigationRole).toUuid();
    const QUuid dataset = index.data(GlobalSearchModel::DatasetIdRole).toUuid();
    if (investigation.isNull() && dataset.isNull()) {
        m_status->setText(tr("This result belongs to no dataset or investigation."));
        return;
    }
    close();
    if (!investigation.isNull())
        Q_EMIT investigationRequested(investigation);
    else
        Q_EMIT datasetRequested(dataset);
}

bool GlobalSearch::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType()) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto *widget = static_cast<QWidget *>(watched);
        if (key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_K)
            && parentWidget() && widget->window() == parentWidget()->window())
            return true; // not taken by the field: the window's shortcut runs
    }
    if (event->type() == QEvent::MouseButtonPress && watched == m_list->viewport())
        m_pressedAt = static_cast<QMouseEvent *>(event)->position().toPoint();
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(visibleRows);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-visibleRows);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            openCurrent();
            return true;
        case Qt::Key_Right:
            // At the end of the text (where → moves nothing): show or hide the current
            // group's similar results.
            if (m_field->cursorPosition() == m_field->text().size() && toggleSimilar())
                return true;
            break;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void GlobalSearch::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

void GlobalSearch::hideEvent(QHideEvent *event)
{
    // Closed: a search still running is no longer wanted.
    m_debounce->stop();
    m_openWhenAnswered = false;
    if (m_job)
        m_job->cancel();
    m_job.clear();
    m_busy = false;
    QFrame::hideEvent(event);
    maybeSettled();
}

QPixmap GlobalSearch::pictureOf(QWidget *window, const QRect &area)
{
    QPixmap picture = window->grab(area.isValid() ? area : window->rect());
    if (isVisible()) {
        QPainter painter(&picture);
        const QPoint at = window->mapFromGlobal(mapToGlobal(QPoint(0, 0)))
            - (area.isValid() ? area.topLeft() : QPoint());
        painter.drawPixmap(at, grab());
    }
    return picture;
}

} // namespace ke
