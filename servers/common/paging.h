// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"

namespace pos {

struct Paging
{
    qint64 limit = 50;
    qint64 offset = 0;
};

// Reads limit and offset from a list query: digits only, limit 1..500.
Result<Paging> paging(const ListQuery &query);

// Trims a page fetched with limit + 1 rows and says where the next one starts.
template<typename T>
Page<T> pageOf(QList<T> rows, const Paging &p)
{
    Page<T> page;
    if (rows.size() > p.limit) {
        rows.resize(p.limit);
        page.nextOffset = p.offset + p.limit;
    }
    page.items = std::move(rows);
    return page;
}

} // namespace pos
