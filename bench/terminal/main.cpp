// SPDX-License-Identifier: GPL-3.0-or-later
// pos-bench-terminal: the real till, offscreen, for scenario e. pos-bench runs it twice
// against a store server holding the generated catalog:
//   --phase setup   registers the till (a manager approves it), logs in, opens the register;
//   --phase start   the cold start: prints "ready" once the sale screen shows with the store's
//                   lists loaded and the first page of product buttons filled (pos-bench
//                   times it from the spawn), then its resident
//                   memory, then times scans from the key burst to the line painted.
// The till's credential is kept in a file between the two runs (a bench-only stand-in for
// the keychain the product uses).
#include "app/secretstore.h"
#include "app/watchedbackend.h"
#include "driver/terminaldriver.h"
#include "terminalwindow.h"
#include "till/till.h"

#include "apps/widgets/theme.h"
#include "core/api/httpbackend.h"
#include "core/base/translations.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

class FileSecretStore final : public pos::SecretStore
{
public:
    explicit FileSecretStore(QString path)
        : m_path(std::move(path))
    {}
    void read(const QString &key, Read done) override
    {
        QFile f(m_path);
        const QJsonObject all = f.open(QIODevice::ReadOnly)
                                        ? QJsonDocument::fromJson(f.readAll()).object()
                                        : QJsonObject();
        if (!all.contains(key)) {
            done(pos::fail(pos::ErrorCode::NotFound, key));
            return;
        }
        done(all.value(key).toString());
    }
    void write(const QString &key, const QString &value, Written done) override
    {
        QFile f(m_path);
        QJsonObject all = f.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(f.readAll()).object()
                                  : QJsonObject();
        f.close();
        all.insert(key, value);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            done(pos::fail(pos::ErrorCode::Internal, m_path));
            return;
        }
        f.write(QJsonDocument(all).toJson());
        done({});
    }

private:
    QString m_path;
};

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<size_t>(std::ceil(p * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

// Scan to line painted: the key burst, the cart's new row, then the cart's viewport painted.
std::vector<double> scans(pos::TerminalDriver &ui, pos::Till &till, QWidget &window,
                          const QStringList &codes)
{
    auto *view = window.findChild<QAbstractItemView *>();
    std::vector<double> ms;
    for (const QString &code : codes) {
        const int before = till.cart().rowCount();
        QElapsedTimer t;
        t.start();
        ui.scan(code);
        while (till.cart().rowCount() == before && t.elapsed() < 5000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        }
        if (view) {
            view->viewport()->repaint();
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addOptions(
            {{QStringLiteral("server"), QStringLiteral("store URL"), QStringLiteral("url")},
             {QStringLiteral("password"), QStringLiteral("admin password"), QStringLiteral("p")},
             {QStringLiteral("secrets"), QStringLiteral("credential file"), QStringLiteral("file")},
             {QStringLiteral("phase"), QStringLiteral("setup or start"), QStringLiteral("phase")},
             {QStringLiteral("codes"), QStringLiteral("barcodes to scan, comma-separated"),
              QStringLiteral("list")}});
    cli.process(app);
    pos::TerminalConfig config;
    config.apiUrl = QUrl(cli.value(QStringLiteral("server")));
    config.terminalName = QStringLiteral("Bench till");
    config.language = QStringLiteral("es");
    config.printer = pos::PrinterSettings{pos::PrinterKind::None, QString(), QString(),
                                          pos::PaperWidth::Mm80, QString()};
    config.drawer = pos::DrawerSettings{pos::DrawerKind::None, QString()};
    pos::applyTheme(app);
    pos::Translations translations(app);
    translations.setLanguage(config.language);
    pos::HttpBackend http(config.apiUrl);
    pos::WatchedBackend watched(http);
    pos::TillDevices devices(config);
    pos::Till till(watched, devices, config);
    FileSecretStore secrets(cli.value(QStringLiteral("secrets")));
    pos::TerminalWindow window(till, watched, secrets, translations);
    window.resize(1024, 768);
    window.show();
    pos::TerminalDriver ui(window);
    window.start();
    if (cli.value(QStringLiteral("phase")) == QLatin1String("setup")) {
        const bool approved = ui.approveHere(QStringLiteral("admin"),
                                             cli.value(QStringLiteral("password")));
        const bool in = approved && ui.logIn(QStringLiteral("1234"));
        const bool ok = in
                        && (ui.find(QStringLiteral("saleScreen")) != nullptr
                            || ui.openRegister(QStringLiteral("0")));
        std::printf("%s\n", ok         ? "set up"
                            : in       ? "setup failed: opening the register"
                            : approved ? "setup failed: PIN login"
                                       : "setup failed: approval");
        return ok ? 0 : 1;
    }
    const bool ready = ui.logIn(QStringLiteral("1234"))
                       && ui.waitFor(
                               [&] {
                                   const auto *firstButton = qobject_cast<QPushButton *>(
                                           ui.find(QStringLiteral("productSlot0")));
                                   return ui.find(QStringLiteral("saleScreen")) && till.catalog()
                                          && firstButton && firstButton->isEnabled();
                               },
                               300000);
    if (!ready) {
        std::printf("not ready\n");
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const qint64 rss = residentKiB();
    const std::vector<double> ms
            = scans(ui, till, window,
                    cli.value(QStringLiteral("codes")).split(u',', Qt::SkipEmptyParts));
    std::printf("%s\n",
                QJsonDocument(QJsonObject{{QStringLiteral("resident_kib"), rss},
                                          {QStringLiteral("scans"), qint64(ms.size())},
                                          {QStringLiteral("scan_p50_ms"), percentile(ms, 0.5)},
                                          {QStringLiteral("scan_p99_ms"), percentile(ms, 0.99)}})
                        .toJson(QJsonDocument::Compact)
                        .constData());
    return 0;
}
