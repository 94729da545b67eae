#pragma once

#include "embedder.h"
#include "textanalyzer.h"

#include <QCoreApplication>
#include <QHash>

namespace ke {

/// Latent semantic analysis: a truncated SVD of the corpus's TF-IDF term-document matrix,
/// learned from the tenant's own documents. A text is embedded by projecting its TF-IDF
/// vector on the top `dimension` left singular vectors (scaled by sigma^-exponent, see
/// Options), then L2-normalising. Needs no network and no weights: the default embedder.
///
/// The SVD is a randomized subspace iteration (Halko, Martinsson & Tropp 2011): the sparse
/// corpus products are ours (one pass over the documents' TF-IDF entries), the dense algebra
/// on the (terms x dimension+oversampling) blocks — QR, the small symmetric eigenproblem,
/// the products — is Eigen's.
///
/// Owns its vocabulary, IDF weights and projection. Immutable after train()/load(): embed()
/// is safe from any number of threads.
class LsaEmbedder final : public Embedder
{
    Q_DECLARE_TR_FUNCTIONS(LsaEmbedder)

public:
    struct Options
    {
        /// Latent dimensions (fewer if the corpus is smaller). Tuned on Cranfield dev
        /// (vector nDCG@10: 96 → .374, 128 → .394, 256 → .382, 400 → .367); fewer dimensions
        /// also make the HNSW index smaller and faster to build.
        int dimension = 128;
        int minDocumentFrequency = 2; ///< rarer terms left out (corpora of 100+ documents)
        double maxDocumentShare = 0.5; ///< terms in more than this share of docs are left out
        int maxVocabulary = 100000; ///< the most frequent terms kept beyond that
        int powerIterations = 4; ///< subspace iterations (accuracy of the SVD)
        int oversampling = 20; ///< extra random directions
        double sigmaExponent = 0.0; ///< projection scaled by sigma^-exponent (0: U^T x)
        quint64 seed = 42; ///< the random start, for reproducible models
    };

    /// Learns a model from `corpus` (one string per document). Fails on an empty corpus or
    /// one without any term occurring in minDocumentFrequency documents.
    /// With `corpusVectors`, also gives embed()'s vector of every corpus document (in order)
    /// without analysing the texts a second time.
    static Result<LsaEmbedder> train(const QStringList &corpus, const Options &options,
                                     std::vector<EmbeddingVector> *corpusVectors = nullptr);
    static Result<LsaEmbedder> train(const QStringList &corpus) { return train(corpus, Options{}); }
    /// Reads a model written by save(); refuses a truncated or foreign file.
    static Result<LsaEmbedder> load(const QString &path);
    /// Writes the model atomically (QSaveFile).
    Result<void> save(const QString &path) const;

    QString name() const override { return m_name; }
    int dimension() const override { return m_dimension; }
    Result<std::vector<EmbeddingVector>> embed(const QStringList &texts) const override;
    /// Embeds one text (never fails).
    EmbeddingVector embedOne(const QString &text) const;

    int vocabularySize() const { return int(m_idf.size()); }

private:
    LsaEmbedder() = default;
    void computeName();
    /// The vocabulary, term of row 0 first.
    QStringList termsByRow() const;
    /// The vector of a text given as (term, count) pairs in increasing term order.
    EmbeddingVector project(const std::vector<std::pair<int, int>> &counts) const;

    QString m_name;
    int m_dimension = 0;
    textanalyzer::WordMap<int> m_termIndex; // stemmed term -> row
    std::vector<float> m_idf; // per term
    std::vector<float> m_projection; // terms x dimension, row-major, sigma scaling applied
};

} // namespace ke
