// SPDX-License-Identifier: GPL-3.0-or-later
#include "numpad.h"

#include "touch.h"

#include <QEvent>
#include <QGridLayout>
#include <QLineEdit>
#include <QLocale>

namespace pos {

NumPad::NumPad(const QString &prefix, NumPadKeys keys, QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setSpacing(6);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString digits = QStringLiteral("789456123");
    for (int i = 0; i < digits.size(); ++i) {
        const QString d = digits.mid(i, 1);
        auto *b = touchButton(prefix + QStringLiteral("Key") + d, this, QStringLiteral("key"));
        setLabel(b, d);
        connect(b, &QPushButton::clicked, this, [this, d] { press(d); });
        grid->addWidget(b, i / 3, i % 3);
    }
    auto *zero = touchButton(prefix + QStringLiteral("Key0"), this, QStringLiteral("key"));
    setLabel(zero, QStringLiteral("0"));
    connect(zero, &QPushButton::clicked, this, [this] { press(QStringLiteral("0")); });
    auto *zeros = touchButton(prefix + QStringLiteral("Key00"), this, QStringLiteral("key"));
    setLabel(zeros, QStringLiteral("00"));
    connect(zeros, &QPushButton::clicked, this, [this] { press(QStringLiteral("00")); });
    grid->addWidget(zero, 3, 0);
    grid->addWidget(zeros, 3, 1);
    m_point = touchButton(prefix + QStringLiteral("KeyPoint"), this, QStringLiteral("key"));
    connect(m_point, &QPushButton::clicked, this, [this] { press(m_point->text()); });
    grid->addWidget(m_point, 3, 2);
    m_point->setVisible(keys == NumPadKeys::Decimal);
    m_back = touchButton(prefix + QStringLiteral("KeyBack"), this, QStringLiteral("key"));
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_target) {
            m_target->backspace();
        }
    });
    m_clear = touchButton(prefix + QStringLiteral("KeyClear"), this, QStringLiteral("key"));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_target) {
            m_target->clear();
        }
    });
    m_enter = touchButton(prefix + QStringLiteral("KeyEnter"), this, QStringLiteral("pay"));
    connect(m_enter, &QPushButton::clicked, this, &NumPad::entered);
    grid->addWidget(m_back, 0, 3);
    grid->addWidget(m_clear, 1, 3);
    grid->addWidget(m_enter, 2, 3, 2, 1);
    retranslate();
}

void NumPad::retranslate()
{
    setLabel(m_point, QLocale().decimalPoint());
    setLabel(m_back, QStringLiteral("⌫"));
    m_back->setAccessibleName(tr("Delete"));
    setLabel(m_clear, tr("C"));
    m_clear->setAccessibleName(tr("Clear"));
    setLabel(m_enter, tr("OK"));
}

void NumPad::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void NumPad::press(const QString &key)
{
    if (m_target) {
        m_target->insert(key);
    }
}

} // namespace pos
