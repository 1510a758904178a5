// SPDX-License-Identifier: GPL-3.0-or-later
// pos-terminal: reads the configuration, builds the backend (HTTP to the store server, or
// the store service in-process), the devices and the till, and shows the window.
#include "app/inprocessstore.h"
#include "app/secretstore.h"
#include "app/terminalconfig.h"
#include "app/watchedbackend.h"
#include "terminalwindow.h"
#include "till/till.h"

#include "apps/widgets/banner.h"
#include "apps/widgets/theme.h"
#include "core/api/httpbackend.h"
#include "core/base/translations.h"
#include "servers/common/inprocessbackend.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QProcessEnvironment>

#include <cstdio>

namespace {

pos::Result<pos::TerminalConfig> configure(const QCommandLineParser &cli,
                                           const QCommandLineOption &config,
                                           const QCommandLineOption &server,
                                           const QCommandLineOption &inProcess)
{
    auto settings = cli.isSet(config) ? pos::loadTerminalConfig(cli.value(config))
                                      : pos::parseTerminalConfig({});
    if (!settings) {
        return settings;
    }
    if (cli.isSet(server)) {
        settings->apiUrl = QUrl(cli.value(server));
    }
    if (cli.isSet(inProcess)) {
        settings->inProcessDatabase = cli.value(inProcess);
    }
    return settings;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pos-terminal"));
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("The POS touchscreen checkout."));
    cli.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("JSON configuration"),
                                    QStringLiteral("file"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("store server URL"),
                                    QStringLiteral("url"));
    const QCommandLineOption inProcess(QStringLiteral("in-process"),
                                       QStringLiteral(
                                               "run the store in this process on a database"),
                                       QStringLiteral("database-url"));
    const QCommandLineOption windowed(QStringLiteral("windowed"),
                                      QStringLiteral("a 1024x768 window instead of full screen"));
    cli.addOptions({config, server, inProcess, windowed});
    cli.process(app);

    auto settings = configure(cli, config, server, inProcess);
    if (!settings) {
        std::fprintf(stderr, "pos-terminal: %s\n", qPrintable(settings.error().message));
        return 2;
    }
    pos::applyTheme(app);
    pos::Translations translations(app);
    translations.setLanguage(settings->language);

    std::unique_ptr<pos::ServerCore> store;
    std::unique_ptr<pos::Backend> backend;
    if (!settings->inProcessDatabase.isEmpty()) {
        auto core = pos::startInProcessStore(*settings,
                                             QProcessEnvironment::systemEnvironment().value(
                                                     QStringLiteral("POS_ADMIN_PASSWORD")));
        if (!core) {
            std::fprintf(stderr, "pos-terminal: %s\n", qPrintable(core.error().message));
            return 1;
        }
        store = std::move(*core);
        backend = std::make_unique<pos::InProcessBackend>(store->dispatcher());
    } else {
        backend = std::make_unique<pos::HttpBackend>(settings->apiUrl);
    }
    pos::WatchedBackend watched(*backend);
    pos::TillDevices devices(*settings);
    const pos::Status devicesReady = devices.setUp();
    pos::Till till(watched, devices, *settings);
    pos::KeychainSecretStore secrets(QStringLiteral("pos-terminal"));
    pos::TerminalWindow window(till, watched, secrets, translations);
    if (!devicesReady) {
        window.banner().setWarning(QStringLiteral("devices"), devicesReady.error().message);
    }
    if (cli.isSet(windowed)) {
        window.resize(1024, 768);
        window.show();
    } else {
        window.showFullScreen();
    }
    window.start();
    return QApplication::exec();
}
