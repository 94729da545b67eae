#include "investigationdetail.h"

#include "catalogue.h"
#include "focustoolbutton.h"
#include "knowledgeclient.h"
#include "personwrite.h"
#include "rateinvestigationdialog.h"
#include "ratingbuttons.h"
#include "ratingpopup.h"
#include "sqlhighlighter.h"
#include "tracestepmodel.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace ke {

namespace {

QFrame *makeCard(QWidget *parent, const QString &name)
{
    auto *card = new QFrame(parent);
    card->setObjectName(name);
    card->setFrameShape(QFrame::StyledPanel);
    card->setBackgroundRole(QPalette::Base);
    card->setAutoFillBackground(true);
    return card;
}

/// The frame of one step, named for tests and styles, knowing its step.
QFrame *stepFrame(const QString &name, const TraceStep &step, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(name);
    frame->setProperty("stepId", step.id);
    return frame;
}

QLabel *makeLabel(const QString &text, QWidget *parent, Qt::TextFormat format = Qt::PlainText)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(format);
    label->setText(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString percent(double confidence)
{
    return confidence < 0 ? QString() : QStringLiteral("%1 %").arg(qRound(confidence * 100));
}

/// A status word in its colour, as rich text.
QString statusHtml(const QString &status, const QPalette &palette)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(TraceStepModel::statusColor(status, palette).name(),
             TraceStepModel::statusName(status).toHtmlEscaped());
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return InvestigationDetail::tr("%1 ms").arg(ms);
    if (ms < 60000)
        return InvestigationDetail::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return InvestigationDetail::tr("%1 min").arg(QLocale().toString(double(ms) / 60000.0, 'f', 1));
}

} // namespace

InvestigationDetail::InvestigationDetail(KnowledgeClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new TraceStepModel(this))
{
    m_model->setObjectName(QStringLiteral("stepModel"));
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("investigationDetail"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rateMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_message);
    clear(tr("Open an investigation from the list, the dataset's activity or its findings."));
}

void InvestigationDetail::clear(const QString &message)
{
    m_trace = {};
    m_model->setSteps({});
    m_buttons.clear();
    if (m_popup)
        m_popup->close();
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *label = makeLabel(message, page);
    label->setObjectName(QStringLiteral("detailPlaceholder"));
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label, 1);
    m_overall = nullptr;
    m_scroll->setWidget(page);
}

void InvestigationDetail::setTrace(const InvestigationTrace &trace)
{
    const bool same = trace.investigationId == m_trace.investigationId;
    const int scrolled = m_scroll->verticalScrollBar()->value();
    m_trace = trace;
    m_model->setSteps(trace.steps);
    rebuild();
    if (same) {
        // Read again (after a refused rating): stay where the person was, once laid out.
        QTimer::singleShot(0, m_scroll, [bar = m_scroll->verticalScrollBar(), scrolled]() {
            bar->setValue(scrolled);
        });
    }
}

void InvestigationDetail::changeEvent(QEvent *event)
{
    // Colours come from the palette (statuses, SQL): a switch to dark rebuilds the cards.
    if (event->type() == QEvent::PaletteChange && !m_trace.investigationId.isNull())
        rebuild();
    QWidget::changeEvent(event);
}

