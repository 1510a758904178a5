// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

#include "apps/widgets/onscreenkeyboard.h"
#include "apps/widgets/touch.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace pos {

namespace {

// What every till dialog starts with: its name for tests, window-modal, a title in large type.
QVBoxLayout *beginDialog(QDialog *dialog, const QString &prefix, const QString &title)
{
    dialog->setObjectName(prefix + QStringLiteral("Dialog"));
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(dialog);
    auto *heading = new QLabel(title, dialog);
    heading->setProperty("role", QStringLiteral("title"));
    layout->addWidget(heading);
    return layout;
}

} // namespace

EntryDialog::EntryDialog(QWidget *parent, const QString &prefix, const QString &title,
                         NumPadKeys keys, bool masked)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_edit(new QLineEdit(this))
    , m_reasons(new QComboBox(this))
{
    auto *layout = beginDialog(this, prefix, title);
    m_message->setWordWrap(true);
    m_message->hide();
    m_edit->setObjectName(prefix + QStringLiteral("Edit"));
    m_edit->setAlignment(Qt::AlignRight);
    if (masked) {
        m_edit->setEchoMode(QLineEdit::Password);
    }
    m_reasons->setObjectName(prefix + QStringLiteral("Reason"));
    m_reasons->setMinimumHeight(48);
    m_reasons->hide();
    auto *pad = new NumPad(prefix, keys, this);
    pad->setTarget(m_edit);
    auto *cancel = touchButton(prefix + QStringLiteral("Cancel"), this, QStringLiteral("danger"));
    setLabel(cancel, tr("Cancel"));
    connect(pad, &NumPad::entered, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(m_message);
    layout->addWidget(m_reasons);
    layout->addWidget(m_edit);
    layout->addWidget(pad, 1);
    layout->addWidget(cancel);
    resize(420, 560);
}

void EntryDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void EntryDialog::setReasons(const QStringList &reasons)
{
    m_reasons->clear();
    m_reasons->addItems(reasons);
    m_reasons->setVisible(!reasons.isEmpty());
}

QString EntryDialog::text() const
{
    return m_edit->text();
}

QString EntryDialog::reason() const
{
    return m_reasons->currentText();
}

EntryDialog *EntryDialog::ask(QWidget *parent, const QString &prefix, const QString &title,
                              NumPadKeys keys, std::function<void(const QString &)> done)
{
    auto *dialog = new EntryDialog(parent, prefix, title, keys);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog,
            [dialog, done = std::move(done)] { done(dialog->text()); });
    dialog->open();
    return dialog;
}

ChoiceDialog::ChoiceDialog(QWidget *parent, const QString &prefix, const QString &title)
    : QDialog(parent)
    , m_prefix(prefix)
{
    auto *layout = beginDialog(this, prefix, title);
    auto *listHost = new QWidget(this);
    m_list = new QVBoxLayout(listHost);
    m_list->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(listHost, 1);
    auto *cancel = touchButton(prefix + QStringLiteral("Cancel"), this, QStringLiteral("danger"));
    setLabel(cancel, tr("Cancel"));
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(cancel);
    connect(this, &ChoiceDialog::picked, this, &QDialog::accept);
    resize(640, 600);
}

void ChoiceDialog::enableSearch(Search onSearch)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(m_prefix + QStringLiteral("Search"));
    m_search->setPlaceholderText(tr("Type to search…"));
    auto *keyboard = new OnScreenKeyboard(this);
    keyboard->setTarget(m_search);
    auto *outer = static_cast<QVBoxLayout *>(layout());
    outer->insertWidget(1, m_search);
    outer->insertWidget(3, keyboard);
    connect(m_search, &QLineEdit::textChanged, this, std::move(onSearch));
    resize(900, 700);
}

void ChoiceDialog::setChoices(const QList<QPair<QString, QString>> &choices)
{
    while (QLayoutItem *item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[key, label] : choices) {
        auto *b = touchButton(m_prefix + QStringLiteral("_") + key, this);
        setLabel(b, label);
        connect(b, &QPushButton::clicked, this, [this, k = key] { emit picked(k); });
        m_list->addWidget(b);
    }
    if (choices.isEmpty()) {
        m_list->addWidget(new QLabel(tr("Nothing found"), this));
    }
    m_list->addStretch();
}

void confirm(QWidget *parent, const QString &prefix, const QString &question,
             std::function<void()> done)
{
    auto *box = new QMessageBox(QMessageBox::Question, QString(), question,
                                QMessageBox::Yes | QMessageBox::No, parent);
    box->setObjectName(prefix + QStringLiteral("Confirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->button(QMessageBox::Yes)->setObjectName(prefix + QStringLiteral("Yes"));
    box->button(QMessageBox::No)->setObjectName(prefix + QStringLiteral("No"));
    for (auto *b : box->buttons()) {
        b->setMinimumSize(120, 56);
    }
    QObject::connect(box, &QMessageBox::accepted, box, std::move(done));
    box->open();
}

} // namespace pos
