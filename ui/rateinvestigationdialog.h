#pragma once

#include "feedbackrecorder.h"

#include <QDialog>

class QButtonGroup;
class QDialogButtonBox;
class QPlainTextEdit;
class QRadioButton;
class QToolButton;
class QVBoxLayout;

namespace ke {

/// "Rate investigation": the overall rating (👍 / 👎), one of the investigation's quick
/// reasons for it (or none), and a comment. Only asks; the caller writes input() (through
/// the outbox, like every rating). Opens with the person's current rating. GUI thread only.
class RateInvestigationDialog : public QDialog
{
    Q_OBJECT

public:
    RateInvestigationDialog(const QUuid &investigationId, int currentRating,
                            const QString &currentReason, QWidget *parent = nullptr);

    /// What the person chose, as a feedback.investigation input.
    FeedbackInput input() const;

    void setRating(int rating);
    int rating() const { return m_rating; }

private:
    void updateReasons();

    QUuid m_investigation;
    int m_rating = 0;
    QString m_wantedReason;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QVBoxLayout *m_reasonLayout = nullptr;
    QButtonGroup *m_reasonGroup = nullptr;
    QList<QRadioButton *> m_reasons;
    QPlainTextEdit *m_comment = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ke
