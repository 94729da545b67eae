#pragma once

// For the UI tests of the connect dialog (tst_connectdialog, tst_keychain).

#include "connectdialog.h"

#include <QSignalSpy>

#include <memory>

namespace ke::test {

/// The connect dialog on `settings`, shown, once it has asked the keychain for a stored
/// password (at most 10 s): what a person sees when it has settled.
inline std::unique_ptr<ConnectDialog> shownConnectDialog(ConnectionProfiles &profiles,
                                                         PasswordKeychain &keychain,
                                                         const ConnectionSettings &settings)
{
    auto d = std::make_unique<ConnectDialog>(profiles, keychain, settings);
    d->show();
    QSignalSpy checked(d.get(), &ConnectDialog::keychainChecked);
    if (!d->isKeychainChecked())
        checked.wait(10000);
    return d;
}

} // namespace ke::test
