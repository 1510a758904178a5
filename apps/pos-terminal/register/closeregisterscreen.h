// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

#include "core/base/money.h"

#include <QHash>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace pos {

class SessionReportView;
class Till;

// Closing the register: the cashier counts the cash note by note and types the card and
// other totals, without seeing what is expected (a blind count). Only after submitting
// does the Z report show expected against counted; a difference beyond the store's
// threshold needs a manager's PIN.
class CloseRegisterScreen : public Screen
{
    Q_OBJECT

public:
    CloseRegisterScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;
    // Builds the count for the current catalog's currency and tenders.
    void prepare();

signals:
    void cancelled();
    void closed();

private:
    struct Row
    {
        Money value;
        qint64 count = 0;
        QLabel *label = nullptr;
    };

    void step(int row, qint64 delta);
    void submit();
    QJsonObject countsJson() const;

    Till &m_till;
    QLabel *m_title;
    QStackedWidget *m_pages;
    QWidget *m_grid;
    QList<Row> m_rows;
    QHash<QUuid, QLineEdit *> m_totals; // non-cash tenders, typed as totals
    QUuid m_cashTender;
    QPushButton *m_submit;
    QPushButton *m_back;
    SessionReportView *m_report;
    QPushButton *m_done;
};

} // namespace pos
