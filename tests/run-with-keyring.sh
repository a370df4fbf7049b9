#!/bin/sh
# Runs a test program in a D-Bus session of its own with an unlocked GNOME keyring (the
# Secret Service), so the real keychain path is tested without touching the user's keyring.
# HOME must already be a throwaway directory: the keyring file is created under it.
# Usage: run-with-keyring.sh PROGRAM [ARGS...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-with-keyring.sh: $tool is missing (packages dbus, gnome-keyring)" >&2
        exit 1
    fi
done
mkdir -p "$HOME"
if [ -n "${XDG_RUNTIME_DIR:-}" ]; then
    mkdir -p "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
fi
exec dbus-run-session -- sh -c '
    printf "%s" "throwaway-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' run-with-keyring "$@"
