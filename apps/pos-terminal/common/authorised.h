// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"

#include <QStringList>

class QWidget;

namespace pos {

// Runs a command; when the server answers Forbidden (the cashier may not discount this
// much, the count is short beyond the threshold), asks for a manager's PIN and runs it
// again with that override, until it passes or the cashier cancels. `pin`, when given,
// is sent with the first attempt (a manager already approved at the till).
// When the approval needs a reason (a close beyond the threshold), `reasons` are offered
// with the PIN and the one chosen goes into params[reasonField].
struct ApprovalReason
{
    QString field;
    QStringList choices;
};

void runAuthorised(QWidget *parent, Backend &backend, const QString &command,
                   const QJsonObject &params, Backend::Done done, const QString &pin = {},
                   const ApprovalReason &reason = {});

} // namespace pos
