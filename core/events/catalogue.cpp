#include "catalogue.h"

namespace ke {

namespace {

/// The entry of `table` named `name`, or null.
template <typename T, std::size_t N> const T *byName(const T (&table)[N], const QString &name)
{
    for (const T &entry : table) {
        if (name == QLatin1String(entry.name))
            return &entry;
    }
    return nullptr;
}

/// The text `member` of the entry of `table` named `name`, translated in `context` (as that
/// class's tr() does); `name` itself when the table has no such entry.
template <typename T, std::size_t N>
QString translated(const char *context, const T (&table)[N], const QString &name,
                   const char *const T::*member)
{
    const T *entry = byName(table, name);
    return entry ? QCoreApplication::translate(context, entry->*member) : name;
}

/// The names of `table`'s entries, in its order.
template <typename T, std::size_t N> QStringList names(const T (&table)[N])
{
    QStringList out;
    for (const T &entry : table)
        out << QLatin1String(entry.name);
    return out;
}

struct StepKind
{
    const char *name;
    const char *idKey;
    const char *label;
    const char *title;
};

const StepKind kStepKinds[] = {
    {"hypothesis", "hypothesis_id", QT_TRANSLATE_NOOP("StepKinds", "hypothesis"),
     QT_TRANSLATE_NOOP("StepKinds", "Hypothesis")},
    {"query", "query_id", QT_TRANSLATE_NOOP("StepKinds", "query"),
     QT_TRANSLATE_NOOP("StepKinds", "Query")},
    {"evidence", "evidence_id", QT_TRANSLATE_NOOP("StepKinds", "evidence"),
     QT_TRANSLATE_NOOP("StepKinds", "Evidence")},
    {"synthesis", "synthesis_id", QT_TRANSLATE_NOOP("StepKinds", "synthesis"),
     QT_TRANSLATE_NOOP("StepKinds", "Synthesis")},
    {"investigation", "", QT_TRANSLATE_NOOP("StepKinds", "investigation"),
     QT_TRANSLATE_NOOP("StepKinds", "Investigation")},
};

struct SourceType
{
    const char *name;
    const char *label;
    const char *plural;
};

const SourceType kSourceTypes[] = {
    {"finding", QT_TRANSLATE_NOOP("SourceTypes", "finding"),
     QT_TRANSLATE_NOOP("SourceTypes", "Findings")},
    {"hypothesis", QT_TRANSLATE_NOOP("SourceTypes", "hypothesis"),
     QT_TRANSLATE_NOOP("SourceTypes", "Hypotheses")},
    {"query", QT_TRANSLATE_NOOP("SourceTypes", "query"),
     QT_TRANSLATE_NOOP("SourceTypes", "Queries")},
    {"comment", QT_TRANSLATE_NOOP("SourceTypes", "comment"),
     QT_TRANSLATE_NOOP("SourceTypes", "Comments")},
    {"quirk", QT_TRANSLATE_NOOP("SourceTypes", "quirk"),
     QT_TRANSLATE_NOOP("SourceTypes", "Quirks")},
};

struct FindingType
{
    const char *name;
    const char *label;
};

const FindingType kFindingTypes[] = {
    {"root_cause", QT_TRANSLATE_NOOP("FindingTypes", "root cause")},
    {"observation", QT_TRANSLATE_NOOP("FindingTypes", "observation")},
    {"recommendation", QT_TRANSLATE_NOOP("FindingTypes", "recommendation")},
};

} // namespace

QStringList StepKinds::all()
{
    return names(kStepKinds);
}

bool StepKinds::isKnown(const QString &kind)
{
    return byName(kStepKinds, kind) != nullptr;
}

QString StepKinds::idKey(const QString &kind)
{
    const StepKind *k = byName(kStepKinds, kind);
    return k ? QLatin1String(k->idKey) : QString();
}

QString StepKinds::label(const QString &kind)
{
    return translated("StepKinds", kStepKinds, kind, &StepKind::label);
}

QString StepKinds::title(const QString &kind)
{
    return translated("StepKinds", kStepKinds, kind, &StepKind::title);
}

QStringList SourceTypes::all()
{
    return names(kSourceTypes);
}

bool SourceTypes::isKnown(const QString &type)
{
    return byName(kSourceTypes, type) != nullptr;
}

QString SourceTypes::label(const QString &type)
{
    return translated("SourceTypes", kSourceTypes, type, &SourceType::label);
}

QString SourceTypes::pluralTitle(const QString &type)
{
    return translated("SourceTypes", kSourceTypes, type, &SourceType::plural);
}

QStringList FindingTypes::all()
{
    return names(kFindingTypes);
}

QString FindingTypes::label(const QString &type)
{
    return translated("FindingTypes", kFindingTypes, type, &FindingType::label);
}

} // namespace ke
