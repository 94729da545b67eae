#include "outboxdialog.h"

#include "backgroundtask.h"
#include "database.h"
#include "outboxwriter.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ke {

namespace {

enum Column { StateColumn, WhatColumn, WhenColumn, ReasonColumn };

/// The event_data key of what the person typed in this event, or empty.
QString typedKey(const Event &event)
{
    const QString type = event.eventType;
    if (type == QLatin1String("quirk.added") || type == QLatin1String("quirk.edited")
        || type == QLatin1String("comment.added"))
        return QStringLiteral("text");
    if (type == QLatin1String("quirk.retired"))
        return QStringLiteral("reason");
    if (type.startsWith(QLatin1String("feedback.")))
        return QStringLiteral("comment");
    return {};
}

/// This window's entries: those of its login and tenant (all of its login's when it was
/// never online as that tenant).
Result<std::vector<OutboxEntry>> readEntries(const ConnectionSettings &settings)
{
    auto box = Outbox::openFor(settings);
    if (!box)
        return box.error();
    auto who = (*box)->identity(settings);
    if (who)
        return (*box)->entries({}, who->tenantId, who->login);
    return (*box)->entries({}, QUuid(), Outbox::loginOf(settings));
}

} // namespace

OutboxDialog::OutboxDialog(const ConnectionSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Outbox"));
    resize(980, 420);

    auto *intro = new QLabel(tr("Changes you made while the database could not be reached wait "
                                "here and are sent in the order you made them. Those the "
                                "database refused need your attention: resend or discard them."),
                             this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("State"), tr("Change"), tr("Made"), tr("Reason")});
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this]() {
        showSelected();
        updateButtons();
    });

    m_details = new QGroupBox(tr("Selected change"), this);
    m_theirs = new QLabel(m_details);
    m_theirs->setObjectName(QStringLiteral("outboxTheirs"));
    m_theirs->setWordWrap(true);
    m_theirs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_yours = new QPlainTextEdit(m_details);
    m_yours->setObjectName(QStringLiteral("outboxYours"));
    m_yours->setAccessibleName(tr("Your text"));
    m_yours->setTabChangesFocus(true);
    m_yours->setMaximumHeight(90);
    m_theirsText = new QPlainTextEdit(m_details);
    m_theirsText->setObjectName(QStringLiteral("outboxTheirsText"));
    m_theirsText->setAccessibleName(tr("The version in the database"));
    m_theirsText->setReadOnly(true);
    m_theirsText->setTabChangesFocus(true);
    m_theirsText->setMaximumHeight(90);
    auto *yoursLabel = new QLabel(tr("&Yours (edit before resending):"), m_details);
    yoursLabel->setBuddy(m_yours);
    m_theirsLabel = new QLabel(tr("In the database now:"), m_details);
    auto *detailsLayout = new QGridLayout(m_details);
    detailsLayout->addWidget(m_theirs, 0, 0, 1, 2);
    detailsLayout->addWidget(m_theirsLabel, 1, 0);
    detailsLayout->addWidget(yoursLabel, 1, 1);
    detailsLayout->addWidget(m_theirsText, 2, 0);
    detailsLayout->addWidget(m_yours, 2, 1);
    m_details->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("outboxMessage"));
    m_message->setWordWrap(true);

    m_deliver = new QPushButton(tr("&Deliver now"), this);
    m_deliver->setObjectName(QStringLiteral("outboxDeliver"));
    m_resend = new QPushButton(tr("&Resend"), this);
    m_resend->setObjectName(QStringLiteral("outboxResend"));
    m_resend->setToolTip(tr("Send a refused change again, as made now"));
    m_discard = new QPushButton(tr("D&iscard"), this);
    m_discard->setObjectName(QStringLiteral("outboxDiscard"));
    m_discard->setToolTip(tr("Give up this change: it is never sent"));
    connect(m_deliver, &QPushButton::clicked, this, &OutboxDialog::deliverNow);
    connect(m_resend, &QPushButton::clicked, this, [this]() { act(false); });
    connect(m_discard, &QPushButton::clicked, this, [this]() { act(true); });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_deliver);
    buttons->addWidget(m_resend);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    updateButtons();
    reload();
}

