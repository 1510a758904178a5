// SPDX-License-Identifier: GPL-3.0-or-later
// pos-demo-data: fills a running store server with the demo shop (see demodata.h).
#include "demodata.h"

#include "core/api/httpbackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Seeds the demo shop into a store server."));
    cli.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("store server URL"),
                                    QStringLiteral("url"), QStringLiteral("http://127.0.0.1:3002"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("administrator"),
                                  QStringLiteral("name"), QStringLiteral("admin"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("password"),
                                      QStringLiteral("password"));
    const QCommandLineOption storeId(QStringLiteral("store-id"), QStringLiteral("the STORE_ID"),
                                     QStringLiteral("uuid"));
    const QCommandLineOption storeCode(QStringLiteral("store-code"), QStringLiteral("STORE_CODE"),
                                       QStringLiteral("code"), QStringLiteral("ST01"));
    cli.addOptions({server, user, password, storeId, storeCode});
    cli.process(app);

    pos::HttpBackend backend(QUrl(cli.value(server)));
    const auto finish = [](const pos::Status &status) {
        if (!status) {
            std::fprintf(stderr, "pos-demo-data: %s\n", qPrintable(status.error().message));
        }
        QCoreApplication::exit(status ? 0 : 1);
    };
    backend.execute(QStringLiteral("login"),
                    QJsonObject{{QStringLiteral("username"), cli.value(user)},
                                {QStringLiteral("password"), cli.value(password)}},
                    [&](pos::Result<QJsonValue> session) {
                        if (!session) {
                            finish(std::unexpected(session.error()));
                            return;
                        }
                        backend.setToken(
                                session->toObject().value(QStringLiteral("token")).toString());
                        pos::demo::seed(backend, QUuid::fromString(cli.value(storeId)),
                                        cli.value(storeCode), finish);
                    });
    return QCoreApplication::exec();
}
