// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/paging.h"

#include <QCoreApplication>

namespace pos {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

Result<qint64> number(const QString &text, qint64 fallback, qint64 min, qint64 max, const char *name)
{
    if (text.isEmpty()) {
        return fallback;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return fail(ErrorCode::Validation, Tr::tr("%1: must be a whole number from %2 to %3")
                                                   .arg(QString::fromLatin1(name))
                                                   .arg(min)
                                                   .arg(max));
    }
    return value;
}
} // namespace

Result<Paging> paging(const ListQuery &query)
{
    auto limit = number(query.limit, 50, 1, 500, "limit");
    if (!limit) {
        return fail(limit.error());
    }
    auto offset = number(query.offset, 0, 0, 1'000'000'000, "offset");
    if (!offset) {
        return fail(offset.error());
    }
    return Paging{*limit, *offset};
}

} // namespace pos
