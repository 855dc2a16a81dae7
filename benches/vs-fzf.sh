#!/usr/bin/env bash
# `rumbo search` against `fzf --filter` on the same 52,040 texts of the ESCO-scale catalog, in one
# hyperfine run per query: each a whole process, printing every match to /dev/null.
#
#   benches/vs-fzf.sh [OUT.md]     (needs hyperfine and fzf: apt-get install hyperfine fzf)
#
# rumbo reads the catalog through its cache (written by an untimed first run), builds its index and
# ranks; fzf reads the texts file the generator writes beside the catalog. Both match fuzzily and
# print all matches best first. The results go to OUT.md (default target/esco/vs-fzf.md) as well.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine fzf; do
    command -v "$tool" >/dev/null || { echo "vs-fzf: needs $tool (apt-get install $tool)" >&2; exit 1; }
done
DIR=target/esco
OUT=${1:-$DIR/vs-fzf.md}
cargo build --release --quiet
cargo bench --quiet --bench gen-catalog -- "$DIR" >/dev/null
RUMBO=$PWD/target/release/rumbo
export RUMBO_CONFIG_DIR="$PWD/$DIR/config" RUMBO_DATA_DIR="$PWD/$DIR/data" RUMBO_CACHE_DIR="$PWD/$DIR/cache"
export LANG=es_CO.UTF-8
"$RUMBO" search --no-builtin --catalog "$DIR/esco.ron" calentar >/dev/null
# Let the 15 MB just written and the caches reach the disk first: the write-back otherwise takes
# CPU from the first runs.
sync
sleep 3

echo "fzf $(fzf --version), hyperfine $(hyperfine --version | cut -d' ' -f2), $(nproc) cores" | tee "$OUT"
for query in "mantenimiento de equipos" "tecnico ventas" "soldadura" "sena" "ma"; do
    hyperfine --warmup 3 --runs 30 --style basic --export-markdown "$DIR/vs-fzf-one.md" \
        --command-name "rumbo search '$query'" \
        "$RUMBO search --no-builtin --catalog $DIR/esco.ron '$query' > /dev/null" \
        --command-name "fzf --filter '$query'" \
        "fzf --filter '$query' < $DIR/esco-texts.txt > /dev/null"
    cat "$DIR/vs-fzf-one.md" >>"$OUT"
done
rm -f "$DIR/vs-fzf-one.md"
echo "results: $OUT"
