#pragma once

#include "investigationtrace.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace ke {

/// 👍 and 👎 beside a step: each shows its count, and the checked one is the person's own
/// current rating. A click says `clicked(rating, button)` (1 or -1, and the button to anchor
/// the "Why?" popup at); what the rating does is the owner's. Keyboard: Tab reaches both,
/// Space clicks. GUI thread only.
class RatingButtons : public QWidget
{
    Q_OBJECT

public:
    /// `what` names the rated thing for screen readers ("hypothesis").
    explicit RatingButtons(const QString &what, QWidget *parent = nullptr);

    void setTally(const RatingTally &tally);
    const RatingTally &tally() const { return m_tally; }
    QToolButton *upButton() const { return m_up; }
    QToolButton *downButton() const { return m_down; }
    QToolButton *button(int rating) const { return rating > 0 ? m_up : m_down; }

    /// The icons of a thumb (outline when off, filled when on), shared with other views.
    static QIcon thumbIcon(int rating);

Q_SIGNALS:
    void clicked(int rating, QToolButton *button);

private:
    RatingTally m_tally;
    QLabel *m_pending = nullptr; ///< "pending": the person's rating waits in the outbox
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
};

} // namespace ke
