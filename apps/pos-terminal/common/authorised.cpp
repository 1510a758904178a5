// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorised.h"

#include "dialogs.h"

#include <QCoreApplication>
#include <QPointer>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Terminal)
};

} // namespace

void runAuthorised(QWidget *parent, Backend &backend, const QString &command,
                   const QJsonObject &params, Backend::Done done, const QString &pin,
                   const ApprovalReason &reason)
{
    QPointer<QWidget> guard(parent);
    const auto answer = [guard, &backend, command, params, done, reason](Result<QJsonValue> result) {
        if (result || result.error().code != ErrorCode::Forbidden || !guard) {
            done(std::move(result));
            return;
        }
        auto *dialog = new EntryDialog(guard, QStringLiteral("manager"), Tr::tr("Manager approval"),
                                       NumPadKeys::Digits, true);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setMessage(result.error().message);
        dialog->setReasons(reason.choices);
        QObject::connect(dialog, &QDialog::accepted, dialog, [=, &backend] {
            QJsonObject withReason = params;
            if (!reason.field.isEmpty()) {
                withReason.insert(reason.field, dialog->reason());
            }
            runAuthorised(guard, backend, command, withReason, done, dialog->text(), reason);
        });
        QObject::connect(dialog, &QDialog::rejected, dialog, [done, result] { done(result); });
        dialog->open();
    };
    backend.execute(command, params, answer, CallOptions{pin});
}

} // namespace pos
