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
/// every request has a timeout; the dimension must agree across batches. Errors say what
/// the server answered and what to do (401/403: the key was refused).
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
    };

    explicit HttpEmbedder(Options options);

    /// From KNOWLEDGE_EMBEDDINGS_URL, KNOWLEDGE_EMBEDDINGS_MODEL and
    /// KNOWLEDGE_EMBEDDINGS_API_KEY; "not_configured" when the URL or model is missing.
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
    Options m_options;
    mutable std::atomic_int m_dimension{0};
};

} // namespace ke