QString OutboxDialog::describe(const Event &event)
{
    const QString text = event.data.value(QStringLiteral("text")).toString();
    const QString type = event.eventType;
    if (type.startsWith(QLatin1String("feedback."))) {
        const int rating = event.data.value(QStringLiteral("rating")).toInt();
        const QString reason = event.data.value(QStringLiteral("reason")).toString();
        QString what = rating > 0 ? tr("Rating ▲ helpful (%1)").arg(type.mid(9))
                                  : tr("Rating ▼ not helpful (%1)").arg(type.mid(9));
        if (!reason.isEmpty())
            what += QStringLiteral(": ") + reason;
        return what;
    }
    if (type == QLatin1String("comment.added"))
        return tr("Comment: %1").arg(text);
    if (type == QLatin1String("quirk.added"))
        return tr("New quirk: %1").arg(text);
    if (type == QLatin1String("quirk.edited"))
        return tr("Quirk edit: %1").arg(text);
    if (type == QLatin1String("quirk.retired"))
        return tr("Quirk retired: %1").arg(event.data.value(QStringLiteral("reason")).toString());
    if (type == QLatin1String("quirk.confirmed"))
        return tr("Quirk confirmed");
    return type;
}

void OutboxDialog::begin()
{
    ++m_pending;
    updateButtons();
}

void OutboxDialog::end()
{
    if (--m_pending == 0) {
        updateButtons();
        Q_EMIT settled();
    }
}

void OutboxDialog::reload()
{
    begin();
    const ConnectionSettings settings = m_settings;
    runInBackground<std::vector<OutboxEntry>>(
        this, std::function<Result<std::vector<OutboxEntry>>()>([settings]() {
            return readEntries(settings);
        }),
        [this](const Result<std::vector<OutboxEntry>> &r) {
            if (!r)
                m_message->setText(tr("Could not read the outbox: %1").arg(r.error().message));
            else
                showEntries(*r);
            end();
        });
}

void OutboxDialog::showEntries(const std::vector<OutboxEntry> &entries)
{
    m_entries = entries;
    m_list->clear();
    qint64 refused = 0;
    for (const OutboxEntry &e : entries) {
        auto *item = new QTreeWidgetItem(m_list);
        const bool needsAttention = e.state == OutboxEntry::State::Refused;
        refused += needsAttention ? 1 : 0;
        item->setText(StateColumn, needsAttention ? tr("Needs attention") : tr("Pending"));
        item->setText(WhatColumn, describe(e.event));
        item->setText(WhenColumn,
                      QLocale().toString(e.event.createdAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(ReasonColumn, needsAttention ? e.reason : tr("waiting for the database"));
        item->setToolTip(ReasonColumn, e.reason);
        item->setData(StateColumn, Qt::UserRole, e.event.id.toString(QUuid::WithoutBraces));
        if (needsAttention)
            item->setForeground(StateColumn, QColor(0xb0, 0x30, 0x20));
    }
    m_list->resizeColumnToContents(StateColumn);
    m_list->setColumnWidth(WhatColumn, 260);
    m_list->resizeColumnToContents(WhenColumn);
    if (entries.empty())
        m_message->setText(tr("Nothing waits: every change you made is in the database."));
    else if (m_message->text().isEmpty() || m_message->property("auto").toBool()) {
        m_message->setText(tr("%n change(s) waiting", nullptr, int(entries.size() - refused))
                           + QStringLiteral(" · ")
                           + tr("%n need(s) attention", nullptr, int(refused)));
        m_message->setProperty("auto", true);
        return;
    }
    m_message->setProperty("auto", false);
}

void OutboxDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const bool idle = m_pending == 0;
    const int row = item ? m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
    const bool refused = row >= 0 && row < int(m_entries.size())
        && m_entries[size_t(row)].state == OutboxEntry::State::Refused;
    const bool retiredMeanwhile = refused && m_entries[size_t(row)].current
        && m_entries[size_t(row)].current->eventType == QLatin1String("quirk.retired");
    m_discard->setEnabled(idle && item && item->isSelected());
    m_resend->setEnabled(idle && refused && item->isSelected() && !retiredMeanwhile);
    m_deliver->setEnabled(idle);
}

const OutboxEntry *OutboxDialog::selectedEntry() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return nullptr;
    const int row = m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item));
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[size_t(row)] : nullptr;
}

