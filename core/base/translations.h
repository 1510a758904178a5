// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

#include <memory>

namespace pos {

// Installs our translations (":/i18n/pos_<lang>.qm", linked in through pos_i18n) and Qt's
// own for one language, replacing the previous pair, so the language switches at runtime.
class Translations
{
public:
    explicit Translations(QCoreApplication &app);
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // "en" or "es"; returns false (and keeps the current language) when ours is missing.
    bool setLanguage(const QString &code);
    QString language() const { return m_language; }

private:
    void remove();

    QCoreApplication &m_app;
    std::unique_ptr<QTranslator> m_ours;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language;
};

} // namespace pos
