#include "quirkeditor.h"

#include "browseclient.h"
#include "database.h"
#include "datasetstructure.h"
#include "knowledgeclient.h"
#include "quirkbook.h"
#include "relativetime.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ke {

namespace {

enum ScopeIndex { WholeIndex, ColumnIndex, ScheduleIndex, TimeIndex, OtherIndex };

QString eventLabel(const QString &type)
{
    if (type == QLatin1String("quirk.added"))
        return QuirkEditor::tr("added");
    if (type == QLatin1String("quirk.edited"))
        return QuirkEditor::tr("edited");
    if (type == QLatin1String("quirk.retired"))
        return QuirkEditor::tr("retired");
    if (type == QLatin1String("quirk.confirmed"))
        return QuirkEditor::tr("confirmed");
    return type;
}

} // namespace

/// A quirk's history with the people's handles (when the database could say them).
struct QuirkEditor::History
{
    Browsed<QList<QuirkHistoryEntry>> entries;
    QHash<QUuid, QString> handles;
};

QuirkEditor::QuirkEditor(KnowledgeClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    build();
    setMode(Mode::Add);
}

void QuirkEditor::build()
{
    setObjectName(QStringLiteral("quirkEditor"));
    setMinimumWidth(560);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("quirkText"));
    m_text->setAccessibleName(tr("Quirk text"));
    m_text->setPlaceholderText(tr("e.g. ETL has a 2-day lag on weekends"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(110);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("quirkCounter"));
    m_counter->setAlignment(Qt::AlignRight);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this]() {
        updateCounter();
        updatePreview();
    });

    // What the quirk applies to.
    m_scopeKind = new QComboBox(this);
    m_scopeKind->setObjectName(QStringLiteral("quirkScopeKind"));
    m_scopeKind->setAccessibleName(tr("Applies to"));
    m_scopeKind->addItems({tr("The whole dataset"), tr("A column"), tr("A schedule"),
                           tr("A time range"), tr("As recorded")});
    m_column = new QComboBox(this);
    m_column->setObjectName(QStringLiteral("quirkColumn"));
    m_column->setAccessibleName(tr("Column"));
    m_column->setEditable(true);
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(QStringLiteral("quirkSchedule"));
    m_schedule->setAccessibleName(tr("Schedule"));
    m_schedule->setEditable(true);
    m_schedule->addItems({tr("weekends"), tr("weekdays"), tr("month end"), tr("public holidays"),
                          tr("the nightly load")});
    m_from = new QDateEdit(QDate::currentDate(), this);
    m_from->setObjectName(QStringLiteral("quirkFrom"));
    m_from->setAccessibleName(tr("From"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("quirkTo"));
    m_to->setAccessibleName(tr("To"));
    m_to->setCalendarPopup(true);
    auto *range = new QWidget(this);
    auto *rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(new QLabel(tr("from"), range));
    rangeLayout->addWidget(m_from, 1);
    rangeLayout->addWidget(new QLabel(tr("to"), range));
    rangeLayout->addWidget(m_to, 1);
    m_otherScope = new QLabel(this);
    m_otherScope->setWordWrap(true);
    m_scopeValue = new QStackedWidget(this);
    m_scopeValue->addWidget(new QWidget(this));
    m_scopeValue->addWidget(m_column);
    m_scopeValue->addWidget(m_schedule);
    m_scopeValue->addWidget(range);
    m_scopeValue->addWidget(m_otherScope);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_scopeValue->setCurrentIndex(index);
        updatePreview();
    });
    for (QComboBox *box : {m_column, m_schedule})
        connect(box, &QComboBox::currentTextChanged, this, &QuirkEditor::updatePreview);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &QuirkEditor::updatePreview);
    m_scopeBox = new QWidget(this);
    auto *scopeLayout = new QHBoxLayout(m_scopeBox);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    scopeLayout->addWidget(m_scopeKind);
    scopeLayout->addWidget(m_scopeValue, 1);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("quirkReason"));
    m_reason->setAccessibleName(tr("Why is it no longer true?"));
    m_reason->setPlaceholderText(tr("e.g. fixed by the new loader in release 4.2"));
    m_reasonBox = new QWidget(this);
    auto *reasonLayout = new QFormLayout(m_reasonBox);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    reasonLayout->addRow(tr("Why is it no longer true?"), m_reason);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("quirkPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(8);
    m_preview->setBackgroundRole(QPalette::Base);
    m_preview->setAutoFillBackground(true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("quirkError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_error->setPalette(errorPalette);

    auto *editPage = new QWidget(this);
    auto *form = new QFormLayout(editPage);
    form->addRow(m_intro);
    auto *textLabel = new QLabel(tr("&Text"), editPage);
    textLabel->setBuddy(m_text);
    form->addRow(textLabel, m_text);
    form->addRow(QString(), m_counter);
    auto *scopeLabel = new QLabel(tr("&Applies to"), editPage);
    scopeLabel->setBuddy(m_scopeKind);
    form->addRow(scopeLabel, m_scopeBox);
    form->addRow(m_reasonBox);
    form->addRow(tr("Preview"), m_preview);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("quirkHistory"));
    m_history->setAccessibleName(tr("Quirk history"));
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Text")});
    m_history->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    m_historyNote = new QLabel(this);
    m_historyNote->setWordWrap(true);
    auto *historyPage = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_history, 1);
    historyLayout->addWidget(m_historyNote);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("quirkTabs"));
    m_tabs->addTab(editPage, tr("Quirk"));
    m_tabs->addTab(historyPage, tr("History"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1 && m_history->topLevelItemCount() == 0 && m_pending == 0)
            loadHistory();
    });

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = m_buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("quirkSave"));
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &QuirkEditor::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
}

