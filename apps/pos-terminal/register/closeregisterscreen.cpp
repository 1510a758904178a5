// SPDX-License-Identifier: GPL-3.0-or-later
#include "closeregisterscreen.h"

#include "sessionreportview.h"

#include "common/authorised.h"
#include "till/denominations.h"
#include "till/till.h"

#include "apps/widgets/numpad.h"
#include "apps/widgets/touch.h"

#include <QApplication>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>

namespace pos {

CloseRegisterScreen::CloseRegisterScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_grid(new QWidget(this))
    , m_submit(touchButton(QStringLiteral("closeSubmit"), this, QStringLiteral("pay")))
    , m_back(touchButton(QStringLiteral("closeBack"), this))
    , m_report(new SessionReportView(this))
    , m_done(touchButton(QStringLiteral("closeDone"), this, QStringLiteral("pay")))
{
    setObjectName(QStringLiteral("closeRegisterScreen"));
    m_title->setProperty("role", QStringLiteral("title"));
    auto *countPage = new QWidget(this);
    auto *countLayout = new QVBoxLayout(countPage);
    countLayout->addWidget(m_grid, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_submit);
    countLayout->addLayout(buttons);
    auto *reportPage = new QWidget(this);
    auto *reportLayout = new QVBoxLayout(reportPage);
    reportLayout->addWidget(m_report, 1);
    reportLayout->addWidget(m_done);
    m_pages->addWidget(countPage);
    m_pages->addWidget(reportPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    connect(m_back, &QPushButton::clicked, this, &CloseRegisterScreen::cancelled);
    connect(m_submit, &QPushButton::clicked, this, &CloseRegisterScreen::submit);
    connect(m_done, &QPushButton::clicked, this, &CloseRegisterScreen::closed);
    CloseRegisterScreen::retranslate(); // not virtual here: this class is still being built
}

void CloseRegisterScreen::retranslate()
{
    m_title->setText(m_pages->currentIndex() == 0 ? tr("Close the register: count the drawer")
                                                  : tr("Register closed"));
    setLabel(m_submit, tr("Submit count"));
    setLabel(m_back, tr("Back to sale"));
    setLabel(m_done, tr("Done"));
    for (auto it = m_totals.cbegin(); it != m_totals.cend(); ++it) {
        const Tender *t = m_till.catalog() ? m_till.catalog()->tender(it.key()) : nullptr;
        it.value()->setPlaceholderText(t ? tr("%1 total").arg(t->name) : QString());
    }
}

void CloseRegisterScreen::prepare()
{
    delete m_grid->layout();
    qDeleteAll(m_grid->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    m_rows.clear();
    m_totals.clear();
    m_cashTender = QUuid();
    m_pages->setCurrentIndex(0);
    const TillCatalog *catalog = m_till.catalog();
    if (!catalog) {
        return;
    }
    auto *columns = new QHBoxLayout(m_grid);
    auto *grid = new QGridLayout;
    auto *totals = new QVBoxLayout;
    columns->addLayout(grid, 3);
    columns->addLayout(totals, 2);
    const QLocale locale;
    const QList<Money> values = denominationsOf(catalog->store().currency);
    for (int i = 0; i < values.size(); ++i) {
        const QString cents = QString::number(values.at(i).minor());
        auto *name = new QLabel(values.at(i).format(locale), m_grid);
        auto *minus = touchButton(QStringLiteral("count_%1_minus").arg(cents), m_grid);
        auto *plus = touchButton(QStringLiteral("count_%1_plus").arg(cents), m_grid);
        setLabel(minus, QStringLiteral("−"));
        setLabel(plus, QStringLiteral("+"));
        auto *count = new QLabel(QStringLiteral("0"), m_grid);
        count->setObjectName(QStringLiteral("count_%1").arg(cents));
        count->setAlignment(Qt::AlignCenter);
        m_rows << Row{values.at(i), 0, count};
        connect(minus, &QPushButton::clicked, this, [this, i] { step(i, -1); });
        connect(plus, &QPushButton::clicked, this, [this, i] { step(i, 1); });
        const int column = (i % 2) * 4;
        grid->addWidget(name, i / 2, column);
        grid->addWidget(minus, i / 2, column + 1);
        grid->addWidget(count, i / 2, column + 2);
        grid->addWidget(plus, i / 2, column + 3);
    }
    grid->setRowStretch(static_cast<int>((values.size() + 1) / 2), 1);
    auto *pad = new NumPad(QStringLiteral("close"), NumPadKeys::Decimal, m_grid);
    for (const Tender &t : catalog->tenders()) {
        if (t.kind == TenderKind::Cash && m_cashTender.isNull()) {
            m_cashTender = t.id;
            continue;
        }
        auto *edit = new QLineEdit(m_grid);
        edit->setObjectName(QStringLiteral("counted_%1").arg(t.code));
        edit->setAlignment(Qt::AlignRight);
        m_totals.insert(t.id, edit);
        totals->addWidget(edit);
        if (m_totals.size() == 1) {
            pad->setTarget(edit);
        }
    }
    connect(qApp, &QApplication::focusChanged, pad, [this, pad](QWidget *, QWidget *now) {
        for (QLineEdit *edit : std::as_const(m_totals)) {
            if (edit == now) {
                pad->setTarget(edit);
            }
        }
    });
    totals->addWidget(pad, 1);
    retranslate();
}

void CloseRegisterScreen::step(int row, qint64 delta)
{
    Row &r = m_rows[row];
    r.count = std::max<qint64>(0, r.count + delta);
    r.label->setText(QString::number(r.count));
}

QJsonObject CloseRegisterScreen::countsJson() const
{
    QJsonArray counts;
    QJsonArray denominations;
    for (const Row &r : m_rows) {
        if (r.count > 0) {
            denominations.append(QJsonObject{{QStringLiteral("value"), r.value.minor()},
                                             {QStringLiteral("count"), r.count}});
        }
    }
    counts.append(
            QJsonObject{{QStringLiteral("tender_id"), m_cashTender.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("denominations"), denominations},
                        {QStringLiteral("amount"), 0}}); // the server adds the notes up
    for (auto it = m_totals.cbegin(); it != m_totals.cend(); ++it) {
        const auto amount = Money::parse(it.value()->text().isEmpty() ? QStringLiteral("0")
                                                                      : it.value()->text(),
                                         QLocale());
        counts.append(
                QJsonObject{{QStringLiteral("tender_id"), it.key().toString(QUuid::WithoutBraces)},
                            {QStringLiteral("denominations"), QJsonArray()},
                            {QStringLiteral("amount"), amount ? amount->minor() : 0}});
    }
    return QJsonObject{{QStringLiteral("counts"), counts}};
}

void CloseRegisterScreen::submit()
{
    const QUuid session = m_till.sessionId();
    if (session.isNull()) {
        return;
    }
    QJsonObject params = countsJson();
    params.insert(QStringLiteral("id"), session.toString(QUuid::WithoutBraces));
    runAuthorised(
            this, m_till.backend(), QStringLiteral("close_session"), params,
            [this](Result<QJsonValue> answer) {
                auto report = decode<SessionReport>(answer);
                if (!report) {
                    emit failed(report.error().message);
                    return;
                }
                m_report->setReport(*report);
                m_pages->setCurrentIndex(1);
                m_till.setSession(std::nullopt);
                retranslate();
            },
            {},
            ApprovalReason{QStringLiteral("reason"),
                           {tr("Counting error"), tr("Wrong change given"), tr("Missing cash"),
                            tr("Other")}});
}

} // namespace pos
