// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalwindow.h"

#include "app/secretstore.h"
#include "app/watchedbackend.h"
#include "checkout/salescreen.h"
#include "login/loginscreen.h"
#include "login/registrationscreen.h"
#include "register/closeregisterscreen.h"
#include "register/openregisterscreen.h"
#include "tender/tenderscreen.h"
#include "till/till.h"

#include "apps/widgets/banner.h"
#include "apps/widgets/scannerwedge.h"
#include "apps/widgets/touch.h"
#include "core/base/recordid.h"
#include "core/base/translations.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QStackedWidget>
#include <QTime>

namespace pos {

namespace {

const QString kCredentialKey = QStringLiteral("terminal-credential");

} // namespace

TerminalWindow::TerminalWindow(Till &till, WatchedBackend &watched, SecretStore &secrets,
                               Translations &translations, QWidget *parent)
    : QWidget(parent)
    , m_till(till)
    , m_watched(watched)
    , m_secrets(secrets)
    , m_translations(translations)
    , m_wedge(new ScannerWedge(this))
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_registration(new RegistrationScreen(till, this))
    , m_login(new LoginScreen(till, this))
    , m_open(new OpenRegisterScreen(till, this))
    , m_sale(new SaleScreen(till, this))
    , m_tender(new TenderScreen(till, this))
    , m_close(new CloseRegisterScreen(till, this))
    , m_where(new QLabel(this))
    , m_server(new QLabel(this))
    , m_printer(new QLabel(this))
    , m_busy(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_english(touchButton(QStringLiteral("langEn"), this))
    , m_spanish(touchButton(QStringLiteral("langEs"), this))
{
    setObjectName(QStringLiteral("terminalWindow"));
    auto *bar = new QWidget(this);
    buildStatusBar(bar);
    for (QWidget *s : std::initializer_list<QWidget *>{m_registration, m_login, m_open, m_sale,
                                                       m_tender, m_close}) {
        m_stack->addWidget(s);
        connectScreen(static_cast<Screen *>(s));
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addWidget(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    qApp->installEventFilter(m_wedge);
    connect(m_wedge, &ScannerWedge::scanned, this, &TerminalWindow::scanned);
    connect(m_registration, &RegistrationScreen::approved, this, [this] { showScreen(m_login); });
    connect(m_login, &LoginScreen::loggedIn, this, &TerminalWindow::afterLogin);
    connect(m_open, &OpenRegisterScreen::opened, this, [this] { showScreen(m_sale); });
    connect(m_open, &OpenRegisterScreen::logout, this, [this] { m_till.setCashier(std::nullopt); });
    connect(m_sale, &SaleScreen::payRequested, this, [this] {
        m_tender->begin();
        showScreen(m_tender);
    });
    connect(m_sale, &SaleScreen::switchCashier, this, [this] { m_till.setCashier(std::nullopt); });
    connect(m_sale, &SaleScreen::closeRegister, this, [this] {
        if (!m_till.cart().isEmpty()) {
            m_banner->showError(tr("Finish or hold the ticket before closing the register"));
            return;
        }
        m_close->prepare();
        showScreen(m_close);
    });
    connect(m_tender, &TenderScreen::back, this, [this] { showScreen(m_sale); });
    connect(m_tender, &TenderScreen::finished, this, [this] { showScreen(m_sale); });
    connect(m_close, &CloseRegisterScreen::cancelled, this, [this] { showScreen(m_sale); });
    connect(m_close, &CloseRegisterScreen::closed, this,
            [this] { m_till.setCashier(std::nullopt); });
    connect(&m_till, &Till::cashierChanged, this, [this] {
        refreshStatus();
        if (!m_till.cashier()) {
            m_login->reset();
            showScreen(m_login);
        }
    });
    connect(&m_till, &Till::catalogChanged, this, [this] { m_sale->catalogChanged(); });
    connect(&m_till.devices(), &TillDevices::stateChanged, this, &TerminalWindow::refreshStatus);
    connect(&m_watched, &WatchedBackend::reachableChanged, this, &TerminalWindow::refreshStatus);
    connect(&m_watched, &WatchedBackend::busyChanged, m_busy, &QWidget::setVisible);
    connect(&m_clockTimer, &QTimer::timeout, this, &TerminalWindow::refreshStatus);
    m_clockTimer.start(15000);
    m_busy->hide();
    retranslate();
}

TerminalWindow::~TerminalWindow()
{
    qApp->removeEventFilter(m_wedge);
}

void TerminalWindow::buildStatusBar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_where->setObjectName(QStringLiteral("statusWhere"));
    m_server->setObjectName(QStringLiteral("statusServer"));
    m_printer->setObjectName(QStringLiteral("statusPrinter"));
    m_busy->setObjectName(QStringLiteral("statusBusy"));
    m_clock->setObjectName(QStringLiteral("statusClock"));
    for (QLabel *l : {m_where, m_server, m_printer, m_busy, m_clock}) {
        l->setProperty("role", QStringLiteral("status"));
    }
    for (QPushButton *b : {m_english, m_spanish}) {
        b->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        b->setFixedSize(56, 48);
        b->setCheckable(true);
    }
    setLabel(m_english, QStringLiteral("EN"));
    setLabel(m_spanish, QStringLiteral("ES"));
    connect(m_english, &QPushButton::clicked, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(m_spanish, &QPushButton::clicked, this, [this] { setLanguage(QStringLiteral("es")); });
    row->addWidget(m_where, 1);
    row->addWidget(m_busy);
    row->addWidget(m_server);
    row->addWidget(m_printer);
    row->addWidget(m_clock);
    row->addWidget(m_english);
    row->addWidget(m_spanish);
}

void TerminalWindow::connectScreen(Screen *screen)
{
    connect(screen, &Screen::failed, m_banner, &Banner::showError);
    connect(screen, &Screen::informed, m_banner, [this](const QString &text) {
        m_banner->clearError();
        m_banner->showInfo(text);
    });
}

QWidget *TerminalWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

void TerminalWindow::showScreen(QWidget *screen)
{
    m_banner->clearError();
    m_stack->setCurrentWidget(screen);
    refreshStatus();
}

void TerminalWindow::start()
{
    m_secrets.read(kCredentialKey, [this](Result<QString> stored) {
        if (!stored && stored.error().code == ErrorCode::NotFound) {
            registerTill();
            return;
        }
        if (!stored) {
            m_banner->showError(stored.error().message);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(stored->toUtf8()).object();
        m_till.setCredential(
                TerminalCredential{QUuid::fromString(o.value(QStringLiteral("id")).toString()),
                                   o.value(QStringLiteral("secret")).toString()});
        m_login->reset();
        showScreen(m_login);
    });
}

void TerminalWindow::registerTill()
{
    const QUuid id = newRecordId();
    const QJsonObject request{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                              {QStringLiteral("name"), m_till.config().terminalName}};
    m_till.backend().execute(
            QStringLiteral("request_terminal"), request, [this, id](Result<QJsonValue> answer) {
                if (!answer) {
                    m_banner->showError(answer.error().message);
                    return;
                }
                const QString secret = answer->toObject().value(QStringLiteral("secret")).toString();
                const QJsonObject credential{{QStringLiteral("id"),
                                              id.toString(QUuid::WithoutBraces)},
                                             {QStringLiteral("secret"), secret}};
                m_secrets.write(kCredentialKey,
                                QString::fromUtf8(
                                        QJsonDocument(credential).toJson(QJsonDocument::Compact)),
                                [this, id, secret](Status written) {
                                    if (!written) {
                                        m_banner->showError(written.error().message);
                                        return;
                                    }
                                    m_till.setCredential(TerminalCredential{id, secret});
                                    m_registration->retranslate();
                                    showScreen(m_registration);
                                });
            });
}

void TerminalWindow::afterLogin()
{
    const auto &cashier = m_till.cashier();
    const QString language = cashier ? cashier->user.language : QString();
    if (language == QLatin1String("en") || language == QLatin1String("es")) {
        setLanguage(language);
    }
    if (m_till.catalog()) {
        checkRegister();
        return;
    }
    loadCatalog(m_till.backend(), [this](Result<std::shared_ptr<TillCatalog>> catalog) {
        if (!catalog) {
            m_banner->showError(catalog.error().message);
            m_till.setCashier(std::nullopt);
            return;
        }
        m_till.setCatalog(*catalog);
        checkRegister();
    });
}

void TerminalWindow::checkRegister()
{
    const Register *r = m_till.currentRegister();
    if (!r) {
        m_banner->showError(
                tr("Register %1 is not set up in this store").arg(m_till.config().registerNumber));
        return;
    }
    const QJsonObject params{{QStringLiteral("id"), r->id.toString(QUuid::WithoutBraces)}};
    m_till.backend().execute(QStringLiteral("get_open_session"), params,
                             [this](Result<QJsonValue> answer) {
                                 auto session = decode<RegisterSession>(answer);
                                 if (session) {
                                     m_till.setSession(*session);
                                     showScreen(m_sale);
                                 } else if (session.error().code == ErrorCode::NotFound) {
                                     m_till.setSession(std::nullopt);
                                     showScreen(m_open);
                                 } else {
                                     m_banner->showError(session.error().message);
                                 }
                             });
}

void TerminalWindow::scanned(const QString &code)
{
    if (!m_till.cashier() || !m_till.session()) {
        m_banner->showError(tr("Log in and open the register before scanning"));
        return;
    }
    if (QApplication::activeModalWidget()) {
        return; // a decision is on screen: a scan must not answer it
    }
    if (currentScreen() == m_tender) {
        if (!m_tender->completed()) {
            m_banner->showError(tr("Finish the payment first"));
            return;
        }
        showScreen(m_sale);
    }
    if (currentScreen() == m_sale) {
        m_banner->clearError();
        m_sale->scan(code);
    }
}

void TerminalWindow::setLanguage(const QString &code)
{
    if (!m_translations.setLanguage(code)) {
        return;
    }
    QLocale::setDefault(QLocale(code == QLatin1String("es") ? QStringLiteral("es_MX")
                                                            : QStringLiteral("en_US")));
    retranslate();
}

void TerminalWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void TerminalWindow::retranslate()
{
    setWindowTitle(tr("POS terminal"));
    m_busy->setText(tr("⏳ working…"));
    m_english->setChecked(m_translations.language() != QLatin1String("es"));
    m_spanish->setChecked(m_translations.language() == QLatin1String("es"));
    refreshStatus();
}

void TerminalWindow::refreshStatus()
{
    QStringList where;
    if (const TillCatalog *c = m_till.catalog()) {
        where << c->store().code;
    }
    if (const Register *r = m_till.currentRegister()) {
        where << r->name;
    }
    if (const auto &cashier = m_till.cashier()) {
        where << cashier->user.fullName;
    }
    m_where->setText(where.join(QStringLiteral(" · ")));
    m_server->setText(m_watched.reachable() ? tr("● store online") : tr("● store offline"));
    m_server->setStyleSheet(m_watched.reachable() ? QStringLiteral("color: #1e7d32;")
                                                  : QStringLiteral("color: #c62828;"));
    const QString problem = m_till.devices().warning();
    m_printer->setText(problem.isEmpty() ? tr("● printer ok") : tr("● printer"));
    m_printer->setStyleSheet(problem.isEmpty() ? QStringLiteral("color: #1e7d32;")
                                               : QStringLiteral("color: #c62828;"));
    m_banner->setWarning(QStringLiteral("printer"), problem);
    m_banner->setWarning(QStringLiteral("server"),
                         m_watched.reachable() ? QString()
                                               : tr("The store server is not answering"));
    m_clock->setText(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
}

} // namespace pos
