// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devicesim.h"

#include "app/secretstore.h"
#include "app/watchedbackend.h"
#include "driver/terminaldriver.h"
#include "terminalwindow.h"
#include "till/till.h"

#include "core/base/translations.h"
#include "servers/common/http/httpserver.h"
#include "servers/common/inprocessbackend.h"
#include "servers/common/servercore.h"
#include "support/testdatabase.h"

#include <QSqlQuery>

#include <memory>

namespace pos::test {

// A till as a shop runs it, for GUI tests: the store service in-process on a fresh SQLite
// file with the demo shop seeded, a network printer and a serial drawer simulated so the
// test reads their bytes, and the terminal window registered and approved.
class TerminalRig
{
public:
    static constexpr const char *kAdminPassword = "admin-password-1";

    TerminalRig();
    ~TerminalRig();

    // Builds everything and leaves the window on the registration screen of a new till.
    // Over HTTP the store service listens on a loopback port the test can stop and restart.
    enum class Binding { InProcess, Http };
    Status start(const QString &pdfFolder, Binding binding = Binding::InProcess);
    void stopServer();
    Status restartServer();

    TerminalWindow &window() { return *m_window; }
    TerminalDriver &driver() { return *m_driver; }
    Till &till() { return *m_till; }
    PrinterListener &printer() { return m_printer; }
    PtyPair &drawer() { return m_drawer; }
    ServerCore &core() { return *m_core; }

    // One row of a query on the store's database (empty list when none).
    QVariantList row(const QString &sql, const QVariantList &params = {});
    Result<QJsonValue> adminCall(const QString &command, const QJsonObject &params = {});
    // A product's first barcode, by its demo name.
    QString barcodeOf(const QString &productName);

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<HttpServer> m_http;
    quint16 m_port = 0;
    std::unique_ptr<InProcessBackend> m_adminBackend;
    std::unique_ptr<WatchedBackend> m_watched;
    std::unique_ptr<TillDevices> m_devices;
    std::unique_ptr<Till> m_till;
    MemorySecretStore m_secrets;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<TerminalWindow> m_window;
    std::unique_ptr<TerminalDriver> m_driver;
    PrinterListener m_printer;
    PtyPair m_drawer;
};

} // namespace pos::test
