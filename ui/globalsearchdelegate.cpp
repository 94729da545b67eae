#include "globalsearchdelegate.h"

#include "catalogue.h"
#include "globalsearchmodel.h"
#include "ratingbuttons.h"
#include "snippetdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace ke {

namespace {
constexpr int margin = 6;
constexpr int gap = 8;
} // namespace

QString GlobalSearchDelegate::similarBadgeText(const QModelIndex &index)
{
    const QString similar = index.data(GlobalSearchModel::SimilarRole).toString();
    if (similar.isEmpty())
        return {};
    // ▸ shown by a click or →, ▾ open: the similar results are the rows below.
    return similar
        + (index.data(GlobalSearchModel::ExpandedRole).toBool() ? QStringLiteral(" ▾")
                                                                : QStringLiteral(" ▸"));
}

QRect GlobalSearchDelegate::similarBadge(const QRect &itemRect, const QFont &font,
                                         const QModelIndex &index)
{
    const QString text = similarBadgeText(index);
    if (text.isEmpty())
        return {};
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font), bm(bold);
    const QRect r = itemRect.adjusted(margin, margin, -margin, -margin);
    const int w = bm.horizontalAdvance(text) + 12;
    return {r.right() - w + 1, r.top(), w, fm.height()};
}

QSize GlobalSearchDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {400, 2 * margin + fm.height() + 2 + snippetLines * fm.lineSpacing() + 4};
}

void GlobalSearchDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto *view = qobject_cast<const QAbstractItemView *>(opt.widget);
    const bool current = view && view->currentIndex() == index;
    // The focus is in the search field, the view only follows it: paint the current row as
    // the one the keys act on (active colours, focus frame).
    opt.state |= QStyle::State_Active;
    if (current && view->window()->isActiveWindow())
        opt.state |= QStyle::State_HasFocus;
    if (current)
        opt.state |= QStyle::State_Selected;
    opt.palette.setCurrentColorGroup(QPalette::Active);
    const QString marked = index.data(GlobalSearchModel::MarkedSnippetRole).toString();
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(QPalette::Active,
                                          selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.72f);
    // One of an expanded group's similar results: indented under its group.
    const int indent = index.data(GlobalSearchModel::MemberRole).toBool() ? iconSize + gap : 0;
    const QRect r = opt.rect.adjusted(margin + indent, margin, -margin, -margin);
    const QFontMetrics fm(opt.font);

    // The source type's icon, at the device's pixel ratio (crisp at 200 %).
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QIcon icon
        = GlobalSearchModel::sourceIcon(index.data(GlobalSearchModel::SourceTypeRole).toString());
    const QRect iconRect(r.left(), r.top() + (fm.height() - iconSize) / 2 + 1, iconSize, iconSize);
    painter->drawPixmap(iconRect, icon.pixmap(QSize(iconSize, iconSize), dpr));

    // The line of what and where: dataset · kind · age … feedback, "12 similar".
    const int left = iconRect.right() + gap;
    QRect line(left, r.top(), r.right() - left, fm.height());
    painter->save();
    painter->setPen(text);
    int right = line.right();
    const QString similar = similarBadgeText(index);
    if (!similar.isEmpty()) {
        QFont bold = opt.font;
        bold.setBold(true);
        const QRect badge = similarBadge(opt.rect, opt.font, index);
        QColor fill = opt.palette.color(QPalette::Active,
                                        selected ? QPalette::HighlightedText : QPalette::Highlight);
        fill.setAlphaF(0.18f);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, line.height() / 2.0, line.height() / 2.0);
        painter->setPen(text);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, similar);
        painter->setFont(opt.font);
        right = badge.left() - gap;
    }
    const double feedback = index.data(GlobalSearchModel::FeedbackRole).toDouble();
    if (feedback != 0) {
        const QString score = QLocale().toString(feedback, 'f', 1);
        const int w = fm.horizontalAdvance(score);
        painter->setPen(muted);
        painter->drawText(QRect(right - w + 1, line.top(), w, line.height()),
                          Qt::AlignRight | Qt::AlignVCenter, score);
        const int thumb = fm.height() - 2;
        const QRect thumbRect(right - w - 2 - thumb, line.top() + 1, thumb, thumb);
        painter->drawPixmap(thumbRect,
                            RatingButtons::thumbIcon(feedback > 0 ? 1 : -1)
                                .pixmap(QSize(thumb, thumb), dpr, QIcon::Normal, QIcon::On));
        right = thumbRect.left() - gap;
    }
    line.setRight(right);
    const QString dataset = index.data(GlobalSearchModel::DatasetNameRole).toString();
    const QString where = QStringLiteral("  ·  ")
        + SourceTypes::label(index.data(GlobalSearchModel::SourceTypeRole).toString())
        + QStringLiteral("  ·  ") + index.data(GlobalSearchModel::AgeRole).toString();
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics bm(bold);
    const QString name = bm.elidedText(dataset, Qt::ElideMiddle, line.width() * 2 / 3);
    painter->setFont(bold);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setFont(opt.font);
    painter->setPen(muted);
    const QRect rest = line.adjusted(bm.horizontalAdvance(name), 0, 0, 0);
    painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(where, Qt::ElideRight, rest.width()));
    painter->restore();

    // The snippet, matched words in bold.
    // Whole lines only (the document's margin of 2 above them): no half-cut third line.
    const QRect snippet(
        left - 2, line.bottom() + 2, r.right() - left + 2,
        std::min(r.bottom() - line.bottom() - 1, 2 + snippetLines * fm.lineSpacing() + 1));
    SnippetDelegate::paintMarked(painter, opt, snippet, marked);
}

} // namespace ke
