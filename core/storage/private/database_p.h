#pragma once

// Private to core: the only place where libpqxx meets the rest of the code. Never include
// this from a public header.

#include "database.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <pqxx/pqxx>

#include <exception>
#include <optional>
#include <string>
#include <type_traits>

namespace ke {

struct Database::Private
{
    explicit Private(const std::string &conninfo)
        : conn(conninfo)
    { }
    pqxx::connection conn;
    ConnectionSettings settings;
    QUuid tenant;
    QUuid actor;
    QString login; ///< current_user, read on connect
    Database::AccessLevel level = Database::AccessLevel::None;
    bool everyTenant = false; ///< a service grant for every tenant
    /// The API key this session last presented (knowledge.api_key; ApiKeys::select), so that
    /// a request with the same key does not set it again.
    std::string presentedKey;
};

/// The connection and session state behind `db` (for core's code only).
Database::Private *databasePrivate(const Database &db);

inline std::string toStd(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

inline QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline std::string uuidToStd(const QUuid &u)
{
    const QByteArray b = u.toByteArray(QUuid::WithoutBraces);
    return std::string(b.constData(), size_t(b.size()));
}

inline QUuid uuidFromField(const pqxx::field &f)
{
    return f.is_null() ? QUuid() : QUuid::fromString(QLatin1String(f.c_str()));
}

inline QString stringFromField(const pqxx::field &f)
{
    return f.is_null() ? QString() : QString::fromUtf8(f.c_str(), qsizetype(f.size()));
}

/// A json/jsonb column (or its ::text) as an object / an array; empty for NULL or another shape.
inline QJsonObject objectFromField(const pqxx::field &f)
{
    return f.is_null()
        ? QJsonObject()
        : QJsonDocument::fromJson(QByteArray::fromRawData(f.c_str(), int(f.size()))).object();
}
inline QJsonArray arrayFromField(const pqxx::field &f)
{
    return f.is_null()
        ? QJsonArray()
        : QJsonDocument::fromJson(QByteArray::fromRawData(f.c_str(), int(f.size()))).array();
}

/// A statement name that differs per SQL text, so several tables/shapes can coexist on one
/// connection (libpqxx prepares lazily and accepts the same definition again).
inline std::string statementName(const char *prefix, const std::string &sql)
{
    const QByteArray h
        = QCryptographicHash::hash(QByteArray::fromStdString(sql), QCryptographicHash::Md5)
              .toHex()
              .left(16);
    return std::string(prefix) + h.toStdString();
}

/// Runs `sql` as a prepared statement of the connection, prepared on first use under a name
/// made of `prefix` and the text (statementName): for statements of the same text every time,
/// whose planning would otherwise be repeated on every call.
template <typename... Args>
pqxx::result execPrepared(pqxx::transaction_base &tx, pqxx::connection_base &conn,
                          const char *prefix, const std::string &sql, Args &&...args)
{
    const std::string name = statementName(prefix, sql);
    conn.prepare(name, sql);
    return tx.exec_prepared(name, std::forward<Args>(args)...);
}

/// Parses a timestamptz as PostgreSQL prints it with TimeZone=UTC ("2026-11-26 21:48:33.123+00").
QDateTime timestampFromField(const pqxx::field &f);

/// Reads a column into a value of its type, one rule for every row read: NULL is the type's
/// empty value (a null QUuid / QString / QDateTime, 0, an empty object, nullopt).
inline void readField(const pqxx::field &f, QUuid &out)
{
    out = uuidFromField(f);
}
inline void readField(const pqxx::field &f, QString &out)
{
    out = stringFromField(f);
}
inline void readField(const pqxx::field &f, QDateTime &out)
{
    out = timestampFromField(f);
}
inline void readField(const pqxx::field &f, QJsonObject &out)
{
    out = objectFromField(f);
}
template <typename T>
requires std::is_arithmetic_v<T>
void readField(const pqxx::field &f, T &out)
{
    out = f.is_null() ? T{} : f.as<T>();
}
template <typename T> void readField(const pqxx::field &f, std::optional<T> &out)
{
    if (f.is_null()) {
        out.reset();
    } else {
        T value{};
        readField(f, value);
        out = std::move(value);
    }
}

/// Reads the row's columns `first`, `first + 1`, … into `out...`, in that order.
template <typename... T> void readColumns(const pqxx::row &row, int first, T &...out)
{
    int column = first;
    (readField(row[column++], out), ...);
}

/// "no tenant selected — set KNOWLEDGE_TENANT or --tenant" (ErrorCode::NoTenant): what every
/// tenant-scoped operation on a Database answers when it has no tenant.
Error noTenantError();

/// The rule for a person's handle: letters, digits, ". _ @ -", 1 to 64 of them.
bool isValidPersonHandle(const QString &handle);

/// The id of the person with `handle` in tenant `tenantId` (a UUID's text), created (display
/// name = handle) when the tenant has none yet. The handle must be valid (isValidPersonHandle).
QUuid personForHandle(pqxx::transaction_base &tx, const std::string &peopleTable,
                      const std::string &tenantId, const QString &handle);

/// Turns an exception thrown by libpqxx (or anything else) into a message for people:
/// what failed (`what`), the server's own words, and a hint at what to do.
Error databaseError(const QString &what, const std::exception &e);

/// Runs `f` and converts any exception into an Error, so nothing escapes the core boundary.
template <typename F> auto guarded(const QString &what, F &&f) -> decltype(f())
{
    try {
        return f();
    } catch (const std::exception &e) {
        return databaseError(what, e);
    }
}

} // namespace ke
