// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Terminal)
};

template<typename E>
Result<E> pick(const QJsonObject &o, const char *key,
               std::initializer_list<std::pair<const char *, E>> names, E fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        return fallback;
    }
    QStringList allowed;
    for (const auto &[name, value] : names) {
        if (v.toString() == QLatin1String(name)) {
            return value;
        }
        allowed << QString::fromLatin1(name);
    }
    return fail(ErrorCode::Validation,
                Tr::tr("%1: must be one of %2")
                        .arg(QLatin1String(key), allowed.join(QStringLiteral(", "))));
}

Result<PrinterSettings> parsePrinter(const QJsonObject &o)
{
    PrinterSettings p;
    auto kind = pick<PrinterKind>(o, "type",
                                  {{"none", PrinterKind::None},
                                   {"escpos", PrinterKind::EscPos},
                                   {"system", PrinterKind::System},
                                   {"pdf", PrinterKind::Pdf}},
                                  PrinterKind::None);
    auto width = pick<PaperWidth>(o, "paper_mm",
                                  {{"58", PaperWidth::Mm58}, {"80", PaperWidth::Mm80}},
                                  PaperWidth::Mm80);
    if (o.value(QStringLiteral("paper_mm")).isDouble()) {
        width = o.value(QStringLiteral("paper_mm")).toInt() == 58 ? PaperWidth::Mm58
                                                                  : PaperWidth::Mm80;
    }
    if (!kind || !width) {
        return fail(!kind ? kind.error() : width.error());
    }
    p.kind = *kind;
    p.width = *width;
    p.address = o.value(QStringLiteral("address")).toString();
    p.systemPrinter = o.value(QStringLiteral("system_printer")).toString();
    p.pdfFolder = o.value(QStringLiteral("pdf_folder")).toString();
    if (p.kind == PrinterKind::EscPos && p.address.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("printer.address: an ESC/POS printer needs one"));
    }
    if (p.kind == PrinterKind::Pdf && p.pdfFolder.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("printer.pdf_folder: a PDF printer needs one"));
    }
    return p;
}

} // namespace

Result<TerminalConfig> parseTerminalConfig(const QJsonObject &json)
{
    TerminalConfig c;
    if (json.contains(QStringLiteral("apiUrl"))) {
        c.apiUrl = QUrl(json.value(QStringLiteral("apiUrl")).toString());
        if (!c.apiUrl.isValid() || c.apiUrl.scheme().isEmpty()) {
            return fail(ErrorCode::Validation, Tr::tr("apiUrl: not a URL"));
        }
    }
    c.inProcessDatabase = json.value(QStringLiteral("databaseUrl")).toString();
    if (json.value(QStringLiteral("mode")).toString() == QLatin1String("in-process")
        && c.inProcessDatabase.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("databaseUrl: in-process mode needs one"));
    }
    c.storeId = QUuid::fromString(json.value(QStringLiteral("storeId")).toString());
    c.storeCode = json.value(QStringLiteral("storeCode")).toString(QStringLiteral("ST01"));
    c.registerNumber = json.value(QStringLiteral("registerNumber")).toInteger(1);
    c.terminalName = json.value(QStringLiteral("terminalName")).toString(QSysInfo::machineHostName());
    c.language = json.value(QStringLiteral("language")).toString(QStringLiteral("en"));
    auto printer = parsePrinter(json.value(QStringLiteral("printer")).toObject());
    if (!printer) {
        return fail(printer.error());
    }
    c.printer = *printer;
    const QJsonObject drawer = json.value(QStringLiteral("drawer")).toObject();
    auto drawerKind = pick<DrawerKind>(drawer, "type",
                                       {{"none", DrawerKind::None},
                                        {"printer", DrawerKind::Printer},
                                        {"serial", DrawerKind::Serial}},
                                       DrawerKind::None);
    if (!drawerKind) {
        return fail(drawerKind.error());
    }
    c.drawer = DrawerSettings{*drawerKind, drawer.value(QStringLiteral("address")).toString()};
    return c;
}

Result<TerminalConfig> loadTerminalConfig(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::NotFound, Tr::tr("%1: %2").arg(path, file.errorString()));
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        return fail(ErrorCode::BadRequest,
                    Tr::tr("%1: not a JSON object (%2)").arg(path, error.errorString()));
    }
    return parseTerminalConfig(doc.object());
}

} // namespace pos
