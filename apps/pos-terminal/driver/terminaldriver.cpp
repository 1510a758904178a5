// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminaldriver.h"

#include "terminalwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPainter>
#include <QTest>

namespace pos {

TerminalDriver::TerminalDriver(TerminalWindow &window)
    : m_window(window)
{}

QWidget *TerminalDriver::find(const QString &objectName) const
{
    const auto all = m_window.findChildren<QWidget *>(objectName);
    for (QWidget *w : all) {
        if (w->isVisible()) {
            return w;
        }
    }
    return nullptr;
}

bool TerminalDriver::waitFor(const std::function<bool()> &condition, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qSleep(5);
    }
    return true;
}

bool TerminalDriver::waitForWidget(const QString &objectName, int ms)
{
    return waitFor([&] { return find(objectName) != nullptr; }, ms);
}

bool TerminalDriver::click(const QString &objectName)
{
    if (!waitFor([&] {
            QWidget *w = find(objectName);
            return w && w->isEnabled();
        })) {
        return false;
    }
    QTest::mouseClick(find(objectName), Qt::LeftButton);
    return true;
}

bool TerminalDriver::keypad(const QString &prefix, const QString &digits, bool pressEnter)
{
    for (QChar c : digits) {
        const QString key = c == QLatin1Char('.') || c == QLatin1Char(',') ? QStringLiteral("Point")
                                                                           : QString(c);
        if (!click(prefix + QStringLiteral("Key") + key)) {
            return false;
        }
    }
    return !pressEnter || click(prefix + QStringLiteral("KeyEnter"));
}

bool TerminalDriver::type(const QString &objectName, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(find(objectName));
    if (!edit) {
        return false;
    }
    edit->setFocus();
    edit->insert(text);
    return true;
}

void TerminalDriver::scan(const QString &code)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &m_window;
    QTest::keyClicks(target, code);
    QTest::keyClick(target, Qt::Key_Return);
}

bool TerminalDriver::approveHere(const QString &manager, const QString &password)
{
    return waitForWidget(QStringLiteral("registrationScreen"))
           && type(QStringLiteral("managerUser"), manager)
           && type(QStringLiteral("managerPassword"), password)
           && click(QStringLiteral("approveTerminal"))
           && waitForWidget(QStringLiteral("loginScreen"));
}

bool TerminalDriver::logIn(const QString &pin)
{
    return waitForWidget(QStringLiteral("loginScreen")) && keypad(QStringLiteral("pin"), pin)
           && waitFor([this] {
                  return find(QStringLiteral("openRegisterScreen"))
                         || find(QStringLiteral("saleScreen"));
              });
}

bool TerminalDriver::openRegister(const QString &openingFloat)
{
    return waitForWidget(QStringLiteral("openRegisterScreen"))
           && keypad(QStringLiteral("float"), openingFloat)
           && waitForWidget(QStringLiteral("saleScreen"));
}

bool TerminalDriver::screenshot(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QCoreApplication::processEvents();
    QWidget *modal = QApplication::activeModalWidget();
    if (modal && modal != &m_window) {
        // A dialog over the window: draw both, the dialog centred as it shows.
        QPixmap shot = m_window.grab();
        QPainter painter(&shot);
        const QPixmap dialog = modal->grab();
        painter.drawPixmap((shot.width() - dialog.width()) / 2,
                           (shot.height() - dialog.height()) / 2, dialog);
        painter.end();
        return shot.save(path);
    }
    return m_window.grab().save(path);
}

} // namespace pos
