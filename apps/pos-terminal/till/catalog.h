// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"
#include "core/api/messages.h"
#include "core/model/catalog.h"

#include <QHash>

#include <memory>

namespace pos {

// The till's copy of what it sells: store, registers, taxes, tenders, departments and
// products, indexed so a scan or a button finds its product without a round trip.
class TillCatalog
{
public:
    TillCatalog(StoreSetup setup, QList<Tax> taxes, QList<Tender> tenders,
                QList<Department> departments, QList<Product> products);

    const Store &store() const { return m_setup.store; }
    const Register *registerNumber(qint64 number) const;
    const QList<Tender> &tenders() const { return m_tenders; }
    const Tender *tender(const QUuid &id) const;
    const QList<Department> &departments() const { return m_departments; }

    const Product *byBarcode(const QString &code) const;
    const Product *byId(const QUuid &id) const;
    QList<const Product *> inDepartment(const QUuid &departmentId) const;
    // Active products whose name contains every word of `text`, accents and case ignored.
    QList<const Product *> search(const QString &text, qsizetype limit) const;
    QList<TaxRule> taxRulesOf(const Product &product) const;

private:
    StoreSetup m_setup;
    QList<Tax> m_taxes;
    QList<Tender> m_tenders;
    QList<Department> m_departments;
    QList<Product> m_products;
    QStringList m_foldedNames; // parallel to m_products
    QHash<QString, qsizetype> m_byBarcode;
    QHash<QUuid, qsizetype> m_byId;
};

// Loads the whole catalog through the backend, page by page, then answers once.
void loadCatalog(Backend &backend, std::function<void(Result<std::shared_ptr<TillCatalog>>)> done);

} // namespace pos
