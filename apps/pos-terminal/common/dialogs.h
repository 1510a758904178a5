// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apps/widgets/numpad.h"

#include <QDialog>
#include <QStringList>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace pos {

// The till's only modal windows are decisions: a number typed on a keypad (quantity, price,
// discount, float, paid-in), optionally with a reason picked from a list; a manager's PIN;
// a choice among a few items (customer, held ticket, sales rep); a confirmation.
class EntryDialog : public QDialog
{
    Q_OBJECT

public:
    // prefix names the dialog ("<prefix>Dialog") and its keys ("<prefix>Key1").
    EntryDialog(QWidget *parent, const QString &prefix, const QString &title, NumPadKeys keys,
                bool masked = false);

    void setMessage(const QString &text);
    void setReasons(const QStringList &reasons);
    QString text() const;
    QString reason() const;

    // Opens window-modal and calls `done` with the text once the keypad's OK is pressed.
    static EntryDialog *ask(QWidget *parent, const QString &prefix, const QString &title,
                            NumPadKeys keys, std::function<void(const QString &)> done);

private:
    QLabel *m_message;
    QLineEdit *m_edit;
    QComboBox *m_reasons;
};

// A list of choices as big buttons, with an optional search field and touch keyboard.
class ChoiceDialog : public QDialog
{
    Q_OBJECT

public:
    using Search = std::function<void(const QString &text)>;

    ChoiceDialog(QWidget *parent, const QString &prefix, const QString &title);

    // Shows the choices; each is (objectName suffix, label). Picking one calls `picked`.
    void setChoices(const QList<QPair<QString, QString>> &choices);
    void enableSearch(Search onSearch);

signals:
    void picked(const QString &key);

private:
    QString m_prefix;
    QLineEdit *m_search = nullptr;
    QVBoxLayout *m_list;
};

// Asks yes or no; `done` runs only on yes.
void confirm(QWidget *parent, const QString &prefix, const QString &question,
             std::function<void()> done);

} // namespace pos
