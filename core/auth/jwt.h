// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <QUuid>

namespace pos {

// What a token says about its bearer: standard claims sub, iat and exp plus ours.
struct Claims
{
    QUuid userId;            // sub
    QString username;        // name
    QStringList roles;       // roles
    QStringList permissions; // perms: resolved at login so requests need no lookup
    QUuid storeId;           // store, null at HQ
    QDateTime issuedAt;      // iat
    QDateTime expiresAt;     // exp
};

// HS256 JSON Web Tokens (RFC 7519), readable by any standard JWT library.
class JwtSigner
{
public:
    explicit JwtSigner(QByteArray secret);

    QString sign(const Claims &claims) const;
    // Refuses a token that is malformed, not HS256, forged, or expired at `now`.
    Result<Claims> verify(const QString &token, const QDateTime &now) const;

private:
    QByteArray m_secret;
};

} // namespace pos
