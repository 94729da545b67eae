#pragma once

#include "searchindex.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ke {

/// What one search (online or offline) answered: the ranked results and where they came
/// from. A plain value type; safe to copy between threads.
struct SearchOutcome
{
    QString mode; ///< "online" | "offline"
    QList<SearchResult> results;
    /// For people, may be empty: why the answer is what it is ("the database is unreachable
    /// — searched the local cache of 2026-03-01 10:00", "no vector model yet — lexical only").
    QString note;

    /// `knowledgectl search --json` and `GET /search`: {"mode", "results": [{source_type,
    /// source_id, dataset_id, investigation_id, snippet, score, created_at, feedback_score,
    /// ranks: {lexical, vector}}], "note" (when there is one)}; a rank a signal did not give
    /// and an empty id are null.
    QJsonObject toJson() const;
};

} // namespace ke
