#pragma once

#include <QStyledItemDelegate>

namespace ke {

/// The standard item look with `gap` pixels of air above and below each row, for lists whose
/// rows wrap their text. QListView::setSpacing() would make the same gap but also narrows the
/// painted text below the width the row's height was computed for, so a wrapped line that
/// just fitted is cut short with "…" (seen in the German dataset list: "vor 3 …"). Here the
/// text is laid out at the row's full width, and the gap only adds height. GUI thread only.
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

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem inner = option;
        inner.rect.adjust(0, m_gap, 0, -m_gap);
        QStyledItemDelegate::paint(painter, inner, index);
    }

private:
    int m_gap;
};

} // namespace ke
