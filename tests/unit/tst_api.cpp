// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/api/command.h"
#include "core/api/httperror.h"
#include "core/api/openapi.h"
#include "core/auth/jwt.h"
#include "core/auth/passwords.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace pos;

namespace {

// Collects every "$ref" in a JSON tree.
void refs(const QJsonValue &v, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref")) {
                out << it.value().toString();
            } else {
                refs(it.value(), out);
            }
        }
    } else if (v.isArray()) {
        for (const auto &item : v.toArray()) {
            refs(item, out);
        }
    }
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

private slots:
    // The table is the API's single source: names, routes and permissions must be sound.
    void tableIsConsistent()
    {
        QSet<QString> names;
        QSet<QString> routes;
        static const QRegularExpression name(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
        for (const Command &c : commandTable()) {
            QVERIFY2(name.match(c.name).hasMatch(), qPrintable(c.name));
            QVERIFY2(!names.contains(c.name), qPrintable(c.name + QStringLiteral(" twice")));
            names.insert(c.name);
            const QString route = methodName(c.method) + QLatin1Char(' ') + c.path;
            QVERIFY2(!routes.contains(route), qPrintable(route + QStringLiteral(" twice")));
            routes.insert(route);
            QVERIFY(c.path.startsWith(QLatin1String("/api/")));
            QVERIFY(!c.summary.isEmpty());
            QCOMPARE(findCommand(c.name), &c);
            if (c.hasBody()) {
                QVERIFY2(c.request.validate != nullptr,
                         qPrintable(c.name + QStringLiteral(" has no body codec")));
            }
            if (c.method == HttpMethod::Put) {
                QCOMPARE(c.idempotency, Idempotency::Idempotent);
            }
        }
        QVERIFY(findCommand(QStringLiteral("no_such_command")) == nullptr);
    }

    // Every permission has one name, and names map back to the same permission.
    void permissionsDefinedOnce()
    {
        QSet<QString> seen;
        for (Permission p : allPermissions()) {
            const QString n = permissionName(p);
            QVERIFY(!n.isEmpty());
            QVERIFY(!seen.contains(n));
            seen.insert(n);
            QCOMPARE(permissionFromName(n), std::optional<Permission>(p));
        }
        QVERIFY(seen.contains(QStringLiteral("sales.void")));
        QVERIFY(seen.contains(QStringLiteral("worksheets.approve")));
        QVERIFY(!permissionFromName(QStringLiteral("sales.everything")));
    }

    // The generated document is OpenAPI 3: one operation per command, named after it,
    // with every schema reference resolving.
    void openApiFromTable()
    {
        const QJsonObject doc = openApiDocument(commandTable(), QStringLiteral("POS"),
                                                QStringLiteral("1"));
        QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QJsonObject schemas = doc.value(QStringLiteral("components"))
                                            .toObject()
                                            .value(QStringLiteral("schemas"))
                                            .toObject();
        QSet<QString> operations;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                const QJsonObject operation = op.value().toObject();
                const QString id = operation.value(QStringLiteral("operationId")).toString();
                const Command *c = findCommand(id);
                QVERIFY2(c != nullptr, qPrintable(id));
                QCOMPARE(c->path, p.key());
                QCOMPARE(methodName(c->method).toLower(), op.key());
                QVERIFY(operation.value(QStringLiteral("responses"))
                                .toObject()
                                .contains(QStringLiteral("200")));
                for (const QString &param : c->pathParameters()) {
                    bool declared = false;
                    for (const auto &d : operation.value(QStringLiteral("parameters")).toArray()) {
                        declared |= d.toObject().value(QStringLiteral("name")).toString() == param;
                    }
                    QVERIFY2(declared, qPrintable(id + QLatin1Char(' ') + param));
                }
                operations.insert(id);
            }
        }
        QCOMPARE(operations.size(), commandTable().size());
        QStringList all;
        refs(doc, all);
        QVERIFY(!all.isEmpty());
        for (const QString &ref : all) {
            QVERIFY2(ref.startsWith(QLatin1String("#/components/schemas/")), qPrintable(ref));
            QVERIFY2(schemas.contains(ref.section(QLatin1Char('/'), -1)), qPrintable(ref));
        }
        // A model's schema says what the strict reader demands.
        const QJsonObject product = schemas.value(QStringLiteral("Product")).toObject();
        QVERIFY(product.value(QStringLiteral("required")).toArray().contains(QStringLiteral("sku")));
        QCOMPARE(product.value(QStringLiteral("additionalProperties")).toBool(true), false);
    }

    // Error codes and HTTP statuses map both ways through one table.
    void errorMapping_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("bad") << ErrorCode::BadRequest << 400;
        QTest::newRow("auth") << ErrorCode::Unauthenticated << 401;
        QTest::newRow("forbidden") << ErrorCode::Forbidden << 403;
        QTest::newRow("missing") << ErrorCode::NotFound << 404;
        QTest::newRow("method") << ErrorCode::MethodNotAllowed << 405;
        QTest::newRow("conflict") << ErrorCode::Conflict << 409;
        QTest::newRow("large") << ErrorCode::PayloadTooLarge << 413;
        QTest::newRow("validation") << ErrorCode::Validation << 422;
        QTest::newRow("throttled") << ErrorCode::RateLimited << 429;
        QTest::newRow("internal") << ErrorCode::Internal << 500;
        QTest::newRow("down") << ErrorCode::Unavailable << 503;
    }
    void errorMapping()
    {
        QFETCH(ErrorCode, code);
        QFETCH(int, status);
        QCOMPARE(httpStatus(code), status);
        const Error original{code, QStringLiteral("why"), {QStringLiteral("d1")}};
        const QByteArray body = QJsonDocument(errorBody(original)).toJson();
        const Error back = errorFromHttp(status, body);
        QCOMPARE(back.code, code);
        QCOMPARE(back.message, QStringLiteral("why"));
        QCOMPARE(back.details, QStringList{QStringLiteral("d1")});
        // A body that is not ours still maps by status.
        QCOMPARE(errorFromHttp(status, "<html>").code,
                 code == ErrorCode::Overflow ? ErrorCode::Validation : code);
    }

    // Our tokens are standard HS256: the RFC 7515 appendix A.1 token verifies with its key
    // (then fails only on its expiry in 2011), and ours round-trip.
    void jwtIsStandard()
    {
        const QByteArray key = QByteArray::fromBase64("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_"
                                                      "T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
                                                      QByteArray::Base64UrlEncoding);
        const QString rfc = QStringLiteral(
                "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkz"
                "ODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-"
                "mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        // Its signature and algorithm pass; it is refused only because it has no subject
        // (our claim "sub"). One changed byte of signature fails at the signature.
        const auto rfcResult = JwtSigner(key).verify(rfc, QDateTime::fromSecsSinceEpoch(0));
        QCOMPARE(rfcResult.error().details, QStringList{QStringLiteral("claims")});
        const QString forgedRfc = rfc.chopped(2) + QStringLiteral("AA");
        QCOMPARE(JwtSigner(key).verify(forgedRfc, QDateTime::fromSecsSinceEpoch(0)).error().details,
                 QStringList{QStringLiteral("signature")});

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Claims claims{QUuid::createUuid(),
                            QStringLiteral("ana"),
                            {QStringLiteral("cashier")},
                            {QStringLiteral("register.open")},
                            QUuid::createUuid(),
                            now,
                            now.addSecs(60)};
        const JwtSigner signer("0123456789abcdef0123456789abcdef");
        const QString token = signer.sign(claims);
        const auto back = signer.verify(token, now);
        POS_VERIFY_OK(back);
        QCOMPARE(back->userId, claims.userId);
        QCOMPARE(back->permissions, claims.permissions);
        QCOMPARE(back->storeId, claims.storeId);
        // Expired, forged, another key, alg none: all refused.
        QCOMPARE(signer.verify(token, now.addSecs(61)).error().details,
                 QStringList{QStringLiteral("expired")});
        QCOMPARE(JwtSigner("another-secret-another-secret-xx").verify(token, now).error().details,
                 QStringList{QStringLiteral("signature")});
        QString tampered = token;
        tampered[token.indexOf(QLatin1Char('.')) + 5] = tampered[token.indexOf(QLatin1Char('.')) + 5]
                                                                        == QLatin1Char('A')
                                                                ? QLatin1Char('B')
                                                                : QLatin1Char('A');
        QVERIFY(!signer.verify(tampered, now));
        const QString none = QString::fromLatin1(QByteArray(R"({"alg":"none","typ":"JWT"})")
                                                         .toBase64(QByteArray::Base64UrlEncoding
                                                                   | QByteArray::OmitTrailingEquals))
                             + token.mid(token.indexOf(QLatin1Char('.')));
        QCOMPARE(signer.verify(none, now).error().details,
                 QStringList{QStringLiteral("signature")});
    }

    // Secrets are stored as Argon2id and only the right secret verifies.
    void argon2id()
    {
        const auto hash = hashSecret(QStringLiteral("correct horse"));
        POS_VERIFY_OK(hash);
        QVERIFY(hash->startsWith(QLatin1String("$argon2id$")));
        QVERIFY(verifySecret(*hash, QStringLiteral("correct horse")));
        QVERIFY(!verifySecret(*hash, QStringLiteral("correct horsE")));
        QVERIFY(!verifySecret(QString(), QStringLiteral("")));
        QVERIFY(*hashSecret(QStringLiteral("x")) != *hashSecret(QStringLiteral("x"))); // salted
        QCOMPARE(pinLookup("k", QStringLiteral("1234")), pinLookup("k", QStringLiteral("1234")));
        QVERIFY(pinLookup("k", QStringLiteral("1234")) != pinLookup("j", QStringLiteral("1234")));
        QCOMPARE(generatePassword().size(), 24);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
