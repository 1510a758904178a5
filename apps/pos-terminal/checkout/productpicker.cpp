// SPDX-License-Identifier: GPL-3.0-or-later
#include "productpicker.h"

#include "till/catalog.h"

#include "core/api/backend.h"
#include "core/api/messages.h"

#include "apps/widgets/onscreenkeyboard.h"
#include "apps/widgets/touch.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pos {

ProductPicker::ProductPicker(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_search(new QLineEdit(this))
    , m_keyboardToggle(touchButton(QStringLiteral("keyboardToggle"), this))
    , m_keyboard(new OnScreenKeyboard(this))
    , m_tabs(new QGridLayout)
    , m_tabGroup(new QButtonGroup(this))
    , m_grid(new QGridLayout)
    , m_previous(touchButton(QStringLiteral("productsPrevious"), this))
    , m_next(touchButton(QStringLiteral("productsNext"), this))
{
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_keyboardToggle->setCheckable(true);
    m_keyboardToggle->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_keyboardToggle->setFixedSize(64, 48);
    m_keyboard->setTarget(m_search);
    m_keyboard->hide();
    m_tabGroup->setExclusive(true);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_keyboardToggle);
    m_grid->setSpacing(6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(searchRow);
    layout->addWidget(m_keyboard);
    layout->addLayout(m_tabs);
    layout->addLayout(m_grid, 1);
    connect(m_keyboardToggle, &QPushButton::toggled, m_keyboard, &QWidget::setVisible);
    connect(m_search, &QLineEdit::textChanged, this, &ProductPicker::showSearch);
    connect(m_previous, &QPushButton::clicked, this, [this] { turnPage(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { turnPage(1); });
    for (int i = 0; i < kColumns * kRows; ++i) {
        auto *b = touchButton(QStringLiteral("productSlot%1").arg(i), this,
                              QStringLiteral("product"));
        m_grid->addWidget(b, i / kColumns, i % kColumns);
        connect(b, &QPushButton::clicked, this, [this, i] {
            const int at = m_page * kColumns * kRows + i;
            if (at < m_shown.size()) {
                emit chosen(m_shown.at(at));
            }
        });
    }
    retranslate();
}

void ProductPicker::retranslate()
{
    m_search->setPlaceholderText(tr("Search products…"));
    m_search->setAccessibleName(tr("Search products"));
    setLabel(m_keyboardToggle, QStringLiteral("⌨"));
    m_keyboardToggle->setAccessibleName(tr("Keyboard"));
    setLabel(m_previous, QStringLiteral("◀"));
    m_previous->setAccessibleName(tr("Previous page"));
    setLabel(m_next, QStringLiteral("▶"));
    m_next->setAccessibleName(tr("Next page"));
}

void ProductPicker::setCatalog(const TillCatalog *catalog)
{
    m_catalog = catalog;
    m_tabs->removeWidget(m_previous);
    m_tabs->removeWidget(m_next);
    for (QAbstractButton *b : m_tabGroup->buttons()) {
        m_tabGroup->removeButton(b);
        delete b;
    }
    if (!catalog) {
        return;
    }
    for (const Department &d : catalog->departments()) {
        if (!d.active) {
            continue;
        }
        auto *tab = touchButton(QStringLiteral("dept_") + d.code, this, QStringLiteral("tab"));
        tab->setCheckable(true);
        setLabel(tab, wrapText(d.name, tab->fontMetrics(), 96, 2));
        tab->setAccessibleName(d.name);
        const int at = static_cast<int>(m_tabGroup->buttons().size());
        m_tabGroup->addButton(tab);
        m_tabs->addWidget(tab, at / kTabsPerRow, at % kTabsPerRow);
        connect(tab, &QPushButton::clicked, this, [this, id = d.id] {
            m_search->clear();
            showDepartment(id);
        });
    }
    // The page arrows take the cells after the tabs, so the grid keeps its height.
    for (QPushButton *arrow : {m_previous, m_next}) {
        const int at = m_tabs->count();
        m_tabs->addWidget(arrow, at / kTabsPerRow, at % kTabsPerRow);
    }
    if (!m_tabGroup->buttons().isEmpty()) {
        m_tabGroup->buttons().first()->setChecked(true);
        showDepartment(catalog->departments().first().id);
    }
}

void ProductPicker::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    turnPage(0); // labels wrap to the buttons' new width
}

void ProductPicker::clearSearch()
{
    m_search->clear();
}

void ProductPicker::showDepartment(const QUuid &id)
{
    ask(QStringLiteral("get_department_products"),
        {{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)}});
}

void ProductPicker::showSearch(const QString &text)
{
    if (!m_catalog) {
        return;
    }
    if (text.trimmed().isEmpty()) {
        if (auto *tab = m_tabGroup->checkedButton()) {
            tab->click();
        }
        return;
    }
    ask(QStringLiteral("get_products"), {{QStringLiteral("q"), text}});
}

void ProductPicker::ask(const QString &command, const QJsonObject &params)
{
    QJsonObject withLimit = params;
    withLimit.insert(QStringLiteral("limit"), QStringLiteral("200")); // 12 pages of buttons
    const quint64 asked = ++m_asked;
    m_backend.execute(command, withLimit, [this, asked](Result<QJsonValue> answer) {
        auto page = decode<Page<Product>>(answer);
        if (asked == m_asked) {
            showProducts(page ? page->items : QList<Product>());
        }
    });
}

void ProductPicker::showProducts(const QList<Product> &products)
{
    m_shown = products;
    m_page = 0;
    turnPage(0);
}

void ProductPicker::turnPage(int delta)
{
    const int perPage = kColumns * kRows;
    const int pages = std::max(1, static_cast<int>((m_shown.size() + perPage - 1) / perPage));
    m_page = std::clamp(m_page + delta, 0, pages - 1);
    const QLocale locale;
    for (int i = 0; i < perPage; ++i) {
        auto *b = static_cast<QPushButton *>(m_grid->itemAt(i)->widget());
        const int at = m_page * perPage + i;
        if (at >= m_shown.size()) {
            b->setText(QString());
            b->setEnabled(false);
            b->setStyleSheet(QString());
            continue;
        }
        const Product *p = &m_shown.at(at);
        b->setEnabled(true);
        const int width = std::max(90, b->width() - 12);
        setLabel(b, wrapText(p->name, b->fontMetrics(), width, 2) + QLatin1Char('\n')
                            + p->price.format(locale));
        b->setAccessibleName(p->name + QLatin1Char(' ') + p->price.format(locale));
        const Department *dept = m_catalog ? m_catalog->department(p->departmentId) : nullptr;
        b->setStyleSheet(dept && !dept->color.isEmpty()
                                 ? QStringLiteral("background: %1;").arg(dept->color)
                                 : QString());
    }
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page < pages - 1);
}

} // namespace pos
