// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include "core/base/barcode.h"
#include "core/base/text.h"

#include <QJsonArray>

namespace pos {

TillCatalog::TillCatalog(StoreSetup setup, QList<Tax> taxes, QList<Tender> tenders,
                         QList<Department> departments, QList<Product> products)
    : m_setup(std::move(setup))
    , m_taxes(std::move(taxes))
    , m_tenders(std::move(tenders))
    , m_departments(std::move(departments))
    , m_products(std::move(products))
{
    for (qsizetype i = 0; i < m_products.size(); ++i) {
        const Product &p = m_products.at(i);
        m_foldedNames << foldForSearch(p.name);
        m_byId.insert(p.id, i);
        for (const QString &code : p.barcodes) {
            m_byBarcode.insert(normaliseBarcode(code), i);
        }
    }
}

const Register *TillCatalog::registerNumber(qint64 number) const
{
    for (const Register &r : m_setup.registers) {
        if (r.number == number) {
            return &r;
        }
    }
    return nullptr;
}

const Tender *TillCatalog::tender(const QUuid &id) const
{
    for (const Tender &t : m_tenders) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

const Product *TillCatalog::byBarcode(const QString &code) const
{
    const auto it = m_byBarcode.constFind(normaliseBarcode(code));
    return it == m_byBarcode.cend() ? nullptr : &m_products.at(*it);
}

const Product *TillCatalog::byId(const QUuid &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_products.at(*it);
}

QList<const Product *> TillCatalog::inDepartment(const QUuid &departmentId) const
{
    QList<const Product *> out;
    for (const Product &p : m_products) {
        if (p.active && p.departmentId == departmentId) {
            out << &p;
        }
    }
    return out;
}

QList<const Product *> TillCatalog::search(const QString &text, qsizetype limit) const
{
    const QStringList words = foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<const Product *> out;
    for (qsizetype i = 0; i < m_products.size() && out.size() < limit; ++i) {
        const bool all = std::all_of(words.cbegin(), words.cend(), [&](const QString &w) {
            return m_foldedNames.at(i).contains(w);
        });
        if (all && m_products.at(i).active) {
            out << &m_products.at(i);
        }
    }
    return out;
}

QList<TaxRule> TillCatalog::taxRulesOf(const Product &product) const
{
    QList<TaxRule> rules;
    for (const QUuid &id : product.taxIds) {
        for (const Tax &t : m_taxes) {
            if (t.id == id && t.active) {
                rules << t.rule();
            }
        }
    }
    return rules;
}

namespace {

// The loader's state between pages: every list, filled one command after another.
struct Loading
{
    Backend &backend;
    std::function<void(Result<std::shared_ptr<TillCatalog>>)> done;
    StoreSetup setup;
    QList<Tax> taxes;
    QList<Tender> tenders;
    QList<Department> departments;
    QList<Product> products;
};

template<typename T>
void loadPages(const std::shared_ptr<Loading> &state, const QString &command, QList<T> &into,
               qsizetype offset, std::function<void()> next)
{
    const QJsonObject params{{QStringLiteral("limit"), QStringLiteral("500")},
                             {QStringLiteral("offset"), QString::number(offset)}};
    state->backend.execute(command, params, [state, command, &into, next](Result<QJsonValue> r) {
        auto page = decode<Page<T>>(r);
        if (!page) {
            state->done(fail(page.error()));
            return;
        }
        into << page->items;
        if (page->nextOffset < 0) {
            next();
        } else {
            loadPages<T>(state, command, into, page->nextOffset, next);
        }
    });
}

} // namespace

void loadCatalog(Backend &backend, std::function<void(Result<std::shared_ptr<TillCatalog>>)> done)
{
    auto state = std::make_shared<Loading>(Loading{backend, std::move(done), {}, {}, {}, {}, {}});
    const auto finish = [state] {
        state->done(std::make_shared<TillCatalog>(state->setup, state->taxes, state->tenders,
                                                  state->departments, state->products));
    };
    const auto products = [state, finish] {
        loadPages<Product>(state, QStringLiteral("get_products"), state->products, 0, finish);
    };
    const auto departments = [state, products] {
        loadPages<Department>(state, QStringLiteral("get_departments"), state->departments, 0,
                              products);
    };
    const auto tenders = [state, departments] {
        loadPages<Tender>(state, QStringLiteral("get_tenders"), state->tenders, 0, departments);
    };
    const auto taxes = [state, tenders] {
        loadPages<Tax>(state, QStringLiteral("get_taxes"), state->taxes, 0, tenders);
    };
    backend.execute(QStringLiteral("get_store"), {}, [state, taxes](Result<QJsonValue> r) {
        auto setup = decode<StoreSetup>(r);
        if (!setup) {
            state->done(fail(setup.error()));
            return;
        }
        state->setup = *setup;
        taxes();
    });
}

} // namespace pos
