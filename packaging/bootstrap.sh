#!/usr/bin/env bash
# Installs what Billing Monitor needs on Debian 12, builds it, then either opens the app on
# the built-in Graph simulator (`demo`) or runs the whole test suite (`test`).
# Usage: packaging/bootstrap.sh demo|test   (as root, or as a user who may sudo)
set -euo pipefail

mode=${1:-}
case "$mode" in
demo | test) ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BILLING_MONITOR_BUILD_DIR:-$here/build}

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev zlib1g-dev libssl-dev libqt6sql6-sqlite libsqlite3-dev
    dbus dbus-bin gnome-keyring libsecret-1-0
    qt6-charts-dev libqt6opengl6-dev libisal-dev libsimdjson-dev
    fonts-dejavu-core desktop-file-utils
    xvfb xauth curl
    clang libclang-rt-14-dev # the sanitizer and fuzz build of packaging/ci-extra.sh
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libxlsxwriter-dev python3-openpyxl
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --parallel "$(nproc)"

if [ "$mode" = demo ]; then
    exec "$build/billing-monitor" --demo
fi
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 300
