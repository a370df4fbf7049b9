#!/usr/bin/env bash
# Measures the app against its peers in one go, on this machine and one simulator, and
# prints figures with ratios and targets. Not part of CTest: it times things.
#
#   tests/benchmarks/compare.sh [--build DIR] [--only P1,P2,P3,P5] [--quick]
#
# P1 model:      one batch of scattered status changes through the app's proxies, sorted by
#                status: 10k rows / 1k changed and 100k / 10k (targets 5 ms and 60 ms).
# P2 sweep:      10,000 finished operations at 6 in flight: the app's engine, the Graph
#                JavaScript SDK loop, @azure/core-lro pollers, plain Node fetch, and wrk's
#                ceiling on the same URLs (targets: >= 1.5x the SDK loop's requests/s,
#                client CPU per request <= the SDK's). Over https, as Graph is, and then
#                over plain http, where Qt 6.4 reads each header byte with its own read().
# P3 discipline: operations answered with Retry-After 2, 10 and 45 s for about three
#                minutes: requests per operation against the fewest Retry-After allows
#                (target <= 1.1x) and how late a finished operation is seen (p95 <=
#                Retry-After + 1 s), the app beside the SDK loop.
# P5 stall:      the window's largest event-loop stall while it sweeps 10,000 operations at
#                200 requests/s (target <= 16 ms): the longest gap between ticks of a 5 ms
#                timer from the first tick after the table's first paint until every
#                operation has finished, with the simulator on a thread of its own and
#                the list saved as the app saves it. The first paint of the 10,000 rows
#                is start-up, printed on its own line.
#
# Every client talks to one graph-simulator, serving https:// with a certificate made for
# the run (openssl) that every client trusts, as a machine trusts Graph's CA.
#
# Needs the benchmarks built (cmake --build build --target graph-simulator bench_engine
# bench_gui_model bench_gui_sweep), node 20 and npm (the peers are installed with `npm ci`
# from tests/benchmarks/peers/package-lock.json), wrk and openssl. --quick shrinks every
# case for a trial run; its figures are not the ones to compare.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build"
only="P1,P2,P3,P5"
quick=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    -h | --help) sed -n '2,/^set /p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }

bin="$build/tests"
for program in "$build/graph-simulator" "$bin/bench_engine" "$bin/bench_gui_model" "$bin/bench_gui_sweep"; do
    if [[ ! -x "$program" ]]; then
        echo "compare.sh: $program is missing; build it first (see --help)" >&2
        exit 2
    fi
done
for tool in node npm wrk openssl; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed (apt-get install wrk openssl; node 20 or newer with npm)" >&2; exit 2; }
done

