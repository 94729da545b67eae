#include "knowledgeview.h"

#include "splitter.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ke {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int TextRole = Qt::UserRole + 2;

QString str(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble());
    }
    return {};
}

double num(const QJsonObject &o, std::initializer_list<const char *> keys, double fallback = 0)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isDouble())
            return v.toDouble();
    }
    return fallback;
}

QString when(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return iso;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QTreeWidget *makeTree(QWidget *parent, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    tree->setUniformRowHeights(true);
    tree->setWordWrap(false);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return tree;
}

QGroupBox *box(const QString &title, QWidget *content, QLayout *extra = nullptr)
{
    auto *group = new QGroupBox(title);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(content, 1);
    if (extra)
        layout->addLayout(extra);
    return group;
}

} // namespace

KnowledgeView::KnowledgeView(QWidget *parent)
    : QWidget(parent)
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
    m_stats->setObjectName(QStringLiteral("knowledgeStats"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    m_quirks = makeTree(this, {tr("Quirk"), tr("Author"), tr("Confirmed"), tr("Last edited")});
    m_quirks->setObjectName(QStringLiteral("quirkList"));
    connect(m_quirks, &QTreeWidget::itemSelectionChanged, this, &KnowledgeView::updateQuirkButtons);
    m_addQuirk = new QPushButton(tr("Add…"), this);
    m_editQuirk = new QPushButton(tr("Edit…"), this);
    m_confirmQuirk = new QPushButton(tr("Confirm"), this);
    m_retireQuirk = new QPushButton(tr("Retire…"), this);
    m_confirmQuirk->setToolTip(tr("Say that you have seen this quirk too"));
    connect(m_addQuirk, &QPushButton::clicked, this,
            [this]() { Q_EMIT addQuirkRequested(m_datasetId); });
    connect(m_editQuirk, &QPushButton::clicked, this, [this]() {
        QString text;
        const QUuid id = selectedQuirk(&text);
        if (!id.isNull())
            Q_EMIT editQuirkRequested(id, text);
    });
    connect(m_confirmQuirk, &QPushButton::clicked, this, [this]() {
        const QUuid id = selectedQuirk();
        if (!id.isNull())
            Q_EMIT confirmQuirkRequested(id);
    });
    connect(m_retireQuirk, &QPushButton::clicked, this, [this]() {
        QString text;
        const QUuid id = selectedQuirk(&text);
        if (!id.isNull())
            Q_EMIT retireQuirkRequested(id, text);
    });
    auto *quirkButtons = new QHBoxLayout;
    quirkButtons->addWidget(m_addQuirk);
    quirkButtons->addWidget(m_editQuirk);
    quirkButtons->addWidget(m_confirmQuirk);
    quirkButtons->addWidget(m_retireQuirk);
    quirkButtons->addStretch(1);

    m_findings = makeTree(this, {tr("Finding"), tr("Type"), tr("Confidence"), tr("Score")});
    m_findings->setToolTip(tr("Double-click a finding to open its investigation"));
    connect(m_findings, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QUuid id = item->data(0, IdRole).toUuid();
        if (!id.isNull())
            Q_EMIT investigationRequested(id);
    });
    m_owners = makeTree(this, {tr("Person"), tr("Share")});

    m_issues = new QChartView(this);
    m_issues->setRenderHint(QPainter::Antialiasing);
    m_issues->setMinimumHeight(200);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(box(tr("Known quirks"), m_quirks, quirkButtons), 2);
    leftLayout->addWidget(box(tr("Top findings"), m_findings), 3);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(box(tr("Common issues"), m_issues), 3);
    rightLayout->addWidget(box(tr("Who knows it best"), m_owners), 2);
    auto *split = splitInTwo(Qt::Horizontal, left, right, 3, 2, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_stats);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    setKnowledge({});
}

void KnowledgeView::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QUuid KnowledgeView::selectedQuirk(QString *text) const
{
    const auto items = m_quirks->selectedItems();
    if (items.isEmpty())
        return {};
    if (text)
        *text = items.first()->data(0, TextRole).toString();
    return items.first()->data(0, IdRole).toUuid();
}

void KnowledgeView::updateQuirkButtons()
{
    const bool selected = !selectedQuirk().isNull();
    m_addQuirk->setEnabled(!m_datasetId.isNull());
    m_editQuirk->setEnabled(selected);
    m_confirmQuirk->setEnabled(selected);
    m_retireQuirk->setEnabled(selected);
}

