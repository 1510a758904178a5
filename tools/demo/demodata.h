// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandchain.h"

#include <QUuid>

// The demo shop: a Mexican grocery with a few hundred products, its taxes and tenders, two
// registers, and the people named in the README. Seeded through the API, so it is valid
// data by construction, and with ids derived from names, so seeding twice changes nothing.
namespace pos::demo {

struct Person
{
    const char *username;
    const char *fullName;
    const char *pin;
    const char *password; // empty: PIN only
    const char *role;     // "cashier" or "manager"
    const char *language;
};

inline constexpr Person kPeople[]{
        {"ana", "Ana López", "1234", "", "cashier", "es"},
        {"ben", "Ben Carter", "2345", "", "cashier", "en"},
        {"marta", "Marta Ruiz", "9876", "demo-manager-1", "manager", "es"},
};

// A stable id for a named demo record ("product", "Café molido 500 g").
QUuid id(const QString &kind, const QString &name);

// Every command that builds the demo store, in order.
QList<CommandChain::Step> steps(const QUuid &storeId, const QString &storeCode);

// Runs the steps through a backend logged in as an administrator.
void seed(Backend &backend, const QUuid &storeId, const QString &storeCode,
          std::function<void(Status)> done);

} // namespace pos::demo
