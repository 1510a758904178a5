// SPDX-License-Identifier: GPL-3.0-or-later
#include "inprocessstore.h"

#include "core/auth/passwords.h"
#include "servers/store/storeservices.h"

#include <QCoreApplication>

#include <cstdio>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Terminal)
};

} // namespace

Result<std::unique_ptr<ServerCore>> startInProcessStore(const TerminalConfig &config,
                                                        const QString &adminPassword)
{
    if (config.storeId.isNull()) {
        return fail(ErrorCode::Validation,
                    Tr::tr("storeId: in-process mode needs this store's id"));
    }
    ServerSettings settings;
    settings.role = ServerRole::Store;
    settings.databaseUrl = config.inProcessDatabase;
    settings.jwtSecret = randomBytes(32); // tokens never leave this process
    settings.storeId = config.storeId;
    settings.storeCode = config.storeCode;
    auto core = ServerCore::create(settings, QStringLiteral(POS_VERSION), registerStoreHandlers);
    if (!core) {
        return fail(core.error());
    }
    const QString password = adminPassword.isEmpty() ? generatePassword() : adminPassword;
    auto created = (*core)->auth().bootstrapAdmin(password);
    if (!created) {
        return fail(created.error());
    }
    if (*created && adminPassword.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Tr::tr("First start: user \"admin\" created with password %1")
                                        .arg(password)));
    }
    return core;
}

} // namespace pos
