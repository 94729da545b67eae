#pragma once

// The product's vocabulary, declared once: the kinds of investigation step people rate, the
// kinds of searchable document and the kinds of finding, each with its translated labels. The event
// types and their payload rules are the table in event.cpp (EventTypes / EventValidator).
//
// Pure functions; any thread.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ke {

/// What a rating can be about: the steps of an investigation and the investigation itself
/// (`feedback.<kind>` events).
class StepKinds
{
    Q_DECLARE_TR_FUNCTIONS(StepKinds)

public:
    /// hypothesis, query, evidence, synthesis, investigation — in the order of a trace.
    static QStringList all();
    static bool isKnown(const QString &kind);
    /// The event_data key that carries a step's id ("hypothesis_id"); empty for
    /// "investigation" (its id is the investigation's) and unknown kinds.
    static QString idKey(const QString &kind);
    /// "hypothesis" as a reader says it within a sentence ("@alex rated a hypothesis"),
    /// translated; an unknown kind as it is.
    static QString label(const QString &kind);
    /// "Hypothesis" as a heading, translated.
    static QString title(const QString &kind);
};

/// The kinds of searchable document (search_documents.source_type).
class SourceTypes
{
    Q_DECLARE_TR_FUNCTIONS(SourceTypes)

public:
    /// finding, hypothesis, query, comment, quirk.
    static QStringList all();
    static bool isKnown(const QString &type);
    /// "finding", translated; an unknown type as it is.
    static QString label(const QString &type);
    /// "Findings", translated (a filter's choice).
    static QString pluralTitle(const QString &type);
};

/// The kinds of finding a dataset's knowledge ranks (dataset_findings.finding_type, checked
/// by the database): root causes (of a synthesis or a completed investigation),
/// recommendations and observations.
class FindingTypes
{
    Q_DECLARE_TR_FUNCTIONS(FindingTypes)

public:
    /// root_cause, observation, recommendation.
    static QStringList all();
    /// "root cause", translated; an unknown type as it is.
    static QString label(const QString &type);
};

} // namespace ke
