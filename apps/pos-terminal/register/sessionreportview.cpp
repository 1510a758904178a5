// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionreportview.h"

namespace pos {

SessionReportView::SessionReportView(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("sessionReport"));
    setTextFormat(Qt::RichText);
    setAlignment(Qt::AlignTop | Qt::AlignHCenter);
}

void SessionReportView::setReport(const SessionReport &report)
{
    const QLocale locale;
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p><table cellpadding='8'>")
                           .arg(report.closed ? tr("Z report: register closed")
                                              : tr("X report: register open"),
                                tr("%n sale(s), %1 in all", nullptr, static_cast<int>(report.sales))
                                        .arg(report.salesTotal.format(locale)));
    html += QStringLiteral("<tr><th align='left'>%1</th><th>%2</th>")
                    .arg(tr("Tender"), tr("Expected"));
    if (report.closed) {
        html += QStringLiteral("<th>%1</th><th>%2</th>").arg(tr("Counted"), tr("Over / short"));
    }
    html += QStringLiteral("</tr>");
    for (const TenderSummary &t : report.tenders) {
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td>")
                        .arg(t.name.toHtmlEscaped(), t.expected.format(locale));
        if (report.closed) {
            html += QStringLiteral("<td align='right'>%1</td><td align='right'>%2</td>")
                            .arg(t.counted.format(locale), t.difference.format(locale));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (report.closed) {
        const QString verdict = report.difference.isZero() ? tr("The count matches.")
                                : report.difference.isNegative()
                                        ? tr("Short by %1")
                                                  .arg(Money::fromMinor(-report.difference.minor())
                                                               .format(locale))
                                        : tr("Over by %1").arg(report.difference.format(locale));
        html += QStringLiteral("<h2>%1</h2>").arg(verdict);
    }
    setText(html);
}

} // namespace pos
