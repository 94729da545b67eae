#pragma once

#include <QDateTime>
#include <QToolButton>

namespace ke {

/// The status bar's connection summary, one button: online or offline with the server's name
/// (login@host/database, never a password), the tenant's name, the person, the last sync and
/// the outbox's pending and refused writes. Clicking it opens the outbox (the window connects
/// `clicked`). Only shows what it is told; GUI thread only.
class ConnectionStatus : public QToolButton
{
    Q_OBJECT

public:
    enum class State { Connecting, Online, Offline };

    explicit ConnectionStatus(QWidget *parent = nullptr);

    void setState(State state, const QString &why = {});
    State state() const { return m_state; }
    void setServer(const QString &server);
    void setTenant(const QString &tenant);
    void setPerson(const QString &person);
    void setLastSync(const QDateTime &syncedAt);
    /// "Syncing… 40%" while a sync runs (`percent` < 0: without a figure); empty to stop.
    void setSyncing(bool syncing, int percent = -1);
    void setOutboxCounts(qint64 pending, qint64 refused);
    qint64 pendingWrites() const { return m_pending; }
    qint64 refusedWrites() const { return m_refused; }

private:
    void update();

    State m_state = State::Connecting;
    QString m_why;
    QString m_server;
    QString m_tenant;
    QString m_person;
    QDateTime m_lastSync;
    bool m_syncing = false;
    int m_percent = -1;
    qint64 m_pending = 0;
    qint64 m_refused = 0;
};

} // namespace ke
