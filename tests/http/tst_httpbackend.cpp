// SPDX-License-Identifier: GPL-3.0-or-later
// HttpBackend against a real socket peer that misbehaves on purpose: it hangs up on the
// first connections without answering, then answers. Idempotent commands retry through
// that; the others must not, since the first attempt may have taken effect.
#include "core/api/httpbackend.h"
#include "support/backendcall.h"
#include "support/testsupport.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace pos;
using namespace pos::test;

namespace {

// Hangs up on the first `dropFirst` connections once their request arrived, then
// answers every later request with `answer`.
class FlakyPeer : public QTcpServer
{
public:
    FlakyPeer(int dropFirst, QByteArray answer)
        : m_drop(dropFirst)
        , m_answer(std::move(answer))
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                const bool drop = m_seen++ < m_drop;
                connect(s, &QTcpSocket::readyRead, s, [s, drop, this] {
                    const QByteArray request = s->readAll();
                    const qsizetype at = request.indexOf("Idempotency-Key: ");
                    m_keys << (at < 0 ? QByteArray() : request.mid(at + 17, 36));
                    if (drop) {
                        s->abort();
                        return;
                    }
                    s->write(m_answer);
                    s->disconnectFromHost();
                });
            }
        });
    }
    int seen() const { return m_seen; }
    QList<QByteArray> keys() const { return m_keys; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }

private:
    int m_drop;
    int m_seen = 0;
    QByteArray m_answer;
    QList<QByteArray> m_keys;
};

const QByteArray kHealth
        = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 49\r\n"
          "Connection: close\r\n\r\n{\"database\":true,\"role\":\"store\",\"version\":\"0.1\"}";

} // namespace

class TestHttpBackend : public QObject
{
    Q_OBJECT

private slots:
    // A lost answer to a read is retried and the caller never notices.
    void idempotentCommandsRetry()
    {
        FlakyPeer peer(2, kHealth);
        HttpBackend backend(peer.url(), HttpBackend::Options{5000, 2, 50});
        const auto health = call(backend, QStringLiteral("get_health"));
        POS_VERIFY_OK(health);
        QCOMPARE(health->toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("store"));
        QVERIFY(peer.seen() >= 3);
        QVERIFY(peer.keys().first().isEmpty()); // reads need no key
    }

    // A login (not idempotent) is not retried by us. Qt itself resends any request once
    // when the connection drops before an answer; both copies carry one Idempotency-Key so
    // the server runs it once (see tst_contract::resentRequestRunsOnce). A second drop is
    // reported, never resent again.
    void otherCommandsDoNotRetry()
    {
        FlakyPeer peer(2, kHealth);
        HttpBackend backend(peer.url(), HttpBackend::Options{5000, 2, 50});
        const auto login = call(backend, QStringLiteral("login"),
                                {{QStringLiteral("username"), QStringLiteral("a")},
                                 {QStringLiteral("password"), QStringLiteral("b")}});
        QVERIFY(!login);
        QCOMPARE(login.error().code, ErrorCode::Unavailable);
        QVERIFY(peer.seen() <= 2);
        const QList<QByteArray> keys = peer.keys();
        QVERIFY(!keys.isEmpty());
        QCOMPARE(keys.first().size(), 36);
        for (const QByteArray &k : keys) {
            QCOMPARE(k, keys.first());
        }
    }

    // Retries give up: a peer that never answers ends as "unavailable", not a hang.
    void retriesAreBounded()
    {
        FlakyPeer peer(100, kHealth);
        HttpBackend backend(peer.url(), HttpBackend::Options{5000, 2, 20});
        QCOMPARE(call(backend, QStringLiteral("get_health")).error().code, ErrorCode::Unavailable);
        QVERIFY(peer.seen() >= 3 && peer.seen() <= 6); // ours (3) times Qt's own resend (2)
    }

    // A server that accepts but never answers is a timeout.
    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        HttpBackend backend(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())),
                            HttpBackend::Options{300, 0, 10});
        QCOMPARE(call(backend, QStringLiteral("get_health")).error().code, ErrorCode::Timeout);
    }

    // Commands not in the table fail at once, without any network traffic.
    void unknownCommand()
    {
        HttpBackend backend(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        QCOMPARE(call(backend, QStringLiteral("teleport")).error().code, ErrorCode::NotFound);
        QCOMPARE(call(backend, QStringLiteral("get_product")).error().code, ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestHttpBackend)
#include "tst_httpbackend.moc"
