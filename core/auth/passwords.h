// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QByteArray>
#include <QString>

namespace pos {

// Argon2id hash in libsodium's self-describing string form ("$argon2id$v=19$m=...").
Result<QString> hashSecret(const QString &secret);
// True when secret matches the hash; false for a wrong secret or an empty hash.
bool verifySecret(const QString &hash, const QString &secret);

// A keyed digest of a PIN, so a cashier is found by PIN alone (PINs are unique); the
// Argon2id hash is still what accepts it. The key is a per-installation secret.
QString pinLookup(const QByteArray &key, const QString &pin);

// Cryptographically random bytes, and a random password fit to print once.
QByteArray randomBytes(int count);
QString generatePassword();

} // namespace pos
