// SPDX-License-Identifier: GPL-3.0-or-later
#include "touch.h"

namespace pos {

QPushButton *touchButton(const QString &objectName, QWidget *parent, const QString &role)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    button->setFocusPolicy(Qt::NoFocus);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    if (!role.isEmpty()) {
        button->setProperty("role", role);
    }
    return button;
}

void setLabel(QAbstractButton *button, const QString &text)
{
    button->setText(text);
    button->setAccessibleName(
            QString(text).remove(QLatin1Char('&')).replace(QLatin1Char('\n'), QLatin1Char(' ')));
}

QString wrapText(const QString &text, const QFontMetrics &metrics, int width, int lines)
{
    QStringList out;
    QString current;
    // A quantity stays with its unit ("1 kg"), so a size never splits across lines.
    QStringList words;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool number = false;
        if (!words.isEmpty()) {
            words.last().toDouble(&number);
        }
        if (number) {
            words.last() += QLatin1Char(' ') + word;
        } else {
            words << word;
        }
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString candidate = current.isEmpty() ? words.at(i)
                                                    : current + QLatin1Char(' ') + words.at(i);
        if (metrics.horizontalAdvance(candidate) <= width || current.isEmpty()) {
            current = candidate;
            continue;
        }
        if (out.size() == lines - 1) {
            current = candidate; // the last line takes the rest, elided below
            continue;
        }
        out << current;
        current = words.at(i);
    }
    out << current;
    for (QString &line : out) {
        line = metrics.elidedText(line, Qt::ElideRight, width);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace pos
