// SPDX-License-Identifier: GPL-3.0-or-later
#include "onscreenkeyboard.h"

#include "touch.h"

#include <QGridLayout>
#include <QLineEdit>

namespace pos {

OnScreenKeyboard::OnScreenKeyboard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("onScreenKeyboard"));
    auto *grid = new QGridLayout(this);
    grid->setSpacing(4);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList rows{QStringLiteral("1234567890"), QStringLiteral("QWERTYUIOP"),
                           QStringLiteral("ASDFGHJKLÑ"), QStringLiteral("ZXCVBNM,.-")};
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c) {
            const QString key = rows.at(r).mid(c, 1);
            auto *b = touchButton(QStringLiteral("kbKey") + key, this);
            setLabel(b, key);
            connect(b, &QPushButton::clicked, this, [this, key] { type(key.toLower()); });
            grid->addWidget(b, r, c);
        }
    }
    auto *space = touchButton(QStringLiteral("kbKeySpace"), this);
    setLabel(space, QStringLiteral("␣"));
    space->setAccessibleName(tr("Space"));
    connect(space, &QPushButton::clicked, this, [this] { type(QStringLiteral(" ")); });
    auto *back = touchButton(QStringLiteral("kbKeyBack"), this);
    setLabel(back, QStringLiteral("⌫"));
    back->setAccessibleName(tr("Delete"));
    connect(back, &QPushButton::clicked, this, [this] {
        if (m_target) {
            m_target->backspace();
        }
    });
    grid->addWidget(space, 4, 0, 1, 8);
    grid->addWidget(back, 4, 8, 1, 2);
}

void OnScreenKeyboard::type(const QString &text)
{
    if (m_target) {
        m_target->insert(text);
    }
}

} // namespace pos
