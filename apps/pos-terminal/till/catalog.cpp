// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include <QJsonArray>
#include <QSet>

namespace pos {

TillCatalog::TillCatalog(StoreSetup setup, QList<Tax> taxes, QList<Tender> tenders,
                         QList<Department> departments)
    : m_setup(std::move(setup))
    , m_taxes(std::move(taxes))
    , m_tenders(std::move(tenders))
    , m_departments(std::move(departments))
{}

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

const Department *TillCatalog::department(const QUuid &id) const
{
    for (const Department &d : m_departments) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
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
    auto state = std::make_shared<Loading>(Loading{backend, std::move(done), {}, {}, {}, {}});
    const auto finish = [state] {
        state->done(std::make_shared<TillCatalog>(state->setup, state->taxes, state->tenders,
                                                  state->departments));
    };
    const auto departments = [state, finish] {
        loadPages<Department>(state, QStringLiteral("get_departments"), state->departments, 0,
                              finish);
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

void loadProducts(Backend &backend, const QList<QUuid> &ids,
                  std::function<void(Result<ProductsById>)> done)
{
    struct Gathering
    {
        qsizetype waiting = 0;
        ProductsById found;
        std::optional<Error> error;
        std::function<void(Result<ProductsById>)> done;
    };
    const QSet<QUuid> unique(ids.cbegin(), ids.cend());
    auto state = std::make_shared<Gathering>(Gathering{unique.size(), {}, {}, std::move(done)});
    if (unique.isEmpty()) {
        state->done(ProductsById());
        return;
    }
    for (const QUuid &id : unique) {
        backend.execute(QStringLiteral("get_product"),
                        {{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)}},
                        [state](Result<QJsonValue> answer) {
                            auto product = decode<Product>(answer);
                            if (product) {
                                state->found.insert(product->id, *product);
                            } else if (product.error().code != ErrorCode::NotFound) {
                                state->error = product.error();
                            }
                            if (--state->waiting == 0) {
                                state->done(state->error ? Result<ProductsById>(fail(*state->error))
                                                         : Result<ProductsById>(state->found));
                            }
                        });
    }
}

} // namespace pos
