// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/callcontext.h"
#include "servers/common/http/connectionguard.h"

#include <QHostAddress>
#include <QProcessEnvironment>

namespace pos {

// A server's configuration: environment variables (names kept from the system this
// replaces), each also a command-line option that wins over the environment.
struct ServerSettings
{
    ServerRole role = ServerRole::Store;
    QString databaseUrl;
    QByteArray jwtSecret;
    QHostAddress host = QHostAddress::Any;
    quint16 port = 3002;
    QUuid storeId;
    QString storeCode;
    QString hqUrl;
    QString syncToken;
    int syncIntervalMs = 30000;
    int pushIdleMs = 500;        // how often an empty outbox is looked at again (SYNC_PUSH_IDLE_MS)
    int pullPageRows = 5000;     // SYNC_PAGE_ROWS: small pages let tests pull in many
    int pushBatchRecords = 1000; // SYNC_PUSH_BATCH: small batches let tests push in many
    bool dev = false;
    QString adminPassword; // POS_ADMIN_PASSWORD, only read on first start
    HttpLimits limits;
};

// Parses arguments and environment. Refuses a missing or weak JWT_SECRET unless --dev,
// where a random one is made for the run. --help and --version print and exit.
Result<ServerSettings> parseSettings(ServerRole role, const QStringList &arguments,
                                     const QProcessEnvironment &environment);

} // namespace pos
