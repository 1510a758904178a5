// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrcode.h"

#include <qrencode.h>

#include <memory>

namespace pos {

Result<QrMatrix> encodeQr(const QString &text)
{
    const QByteArray data = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(data.constData(),
                                                                                 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code) {
        return fail(ErrorCode::Validation,
                    QStringLiteral("cannot encode %1 as a QR code").arg(text));
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.reserve(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i) {
        matrix.modules.append((code->data[i] & 1) != 0); // bit 0 is the module's colour
    }
    return matrix;
}

} // namespace pos
