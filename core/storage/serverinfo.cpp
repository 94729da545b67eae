#include "serverinfo.h"

#include "database_p.h"

#include <QCryptographicHash>

namespace ke {

Result<ServerInfo> ServerInfo::query(Database &db)
{
    return guarded(tr("asking the server what it offers"), [&]() -> Result<ServerInfo> {
        ServerInfo info;
        info.version = db.serverVersion();
        pqxx::nontransaction tx(databasePrivate(db)->conn);
        const pqxx::result r = tx.exec(
            "SELECT (SELECT default_version FROM pg_available_extensions WHERE name = 'vector'), "
            "(SELECT extversion FROM pg_extension WHERE extname = 'vector')");
        info.pgvectorAvailable = !r[0][0].is_null();
        info.pgvectorInstalled = !r[0][1].is_null();
        info.pgvectorVersion = stringFromField(info.pgvectorInstalled ? r[0][1] : r[0][0]);
        return info;
    });
}

} // namespace ke

namespace ke {

QString DatabaseIdentity::key() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &part : {systemIdentifier, databaseName, schema}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\n", 1));
    }
    return QStringLiteral("db-") + QString::fromLatin1(h.result().toHex().left(16));
}

Result<DatabaseIdentity> DatabaseIdentity::query(Database &db)
{
    return guarded(tr("reading which database this is"), [&]() -> Result<DatabaseIdentity> {
        DatabaseIdentity id;
        id.schema = db.settings().schema;
        pqxx::connection &conn = databasePrivate(db)->conn;
        try {
            pqxx::nontransaction tx(conn);
            const pqxx::result r = tx.exec(
                "SELECT system_identifier::text, current_database() FROM pg_control_system()");
            id.systemIdentifier = stringFromField(r[0][0]);
            id.databaseName = stringFromField(r[0][1]);
        } catch (const pqxx::sql_error &) {
            // A server that revokes pg_control_system() from ordinary logins: fall back to
            // where the server listens (through a Unix socket it reports no address; then
            // the socket directory the client used).
            pqxx::nontransaction tx(conn);
            const pqxx::result r = tx.exec("SELECT host(inet_server_addr()), inet_server_port(), "
                                           "current_database()");
            const QString host = r[0][0].is_null()
                ? QString::fromUtf8(conn.hostname() ? conn.hostname() : "")
                : stringFromField(r[0][0]);
            const QString port = r[0][1].is_null()
                ? QString::fromUtf8(conn.port() ? conn.port() : "")
                : stringFromField(r[0][1]);
            id.systemIdentifier = QStringLiteral("addr:%1:%2").arg(host, port);
            id.databaseName = stringFromField(r[0][2]);
        }
        return id;
    });
}

} // namespace ke
