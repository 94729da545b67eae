#include "ratingbuttons.h"

#include "focustoolbutton.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>

namespace ke {

QIcon RatingButtons::thumbIcon(int rating)
{
    QIcon icon;
    const QString base
        = rating > 0 ? QStringLiteral(":/icons/thumb-up") : QStringLiteral(":/icons/thumb-down");
    icon.addFile(base + QStringLiteral("-outline.svg"), {}, QIcon::Normal, QIcon::Off);
    icon.addFile(base + QStringLiteral(".svg"), {}, QIcon::Normal, QIcon::On);
    icon.addFile(base + QStringLiteral(".svg"), {}, QIcon::Active, QIcon::On);
    return icon;
}

RatingButtons::RatingButtons(const QString &what, QWidget *parent)
    : QWidget(parent)
{
    auto make = [this, &what](int rating) {
        auto *b = new FocusToolButton(this);
        b->setIcon(thumbIcon(rating));
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setObjectName(rating > 0 ? QStringLiteral("thumbUp") : QStringLiteral("thumbDown"));
        b->setAccessibleName(rating > 0 ? tr("Rate helpful") : tr("Rate not helpful"));
        b->setAccessibleDescription(what);
        b->setToolTip(rating > 0 ? tr("Helpful — rate this %1 up").arg(what)
                                 : tr("Not helpful — rate this %1 down").arg(what));
        // The checked state is the person's rating, set by setTally(), never by the click.
        connect(b, &QToolButton::clicked, this, [this, b, rating]() {
            b->setChecked(m_tally.mine == rating);
            Q_EMIT clicked(rating, b);
        });
        return b;
    };
    m_up = make(1);
    m_down = make(-1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_up);
    layout->addWidget(m_down);
    // The person's own rating still waits in the outbox: said beside the thumbs.
    m_pending = new QLabel(tr("pending"), this);
    m_pending->setObjectName(QStringLiteral("ratingPending"));
    m_pending->setToolTip(tr("Your rating waits in the outbox and is sent when the database "
                             "can be reached"));
    QFont italic = m_pending->font();
    italic.setItalic(true);
    m_pending->setFont(italic);
    m_pending->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_pending);
    setTally({});
}

void RatingButtons::setTally(const RatingTally &tally)
{
    m_tally = tally;
    m_up->setText(QString::number(tally.up));
    m_down->setText(QString::number(tally.down));
    m_up->setChecked(tally.mine > 0);
    m_down->setChecked(tally.mine < 0);
    m_pending->setVisible(tally.pending && tally.mine != 0);
}

} // namespace ke
