// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/recordid.h"
#include "support/testsupport.h"

#include <QSet>

using namespace pos;
using namespace std::chrono;

namespace {

// The 48-bit millisecond count an id starts with.
quint64 millisecondsOf(const QUuid &id)
{
    const QByteArray b = id.toRfc4122();
    quint64 ms = 0;
    for (int i = 0; i < 6; ++i) {
        ms = (ms << 8) | static_cast<quint8>(b[i]);
    }
    return ms;
}

// The version in the id's bits (Qt 6.4's QUuid::Version stops at 5).
int versionOf(const QUuid &id)
{
    return static_cast<quint8>(id.toRfc4122()[6]) >> 4;
}

QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

class TestRecordId : public QObject
{
    Q_OBJECT

private slots:
    // 2026-12-07T12:00:00.123456Z is 1,796,644,800,123 ms (0x01A25060067B); the 456 µs
    // left over are 456/1000 of a millisecond, 1867 (0x74B) in 1/4096ths.
    void aNewIdStartsWithItsTime()
    {
        const system_clock::time_point at{microseconds(1'796'644'800'123'456)};
        const QUuid id = newRecordId(at);
        QCOMPARE(millisecondsOf(id), quint64(1'796'644'800'123));
        QCOMPARE(text(id).left(13), QStringLiteral("01a25060-067b"));
        QCOMPARE(versionOf(id), 7);
        QCOMPARE(id.variant(), QUuid::DCE);
        QCOMPARE(text(id).mid(14, 4), QStringLiteral("774b"));
    }

    // Ids made later sort later, as UUIDs and as the text the databases index.
    void laterIdsSortLater()
    {
        const system_clock::time_point start{milliseconds(1'796'644'800'000)};
        QUuid before = newRecordId(start);
        for (int step = 1; step < 2000; ++step) {
            const QUuid next = newRecordId(start + microseconds(step * 7));
            QVERIFY2(before < next, qPrintable(text(before) + QLatin1Char(' ') + text(next)));
            QVERIFY(text(before) < text(next));
            before = next;
        }
    }

    // Ids made in the same instant differ in their random bits.
    void idsOfOneInstantDiffer()
    {
        const system_clock::time_point at{milliseconds(1'796'644'800'000)};
        QSet<QUuid> seen;
        for (int i = 0; i < 10000; ++i) {
            seen.insert(newRecordId(at));
        }
        QCOMPARE(seen.size(), 10000);
        QVERIFY(newRecordId() != newRecordId());
    }

    // A derived id is the same every time for its source and tag, differs for another tag
    // or source, and keeps its source's time.
    void aDerivedIdFollowsFromItsSource()
    {
        const QUuid line = newRecordId();
        const QUuid stock = derivedRecordId(line, u"stock");
        QCOMPARE(derivedRecordId(line, u"stock"), stock);
        QVERIFY(derivedRecordId(line, u"void") != stock);
        QVERIFY(derivedRecordId(newRecordId(), u"stock") != stock);
        QVERIFY(stock != line);
        QCOMPARE(millisecondsOf(stock), millisecondsOf(line));
        QCOMPARE(versionOf(stock), 8);
        QCOMPARE(stock.variant(), QUuid::DCE);
    }
};

QTEST_GUILESS_MAIN(TestRecordId)
#include "tst_recordid.moc"
