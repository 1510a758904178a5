// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QByteArray>
#include <QJsonObject>

// The one place where errors become HTTP and HTTP becomes errors again.
namespace pos {

int httpStatus(ErrorCode code);
// {"error":{"code":"validation","message":"...","details":[...]}}
QJsonObject errorBody(const Error &error);
// Reads an error answer back; falls back on the status when the body is not ours.
Error errorFromHttp(int status, const QByteArray &body);

} // namespace pos
