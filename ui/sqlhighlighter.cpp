#include "sqlhighlighter.h"

#include <QPalette>

namespace ke {

namespace {

enum BlockState { Plain = 0, InBlockComment = 1 };

// The words that shape a query; the rest (names, functions) stays plain.
const char *const kKeywords
    = "select|from|where|and|or|not|in|is|null|as|on|join|left|right|inner|outer|full|cross|"
      "group|by|order|having|limit|offset|union|all|distinct|case|when|then|else|end|with|"
      "between|like|ilike|exists|asc|desc|insert|into|values|update|set|delete|create|table|"
      "count|sum|avg|min|max|interval|current_date|current_timestamp|now|true|false|over|"
      "partition|filter|coalesce|cast|date_trunc|extract|using|lateral|nulls|first|last";

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_tokens(QStringLiteral("(--[^\\n]*)|(/\\*)|('(?:[^']|'')*'?)|(\\b\\d+(?:\\.\\d+)?\\b)|"
                              "\\b(%1)\\b")
                   .arg(QLatin1String(kKeywords)),
               QRegularExpression::CaseInsensitiveOption)
{
    setPalette(palette);
}

void SqlHighlighter::setPalette(const QPalette &palette)
{
    m_keyword = {};
    m_keyword.setForeground(palette.color(QPalette::Link));
    m_keyword.setFontWeight(QFont::Bold);
    m_string = {};
    m_string.setForeground(palette.color(QPalette::LinkVisited));
    m_number = {};
    m_number.setForeground(palette.color(QPalette::LinkVisited));
    m_comment = {};
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    rehighlight();
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Plain);
    qsizetype from = 0;
    if (previousBlockState() == InBlockComment) {
        const qsizetype close = text.indexOf(QLatin1String("*/"));
        if (close < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, int(close + 2), m_comment);
        from = close + 2;
    }
    auto it = m_tokens.globalMatch(text, from);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const int start = int(m.capturedStart());
        if (m.capturedLength(1) > 0) {
            setFormat(start, int(m.capturedLength()), m_comment);
        } else if (m.capturedLength(2) > 0) {
            // A block comment: to its end on this line, or on into the next blocks.
            const qsizetype close = text.indexOf(QLatin1String("*/"), start + 2);
            if (close < 0) {
                setFormat(start, int(text.size()) - start, m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(start, int(close + 2) - start, m_comment);
            it = m_tokens.globalMatch(text, close + 2);
        } else if (m.capturedLength(3) > 0) {
            setFormat(start, int(m.capturedLength()), m_string);
        } else if (m.capturedLength(4) > 0) {
            setFormat(start, int(m.capturedLength()), m_number);
        } else {
            setFormat(start, int(m.capturedLength()), m_keyword);
        }
    }
}

} // namespace ke
