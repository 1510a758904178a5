// SPDX-License-Identifier: GPL-3.0-or-later
#include "banner.h"

#include <QStyle>

namespace pos {

Banner::Banner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("banner"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setAccessibleName(QStringLiteral("banner"));
    m_fade.setSingleShot(true);
    m_fade.setInterval(4000);
    connect(&m_fade, &QTimer::timeout, this, [this] {
        m_info.clear();
        refresh();
    });
    refresh();
}

void Banner::showError(const QString &text)
{
    m_error = text;
    refresh();
}

void Banner::clearError()
{
    m_error.clear();
    refresh();
}

void Banner::showInfo(const QString &text)
{
    m_info = text;
    m_fade.start();
    refresh();
}

void Banner::setWarning(const QString &key, const QString &text)
{
    if (text.isEmpty()) {
        m_warnings.remove(key);
    } else {
        m_warnings.insert(key, text);
    }
    refresh();
}

QString Banner::warnings() const
{
    QStringList all = m_warnings.values();
    all.sort();
    return all.join(QStringLiteral(" · "));
}

void Banner::refresh()
{
    QString level;
    if (!m_error.isEmpty()) {
        level = QStringLiteral("error");
        setText(m_error);
    } else if (!m_warnings.isEmpty()) {
        level = QStringLiteral("warning");
        setText(warnings());
    } else if (!m_info.isEmpty()) {
        level = QStringLiteral("info");
        setText(m_info);
    }
    setProperty("level", level);
    style()->unpolish(this);
    style()->polish(this);
    setVisible(!level.isEmpty());
}

} // namespace pos
