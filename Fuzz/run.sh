#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 60) with the address sanitizer, seeded from the
# project's fixtures. A crash ends that target's run (the script then exits 1) and leaves the input in
# .build/fuzz/crashes/<target>/; copy it to Tests/Fixtures/fuzz/<target>/ so the tests replay it for ever.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"front-matter timeframe schema import docx"}
SCRATCH=.build/fuzz
FIXTURES=Tests/Fixtures

# One comma-joined -sanitize flag: given `--sanitize=fuzzer --sanitize=address`, SwiftPM passes two
# -sanitize flags in no fixed order and swiftc keeps only the last, so a build would get either the
# coverage counters or the address checks, not both. (--sanitize=fuzzer stays for the link: libFuzzer's main.)
PLAN_FUZZ=1 swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path "$SCRATCH" \
    2>&1 | grep -E "error|Build complete" || true
# A fuzzer without coverage counters for the libraries runs blind, and one without the address
# sanitizer misses what it is for: refuse to pretend.
counters=$(PLAN_FUZZ_TARGET=timeframe ASAN_OPTIONS=detect_leaks=0 "$SCRATCH/release/FuzzPlan" -runs=0 2>&1 \
    | sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -n 1)
if [ "${counters:-0}" -lt 10000 ] || ! nm "$SCRATCH/release/FuzzPlan" | grep __asan_report_load > /dev/null; then
    echo "the fuzz build is not instrumented (${counters:-no} coverage counters, address sanitizer missing?)" >&2
    exit 1
fi

# Seeds: the fixtures each target reads, and every input a fuzzer ever found a problem with.
seeds() {
    local t=$1 dir=$SCRATCH/seeds/$1
    rm -rf "$dir" && mkdir -p "$dir"
    case $t in
        front-matter)
            find plans Tests/Fixtures/hostile -type f -name '*.md' -exec cp --backup=numbered -t "$dir" {} + ;;
        timeframe)
            n=0; while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$dir/$n.txt"; done < Fuzz/seeds/timeframes.txt
            grep -rh '^timeframe:' plans | sed 's/^timeframe: //' | sort -u | while IFS= read -r line; do
                n=$((n + 1)); printf '%s' "$line" > "$dir/p$RANDOM$n.txt"; done ;;
        schema)
            python3 - "$FIXTURES/json-schema-test-suite/tests/draft2020-12" "$dir" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
n = 0
for name in sorted(os.listdir(src)) if os.path.isdir(src) else []:
    if not name.endswith(".json"): continue
    for group in json.load(open(os.path.join(src, name))):
        for test in group["tests"]:
            n += 1
            with open(os.path.join(out, f"{n}.bin"), "wb") as f:
                f.write(json.dumps(group["schema"]).encode() + b"\0" + json.dumps(test["data"]).encode())
schema = open("schemas/plan-item.schema.json", "rb").read()
for root, _, files in os.walk("plans"):
    for fn in files:
        n += 1
        open(os.path.join(out, f"{n}.bin"), "wb").write(schema + b"\0" + b'{"id": "dvk-2021/1.a", "title": "x"}')
PY
            ;;
        docx)
            # The packages as they are, and their XML parts joined at NUL bytes (the target's other form).
            find Tests/Fixtures/office -type f \( -name '*.docx' -o -name '*.odt' -o -name '*.doc' \) \
                -exec cp --backup=numbered -t "$dir" {} +
            for f in Tests/Fixtures/office/features.docx Tests/Fixtures/office/producers/*.docx; do
                { unzip -p "$f" word/document.xml; printf '\0'; unzip -p "$f" word/numbering.xml; printf '\0';
                  unzip -p "$f" word/styles.xml; printf '\0'; unzip -p "$f" word/footnotes.xml; } \
                    > "$dir/parts-$(basename "$f" .docx).xml" 2>/dev/null || true
            done ;;
        import)
            cp Tests/Fixtures/import/*.txt "$dir/"
            [ -f "$FIXTURES/seed/000_2d058464ff698761.txt" ] && cp "$FIXTURES/seed/000_2d058464ff698761.txt" "$dir/" ;;
    esac
    if [ -d "Tests/Fixtures/fuzz/$t" ]; then cp Tests/Fixtures/fuzz/"$t"/* "$dir/" 2>/dev/null || true; fi
    echo "$dir"
}

status=0
for t in $TARGETS; do
    seed_dir=$(seeds "$t")
    corpus=$SCRATCH/corpus/$t crashes=$SCRATCH/crashes/$t
    mkdir -p "$corpus" "$crashes"
    echo "== fuzz $t for ${SECONDS_EACH}s ($(ls "$seed_dir" | wc -l) seeds)"
    if ! PLAN_FUZZ_TARGET=$t SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$SCRATCH/release/FuzzPlan" "$corpus" "$seed_dir" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2> "$SCRATCH/$t.log"; then
        echo "!! $t found a problem: see $SCRATCH/$t.log and $crashes/"
        tail -30 "$SCRATCH/$t.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" "$SCRATCH/$t.log" | tail -2
    fi
done
exit $status
