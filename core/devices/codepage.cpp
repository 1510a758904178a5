// SPDX-License-Identifier: GPL-3.0-or-later
#include "codepage.h"

#include <array>
#include <utility>

namespace pos {

namespace {

// The non-ASCII letters and signs a receipt in our languages needs, at their CP858 bytes.
constexpr std::array<std::pair<char16_t, unsigned char>, 52> kCp858{{
        {u'Ç', 0x80}, {u'ü', 0x81}, {u'é', 0x82}, {u'â', 0x83}, {u'ä', 0x84}, {u'à', 0x85},
        {u'å', 0x86}, {u'ç', 0x87}, {u'ê', 0x88}, {u'ë', 0x89}, {u'è', 0x8A}, {u'ï', 0x8B},
        {u'î', 0x8C}, {u'ì', 0x8D}, {u'Ä', 0x8E}, {u'Å', 0x8F}, {u'É', 0x90}, {u'ô', 0x93},
        {u'ö', 0x94}, {u'ò', 0x95}, {u'û', 0x96}, {u'ù', 0x97}, {u'Ö', 0x99}, {u'Ü', 0x9A},
        {u'£', 0x9C}, {u'á', 0xA0}, {u'í', 0xA1}, {u'ó', 0xA2}, {u'ú', 0xA3}, {u'ñ', 0xA4},
        {u'Ñ', 0xA5}, {u'ª', 0xA6}, {u'º', 0xA7}, {u'¿', 0xA8}, {u'¡', 0xAD}, {u'«', 0xAE},
        {u'»', 0xAF}, {u'Á', 0xB5}, {u'Â', 0xB6}, {u'À', 0xB7}, {u'ã', 0xC6}, {u'Ã', 0xC7},
        {u'€', 0xD5}, {u'Ê', 0xD2}, {u'Í', 0xD6}, {u'Ó', 0xE0}, {u'Ô', 0xE2}, {u'õ', 0xE4},
        {u'Ú', 0xE9}, {u'°', 0xF8}, {u'·', 0xFA}, {u'×', 0x9E},
}};

char encodeOne(QChar c)
{
    if (c.unicode() < 0x80) {
        return static_cast<char>(c.unicode());
    }
    for (const auto &[letter, byte] : kCp858) {
        if (letter == c.unicode()) {
            return static_cast<char>(byte);
        }
    }
    // Not in the page: print the base letter of a decomposed character, else "?".
    const QString base = QString(c).normalized(QString::NormalizationForm_D);
    if (!base.isEmpty() && base.at(0).unicode() < 0x80) {
        return static_cast<char>(base.at(0).unicode());
    }
    return '?';
}

} // namespace

QByteArray toCodePage858(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text) {
        out.append(encodeOne(c));
    }
    return out;
}

} // namespace pos
