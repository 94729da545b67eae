#pragma once

#include "embedder.h"

#include <QCoreApplication>
#include <QUrl>

#include <atomic>
#include <chrono>

namespace ke {

/// An OpenAI-compatible embeddings API: POST {baseUrl}/v1/embeddings with
/// {"model": M, "input": [texts]} answered by {"data": [{"embedding": [...], "index": i}]}.
///
/// Texts are sent in batches (Options::batchSize per request); 429 and 5xx answers and
/// network errors are retried with exponential backoff (Retry-After honoured, capped);
/// every request has a timeout, and all attempts of one batch together a deadline; the
/// dimension must agree across batches. Errors say what the server answered and what to do
/// (401/403: the key was refused), and never contain the key.
///
/// Transport rules: the key is sent over https, or over plain http only to a loopback
/// address (a local Ollama or llama.cpp); otherwise embed() refuses before connecting.
/// Redirects are followed only to the same origin (scheme, host and port), so the
/// Authorization header never reaches another host. An answer larger than
/// Options::maxResponseBytes is aborted.
///
/// Each embed() call makes its own QNetworkAccessManager and runs a local QEventLoop, so it
/// may be called from any thread (worker threads included), also concurrently; the object
/// itself is immutable after construction.
class HttpEmbedder final : public Embedder
{
    Q_DECLARE_TR_FUNCTIONS(HttpEmbedder)

public:
    struct Options
    {
        QUrl baseUrl; ///< e.g. https://api.openai.com (the /v1/embeddings path is appended)
        QString model; ///< e.g. text-embedding-3-small
        QString apiKey; ///< sent as "Authorization: Bearer <key>" when not empty
        int batchSize = 64;
        std::chrono::milliseconds timeout{30000}; ///< per request
        int maxRetries = 4; ///< after the first attempt
        std::chrono::milliseconds initialBackoff{500}; ///< doubled after every retry
        std::chrono::milliseconds maxBackoff{20000}; ///< also caps Retry-After
        int expectedDimension = 0; ///< 0: learned from the first answer
        /// All attempts of one batch, waits included, end within this (so does a query,
        /// which is one batch).
        std::chrono::milliseconds deadline{120000};
        qint64 maxResponseBytes = 64 * 1024 * 1024; ///< a larger answer is aborted
    };

    /// The same API with the limits for embedding a search query: a person waits for the
    /// result, so 5 s per request, one retry, 8 s in all (then the search is lexical only).
    static Options forQueries(Options options);
    /// Whether the options may be used as they are: http(s) only, and a key only over https
    /// or to a loopback address.
    static Result<void> checkTransport(const Options &options);

    explicit HttpEmbedder(Options options);

    /// From KNOWLEDGE_EMBEDDINGS_URL, KNOWLEDGE_EMBEDDINGS_MODEL and
    /// KNOWLEDGE_EMBEDDINGS_API_KEY; "not_configured" when the URL or model is missing,
    /// "insecure_url" when checkTransport() refuses them.
    static Result<Options> optionsFromEnvironment();
    /// True when KNOWLEDGE_EMBEDDINGS_URL is set.
    static bool isConfigured();

    /// "http:<model>" (the stored model name; vectors of other models are never compared).
    QString name() const override;
    /// The expected dimension, or 0 until known (the first embed() answer tells).
    int dimension() const override;
    Result<std::vector<EmbeddingVector>> embed(const QStringList &texts) const override;

    const Options &options() const { return m_options; }

private:
    /// `text` without the key (or the fragments of it that providers echo) and the URL's
    /// password.
    QString redacted(QString text) const;

    Options m_options;
    mutable std::atomic_int m_dimension{0};
};

} // namespace ke
