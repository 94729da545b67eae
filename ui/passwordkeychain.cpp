#include "passwordkeychain.h"

#include <QCoreApplication>
#include <QLibrary>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace ke {

namespace {

// How a job ended, taken from it before it deletes itself.
struct Outcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString reason; ///< QtKeychain's words, or ours where it has none
    QString text; ///< a read's password
};

// QtKeychain's own words, or ours where it has none ("Unknown error" without a D-Bus session).
QString reason(const QKeychain::Job *job)
{
    const QString said = job->errorString();
    if (!said.isEmpty() && said != QLatin1String("Unknown error"))
        return said;
    return PasswordKeychain::tr("no keychain service (Secret Service, KWallet) answers on this "
                                "desktop session (error %1)")
        .arg(int(job->error()));
}

Error keychainError(const Outcome &outcome)
{
    const bool unavailable = outcome.error == QKeychain::NoBackendAvailable
        || outcome.error == QKeychain::NotImplemented || outcome.error == QKeychain::OtherError;
    return makeError(unavailable ? QString(ErrorCode::NotConfigured) : QString(ErrorCode::Io),
                     outcome.reason);
}

// libsecret (QtKeychain's Secret Service backend, dlopened) keeps one connection and one
// session with the daemon it first met: after the keychain daemon restarted, every call of
// this process fails with "The session does not exist". Dropping that connection makes the
// next call open a fresh one. False where libsecret is not installed (another backend).
bool reconnectSecretService()
{
    static const QFunctionPointer disconnect
        = QLibrary::resolve(QStringLiteral("secret-1"), 0, "secret_service_disconnect");
    if (!disconnect)
        return false;
    disconnect();
    return true;
}

// Starts the job `make` creates and calls `finished` when it has ended, unless `context` is
// gone by then. A job that fails in D-Bus (OtherError: no answer, a stale session) runs once
// more over a fresh connection to the Secret Service.
//
// `finished` runs from the event loop, never inside the job's own signal: QtKeychain runs one
// job at a time and starts the next only after that signal, so a caller that opens a modal
// dialog there (ConnectionSwitcher asking for a password) would wait for the keychain forever.
// The job has no parent: QtKeychain's libsecret backend calls back into a started job, so a
// job deleted before it ends (with its parent) crashes the application. It deletes itself.
void startJob(const std::function<QKeychain::Job *()> &make, QObject *context,
              std::function<void(const Outcome &)> finished, bool mayRetry = true)
{
    QKeychain::Job *job = make();
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [make, guard, hadContext, finished, mayRetry](QKeychain::Job *j) {
            if (hadContext && !guard)
                return;
            if (mayRetry && j->error() == QKeychain::OtherError && reconnectSecretService()) {
                startJob(make, guard.data(), finished, false);
                return;
            }
            Outcome outcome;
            outcome.error = j->error();
            if (outcome.error != QKeychain::NoError)
                outcome.reason = reason(j);
            if (const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(j))
                outcome.text = read->textData();
            QObject *receiver = hadContext ? guard.data() : QCoreApplication::instance();
            if (!receiver || !finished)
                return;
            QMetaObject::invokeMethod(
                receiver, [finished, outcome]() { finished(outcome); }, Qt::QueuedConnection);
        });
    job->start();
}

template <typename Job> std::function<QKeychain::Job *()> jobFor(const QString &key)
{
    return [key]() -> QKeychain::Job * {
        auto *job = new Job(PasswordKeychain::service());
        job->setKey(key);
        return job;
    };
}

} // namespace

PasswordKeychain::PasswordKeychain(QObject *parent)
    : QObject(parent)
{ }

QString PasswordKeychain::service()
{
    return QStringLiteral("Knowledge Explorer");
}

void PasswordKeychain::checkAvailable(QObject *context,
                                      std::function<void(bool, const QString &)> done)
{
    startJob(jobFor<QKeychain::ReadPasswordJob>(QStringLiteral("availability-check")), context,
             [done](const Outcome &o) {
                 const bool available
                     = o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound;
                 done(available, available ? QString() : o.reason);
             });
}

void PasswordKeychain::store(const QString &connection, const QString &password, QObject *context,
                             std::function<void(const Result<void> &)> done)
{
    const auto make = [connection, password]() -> QKeychain::Job * {
        auto *job = new QKeychain::WritePasswordJob(service());
        job->setKey(connection);
        job->setTextData(password);
        return job;
    };
    startJob(make, context, [done](const Outcome &o) {
        if (o.error == QKeychain::NoError)
            done({});
        else
            done(keychainError(o));
    });
}

void PasswordKeychain::read(const QString &connection, QObject *context,
                            std::function<void(const Result<QString> &)> done)
{
    startJob(jobFor<QKeychain::ReadPasswordJob>(connection), context, [done](const Outcome &o) {
        if (o.error == QKeychain::NoError)
            done(o.text);
        else if (o.error == QKeychain::EntryNotFound)
            done(QString());
        else
            done(keychainError(o));
    });
}

void PasswordKeychain::forget(const QString &connection, QObject *context,
                              std::function<void(const Result<void> &)> done)
{
    startJob(jobFor<QKeychain::DeletePasswordJob>(connection), context, [done](const Outcome &o) {
        if (!done)
            return;
        if (o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound)
            done({});
        else
            done(keychainError(o));
    });
}

} // namespace ke
