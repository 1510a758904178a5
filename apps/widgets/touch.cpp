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

} // namespace pos
