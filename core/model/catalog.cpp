// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include "schema.h"

namespace pos {

using namespace json;

namespace {

constexpr Text kCode{1, 32};
constexpr Text kName{1, 120};
constexpr Text kOptional{0, 120};

template<typename V>
void fields(V &v, Like<Department> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, kCode);
    v.field("name", m.name, kName);
    v.field("parent_id", m.parentId, Nullable::Yes);
    v.field("color", m.color, Text{0, 7});
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Tax> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, kCode);
    v.field("name", m.name, kName);
    v.field("rate", m.rate);
    v.field("kind", m.kind, kTaxKindNames);
    v.field("compound", m.compound);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Product> auto &m)
{
    v.field("id", m.id);
    v.field("sku", m.sku, Text{1, 64});
    v.field("barcodes", m.barcodes, Items{0, 16}, Text{1, 32});
    v.field("name", m.name, kName);
    v.field("department_id", m.departmentId);
    v.field("supplier_id", m.supplierId, Nullable::Yes);
    v.field("price", m.price);
    v.field("cost", m.cost);
    v.field("tax_ids", m.taxIds, Items{0, 8});
    v.field("tax_included", m.taxIncluded);
    v.field("weighed", m.weighed);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Supplier> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, kCode);
    v.field("name", m.name, kName);
    v.field("contact", m.contact, kOptional);
    v.field("phone", m.phone, Text{0, 40});
    v.field("email", m.email, kOptional);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Tender> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, kCode);
    v.field("name", m.name, kName);
    v.field("kind", m.kind, kTenderKindNames);
    v.field("opens_drawer", m.opensDrawer);
    v.field("gives_change", m.givesChange);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Customer> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, Text{0, 32});
    v.field("name", m.name, kName);
    v.field("email", m.email, kOptional);
    v.field("phone", m.phone, Text{0, 40});
    v.field("tax_id", m.taxId, Text{0, 32});
    v.field("tax_exempt", m.taxExempt);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<SalesRep> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, kCode);
    v.field("name", m.name, kName);
    v.field("active", m.active);
}

} // namespace

TaxRule Tax::rule() const
{
    return TaxRule{code, name, rate, kind, compound ? Compounding::Compound : Compounding::Simple};
}

POS_DEFINE_JSON(Department)
POS_DEFINE_JSON(Tax)
POS_DEFINE_JSON(Product)
POS_DEFINE_JSON(Supplier)
POS_DEFINE_JSON(Tender)
POS_DEFINE_JSON(Customer)
POS_DEFINE_JSON(SalesRep)

} // namespace pos