peers="$here/peers"
work=$(mktemp -d)
simulator_pid=""
cleanup() {
    [[ -n "$simulator_pid" ]] && kill "$simulator_pid" 2>/dev/null && wait "$simulator_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -m 700 "$work/runtime"
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false' XDG_RUNTIME_DIR="$work/runtime"

# A certificate for 127.0.0.1 that the simulator serves and every client trusts.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$work/simulator-key.pem" -out "$work/simulator-cert.pem" 2>/dev/null
export NODE_EXTRA_CA_CERTS="$work/simulator-cert.pem"
tls=(--tls-cert "$work/simulator-cert.pem" --tls-key "$work/simulator-key.pem")
trust=(--ca-cert "$work/simulator-cert.pem")

# Starts graph-simulator on a scenario (over https unless a second argument says plain)
# and sets $graph to its root URL.
start_simulator() {
    local over=("${tls[@]}")
    [[ ${2:-} == plain ]] && over=()
    "$build/graph-simulator" --scenario "$1" "${over[@]}" >"$work/simulator.out" 2>&1 &
    simulator_pid=$!
    for _ in $(seq 100); do
        graph=$(sed -n 's/^export BILLING_MONITOR_GRAPH_URL=//p' "$work/simulator.out")
        [[ -n "$graph" ]] && return 0
        sleep 0.1
    done
    echo "compare.sh: graph-simulator did not start:" >&2
    cat "$work/simulator.out" >&2
    exit 1
}
stop_simulator() {
    kill "$simulator_pid" 2>/dev/null || true
    wait "$simulator_pid" 2>/dev/null || true
    simulator_pid=""
}

echo "== compare.sh on $(hostname), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "   $(nproc) cores; load average$(uptime | sed 's/.*load average//') (1, 5, 15 min)"
echo "   node $(node --version), $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
if wants P2 || wants P3; then
    (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

if wants P1; then
    echo
    echo "== P1 model: one batch of scattered changes through the app's proxies, sorted by status"
    if [[ $quick == 1 ]]; then cases="10000:1000"; else cases="10000:1000 100000:10000"; fi
    for case in $cases; do
        rows=${case%:*} changed=${case#*:}
        target=$([[ $rows == 10000 ]] && echo 5 || echo 60)
        echo "   target <= $target ms"
        "$bin/bench_gui_model" --rows "$rows" --changed "$changed" | sed 's/^/   /'
        "$bin/bench_gui_model" --rows "$rows" --changed "$changed" --view | sed 's/^/   /'
    done
fi

# One P2 sweep over $1 (https or plain), one line per client in $work/sweep-$1.jsonl; the
# targets are printed for https only.
sweep() {
    start_simulator "$work/sweep.json" "$1"
    local results="$work/sweep-$1.jsonl"
    local common=(--graph "$graph" --token compare --ids "$work/sweep-ids.txt")
    "$bin/bench_engine" "${common[@]}" "${trust[@]}" --rps 100000 --in-flight 6 >>"$results"
    for client in graph-sdk core-lro fetch; do
        node "$peers/client.mjs" --client "$client" "${common[@]}" --in-flight 6 >>"$results"
    done
    local seconds=$([[ $quick == 1 ]] && echo 3 || echo 10)
    wrk -t1 -c6 -d"${seconds}s" -s "$peers/wrk-ids.lua" "$graph" -- "$work/sweep-ids.txt" compare >"$work/wrk.out"
    local requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
    echo "{\"client\":\"wrk (load tool)\",\"requests\":$requests,\"wallMs\":$((seconds * 1000)),\"cpuMs\":null}" >>"$results"
    stop_simulator
    local targets=()
    [[ $1 == plain ]] && targets=(--no-targets)
    node "$peers/report.mjs" sweep "$results" "${targets[@]}" | sed 's/^/   /'
}

if wants P2; then
    count=$([[ $quick == 1 ]] && echo 1000 || echo 10000)
    echo
    echo "== P2 sweep: $count finished operations, 6 in flight, the rate ceiling out of the way"
    node "$peers/scenario.mjs" sweep "$work" "$count"
    echo "   over https, as against Graph (the targets are judged here):"
    sweep https
    echo "   over plain http (Qt 6.4 reads each status and header byte with its own read()):"
    sweep plain
fi

if wants P3; then
    per=$([[ $quick == 1 ]] && echo 3 || echo 12)
    echo
    echo "== P3 discipline: Retry-After 2, 10 and 45 s; $per operations each per client, running 30-120 s"
    node "$peers/scenario.mjs" discipline "$work" app graph-sdk --per "$per"
    start_simulator "$work/discipline.json"
    common=(--graph "$graph" --token compare)
    # Both clients at once, each on its own operations with the same timelines.
    "$bin/bench_engine" "${common[@]}" "${trust[@]}" --ids "$work/discipline-app.txt" --trace "$work/app.trace" \
        --in-flight 6 >"$work/app.out" &
    app_pid=$!
    node "$peers/client.mjs" --client graph-sdk "${common[@]}" --ids "$work/discipline-graph-sdk.txt" \
        --in-flight 1000 --trace "$work/sdk.trace" >"$work/sdk.out"
    wait "$app_pid" || true
    stop_simulator
    node "$peers/report.mjs" discipline "$work/discipline.json" "app=$work/app.trace" \
        "graph-sdk=$work/sdk.trace" | sed 's/^/   /'
fi

if wants P5; then
    count=$([[ $quick == 1 ]] && echo 1000 || echo 10000)
    echo
    echo "== P5 stall: the window sweeping $count operations at 200 requests/s (target <= 16 ms)"
    echo "   the largest tick gap from the first tick after the first paint to the sweep's end"
    "$bin/bench_gui_sweep" --count "$count" --rps 200 --seconds 240 | sed 's/^/   /'
fi
echo
echo "   load average afterwards$(uptime | sed 's/.*load average//')"
