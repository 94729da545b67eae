#pragma once

#include <QLabel>

namespace ke {

/// A one-line plain-text label that gives way to its neighbours: when its text is wider than
/// the room it has, it shows as much as fits and ends it with "…" (the whole text is its
/// tooltip), instead of a sentence cut off in the middle of a word. text() is the whole text.
/// GUI thread only.
class ElidingLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    /// What is painted: the text, or its start and "…".
    QString shownText() const;

    /// The whole text, and as the tooltip.
    void setMessage(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace ke
