#pragma once

#include <QSplitter>

namespace ke {

/// Two panes side by side (Qt::Horizontal) or one above the other (Qt::Vertical), sharing the
/// space `firstStretch` : `secondStretch` when the splitter grows. GUI thread only.
inline QSplitter *splitInTwo(Qt::Orientation orientation, QWidget *first, QWidget *second,
                             int firstStretch, int secondStretch, QWidget *parent)
{
    auto *split = new QSplitter(orientation, parent);
    split->addWidget(first);
    split->addWidget(second);
    split->setStretchFactor(0, firstStretch);
    split->setStretchFactor(1, secondStretch);
    return split;
}

} // namespace ke
