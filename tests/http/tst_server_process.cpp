// SPDX-License-Identifier: GPL-3.0-or-later
// The store-server program as an operator runs it: configuration, first start, abuse at
// the socket level, clients that vanish, and a clean stop on SIGTERM.
#include "support/serverprocess.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <csignal>

using namespace pos::test;

namespace {

const QString kServer = QStringLiteral(POS_STORE_SERVER);

QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> values)
{
    QProcessEnvironment e;
    for (const auto &[k, v] : values) {
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    }
    return e;
}

// A raw client that sends a request head and then keeps sending `total` bytes of filler
// (as body or as one endless header line), for as long as the server lets it.
class Flooder : public QObject
{
public:
    Flooder(const QString &from, quint16 port, QByteArray head, qint64 total)
        : m_head(std::move(head))
        , m_total(total)
    {
        m_socket.bind(QHostAddress(from), 0);
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            m_socket.write(m_head);
            pump();
        });
        connect(&m_socket, &QTcpSocket::bytesWritten, this, [this] { pump(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { m_answer += m_socket.readAll(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool closed() const { return m_closed; }
    qint64 sent() const { return m_sent; }
    QByteArray answer() const { return m_answer; }

private:
    void pump()
    {
        static const QByteArray chunk(1 << 20, 'a');
        while (!m_closed && m_sent < m_total && m_socket.bytesToWrite() < (4 << 20)) {
            m_socket.write(chunk);
            m_sent += chunk.size();
        }
    }

    QTcpSocket m_socket;
    QByteArray m_head;
    QByteArray m_answer;
    qint64 m_total;
    qint64 m_sent = 0;
    bool m_closed = false;
};

// A slow-loris client: a request head that never ends, one header line at a time.
class Loris : public QObject
{
public:
    Loris(quint16 port)
    {
        m_socket.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0);
        connect(&m_socket, &QTcpSocket::connected, this,
                [this] { m_socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n"); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { m_answer += m_socket.readAll(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { m_closed = true; });
        connect(&m_drip, &QTimer::timeout, this, [this] {
            if (m_socket.state() == QAbstractSocket::ConnectedState) {
                m_socket.write("X-Slow: 1\r\n");
            }
        });
        m_drip.start(300);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool closed() const { return m_closed; }
    QByteArray answer() const { return m_answer; }

private:
    QTcpSocket m_socket;
    QTimer m_drip;
    QByteArray m_answer;
    bool m_closed = false;
};

int statusOf(const QByteArray &answer)
{
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

// Sends raw bytes and returns the whole answer (the server closes or answers once).
QByteArray rawExchange(quint16 port, const QByteArray &request)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000)) {
        return {};
    }
    s.write(request);
    QByteArray answer;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 5000) {
        if (s.waitForReadyRead(200)) {
            answer += s.readAll();
        }
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype length = answer.indexOf("Content-Length: ");
            const int body = length < 0 ? 0
                                        : answer.mid(length + 16, 12).split('\r').first().toInt();
            if (answer.size() >= end + 4 + body) {
                break;
            }
        }
        if (s.state() != QAbstractSocket::ConnectedState) {
            answer += s.readAll();
            break;
        }
    }
    return answer;
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    // Without a real JWT_SECRET the server refuses to start and says how to make one.
    void weakSecretRefused()
    {
        ServerProcess server(kServer, env({{"JWT_SECRET", "short"}}));
        QVERIFY(!server.start(5000));
        server.process().waitForFinished(5000);
        QCOMPARE(server.process().exitCode(), 2);
        QVERIFY2(server.output().contains(QStringLiteral("JWT_SECRET")),
                 qPrintable(server.output()));
    }

    // The head office server starts on the same plumbing and says what it is.
    void hqServerStarts()
    {
        ServerProcess hq(QStringLiteral(POS_HQ_SERVER), env({}));
        QVERIFY2(hq.start(), qPrintable(hq.output()));
        const QByteArray health = rawExchange(hq.port(),
                                              "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(health), 200);
        QVERIFY(health.contains("\"role\":\"hq\""));
        // The drawer belongs to stores: HQ does not serve it.
        QCOMPARE(statusOf(rawExchange(hq.port(), "POST /api/drawer/no-sale HTTP/1.1\r\nHost: x\r\n"
                                                 "Content-Length: 2\r\n\r\n{}")),
                 404);
    }

    // Large answers travel gzipped to clients that accept it (pull pages, catalog pages);
    // small ones and clients that do not ask get plain JSON.
    void largeAnswersAreGzipped()
    {
        ServerProcess server(kServer, env({}));
        QVERIFY2(server.start(), qPrintable(server.output()));
        const QByteArray plain = rawExchange(server.port(),
                                             "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray zipped = rawExchange(
                server.port(),
                "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
        QCOMPARE(statusOf(plain), 200);
        QCOMPARE(statusOf(zipped), 200);
        QVERIFY(!plain.contains("Content-Encoding"));
        QVERIFY(zipped.contains("Content-Encoding: gzip"));
        const QByteArray body = zipped.mid(zipped.indexOf("\r\n\r\n") + 4);
        QVERIFY(body.startsWith("\x1f\x8b")); // the gzip magic
        QVERIFY2(zipped.size() * 3 < plain.size(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(zipped.size()).arg(plain.size())));
        const QByteArray small = rawExchange(
                server.port(),
                "GET /api/health HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
        QVERIFY(!small.contains("Content-Encoding"));
    }

    // --help lists every setting by its environment name.
    void helpListsSettings()
    {
        QProcess p;
        p.start(kServer, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(5000));
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *name : {"DATABASE_URL", "JWT_SECRET", "PORT", "HOST", "STORE_ID",
                                 "STORE_CODE", "HQ_URL", "SYNC_TOKEN", "SYNC_INTERVAL_MS"}) {
            QVERIFY2(help.contains(QLatin1String(name)), name);
        }
    }

    // First start prints a generated admin password once; it works; a restart prints none.
    void firstStartAdminPassword()
    {
        QTemporaryDir dir;
        const QByteArray url = "sqlite://" + dir.filePath(QStringLiteral("first.db")).toUtf8();
        QString password;
        {
            ServerProcess server(kServer, env({{"DATABASE_URL", url.constData()}}));
            QVERIFY(server.start());
            static const QRegularExpression line(QStringLiteral("created with password (\\S+)"));
            const auto match = line.match(server.output());
            QVERIFY2(match.hasMatch(), qPrintable(server.output()));
            password = match.captured(1);
            QNetworkAccessManager net;
            QNetworkRequest req(QUrl(server.baseUrl() + QStringLiteral("api/auth/login")));
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = net.post(req,
                                            QJsonDocument(QJsonObject{{QStringLiteral("username"),
                                                                       QStringLiteral("admin")},
                                                                      {QStringLiteral("password"),
                                                                       password}})
                                                    .toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        }
        ServerProcess again(kServer, env({{"DATABASE_URL", url.constData()}}));
        QVERIFY(again.start());
        QVERIFY(!again.output().contains(QStringLiteral("created with password")));
    }

    // Wrong method, unknown path, broken JSON and a body declared too large get the right
    // status and our error shape.
    void rawHttpErrors()
    {
        ServerProcess server(kServer, env({}));
        QVERIFY(server.start());
        const quint16 port = server.port();
        QCOMPARE(statusOf(rawExchange(port, "DELETE /api/health HTTP/1.1\r\nHost: x\r\n\r\n")), 405);
        QCOMPARE(statusOf(rawExchange(port, "GET /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n")), 404);
        const QByteArray broken = rawExchange(
                port, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{nope");
        QCOMPARE(statusOf(broken), 400);
        QVERIFY(broken.contains("\"error\":{\"code\":\"bad_request\""));
        QCOMPARE(statusOf(rawExchange(port, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                                            "Content-Length: 2000000\r\n\r\n{")),
                 413);
        QCOMPARE(statusOf(rawExchange(port, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n")),
                 411);
        QCOMPARE(statusOf(rawExchange(port, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
        // Bulk requests (a CSV import, a store's push) may be up to 16 MiB, arriving in many
        // pieces: a 2 MB import is read whole and reaches the login check, not a 413.
        const QByteArray bulk = "{\"csv\":\"" + QByteArray(1'999'990, 'a') + "\"}";
        QCOMPARE(statusOf(rawExchange(port, "POST /api/products/import HTTP/1.1\r\nHost: x\r\n"
                                            "Content-Length: "
                                                    + QByteArray::number(bulk.size()) + "\r\n\r\n"
                                                    + bulk)),
                 401);
    }

    // A 300 MB body, a 50 MB header and 200 slow-loris connections arrive while a normal
    // client keeps asking: it keeps getting answers and the server's memory stays bounded.
    void survivesAbuse()
    {
        ServerProcess server(kServer,
                             env({{"REQUEST_TIMEOUT_MS", "3000"}, {"IDLE_TIMEOUT_MS", "3000"}}));
        QVERIFY(server.start());
        const quint16 port = server.port();
        const qint64 rssBefore = server.residentKiB();
        QVERIFY(rssBefore > 0);

        QNetworkAccessManager net;
        int ok = 0;
        int failed = 0;
        QTimer normal;
        connect(&normal, &QTimer::timeout, &net, [&] {
            QNetworkReply *reply = net.get(
                    QNetworkRequest(QUrl(server.baseUrl() + QStringLiteral("api/health"))));
            connect(reply, &QNetworkReply::finished, reply, [&, reply] {
                (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                         ? ok
                         : failed)++;
                reply->deleteLater();
            });
        });
        normal.start(100);

        Flooder body(
                QStringLiteral("127.0.0.3"), port,
                "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 314572800\r\n\r\n",
                qint64(300) << 20);
        Flooder header(QStringLiteral("127.0.0.4"), port,
                       "GET /api/health HTTP/1.1\r\nX-Huge: ", qint64(50) << 20);
        std::vector<std::unique_ptr<Loris>> lorises;
        lorises.reserve(200);
        for (int i = 0; i < 200; ++i) {
            lorises.push_back(std::make_unique<Loris>(port));
        }

        qint64 rssPeak = rssBefore;
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < 7000) {
            QTest::qWait(200);
            rssPeak = std::max(rssPeak, server.residentKiB());
        }
        normal.stop();
        QTest::qWait(300);

        QCOMPARE(server.process().state(), QProcess::Running);
        QVERIFY2(ok >= 40,
                 qPrintable(QStringLiteral("only %1 answers, %2 failures").arg(ok).arg(failed)));
        QCOMPARE(failed, 0);
        // The body and the header were cut off long before they were all sent.
        QVERIFY(body.closed());
        QVERIFY2(body.sent() < (qint64(300) << 20), qPrintable(QString::number(body.sent())));
        QVERIFY(header.closed());
        QVERIFY2(header.sent() < (qint64(50) << 20), qPrintable(QString::number(header.sent())));
        int refused = 0;
        int timedOut = 0;
        for (const auto &l : lorises) {
            QVERIFY(l->closed());
            refused += statusOf(l->answer()) == 429 ? 1 : 0;
            timedOut += statusOf(l->answer()) == 408 ? 1 : 0;
        }
        QCOMPARE(refused + timedOut, 200);
        QCOMPARE(timedOut, 64); // the per-address cap
        const qint64 growthMiB = (rssPeak - rssBefore) / 1024;
        qInfo() << "RSS before" << rssBefore / 1024 << "MiB, peak" << rssPeak / 1024 << "MiB;" << ok
                << "normal answers; body cut after" << body.sent() / (1 << 20)
                << "MiB, header after" << header.sent() / (1 << 20) << "MiB";
        QVERIFY2(growthMiB < 64, qPrintable(QStringLiteral("grew by %1 MiB").arg(growthMiB)));
    }

    // Clients that hang up before their answer is ready do not bring the server down.
    void clientsThatLeaveEarly()
    {
        ServerProcess server(kServer, env({}));
        QVERIFY(server.start());
        const QByteArray login
                = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 41\r\n\r\n"
                  "{\"username\":\"admin\",\"password\":\"wrong-1\"}";
        for (int i = 0; i < 50; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(s.waitForConnected(5000));
            s.write(login);
            s.waitForBytesWritten(1000);
            // Long enough for the server to read the request, short of Argon2id's ~70 ms.
            QThread::msleep(15);
            s.abort(); // gone while the answer is still being worked out
        }
        QTest::qWait(2000);
        QCOMPARE(server.process().state(), QProcess::Running);
        QCOMPARE(statusOf(
                         rawExchange(server.port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")),
                 200);
        QVERIFY(server.output().contains(QStringLiteral("client left before its answer")));
    }

    // A request sent again with the same Idempotency-Key runs once: six copies of one
    // wrong login count as one failure, while six distinct ones lock the user out.
    void resentRequestRunsOnce()
    {
        ServerProcess server(kServer, env({}));
        QVERIFY(server.start());
        const auto login = [&](const QByteArray &key) {
            const QByteArray body = R"({"username":"admin","password":"not-it-1"})";
            return statusOf(
                    rawExchange(server.port(),
                                "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nIdempotency-Key: "
                                        + key + "\r\nContent-Length: "
                                        + QByteArray::number(body.size()) + "\r\n\r\n" + body));
        };
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(login("11111111-2222-4333-8444-555555555555"), 401);
        }
        QList<int> distinct;
        for (int i = 0; i < 6; ++i) {
            distinct << login(QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
        }
        QCOMPARE(distinct, (QList<int>{401, 401, 401, 401, 429, 429}));
    }

    // SIGTERM and SIGINT stop the server cleanly with exit code 0.
    void stopsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void stopsCleanly()
    {
        QFETCH(int, signal);
        ServerProcess server(kServer, env({}));
        QVERIFY(server.start());
        QCOMPARE(::kill(static_cast<pid_t>(server.pid()), signal), 0);
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.output().contains(QStringLiteral("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
