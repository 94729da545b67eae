#pragma once

#include "connectionsettings.h"
#include "outbox.h"

#include <QDialog>

#include <vector>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ke {

/// The outbox of the window's connection: the writes waiting for the database ("pending")
/// and those it refused ("needs attention", with the reason), with Discard, Resend and
/// Deliver now. The selected entry's text can be edited before it is resent; a quirk change
/// refused because somebody else changed or retired the quirk meanwhile shows both versions —
/// what the database holds now and the person's own — with "Keep mine" (resend, as an edit of
/// the current version) and "Keep theirs" (discard). Every outbox and database call runs on a pool
/// thread (runInBackground), each with its own Outbox (one SQLite handle per thread). GUI thread
/// only.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OutboxDialog(const ConnectionSettings &settings, QWidget *parent = nullptr);

    /// Reads the entries again.
    void reload();
    /// Delivers the pending entries now (when the database is reachable).
    void deliverNow();
    /// Background work still running.
    int pendingRequests() const { return m_pending; }
    /// The entries shown, in delivery order.
    const std::vector<OutboxEntry> &entries() const { return m_entries; }

    /// What an entry is, for people ("Rating ▲ (hypothesis)", "Quirk edit: …").
    static QString describe(const Event &event);

Q_SIGNALS:
    /// Entries were delivered, discarded or resent: the counts changed.
    void outboxChanged();
    /// No background work is running any more.
    void settled();

private:
    void showEntries(const std::vector<OutboxEntry> &entries);
    void act(bool discard);
    void updateButtons();
    /// The selected entry's details: both versions of a conflict, the editable text.
    void showSelected();
    /// The entry shown in the details (null: none).
    const OutboxEntry *selectedEntry() const;
    void begin();
    void end();

    ConnectionSettings m_settings;
    std::vector<OutboxEntry> m_entries;
    int m_pending = 0;
    QTreeWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_deliver = nullptr;
    QGroupBox *m_details = nullptr;
    QLabel *m_theirs = nullptr; ///< a conflict: what happened
    QLabel *m_theirsLabel = nullptr;
    QPlainTextEdit *m_theirsText = nullptr; ///< a conflict: what the database holds now
    QPlainTextEdit *m_yours = nullptr; ///< the person's text (editable before a resend)
    QString m_yoursKey; ///< the event_data key of that text ("text", "comment"), or empty
};

} // namespace ke
