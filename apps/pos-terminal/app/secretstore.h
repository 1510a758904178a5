// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace pos {

// Where the till keeps what must not sit in a file (its terminal credential): the OS
// keychain in production, memory in tests. Answers arrive later, on the caller's thread.
class SecretStore
{
public:
    using Read = std::function<void(Result<QString>)>; // NotFound when nothing is stored
    using Written = std::function<void(Status)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, Read done) = 0;
    virtual void write(const QString &key, const QString &value, Written done) = 0;
};

class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, Read done) override;
    void write(const QString &key, const QString &value, Written done) override;

private:
    QHash<QString, QString> m_values;
};

// QtKeychain: the Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on macOS,
// the Credential Store on Windows. `service` names the entries ("pos-terminal").
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service);
    void read(const QString &key, Read done) override;
    void write(const QString &key, const QString &value, Written done) override;

private:
    QString m_service;
};

} // namespace pos
