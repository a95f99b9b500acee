#!/usr/bin/env bash
# Coverage-guided fuzzing of Tessera's readers of outside bytes (see Docs/FUZZING.md).
#
#   Fuzz/run.sh [EXECUTIONS] [TARGET...]     default: 1000000 executions of every target
#
# Builds the libFuzzer targets with AddressSanitizer (release, scratch path .build-fuzz), seeds one
# corpus per target from the test fixtures (and ../shared/samples when present), runs each target
# for EXECUTIONS inputs with a 1 s timeout per input, then replays its corpus to find the slowest
# input. Prints executions, coverage, crashes and the slowest input per target; exits 1 on any
# crash, timeout or out-of-memory. Crash inputs land in .build-fuzz/run/artifacts/TARGET/.
#
# Environment: SKIP_BUILD=1 uses the targets already built; JOBS=N runs N targets at once (default
# 1); NICE (default 15); MAX_LEN (default 8192 bytes per generated input; longer seeds are cut);
# TIMEOUT (default 1 s of wall-clock time per input); FUZZ_WORK (default .build-fuzz/run) for
# corpora, logs and artifacts. Timeouts and inputs slower than 1 s of wall-clock time are timed
# again alone in processor time: only those over 1 s count, so a loaded machine gives no false alarm.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
executions=${1:-1000000}
shift $(($# > 0 ? 1 : 0))
all_targets=(FuzzTMX FuzzTBX FuzzDelimited FuzzSRX FuzzTextFile)
targets=("${all_targets[@]}")
[ $# -gt 0 ] && targets=("$@")
jobs=${JOBS:-1}
niceness=${NICE:-15}
max_len=${MAX_LEN:-8192}
timeout=${TIMEOUT:-1}
scratch=$root/.build-fuzz
work=${FUZZ_WORK:-$scratch/run}
shared=${TESSERA_SHARED:-$root/../shared}

export SWIFT_BACKTRACE=enable=no                     # else every crash is followed by a false report
export ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-} # Foundation's caches are not leaks

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the fuzz targets (release, -sanitize=fuzzer,address)"
    (cd "$root/Fuzz" && nice -n "$niceness" swift build -c release --sanitize fuzzer --sanitize address \
    --scratch-path "$scratch" 2>&1 | grep -E "error|warning: |Compiling|Build" | grep -v "__asan_extra_spill_area") || true
fi
bin="$scratch/release"
for target in "${targets[@]}"; do
    [ -x "$bin/$target" ] || { echo "error: $bin/$target was not built" >&2; exit 1; }
    # A binary without coverage counters fuzzes blind (seen once after an incremental rebuild).
    [[ $("$bin/$target" -runs=0 2>&1) == *'inline 8-bit counters'* ]] ||
        { echo "error: $bin/$target has no coverage counters; rebuild it" >&2; exit 1; }
done

# seeds TARGET: the files a target's corpus starts from (fixtures of the reader's tests and samples).
seeds() {
    case $1 in
    FuzzTMX)
        find "$root/Tests/TesseraTMXTests/Fixtures" "$root/Tests/TesseraKitTests/Fixtures" "$root/TMX" \
            "$shared/samples/tmx" -type f \( -name '*.tmx' -o -name '*.tmx.gz' -o -name '*.xml' \) ;;
    FuzzTBX)
        find "$root/Tests/TesseraGlossaryTests/Fixtures" "$root/Glossaries" "$shared/samples/tbx" -type f \
            \( -name '*.tbx' -o -name '*.xml' \) ;;
    FuzzDelimited)
        find "$root/Tests/TesseraGlossaryTests/Fixtures" "$root/Glossaries" "$shared/samples/glossary" -type f \
            \( -name '*.csv' -o -name '*.tsv' -o -name '*.tab' -o -name '*.txt' \) ;;
    FuzzSRX)
        find "$root/Tests/TesseraTextTests/Fixtures" "$shared/samples/srx" -type f -name '*.srx' ;;
    FuzzTextFile)
        find "$root/Tests" "$shared/samples/align" "$shared/seed" -type f \
            \( -name '*.txt' -o -name '*.tsv' -o -name '*.tab' \) ;;
    esac 2>/dev/null
    # Inputs that once crashed or hung a reader stay in every later run.
    find "$root/Tests" -path "*/Fixtures/fuzz/$(dictionary "$1")-*" -type f 2>/dev/null
}

# dictionary TARGET: the target's short name: its dictionary Fuzz/dict/NAME.dict and the prefix of
# its regression fixtures Tests/*/Fixtures/fuzz/NAME-*.
dictionary() {
    case $1 in
    FuzzTMX) echo tmx ;; FuzzTBX) echo tbx ;; FuzzDelimited) echo delimited ;; FuzzSRX) echo srx ;;
    FuzzTextFile) echo textfile ;;
    esac
}

# cpu_ms TARGET FILE: the processor time (user + system, milliseconds) of one process that runs the
# target on FILE once; unlike wall-clock time it does not grow with the machine's load.
cpu_ms() {
    local TIMEFORMAT='%3U %3S'
    { time nice -n "$niceness" "$bin/$1" -timeout=600 -rss_limit_mb=2048 "$2" >/dev/null 2>&1; } 2>&1 |
        awk '{ printf "%d\n", ($1 + $2) * 1000 }'
}

