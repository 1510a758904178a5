// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"

#include <QThreadPool>

namespace pos {

class Dispatcher;

// Backend bound in-process to the same Dispatcher the HTTP server uses: same services,
// same permission checks, run off the calling thread, answered on it.
class InProcessBackend : public Backend
{
    Q_OBJECT

public:
    explicit InProcessBackend(const Dispatcher &dispatcher, QObject *parent = nullptr);
    ~InProcessBackend() override;

    void execute(const QString &command, const QJsonObject &params, Done done,
                 const CallOptions &options = {}) override;

private:
    const Dispatcher &m_dispatcher;
    QThreadPool m_pool;
};

} // namespace pos
