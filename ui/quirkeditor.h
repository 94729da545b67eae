#pragma once

#include "knowledgeaggregator.h"
#include "outboxwriter.h"

#include <QDialog>
#include <QUuid>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace ke {

class KnowledgeClient;

/// The dialog that adds, edits and retires a quirk and shows its history: a multi-line text
/// with a counter against QuirkBook::maxTextLength, what it applies to (a column, a schedule,
/// a time range — QuirkScope, stored in the event), a preview of the card, and the quirk's
/// every version with who and when. It writes itself (KnowledgeClient::write: online at once,
/// queued in the outbox offline); a refusal or a validation error shows inline and keeps what was
/// typed. Accepted once the change is written or queued (outcome()). GUI thread only; the
/// history and the write run on the KnowledgeClient's threads.
class QuirkEditor : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Add, Edit, Retire, History };

    /// `client` (not owned) must outlive the dialog.
    explicit QuirkEditor(KnowledgeClient *client, QWidget *parent = nullptr);

    /// A new quirk of the dataset. The dataset's known columns (DatasetStructureReader) are
    /// suggested for "applies to" once read (online only).
    void startAdd(const QUuid &datasetId, const QString &datasetName);
    /// An edit of the quirk of `datasetId`, starting from its current text and scope.
    void startEdit(const QUuid &quirkId, const QString &currentText, const QString &appliesTo,
                   const QUuid &datasetId);
    /// Retiring the quirk, with an optional reason.
    void startRetire(const QUuid &quirkId, const QString &currentText);
    /// Only the history of the quirk.
    void startHistory(const QUuid &quirkId, const QString &currentText);

    Mode mode() const { return m_mode; }
    /// What the write did (after accept).
    const WriteOutcome &outcome() const { return m_outcome; }
    /// Background requests still running (history, write).
    int pendingRequests() const { return m_pending; }
    /// The stored applies_to of the form ("column:status"; empty for the whole dataset).
    QString appliesTo() const;

Q_SIGNALS:
    /// The history has been shown (or failed to load).
    void historyLoaded();

private:
    void build();
    void setMode(Mode mode);
    void updateCounter();
    void updatePreview();
    void loadHistory();
    struct History;
    void showHistory(const Result<History> &history);
    void submit();
    void showError(const QString &message);
    void setAppliesTo(const QString &stored);
    void suggestColumns(const QUuid &datasetId);

    KnowledgeClient *m_client;
    Mode m_mode = Mode::Add;
    QUuid m_datasetId;
    QUuid m_quirkId;
    QString m_currentText;
    QString m_currentScope;
    int m_pending = 0;
    WriteOutcome m_outcome;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_intro = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_counter = nullptr;
    QWidget *m_scopeBox = nullptr;
    QComboBox *m_scopeKind = nullptr;
    QStackedWidget *m_scopeValue = nullptr;
    QComboBox *m_column = nullptr;
    QComboBox *m_schedule = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_otherScope = nullptr;
    QLineEdit *m_reason = nullptr;
    QWidget *m_reasonBox = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_historyNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace ke
