#pragma once

#include <QUuid>

namespace ke {

/// A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits.
/// Ids made later sort later, which keeps the events table's primary-key index append-mostly.
/// Thread-safe.
QUuid createUuidV7();

/// True for a textual UUID in the 8-4-4-4-12 form (with or without braces).
bool isUuid(const QString &text);

} // namespace ke
