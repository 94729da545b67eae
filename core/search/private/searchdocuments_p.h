#pragma once

// Private to core: helpers shared by the document builder and the online search.

#include "embedder.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace ke::searchdocs {

/// The advisory lock every writer of a tenant's search_documents holds (migration 0004).
inline QString lockKey(const QString &schema)
{
    return QStringLiteral("knowledge.search.") + schema;
}

/// float32 little endian, as search_embeddings.packed stores a vector.
QByteArray packVector(const EmbeddingVector &v);
/// The inverse; an empty vector when `bytes` is not a whole number of floats.
EmbeddingVector unpackVector(const QByteArray &bytes);
/// "{0.1,0.2}" for a real[] parameter.
QString arrayLiteral(const EmbeddingVector &v);
/// The same into `out` (replacing its contents), shortest round-trip digits: for COPY.
void appendArrayLiteral(std::string &out, const EmbeddingVector &v);

// pgvector, where the server has it (Debian 12 does not package it, so none of this runs on
// the development machine; tst_onlinesearch::pgvectorOptionalPath exercises it on a server
// with the extension installed). search_embeddings then gains a column
// `embedding_vector vector` (no fixed dimension: models differ) and, per model, a partial HNSW
// index over `embedding_vector::vector(<dimension>)` with inner-product distance. Everything
// else (real[] + packed) stays as it is, so the product works the same without it.

/// The index of one model's vectors (a name PostgreSQL accepts whatever the model is called).
QString pgvectorIndexName(const QString &model);
/// The indexed expression for a model of `dimension` dimensions.
QString pgvectorExpression(int dimension);

} // namespace ke::searchdocs
