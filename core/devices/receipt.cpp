// SPDX-License-Identifier: GPL-3.0-or-later
#include "receipt.h"

#include <QCoreApplication>
#include <QTranslator>

namespace pos {

namespace {

constexpr const char *kContext = "pos::Receipt";

// The receipt's words in the sale's language, whatever language the till shows.
class Wording
{
public:
    explicit Wording(const QString &language)
    {
        m_loaded = m_translator.load(QStringLiteral(":/i18n/pos_") + language);
    }
    QString operator()(const char *source) const
    {
        const QString text = m_loaded ? m_translator.translate(kContext, source) : QString();
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

ReceiptBlock text(const QString &s, Align align = Align::Left, Weight weight = Weight::Normal)
{
    return ReceiptBlock{BlockKind::Text, s, {}, align, TextSize::Normal, weight};
}

ReceiptBlock pair(const QString &label, const QString &amount, TextSize size = TextSize::Normal,
                  Weight weight = Weight::Normal)
{
    return ReceiptBlock{BlockKind::Pair, label, amount, Align::Left, size, weight};
}

ReceiptBlock rule()
{
    return ReceiptBlock{BlockKind::Rule, {}, {}, Align::Left, TextSize::Normal, Weight::Normal};
}

void addHeader(ReceiptLayout &out, const ReceiptData &d, const Wording &w)
{
    out << ReceiptBlock{BlockKind::Text, d.store.name,    {},
                        Align::Center,   TextSize::Large, Weight::Bold};
    for (const QString &line : d.store.address.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        out << text(line.trimmed(), Align::Center);
    }
    const QString title = d.sale.kind == SaleKind::Return
                                  ? w(QT_TRANSLATE_NOOP("pos::Receipt", "RETURN"))
                                  : w(QT_TRANSLATE_NOOP("pos::Receipt", "Receipt"));
    out << text(title + QLatin1Char(' ') + d.sale.receiptNumber, Align::Center, Weight::Bold);
    out << text(d.locale.toString(d.sale.createdAt.toLocalTime(), QLocale::ShortFormat),
                Align::Center);
    out << text(d.registerName + QStringLiteral(" · ")
                        + w(QT_TRANSLATE_NOOP("pos::Receipt", "Cashier")) + QLatin1Char(' ')
                        + d.cashierName,
                Align::Center);
    out << rule();
}

void addLines(ReceiptLayout &out, const ReceiptData &d, const Wording &w)
{
    for (const SaleLine &line : d.sale.lines) {
        out << text(line.description);
        const Money gross = Money::fromMinor(line.total.minor() + line.discount.minor());
        out << pair(QStringLiteral("  %1 × %2")
                            .arg(line.quantity.format(d.locale), line.unitPrice.format(d.locale)),
                    gross.format(d.locale));
        if (!line.discount.isZero()) {
            out << pair(QStringLiteral("  ") + w(QT_TRANSLATE_NOOP("pos::Receipt", "Discount")),
                        QStringLiteral("-") + line.discount.format(d.locale));
        }
    }
    out << rule();
}

void addTotals(ReceiptLayout &out, const ReceiptData &d, const Wording &w)
{
    if (!d.sale.ticketDiscount.isZero()) {
        out << pair(w(QT_TRANSLATE_NOOP("pos::Receipt", "Ticket discount")),
                    QStringLiteral("-") + d.sale.ticketDiscount.format(d.locale));
    }
    out << pair(w(QT_TRANSLATE_NOOP("pos::Receipt", "Subtotal")), d.sale.subtotal.format(d.locale));
    for (const TaxTotal &tax : d.taxes) {
        out << pair(QStringLiteral("%1 %2% %3 %4")
                            .arg(tax.rule.name, tax.rule.rate.toPercentString(),
                                 w(QT_TRANSLATE_NOOP("pos::Receipt", "on")),
                                 tax.base.format(d.locale)),
                    tax.tax.format(d.locale));
    }
    out << pair(w(QT_TRANSLATE_NOOP("pos::Receipt", "TOTAL")), d.sale.total.format(d.locale),
                TextSize::Large, Weight::Bold);
    for (const Payment &p : d.sale.payments) {
        QString label = d.tenderNames.value(p.tenderId);
        if (!p.reference.isEmpty()) {
            label += QStringLiteral(" ") + p.reference;
        }
        out << pair(label, p.amount.format(d.locale));
    }
    if (!d.sale.change.isZero()) {
        out << pair(w(QT_TRANSLATE_NOOP("pos::Receipt", "Change")), d.sale.change.format(d.locale),
                    TextSize::Normal, Weight::Bold);
    }
    out << rule();
}

void addFooter(ReceiptLayout &out, const ReceiptData &d, const Wording &w)
{
    if (!d.customerName.isEmpty()) {
        out << text(w(QT_TRANSLATE_NOOP("pos::Receipt", "Customer")) + QStringLiteral(": ")
                    + d.customerName);
    }
    out << ReceiptBlock{BlockKind::Code, d.sale.receiptNumber, {},
                        Align::Center,   TextSize::Normal,     Weight::Normal};
    out << text(w(QT_TRANSLATE_NOOP("pos::Receipt", "Thank you for your purchase")), Align::Center);
    out << text(w(QT_TRANSLATE_NOOP("pos::Receipt", "Keep this receipt for returns")),
                Align::Center);
    out << ReceiptBlock{BlockKind::Feed, {}, {}, Align::Left, TextSize::Normal, Weight::Normal};
}

} // namespace

ReceiptLayout layoutReceipt(const ReceiptData &data)
{
    const Wording wording(data.sale.language.isEmpty() ? QStringLiteral("en") : data.sale.language);
    ReceiptLayout out;
    addHeader(out, data, wording);
    addLines(out, data, wording);
    addTotals(out, data, wording);
    addFooter(out, data, wording);
    return out;
}

} // namespace pos
