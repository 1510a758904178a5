// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEvent>
#include <QWidget>

namespace pos {

// A page of the till. It retranslates itself when the language changes and reports what
// the cashier must see through signals the window turns into banners.
class Screen : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void retranslate() = 0;

signals:
    void failed(const QString &message);
    void informed(const QString &message);

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange) {
            retranslate();
        }
        QWidget::changeEvent(event);
    }
};

} // namespace pos
