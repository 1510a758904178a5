// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "money.h"

#include <QList>
#include <QString>

namespace pos {

// What a scale or price label puts in the value digits of an in-store barcode.
enum class EmbeddedValue { Price, Weight };

// How one prefix of in-store EAN-13 codes is laid out, kept as data because every
// store's scales differ. Positions count from 0 over the 13 digits; the last digit is
// the ordinary EAN check digit. Example: prefix "20", item at 2 (5 digits), price in
// cents at 7 (5 digits): 20 01234 00350 C is item 01234 at 3.50.
struct BarcodeRule
{
    QString prefix;
    qint64 itemStart = 2;
    qint64 itemLength = 5;
    qint64 valueStart = 7;
    qint64 valueLength = 5;
    EmbeddedValue value = EmbeddedValue::Price; // price in cents, or weight in grams
    bool operator==(const BarcodeRule &) const = default;
};

// A scanned code read: the code to look a product up by, and what the label said.
struct ScannedCode
{
    QString lookupCode; // normalised barcode, or the item code of an in-store label
    bool embedded = false;
    Money price;                            // with EmbeddedValue::Price
    Quantity quantity = Quantity::units(1); // with EmbeddedValue::Weight: kilos in thousandths
};

// True for 8, 12 or 13 digits: the lengths of EAN-8, UPC-A and EAN-13.
bool isGtin(const QString &code);
// True when the last digit of an EAN-8, UPC-A or EAN-13 code is its check digit.
bool hasValidCheckDigit(const QString &digits);
// The check digit for the given digits (without a check digit).
int checkDigitFor(const QString &digitsWithoutCheck);
// UPC-A (12 digits) is EAN-13 with a leading zero: one form for storage and lookup.
QString normaliseBarcode(const QString &code);

// Reads a scanned code: checks EAN/UPC check digits and applies the first rule whose
// prefix matches a 13-digit code. Codes that are not 8, 12 or 13 digits (Code 128
// labels, SKUs typed by hand) pass through as they are.
Result<ScannedCode> readBarcode(const QString &code, const QList<BarcodeRule> &rules);

} // namespace pos
