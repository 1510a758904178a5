// SPDX-License-Identifier: GPL-3.0-or-later
// pos_i18n carries the compiled .qm files as resources; core/base/translations.h loads them.
// A library needs one object of its own, and this is it.
namespace pos::i18n {
int linked = 1;
} // namespace pos::i18n
