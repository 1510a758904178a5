// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QCoreApplication>
#include <QDate>

namespace pos {

// The business dates a report covers: from..to inclusive, at most a year.
struct ReportRange
{
    QDate from;
    QDate to;
};

inline Result<ReportRange> reportRange(const QString &from, const QString &to)
{
    const ReportRange r{QDate::fromString(from, Qt::ISODate), QDate::fromString(to, Qt::ISODate)};
    if (!r.from.isValid() || !r.to.isValid() || r.to < r.from || r.from.daysTo(r.to) > 366) {
        return fail(ErrorCode::Validation,
                    QCoreApplication::translate(
                            "pos::Reports",
                            "from, to: two dates, at most a year apart, like 2026-11-28"));
    }
    return r;
}

} // namespace pos
