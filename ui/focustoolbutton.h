#pragma once

#include <QToolButton>

namespace ke {

/// A QToolButton that shows keyboard focus plainly: a frame in the palette's highlight colour
/// (auto-raised tool buttons draw none in some styles). GUI thread only.
class FocusToolButton : public QToolButton
{
    Q_OBJECT

public:
    explicit FocusToolButton(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace ke
