// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"

#include <QLabel>

namespace pos {

// A register session's figures per tender: expected, and once counted, counted and over or
// short. The X report (during the day) and the Z report (at close) are this one view.
class SessionReportView : public QLabel
{
    Q_OBJECT

public:
    explicit SessionReportView(QWidget *parent = nullptr);
    void setReport(const SessionReport &report);
};

} // namespace pos
