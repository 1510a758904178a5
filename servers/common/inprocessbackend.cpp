// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/inprocessbackend.h"

#include "servers/common/dispatcher.h"

#include <QCoreApplication>
#include <QPointer>

namespace pos {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};
} // namespace

InProcessBackend::InProcessBackend(const Dispatcher &dispatcher, QObject *parent)
    : Backend(parent)
    , m_dispatcher(dispatcher)
{
    m_pool.setMaxThreadCount(4);
}

InProcessBackend::~InProcessBackend()
{
    m_pool.waitForDone();
}

void InProcessBackend::execute(const QString &command, const QJsonObject &params, Done done,
                               const CallOptions &options)
{
    const Command *c = findCommand(command);
    const Credentials credentials{token(), options.overridePin, QStringLiteral("in-process")};
    QPointer<InProcessBackend> self(this);
    m_pool.start([this, self, c, command, params, credentials, done = std::move(done)]() mutable {
        Result<QJsonValue> result = fail(ErrorCode::NotFound,
                                         Tr::tr("unknown command %1").arg(command));
        if (c != nullptr) {
            const Result<Reply> reply = m_dispatcher.execute(*c, credentials, params);
            result = reply ? Result<QJsonValue>(reply->value()) : fail(reply.error());
        }
        // Answer on the caller's thread, and only if the backend still exists.
        QMetaObject::invokeMethod(
                self.data(),
                [done = std::move(done), result = std::move(result)]() { done(result); },
                Qt::QueuedConnection);
    });
}

} // namespace pos
