// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwords.h"

#include <QCryptographicHash>

#include <QCoreApplication>
#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Auth)
};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> hashSecret(const QString &secret)
{
    if (!sodiumReady()) {
        return fail(ErrorCode::Internal, Tr::tr("the cryptography library did not start"));
    }
    const QByteArray bytes = secret.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits: about 64 MiB and a few tens of milliseconds per login.
    if (crypto_pwhash_str_alg(out, bytes.constData(), static_cast<unsigned long long>(bytes.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return fail(ErrorCode::Internal, Tr::tr("not enough memory to hash the password"));
    }
    return QString::fromLatin1(out);
}

bool verifySecret(const QString &hash, const QString &secret)
{
    if (hash.isEmpty() || !sodiumReady()) {
        return false;
    }
    const QByteArray h = hash.toLatin1();
    const QByteArray s = secret.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), s.constData(),
                                    static_cast<unsigned long long>(s.size()))
           == 0;
}

QString pinLookup(const QByteArray &key, const QString &pin)
{
    return QString::fromLatin1(
            QMessageAuthenticationCode::hash(pin.toUtf8(), key, QCryptographicHash::Sha256).toHex());
}

QByteArray randomBytes(int count)
{
    (void)sodiumReady();
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<size_t>(count));
    return out;
}

QString generatePassword()
{
    // 18 random bytes as base64url: 24 characters, 144 bits.
    return QString::fromLatin1(randomBytes(18).toBase64(QByteArray::Base64UrlEncoding
                                                        | QByteArray::OmitTrailingEquals));
}

QString secretDigest(const QString &secret)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(secret.toLatin1(), QCryptographicHash::Sha256).toHex());
}

bool matchesDigest(const QString &secret, const QString &storedDigest)
{
    const QByteArray given = secretDigest(secret).toLatin1();
    const QByteArray expected = storedDigest.toLatin1();
    return given.size() == expected.size()
           && sodium_memcmp(given.constData(), expected.constData(),
                            static_cast<size_t>(given.size()))
                      == 0;
}

} // namespace pos
