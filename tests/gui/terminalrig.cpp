// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalrig.h"

#include "support/backendcall.h"
#include "tools/demo/demodata.h"

#include "apps/widgets/theme.h"
#include "core/api/httpbackend.h"
#include "core/auth/passwords.h"
#include "servers/store/storeservices.h"

#include <QApplication>
#include <QSqlRecord>

namespace pos::test {

namespace {

const QUuid kStore = QUuid::fromString(u"0b7e6c3a-3d52-4a57-9c61-5f0d2f4f0a01");

} // namespace

TerminalRig::TerminalRig() = default;

TerminalRig::~TerminalRig()
{
    m_driver.reset();
    m_window.reset();
    m_till.reset();
    m_devices.reset();
    m_watched.reset();
    m_backend.reset();
    m_http.reset();
    m_adminBackend.reset();
    m_core.reset();
}

Status TerminalRig::start(const QString &pdfFolder, Binding binding)
{
    auto db = TestDatabase::create(Engine::Sqlite);
    if (!db) {
        return fail(db.error());
    }
    m_db = std::move(*db);
    ServerSettings settings;
    settings.role = ServerRole::Store;
    settings.databaseUrl = m_db->url();
    settings.jwtSecret = randomBytes(32);
    settings.storeId = kStore;
    settings.storeCode = QStringLiteral("ST01");
    auto core = ServerCore::create(settings, QStringLiteral("test"), registerStoreHandlers);
    if (!core) {
        return fail(core.error());
    }
    m_core = std::move(*core);
    if (auto admin = m_core->auth().bootstrapAdmin(QString::fromLatin1(kAdminPassword)); !admin) {
        return fail(admin.error());
    }
    m_adminBackend = std::make_unique<InProcessBackend>(m_core->dispatcher());
    auto session = call(*m_adminBackend, QStringLiteral("login"),
                        {{QStringLiteral("username"), QStringLiteral("admin")},
                         {QStringLiteral("password"), QString::fromLatin1(kAdminPassword)}});
    if (!session) {
        return fail(session.error());
    }
    m_adminBackend->setToken(session->toObject().value(QStringLiteral("token")).toString());
    std::optional<Status> seeded;
    demo::seed(*m_adminBackend, kStore, QStringLiteral("ST01"),
               [&seeded](Status s) { seeded = std::move(s); });
    TerminalDriver::waitFor([&] { return seeded.has_value(); }, 60000);
    if (const Status done = seeded.value_or(fail(ErrorCode::Timeout, QStringLiteral("seeding")));
        !done) {
        return done;
    }

    TerminalConfig config;
    config.terminalName = QStringLiteral("Till test");
    config.printer = PrinterSettings{PrinterKind::EscPos,
                                     QStringLiteral("tcp://127.0.0.1:%1").arg(m_printer.port()),
                                     QString(), PaperWidth::Mm80, pdfFolder};
    config.drawer = DrawerSettings{DrawerKind::Serial,
                                   QStringLiteral("serial://") + m_drawer.slavePath()};
    if (binding == Binding::Http) {
        if (auto ok = restartServer(); !ok) {
            return ok;
        }
        m_backend = std::make_unique<HttpBackend>(
                QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)));
    } else {
        m_backend = std::make_unique<InProcessBackend>(m_core->dispatcher());
    }
    m_watched = std::make_unique<WatchedBackend>(*m_backend);
    m_devices = std::make_unique<TillDevices>(config);
    if (auto ok = m_devices->setUp(); !ok) {
        return ok;
    }
    m_till = std::make_unique<Till>(*m_watched, *m_devices, config);
    applyTheme(*qApp);
    m_translations = std::make_unique<Translations>(*qApp);
    m_translations->setLanguage(QStringLiteral("en"));
    QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    m_window = std::make_unique<TerminalWindow>(*m_till, *m_watched, m_secrets, *m_translations);
    m_window->resize(1024, 768);
    m_window->show();
    m_driver = std::make_unique<TerminalDriver>(*m_window);
    m_window->start();
    // First start: the till registers itself and waits for a manager's approval.
    if (!m_driver->waitForWidget(QStringLiteral("registrationScreen"))) {
        return fail(ErrorCode::Internal, QStringLiteral("the till did not ask to be registered"));
    }
    return {};
}

void TerminalRig::stopServer()
{
    m_http.reset();
}

Status TerminalRig::restartServer()
{
    m_http = std::make_unique<HttpServer>(m_core->dispatcher(), HttpLimits{});
    auto port = m_http->start(QHostAddress::LocalHost, m_port);
    if (!port) {
        return fail(port.error());
    }
    m_port = *port;
    return {};
}

QVariantList TerminalRig::row(const QString &sql, const QVariantList &params)
{
    auto conn = m_core->database().connection();
    if (!conn) {
        return {};
    }
    auto q = exec(*conn, sql, params);
    QVariantList out;
    if (q && q->next()) {
        for (int i = 0; i < q->record().count(); ++i) {
            out << q->value(i);
        }
    }
    return out;
}

Result<QJsonValue> TerminalRig::adminCall(const QString &command, const QJsonObject &params)
{
    return call(*m_adminBackend, command, params);
}

QString TerminalRig::barcodeOf(const QString &productName)
{
    const QString id = demo::id(QStringLiteral("product"), productName)
                               .toString(QUuid::WithoutBraces);
    auto product = decode<Product>(
            adminCall(QStringLiteral("get_product"), {{QStringLiteral("id"), id}}));
    return product && !product->barcodes.isEmpty() ? product->barcodes.first() : QString();
}

} // namespace pos::test
