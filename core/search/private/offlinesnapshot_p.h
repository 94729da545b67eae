#pragma once

// Private to core: the SQLite side of OfflineSnapshot, shared by offlinesnapshot.cpp (open,
// readers) and offlinesnapshotsync.cpp (sync).

#include "offlinesnapshot.h"
#include "searchindex_p.h"

#include <sqlite3.h>

namespace ke {

struct OfflineSnapshot::Private
{
    QString path;
    sqlite3 *h = nullptr;

    ~Private();
    Error error(const QString &what) const;
    Result<void> exec(const char *sql) const;
    /// One value of the meta table (empty when unset).
    QString meta(const char *key) const;
};

namespace offlinesnapshotdetail {
inline constexpr char kSyncedAt[] = "synced_at";
inline constexpr char kViewer[] = "viewer";
inline constexpr char kWindow[] = "window";
/// An event list as stored: JSON array of Event::toJson(), zlib-compressed.
QByteArray packEvents(const std::vector<Event> &events);
std::vector<Event> unpackEvents(const QByteArray &packed);
QJsonObject historyEntryToJson(const QuirkHistoryEntry &e);
QuirkHistoryEntry historyEntryFromJson(const QJsonObject &o);
} // namespace offlinesnapshotdetail

} // namespace ke
