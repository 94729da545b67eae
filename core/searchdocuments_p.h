#pragma once

// Private to core: helpers shared by the document builder and the online search.

#include "embedder.h"

#include <QByteArray>
#include <QString>

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

} // namespace ke::searchdocs
