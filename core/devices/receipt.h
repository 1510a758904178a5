// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/tax.h"
#include "core/model/catalog.h"
#include "core/model/organisation.h"
#include "core/model/sales.h"

#include <QHash>
#include <QList>
#include <QLocale>

// The receipt's one layout, as blocks that every medium (ESC/POS, PDF, a system printer)
// renders in its own way, so a paper receipt and its PDF copy never disagree.
namespace pos {

enum class BlockKind { Text, Pair, Rule, Code, Feed };
enum class Align { Left, Center };
enum class TextSize { Normal, Large };
enum class Weight { Normal, Bold };

struct ReceiptBlock
{
    BlockKind kind = BlockKind::Text;
    QString left;  // the text, or a pair's label, or the code's content
    QString right; // a pair's amount, right-aligned
    Align align = Align::Left;
    TextSize size = TextSize::Normal;
    Weight weight = Weight::Normal;
    bool operator==(const ReceiptBlock &) const = default;
};

using ReceiptLayout = QList<ReceiptBlock>;

// What a receipt shows, gathered by the till: the sale as stored and the names it refers to.
struct ReceiptData
{
    Store store;
    QString registerName;
    QString cashierName;
    QString customerName;
    Sale sale;
    QList<TaxTotal> taxes;             // by rate, from the ticket's computation
    QHash<QUuid, QString> tenderNames; // tender id -> name as printed
    QLocale locale;                    // number and date format
};

// Lays out a receipt in the sale's language (sale.language, "en" or "es").
ReceiptLayout layoutReceipt(const ReceiptData &data);

} // namespace pos
