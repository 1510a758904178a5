#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test in a D-Bus session of its own with an unlocked GNOME Keyring, so QtKeychain
# talks to a real Secret Service without touching the user's keyring.
set -eu
XDG_RUNTIME_DIR=$(mktemp -d)
HOME=$XDG_RUNTIME_DIR
export XDG_RUNTIME_DIR HOME
trap 'rm -rf "$XDG_RUNTIME_DIR" 2>/dev/null || true' EXIT
dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' keyring "$@"
