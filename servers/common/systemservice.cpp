// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/systemservice.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"

#include "core/api/messages.h"
#include "core/api/openapi.h"

namespace pos {

namespace {

Result<Health> health(CallContext &c, const Empty &)
{
    bool reachable = false;
    if (auto conn = c.db.connection()) {
        auto q = exec(*conn, QStringLiteral("SELECT 1"));
        reachable = q && q->next();
    }
    return Health{c.server.version,
                  c.server.role == ServerRole::Hq ? QStringLiteral("hq") : QStringLiteral("store"),
                  reachable};
}

Result<Empty> openDrawer(CallContext &c, const NoSaleRequest &request)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = appendAudit(*tx, c, {QStringLiteral("drawer.no_sale"), request.reason, {}, {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return Empty{};
}

} // namespace

void registerSystemHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_health"), typed<Empty, Health>(health));
    dispatcher.add(QStringLiteral("verify_audit"),
                   typed<Empty, AuditCheck>(
                           [](CallContext &c, const Empty &) { return verifyAuditChain(c.db); }));
    dispatcher.add(QStringLiteral("get_openapi"),
                   [&dispatcher](CallContext &c, const QJsonObject &) -> Result<QJsonValue> {
                       const QString title = c.server.role == ServerRole::Hq
                                                     ? QStringLiteral("POS HQ server")
                                                     : QStringLiteral("POS store server");
                       return QJsonValue(
                               openApiDocument(dispatcher.commands(), title, c.server.version));
                   });
}

void registerDrawerHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("open_drawer"), typed<NoSaleRequest, Empty>(openDrawer));
}

} // namespace pos
