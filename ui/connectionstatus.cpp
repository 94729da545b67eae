#include "connectionstatus.h"

#include <QLocale>

namespace ke {

ConnectionStatus::ConnectionStatus(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("connectionStatus"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    update();
}

void ConnectionStatus::setState(State state, const QString &why)
{
    m_state = state;
    m_why = why;
    update();
}

void ConnectionStatus::setServer(const QString &server)
{
    m_server = server;
    update();
}

void ConnectionStatus::setTenant(const QString &tenant)
{
    m_tenant = tenant;
    update();
}

void ConnectionStatus::setPerson(const QString &person)
{
    m_person = person;
    update();
}

void ConnectionStatus::setLastSync(const QDateTime &syncedAt)
{
    m_lastSync = syncedAt;
    update();
}

void ConnectionStatus::setSyncing(bool syncing, int percent)
{
    m_syncing = syncing;
    m_percent = percent;
    update();
}

void ConnectionStatus::setOutboxCounts(qint64 pending, qint64 refused)
{
    m_pending = pending;
    m_refused = refused;
    update();
}

void ConnectionStatus::update()
{
    QStringList parts;
    switch (m_state) {
    case State::Connecting:
        parts << tr("Connecting…");
        break;
    case State::Online:
        parts << tr("● Online");
        break;
    case State::Offline:
        parts << tr("○ Offline");
        break;
    }
    if (!m_server.isEmpty())
        parts << m_server;
    parts << tr("Tenant: %1").arg(m_tenant.isEmpty() ? tr("none") : m_tenant);
    parts << tr("You: %1").arg(m_person.isEmpty() ? tr("unknown") : m_person);
    if (m_syncing)
        parts << (m_percent >= 0 ? tr("Syncing… %1%").arg(m_percent) : tr("Syncing…"));
    else if (m_lastSync.isValid())
        parts << tr("Synced %1")
                     .arg(QLocale().toString(m_lastSync.toLocalTime(), QLocale::ShortFormat));
    else
        parts << tr("Never synced");
    if (m_pending > 0)
        parts << tr("%n write(s) pending", nullptr, int(m_pending));
    if (m_refused > 0)
        parts << tr("%n need(s) attention", nullptr, int(m_refused));
    setText(parts.join(QStringLiteral(" · ")));

    QString tip = m_state == State::Offline
        ? tr("Working offline from the cache: your changes are kept in the outbox and sent "
             "when the database is reachable.")
        : tr("Connected to the database.");
    if (!m_why.isEmpty())
        tip += QLatin1Char('\n') + m_why;
    tip += QLatin1Char('\n') + tr("Click to see the outbox.");
    setToolTip(tip);
}

} // namespace ke
