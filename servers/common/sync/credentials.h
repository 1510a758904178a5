// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class AuthService;
class Dispatcher;

// HQ only: each store's sync token (rotate_sync_token, revoke_sync_token) and the login a
// store makes with it (sync_login), which gives a session holding sync.store.
void registerCredentialHandlers(Dispatcher &dispatcher, AuthService &auth);

} // namespace pos
