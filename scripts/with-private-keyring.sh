#!/usr/bin/env bash
# Runs a command with a private, unlocked Secret Service (gnome-keyring on its own D-Bus session,
# under a throwaway HOME), so tests exercise the real keytar adapter without ever touching the
# user's own keyring. On macOS and Windows the OS keychain needs no set-up: the command runs as is.
set -euo pipefail

if [[ "$(uname -s)" != "Linux" || -n "${GATEHOUSE_PRIVATE_KEYRING:-}" ]]; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-private-keyring: '$tool' is missing. Install it with: sudo apt-get install gnome-keyring dbus" >&2
    exit 1
  fi
done

keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-keyring.XXXXXX")"
trap 'rm -rf "$keyring_home"' EXIT

# The daemon reads the login keyring's password from stdin: an empty one creates and unlocks it.
HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" XDG_RUNTIME_DIR="$keyring_home" \
GATEHOUSE_PRIVATE_KEYRING=1 dbus-run-session -- bash -c '
  printf "\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
