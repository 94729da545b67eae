#include "catalogue.h"

namespace ke {

namespace {

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

const StepKind *stepKind(const QString &kind)
{
    for (const StepKind &k : kStepKinds) {
        if (kind == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

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

const SourceType *sourceType(const QString &type)
{
    for (const SourceType &t : kSourceTypes) {
        if (type == QLatin1String(t.name))
            return &t;
    }
    return nullptr;
}

} // namespace

QStringList StepKinds::all()
{
    QStringList out;
    for (const StepKind &k : kStepKinds)
        out << QLatin1String(k.name);
    return out;
}

bool StepKinds::isKnown(const QString &kind)
{
    return stepKind(kind) != nullptr;
}

QString StepKinds::idKey(const QString &kind)
{
    const StepKind *k = stepKind(kind);
    return k ? QLatin1String(k->idKey) : QString();
}

QString StepKinds::label(const QString &kind)
{
    const StepKind *k = stepKind(kind);
    return k ? tr(k->label) : kind;
}

QString StepKinds::title(const QString &kind)
{
    const StepKind *k = stepKind(kind);
    return k ? tr(k->title) : kind;
}

QStringList SourceTypes::all()
{
    QStringList out;
    for (const SourceType &t : kSourceTypes)
        out << QLatin1String(t.name);
    return out;
}

bool SourceTypes::isKnown(const QString &type)
{
    return sourceType(type) != nullptr;
}

QString SourceTypes::label(const QString &type)
{
    const SourceType *t = sourceType(type);
    return t ? tr(t->label) : type;
}

QString SourceTypes::pluralTitle(const QString &type)
{
    const SourceType *t = sourceType(type);
    return t ? tr(t->plural) : type;
}

} // namespace ke
