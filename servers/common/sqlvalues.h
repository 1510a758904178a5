// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUuid>
#include <QVariant>

// How service code writes ids into SQL parameters, the same way everywhere.
namespace pos::sql {

inline QString id(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

// A null UUID is SQL NULL (an invalid QVariant binds as NULL on both drivers).
inline QVariant idOrNull(const QUuid &u)
{
    return u.isNull() ? QVariant() : QVariant(id(u));
}

} // namespace pos::sql
