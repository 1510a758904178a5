// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/serverprocess.h"

#include <QProcessEnvironment>

namespace pos::bench {

// A server program run for a scenario: the tests' rig, started on a free port and killed
// when the object goes.
using ServerProc = test::ServerProcess;
inline constexpr int kStartMs = 120000; // a big catalog migrates and loads first

// The environment every server gets: a database, a secret and the admin's password.
QProcessEnvironment serverEnv(const QString &databaseUrl);
inline constexpr const char *kAdminPassword = "bench-admin-password-1";
inline constexpr const char *kJwtSecret = "bench-jwt-secret-0123456789abcdef0123456789";
inline constexpr const char *kStoreId = "6f1c3a52-0000-4000-8000-00000000a001";

} // namespace pos::bench
