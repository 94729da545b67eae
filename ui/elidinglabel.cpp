#include "elidinglabel.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>

namespace ke {

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    // It gives way: the widgets beside it (the connection summary and its counts) always show.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

QString ElidingLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

void ElidingLabel::setMessage(const QString &text)
{
    setText(text);
    setToolTip(text);
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()), option.palette, isEnabled(),
                          shownText(), foregroundRole());
}

} // namespace ke
