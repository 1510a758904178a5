// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Csv)
};

// Reads the file character by character: the state is "inside quotes or not".
class CsvReader
{
public:
    explicit CsvReader(const QString &text)
        : m_text(text)
    {
        if (m_text.startsWith(QChar(0xFEFF))) {
            m_at = 1;
        }
    }

    Result<QList<CsvRecord>> read()
    {
        while (m_at < m_text.size()) {
            if (auto ok = record(); !ok) {
                return fail(ok.error());
            }
        }
        return m_records;
    }

private:
    Status record()
    {
        CsvRecord r{m_line, {}};
        QString field;
        bool quoted = false;
        for (; m_at < m_text.size(); ++m_at) {
            const QChar c = m_text.at(m_at);
            if (quoted) {
                if (c == QLatin1Char('"') && peek() == QLatin1Char('"')) {
                    field += c;
                    ++m_at;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    m_line += c == QLatin1Char('\n') ? 1 : 0;
                    field += c;
                }
            } else if (c == QLatin1Char('"') && field.isEmpty()) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                r.fields << field;
                field.clear();
            } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                if (c == QLatin1Char('\r') && peek() == QLatin1Char('\n')) {
                    ++m_at;
                }
                ++m_at;
                ++m_line;
                break;
            } else {
                field += c;
            }
        }
        if (quoted) {
            return fail(ErrorCode::Validation,
                        Tr::tr("line %1: a quoted field is never closed").arg(r.line));
        }
        r.fields << field;
        if (!(r.fields.size() == 1 && r.fields.first().isEmpty())) {
            m_records << r;
        }
        return {};
    }

    QChar peek() const { return m_at + 1 < m_text.size() ? m_text.at(m_at + 1) : QChar(); }

    const QString &m_text;
    qsizetype m_at = 0;
    qsizetype m_line = 1;
    QList<CsvRecord> m_records;
};

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r'))) {
        return field;
    }
    return QLatin1Char('"') + QString(field).replace(QLatin1String("\""), QLatin1String("\"\""))
           + QLatin1Char('"');
}

} // namespace

Result<QList<CsvRecord>> parseCsv(const QString &text)
{
    return CsvReader(text).read();
}

QString csvLine(const QStringList &fields)
{
    QStringList out;
    for (const QString &f : fields) {
        out << quoted(f);
    }
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace pos
