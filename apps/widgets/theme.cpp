// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace pos {

namespace {

constexpr const char *kStyleSheet = R"(
QWidget { font-size: 17px; color: #111; }
QPushButton {
    min-height: 40px; min-width: 40px; padding: 3px 8px;
    border: 1px solid #888; border-radius: 6px; background: #f2f2f2;
}
QPushButton:pressed { background: #c8c8c8; }
QPushButton:disabled { color: #999; background: #e6e6e6; border-color: #ccc; }
QPushButton[role="pay"] { background: #1e7d32; color: white; font-size: 22px; font-weight: bold; min-width: 112px; }
QPushButton[role="action"] { font-size: 15px; padding: 1px; }
QPushButton[role="pay"]:disabled { background: #9bc79f; }
QPushButton[role="danger"] { background: #c62828; color: white; font-size: 15px; padding: 1px; }
QPushButton[role="warn"] { background: #f9a825; color: #111; font-size: 15px; padding: 1px; }
QPushButton[role="key"] { min-height: 58px; min-width: 58px; font-size: 24px; }
QPushButton[role="product"] { min-height: 60px; font-size: 15px; padding: 1px; }
QPushButton[role="tab"] { min-height: 42px; font-size: 15px; font-weight: bold; padding: 1px; }
QPushButton[role="tab"]:checked { background: #1565c0; color: white; }
QLineEdit { min-height: 44px; font-size: 20px; border: 1px solid #888; border-radius: 4px; }
QListView, QTableView { font-size: 18px; }
QTableView::item:selected { background: #1565c0; color: white; }
QLabel[role="total"] { font-size: 40px; font-weight: bold; }
QLabel[role="change"] { font-size: 56px; font-weight: bold; color: #1e7d32; }
QLabel[role="title"] { font-size: 26px; font-weight: bold; }
QLabel[role="status"] { font-size: 15px; }
QLabel[level="error"] { background: #c62828; color: white; font-size: 20px; padding: 10px; }
QLabel[level="warning"] { background: #f9a825; color: #111; font-size: 18px; padding: 8px; }
QLabel[level="info"] { background: #616161; color: white; font-size: 18px; padding: 8px; }
)";

} // namespace

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.palette();
    palette.setColor(QPalette::Window, QColor(0xfa, 0xfa, 0xfa));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, QColor(0x11, 0x11, 0x11));
    palette.setColor(QPalette::Highlight, QColor(0x15, 0x65, 0xc0));
    app.setPalette(palette);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(17);
    app.setFont(font);
    app.setStyleSheet(QString::fromLatin1(kStyleSheet));
}

} // namespace pos