bool InvestigationDetail::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        if (auto *toggle
            = qobject_cast<QToolButton *>(watched->property("toggle").value<QObject *>())) {
            toggle->toggle();
            return true;
        }
    }
    // A SQL block scrolls sideways only: the wheel scrolls the page.
    if (event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->angleDelta().y() != 0) {
            QCoreApplication::sendEvent(m_scroll->verticalScrollBar(), event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void InvestigationDetail::rebuild()
{
    if (m_popup)
        m_popup->close();
    m_buttons.clear();
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("detailPage"));
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(10);
    layout->addWidget(headerCard());

    const QList<TraceStep> &steps = m_trace.steps;
    for (const TraceStep &s : steps) {
        if (s.kind == QLatin1String("synthesis"))
            layout->addWidget(synthesisCard(s));
    }

    // Hypotheses by confidence, the most confident first and open; each with its queries
    // and evidence (in the order they happened).
    QList<const TraceStep *> hypotheses;
    QHash<QString, QList<const TraceStep *>> children;
    QList<const TraceStep *> orphans;
    for (const TraceStep &s : steps) {
        if (s.kind == QLatin1String("hypothesis"))
            hypotheses.append(&s);
    }
    QSet<QString> known;
    for (const TraceStep *h : std::as_const(hypotheses))
        known.insert(h->id.toString(QUuid::WithoutBraces));
    for (const TraceStep &s : steps) {
        if (s.kind != QLatin1String("query") && s.kind != QLatin1String("evidence"))
            continue;
        if (known.contains(s.parentId))
            children[s.parentId].append(&s);
        else
            orphans.append(&s);
    }
    std::stable_sort(
        hypotheses.begin(), hypotheses.end(),
        [](const TraceStep *a, const TraceStep *b) { return a->confidence > b->confidence; });
    if (!hypotheses.isEmpty()) {
        auto *heading
            = makeLabel(tr("<b>Hypotheses</b> (%1), most confident first").arg(hypotheses.size()),
                        page, Qt::RichText);
        layout->addWidget(heading);
    }
    if (hypotheses.isEmpty() && orphans.isEmpty()) {
        auto *none = makeLabel(m_trace.outcome == QLatin1String("running")
                                   ? tr("No hypotheses yet — the investigation is still running.")
                                   : tr("This investigation recorded no hypotheses."),
                               page);
        none->setObjectName(QStringLiteral("noHypotheses"));
        layout->addWidget(none);
    }
    for (qsizetype i = 0; i < hypotheses.size(); ++i) {
        const TraceStep *h = hypotheses.at(i);
        layout->addWidget(
            hypothesisCard(*h, children.value(h->id.toString(QUuid::WithoutBraces)), i == 0));
    }
    if (!orphans.isEmpty()) {
        auto *card = makeCard(page, QStringLiteral("otherStepsCard"));
        auto *v = new QVBoxLayout(card);
        v->addWidget(
            makeLabel(tr("<b>Other steps</b> (not tied to a hypothesis)"), card, Qt::RichText));
        for (const TraceStep *s : std::as_const(orphans))
            v->addWidget(s->kind == QLatin1String("query") ? queryBlock(*s, card)
                                                           : evidenceBlock(*s, card));
        layout->addWidget(card);
    }
    if (!m_trace.comments.isEmpty()) {
        auto *card = makeCard(page, QStringLiteral("commentsCard"));
        auto *v = new QVBoxLayout(card);
        v->addWidget(
            makeLabel(tr("<b>Comments</b> (%1)").arg(m_trace.comments.size()), card, Qt::RichText));
        for (const auto &c : m_trace.comments)
            v->addWidget(makeLabel(QStringLiteral("“%1”").arg(c.second), card));
        layout->addWidget(card);
    }
    layout->addStretch(1);
    m_scroll->setWidget(page);
    updateOverall();
}

QWidget *InvestigationDetail::headerCard()
{
    const InvestigationTrace &t = m_trace;
    auto *card = makeCard(nullptr, QStringLiteral("headerCard"));
    auto *grid = new QHBoxLayout(card);
    auto *text = new QVBoxLayout;
    const QString metric = t.alert.value(QLatin1String("metric")).toString();
    auto *title = makeLabel(
        QStringLiteral("<span style=\"font-size:large\"><b>%1</b></span>")
            .arg((metric.isEmpty()
                      ? tr("Investigation %1")
                            .arg(t.investigationId.toString(QUuid::WithoutBraces).left(8))
                      : metric)
                     .toHtmlEscaped()),
        card, Qt::RichText);
    title->setObjectName(QStringLiteral("investigationTitle"));
    text->addWidget(title);
    if (!t.alert.isEmpty()) {
        QStringList parts;
        const QJsonValue expected = t.alert.value(QLatin1String("expected"));
        const QJsonValue actual = t.alert.value(QLatin1String("actual"));
        if (!expected.isUndefined() || !actual.isUndefined())
            parts << tr("expected %1, got %2")
                         .arg(expected.toVariant().toString(), actual.toVariant().toString());
        const QString anomaly = t.alert.value(QLatin1String("anomaly_type")).toString();
        if (!anomaly.isEmpty())
            parts << anomaly;
        const QString severity = t.alert.value(QLatin1String("severity")).toString();
        if (!severity.isEmpty())
            parts << tr("severity %1").arg(severity);
        auto *alert = makeLabel(tr("Alert: %1").arg(parts.join(QStringLiteral(" · "))), card);
        alert->setObjectName(QStringLiteral("investigationAlert"));
        text->addWidget(alert);
    }
    QStringList facts;
    facts << statusHtml(t.outcome.isEmpty() ? QStringLiteral("running") : t.outcome,
                        card->palette());
    if (t.confidence >= 0)
        facts << tr("confidence %1").arg(percent(t.confidence)).toHtmlEscaped();
    if (t.startedAt.isValid())
        facts << tr("started %1")
                     .arg(QLocale().toString(t.startedAt.toLocalTime(), QLocale::ShortFormat))
                     .toHtmlEscaped();
    if (t.durationSeconds >= 0)
        facts << tr("took %1").arg(durationText(qint64(t.durationSeconds * 1000))).toHtmlEscaped();
    auto *status = makeLabel(facts.join(QStringLiteral(" · ")), card, Qt::RichText);
    status->setObjectName(QStringLiteral("investigationStatus"));
    text->addWidget(status);
    if (t.outcome == QLatin1String("failed") && !t.rootCause.isEmpty())
        text->addWidget(makeLabel(tr("Error: %1").arg(t.rootCause), card));
    grid->addLayout(text, 1);

    auto *side = new QVBoxLayout;
    auto *rate = new QPushButton(tr("Rate investigation…"), card);
    rate->setObjectName(QStringLiteral("rateInvestigation"));
    rate->setIcon(RatingButtons::thumbIcon(1));
    connect(rate, &QPushButton::clicked, this, &InvestigationDetail::rateInvestigation);
    side->addWidget(rate);
    m_overall = makeLabel(QString(), card);
    m_overall->setObjectName(QStringLiteral("overallRating"));
    m_overall->setAlignment(Qt::AlignRight);
    side->addWidget(m_overall);
    side->addStretch(1);
    grid->addLayout(side);
    return card;
}

void InvestigationDetail::updateOverall()
{
    if (!m_overall)
        return;
    const int row = m_model->rowOf(m_trace.investigationId);
    const TraceStep *self = m_model->step(row);
    if (!self)
        return;
    const RatingTally &r = self->rating;
    QString mine;
    if (r.mine != 0)
        mine = (r.mine > 0 ? tr("You: helpful") : tr("You: not helpful"))
            + (r.myReason.isEmpty() ? QString()
                                    : QStringLiteral(" — ") + EventTypes::reasonLabel(r.myReason));
    m_overall->setText(tr("%1 helpful · %2 not helpful").arg(r.up).arg(r.down)
                       + (mine.isEmpty() ? QString() : QStringLiteral("\n") + mine));
}

QWidget *InvestigationDetail::synthesisCard(const TraceStep &s)
{
    auto *card = makeCard(nullptr, QStringLiteral("synthesisCard"));
    auto *v = new QVBoxLayout(card);
    auto *top = new QHBoxLayout;
    top->addWidget(makeLabel(tr("<b>Synthesis</b>")
                                 + (s.confidence < 0 ? QString()
                                                     : QStringLiteral(" · ")
                                            + tr("confidence %1").arg(percent(s.confidence))),
                             card, Qt::RichText),
                   1);
    top->addWidget(thumbsFor(s, card), 0, Qt::AlignTop);
    v->addLayout(top);
    auto *cause
        = makeLabel(tr("<b>Root cause:</b> %1")
                        .arg(s.title.isEmpty() ? tr("none given") : s.title.toHtmlEscaped()),
                    card, Qt::RichText);
    cause->setObjectName(QStringLiteral("rootCause"));
    v->addWidget(cause);
    if (!s.recommendations.isEmpty()) {
        QString html = tr("<b>Recommendations</b>") + QStringLiteral("<ul style=\"margin:0\">");
        for (const QString &r : s.recommendations)
            html += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        auto *recs = makeLabel(html, card, Qt::RichText);
        recs->setObjectName(QStringLiteral("recommendations"));
        v->addWidget(recs);
    }
    return card;
}

QWidget *InvestigationDetail::hypothesisCard(const TraceStep &h,
                                             const QList<const TraceStep *> &children,
                                             bool expanded)
{
    auto *card = makeCard(nullptr, QStringLiteral("hypothesisCard"));
    card->setProperty("stepId", h.id);
    auto *v = new QVBoxLayout(card);
    auto *top = new QHBoxLayout;
    auto *toggle = new FocusToolButton(card);
    toggle->setObjectName(QStringLiteral("expandHypothesis"));
    toggle->setCheckable(true);
    toggle->setAutoRaise(true);
    toggle->setFocusPolicy(Qt::StrongFocus);
    toggle->setAccessibleName(tr("Show the queries and evidence of: %1").arg(h.title));
    top->addWidget(toggle, 0, Qt::AlignTop);
    QStringList facts;
    if (h.confidence >= 0)
        facts << tr("confidence %1").arg(percent(h.confidence)).toHtmlEscaped();
    facts << statusHtml(h.status, card->palette());
    int queries = 0;
    int evidence = 0;
    for (const TraceStep *c : children)
        ++(c->kind == QLatin1String("query") ? queries : evidence);
    facts << tr("%n query(ies)", nullptr, queries)
          << tr("%n piece(s) of evidence", nullptr, evidence);
    auto *title = makeLabel(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                .arg(h.title.toHtmlEscaped(), facts.join(QStringLiteral(" · "))),
                            card, Qt::RichText);
    title->setObjectName(QStringLiteral("hypothesisTitle"));
    // The title toggles too (the arrow is the keyboard's way).
    title->setTextInteractionFlags(Qt::NoTextInteraction);
    title->setCursor(Qt::PointingHandCursor);
    title->setProperty("toggle", QVariant::fromValue<QObject *>(toggle));
    title->installEventFilter(this);
    top->addWidget(title, 1);
    top->addWidget(thumbsFor(h, card), 0, Qt::AlignTop);
    v->addLayout(top);

    auto *body = new QWidget(card);
    body->setObjectName(QStringLiteral("hypothesisBody"));
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(24, 0, 0, 0);
    for (const TraceStep *c : children) {
        if (c->kind == QLatin1String("query"))
            bodyLayout->addWidget(queryBlock(*c, body));
    }
    for (const TraceStep *c : children) {
        if (c->kind == QLatin1String("evidence"))
            bodyLayout->addWidget(evidenceBlock(*c, body));
    }
    if (children.isEmpty())
        bodyLayout->addWidget(makeLabel(tr("No queries or evidence for this hypothesis."), body));
    v->addWidget(body);

    auto apply = [toggle, body, card](bool open) {
        toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        toggle->setToolTip(open ? tr("Hide the queries and evidence")
                                : tr("Show the queries and evidence"));
        body->setVisible(open);
        card->setProperty("expanded", open);
    };
    connect(toggle, &QToolButton::toggled, card, apply);
    toggle->setChecked(expanded);
    apply(expanded);
    return card;
}

QWidget *InvestigationDetail::queryBlock(const TraceStep &q, QWidget *parent)
{
    QFrame *block = stepFrame(QStringLiteral("queryBlock"), q, parent);
    auto *v = new QVBoxLayout(block);
    v->setContentsMargins(0, 4, 0, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(
        makeLabel(tr("<b>Query</b> — %1")
                      .arg(q.title.isEmpty() ? tr("no purpose given") : q.title.toHtmlEscaped()),
                  block, Qt::RichText),
        1);
    top->addWidget(thumbsFor(q, block), 0, Qt::AlignTop);
    v->addLayout(top);
    if (!q.sql.isEmpty()) {
        auto *sql = new QPlainTextEdit(block);
        sql->setObjectName(QStringLiteral("sqlBlock"));
        sql->setAccessibleName(tr("SQL of the query"));
        sql->setReadOnly(true);
        sql->setTabChangesFocus(true);
        sql->setLineWrapMode(QPlainTextEdit::NoWrap);
        sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        QPalette p = sql->palette();
        p.setColor(QPalette::Base, p.color(QPalette::AlternateBase));
        sql->setPalette(p);
        sql->setPlainText(q.sql);
        new SqlHighlighter(sql->document(), p);
        sql->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // As tall as the SQL (at most 14 lines; trailing blank lines not counted), plus the
        // horizontal scroll bar while a line is wider than the block.
        QString shown = q.sql;
        while (shown.endsWith(QLatin1Char('\n')) || shown.endsWith(QLatin1Char(' ')))
            shown.chop(1);
        const int lines = std::clamp(int(shown.count(QLatin1Char('\n'))) + 1, 1, 14);
        const int text = lines * sql->fontMetrics().lineSpacing() + 2 * sql->frameWidth()
            + int(2 * sql->document()->documentMargin());
        auto fit = [sql, text]() {
            QScrollBar *bar = sql->horizontalScrollBar();
            sql->setFixedHeight(text + (bar->maximum() > 0 ? bar->sizeHint().height() : 0));
        };
        connect(sql->horizontalScrollBar(), &QScrollBar::rangeChanged, sql, fit);
        fit();
        sql->viewport()->installEventFilter(this);
        v->addWidget(sql);
    }
    QStringList facts;
    facts << statusHtml(q.status.isEmpty() ? QStringLiteral("planned") : q.status,
                        block->palette());
    if (q.rowCount >= 0)
        facts << tr("%Ln row(s)", nullptr, int(std::min<qint64>(q.rowCount, INT_MAX)))
                     .toHtmlEscaped();
    if (q.durationMs >= 0)
        facts << durationText(q.durationMs).toHtmlEscaped();
    if (!q.error.isEmpty())
        facts << tr("error: %1").arg(q.error).toHtmlEscaped();
    auto *meta = makeLabel(facts.join(QStringLiteral(" · ")), block, Qt::RichText);
    meta->setObjectName(QStringLiteral("queryMeta"));
    v->addWidget(meta);
    return block;
}

QWidget *InvestigationDetail::evidenceBlock(const TraceStep &e, QWidget *parent)
{
    QFrame *block = stepFrame(QStringLiteral("evidenceBlock"), e, parent);
    auto *top = new QHBoxLayout(block);
    top->setContentsMargins(0, 4, 0, 4);
    QStringList facts;
    if (!e.status.isEmpty())
        facts << statusHtml(e.status, block->palette());
    if (e.confidence >= 0)
        facts << tr("confidence %1").arg(percent(e.confidence)).toHtmlEscaped();
    auto *label = makeLabel(tr("<b>Evidence</b> — %1<br><small>%2</small>")
                                .arg(e.title.toHtmlEscaped(), facts.join(QStringLiteral(" · "))),
                            block, Qt::RichText);
    label->setObjectName(QStringLiteral("evidenceSummary"));
    top->addWidget(label, 1);
    top->addWidget(thumbsFor(e, block), 0, Qt::AlignTop);
    return block;
}

RatingButtons *InvestigationDetail::thumbsFor(const TraceStep &s, QWidget *parent)
{
    auto *buttons = new RatingButtons(StepKinds::label(s.kind), parent);
    buttons->setProperty("stepId", s.id);
    buttons->setTally(s.rating);
    if (s.id.isNull()) {
        // A step whose writer gave it no UUID cannot be named by a rating.
        buttons->setEnabled(false);
        buttons->setToolTip(tr("This step has no id, so it cannot be rated."));
        return buttons;
    }
    const QUuid id = s.id;
    connect(buttons, &RatingButtons::clicked, this,
            [this, id](int rating, QToolButton *anchor) { onThumb(id, rating, anchor); });
    m_buttons.insert(s.id, buttons);
    return buttons;
}

void InvestigationDetail::setMine(const QUuid &stepId, int rating, const QString &reason)
{
    const int row = m_model->rowOf(stepId);
    const TraceStep *s = m_model->step(row);
    if (!s)
        return;
    RatingTally t = s->rating;
    t.replaceMine(rating, reason);
    m_model->setRating(row, t);
    if (RatingButtons *b = m_buttons.value(stepId))
        b->setTally(t);
    if (stepId == m_trace.investigationId)
        updateOverall();
}

void InvestigationDetail::onThumb(const QUuid &stepId, int rating, QToolButton *anchor)
{
    const TraceStep *s = m_model->step(m_model->rowOf(stepId));
    if (!s)
        return;
    const QString kind = s->kind;
    const QUuid investigation = m_trace.investigationId;
    auto input
        = [kind, stepId, investigation, rating](const QString &reason, const QString &comment) {
              return FeedbackInput{.targetType = kind,
                                   .targetId = stepId,
                                   .investigationId = investigation,
                                   .rating = rating,
                                   .reason = reason,
                                   .comment = comment,
                                   .context = {}};
          };
    // The click is the rating; the popup only adds why. Clicking one's current thumb again
    // just asks why once more.
    if (s->rating.mine != rating) {
        setMine(stepId, rating, QString());
        record(input(QString(), QString()));
    }
    if (m_popup)
        m_popup->close();
    auto *popup = new RatingPopup(kind, rating, this);
    m_popup = popup;
    connect(popup, &RatingPopup::reasonChosen, this,
            [this, stepId, rating, investigation, input](const QString &reason) {
                if (investigation != m_trace.investigationId)
                    return;
                setMine(stepId, rating, reason);
                record(input(reason, QString()));
            });
    connect(popup, &RatingPopup::commentEntered, this,
            [this, stepId, investigation, input](const QString &comment) {
                if (investigation != m_trace.investigationId)
                    return;
                const TraceStep *step = m_model->step(m_model->rowOf(stepId));
                record(input(step ? step->rating.myReason : QString(), comment));
            });
    popup->popup(anchor);
}

void InvestigationDetail::rateInvestigation()
{
    if (m_trace.investigationId.isNull())
        return;
    const TraceStep *self = m_model->step(m_model->rowOf(m_trace.investigationId));
    auto *dialog
        = new RateInvestigationDialog(m_trace.investigationId, self ? self->rating.mine : 0,
                                      self ? self->rating.myReason : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid investigation = m_trace.investigationId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, investigation]() {
        if (investigation != m_trace.investigationId)
            return;
        const FeedbackInput in = dialog->input();
        setMine(investigation, in.rating, in.reason);
        record(in);
    });
    dialog->open();
}

void InvestigationDetail::showMessage(const QString &message)
{
    m_message->setText(message);
}

void InvestigationDetail::record(FeedbackInput input)
{
    // Made here, on the GUI thread, so that its time is the click's: ratings given in quick
    // succession keep their order whatever order the writes finish in.
    Result<Event> prepared = FeedbackRecorder::prepare(input);
    if (!prepared) {
        showMessage(tr("Your rating was not saved: %1").arg(prepared.error().message));
        return;
    }
    const Event event = *prepared;
    ++m_writes;
    showMessage(tr("Saving your rating…"));
    m_client->write(
        this, [event](Database *) { return Result<Event>(event); },
        [this](const Result<WriteOutcome> &r) {
            --m_writes;
            if (!r) {
                showMessage(tr("Your rating was not saved: %1").arg(r.error().message));
                Q_EMIT ratingRefused();
            } else if (r->queued) {
                showMessage(tr("Your rating is %1.").arg(queuedMessage(*r)));
                Q_EMIT ratingWritten(true);
            } else {
                showMessage(tr("Thanks — your rating was saved."));
                Q_EMIT ratingWritten(false);
            }
            if (m_writes == 0)
                Q_EMIT writesSettled();
        });
}

} // namespace ke
