#!/bin/sh
# Takes resources/screenshot-demo.png: runs an already built billing-monitor in demo mode on
# a virtual X server and lets the app grab its own window once the demo has moved along.
# Builds nothing. Usage: packaging/screenshot.sh [BUILD_DIR] [OUTPUT.png] [extra app options]
# SCREENSHOT_LANG=cs_CZ.UTF-8 takes it in Czech; --dark as an extra option in the dark theme.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
output=${2:-"$here/resources/screenshot-demo.png"}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
app="$build/billing-monitor"
delay=${SCREENSHOT_DELAY:-30}
# A succeeded export, so the details panel shows its manifest and its files downloading
# (the demo's first export has a corrupt file and one whose transfer stalls halfway).
selected=${SCREENSHOT_SELECT:-6fe687d7-1e0f-4bd6-9091-4672691f64bc}

if [ ! -x "$app" ]; then
    echo "screenshot.sh: $app is not built; build the billing-monitor target first." >&2
    exit 1
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshot.sh: xvfb-run is missing; install it with: apt-get install -y xvfb xauth" >&2
    exit 1
fi

# A throwaway home: the screenshot must not depend on (or touch) the user's settings.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_RUNTIME_DIR="$home" LANG="${SCREENSHOT_LANG:-C.UTF-8}" LANGUAGE= LC_ALL= \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app" --demo --select "$selected" --download-to "$home/Downloads" \
    --screenshot "$output" --screenshot-delay "$delay" "$@"
echo "Wrote $output"
