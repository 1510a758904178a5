// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordid.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace pos {

namespace {

using Bytes = std::array<quint8, 16>;

QUuid fromBytes(Bytes bytes, quint8 version)
{
    bytes[6] = static_cast<quint8>((version << 4) | (bytes[6] & 0x0F));
    bytes[8] = static_cast<quint8>(0x80 | (bytes[8] & 0x3F)); // the RFC 9562 variant
    return QUuid::fromRfc4122(
            QByteArrayView(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
}

} // namespace

QUuid newRecordId()
{
    return newRecordId(std::chrono::system_clock::now());
}

QUuid newRecordId(std::chrono::system_clock::time_point at)
{
    using namespace std::chrono;
    const auto sinceEpoch = duration_cast<nanoseconds>(at.time_since_epoch()).count();
    const auto ms = static_cast<quint64>(sinceEpoch / 1'000'000);
    // The fraction of the millisecond in 1/4096ths: ids born in one process in order
    // sort in that order down to a quarter of a microsecond.
    const auto fraction = static_cast<quint32>((sinceEpoch % 1'000'000) * 4096 / 1'000'000);
    Bytes b{};
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), 4);
    for (std::size_t i = 0; i < 6; ++i) {
        b[i] = static_cast<quint8>(ms >> (40 - 8 * i));
    }
    b[6] = static_cast<quint8>(fraction >> 8);
    b[7] = static_cast<quint8>(fraction);
    return fromBytes(b, 7);
}

QString newRecordIdText()
{
    return newRecordId().toString(QUuid::WithoutBraces);
}

QUuid derivedRecordId(const QUuid &source, QStringView tag)
{
    const QByteArray prefix = source.toRfc4122();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(prefix);
    hash.addData(tag.toUtf8());
    const QByteArray digest = hash.result();
    Bytes b{};
    for (qsizetype i = 0; i < 16; ++i) {
        b[static_cast<std::size_t>(i)] = static_cast<quint8>(i < 6 ? prefix[i] : digest[i]);
    }
    return fromBytes(b, 8);
}

} // namespace pos
