// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Auth)
};

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encode(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

// The detail names the check that failed (for logs and tests), never shown as the message.
std::unexpected<Error> invalid(const char *check)
{
    return fail(ErrorCode::Unauthenticated, Tr::tr("the session is not valid: log in again"),
                {QString::fromLatin1(check)});
}

} // namespace

JwtSigner::JwtSigner(QByteArray secret)
    : m_secret(std::move(secret))
{}

QString JwtSigner::sign(const Claims &claims) const
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QJsonObject payload{
            {QStringLiteral("sub"), claims.userId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("name"), claims.username},
            {QStringLiteral("roles"), QJsonArray::fromStringList(claims.roles)},
            {QStringLiteral("perms"), QJsonArray::fromStringList(claims.permissions)},
            {QStringLiteral("iat"), claims.issuedAt.toSecsSinceEpoch()},
            {QStringLiteral("exp"), claims.expiresAt.toSecsSinceEpoch()},
    };
    if (!claims.storeId.isNull()) {
        payload.insert(QStringLiteral("store"), claims.storeId.toString(QUuid::WithoutBraces));
    }
    const QByteArray signingInput = encode(header) + '.' + encode(payload);
    const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, m_secret,
                                                            QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + mac.toBase64(kBase64Url));
}

Result<Claims> JwtSigner::verify(const QString &token, const QDateTime &now) const
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3) {
        return invalid("format");
    }
    const QByteArray expected = QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1],
                                                                 m_secret,
                                                                 QCryptographicHash::Sha256);
    const auto decoded = QByteArray::fromBase64Encoding(parts[2], kBase64Url);
    // Constant-time comparison: a timing difference would let a forger guess byte by byte.
    if (!decoded || decoded.decoded.size() != expected.size()
        || sodium_memcmp(decoded.decoded.constData(), expected.constData(),
                         static_cast<size_t>(expected.size()))
                   != 0) {
        return invalid("signature");
    }
    const auto header = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], kBase64Url))
                                .object();
    if (header.value(QStringLiteral("alg")).toString() != QLatin1String("HS256")) {
        return invalid("algorithm");
    }
    const auto payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], kBase64Url))
                                 .object();
    Claims claims;
    claims.userId = QUuid::fromString(payload.value(QStringLiteral("sub")).toString());
    claims.username = payload.value(QStringLiteral("name")).toString();
    for (const auto &r : payload.value(QStringLiteral("roles")).toArray()) {
        claims.roles << r.toString();
    }
    for (const auto &p : payload.value(QStringLiteral("perms")).toArray()) {
        claims.permissions << p.toString();
    }
    claims.storeId = QUuid::fromString(payload.value(QStringLiteral("store")).toString());
    claims.issuedAt = QDateTime::fromSecsSinceEpoch(payload.value(QStringLiteral("iat")).toInteger(),
                                                    Qt::UTC);
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(payload.value(QStringLiteral("exp")).toInteger(),
                                                     Qt::UTC);
    if (claims.userId.isNull() || !payload.contains(QStringLiteral("exp"))) {
        return invalid("claims");
    }
    if (claims.expiresAt <= now) {
        return fail(ErrorCode::Unauthenticated, Tr::tr("the session has expired: log in again"),
                    {QStringLiteral("expired")});
    }
    return claims;
}

} // namespace pos
