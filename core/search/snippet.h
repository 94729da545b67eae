#pragma once

#include "textanalyzer.h"

#include <QString>
#include <QStringList>

namespace ke {

/// The snippet of a search result: the window of `windowWords` words of `content` holding the
/// most distinct query words (compared by stem, as the index does), the matches marked
/// «like this», "…" where text is cut; stop words are searched for but not marked. Computed
/// in C++ rather than with FTS5's snippet(), which re-runs the whole match expression for
/// every result (2–5 ms per search at 100k documents). A document found by the vector signal
/// alone gets its opening words. Pure and thread-safe.
QString markedExcerpt(const QString &content, const QStringList &queryWords, int windowWords = 16);
/// The stems markedExcerpt() marks for `queryWords` — computed once per query when many
/// results get a snippet (a pasted paragraph has hundreds of words).
textanalyzer::QueryWordSet snippetStems(const QStringList &queryWords);
/// markedExcerpt() with the query's stems already computed (snippetStems).
QString markedExcerpt(const QString &content, const textanalyzer::QueryWordSet &stems,
                      int windowWords = 16);

} // namespace ke
