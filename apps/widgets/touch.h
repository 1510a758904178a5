// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontMetrics>
#include <QPushButton>

namespace pos {

// A touch button: named for tests, never taking focus (the scanner and the entry field keep
// it), with a role the theme colours. Its text is set later, in the screen's retranslate.
QPushButton *touchButton(const QString &objectName, QWidget *parent, const QString &role = {});

// Sets a button's text and the accessible name screen readers announce.
void setLabel(QAbstractButton *button, const QString &text);

// Breaks text into at most `lines` lines no wider than `width` for `metrics`, at spaces,
// eliding the last line: buttons do not wrap text themselves.
QString wrapText(const QString &text, const QFontMetrics &metrics, int width, int lines);

} // namespace pos
