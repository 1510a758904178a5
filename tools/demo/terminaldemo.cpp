// SPDX-License-Identifier: GPL-3.0-or-later
// pos-terminal-demo: the till without a display. It joins a running store server (the
// demo's), gets approved by the administrator, and rings up one cash sale as Ana would,
// leaving the screenshots and the receipt (PDF and the ESC/POS bytes) in --out.
#include "app/secretstore.h"
#include "app/watchedbackend.h"
#include "driver/terminaldriver.h"
#include "terminalwindow.h"
#include "till/till.h"

#include "apps/widgets/theme.h"
#include "core/api/httpbackend.h"
#include "core/base/translations.h"
#include "demodata.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

namespace {

bool say(bool ok, const char *step)
{
    std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "  ok  " : "FAILED", step);
    return ok;
}

// The barcodes of the products Ana scans, by their demo names, as the store has them.
QStringList basket(pos::TerminalDriver &ui, pos::Till &till)
{
    QList<QUuid> ids;
    for (const char *name :
         {"Café molido 500 g", "Leche entera 1 kg", "Piña", "Jabón de barra 1 pza"}) {
        ids << pos::demo::id(QStringLiteral("product"), QString::fromUtf8(name));
    }
    // Shared: an answer after the wait gave up still has somewhere to go.
    auto products = std::make_shared<std::optional<pos::Result<pos::ProductsById>>>();
    pos::loadProducts(till.backend(), ids,
                      [products](pos::Result<pos::ProductsById> r) { *products = std::move(r); });
    QStringList codes;
    if (ui.waitFor([&] { return products->has_value(); }) && **products) {
        for (const QUuid &id : ids) {
            const QStringList barcodes = (**products)->value(id).barcodes;
            if (!barcodes.isEmpty()) {
                codes << barcodes.first();
            }
        }
    }
    return codes;
}

bool sell(pos::TerminalDriver &ui, pos::Till &till, const QString &out)
{
    const QStringList codes = basket(ui, till);
    for (const QString &code : codes) {
        ui.scan(code);
    }
    if (!say(ui.waitFor([&] { return till.cart().rowCount() == codes.size(); }), "scan the basket")
        || !say(ui.screenshot(out + QStringLiteral("/sale.png")), "screenshot sale.png")
        || !say(ui.click(QStringLiteral("actPay")) && ui.click(QStringLiteral("quickCash2"))
                        && ui.click(QStringLiteral("tender_CASH")),
                "pay cash")) {
        return false;
    }
    return say(ui.waitForWidget(QStringLiteral("newSale")), "sale recorded")
           && say(ui.waitFor([&] { return till.devices().receiptsWaiting() == 0; }),
                  "receipt printed")
           && say(ui.screenshot(out + QStringLiteral("/change.png")), "screenshot change.png");
}

} // namespace

int main(int argc, char **argv)
{
    // The offscreen platform warns that it cannot resize dialogs to their hints; noise here.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (!text.contains(QLatin1String("propagateSizeHints"))) {
            std::fprintf(stderr, "%s\n", qPrintable(text));
        }
        if (type == QtFatalMsg) {
            std::abort();
        }
    });
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("store server URL"),
                                    QStringLiteral("url"), QStringLiteral("http://127.0.0.1:3002"));
    const QCommandLineOption password(QStringLiteral("admin-password"),
                                      QStringLiteral("administrator's password"),
                                      QStringLiteral("password"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("folder for the results"),
                                 QStringLiteral("dir"));
    cli.addOptions({server, password, out});
    cli.process(app);
    const QString folder = QDir(cli.value(out)).absolutePath();
    QDir().mkpath(folder);
    QFile::remove(folder + QStringLiteral("/receipt.escpos"));

    pos::TerminalConfig config;
    config.apiUrl = QUrl(cli.value(server));
    config.terminalName = QStringLiteral("Demo till");
    config.language = QStringLiteral("es");
    config.printer = pos::PrinterSettings{pos::PrinterKind::EscPos,
                                          QStringLiteral("file://") + folder
                                                  + QStringLiteral("/receipt.escpos"),
                                          QString(), pos::PaperWidth::Mm80, folder};
    config.drawer = pos::DrawerSettings{pos::DrawerKind::Printer, QString()};
    pos::applyTheme(app);
    pos::Translations translations(app);
    translations.setLanguage(config.language);
    pos::HttpBackend http(config.apiUrl);
    pos::WatchedBackend watched(http);
    pos::TillDevices devices(config);
    if (!say(static_cast<bool>(devices.setUp()), "printer set up")) {
        return 1;
    }
    pos::Till till(watched, devices, config);
    pos::MemorySecretStore secrets; // a scripted run leaves nothing in the user's keychain
    pos::TerminalWindow window(till, watched, secrets, translations);
    window.resize(1024, 768);
    window.show();
    pos::TerminalDriver ui(window);
    window.start();
    const bool ok = say(ui.approveHere(QStringLiteral("admin"), cli.value(password)),
                        "till registered and approved by admin")
                    && say(ui.logIn(QStringLiteral("1234")), "Ana logs in with PIN 1234")
                    && (ui.find(QStringLiteral("saleScreen")) != nullptr
                        || say(ui.openRegister(QStringLiteral("500")),
                               "register opened with 500.00"))
                    && sell(ui, till, folder);
    std::printf("%s: %s\n", ok ? "Results in" : "Partial results in", qPrintable(folder));
    return ok ? 0 : 1;
}
