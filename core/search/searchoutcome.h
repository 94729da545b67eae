#pragma once

#include "searchindex.h"

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
};

} // namespace ke
