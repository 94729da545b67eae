#pragma once

#include <QStyledItemDelegate>

namespace ke {

/// Paints a GlobalSearchModel row as two parts beside the source type's icon: a line of what
/// and where (dataset, kind, age; feedback and "12 similar" on the right) and the snippet
/// beneath with its matched words in bold (SnippetDelegate::paintMarked). The current row is
/// drawn selected and focused in the active colours even while the keyboard focus stays in the
/// search field, so Up/Down are visible. Follows the view's palette (light or dark). GUI
/// thread only.
class GlobalSearchDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Where a group's "12 similar ▸" badge is drawn in a row of `itemRect` (empty for a
    /// result of its own): a click there shows or hides the similar results.
    static QRect similarBadge(const QRect &itemRect, const QFont &font, const QModelIndex &index);
    /// The badge's text: "12 similar ▸" (hidden) or "12 similar ▾" (shown below).
    static QString similarBadgeText(const QModelIndex &index);

    static constexpr int iconSize = 20;
    static constexpr int snippetLines = 2;
};

} // namespace ke
