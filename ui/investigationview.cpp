#include "investigationview.h"

#include "backgroundtask.h"
#include "browseclient.h"
#include "event.h"
#include "feedbackrecorder.h"
#include "investigationlistmodel.h"
#include "personwrite.h"
#include "splitter.h"
#include "tracestepmodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ke {

namespace {
/// The newest investigations of a dataset the list shows (the offline cache keeps up to 500).
constexpr int kListLimit = 200;
} // namespace

InvestigationView::InvestigationView(const ConnectionSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_list(new InvestigationListModel(this))
    , m_model(new TraceStepModel(this))
{
    m_listView = new QTableView(this);
    m_listView->setModel(m_list);
    m_listView->setObjectName(QStringLiteral("investigationList"));
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->setWordWrap(false);
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setSectionResizeMode(InvestigationListModel::OutcomeColumn,
                                                         QHeaderView::Stretch);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const InvestigationSummary *s = m_list->investigation(current.row());
                if (s && s->investigationId != m_investigation)
                    showInvestigation(s->investigationId);
            });

    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setText(tr("Open an investigation from the dataset's activity or findings."));

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("stepTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(TraceStepModel::StepColumn,
                                                      QHeaderView::Stretch);
    for (int c = TraceStepModel::StatusColumn; c < TraceStepModel::ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InvestigationView::onStepSelected);

    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a step to see its SQL, evidence or recommendations."));

    m_up = new QPushButton(tr("▲ Helpful"), this);
    m_down = new QPushButton(tr("▼ Not helpful"), this);
    m_up->setCheckable(true);
    m_up->setObjectName(QStringLiteral("rateUp"));
    m_down->setObjectName(QStringLiteral("rateDown"));
    m_down->setCheckable(true);
    m_ratingGroup = new QButtonGroup(this);
    m_ratingGroup->setExclusive(true);
    m_ratingGroup->addButton(m_up, 1);
    m_ratingGroup->addButton(m_down, -1);
    connect(m_ratingGroup, &QButtonGroup::idClicked, this, &InvestigationView::updateReasons);
    m_reason = new QComboBox(this);
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->setMinimumContentsLength(18);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("rateComment"));
    m_comment->setPlaceholderText(tr("Optional comment"));
    m_submit = new QPushButton(tr("Rate step"), this);
    m_submit->setEnabled(false);
    m_submit->setObjectName(QStringLiteral("rateSubmit"));
    connect(m_submit, &QPushButton::clicked, this, &InvestigationView::submitRating);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("rateMessage"));

    auto *ratingRow = new QHBoxLayout;
    ratingRow->addWidget(m_up);
    ratingRow->addWidget(m_down);
    ratingRow->addWidget(m_reason, 1);
    ratingRow->addWidget(m_comment, 2);
    ratingRow->addWidget(m_submit);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_detail, 1);
    bottomLayout->addLayout(ratingRow);
    bottomLayout->addWidget(m_message);

    auto *split = splitInTwo(Qt::Vertical, m_table, bottom, 3, 2, this);
    auto *trace = new QWidget(this);
    auto *traceLayout = new QVBoxLayout(trace);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addWidget(m_header);
    traceLayout->addWidget(split, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitInTwo(Qt::Horizontal, m_listView, trace, 2, 3, this), 1);
    updateReasons();
}

void InvestigationView::showInvestigation(const QUuid &investigationId)
{
    m_investigation = investigationId;
    reload();
}

void InvestigationView::setBusy(bool busy, const QString &message)
{
    m_submit->setEnabled(!busy && m_table->currentIndex().isValid());
    m_message->setText(message);
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
    if (--m_pending == 0)
        Q_EMIT settled();
}

void InvestigationView::loadList()
{
    if (m_dataset.isNull())
        return;
    const QUuid dataset = m_dataset;
    const ConnectionSettings settings = m_settings;
    ++m_pending;
    runInBackground<Browsed<QList<InvestigationSummary>>>(
        this,
        [settings, dataset]() {
            return BrowseClient::investigations(settings, dataset.toString(QUuid::WithoutBraces),
                                                kListLimit, ReadSource::Automatic);
        },
        [this, dataset](const Result<Browsed<QList<InvestigationSummary>>> &r) {
            if (dataset == m_dataset) {
                if (!r) {
                    m_header->setText(tr("Could not load the investigations: %1")
                                          .arg(r.error().message)
                                          .toHtmlEscaped());
                } else {
                    Q_EMIT readFrom(r->offline, r->asOf, r->note);
                    m_list->setInvestigations(r->value);
                    int row = m_list->rowOf(m_investigation);
                    if (row < 0 && m_investigation.isNull() && m_list->rowCount() > 0)
                        row = 0;
                    if (row >= 0)
                        m_listView->selectRow(row); // opens it (currentRowChanged)
                }
            }
            finished();
        });
}

