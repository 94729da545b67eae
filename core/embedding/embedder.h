#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ke {

/// One embedding: `dimension()` floats, L2-normalised by the embedder (so inner product is
/// cosine similarity).
using EmbeddingVector = std::vector<float>;

/// Turns texts into vectors. Every stored vector is kept together with the `name()` and
/// `dimension()` of the model that made it; vectors of different models are never compared
/// (a change of model means re-embedding).
///
/// Implementations: LsaEmbedder (local, the default: learned from the tenant's own corpus, no
/// network, no downloaded weights); an HTTP (OpenAI-compatible) embedder comes later.
/// Thread rules: embed() may be called from any thread once the embedder is constructed, as
/// long as the embedder is not modified concurrently (implementations are immutable or lock).
class Embedder
{
public:
    virtual ~Embedder() = default;

    /// Identifies the model, including anything that changes its vectors
    /// (e.g. "lsa-256-3f2a9c1d": a retrained LSA model gets a new name).
    virtual QString name() const = 0;
    virtual int dimension() const = 0;
    /// One vector per text, in order. A text with nothing the model knows gets a zero vector.
    virtual Result<std::vector<EmbeddingVector>> embed(const QStringList &texts) const = 0;
};

/// Scales `v` to unit length (leaves a zero vector alone).
void normalizeEmbedding(EmbeddingVector &v);
/// Inner product of two vectors of equal size.
float dotProduct(const EmbeddingVector &a, const EmbeddingVector &b);

} // namespace ke
