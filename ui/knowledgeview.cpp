#include "knowledgeview.h"

#include "activitydialog.h"
#include "catalogue.h"
#include "knowledgecharts.h"
#include "personwrite.h"

#include "knowledgeclient.h"
#include "quirkbook.h"
#include "quirkeditor.h"
#include "relativetime.h"
#include <memory>

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace ke {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

enum EditorMode { AddMode, EditMode, RetireMode, HistoryMode };

QString handle(const QString &name)
{
    return name.isEmpty() ? QString() : QStringLiteral("@") + name;
}

/// A section of the page: a bold heading over its content (the heading alone is bold).
QWidget *section(const QString &title, QWidget *parent, QVBoxLayout **content,
                 QLabel **heading = nullptr)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(title, box);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->setSpacing(4);
    layout->addWidget(label);
    *content = layout;
    if (heading)
        *heading = label;
    return box;
}

/// A section whose content is a list of rows (findings, activity): the rows' widget named
/// `name` for tests and screen readers, and its layout in `rows`.
QWidget *listSection(const QString &title, const QString &name, const QString &accessibleName,
                     int spacing, QWidget *parent, QWidget **list, QVBoxLayout **rows)
{
    QVBoxLayout *layout = nullptr;
    QWidget *box = section(title, parent, &layout);
    *list = new QWidget(box);
    (*list)->setObjectName(name);
    (*list)->setAccessibleName(accessibleName);
    *rows = new QVBoxLayout(*list);
    (*rows)->setContentsMargins(0, 0, 0, 0);
    (*rows)->setSpacing(spacing);
    layout->addWidget(*list);
    return box;
}

QChartView *chartView(const QString &name, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    view->setFocusPolicy(Qt::NoFocus);
    return view;
}

void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

