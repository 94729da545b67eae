#pragma once

#include <QStyledItemDelegate>

namespace ke {

/// The standard item look with `gap` pixels of air above and below each row's text, for
/// lists whose rows wrap their text. QListView::setSpacing() would make room between the rows
/// too, but it also narrows the painted text below the width the row's height was computed
/// for, so a wrapped line that just fitted is cut short with "…" (seen in the German dataset
/// list: "vor 3 …"). Here the row is only taller; the text is laid out at its full width and
/// centred in it, and the selection covers the whole row. GUI thread only.
class RowGapDelegate : public QStyledItemDelegate
{
public:
    explicit RowGapDelegate(int gap, QObject *parent = nullptr)
        : QStyledItemDelegate(parent)
        , m_gap(gap)
    { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 2 * m_gap);
    }

private:
    const int m_gap;
};

} // namespace ke