void QuirkEditor::setMode(Mode mode)
{
    m_mode = mode;
    const bool writing = mode == Mode::Add || mode == Mode::Edit;
    m_text->setReadOnly(!writing);
    m_scopeBox->setEnabled(writing);
    m_scopeBox->setVisible(mode != Mode::Retire);
    m_reasonBox->setVisible(mode == Mode::Retire);
    m_counter->setVisible(writing);
    m_tabs->setTabEnabled(1, mode != Mode::Add);
    m_save->setVisible(mode != Mode::History);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setText(mode == Mode::History ? tr("Close") : tr("Cancel"));
    switch (mode) {
    case Mode::Add:
        setWindowTitle(tr("Add a quirk"));
        m_save->setText(tr("Add quirk"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit quirk"));
        m_intro->setText(tr("The earlier text stays in the history."));
        m_save->setText(tr("Save edit"));
        break;
    case Mode::Retire:
        setWindowTitle(tr("Retire quirk"));
        m_intro->setText(
            tr("A retired quirk leaves the dataset's page; its history stays. Retire it when it "
               "is no longer true."));
        m_save->setText(tr("Retire quirk"));
        break;
    case Mode::History:
        setWindowTitle(tr("Quirk history"));
        m_intro->setText(tr("Every version of this quirk, oldest first."));
        break;
    }
    showError({});
    updateCounter();
    updatePreview();
}

void QuirkEditor::startAdd(const QUuid &datasetId, const QString &datasetName)
{
    m_datasetId = datasetId;
    m_quirkId = QUuid();
    m_currentText.clear();
    m_currentScope.clear();
    suggestColumns(datasetId);
    m_text->setPlainText(QString());
    setAppliesTo({});
    m_intro->setText(
        tr("What should people know about <b>%1</b>? Everybody who opens the dataset sees it.")
            .arg(datasetName.toHtmlEscaped()));
    setMode(Mode::Add);
    m_tabs->setCurrentIndex(0);
    m_text->setFocus();
}

void QuirkEditor::startEdit(const QUuid &quirkId, const QString &currentText,
                            const QString &appliesTo, const QUuid &datasetId)
{
    m_quirkId = quirkId;
    m_datasetId = datasetId;
    m_currentText = currentText;
    m_currentScope = appliesTo;
    suggestColumns(datasetId);
    m_text->setPlainText(currentText);
    setAppliesTo(appliesTo);
    setMode(Mode::Edit);
    m_tabs->setCurrentIndex(0);
    m_text->setFocus();
    m_text->moveCursor(QTextCursor::End);
}

void QuirkEditor::startRetire(const QUuid &quirkId, const QString &currentText)
{
    m_quirkId = quirkId;
    m_currentText = currentText;
    m_text->setPlainText(currentText);
    m_reason->clear();
    setMode(Mode::Retire);
    m_tabs->setCurrentIndex(0);
    m_reason->setFocus();
}

void QuirkEditor::startHistory(const QUuid &quirkId, const QString &currentText)
{
    m_quirkId = quirkId;
    m_currentText = currentText;
    m_text->setPlainText(currentText);
    setMode(Mode::History);
    m_tabs->setCurrentIndex(1);
    if (m_history->topLevelItemCount() == 0 && m_pending == 0)
        loadHistory();
}

void QuirkEditor::suggestColumns(const QUuid &datasetId)
{
    m_column->clear();
    if (datasetId.isNull() || m_client->state() == KnowledgeClient::State::Offline)
        return; // offline the column is typed
    ++m_pending;
    const QString id = datasetId.toString(QUuid::WithoutBraces);
    m_client->withDatabase<QStringList>(
        this,
        [id](Database &db) -> Result<QStringList> {
            auto structure = DatasetStructureReader::read(db, id);
            if (!structure)
                return structure.error();
            QStringList names;
            for (const StructureColumn &c : structure->columns)
                names << c.name;
            return names;
        },
        [this](const Result<QStringList> &r) {
            --m_pending;
            if (!r) // offline or not allowed: the column is typed instead
                return;
            const QString typed = m_column->currentText();
            m_column->addItems(*r);
            m_column->setCurrentText(typed);
        });
}

void QuirkEditor::setAppliesTo(const QString &stored)
{
    const QuirkScope scope = QuirkScope::fromStored(stored);
    switch (scope.kind) {
    case QuirkScope::Kind::Whole:
        m_scopeKind->setCurrentIndex(WholeIndex);
        break;
    case QuirkScope::Kind::Column:
        m_column->setCurrentText(scope.value);
        m_scopeKind->setCurrentIndex(ColumnIndex);
        break;
    case QuirkScope::Kind::Schedule:
        m_schedule->setCurrentText(scope.value);
        m_scopeKind->setCurrentIndex(ScheduleIndex);
        break;
    case QuirkScope::Kind::TimeRange:
        if (!scope.from.isNull())
            m_from->setDate(scope.from);
        if (!scope.to.isNull())
            m_to->setDate(scope.to);
        m_scopeKind->setCurrentIndex(TimeIndex);
        break;
    case QuirkScope::Kind::Other:
        m_otherScope->setText(scope.value);
        m_scopeKind->setCurrentIndex(OtherIndex);
        break;
    }
    m_scopeValue->setCurrentIndex(m_scopeKind->currentIndex());
}

QString QuirkEditor::appliesTo() const
{
    QuirkScope scope;
    switch (m_scopeKind->currentIndex()) {
    case ColumnIndex:
        scope.kind = QuirkScope::Kind::Column;
        scope.value = m_column->currentText();
        break;
    case ScheduleIndex:
        scope.kind = QuirkScope::Kind::Schedule;
        scope.value = m_schedule->currentText();
        break;
    case TimeIndex:
        scope.kind = QuirkScope::Kind::TimeRange;
        scope.from = m_from->date();
        scope.to = m_to->date();
        break;
    case OtherIndex:
        return m_currentScope;
    default:
        break;
    }
    return scope.toStored();
}

void QuirkEditor::updateCounter()
{
    const int length = int(m_text->toPlainText().trimmed().size());
    const bool tooLong = length > QuirkBook::maxTextLength;
    m_counter->setText(tr("%1 / %2 characters").arg(length).arg(QuirkBook::maxTextLength));
    QPalette p = m_counter->palette();
    p.setColor(QPalette::WindowText,
               tooLong ? QColor(0xd3, 0x2f, 0x2f) : palette().color(QPalette::PlaceholderText));
    m_counter->setPalette(p);
    if (m_mode == Mode::Add || m_mode == Mode::Edit) {
        // The rule's one owner says what is wrong; an empty text only when saving.
        const auto check = QuirkBook::checkText(m_text->toPlainText());
        if (!check && length > 0)
            showError(check.error().message);
        else if (m_error->property("live").toBool())
            showError({});
        m_error->setProperty("live", !check && length > 0);
    }
}

void QuirkEditor::updatePreview()
{
    const QString text = m_text->toPlainText().trimmed();
    QString html = text.isEmpty()
        ? QStringLiteral("<i>%1</i>").arg(tr("The quirk's text appears here.").toHtmlEscaped())
        : text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    const QString scope = appliesTo();
    if (!scope.isEmpty())
        html += QStringLiteral("<br><small>%1</small>")
                    .arg(tr("Applies to %1")
                             .arg(QuirkScope::fromStored(scope).describe())
                             .toHtmlEscaped());
    m_preview->setText(html);
}

void QuirkEditor::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void QuirkEditor::loadHistory()
{
    ++m_pending;
    m_historyNote->setText(tr("Loading the history…"));
    const QString id = m_quirkId.toString(QUuid::WithoutBraces);
    m_client->quirkHistory(
        this, id, [this](const Result<Browsed<QList<QuirkHistoryEntry>>> &entries) {
            if (!entries || entries->offline) {
                showHistory(entries ? Result<History>(History{*entries, {}})
                                    : Result<History>(entries.error()));
                return;
            }
            // Who, by handle (online: the people table says it).
            const Browsed<QList<QuirkHistoryEntry>> read = *entries;
            m_client->withDatabase<History>(
                this,
                [read](Database &db) -> Result<History> {
                    History h{read, {}};
                    for (const QuirkHistoryEntry &e : read.value) {
                        if (e.actorId.isNull() || h.handles.contains(e.actorId))
                            continue;
                        if (auto handle = db.personHandle(e.actorId); handle && !handle->isEmpty())
                            h.handles.insert(e.actorId, *handle);
                    }
                    return h;
                },
                [this, read](const Result<History> &h) {
                    showHistory(h ? h : Result<History>(History{read, {}}));
                });
        });
}

void QuirkEditor::showHistory(const Result<History> &r)
{
    {
        --m_pending;
        m_history->clear();
        if (!r) {
            m_historyNote->setText(tr("Could not load the history: %1").arg(r.error().message));
            Q_EMIT historyLoaded();
            return;
        }
        QString text;
        for (const QuirkHistoryEntry &e : r->entries.value) {
            auto *item = new QTreeWidgetItem(m_history);
            item->setText(0, RelativeTime::ago(e.createdAt));
            item->setToolTip(0, RelativeTime::exact(e.createdAt));
            const QString handle = r->handles.value(e.actorId);
            item->setText(
                1,
                !handle.isEmpty() ? QStringLiteral("@") + handle
                    : e.actorId.isNull()
                    ? tr("unknown")
                    : tr("person %1").arg(e.actorId.toString(QUuid::WithoutBraces).left(8)));
            item->setText(2, eventLabel(e.eventType));
            QString line;
            if (e.data.contains(QLatin1String("text"))) {
                text = e.data.value(QLatin1String("text")).toString();
                line = text;
            } else if (e.eventType == QLatin1String("quirk.retired")) {
                const QString reason = e.data.value(QLatin1String("reason")).toString();
                line = reason.isEmpty() ? tr("(no reason given)") : tr("Reason: %1").arg(reason);
            }
            const QString scope = e.data.value(QLatin1String("applies_to")).toString();
            if (!scope.isEmpty())
                line += QLatin1Char('\n')
                    + tr("Applies to %1").arg(QuirkScope::fromStored(scope).describe());
            item->setText(3, line);
            item->setToolTip(3, line);
        }
        m_historyNote->setText(r->entries.offline
                                   ? tr("%n version(s) — from the offline cache, %1", nullptr,
                                        int(r->entries.value.size()))
                                         .arg(BrowseClient::asOf(r->entries.asOf))
                                   : tr("%n version(s)", nullptr, int(r->entries.value.size())));
        Q_EMIT historyLoaded();
    }
}

void QuirkEditor::submit()
{
    OutboxWriter::Prepare prepare;
    const QString text = m_text->toPlainText();
    const QString scope = appliesTo();
    switch (m_mode) {
    case Mode::Add: {
        const QUuid dataset = m_datasetId;
        prepare = [dataset, text, scope](Database *) {
            return QuirkBook::prepareAdd(dataset, text, scope);
        };
        break;
    }
    case Mode::Edit: {
        if (text.trimmed() == m_currentText.trimmed() && scope == m_currentScope) {
            showError(tr("Nothing changed — edit the text or what it applies to, or cancel."));
            return;
        }
        const QUuid quirk = m_quirkId;
        const QString changedScope = scope == m_currentScope ? QString() : scope;
        prepare = [quirk, text, changedScope](Database *) {
            return QuirkBook::prepareEdit(quirk, text, changedScope);
        };
        break;
    }
    case Mode::Retire: {
        const QUuid quirk = m_quirkId;
        const QString reason = m_reason->text().trimmed();
        prepare = [quirk, reason](Database *) { return QuirkBook::prepareRetire(quirk, reason); };
        break;
    }
    case Mode::History:
        return;
    }
    // Checked here first, so that a mistake shows at once beside the text.
    if (auto check = prepare(nullptr); !check) {
        showError(check.error().message);
        return;
    }
    showError({});
    m_save->setEnabled(false);
    m_save->setText(tr("Saving…"));
    ++m_pending;
    m_client->write(this, prepare, [this](const Result<WriteOutcome> &r) {
        --m_pending;
        m_save->setEnabled(true);
        setMode(m_mode); // the button's label back
        if (!r) {
            // Refused: the dialog stays with what was typed and says why.
            showError(tr("Not saved: %1").arg(r.error().message));
            return;
        }
        m_outcome = *r;
        accept();
    });
}

} // namespace ke
