// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUuid>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QHBoxLayout;
class QLineEdit;
class QPushButton;

namespace pos {

class OnScreenKeyboard;
class TillCatalog;
struct Product;

// The right half of the sale screen: a search field (with a touch keyboard on demand),
// department tabs and a page of product buttons, name and price, coloured by department.
class ProductPicker : public QWidget
{
    Q_OBJECT

public:
    explicit ProductPicker(QWidget *parent = nullptr);

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
    void showProducts(const QList<const Product *> &products);
    void turnPage(int delta);

    static constexpr int kColumns = 4;
    static constexpr int kRows = 4;
    static constexpr int kTabsPerRow = 5;

    const TillCatalog *m_catalog = nullptr;
    QLineEdit *m_search;
    QPushButton *m_keyboardToggle;
    OnScreenKeyboard *m_keyboard;
    QGridLayout *m_tabs;
    QButtonGroup *m_tabGroup;
    QGridLayout *m_grid;
    QPushButton *m_previous;
    QPushButton *m_next;
    QList<const Product *> m_shown;
    int m_page = 0;
};

} // namespace pos
