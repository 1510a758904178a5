// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QLabel>
#include <QTimer>

namespace pos {

// Messages at the top of a screen, never modal: an error (red) stays until the next action
// clears it; a warning (amber) stays while its cause lasts (a printer out of paper), under
// a key; information (grey) fades after a few seconds. The most serious one shows.
class Banner : public QLabel
{
    Q_OBJECT

public:
    explicit Banner(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showInfo(const QString &text);
    void setWarning(const QString &key, const QString &text); // empty text clears it
    void clearError();

    QString error() const { return m_error; }
    QString warnings() const;

private:
    void refresh();

    QString m_error;
    QString m_info;
    QHash<QString, QString> m_warnings;
    QTimer m_fade;
};

} // namespace pos
