#pragma once

#include <QStyledItemDelegate>

namespace ke {

/// A search snippet's matched words («like this», as SearchResult::snippet marks them) as
/// HTML: the text escaped, the marks turned into bold.
QString markedSnippetHtml(const QString &marked);

/// Paints a search snippet with its matched words in bold: the item's `markedRole` holds the
/// marked text. Also paints a marked text into any rectangle (paintMarked), for delegates that
/// lay out more than the snippet. GUI thread only.
class SnippetDelegate : public QStyledItemDelegate
{
public:
    explicit SnippetDelegate(int markedRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    /// `marked` laid out in `rect` (wrapped, clipped to it) with `option`'s font and palette;
    /// in the highlighted text colour when the item is selected.
    static void paintMarked(QPainter *painter, const QStyleOptionViewItem &option,
                            const QRect &rect, const QString &marked);

private:
    int m_role;
};

} // namespace ke
