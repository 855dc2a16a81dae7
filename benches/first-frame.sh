#!/usr/bin/env bash
# Start to first complete frame: the release `rumbo` started in a tmux pane (120 × 40) until its
# footer ("q salir", the last line drawn, in the same synchronized update as the rest) shows.
#
#   benches/first-frame.sh [RUNS] [-- RUMBO ARGS…]
#     RUNS       how many starts to time (default 20)
#     SESSIONS   saved sessions to start with (default 0; they are listed, with their best fit)
#     CACHE      "warm" (default: a first untimed start writes the catalog cache) or "none"
#
# Prints each start's time less the time the same pane takes to show a line printed at once (tmux
# starting the command and the polling), then the median and the best. Polls every 2 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=20
if [[ $# -gt 0 && $1 != "--" ]]; then
    RUNS=$1
    shift
fi
[[ ${1:-} == "--" ]] && shift
SESSIONS=${SESSIONS:-0}
CACHE=${CACHE:-warm}

command -v tmux >/dev/null || { echo "first-frame: needs tmux" >&2; exit 1; }
cargo build --release --quiet
RUMBO=$PWD/target/release/rumbo
WORK=$(mktemp -d)
SOCKET="rumbo-first-frame-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

export LANG=es_CO.UTF-8 TERM=xterm-256color
export RUMBO_CONFIG_DIR="$WORK/config" RUMBO_DATA_DIR="$WORK/data"
if [[ $CACHE == none ]]; then export RUMBO_CACHE_DIR=""; else export RUMBO_CACHE_DIR="$WORK/cache"; fi

tmux -L "$SOCKET" -f /dev/null new-session -d -x 120 -y 40 -s bench "sleep 100000"

# Milliseconds from starting $1 in a new pane until the pane shows $2.
time_until() {
    local command=$1 marker=$2 start end
    start=$(date +%s%N)
    tmux -L "$SOCKET" new-window -d -t bench: -n run "$command"
    until tmux -L "$SOCKET" capture-pane -p -t bench:run 2>/dev/null | grep -q "$marker"; do
        sleep 0.002
    done
    end=$(date +%s%N)
    tmux -L "$SOCKET" kill-window -t bench:run
    echo $(((end - start) / 1000))
}

quote() { printf '%q ' "$@"; }
RUN_RUMBO="$(quote "$RUMBO" "$@")"

if ((SESSIONS > 0)); then
    # One session with a few marks, made through the app itself, then copied.
    tmux -L "$SOCKET" new-window -d -t bench: -n make "$RUN_RUMBO"
    sleep 1
    for keys in n Prueba Tab Tab Space Enter Tab Tab Space Down Space Down Space q; do
        tmux -L "$SOCKET" send-keys -t bench:make "$keys"
        sleep 0.2
    done
    sleep 1
    tmux -L "$SOCKET" kill-window -t bench:make 2>/dev/null || true
    first=$(ls "$RUMBO_DATA_DIR/sessions/"*.ron | head -1)
    for ((i = 1; i < SESSIONS; i++)); do
        cp "$first" "$RUMBO_DATA_DIR/sessions/copia-$i.ron"
    done
fi

[[ $CACHE == warm ]] && time_until "$RUN_RUMBO" "q salir" >/dev/null

baseline=()
for ((i = 0; i < 10; i++)); do
    baseline+=("$(time_until "printf '%s\n' 'q salir'; sleep 100" "q salir")")
done
base=$(printf '%s\n' "${baseline[@]}" | sort -n | sed -n "$((${#baseline[@]} / 2 + 1))p")

times=()
for ((i = 0; i < RUNS; i++)); do
    us=$(time_until "$RUN_RUMBO" "q salir")
    times+=("$(((us - base) / 1000))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "starts (ms, less ${base} µs of tmux and polling): ${times[*]}"
echo "median $(echo "$sorted" | sed -n "$((RUNS / 2 + 1))p") ms, best $(echo "$sorted" | head -1) ms"
