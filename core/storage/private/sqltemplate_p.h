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

/// The events (alias-free columns of the events table) whose writing transaction became visible
/// between two pg_snapshots: `prev` and `now` are the SQL placeholders holding them (e.g. "$2",
/// "$3"). Not visible in the old snapshot = at or above its xmax, or one of its in-progress
/// xids: two index range/point scans on (tx_id), however old the old snapshot's xmin is (a
/// long-running transaction anywhere on the server keeps xmin back, and "tx_id >= xmin" then
/// reads the whole table: 2.2 s at 1M events). Only for an events table with tx_id.
inline QString newlyVisible(const QString &prev, const QString &now)
{
    return QStringLiteral("(tx_id >= pg_snapshot_xmax(%1::pg_snapshot) OR tx_id = ANY "
                          "(ARRAY(SELECT pg_snapshot_xip(%1::pg_snapshot)))) AND "
                          "pg_visible_in_snapshot(tx_id, %2::pg_snapshot) AND NOT "
                          "pg_visible_in_snapshot(tx_id, %1::pg_snapshot)")
        .arg(prev, now);
}

/// `text` with {k}, {ev} and {uuid_re} expanded for `db`'s settings.
inline QString expand(const Database &db, QString text)
{
    text.replace(QLatin1String("{k}"), Database::quoteQualified(db.settings().schema));
    text.replace(QLatin1String("{ev}"), db.eventsTable());
    text.replace(QLatin1String("{uuid_re}"), QLatin1String(kUuidPattern));
    return text;
}

} // namespace ke::sql
