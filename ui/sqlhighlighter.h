#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace ke {

/// Colours SQL in a read-only text block: keywords, strings, numbers and comments. The colours
/// come from the widget's palette (link, visited link, placeholder text), so the SQL stays
/// readable in light and dark palettes; rehighlight() after a palette change. GUI thread only.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /// Highlights `document` with the colours of `palette`.
    SqlHighlighter(QTextDocument *document, const QPalette &palette);

    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
    QRegularExpression m_tokens;
};

} // namespace ke
