#pragma once

#include <QFrame>

class QLineEdit;
class QPushButton;

namespace ke {

/// The small "Why?" popup a thumb opens: the target type's two quick reasons for that
/// polarity (EventTypes::quickReasons) and "Add comment…". Choosing a reason says
/// reasonChosen() and closes; a comment is typed in place and sent with Enter
/// (commentEntered()); clicking away or Esc closes it and says nothing — the rating stands
/// without a reason. Keyboard: Tab / arrow keys move between the choices, Enter or Space
/// chooses. A Qt::Popup; deletes itself when closed. GUI thread only.
class RatingPopup : public QFrame
{
    Q_OBJECT

public:
    /// For a `rating` (1 / -1) of a `targetType` step ("hypothesis", …).
    RatingPopup(const QString &targetType, int rating, QWidget *parent = nullptr);

    /// Shows the popup below `anchor` (above it where the screen ends) and focuses the first
    /// reason.
    void popup(QWidget *anchor);
    /// The reason buttons, in order (for tests and screenshots).
    QList<QPushButton *> reasonButtons() const { return m_reasons; }

Q_SIGNALS:
    /// The stored (untranslated) quick reason.
    void reasonChosen(const QString &reason);
    void commentEntered(const QString &comment);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showComment();

    QList<QPushButton *> m_reasons;
    QPushButton *m_addComment = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace ke
