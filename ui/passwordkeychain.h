#pragma once

#include "result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ke {

/// The passwords of saved connections in the system keychain (QtKeychain: the Secret Service
/// through libsecret — gnome-keyring, KWallet, KeePassXC — or KWallet over D-Bus on Linux, the
/// Keychain on macOS, the Credential Manager on Windows), one entry per saved connection under
/// the service "Knowledge Explorer" (Secret Service attributes: user = the connection's name,
/// server = "Knowledge Explorer", type = plaintext). Never falls back to a file: where no
/// keychain runs (a headless box, no D-Bus session) every job ends in an error, and the caller
/// keeps the password for the session only. A locked collection reads as "nothing stored" and
/// refuses to store (an error).
///
/// Asynchronous: each call starts a job and calls `done` on the GUI thread when it has ended
/// (not when `context` was destroyed meanwhile), from the event loop — so `done` may open a
/// modal dialog that uses the keychain again. A job outlives this object: it ends (and deletes
/// itself) even when the PasswordKeychain is gone. A job that fails in D-Bus runs once more
/// over a fresh connection (the keychain daemon may have restarted). Use from the GUI thread.
/// Tested against a real Secret Service by tests/ui/tst_keychain.cpp (ctest -R keychain).
class PasswordKeychain : public QObject
{
    Q_OBJECT

public:
    explicit PasswordKeychain(QObject *parent = nullptr);

    /// Whether a keychain answers at all: a read of an entry that does not exist ends in
    /// "not found" when one runs, in an error when none does. `done(available, reason)`.
    void checkAvailable(QObject *context, std::function<void(bool, const QString &)> done);
    void store(const QString &connection, const QString &password, QObject *context,
               std::function<void(const Result<void> &)> done);
    /// The stored password; an empty string when none is stored for `connection`.
    void read(const QString &connection, QObject *context,
              std::function<void(const Result<QString> &)> done);
    void forget(const QString &connection, QObject *context = nullptr,
                std::function<void(const Result<void> &)> done = {});

    /// The service name the entries are kept under.
    static QString service();
};

} // namespace ke
