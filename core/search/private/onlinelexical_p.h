#pragma once

// Private to core: the online search's lexical index in memory — one tenant's documents'
// lexemes, shared by the process's threads and brought up to date by change_seq — and how a
// session gets it (onlinelexical.cpp). OnlineSearch (onlinesearch.cpp) scores queries with it.

#include "database_p.h"

#include "textanalyzer.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

namespace ke::onlinelexical {

/// A document's key in the index and in the search's fusion: its type and id.
QString keyOf(const QString &type, const QString &id);

/// A tsvector as PostgreSQL prints it ('lexeme':1,5B 'other' …): each lexeme with its number
/// of positions (1 when it has none) — what array_length(positions, 1) gives in SQL.
std::vector<std::pair<QString, quint32>> parseTsvector(const char *p, size_t n);

/// One tenant's lexical index in memory: its live (not retired) documents' lexemes with term
/// frequencies and lengths, each lexeme's document frequency, the live count and total length
/// — everything BM25 needs (bm25.h). Brought up to date by change_seq: a changed document's
/// old slot is retired in place (its postings stay, skipped by `live`) and it takes a new
/// one; when retired slots outnumber live ones, the next refresh loads the tenant afresh.
/// Shared by the OnlineSearch instances of the process (sharedInProcess<LexicalIndex>()); `lock`
/// guards the data (shared by searches, exclusive while a refresh applies rows), `refreshing` lets
/// one thread at a time fetch changes.
struct LexicalIndex
{
    struct Doc
    {
        QString sourceType, sourceId, datasetId, investigationId;
        QDateTime createdAt;
        double feedbackScore = 0;
        quint32 length = 0; ///< lexemes in its tsvector (length(tsv), as the SQL path)
        bool live = false;
        std::vector<quint32> terms;
    };
    struct Posting
    {
        quint32 doc;
        quint32 tf;
    };
    struct Term
    {
        std::vector<Posting> postings;
        qint64 df = 0; ///< live documents with the lexeme
    };

    mutable std::shared_mutex lock;
    std::mutex refreshing;
    qint64 watermark = 0; ///< the newest change_seq applied
    std::vector<Doc> docs;
    /// Per slot, its length, or kRetired: what the scoring loop reads for every posting, kept
    /// apart from `docs` so that a million postings stay in the cache.
    static constexpr quint32 kRetired = 0xffffffffu;
    std::vector<quint32> lengthOf;
    QHash<QString, quint32> slotOf; // keyOf(type, id) -> docs index
    textanalyzer::WordMap<quint32> termOf; // lexeme -> terms index
    std::vector<Term> terms;
    qint64 live = 0;
    double totalLength = 0;

    void clear();
    /// Retired slots outnumber live ones (and are many): load the tenant afresh.
    bool wantsReload() const;
    void retire(quint32 slot);
    /// One row of search_documents (the columns of upToDateIndex()'s statement).
    void apply(const pqxx::row &row);
    /// The best `k` live documents for the query's lexemes (each with its count in the
    /// query) by BM25 (bm25.h), exactly; only those of `datasetId` (a UUID without braces,
    /// empty: any) and of `sourceTypes` (empty: any). Best first, equal scores by type and
    /// id; each as (keyOf(type, id), score). Takes `lock` for reading.
    std::vector<std::pair<QString, double>>
    top(const std::vector<std::pair<QString, quint32>> &query, const QString &datasetId,
        const QStringList &sourceTypes, int k) const;
};

/// A search's statements are the same text every time; planning them was a third of their time.
template <typename... Args>
inline pqxx::result execPrepared(pqxx::transaction_base &tx, pqxx::connection_base &conn,
                                 const std::string &sql, Args &&...args)
{
    return ke::execPrepared(tx, conn, "ke_search_", sql, std::forward<Args>(args)...);
}

/// The statement every lexical search starts with: the tenant's newest change_seq as this
/// session sees it (row-level security: NULL when it sees none of the tenant's documents),
/// the lexemes of $2 with their counts, and the table's oid. $1 tenant, $3 the table.
std::string headSql(const QString &docs);

/// The shared index of the tenant, brought up to the change_seq `head` (headSql's row, its
/// change_seq not NULL) says this session sees: only then is it handed to the session.
std::shared_ptr<LexicalIndex> upToDateIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                            const QString &docs, const std::string &tenant,
                                            const QUuid &tenantId, const pqxx::row &head);

/// The session's tenant's shared index brought up to date, without a query (warm(),
/// lexicalStatistics()); null when the session sees none of the tenant's documents.
std::shared_ptr<LexicalIndex> tenantIndex(pqxx::transaction_base &tx, pqxx::connection &conn,
                                          Database &db);

} // namespace ke::onlinelexical
