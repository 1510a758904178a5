// SPDX-License-Identifier: GPL-3.0-or-later
// One contract for the API, run four ways: SQLite and PostgreSQL, each through
// InProcessBackend and through HttpBackend against a real server on a free port.
#include "core/api/httpbackend.h"
#include "servers/common/http/httpserver.h"
#include "servers/common/inprocessbackend.h"
#include "servers/common/migrationsteps.h"
#include "servers/common/servercore.h"
#include "support/apiharness.h"
#include "support/backendcall.h"
#include "support/records.h"
#include "support/testdatabase.h"
#include "support/testsupport.h"

#include <QJsonArray>

using namespace pos;
using namespace pos::test;

namespace {

const QString kAdminPassword = QString::fromLatin1(ApiHarness::kAdminPassword);

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject user(const QString &id, const QString &username, const QStringList &roleIds)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("full_name"), username.toUpper()},
                       {QStringLiteral("role_ids"), QJsonArray::fromStringList(roleIds)},
                       {QStringLiteral("store_ids"), QJsonArray()},
                       {QStringLiteral("language"), QStringLiteral("es")},
                       {QStringLiteral("active"), true}};
}

} // namespace

class TestContract : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;

    Result<QJsonValue> run(const QString &command, const QJsonObject &params = {},
                           const CallOptions &options = {})
    {
        return m_api.run(command, params, options);
    }

    QJsonObject loginAs(const QString &username, const QString &password)
    {
        return m_api.loginAs(username, password);
    }

    QString putRole(const QString &name, const QStringList &permissions)
    {
        const QString id = newId();
        const auto r = run(QStringLiteral("put_role"),
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
                            {QStringLiteral("discount_limit_bp"), 1000}});
        return r ? id : QString();
    }

    Result<QJsonValue> putUser(const QString &username, const QStringList &roleIds,
                               const QString &password, const QString &pin)
    {
        const QString id = newId();
        return run(QStringLiteral("put_user"),
                   {{QStringLiteral("id"), id},
                    {QStringLiteral("user"), user(id, username, roleIds)},
                    {QStringLiteral("password"), password},
                    {QStringLiteral("pin"), pin}});
    }

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { POS_VERIFY_OK(m_api.start(ServerRole::Store)); }
    void cleanup() { m_api.stop(); }

    // Health answers without a login and says the database is there.
    void health()
    {
        const auto h = run(QStringLiteral("get_health"));
        POS_VERIFY_OK(h);
        QCOMPARE(h->toObject().value(QStringLiteral("role")).toString(), QStringLiteral("store"));
        QCOMPARE(h->toObject().value(QStringLiteral("database")).toBool(), true);
    }

    // The server's own API document lists exactly the commands it serves.
    void openApi()
    {
        const auto doc = run(QStringLiteral("get_openapi"));
        POS_VERIFY_OK(doc);
        int operations = 0;
        const QJsonObject paths = doc->toObject().value(QStringLiteral("paths")).toObject();
        for (const auto &item : paths) {
            operations += static_cast<int>(item.toObject().size());
        }
        QCOMPARE(operations, static_cast<int>(m_api.core().dispatcher().commands().size()));
    }

    // A wrong password is refused without saying whether the user exists; the right one
    // gives a token that get_me accepts.
    void loginAndMe()
    {
        const auto wrong = run(QStringLiteral("login"),
                               {{QStringLiteral("username"), QStringLiteral("admin")},
                                {QStringLiteral("password"), QStringLiteral("nope")}});
        QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);
        const auto nobody = run(QStringLiteral("login"),
                                {{QStringLiteral("username"), QStringLiteral("ghost")},
                                 {QStringLiteral("password"), QStringLiteral("nope")}});
        QCOMPARE(nobody.error().message, wrong.error().message);
        const QJsonObject session = loginAs(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!session.isEmpty());
        QVERIFY(session.value(QStringLiteral("permissions"))
                        .toArray()
                        .contains(QStringLiteral("sales.void")));
        const auto me = run(QStringLiteral("get_me"));
        POS_VERIFY_OK(me);
        QCOMPARE(me->toObject()
                         .value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("username"))
                         .toString(),
                 QStringLiteral("admin"));
        m_api.backend().setToken(QStringLiteral("not.a.token"));
        QCOMPARE(run(QStringLiteral("get_me")).error().code, ErrorCode::Unauthenticated);
    }

    // Every non-public command of the table answers 401 without a token and, when it needs
    // a permission, 403 with a token that lacks it: no route is ever unguarded.
    void everyCommandIsGuarded()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString nothing = putRole(QStringLiteral("nothing"), {});
        POS_VERIFY_OK(
                putUser(QStringLiteral("powerless"), {nothing}, QStringLiteral("powerless-1"), {}));
        const QJsonObject weak = loginAs(QStringLiteral("powerless"),
                                         QStringLiteral("powerless-1"));
        const QString weakToken = weak.value(QStringLiteral("token")).toString();
        QVERIFY(!weakToken.isEmpty());
        int checked = 0;
        for (const Command &c : m_api.core().dispatcher().commands()) {
            if (c.access == Access::Public) {
                continue;
            }
            QJsonObject params;
            for (const QString &p : c.pathParameters()) {
                params.insert(p, newId());
            }
            m_api.backend().setToken({});
            const auto anonymous = run(c.name, params);
            QVERIFY2(!anonymous && anonymous.error().code == ErrorCode::Unauthenticated,
                     qPrintable(c.name));
            m_api.backend().setToken(weakToken);
            const auto weakCall = run(c.name, params);
            if (c.access == Access::Permitted) {
                QVERIFY2(!weakCall && weakCall.error().code == ErrorCode::Forbidden,
                         qPrintable(c.name));
            } else {
                QVERIFY2(weakCall
                                 || (weakCall.error().code != ErrorCode::Forbidden
                                     && weakCall.error().code != ErrorCode::Unauthenticated),
                         qPrintable(c.name));
            }
            ++checked;
        }
        QVERIFY(checked >= 15);
    }

    // Roles and users round-trip; PINs are unique and log a cashier in.
    void usersAndPins()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString cashier = putRole(QStringLiteral("cashier"),
                                        {QStringLiteral("register.open")});
        QVERIFY(!cashier.isEmpty());
        const auto created = putUser(QStringLiteral("ana"), {cashier}, {}, QStringLiteral("4821"));
        POS_VERIFY_OK(created);
        const QString anaId = created->toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(created->toObject().value(QStringLiteral("role_ids")).toArray(),
                 QJsonArray{cashier});

        const auto read = run(QStringLiteral("get_user"), {{QStringLiteral("id"), anaId}});
        POS_VERIFY_OK(read);
        QCOMPARE(read->toObject(), created->toObject());
        const auto list = run(QStringLiteral("get_users"),
                              {{QStringLiteral("q"), QStringLiteral("an")}});
        POS_VERIFY_OK(list);
        QCOMPARE(list->toObject().value(QStringLiteral("items")).toArray().size(), 1);

        QCOMPARE(putUser(QStringLiteral("bea"), {cashier}, {}, QStringLiteral("4821")).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(putUser(QStringLiteral("ana"), {cashier}, {}, {}).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(putUser(QStringLiteral("cy"), {cashier}, {}, QStringLiteral("12a4")).error().code,
                 ErrorCode::Validation);
        QCOMPARE(putUser(QStringLiteral("dee"), {cashier}, QStringLiteral("short"), {}).error().code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("put_role"),
                     {{QStringLiteral("id"), newId()},
                      {QStringLiteral("name"), QStringLiteral("odd")},
                      {QStringLiteral("permissions"), QJsonArray{QStringLiteral("sales.all")}},
                      {QStringLiteral("discount_limit_bp"), 0}})
                         .error()
                         .code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("get_user"), {{QStringLiteral("id"), newId()}}).error().code,
                 ErrorCode::NotFound);
        const QString other = newId();
        QCOMPARE(run(QStringLiteral("put_user"),
                     {{QStringLiteral("id"), newId()},
                      {QStringLiteral("user"), user(other, QStringLiteral("eve"), {})}})
                         .error()
                         .code,
                 ErrorCode::BadRequest);

        m_api.backend().setToken({});
        const auto pin = run(QStringLiteral("login_pin"), m_api.pinParams(QStringLiteral("4821")));
        POS_VERIFY_OK(pin);
        QCOMPARE(pin->toObject().value(QStringLiteral("permissions")).toArray(),
                 QJsonArray{QStringLiteral("register.open")});
        QCOMPARE(run(QStringLiteral("login_pin"), m_api.pinParams(QStringLiteral("9999")))
                         .error()
                         .code,
                 ErrorCode::Unauthenticated);
        // A PIN works only on an approved terminal with its own secret.
        QJsonObject wrongSecret = m_api.pinParams(QStringLiteral("4821"));
        wrongSecret.insert(QStringLiteral("terminal_secret"), QStringLiteral("guess"));
        QCOMPARE(run(QStringLiteral("login_pin"), wrongSecret).error().code,
                 ErrorCode::Unauthenticated);
        const QString pendingId = newId();
        const auto pending = run(QStringLiteral("request_terminal"),
                                 {{QStringLiteral("id"), pendingId},
                                  {QStringLiteral("name"), QStringLiteral("Caja 9")}});
        POS_VERIFY_OK(pending);
        QCOMPARE(pending->toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(run(QStringLiteral("request_terminal"),
                     {{QStringLiteral("id"), pendingId},
                      {QStringLiteral("name"), QStringLiteral("Caja 9")}})
                         .error()
                         .code,
                 ErrorCode::Conflict); // the secret is given once
        QJsonObject unapproved = m_api.pinParams(QStringLiteral("4821"));
        unapproved.insert(QStringLiteral("terminal_id"), pendingId);
        unapproved.insert(QStringLiteral("terminal_secret"),
                          pending->toObject().value(QStringLiteral("secret")));
        QCOMPARE(run(QStringLiteral("login_pin"), unapproved).error().code,
                 ErrorCode::Unauthenticated);
    }

    // Catalog writes validate, refuse duplicates, and searches ignore accents and case.
    void catalog()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString dept = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_department"),
                          {{QStringLiteral("id"), dept},
                           {QStringLiteral("code"), QStringLiteral("CAF")},
                           {QStringLiteral("name"), QStringLiteral("Cafetería")},
                           {QStringLiteral("parent_id"), QJsonValue()},
                           {QStringLiteral("color"), QStringLiteral("#aa5500")},
                           {QStringLiteral("active"), true}}));
        const QString tax = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_tax"),
                          taxRecord(tax, QStringLiteral("IVA16"), QStringLiteral("16"))));
        const QString productId = newId();
        const QJsonObject product = productRecord(
                {.id = productId,
                 .sku = QStringLiteral("CAF-500"),
                 .name = QStringLiteral("Café Molido 500g"),
                 .department = dept,
                 .barcodes = QJsonArray{QStringLiteral("7501234567893")},
                 .taxIds = QJsonArray{tax},
                 .price = 8900,
                 .cost = 6000});
        POS_VERIFY_OK(run(QStringLiteral("put_product"), product));
        const auto read = run(QStringLiteral("get_product"), {{QStringLiteral("id"), productId}});
        POS_VERIFY_OK(read);
        QCOMPARE(read->toObject(), product);

        const auto found = run(QStringLiteral("get_products"),
                               {{QStringLiteral("q"), QStringLiteral("CAFE mol")}});
        POS_VERIFY_OK(found);
        QCOMPARE(found->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        const auto grid = run(QStringLiteral("get_department_products"),
                              {{QStringLiteral("id"), dept}});
        POS_VERIFY_OK(grid);
        QCOMPARE(grid->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        const auto empty = run(QStringLiteral("get_department_products"),
                               {{QStringLiteral("id"), newId()}});
        QCOMPARE(empty->toObject().value(QStringLiteral("items")).toArray().size(), 0);
        // Any word's start matches, in any order; the middle of a word does not.
        for (const auto &[q, hits] :
             {std::pair{"molido", 1}, std::pair{"500 caf", 1}, std::pair{"olido", 0},
              std::pair{"caf olido", 0}, std::pair{"500g molido caf", 1},
              std::pair{"500g molido te", 0}}) {
            const auto r = run(QStringLiteral("get_products"),
                               {{QStringLiteral("q"), QString::fromLatin1(q)}});
            POS_VERIFY_OK(r);
            QVERIFY2(r->toObject().value(QStringLiteral("items")).toArray().size() == hits, q);
        }
        const auto none = run(QStringLiteral("get_products"),
                              {{QStringLiteral("q"), QStringLiteral("té verde")}});
        QCOMPARE(none->toObject().value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(run(QStringLiteral("get_products"),
                     {{QStringLiteral("limit"), QStringLiteral("x")}})
                         .error()
                         .code,
                 ErrorCode::Validation);

        QJsonObject twin = product;
        twin.insert(QStringLiteral("id"), newId());
        twin.insert(QStringLiteral("sku"), QStringLiteral("CAF-501"));
        QCOMPARE(run(QStringLiteral("put_product"), twin).error().code,
                 ErrorCode::Conflict); // same barcode
        QJsonObject orphan = twin;
        orphan.insert(QStringLiteral("barcodes"), QJsonArray());
        orphan.insert(QStringLiteral("department_id"), newId());
        QCOMPARE(run(QStringLiteral("put_product"), orphan).error().code, ErrorCode::Validation);
        QJsonObject broken = twin;
        broken.remove(QStringLiteral("sku"));
        const auto bad = run(QStringLiteral("put_product"), broken);
        QCOMPARE(bad.error().code, ErrorCode::BadRequest);
        QCOMPARE(bad.error().message, QStringLiteral("sku: is required"));
        QCOMPARE(run(QStringLiteral("get_product"), {{QStringLiteral("id"), newId()}}).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(run(QStringLiteral("get_product"),
                     {{QStringLiteral("id"), QStringLiteral("nope")}})
                         .error()
                         .code,
                 ErrorCode::BadRequest);
    }

    // A search pages its matches in name order, each product once with its barcodes and
    // taxes in their order, however many of its words the search's words start.
    void searchPages()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString first = newId();
        const QString second = newId();
        for (const auto &[tax, code] : {std::pair{first, "T1"}, std::pair{second, "T2"}}) {
            POS_VERIFY_OK(run(QStringLiteral("put_tax"),
                              taxRecord(tax, QLatin1String(code), QStringLiteral("8"))));
        }
        const QString dept = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_department"),
                          departmentRecord(dept, QStringLiteral("ZZ"), QStringLiteral("Zeta"))));
        QList<QJsonObject> stored;
        for (const char *name : {"Zumo zanahoria zarzamora", "Zarzaparrilla 2 L", "Zeta zinc"}) {
            stored << productRecord({.id = newId(),
                                     .sku = QLatin1String(name).left(4) + newId().left(4),
                                     .name = QLatin1String(name),
                                     .department = dept,
                                     .barcodes = {},
                                     .taxIds = QJsonArray{second, first},
                                     .price = 100,
                                     .cost = 50});
            POS_VERIFY_OK(run(QStringLiteral("put_product"), stored.last()));
        }
        stored[0].insert(QStringLiteral("barcodes"),
                         QJsonArray{QStringLiteral("7501234567909"), QStringLiteral("0123")});
        POS_VERIFY_OK(run(QStringLiteral("put_product"), stored[0]));
        const auto names = [&](const QJsonObject &params) {
            const auto found = run(QStringLiteral("get_products"), params);
            QStringList out;
            for (const auto &item : found->toObject().value(QStringLiteral("items")).toArray()) {
                out << item.toObject().value(QStringLiteral("name")).toString();
            }
            return out;
        };
        QCOMPARE(names({{QStringLiteral("q"), QStringLiteral("za")}}),
                 (QStringList{"Zarzaparrilla 2 L", "Zumo zanahoria zarzamora"}));
        QCOMPARE(names({{QStringLiteral("q"), QStringLiteral("z")}}),
                 (QStringList{"Zarzaparrilla 2 L", "Zeta zinc", "Zumo zanahoria zarzamora"}));
        QCOMPARE(names({{QStringLiteral("q"), QStringLiteral("za")},
                        {QStringLiteral("limit"), QStringLiteral("1")},
                        {QStringLiteral("offset"), QStringLiteral("1")}}),
                 QStringList{"Zumo zanahoria zarzamora"});
        const auto found = run(QStringLiteral("get_products"),
                               {{QStringLiteral("q"), QStringLiteral("zanah zarz")}});
        POS_VERIFY_OK(found);
        QJsonObject expected = stored[0];
        expected.insert(QStringLiteral("barcodes"),
                        QJsonArray{QStringLiteral("0123"), QStringLiteral("7501234567909")});
        QCOMPARE(found->toObject().value(QStringLiteral("items")).toArray(), QJsonArray{expected});
    }

    // Why: search words are derived in code, so a database migrated from before the words
    // carried their name keys gets them written again (migration 0019's step); a chunk
    // boundary must lose no product.
    void searchWordsRewritten()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString dept = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_department"),
                          departmentRecord(dept, QStringLiteral("RW"), QStringLiteral("Rewrite"))));
        for (const char *name : {"Queso fresco 1", "Queso añejo 2", "Quesillo fresco 3"}) {
            POS_VERIFY_OK(run(QStringLiteral("put_product"),
                              productRecord({.id = newId(),
                                             .sku = QStringLiteral("RW") + newId().left(6),
                                             .name = QString::fromUtf8(name),
                                             .department = dept,
                                             .barcodes = {},
                                             .taxIds = {},
                                             .price = 100,
                                             .cost = 50})));
        }
        const auto hits = [&](const char *q) {
            const auto r = run(QStringLiteral("get_products"),
                               {{QStringLiteral("q"), QString::fromUtf8(q)}});
            return r ? r->toObject().value(QStringLiteral("items")).toArray().size() : -1;
        };
        QCOMPARE(hits("ques fres"), 2);
        auto conn = m_api.db().connection();
        POS_VERIFY_OK(conn);
        const auto words = [&] {
            auto q = exec(*conn,
                          QStringLiteral("SELECT COUNT(*), MIN(name_key) FROM product_words"));
            return q && q->next() ? q->value(0).toString() + q->value(1).toString() : QString();
        };
        const QString before = words();
        POS_VERIFY_OK(exec(*conn, QStringLiteral("DELETE FROM product_words")));
        QCOMPARE(hits("ques fres"), 0);
        auto tx = Transaction::begin(m_api.db());
        POS_VERIFY_OK(tx);
        POS_VERIFY_OK(rewriteAllProductWords(*tx, 2));
        POS_VERIFY_OK(tx->commit());
        QCOMPARE(words(), before);
        QCOMPARE(hits("ques fres"), 2);
        QCOMPARE(hits("anejo que"), 1);
    }

    // Every master-data entity is created, replaced and listed the same way; customers are
    // found by the start of their name, accents and case ignored.
    void masterData()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString tender = newId();
        const QString customer = newId();
        const QList<std::tuple<const char *, const char *, QJsonObject>> entities{
                {"put_tender",
                 "get_tenders",
                 {{QStringLiteral("id"), tender},
                  {QStringLiteral("code"), QStringLiteral("VALE")},
                  {QStringLiteral("name"), QStringLiteral("Vale de despensa")},
                  {QStringLiteral("kind"), QStringLiteral("other")},
                  {QStringLiteral("opens_drawer"), false},
                  {QStringLiteral("gives_change"), false},
                  {QStringLiteral("active"), true}}},
                {"put_customer",
                 "get_customers",
                 {{QStringLiteral("id"), customer},
                  {QStringLiteral("code"), QStringLiteral("C-1")},
                  {QStringLiteral("name"), QStringLiteral("Óscar Núñez")},
                  {QStringLiteral("email"), QString()},
                  {QStringLiteral("phone"), QString()},
                  {QStringLiteral("tax_id"), QStringLiteral("NUOS800101AB1")},
                  {QStringLiteral("tax_exempt"), false},
                  {QStringLiteral("active"), true}}},
                {"put_supplier",
                 "get_suppliers",
                 {{QStringLiteral("id"), newId()},
                  {QStringLiteral("code"), QStringLiteral("LALA")},
                  {QStringLiteral("name"), QStringLiteral("Lácteos")},
                  {QStringLiteral("contact"), QString()},
                  {QStringLiteral("phone"), QString()},
                  {QStringLiteral("email"), QString()},
                  {QStringLiteral("active"), true}}},
                {"put_sales_rep",
                 "get_sales_reps",
                 {{QStringLiteral("id"), newId()},
                  {QStringLiteral("code"), QStringLiteral("R1")},
                  {QStringLiteral("name"), QStringLiteral("Luis")},
                  {QStringLiteral("active"), true}}},
        };
        for (const auto &[put, list, body] : entities) {
            const auto stored = run(QString::fromLatin1(put), body);
            POS_VERIFY_OK(stored);
            QCOMPARE(stored->toObject(), body);
            QJsonObject renamed = body;
            renamed.insert(QStringLiteral("active"), false);
            POS_VERIFY_OK(run(QString::fromLatin1(put), renamed)); // replace, not add
            const auto listed = run(QString::fromLatin1(list));
            POS_VERIFY_OK(listed);
            QCOMPARE(listed->toObject().value(QStringLiteral("items")).toArray(),
                     QJsonArray{renamed});
        }
        const auto found = run(QStringLiteral("get_customers"),
                               {{QStringLiteral("q"), QStringLiteral("oscar nu")}});
        POS_VERIFY_OK(found);
        QCOMPARE(found->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        QJsonObject duplicate = std::get<2>(entities[0]);
        duplicate.insert(QStringLiteral("id"), newId());
        QCOMPARE(run(QStringLiteral("put_tender"), duplicate).error().code,
                 ErrorCode::Conflict); // same code
    }

    // A cashier without drawer.no_sale needs a manager's PIN; the audit row names both.
    void managerOverride()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        const QString cashierRole = putRole(QStringLiteral("cashier"),
                                            {QStringLiteral("register.open")});
        const QString managerRole = putRole(QStringLiteral("manager"),
                                            {QStringLiteral("drawer.no_sale")});
        POS_VERIFY_OK(
                putUser(QStringLiteral("cashier1"), {cashierRole}, {}, QStringLiteral("1111")));
        const auto manager = putUser(QStringLiteral("manager1"), {managerRole}, {},
                                     QStringLiteral("2222"));
        POS_VERIFY_OK(manager);
        POS_VERIFY_OK(
                putUser(QStringLiteral("cashier2"), {cashierRole}, {}, QStringLiteral("3333")));

        m_api.backend().setToken({});
        const auto session = run(QStringLiteral("login_pin"),
                                 m_api.pinParams(QStringLiteral("1111")));
        POS_VERIFY_OK(session);
        m_api.backend().setToken(session->toObject().value(QStringLiteral("token")).toString());
        const QJsonObject request{
                {QStringLiteral("reason"), QStringLiteral("change for the bakery")}};
        QCOMPARE(run(QStringLiteral("open_drawer"), request).error().code, ErrorCode::Forbidden);
        QCOMPARE(run(QStringLiteral("open_drawer"), request, CallOptions{QStringLiteral("3333")})
                         .error()
                         .code,
                 ErrorCode::Forbidden); // a PIN without the permission
        QCOMPARE(run(QStringLiteral("open_drawer"), request, CallOptions{QStringLiteral("9876")})
                         .error()
                         .code,
                 ErrorCode::Forbidden); // nobody's PIN
        POS_VERIFY_OK(
                run(QStringLiteral("open_drawer"), request, CallOptions{QStringLiteral("2222")}));

        auto conn = m_api.db().connection();
        auto q = exec(
                *conn,
                QStringLiteral(
                        "SELECT u.username, a.username, l.reason FROM audit_log l "
                        "JOIN users u ON u.id = l.user_id JOIN users a ON a.id = l.approver_id "
                        "WHERE l.action = 'drawer.no_sale'"));
        POS_VERIFY_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("cashier1"));
        QCOMPARE(q->value(1).toString(), QStringLiteral("manager1"));
        QCOMPARE(q->value(2).toString(), QStringLiteral("change for the bakery"));
        QVERIFY(!q->next());
    }

    // Repeated wrong passwords lock the user out for a while (429 with a retry time).
    void loginThrottled()
    {
        for (int i = 0; i < 5; ++i) {
            const auto r = run(QStringLiteral("login"),
                               {{QStringLiteral("username"), QStringLiteral("admin")},
                                {QStringLiteral("password"), QStringLiteral("guess")}});
            QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
        }
        const auto locked = run(QStringLiteral("login"),
                                {{QStringLiteral("username"), QStringLiteral("admin")},
                                 {QStringLiteral("password"), kAdminPassword}});
        QCOMPARE(locked.error().code, ErrorCode::RateLimited);
        QVERIFY(locked.error().retryAfterSeconds > 0);
        auto conn = m_api.db().connection();
        auto q = exec(*conn,
                      QStringLiteral(
                              "SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), 5);
    }

    // Unknown commands and wrong parameters are clear errors on both bindings.
    void badCalls()
    {
        loginAs(QStringLiteral("admin"), kAdminPassword);
        QCOMPARE(run(QStringLiteral("fly_to_moon")).error().code, ErrorCode::NotFound);
        QCOMPARE(run(QStringLiteral("get_users"),
                     {{QStringLiteral("colour"), QStringLiteral("red")}})
                         .error()
                         .code,
                 ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
