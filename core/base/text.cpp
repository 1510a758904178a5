// SPDX-License-Identifier: GPL-3.0-or-later
#include "text.h"

#include <algorithm>

namespace pos {

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            out.append(c.toLower());
        }
    }
    return out.simplified();
}

void appendAscii(QByteArray &out, QStringView ascii)
{
    const qsizetype at = out.size();
    if (out.capacity() < at + ascii.size()) {
        out.reserve(2 * (at + ascii.size())); // resize() alone grows by the call
    }
    out.resize(at + ascii.size());
    std::ranges::transform(ascii, out.begin() + at,
                           [](QChar c) { return static_cast<char>(c.unicode()); });
}

} // namespace pos
