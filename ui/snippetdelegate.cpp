#include "snippetdelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace ke {

QString markedSnippetHtml(const QString &marked)
{
    QString html = marked.toHtmlEscaped();
    html.replace(QChar(0xab), QStringLiteral("<b>")).replace(QChar(0xbb), QStringLiteral("</b>"));
    return html;
}

SnippetDelegate::SnippetDelegate(int markedRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(markedRole)
{ }

void SnippetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    paintMarked(painter, opt, opt.rect, index.data(m_role).toString());
}

void SnippetDelegate::paintMarked(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QRect &rect, const QString &marked)
{
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(2);
    doc.setHtml(markedSnippetHtml(marked));
    doc.setTextWidth(rect.width());
    painter->save();
    painter->translate(rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), rect.size()));
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text,
                         option.state & QStyle::State_Selected
                             ? option.palette.color(QPalette::HighlightedText)
                             : option.palette.color(QPalette::Text));
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

} // namespace ke
