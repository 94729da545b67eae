#pragma once

// The one search pipeline, seen from outside: a request is normalised once
// (normalizedRequest), then answered by one of two engines behind one interface — online
// (PostgreSQL: OnlineSearch) or offline (the local cache: offlineSearch) — which share the
// ranking (ranking.h) and the lexical score (bm25.h). Which engine answers, and the fallback
// from online to the cache, is decided in one place: SearchClient (core/client), used by the
// GUI, knowledgectl and the HTTP API.

#include "connectionsettings.h"
#include "result.h"
#include "searchindex.h"
#include "searchoutcome.h"

#include <QCoreApplication>

#include <atomic>
#include <memory>

namespace ke {

class Database;
class OnlineSearch;

/// The request both engines answer, checked the same way: the limit clamped to 1..1000,
/// unknown document types and malformed dataset ids refused with a message. `datasetId` may
/// be a UUID or a dataset name (each engine resolves names its own way).
Result<SearchRequest> normalizedRequest(const SearchRequest &request);

/// One way of answering a search. Implementations decide nothing about fallback.
class SearchEngine
{
public:
    virtual ~SearchEngine() = default;
    /// "online" | "offline" (SearchOutcome::mode).
    virtual QString mode() const = 0;
    /// Answers a normalised request; checks `cancel` (may be null) between stages and then
    /// answers the error "cancelled".
    virtual Result<SearchOutcome> search(const SearchRequest &request,
                                         const std::atomic_bool *cancel)
        = 0;
};

/// The database engine. Borrows the Database and the OnlineSearch (whose vector cache lives as
/// long as it does); use on that Database's thread only.
class OnlineSearchEngine final : public SearchEngine
{
public:
    OnlineSearchEngine(Database &db, OnlineSearch &search);
    QString mode() const override { return QStringLiteral("online"); }
    Result<SearchOutcome> search(const SearchRequest &request,
                                 const std::atomic_bool *cancel) override;

private:
    Database &m_db;
    OnlineSearch &m_search;
};

/// The local cache of the connection in `settings` (offlineSearch). Any thread.
class OfflineSearchEngine final : public SearchEngine
{
public:
    explicit OfflineSearchEngine(ConnectionSettings settings);
    QString mode() const override { return QStringLiteral("offline"); }
    Result<SearchOutcome> search(const SearchRequest &request,
                                 const std::atomic_bool *cancel) override;

private:
    ConnectionSettings m_settings;
};

} // namespace ke
