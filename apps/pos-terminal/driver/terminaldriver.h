// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace pos {

class TerminalWindow;

// Drives a till the way a cashier does: taps buttons by their objectName, types on keypads,
// scans codes as a keyboard-wedge scanner would. The GUI tests and the offscreen demo use
// it, so the demo runs exactly what the tests check.
class TerminalDriver
{
public:
    explicit TerminalDriver(TerminalWindow &window);

    // The visible widget with this objectName, in the window or one of its dialogs.
    QWidget *find(const QString &objectName) const;
    // Waits (the event loop turning) up to `ms` for `condition`.
    static bool waitFor(const std::function<bool()> &condition, int ms = 15000);
    bool waitForWidget(const QString &objectName, int ms = 15000);
    bool click(const QString &objectName);
    // Taps the digits of `digits` on the keypad named `prefix`, then (unless told not to)
    // its OK key.
    bool keypad(const QString &prefix, const QString &digits, bool pressEnter = true);
    bool type(const QString &objectName, const QString &text);
    // A scanner's burst: the characters at once, then Enter.
    void scan(const QString &code);
    bool screenshot(const QString &path) const;

    // The first steps of every shift, as a cashier and a manager take them.
    bool approveHere(const QString &manager, const QString &password);
    bool logIn(const QString &pin);
    bool openRegister(const QString &openingFloat);

private:
    TerminalWindow &m_window;
};

} // namespace pos
