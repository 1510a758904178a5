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

// Random machine secrets (a till's, a store's sync token) are 32 random bytes, not
// passwords: a SHA-256 is stored, and a presented secret matches it in constant time.
QString secretDigest(const QString &secret);
bool matchesDigest(const QString &secret, const QString &storedDigest);

// Cryptographically random bytes, and a random password fit to print once.
QByteArray randomBytes(int count);
QString generatePassword();

} // namespace pos
