// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QList>
#include <QStringList>

namespace pos {

// One record of a CSV file and the line it starts on (a quoted field may span lines).
struct CsvRecord
{
    qsizetype line = 0;
    QStringList fields;
};

// RFC 4180: fields separated by commas, quoted with double quotes when they hold a comma,
// a quote (doubled) or a line break; CRLF or LF line ends; a UTF-8 BOM is skipped. Blank
// lines are skipped. An unterminated quote is an error naming its line.
Result<QList<CsvRecord>> parseCsv(const QString &text);

// One line of CSV, quoting the fields that need it, ending in CRLF.
QString csvLine(const QStringList &fields);

} // namespace pos
