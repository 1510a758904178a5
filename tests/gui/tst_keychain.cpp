// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal's credential in the real OS keychain (GNOME Keyring over D-Bus, started by
// with-keyring.sh), through the same SecretStore the till uses.
#include "app/secretstore.h"

#include "support/testsupport.h"

#include <QUuid>

using namespace pos;

namespace {

Result<QString> readBack(SecretStore &store, const QString &key)
{
    std::optional<Result<QString>> answer;
    store.read(key, [&](Result<QString> r) { answer = std::move(r); });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 20000);
    return answer.value_or(
            fail(ErrorCode::Timeout, QStringLiteral("no answer from the keychain for ") + key));
}

} // namespace

class KeychainTest : public QObject
{
    Q_OBJECT

private slots:
    // What is written comes back, and a key never written is "not found", not an error.
    void writeThenRead()
    {
        KeychainSecretStore store(QStringLiteral("pos-terminal-test"));
        const QString key = QStringLiteral("credential-") + QUuid::createUuid().toString();
        const QString secret = QStringLiteral(R"({"id":"x","secret":"s3cr3t-ñ"})");
        std::optional<Status> written;
        store.write(key, secret, [&](Status s) { written = std::move(s); });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20000);
        POS_VERIFY_OK(written.value_or(fail(ErrorCode::Timeout, key)));
        const auto back = readBack(store, key);
        POS_VERIFY_OK(back);
        QCOMPARE(*back, secret);
        const auto missing = readBack(store, key + QStringLiteral("-never"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(KeychainTest)
#include "tst_keychain.moc"
