// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/auth/authservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/serversettings.h"
#include "servers/common/sync/hinthub.h"

#include <functional>
#include <memory>

namespace pos {

// One server's object graph, built once and passed by reference: the database, the login
// throttle, authentication and the dispatcher with the services this role serves. The
// HTTP server and InProcessBackend both sit on its dispatcher.
class ServerCore
{
public:
    // Opens and migrates the database, then binds the services of settings.role.
    // `bindExtra` adds the services of one role (the store's sales, HQ's sync).
    static Result<std::unique_ptr<ServerCore>> create(
            const ServerSettings &settings, const QString &version,
            const std::function<void(Dispatcher &)> &bindExtra = {});

    Database &database() { return *m_db; }
    AuthService &auth() { return *m_auth; }
    Dispatcher &dispatcher() { return *m_dispatcher; }
    // HQ only (null at a store): the WebSocket hints to connected stores.
    HintHub *hints() { return m_hints.get(); }
    const ServerIdentity &identity() const { return m_identity; }

private:
    ServerCore() = default;

    ServerIdentity m_identity;
    std::unique_ptr<Database> m_db;
    Throttle m_throttle;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<HintHub> m_hints;
};

// The whole life of a server process: settings, database, first admin, HTTP, signals.
int runServer(ServerRole role, int argc, char **argv,
              const std::function<void(Dispatcher &)> &bindExtra = {});

} // namespace pos
