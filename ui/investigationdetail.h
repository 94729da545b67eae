#pragma once

#include "connectionsettings.h"
#include "feedbackrecorder.h"
#include "investigationtrace.h"
#include "ratingpopup.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace ke {

class KnowledgeClient;
class RatingButtons;
class TraceStepModel;

/// One investigation as a page of cards: the header (alert, status, confidence, "Rate
/// investigation…"), the synthesis (root cause, recommendations), then the hypotheses by
/// confidence — collapsible, the most confident expanded — each with its queries (SQL,
/// highlighted; outcome, rows, duration) and evidence. Every hypothesis, query, evidence and
/// the synthesis has 👍 / 👎 (RatingButtons): a click records the rating at once (through the
/// outbox: KnowledgeClient::write) and opens the "Why?" popup (RatingPopup), whose reason or
/// comment is recorded as a rating again (the latest counts). The steps live in a TraceStepModel;
/// the cards show them. GUI thread only.
class InvestigationDetail : public QWidget
{
    Q_OBJECT

public:
    explicit InvestigationDetail(KnowledgeClient *client, QWidget *parent = nullptr);

    /// Shows `trace` (the cards are rebuilt; an open popup closes).
    void setTrace(const InvestigationTrace &trace);
    /// No investigation: `message` in place of the cards.
    void clear(const QString &message);
    const InvestigationTrace &trace() const { return m_trace; }
    TraceStepModel *model() const { return m_model; }
    /// The thumbs of step `id` (the investigation's own id: none — it has the dialog).
    RatingButtons *ratingButtons(const QUuid &id) const { return m_buttons.value(id); }
    /// The "Why?" popup, while open.
    RatingPopup *popup() const { return m_popup; }
    /// Ratings being written.
    int pendingWrites() const { return m_writes; }
    /// Opens the Rate investigation dialog.
    void rateInvestigation();
    /// Shows `message` below the cards ("Saved", "queued …", why not).
    void showMessage(const QString &message);

Q_SIGNALS:
    /// A rating was written (`queued` false) or queued in the outbox.
    void ratingWritten(bool queued);
    /// The database refused a rating: the shown ratings may be wrong; read the trace again.
    void ratingRefused();
    /// No rating is being written any more.
    void writesSettled();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    QWidget *headerCard();
    QWidget *synthesisCard(const TraceStep &s);
    QWidget *hypothesisCard(const TraceStep &h, const QList<const TraceStep *> &children,
                            bool expanded);
    QWidget *queryBlock(const TraceStep &q, QWidget *parent);
    QWidget *evidenceBlock(const TraceStep &e, QWidget *parent);
    RatingButtons *thumbsFor(const TraceStep &s, QWidget *parent);
    void updateOverall();
    void onThumb(const QUuid &stepId, int rating, QToolButton *anchor);
    void setMine(const QUuid &stepId, int rating, const QString &reason);
    void record(FeedbackInput input);

    KnowledgeClient *m_client = nullptr;
    InvestigationTrace m_trace;
    TraceStepModel *m_model = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_overall = nullptr;
    QHash<QUuid, RatingButtons *> m_buttons;
    QPointer<RatingPopup> m_popup;
    int m_writes = 0;
};

} // namespace ke
