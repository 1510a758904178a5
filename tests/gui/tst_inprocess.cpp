// SPDX-License-Identifier: GPL-3.0-or-later
// A one-PC shop: pos-terminal --in-process runs the store service on its own SQLite file
// and reaches it through InProcessBackend, with the same commands and checks as HTTP.
#include "app/inprocessstore.h"

#include "servers/common/inprocessbackend.h"
#include "support/backendcall.h"
#include "support/testsupport.h"

#include <QTemporaryDir>

using namespace pos;

class InProcessTest : public QObject
{
    Q_OBJECT

    static TerminalConfig config(const QString &database)
    {
        TerminalConfig c;
        c.inProcessDatabase = database;
        c.storeId = QUuid::createUuid();
        c.storeCode = QStringLiteral("ST09");
        return c;
    }

private slots:
    // Without the store's id there is no store to run: a clear error, nothing created.
    void needsStoreId()
    {
        QTemporaryDir dir;
        TerminalConfig c = config(QStringLiteral("sqlite://")
                                  + dir.filePath(QStringLiteral("shop.db")));
        c.storeId = QUuid();
        const auto core = startInProcessStore(c, QStringLiteral("admin-password-1"));
        QVERIFY(!core);
        QCOMPARE(core.error().code, ErrorCode::Validation);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("shop.db"))));
    }

    // The first start creates the administrator; a restart on the same file keeps them.
    void startsAndRestarts()
    {
        QTemporaryDir dir;
        const TerminalConfig c = config(QStringLiteral("sqlite://")
                                        + dir.filePath(QStringLiteral("shop.db")));
        const QJsonObject login{{QStringLiteral("username"), QStringLiteral("admin")},
                                {QStringLiteral("password"), QStringLiteral("admin-password-1")}};
        {
            auto core = startInProcessStore(c, QStringLiteral("admin-password-1"));
            POS_VERIFY_OK(core);
            InProcessBackend backend((*core)->dispatcher());
            POS_VERIFY_OK(test::call(backend, QStringLiteral("login"), login));
        }
        auto again = startInProcessStore(c, QStringLiteral("another-password-2"));
        POS_VERIFY_OK(again);
        InProcessBackend backend((*again)->dispatcher());
        POS_VERIFY_OK(test::call(backend, QStringLiteral("login"), login));
    }
};

QTEST_GUILESS_MAIN(InProcessTest)
#include "tst_inprocess.moc"
