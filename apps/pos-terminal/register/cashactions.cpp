// SPDX-License-Identifier: GPL-3.0-or-later
#include "cashactions.h"

#include "sessionreportview.h"

#include "common/authorised.h"
#include "common/dialogs.h"
#include "till/till.h"

#include "apps/widgets/touch.h"
#include "core/base/recordid.h"

#include <QVBoxLayout>

namespace pos {

CashActions::CashActions(Till &till, QWidget *parent)
    : QObject(parent)
    , m_till(till)
    , m_parent(parent)
{}

void CashActions::noSale()
{
    runAuthorised(m_parent, m_till.backend(), QStringLiteral("open_drawer"),
                  {{QStringLiteral("reason"), QStringLiteral("no sale")}},
                  [this](Result<QJsonValue> answer) {
                      if (!answer) {
                          emit failed(answer.error().message);
                          return;
                      }
                      m_till.devices().openDrawer();
                  });
}

void CashActions::move(CashMove move)
{
    const QUuid session = m_till.sessionId();
    if (session.isNull()) {
        return;
    }
    const bool in = move == CashMove::PaidIn;
    const QString kind = in ? QStringLiteral("paid_in") : QStringLiteral("paid_out");
    auto *dialog = new EntryDialog(m_parent, QStringLiteral("cash"),
                                   in ? tr("Paid in") : tr("Paid out"), NumPadKeys::Decimal);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReasons(in ? QStringList{tr("Change from the safe"), tr("Other")}
                          : QStringList{tr("Supplier payment"), tr("Expenses"), tr("Other")});
    connect(dialog, &QDialog::accepted, this, [this, dialog, kind, session] {
        const auto amount = Money::parse(dialog->text(), QLocale());
        if (!amount || amount->isZero() || amount->isNegative()) {
            emit failed(amount ? tr("The amount must be more than zero") : amount.error().message);
            return;
        }
        const QJsonObject params{{QStringLiteral("id"), idText(newRecordId())},
                                 {QStringLiteral("session_id"), idText(session)},
                                 {QStringLiteral("kind"), kind},
                                 {QStringLiteral("amount"), amount->minor()},
                                 {QStringLiteral("reason"), dialog->reason()}};
        runAuthorised(m_parent, m_till.backend(), QStringLiteral("record_cash_movement"), params,
                      [this](Result<QJsonValue> answer) {
                          if (!answer) {
                              emit failed(answer.error().message);
                              return;
                          }
                          m_till.devices().openDrawer();
                          emit informed(tr("Recorded"));
                      });
    });
    dialog->open();
}

void CashActions::showXReport()
{
    const QUuid session = m_till.sessionId();
    if (session.isNull()) {
        return;
    }
    runAuthorised(m_parent, m_till.backend(), QStringLiteral("get_session_report"),
                  {{QStringLiteral("id"), idText(session)}}, [this](Result<QJsonValue> answer) {
                      auto report = decode<SessionReport>(answer);
                      if (!report) {
                          emit failed(report.error().message);
                          return;
                      }
                      auto *dialog = new QDialog(m_parent);
                      dialog->setObjectName(QStringLiteral("xReportDialog"));
                      dialog->setAttribute(Qt::WA_DeleteOnClose);
                      auto *layout = new QVBoxLayout(dialog);
                      auto *view = new SessionReportView(dialog);
                      view->setReport(*report);
                      auto *close = touchButton(QStringLiteral("xReportClose"), dialog);
                      setLabel(close, tr("Close"));
                      connect(close, &QPushButton::clicked, dialog, &QDialog::accept);
                      layout->addWidget(view, 1);
                      layout->addWidget(close);
                      dialog->resize(600, 500);
                      dialog->open();
                  });
}

} // namespace pos