void InvestigationView::reload()
{
    if (m_investigation.isNull())
        return;
    if (m_model->rowCount() == 0)
        setBusy(true, tr("Loading…"));
    const QUuid id = m_investigation;
    const ConnectionSettings settings = m_settings;
    ++m_pending;
    runInBackground<Browsed<InvestigationTrace>>(
        this, [settings, id]() { return BrowseClient::trace(settings, id, ReadSource::Automatic); },
        [this, id](const Result<Browsed<InvestigationTrace>> &r) {
            if (id != m_investigation) {
                finished();
                return; // another investigation was opened meanwhile
            }
            if (!r) {
                setBusy(false, tr("Could not load the investigation: %1").arg(r.error().message));
                finished();
                return;
            }
            Q_EMIT readFrom(r->offline, r->asOf, r->note);
            const int row = m_table->currentIndex().row();
            const InvestigationTrace &t = r->value;
            m_model->setSteps(t.steps);
            const QString alert = t.alert.isEmpty()
                ? QString()
                : tr("%1 — expected %2, got %3 (%4, %5)")
                      .arg(t.alert.value(QLatin1String("metric")).toString(),
                           t.alert.value(QLatin1String("expected")).toVariant().toString(),
                           t.alert.value(QLatin1String("actual")).toVariant().toString(),
                           t.alert.value(QLatin1String("anomaly_type")).toString(),
                           t.alert.value(QLatin1String("severity")).toString());
            m_header->setText(
                tr("<b>Investigation</b> %1 · %2 · started %3<br>%4<br><i>%5</i>")
                    .arg(t.investigationId.toString(QUuid::WithoutBraces).left(8),
                         TraceStepModel::statusName(t.outcome),
                         QLocale().toString(t.startedAt.toLocalTime(), QLocale::ShortFormat),
                         alert.toHtmlEscaped(), t.rootCause.toHtmlEscaped()));
            if (row >= 0 && row < m_model->rowCount())
                m_table->selectRow(row);
            // Keep a message such as "your rating was saved"; drop only our own "Loading…".
            setBusy(false, m_message->text() == tr("Loading…") ? QString() : m_message->text());
            finished();
        });
}

void InvestigationView::onStepSelected()
{
    const TraceStep *s = m_model->step(m_table->currentIndex().row());
    m_detail->setPlainText(
        s ? (s->detail.isEmpty() ? s->title : s->title + QStringLiteral("\n\n") + s->detail)
          : QString());
    if (s && s->rating.mine != 0) {
        m_ratingGroup->button(s->rating.mine)->setChecked(true);
    } else {
        m_ratingGroup->setExclusive(false);
        m_up->setChecked(false);
        m_down->setChecked(false);
        m_ratingGroup->setExclusive(true);
    }
    updateReasons();
    if (s && !s->rating.myReason.isEmpty())
        m_reason->setCurrentText(s->rating.myReason);
    m_submit->setEnabled(s != nullptr);
}

void InvestigationView::updateReasons()
{
    const TraceStep *s = m_model->step(m_table->currentIndex().row());
    const int rating = m_ratingGroup->checkedId();
    m_reason->clear();
    m_reason->addItem(QString());
    if (s && (rating == 1 || rating == -1)) {
        const QStringList reasons = EventTypes::quickReasons(s->kind, rating);
        for (const QString &r : reasons)
            m_reason->addItem(EventTypes::reasonLabel(r), r);
    }
}

void InvestigationView::submitRating()
{
    const TraceStep *s = m_model->step(m_table->currentIndex().row());
    const int rating = m_ratingGroup->checkedId();
    if (!s)
        return;
    if (rating != 1 && rating != -1) {
        m_message->setText(tr("Choose ▲ Helpful or ▼ Not helpful first."));
        return;
    }
    FeedbackInput in;
    in.targetType = s->kind;
    in.targetId = s->id;
    in.investigationId = m_investigation;
    in.rating = rating;
    // Store the untranslated quick reason so everybody's reasons group together.
    const int idx = m_reason->currentIndex();
    in.reason = idx > 0 && m_reason->currentText() == m_reason->itemText(idx)
        ? m_reason->itemData(idx).toString()
        : m_reason->currentText().trimmed();
    in.comment = m_comment->text().trimmed();
    setBusy(true, tr("Saving your rating…"));
    writeAsPerson(
        this, m_settings, [in](Database *) { return FeedbackRecorder::prepare(in); },
        [this](const Result<WriteOutcome> &r) {
            if (!r) {
                // Refused (the server said no, or the input is invalid): keep what the person
                // typed so nothing is lost, and say why.
                setBusy(false, tr("Your rating was not saved: %1").arg(r.error().message));
                return;
            }
            m_comment->clear();
            if (r->queued) {
                setBusy(false, tr("Your rating is %1.").arg(queuedMessage(*r)));
                Q_EMIT outboxChanged();
                return;
            }
            setBusy(false, tr("Thanks — your rating was saved."));
            Q_EMIT outboxChanged();
            Q_EMIT feedbackRecorded(m_investigation);
            reload();
        });
}

} // namespace ke