# fuzz TARGET: seeds and runs one target, then replays its corpus; writes $work/logs/TARGET.*.
fuzz() {
    local target=$1 name corpus seeddir artifacts log
    name=$(dictionary "$target")
    corpus="$work/corpus/$target"
    seeddir="$work/seeds/$target"
    artifacts="$work/artifacts/$target/"
    log="$work/logs/$target.log"
    rm -rf "$seeddir" "$artifacts"
    mkdir -p "$corpus" "$seeddir" "$artifacts" "$work/logs"
    seeds "$target" | while read -r file; do
        head -c "$max_len" "$file" >"$seeddir/$(echo "$file" | sed 's|^.*/Tests/||; s|^.*/samples/||; s|/|_|g')"
    done
    local dict=()
    [ -f "$root/Fuzz/dict/$name.dict" ] && dict=("-dict=$root/Fuzz/dict/$name.dict")
    local started=$SECONDS total=0 attempt=0 status=0 runs
    : >"$log"
    # On a loaded machine a wall-clock timeout can be the scheduler's doing: a timeout input is
    # replayed alone, and only one that still takes over 1 s of processor time counts; otherwise it
    # is set aside in load-timeouts/ and fuzzing resumes from the corpus.
    while [ "$total" -lt "$executions" ] && [ "$attempt" -lt 50 ]; do
        attempt=$((attempt + 1))
        nice -n "$niceness" "$bin/$target" -runs=$((executions - total)) -timeout="$timeout" -rss_limit_mb=2048 \
            -report_slow_units=1 -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" \
            "$corpus" "$seeddir" >"$log.run" 2>&1
        status=$?
        cat "$log.run" >>"$log"
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log.run" | awk '{print $2}')
        total=$((total + ${runs:-0}))
        local spurious=0 real=0 file best
        for file in "$artifacts"timeout-* "$artifacts"slow-unit-*; do
            [ -f "$file" ] || continue
            best=$(cpu_ms "$target" "$file")
            if [ "${best:-1000}" -lt 1000 ]; then
                echo "load timeout: $(basename "$file") takes $best ms of processor time alone" | tee -a "$log"
                mkdir -p "$work/load-timeouts/$target"
                mv "$file" "$work/load-timeouts/$target/"
                spurious=1
            else
                echo "slow input: $(basename "$file") takes $best ms of processor time alone" | tee -a "$log"
                real=1
            fi
        done
        [ "$status" -eq 0 ] && break
        [ "$spurious" -eq 1 ] && [ "$real" -eq 0 ] && [ "$status" -eq 70 ] || break
    done
    local seconds=$((SECONDS - started))
    # Replay the corpus (every input that found new coverage), each input twice, to time it alone.
    find "$corpus" "$seeddir" -type f | while read -r file; do printf '%s\n%s\n' "$file" "$file"; done |
        xargs -d '\n' -r -n 400 nice -n "$niceness" "$bin/$target" -timeout=600 -rss_limit_mb=2048 2>&1 |
        grep '^Executed' | awk '{ if (!($2 in best) || $4 < best[$2]) best[$2] = $4 } END { for (f in best) print best[f], f }' \
        | sort -n >"$work/logs/$target.replay"
    # The five slowest by wall-clock time are timed again in processor time, one process each.
    local slowest="" file ms
    while read -r ms file; do
        echo "$(cpu_ms "$target" "$file") $ms $file"
    done < <(tail -5 "$work/logs/$target.replay") | sort -n >"$work/logs/$target.slowest"
    slowest=$(tail -1 "$work/logs/$target.slowest" | awk '{print $1 " ms processor time, " $2 " ms wall (" $3 ")"}')
    local cov stats
    cov=$(grep -E '^#[0-9]+.*(DONE|NEW|REDUCE|pulse)' "$log" | tail -1 | grep -o 'cov: [0-9]* ft: [0-9]* corp: [^ ]*')
    stats=$(grep -o 'stat::average_exec_per_sec: *[0-9]*\|stat::peak_rss_mb: *[0-9]*' "$log.run" | awk '{print $2}' | paste -sd' ')
    local crashes
    crashes=$(find "$artifacts" -type f | wc -l)
    {
        echo "$target: status $status, $total executions in ${seconds} s, $attempt run(s) (exec/s, peak RSS MB: ${stats:-?})"
        echo "$target: ${cov:-no coverage line}; corpus $(find "$corpus" -type f | wc -l) files"
        echo "$target: crashes/timeouts/ooms: $crashes $(find "$artifacts" -type f -printf '%f ' )"
        echo "$target: slowest corpus input: ${slowest:-?}"
    } | tee "$work/logs/$target.summary"
    [ "$status" -eq 0 ] && [ "$crashes" -eq 0 ]
}

failed=0
if [ "$jobs" -le 1 ]; then
    for target in "${targets[@]}"; do fuzz "$target" || failed=1; done
else
    pids=()
    for target in "${targets[@]}"; do
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
        fuzz "$target" >/dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    for target in "${targets[@]}"; do cat "$work/logs/$target.summary"; done
fi
[ $failed -eq 0 ] && echo "== no crash, no timeout" || echo "== FAILED: see $work/artifacts and $work/logs" >&2
exit $failed