KnowledgeView::KnowledgeView(KnowledgeClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_title = new QLabel(tr("Select a dataset to see what your team knows about it."), this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("knowledgeTitle"));
    m_stats = new QLabel(this);
    m_stats->setTextFormat(Qt::RichText);
    m_stats->setWordWrap(true);
    m_stats->setObjectName(QStringLiteral("knowledgeStats"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("knowledgeMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    // Search this dataset's history, results inline.
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("knowledgeSearch"));
    m_search->setPlaceholderText(tr("Search this dataset's history…"));
    m_search->setAccessibleName(tr("Search this dataset's history"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, this, [this]() { m_searchTimer->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        m_searchTimer->stop();
        runSearch();
    });
    connect(m_searchTimer, &QTimer::timeout, this, &KnowledgeView::runSearch);
    m_searchResults = new QListWidget(this);
    m_searchResults->setObjectName(QStringLiteral("knowledgeSearchResults"));
    m_searchResults->setAccessibleName(tr("Search results"));
    m_searchResults->setWordWrap(true);
    m_searchResults->setMaximumHeight(180);
    m_searchResults->setVisible(false);
    connect(m_searchResults, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QUuid id = item->data(IdRole).toUuid();
        if (!id.isNull() && id != m_datasetId)
            Q_EMIT investigationRequested(id);
    });
    m_searchNote = new QLabel(this);
    m_searchNote->setWordWrap(true);
    m_searchNote->setVisible(false);

    // Left: quirks, findings, activity (scrolls).
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);

    QVBoxLayout *quirkLayout = nullptr;
    QWidget *quirks = section(tr("Known quirks"), left, &quirkLayout);
    m_quirksTitle = new QLabel(quirks);
    m_quirksTitle->setForegroundRole(QPalette::PlaceholderText);
    m_addQuirk = new QPushButton(tr("+ Add note"), quirks);
    m_addQuirk->setObjectName(QStringLiteral("addQuirk"));
    m_addQuirk->setToolTip(tr("Write down a quirk of this dataset for everybody"));
    connect(m_addQuirk, &QPushButton::clicked, this,
            [this]() { openEditor(AddMode, KnownQuirk{}); });
    auto *quirkHeader = new QHBoxLayout;
    quirkHeader->addWidget(m_quirksTitle, 1);
    quirkHeader->addWidget(m_addQuirk);
    m_quirkCards = new QVBoxLayout;
    m_quirkCards->setSpacing(6);
    m_moreQuirks = new QPushButton(quirks);
    m_moreQuirks->setObjectName(QStringLiteral("moreQuirks"));
    m_moreQuirks->setFlat(true);
    connect(m_moreQuirks, &QPushButton::clicked, this, [this]() {
        m_allQuirks = !m_allQuirks;
        showQuirks();
    });
    quirkLayout->addLayout(quirkHeader);
    quirkLayout->addLayout(m_quirkCards);
    quirkLayout->addWidget(m_moreQuirks, 0, Qt::AlignLeft);

    QWidget *findings
        = listSection(tr("Top findings (by feedback score)"), QStringLiteral("findingList"),
                      tr("Top findings"), 6, left, &m_findings, &m_findingRows);

    QWidget *activity = listSection(tr("Recent activity"), QStringLiteral("recentActivity"),
                                    tr("Recent activity"), 4, left, &m_activity, &m_activityRows);
    m_allActivity = new QPushButton(tr("Show all"), activity);
    m_allActivity->setObjectName(QStringLiteral("allActivity"));
    connect(m_allActivity, &QPushButton::clicked, this, &KnowledgeView::showAllActivity);
    activity->layout()->addWidget(m_allActivity);
    activity->layout()->setAlignment(m_allActivity, Qt::AlignRight);

    leftLayout->addWidget(quirks);
    leftLayout->addWidget(findings);
    leftLayout->addWidget(activity);
    leftLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Right: the charts.
    auto *right = new QWidget(this);
    right->setObjectName(QStringLiteral("knowledgeCharts"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    const auto chartBox = [right, rightLayout](const QString &title, QChartView *view) {
        QVBoxLayout *l = nullptr;
        QWidget *box = section(title, right, &l);
        view->setAccessibleName(title);
        l->addWidget(view, 1);
        rightLayout->addWidget(box, 1);
    };
    m_weeklyChart = chartView(QStringLiteral("weeklyChart"), right);
    m_feedbackChart = chartView(QStringLiteral("feedbackChart"), right);
    m_issuesChart = chartView(QStringLiteral("issuesChart"), right);
    m_issuesChart->setMinimumHeight(210);
    chartBox(tr("Investigations per week (last six months)"), m_weeklyChart);
    chartBox(tr("👍 / 👎 per week, on that week's investigations"), m_feedbackChart);
    chartBox(tr("Common issues"), m_issuesChart);
    m_chartNote = new QLabel(right);
    m_chartNote->setWordWrap(true);
    m_chartNote->setVisible(false);
    rightLayout->addWidget(m_chartNote);

    auto *columns = new QHBoxLayout;
    columns->addWidget(scroll, 1);
    columns->addWidget(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_stats);
    layout->addWidget(m_message);
    layout->addWidget(m_search);
    layout->addWidget(m_searchNote);
    layout->addWidget(m_searchResults);
    layout->addLayout(columns, 1);
    showPage({});
}

void KnowledgeView::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void KnowledgeView::begin()
{
    ++m_pending;
}

void KnowledgeView::end()
{
    if (--m_pending == 0)
        Q_EMIT settled();
}

void KnowledgeView::setDataset(const QUuid &id, const QString &name)
{
    if (id != m_datasetId) {
        m_allQuirks = false;
        m_search->clear();
        m_searchResults->clear();
        m_searchResults->setVisible(false);
        m_searchNote->setVisible(false);
    }
    m_datasetId = id;
    m_name = name;
    if (!name.isEmpty())
        m_title->setText(name);
    reload();
}

void KnowledgeView::reload()
{
    if (m_datasetId.isNull())
        return;
    const int generation = ++m_generation;
    const QString id = m_datasetId.toString(QUuid::WithoutBraces);
    // Three reads at once on the client's pool, then the cards' quirk histories; the page is
    // built once, when the last has answered.
    auto page = std::make_shared<KnowledgePage>();
    auto waiting = std::make_shared<int>(3);
    auto failure = std::make_shared<QString>();
    const auto arrived = [this, generation, page, waiting, failure]() {
        if (--*waiting > 0)
            return;
        if (generation == m_generation) {
            if (!failure->isEmpty()) {
                const QString error = tr("Could not load the knowledge: %1").arg(*failure);
                setMessage(m_writeNote.isEmpty() ? error : m_writeNote + QLatin1Char('\n') + error);
                m_writeNote.clear();
            } else {
                Q_EMIT readFrom(page->knowledge.offline, page->knowledge.asOf,
                                page->knowledge.note);
                showPage(*page);
            }
        }
        end();
    };
    begin();
    m_client->knowledge(
        this, id,
        [this, page, waiting, failure, arrived](const Result<Browsed<DatasetKnowledge>> &r) {
            if (!r) {
                *failure = r.error().message;
                arrived();
                return;
            }
            page->knowledge = *r;
            const QList<KnownQuirk> &quirks = r->value.knownQuirks;
            const int shown = int(std::min<qsizetype>(quirks.size(), quirksShown));
            *waiting += shown;
            for (int i = 0; i < shown; ++i) {
                const QString quirkId = quirks.at(i).quirkId;
                m_client->quirkHistory(
                    this, quirkId,
                    [page, quirkId, arrived](const Result<Browsed<QList<QuirkHistoryEntry>>> &h) {
                        if (h) {
                            for (const QuirkHistoryEntry &e : h->value) {
                                const QJsonValue scope = e.data.value(QLatin1String("applies_to"));
                                if (scope.isString())
                                    page->scopes.insert(quirkId, scope.toString());
                            }
                        }
                        arrived();
                    });
            }
            arrived();
        });
    m_client->activity(this, id, activityShown, {},
                       [page, arrived](const Result<Browsed<ActivityPage>> &r) {
                           if (r) {
                               page->activity = r->value.items;
                               page->moreActivity = !r->value.nextCursor.isEmpty();
                           }
                           arrived();
                       });
    m_client->investigations(
        this, id, investigationsRead,
        [page, arrived](const Result<Browsed<QList<InvestigationSummary>>> &r) {
            if (r)
                page->investigations = r->value;
            else
                page->investigationsError = r.error().message;
            arrived();
        });
}

void KnowledgeView::showPage(const KnowledgePage &page)
{
    m_page = page;
    setMessage(m_writeNote); // what became of the person's last change outlives the reload
    m_writeNote.clear();
    const bool any = !m_datasetId.isNull();
    m_search->setEnabled(any);
    m_addQuirk->setEnabled(any);
    showSummary();
    showQuirks();
    showFindings();
    showActivity();
    showCharts();
}

void KnowledgeView::showSummary()
{
    const DatasetKnowledge &k = m_page.knowledge.value;
    if (m_datasetId.isNull()) {
        m_title->setText(tr("Select a dataset to see what your team knows about it."));
        m_stats->clear();
        return;
    }
    if (!k.name.isEmpty())
        m_title->setText(k.name);
    QStringList parts;
    parts << tr("<b>%n</b> investigations", nullptr, k.investigationCount);
    parts << tr("👍 <b>%1</b> / 👎 <b>%2</b>")
                 .arg(k.positiveFeedbackCount)
                 .arg(k.negativeFeedbackCount);
    parts << (k.lastInvestigationAt.isValid()
                  ? tr("last investigation %1").arg(RelativeTime::ago(k.lastInvestigationAt))
                  : tr("no investigation yet"));
    QStringList owners;
    for (int i = 0; i < k.owners.size() && i < 3; ++i) {
        const DatasetOwner &o = k.owners.at(i);
        owners << (o.handle.isEmpty() ? o.displayName : handle(o.handle)).toHtmlEscaped();
    }
    if (!owners.isEmpty())
        parts << tr("knows it best: %1").arg(owners.join(QStringLiteral(", ")));
    m_stats->setText(parts.join(QStringLiteral(" · ")));
    QStringList tip;
    if (k.lastInvestigationAt.isValid())
        tip << tr("Last investigation: %1").arg(RelativeTime::exact(k.lastInvestigationAt));
    for (const DatasetOwner &o : k.owners)
        tip << tr("%1: %2 % of the work on this dataset")
                   .arg(o.handle.isEmpty() ? o.displayName : handle(o.handle))
                   .arg(qRound(o.share * 100));
    m_stats->setToolTip(tip.join(QLatin1Char('\n')));
}

QWidget *KnowledgeView::quirkCard(const KnownQuirk &q)
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("quirkCard"));
    card->setProperty("quirkId", q.quirkId);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAccessibleName(tr("Quirk: %1").arg(q.text));
    card->setBackgroundRole(QPalette::Base);
    card->setAutoFillBackground(true);
    auto *text = new QLabel(q.text, card);
    text->setObjectName(QStringLiteral("quirkCardText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList meta;
    if (!q.author.isEmpty())
        meta << handle(q.author);
    meta << RelativeTime::ago(q.createdAt);
    if (q.confirmations > 0)
        meta << tr("confirmed by %n", nullptr, q.confirmations);
    if (q.lastEditedAt.isValid())
        meta << tr("edited %1").arg(RelativeTime::ago(q.lastEditedAt));
    // The reader's own change that waits in the outbox (not yet in the database).
    if (q.pending == QLatin1String("added"))
        meta << tr("⏳ your note waits in the outbox");
    else if (q.pending == QLatin1String("edited"))
        meta << tr("⏳ your edit waits in the outbox");
    else if (q.pending == QLatin1String("confirmed"))
        meta << tr("⏳ your confirmation waits in the outbox");
    else if (q.pending == QLatin1String("retired"))
        meta << tr("⏳ your retirement waits in the outbox");
    const QString scope = m_page.scopes.value(q.quirkId);
    if (!scope.isEmpty())
        meta << tr("applies to %1").arg(QuirkScope::fromStored(scope).describe());
    auto *info = new QLabel(meta.join(QStringLiteral(" · ")), card);
    info->setObjectName(QStringLiteral("quirkCardMeta"));
    info->setWordWrap(true);
    info->setForegroundRole(QPalette::PlaceholderText);
    QStringList tip{tr("Added %1").arg(RelativeTime::exact(q.createdAt))};
    if (q.lastEditedAt.isValid())
        tip << tr("Last edited %1").arg(RelativeTime::exact(q.lastEditedAt));
    info->setToolTip(tip.join(QLatin1Char('\n')));

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    const auto action
        = [card, actions](const QString &label, const QString &name, const QString &tip) {
              auto *b = new QPushButton(label, card);
              b->setObjectName(name);
              b->setToolTip(tip);
              b->setFlat(true);
              actions->addWidget(b);
              return b;
          };
    const QUuid id = QUuid::fromString(q.quirkId);
    connect(action(tr("Edit…"), QStringLiteral("quirkEdit"),
                   tr("Change the text; the earlier "
                      "one stays in the history")),
            &QPushButton::clicked, this, [this, q]() { openEditor(EditMode, q); });
    connect(action(tr("Confirm"), QStringLiteral("quirkConfirm"),
                   tr("Say that you have seen this quirk too")),
            &QPushButton::clicked, this, [this, id]() { confirmQuirk(id); });
    connect(action(tr("Retire…"), QStringLiteral("quirkRetire"),
                   tr("It is no longer true: take it off this page")),
            &QPushButton::clicked, this, [this, q]() { openEditor(RetireMode, q); });
    connect(
        action(tr("History"), QStringLiteral("quirkHistory"), tr("Every version, who and when")),
        &QPushButton::clicked, this, [this, q]() { openEditor(HistoryMode, q); });
    actions->addStretch(1);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(2);
    layout->addWidget(text);
    layout->addWidget(info);
    layout->addLayout(actions);
    return card;
}

void KnowledgeView::showQuirks()
{
    for (QWidget *card : std::as_const(m_cards))
        delete card;
    m_cards.clear();
    const QList<KnownQuirk> &quirks = m_page.knowledge.value.knownQuirks;
    m_quirksTitle->setText(quirks.isEmpty() ? QString()
                                            : tr("%n quirk(s)", nullptr, int(quirks.size())));
    // Cards are widgets: a few at first, a bounded number when all are asked for.
    constexpr int allLimit = 200;
    const int shown = int(std::min<qsizetype>(quirks.size(), m_allQuirks ? allLimit : quirksShown));
    for (int i = 0; i < shown; ++i) {
        QWidget *card = quirkCard(quirks.at(i));
        m_quirkCards->addWidget(card);
        m_cards << card;
    }
    if (quirks.isEmpty() && !m_datasetId.isNull()) {
        auto *empty = new QLabel(tr("No quirks known yet — add what surprised you."));
        empty->setWordWrap(true);
        m_quirkCards->addWidget(empty);
        m_cards << empty;
    }
    m_moreQuirks->setVisible(quirks.size() > quirksShown);
    m_moreQuirks->setText(m_allQuirks ? tr("Show fewer")
                                      : tr("Show all %n quirks", nullptr, int(quirks.size())));
    if (m_allQuirks && quirks.size() > allLimit) {
        auto *note
            = new QLabel(tr("Showing the first %1 of %2 quirks.").arg(allLimit).arg(quirks.size()));
        m_quirkCards->addWidget(note);
        m_cards << note;
    }
}

/// A row of text that wraps, with links opening investigations ("inv:<uuid>").
QLabel *KnowledgeView::row(const QString &html, const QString &tip)
{
    auto *label = new QLabel(html);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setToolTip(tip);
    connect(label, &QLabel::linkActivated, this, [this](const QString &link) {
        const QUuid id = QUuid::fromString(link.mid(4));
        if (link.startsWith(QLatin1String("inv:")) && !id.isNull() && id != m_datasetId)
            Q_EMIT investigationRequested(id);
    });
    return label;
}

void KnowledgeView::showFindings()
{
    qDeleteAll(m_findingWidgets);
    m_findingWidgets.clear();
    QHash<QUuid, const InvestigationSummary *> byId;
    for (const InvestigationSummary &s : m_page.investigations)
        byId.insert(s.investigationId, &s);
    const QList<DatasetFinding> &findings = m_page.knowledge.value.topFindings;
    for (const DatasetFinding &f : findings) {
        const InvestigationSummary *inv = byId.value(f.investigationId);
        QStringList facts{FindingTypes::label(f.findingType)};
        if (f.confidence)
            facts << tr("confidence %1 %").arg(qRound(*f.confidence * 100));
        facts << QStringLiteral("<a href=\"inv:%1\">%2</a>")
                     .arg(f.investigationId.toString(QUuid::WithoutBraces),
                          tr("open investigation").toHtmlEscaped());
        const QString html
            = QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2<br><small>%3</small>")
                  .arg(inv ? QStringLiteral("👍&nbsp;%1").arg(inv->positive) : QString(),
                       f.summary.toHtmlEscaped(), facts.join(QStringLiteral(" · ")));
        const QString score = QLocale().toString(f.feedbackScore, 'f', 2);
        const QString tip = inv ? tr("Feedback score %1 — 👍 %2 / 👎 %3 on its investigation "
                                     "(%4)")
                                      .arg(score)
                                      .arg(inv->positive)
                                      .arg(inv->negative)
                                      .arg(RelativeTime::ago(inv->startedAt))
                                : tr("Feedback score %1").arg(score);
        QLabel *label = row(html, tip);
        label->setObjectName(QStringLiteral("finding"));
        m_findingRows->addWidget(label);
        m_findingWidgets << label;
    }
    if (findings.isEmpty() && !m_datasetId.isNull()) {
        QLabel *label = row(tr("No findings yet — they come from completed investigations."), {});
        m_findingRows->addWidget(label);
        m_findingWidgets << label;
    }
}

void KnowledgeView::showActivity()
{
    qDeleteAll(m_activityWidgets);
    m_activityWidgets.clear();
    for (const ActivityItem &a : m_page.activity) {
        QString html = QStringLiteral("<b>%1</b> — ").arg(RelativeTime::day(a.createdAt));
        if (!a.actor.isEmpty())
            html += tr("%1: %2").arg(handle(a.actor), a.text).toHtmlEscaped();
        else
            html += a.text.toHtmlEscaped();
        if (!a.investigationId.isNull() && a.investigationId != m_datasetId)
            html += QStringLiteral(" <small><a href=\"inv:%1\">%2</a></small>")
                        .arg(a.investigationId.toString(QUuid::WithoutBraces),
                             tr("open").toHtmlEscaped());
        QLabel *label = row(html, RelativeTime::exact(a.createdAt));
        label->setObjectName(QStringLiteral("activityItem"));
        m_activityRows->addWidget(label);
        m_activityWidgets << label;
    }
    if (m_page.activity.isEmpty() && !m_datasetId.isNull()) {
        QLabel *label = row(tr("Nothing happened here yet."), {});
        m_activityRows->addWidget(label);
        m_activityWidgets << label;
    }
    m_allActivity->setEnabled(!m_page.activity.isEmpty());
}

void KnowledgeView::showCharts()
{
    const QList<WeekBucket> weeks
        = KnowledgeCharts::weekly(m_page.investigations, QDate::currentDate());
    replaceChart(m_weeklyChart, KnowledgeCharts::investigationsChart(weeks, palette()));
    int investigations = 0, up = 0, down = 0;
    for (const WeekBucket &b : weeks) {
        investigations += b.investigations;
        up += b.positive;
        down += b.negative;
    }
    // What the bars say, for a screen reader.
    m_weeklyChart->setAccessibleDescription(
        tr("%n investigation(s) in the last six months", nullptr, investigations));
    m_feedbackChart->setAccessibleDescription(
        tr("👍 %1 · 👎 %2 in the last six months").arg(up).arg(down));
    replaceChart(m_feedbackChart, KnowledgeCharts::feedbackChart(weeks, palette()));
    replaceChart(m_issuesChart,
                 KnowledgeCharts::issuesChart(m_page.knowledge.value.commonIssues, palette()));
    const QString note = !m_page.investigationsError.isEmpty()
        ? tr("The weekly charts are empty: %1").arg(m_page.investigationsError)
        : m_page.investigations.size() >= investigationsRead
        ? tr("The weekly charts count the latest %1 investigations.").arg(investigationsRead)
        : QString();
    m_chartNote->setText(note);
    m_chartNote->setVisible(!note.isEmpty());
}

void KnowledgeView::restyleCharts()
{
    for (QChartView *view : {m_weeklyChart, m_feedbackChart, m_issuesChart})
        if (view->chart())
            KnowledgeCharts::style(view->chart(), palette());
}

void KnowledgeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyleCharts();
    QWidget::changeEvent(event);
}

void KnowledgeView::openEditor(int mode, const KnownQuirk &q)
{
    if (m_datasetId.isNull())
        return;
    auto *editor = new QuirkEditor(m_client, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = QUuid::fromString(q.quirkId);
    switch (mode) {
    case AddMode:
        editor->startAdd(m_datasetId,
                         m_page.knowledge.value.name.isEmpty() ? m_name
                                                               : m_page.knowledge.value.name);
        break;
    case EditMode:
        editor->startEdit(id, q.text, m_page.scopes.value(q.quirkId), m_datasetId);
        break;
    case RetireMode:
        editor->startRetire(id, q.text);
        break;
    default:
        editor->startHistory(id, q.text);
        break;
    }
    connect(editor, &QDialog::accepted, this, [this, editor]() {
        const WriteOutcome &o = editor->outcome();
        m_writeNote = o.queued ? tr("Your change is %1.").arg(queuedMessage(o)) : QString();
        setMessage(m_writeNote);
        reload();
        Q_EMIT outboxChanged();
    });
    editor->open();
}

void KnowledgeView::confirmQuirk(const QUuid &quirkId)
{
    begin();
    m_client->write(
        this, [quirkId](Database *) { return QuirkBook::prepareConfirm(quirkId); },
        [this](const Result<WriteOutcome> &r) {
            if (!r)
                setMessage(tr("Could not confirm the quirk: %1").arg(r.error().message));
            else if (r->queued)
                m_writeNote = tr("Your confirmation is %1.").arg(queuedMessage(*r));
            if (r)
                setMessage(m_writeNote);
            if (r) {
                reload();
                Q_EMIT outboxChanged();
            }
            end();
        });
}

void KnowledgeView::showAllActivity()
{
    auto *dialog = new ActivityDialog(
        m_client, m_datasetId,
        m_page.knowledge.value.name.isEmpty() ? m_name : m_page.knowledge.value.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ActivityDialog::investigationRequested, this,
            &KnowledgeView::investigationRequested);
    dialog->show();
}

void KnowledgeView::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (m_searchJob) { // superseded: its answer is dropped, so it ends here
        m_searchJob->cancel();
        m_searchJob.clear();
        end();
    }
    if (text.isEmpty() || m_datasetId.isNull()) {
        m_searchResults->clear();
        m_searchResults->setVisible(false);
        m_searchNote->setVisible(false);
        return;
    }
    SearchRequest request;
    request.text = text;
    request.limit = 8;
    request.datasetId = m_datasetId.toString(QUuid::WithoutBraces);
    begin();
    m_searchJob = m_client->search(this, request, false, [this](const Result<SearchOutcome> &r) {
        m_searchJob.clear();
        {
            m_searchResults->clear();
            if (!r) {
                m_searchNote->setText(tr("Search failed: %1").arg(r.error().message));
                m_searchNote->setVisible(true);
                m_searchResults->setVisible(false);
            } else {
                for (const SearchResult &s : r->results) {
                    QString snippet = s.snippet;
                    snippet.remove(QChar(0xab)).remove(QChar(0xbb));
                    auto *item
                        = new QListWidgetItem(tr("%1 · %2 — %3")
                                                  .arg(SourceTypes::label(s.sourceType),
                                                       RelativeTime::ago(s.createdAt), snippet),
                                              m_searchResults);
                    item->setToolTip(s.snippet + QStringLiteral("\n\n")
                                     + RelativeTime::exact(s.createdAt));
                    item->setData(IdRole, QUuid::fromString(s.investigationId));
                }
                const QString note = r->results.isEmpty()
                    ? tr("Nothing in this dataset's history matches “%1”.")
                          .arg(m_search->text().trimmed())
                    : r->note;
                m_searchNote->setText(note);
                m_searchNote->setVisible(!note.isEmpty());
                m_searchResults->setVisible(!r->results.isEmpty());
            }
        }
        end();
    });
}

} // namespace ke
