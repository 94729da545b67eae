#include "passwordkeychain.h"

#include <QLibrary>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace ke {

namespace {

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

Error keychainError(const QKeychain::Job *job)
{
    const bool unavailable = job->error() == QKeychain::NoBackendAvailable
        || job->error() == QKeychain::NotImplemented || job->error() == QKeychain::OtherError;
    return makeError(unavailable ? QString(ErrorCode::NotConfigured) : QString(ErrorCode::Io),
                     reason(job));
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

// Starts the job `make` creates and calls `finished` with it when it ends, unless `context`
// is gone by then. A job that fails in D-Bus (OtherError: no answer, a stale session) runs
// once more over a fresh connection to the Secret Service.
//
// The job has no parent: QtKeychain's libsecret backend calls back into a started job, so a
// job deleted before it ends (with its parent) crashes the application. It deletes itself
// once it has ended.
void startJob(const std::function<QKeychain::Job *()> &make, QObject *context,
              std::function<void(QKeychain::Job *)> finished, bool mayRetry = true)
{
    QKeychain::Job *job = make();
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [make, guard, hadContext, finished, mayRetry](QKeychain::Job *j) {
                         if (hadContext && !guard)
                             return;
                         if (mayRetry && j->error() == QKeychain::OtherError
                             && reconnectSecretService()) {
                             startJob(make, guard.data(), finished, false);
                             return;
                         }
                         if (finished)
                             finished(j);
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
             [done](QKeychain::Job *j) {
                 const bool available
                     = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
                 done(available, available ? QString() : reason(j));
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
    startJob(make, context, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            done({});
        else
            done(keychainError(j));
    });
}

void PasswordKeychain::read(const QString &connection, QObject *context,
                            std::function<void(const Result<QString> &)> done)
{
    startJob(jobFor<QKeychain::ReadPasswordJob>(connection), context, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
        else if (j->error() == QKeychain::EntryNotFound)
            done(QString());
        else
            done(keychainError(j));
    });
}

void PasswordKeychain::forget(const QString &connection, QObject *context,
                              std::function<void(const Result<void> &)> done)
{
    startJob(jobFor<QKeychain::DeletePasswordJob>(connection), context, [done](QKeychain::Job *j) {
        if (!done)
            return;
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done({});
        else
            done(keychainError(j));
    });
}

} // namespace ke
