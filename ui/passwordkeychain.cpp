#include "passwordkeychain.h"

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

// Starts `job` and calls `finished` with it when it ends, unless `context` is gone by then.
template <typename Job>
void startJob(Job *job, const QString &key, QObject *context,
              std::function<void(QKeychain::Job *)> finished)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, hadContext, finished](QKeychain::Job *j) {
                         if (hadContext && !guard)
                             return;
                         if (finished)
                             finished(j);
                     });
    job->start();
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
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    startJob(job, QStringLiteral("availability-check"), context, [done](QKeychain::Job *j) {
        const bool available
            = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(available, available ? QString() : reason(j));
    });
}

void PasswordKeychain::store(const QString &connection, const QString &password, QObject *context,
                             std::function<void(const Result<void> &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setTextData(password);
    startJob(job, connection, context, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            done({});
        else
            done(keychainError(j));
    });
}

void PasswordKeychain::read(const QString &connection, QObject *context,
                            std::function<void(const Result<QString> &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    startJob(job, connection, context, [done](QKeychain::Job *j) {
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
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    startJob(job, connection, context, [done](QKeychain::Job *j) {
        if (!done)
            return;
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done({});
        else
            done(keychainError(j));
    });
}

} // namespace ke
