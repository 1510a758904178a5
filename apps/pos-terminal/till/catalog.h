// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"
#include "core/api/messages.h"
#include "core/model/catalog.h"

#include <QHash>

#include <memory>

namespace pos {

// What the till keeps of the store for a shift: the store, its registers, taxes, tenders
// and departments. Products are not here: a scan or a search asks the store server (a
// million products would take the till a minute to load and half a gigabyte to hold),
// and a product on the ticket travels with its line.
class TillCatalog
{
public:
    TillCatalog(StoreSetup setup, QList<Tax> taxes, QList<Tender> tenders,
                QList<Department> departments);

    const Store &store() const { return m_setup.store; }
    const Register *registerNumber(qint64 number) const;
    const QList<Tender> &tenders() const { return m_tenders; }
    const Tender *tender(const QUuid &id) const;
    const QList<Department> &departments() const { return m_departments; }
    const Department *department(const QUuid &id) const;
    QList<TaxRule> taxRulesOf(const Product &product) const;

private:
    StoreSetup m_setup;
    QList<Tax> m_taxes;
    QList<Tender> m_tenders;
    QList<Department> m_departments;
};

// Loads the store's setup and small lists through the backend, then answers once.
void loadCatalog(Backend &backend, std::function<void(Result<std::shared_ptr<TillCatalog>>)> done);

// The products with these ids, asked for together; a product the store no longer has is
// left out (its line keeps its printed name and price).
using ProductsById = QHash<QUuid, Product>;
void loadProducts(Backend &backend, const QList<QUuid> &ids,
                  std::function<void(Result<ProductsById>)> done);

} // namespace pos
