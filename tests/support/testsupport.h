// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"
#include "core/base/money.h"

#include <QString>
#include <QtTest/QTest>

// Printers so a failing QCOMPARE shows "12.34" and "validation: ..." instead of bytes.
namespace pos {
char *toString(const Money &money);
char *toString(const Quantity &quantity);
char *toString(const Error &error);
} // namespace pos

namespace pos::test {

// Folder for artefacts a test leaves for people to look at (screenshots, receipts).
QString outputDir(const QString &sub);

} // namespace pos::test

// Fails the current test with the error's text when a Result holds an error.
#define POS_VERIFY_OK(result) \
    do { \
        const auto &posResult_ = (result); \
        if (!posResult_) { \
            QFAIL(qPrintable( \
                    QStringLiteral("%1: %2").arg(pos::errorCodeName(posResult_.error().code), \
                                                 posResult_.error().message))); \
        } \
    } while (false)
