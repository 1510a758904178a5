// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QLibraryInfo>

namespace pos {

Translations::Translations(QCoreApplication &app)
    : m_app(app)
{}

Translations::~Translations()
{
    remove();
}

void Translations::remove()
{
    for (auto *t : {m_ours.get(), m_qt.get()}) {
        if (t) {
            m_app.removeTranslator(t);
        }
    }
    m_ours.reset();
    m_qt.reset();
}

bool Translations::setLanguage(const QString &code)
{
    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(QStringLiteral(":/i18n/pos_") + code)) {
        return false;
    }
    auto qt = std::make_unique<QTranslator>();
    const bool haveQt = qt->load(QStringLiteral("qtbase_") + code,
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    remove();
    m_ours = std::move(ours);
    m_app.installTranslator(m_ours.get());
    if (haveQt) {
        m_qt = std::move(qt);
        m_app.installTranslator(m_qt.get());
    }
    m_language = code;
    return true;
}

} // namespace pos
