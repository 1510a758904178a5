// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace pos {

// Lower case without accents ("Café Molido" -> "cafe molido"), for searches that ignore
// both on every database engine.
QString foldForSearch(const QString &text);

// Appends `ascii`, every character of which is below 0x80, one byte a character: for
// writers of text formats (JSON, COPY) whose values are nearly always plain ASCII, without
// the UTF-8 copy toUtf8() would make first.
void appendAscii(QByteArray &out, QStringView ascii);

} // namespace pos
