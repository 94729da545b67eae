#include "rateinvestigationdialog.h"

#include "event.h"
#include "focustoolbutton.h"
#include "ratingbuttons.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ke {

RateInvestigationDialog::RateInvestigationDialog(const QUuid &investigationId, int currentRating,
                                                 const QString &currentReason, QWidget *parent)
    : QDialog(parent)
    , m_investigation(investigationId)
    , m_wantedReason(currentReason)
{
    setObjectName(QStringLiteral("rateInvestigationDialog"));
    setWindowTitle(tr("Rate investigation"));

    auto *question = new QLabel(tr("Was this investigation helpful overall?"), this);
    auto thumb = [this](int rating) {
        auto *b = new FocusToolButton(this);
        b->setIcon(RatingButtons::thumbIcon(rating));
        b->setIconSize(QSize(24, 24));
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setFocusPolicy(Qt::StrongFocus);
        b->setText(rating > 0 ? tr("Helpful") : tr("Not helpful"));
        b->setAccessibleName(rating > 0 ? tr("Rate helpful") : tr("Rate not helpful"));
        b->setObjectName(rating > 0 ? QStringLiteral("overallUp") : QStringLiteral("overallDown"));
        connect(b, &QToolButton::clicked, this, [this, rating]() { setRating(rating); });
        return b;
    };
    m_up = thumb(1);
    m_down = thumb(-1);
    auto *thumbs = new QHBoxLayout;
    thumbs->addWidget(m_up);
    thumbs->addWidget(m_down);
    thumbs->addStretch(1);

    auto *reasons = new QGroupBox(tr("Reason"), this);
    m_reasonLayout = new QVBoxLayout(reasons);
    m_reasonGroup = new QButtonGroup(this);
    m_reasonGroup->setExclusive(true);

    auto *commentLabel = new QLabel(tr("&Comment (optional):"), this);
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("overallComment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setPlaceholderText(tr("What should the next person know about it?"));
    m_comment->setAccessibleName(tr("Comment"));
    commentLabel->setBuddy(m_comment);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addLayout(thumbs);
    layout->addWidget(reasons);
    layout->addWidget(commentLabel);
    layout->addWidget(m_comment, 1);
    layout->addWidget(m_buttons);
    setRating(currentRating);
    resize(420, 360);
}

void RateInvestigationDialog::setRating(int rating)
{
    m_rating = rating > 0 ? 1 : rating < 0 ? -1 : 0;
    m_up->setChecked(m_rating > 0);
    m_down->setChecked(m_rating < 0);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_rating != 0);
    updateReasons();
}

void RateInvestigationDialog::updateReasons()
{
    if (const auto *checked = m_reasonGroup->checkedButton())
        m_wantedReason = checked->property("reason").toString();
    qDeleteAll(m_reasons);
    m_reasons.clear();
    if (m_rating == 0) {
        auto *none = new QRadioButton(tr("Choose Helpful or Not helpful first"), this);
        none->setEnabled(false);
        m_reasonLayout->addWidget(none);
        m_reasons.append(none);
        return;
    }
    QStringList stored = EventTypes::quickReasons(QStringLiteral("investigation"), m_rating);
    stored.append(QString()); // no reason
    for (const QString &reason : std::as_const(stored)) {
        auto *b = new QRadioButton(
            reason.isEmpty() ? tr("No particular reason") : EventTypes::reasonLabel(reason), this);
        b->setObjectName(QStringLiteral("overallReason"));
        b->setProperty("reason", reason);
        m_reasonGroup->addButton(b);
        m_reasonLayout->addWidget(b);
        m_reasons.append(b);
        if (reason == m_wantedReason)
            b->setChecked(true);
    }
    if (!m_reasonGroup->checkedButton())
        m_reasons.last()->setChecked(true);
}

FeedbackInput RateInvestigationDialog::input() const
{
    FeedbackInput in;
    in.targetType = QStringLiteral("investigation");
    in.targetId = m_investigation;
    in.investigationId = m_investigation;
    in.rating = m_rating;
    if (const auto *checked = m_reasonGroup->checkedButton())
        in.reason = checked->property("reason").toString();
    in.comment = m_comment->toPlainText().trimmed();
    return in;
}

} // namespace ke
