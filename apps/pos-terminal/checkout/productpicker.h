// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/catalog.h"

#include <QUuid>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QHBoxLayout;
class QLineEdit;
class QPushButton;

namespace pos {

class Backend;
class OnScreenKeyboard;
class TillCatalog;

// The right half of the sale screen: a search field (with a touch keyboard on demand),
// department tabs and a page of product buttons, name and price, coloured by department.
// The products come from the store server as each tab or search asks for them.
class ProductPicker : public QWidget
{
    Q_OBJECT

public:
    ProductPicker(Backend &backend, QWidget *parent = nullptr);

    void setCatalog(const TillCatalog *catalog);
    void retranslate();
    void clearSearch();

signals:
    void chosen(const pos::Product &product);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showDepartment(const QUuid &id);
    void showSearch(const QString &text);
    void ask(const QString &command, const QJsonObject &params);
    void showProducts(const QList<Product> &products);
    void turnPage(int delta);

    static constexpr int kColumns = 4;
    static constexpr int kRows = 4;
    static constexpr int kTabsPerRow = 5;

    Backend &m_backend;
    const TillCatalog *m_catalog = nullptr;
    // Answers to anything but the latest question (a search typed on) are dropped.
    quint64 m_asked = 0;
    QLineEdit *m_search;
    QPushButton *m_keyboardToggle;
    OnScreenKeyboard *m_keyboard;
    QGridLayout *m_tabs;
    QButtonGroup *m_tabGroup;
    QGridLayout *m_grid;
    QPushButton *m_previous;
    QPushButton *m_next;
    QList<Product> m_shown;
    int m_page = 0;
};

} // namespace pos
