// The quick reasons of DESIGN.md, listed for lupdate: they are stored untranslated in events
// (so everybody's reasons group together) and shown translated with the "QuickReason" context.

#include <QtGlobal>

namespace ke {

[[maybe_unused]] static const char *const kQuickReasons[] = {
    QT_TRANSLATE_NOOP("QuickReason", "Right direction"),
    QT_TRANSLATE_NOOP("QuickReason", "Key insight"),
    QT_TRANSLATE_NOOP("QuickReason", "Dead end"),
    QT_TRANSLATE_NOOP("QuickReason", "Already known"),
    QT_TRANSLATE_NOOP("QuickReason", "Useful data"),
    QT_TRANSLATE_NOOP("QuickReason", "Confirmed suspicion"),
    QT_TRANSLATE_NOOP("QuickReason", "Wrong table"),
    QT_TRANSLATE_NOOP("QuickReason", "Inconclusive"),
    QT_TRANSLATE_NOOP("QuickReason", "Key proof"),
    QT_TRANSLATE_NOOP("QuickReason", "Clear signal"),
    QT_TRANSLATE_NOOP("QuickReason", "Noise"),
    QT_TRANSLATE_NOOP("QuickReason", "Misleading"),
    QT_TRANSLATE_NOOP("QuickReason", "Solved it"),
    QT_TRANSLATE_NOOP("QuickReason", "Actionable"),
    QT_TRANSLATE_NOOP("QuickReason", "Partial answer"),
    QT_TRANSLATE_NOOP("QuickReason", "Missed root cause"),
    QT_TRANSLATE_NOOP("QuickReason", "Saved time"),
    QT_TRANSLATE_NOOP("QuickReason", "Found the issue"),
    QT_TRANSLATE_NOOP("QuickReason", "No value"),
    QT_TRANSLATE_NOOP("QuickReason", "Wrong conclusion"),
};

} // namespace ke
