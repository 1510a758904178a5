// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace pos {

class Banner;
class CloseRegisterScreen;
class LoginScreen;
class OpenRegisterScreen;
class RegistrationScreen;
class SaleScreen;
class ScannerWedge;
class Screen;
class SecretStore;
class TenderScreen;
class Till;
class Translations;
class WatchedBackend;

// The till's one window: a status bar (store, register, cashier, server, printer, clock,
// language), the banner, and the screen of the moment. It moves between screens as the
// cashier logs in, opens, sells, pays and closes, and sends every scan to the sale.
class TerminalWindow : public QWidget
{
    Q_OBJECT

public:
    TerminalWindow(Till &till, WatchedBackend &watched, SecretStore &secrets,
                   Translations &translations, QWidget *parent = nullptr);
    ~TerminalWindow() override;

    // Reads the terminal credential (registering the till on first start) and shows the
    // first screen.
    void start();

    Banner &banner() { return *m_banner; }
    QWidget *currentScreen() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildStatusBar(QWidget *bar);
    void connectScreen(Screen *screen);
    void showScreen(QWidget *screen);
    void registerTill();
    void afterLogin();
    void checkRegister();
    void scanned(const QString &code);
    void setLanguage(const QString &code);
    void refreshStatus();
    void retranslate();

    Till &m_till;
    WatchedBackend &m_watched;
    SecretStore &m_secrets;
    Translations &m_translations;
    ScannerWedge *m_wedge;
    Banner *m_banner;
    QStackedWidget *m_stack;
    RegistrationScreen *m_registration;
    LoginScreen *m_login;
    OpenRegisterScreen *m_open;
    SaleScreen *m_sale;
    TenderScreen *m_tender;
    CloseRegisterScreen *m_close;
    QLabel *m_where;
    QLabel *m_server;
    QLabel *m_printer;
    QLabel *m_busy;
    QLabel *m_clock;
    QPushButton *m_english;
    QPushButton *m_spanish;
    QTimer m_clockTimer;
};

} // namespace pos
