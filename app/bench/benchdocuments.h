#pragma once

// Searchable documents and queries made from the demo seeder's investigations, for the
// benchmarks that search (search, http).

#include "demoseeder.h"
#include "event.h"
#include "result.h"
#include "searchindex.h"
#include "sqlsession.h"

#include <QList>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace ke::bench {

/// Searchable documents from demo investigations: every event with prose (hypotheses,
/// query purposes and SQL, comments, findings, quirks) becomes one document.
class DocumentGenerator
{
public:
    QList<SearchDocument> next(int count);

private:
    DemoSeeder m_seeder{42};
    std::vector<Event> m_events;
    size_t m_pos = 0;
    qint64 m_investigation = 0;
};

/// Appends demo investigations (`seeder`'s, numbered from 0; about 14.4 documents each) to
/// `events` until their events make at least `documents` search documents, counted as the
/// document builder would (hypotheses, queries, comments, findings: root cause,
/// observations, recommendations); returns how many investigations it appended.
qint64 appendInvestigationsFor(DemoSeeder &seeder, qint64 documents, std::vector<Event> &events);

/// Natural-language queries from the same templates: 3–7 consecutive words of sampled
/// documents (so they read like what a person types), plus a few fixed questions.
QStringList buildQueries(const QList<SearchDocument> &sample, int count);

/// About one in 97 of the tenant's live documents in <schema>.search_documents (`table`, as
/// Database::table() names it), spread by a hash of their text (the same documents in every run
/// of one demo seed, whatever ids they got): what buildQueries() samples when
/// the documents were made by the embedding job rather than loaded by loadSearchDocuments().
Result<QList<SearchDocument>> sampleStoredDocuments(SqlSession &sql, const QString &table,
                                                    const QUuid &tenant);

/// Loads `size` generated documents of `tenant` into <schema>.search_documents with COPY, in
/// one transaction, and ANALYZEs the table; every 97th document goes to `sample` (when given).
Result<void> loadSearchDocuments(SqlSession &sql, const QString &schema, const QUuid &tenant,
                                 qint64 size, QList<SearchDocument> *sample = nullptr);

} // namespace ke::bench
