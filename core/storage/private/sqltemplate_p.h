#pragma once

// Private to core: the one way core writes SQL that names the product's tables.
//
//   {k}        the product's schema, quoted ("knowledge")      e.g. {k}.dataset_knowledge
//   {ev}       the configured events table, quoted ("public"."investigation_feedback_events")
//   {uuid_re}  a regular-expression literal for a canonical UUID (for `~` in SQL)
//
// Names come only from configuration (quoted by Database::quoteQualified); values are never
// templated into SQL — they are bound as $1, $2, … A caller may add placeholders of its own
// for fragments (e.g. the aggregator's {INV}), expanded after these.

#include "database.h"

#include <QString>

namespace ke::sql {

inline constexpr const char *kUuidPattern
    = "'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'";

/// `text` with {k}, {ev} and {uuid_re} expanded for `db`'s settings.
inline QString expand(const Database &db, QString text)
{
    text.replace(QLatin1String("{k}"), Database::quoteQualified(db.settings().schema));
    text.replace(QLatin1String("{ev}"), db.eventsTable());
    text.replace(QLatin1String("{uuid_re}"), QLatin1String(kUuidPattern));
    return text;
}

} // namespace ke::sql
