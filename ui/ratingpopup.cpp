#include "ratingpopup.h"

#include "event.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace ke {

RatingPopup::RatingPopup(const QString &targetType, int rating, QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("whyPopup"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Why?"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    auto *title = new QLabel(tr("<b>Why?</b>"), this);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    const QStringList reasons = EventTypes::quickReasons(targetType, rating);
    for (const QString &reason : reasons) {
        auto *b = new QPushButton(EventTypes::reasonLabel(reason), this);
        b->setObjectName(QStringLiteral("quickReason"));
        b->setProperty("reason", reason);
        b->setFocusPolicy(Qt::StrongFocus);
        connect(b, &QPushButton::clicked, this, [this, reason]() {
            Q_EMIT reasonChosen(reason);
            close();
        });
        layout->addWidget(b);
        m_reasons.append(b);
    }
    m_addComment = new QPushButton(tr("Add comment…"), this);
    m_addComment->setObjectName(QStringLiteral("addComment"));
    m_addComment->setFlat(true);
    connect(m_addComment, &QPushButton::clicked, this, &RatingPopup::showComment);
    layout->addWidget(m_addComment);

    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("whyComment"));
    m_comment->setPlaceholderText(tr("What should others know?"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setMinimumWidth(220);
    m_comment->hide();
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendComment"));
    m_send->hide();
    auto send = [this]() {
        const QString text = m_comment->text().trimmed();
        if (text.isEmpty())
            return;
        Q_EMIT commentEntered(text);
        close();
    };
    connect(m_comment, &QLineEdit::returnPressed, this, send);
    connect(m_send, &QPushButton::clicked, this, send);
    layout->addWidget(m_comment);
    layout->addWidget(m_send, 0, Qt::AlignRight);
}

void RatingPopup::popup(QWidget *anchor)
{
    ensurePolished();
    adjustSize();
    // Below the button, its left edge at the button's; above it where the screen ends, and
    // moved left where it would reach past the screen (or the window, where that is wider).
    const auto place = [this, anchor]() {
        QPoint at = anchor->mapToGlobal(QPoint(0, anchor->height()));
        if (const QScreen *screen = anchor->screen()) {
            const QRect area = screen->availableGeometry().united(anchor->window()->geometry());
            if (at.y() + height() > area.y() + area.height())
                at.setY(anchor->mapToGlobal(QPoint(0, 0)).y() - height());
            at.setX(std::clamp(at.x(), area.x(),
                               std::max(area.x(), area.x() + area.width() - width())));
        }
        move(at);
    };
    place();
    show();
    place(); // the size a shown popup really has
    if (!m_reasons.isEmpty())
        m_reasons.first()->setFocus(Qt::PopupFocusReason);
    else
        m_addComment->setFocus(Qt::PopupFocusReason);
}

void RatingPopup::showComment()
{
    m_addComment->hide();
    m_comment->show();
    m_send->show();
    adjustSize();
    m_comment->setFocus(Qt::OtherFocusReason);
}

void RatingPopup::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        close();
        return;
    case Qt::Key_Down:
    case Qt::Key_Right:
        focusNextChild();
        return;
    case Qt::Key_Up:
    case Qt::Key_Left:
        focusPreviousChild();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (auto *b = qobject_cast<QPushButton *>(focusWidget())) {
            b->click();
            return;
        }
        break;
    default:
        break;
    }
    QFrame::keyPressEvent(event);
}

} // namespace ke