void OutboxDialog::showSelected()
{
    const OutboxEntry *e = selectedEntry();
    m_yoursKey = e ? typedKey(e->event) : QString();
    const bool refused = e && e->state == OutboxEntry::State::Refused;
    const bool conflict = refused && e->current.has_value();
    m_details->setVisible(e && (conflict || (refused && !m_yoursKey.isEmpty())));
    m_resend->setText(conflict ? tr("Keep &mine") : tr("&Resend"));
    m_discard->setText(conflict ? tr("Keep &theirs") : tr("D&iscard"));
    m_resend->setToolTip(conflict ? tr("Send your version, as a change of the one the database "
                                       "holds now")
                                  : tr("Send a refused change again, as made now"));
    m_discard->setToolTip(conflict ? tr("Give up your version: the database's stays")
                                   : tr("Give up this change: it is never sent"));
    if (!e)
        return;
    if (conflict) {
        const QuirkVersion &now = *e->current;
        const QString when = QLocale().toString(now.createdAt.toLocalTime(), QLocale::ShortFormat);
        const QString what = now.eventType == QLatin1String("quirk.retired")
            ? tr("Somebody retired this quirk meanwhile (%1): a retired quirk cannot be changed. "
                 "Copy your text and add it as a new quirk if it still holds, then discard "
                 "this change.")
                  .arg(when)
            : tr("Somebody else changed this quirk meanwhile (%1). Choose which version stays.")
                  .arg(when);
        m_theirs->setText(what);
        m_theirsText->setPlainText(now.text);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_theirs), static_cast<QWidget *>(m_theirsLabel),
                       static_cast<QWidget *>(m_theirsText)})
        w->setVisible(conflict);
    m_yours->setEnabled(!m_yoursKey.isEmpty());
    m_yours->setPlainText(m_yoursKey.isEmpty() ? describe(e->event)
                                               : e->event.data.value(m_yoursKey).toString());
}

void OutboxDialog::act(bool discard)
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(StateColumn, Qt::UserRole).toString();
    // Resent as the person edited it (only what they changed).
    QJsonObject changes;
    if (const OutboxEntry *e = selectedEntry(); e && !discard && !m_yoursKey.isEmpty()) {
        const QString typed = m_yours->toPlainText();
        if (typed != e->event.data.value(m_yoursKey).toString())
            changes.insert(m_yoursKey, typed);
    }
    const ConnectionSettings settings = m_settings;
    begin();
    runInBackground<QString>(
        this,
        std::function<Result<QString>()>([settings, id, discard, changes]() -> Result<QString> {
            auto box = Outbox::openFor(settings);
            if (!box)
                return box.error();
            if (discard) {
                auto gone = (*box)->discard(id);
                if (!gone)
                    return gone.error();
                return tr("Discarded: %1").arg(describe(gone->event));
            }
            auto again = (*box)->resend(id, changes);
            if (!again)
                return again.error();
            return tr("Queued again: %1").arg(describe(*again));
        }),
        [this, discard](const Result<QString> &r) {
            m_message->setProperty("auto", false);
            m_message->setText(r ? *r : r.error().message);
            Q_EMIT outboxChanged();
            end();
            if (r && !discard)
                deliverNow(); // resent: try it at once (it stays pending when unreachable)
            else
                reload();
        });
}

void OutboxDialog::deliverNow()
{
    const ConnectionSettings settings = m_settings;
    begin();
    m_message->setProperty("auto", false);
    m_message->setText(tr("Delivering…"));
    runInBackground<DeliveryReport>(
        this, std::function<Result<DeliveryReport>()>([settings]() -> Result<DeliveryReport> {
            auto db = Database::connect(settings);
            if (!db) {
                if (db.error().is(ErrorCode::NoAccess) || db.error().is(ErrorCode::NotYourPerson)) {
                    // The database refuses the login itself (access revoked): what waits
                    // needs the person's attention, with that reason — never dropped.
                    auto box = Outbox::openFor(settings);
                    auto who
                        = box ? (*box)->identity(settings) : Result<OutboxIdentity>(box.error());
                    if (!who)
                        return db.error();
                    auto refused = (*box)->refuseAll(who->tenantId, who->login, db.error());
                    if (!refused)
                        return refused.error();
                    DeliveryReport report;
                    report.refused = *refused;
                    return report;
                }
                if (!db.error().is(ErrorCode::Unreachable))
                    return db.error();
                DeliveryReport report;
                report.unreachable = true;
                report.note = db.error().message;
                return report;
            }
            return OutboxWriter::deliverPending(**db);
        }),
        [this](const Result<DeliveryReport> &r) {
            if (!r)
                m_message->setText(tr("Could not deliver: %1").arg(r.error().message));
            else if (r->unreachable)
                m_message->setText(
                    tr("The database cannot be reached — your changes stay queued: %1")
                        .arg(r->note));
            else
                m_message->setText(tr("%n change(s) delivered", nullptr, int(r->delivered))
                                   + (r->refused > 0 ? QStringLiteral(" · ")
                                              + tr("%n refused", nullptr, int(r->refused))
                                                     : QString()));
            Q_EMIT outboxChanged();
            end();
            reload();
        });
}

} // namespace ke