void KnowledgeView::setKnowledge(const QJsonObject &k)
{
    m_datasetId = QUuid::fromString(k.value(QLatin1String("dataset_id")).toString());
    setMessage({});
    if (m_datasetId.isNull()) {
        m_title->setText(tr("Select a dataset to see what your team knows about it."));
        m_stats->clear();
    } else {
        m_title->setText(k.value(QLatin1String("name")).toString());
        const QString last = k.value(QLatin1String("last_investigation_at")).toString();
        m_stats->setText(
            tr("<b>%1</b> investigations · <b>▲ %2</b> helpful · <b>▼ %3</b> not helpful · last "
               "investigation %4")
                .arg(int(num(k, {"investigation_count"})))
                .arg(int(num(k, {"positive_feedback_count"})))
                .arg(int(num(k, {"negative_feedback_count"})))
                .arg(last.isEmpty() ? tr("never") : when(last)));
    }

    m_quirks->clear();
    const QJsonArray quirks = k.value(QLatin1String("known_quirks")).toArray();
    for (const QJsonValue &v : quirks) {
        const QJsonObject q = v.toObject();
        auto *item = new QTreeWidgetItem(m_quirks);
        const QString text = str(q, {"text"});
        item->setText(0, text);
        item->setToolTip(0, text);
        item->setText(1, str(q, {"author_name", "author_handle", "author", "author_id"}));
        item->setText(2, QString::number(int(num(q, {"confirmations", "confirmed_count"}))));
        item->setText(3, when(str(q, {"last_edited_at", "edited_at", "updated_at", "created_at"})));
        item->setData(0, IdRole, QUuid::fromString(str(q, {"quirk_id", "id"})));
        item->setData(0, TextRole, text);
    }
    if (quirks.isEmpty() && !m_datasetId.isNull()) {
        auto *item = new QTreeWidgetItem(m_quirks);
        item->setText(0, tr("No quirks known yet — add what surprised you."));
        item->setFlags(Qt::NoItemFlags);
    }

    m_findings->clear();
    const QJsonArray findings = k.value(QLatin1String("top_findings")).toArray();
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        auto *item = new QTreeWidgetItem(m_findings);
        item->setText(0, str(f, {"summary"}));
        item->setToolTip(0, str(f, {"summary"}));
        const QString type = str(f, {"finding_type", "type"});
        item->setText(1,
                      type == QLatin1String("root_cause")           ? tr("root cause")
                          : type == QLatin1String("observation")    ? tr("observation")
                          : type == QLatin1String("recommendation") ? tr("recommendation")
                                                                    : type);
        const double conf = num(f, {"confidence"}, -1);
        item->setText(2, conf < 0 ? QString() : QStringLiteral("%1 %").arg(qRound(conf * 100)));
        item->setText(3, QLocale().toString(num(f, {"feedback_score"}), 'f', 2));
        item->setData(0, IdRole, QUuid::fromString(str(f, {"investigation_id"})));
    }

    m_owners->clear();
    const QJsonArray owners = k.value(QLatin1String("owners")).toArray();
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        auto *item = new QTreeWidgetItem(m_owners);
        item->setText(0, str(o, {"display_name", "name", "handle", "actor_id", "person_id"}));
        item->setText(1, QStringLiteral("%1 %").arg(qRound(num(o, {"share"}) * 100)));
    }

    // Common issues: a horizontal bar chart, most frequent on top.
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    const QJsonArray issues = k.value(QLatin1String("common_issues")).toArray();
    auto *set = new QBarSet(tr("Investigations"));
    QStringList labels;
    int maxCount = 0;
    const int shown = std::min<int>(int(issues.size()), 8);
    for (int i = shown - 1; i >= 0; --i) { // bottom-up, so the top issue is drawn on top
        const QJsonObject issue = issues.at(i).toObject();
        QString label = str(issue, {"label", "issue", "theme", "anomaly_type", "type"});
        if (label.size() > 40)
            label = label.left(39) + QChar(0x2026);
        labels << label;
        const int count = int(num(issue, {"count"}));
        *set << count;
        maxCount = std::max(maxCount, count);
    }
    if (shown > 0) {
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(labels);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto *axisX = new QValueAxis;
        axisX->setRange(0, std::max(1, maxCount));
        axisX->setLabelFormat(QStringLiteral("%d"));
        axisX->setTickCount(std::min(maxCount, 5) + 1);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
    } else {
        delete set;
        chart->setTitle(m_datasetId.isNull() ? QString() : tr("No issues recorded yet"));
    }
    QChart *old = m_issues->chart();
    m_issues->setChart(chart);
    delete old;
    updateQuirkButtons();
}

} // namespace ke
