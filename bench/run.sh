#!/usr/bin/env bash
# The benchmark: plan against the tools people would use instead, on generated workspaces of
# 1,000 items / 1,000 commits and 10,000 / 10,000. Writes bench/RESULTS.md.
#
#   bench/run.sh                      # both sizes (`make bench`)
#   BENCH_SIZES=1000 bench/run.sh     # one size
#   BENCH_RUNS=10 bench/run.sh        # more repetitions (default 5; 3 for the slow tools)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=$ROOT/bench/.cache
RUNS=${BENCH_RUNS:-5}
SLOW=${BENCH_SLOW_RUNS:-3}
SIZES=${BENCH_SIZES:-"1000 10000"}
TODAY=2026-11-29
mkdir -p "$CACHE"
SUDO=$([ "$(id -u)" = 0 ] || command -v sudo || true)

# Tools: hyperfine and GNU time from Debian, the Python tools from PyPI in a virtualenv.
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ] || ! command -v gcc >/dev/null; then
    $SUDO apt-get update && $SUDO apt-get install -y hyperfine time gcc libgit2-dev
fi
VENV=$CACHE/venv
if [ ! -x "$VENV/bin/check-jsonschema" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q check-jsonschema python-frontmatter jsonschema pre-commit git-cliff pygit2 pyyaml
fi
export PATH="$VENV/bin:$PATH"

swift build -c release --static-swift-stdlib --product plan
PLAN=$ROOT/.build/release/plan
gcc -O2 -o "$CACHE/index_floor" bench/floor/index_floor.c -lgit2

# Workspaces, generated once per generator version.
GEN_SUM=$(cat bench/generate.py schemas/plan-item.schema.json | sha1sum | cut -c1-12)
for n in $SIZES; do
    W=$CACHE/w$n
    if [ "$(cat "$W.sum" 2>/dev/null)" != "$GEN_SUM" ]; then
        python3 bench/generate.py --items "$n" --commits "$n" --invalid 5 --out "$W"
        rm -rf "$CACHE/fm$n" && python3 bench/compare/extract_frontmatter.py "$W" "$CACHE/fm$n"
        echo "$GEN_SUM" > "$W.sum"
    fi
done

hf() {  # name runs command...
    local name=$1 runs=$2; shift 2
    hyperfine --warmup 1 --runs "$runs" -N --ignore-failure --export-json "$CACHE/$name.json" "$@" >/dev/null
}
hfshell() {  # name runs command... (through a shell: for commands that need one)
    local name=$1 runs=$2; shift 2
    hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$CACHE/$name.json" "$@" >/dev/null
}
peak() {  # label command...: peak RSS in KB, appended to memory file
    local label=$1; shift
    /usr/bin/time -f "%M" -o "$CACHE/rss.tmp" "$@" >/dev/null 2>&1 || true
    echo "$label	$(tail -n 1 "$CACHE/rss.tmp")" >> "$CACHE/memory-$n.tsv"
}

for n in $SIZES; do
    W=$CACHE/w$n
    echo "== $n items, $n commits"
    : > "$CACHE/memory-$n.tsv"

    # 1. Checking every item.
    hf "check-$n" "$RUNS" \
        -n "plan check" "$PLAN check --workspace $W --today $TODAY"
    # (xargs -s: one check-jsonschema run for all files, as a single command line would be.)
    hfshell "check-alt-$n" "$SLOW" \
        -n "check-jsonschema" "find $CACHE/fm$n -name '*.yaml' -print0 | xargs -0 -s 2000000 $VENV/bin/check-jsonschema --schemafile $W/schemas/plan-item.schema.json" \
        -n "python-frontmatter + jsonschema" "$VENV/bin/python3 $ROOT/bench/compare/typical_check.py $W"
    peak "plan check" "$PLAN" check --workspace "$W" --today $TODAY

    # 2. The commit hook: a clone with plan's hooks, one staged item.
    C=$CACHE/c$n
    rm -rf "$C" && git clone -q "$W" "$C"
    mkdir -p "$C/.githooks" && cp .githooks/pre-commit .githooks/prepare-commit-msg "$C/.githooks/"
    git -C "$C" config core.hooksPath .githooks
    git -C "$C" config plan.path "$PLAN"
    git -C "$C" config user.name "Bench" && git -C "$C" config user.email bench@example.org
    ITEM=$(git -C "$C" ls-files plans | grep -v '/plan.md$' | sed -n '50p')
    BASE=$(git -C "$C" rev-parse HEAD)
    sed -i 's/^status: .*/status: done/' "$C/$ITEM" && git -C "$C" add "$ITEM"
    (cd "$C" && "$PLAN" check --staged --today $TODAY >/dev/null || true)  # a warm cache
    # (hyperfine: one --prepare per command, or the one given applies to all.)
    hfshell "staged-$n" "$RUNS" \
        -n "plan check --staged (warm cache)" --prepare true "cd $C && $PLAN check --staged --today $TODAY" \
        -n "plan check --staged (cold cache)" --prepare "rm -rf $C/.git/plan" "cd $C && $PLAN check --staged --today $TODAY" \
        -n "libgit2 floor (open, read index)" --prepare true "$CACHE/index_floor $C"
    (cd "$C" && "$PLAN" check --staged --today $TODAY >/dev/null || true)
    hfshell "commit-$n" "$RUNS" \
        -n "git commit --no-verify" --prepare "git -C $C reset -q --soft $BASE" "git -C $C commit -q --no-verify -m bench" \
        -n "git commit (plan hook)" --prepare "git -C $C reset -q --soft $BASE" "git -C $C commit -q -m bench"
    (cd "$C" && peak "plan check --staged" "$PLAN" check --staged --today $TODAY)
    # The pre-commit framework running check-jsonschema on the staged front-matter.
    P=$CACHE/p$n
    rm -rf "$P" && git clone -q "$W" "$P"
    git -C "$P" config user.name "Bench" && git -C "$P" config user.email bench@example.org
    cp bench/compare/pre-commit-config.yaml "$P/.pre-commit-config.yaml"
    mkdir -p "$P/fm" && python3 - "$W/$ITEM" "$P/fm/item.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(t[4:t.find("\n---", 4) + 1])
PY
    git -C "$P" add .pre-commit-config.yaml fm && git -C "$P" commit -q --no-verify -m "pre-commit"
    (cd "$P" && pre-commit install >/dev/null)
    PBASE=$(git -C "$P" rev-parse HEAD)
    sed -i 's/^status: .*/status: done/' "$P/fm/item.yaml" && git -C "$P" add fm/item.yaml
    (cd "$P" && git commit -q -m warm >/dev/null 2>&1; git reset -q --soft "$PBASE")
    hfshell "commit-pre-$n" "$RUNS" \
        -n "git commit, no hooks" --prepare "git -C $P reset -q --soft $PBASE" "git -C $P commit -q --no-verify -m bench" \
        -n "git commit (pre-commit + check-jsonschema)" --prepare "git -C $P reset -q --soft $PBASE" "git -C $P commit -q -m bench"

    # 3. Reading the history.
    hfshell "report-$n" "$RUNS" \
        -n "plan report (first run)" --prepare "rm -f $W/.git/plan/report-cache" "cd $W && $PLAN report --format json" \
        -n "plan report (cached)" --prepare true "cd $W && $PLAN report --format json" \
        -n "git log -M --name-status" --prepare true "git -C $W log -M --name-status" \
        -n "git log -M -p -- plans/" --prepare true "git -C $W log -M -p -- plans/" \
        -n "git log --raw -M" --prepare true "git -C $W log --raw -M" \
        -n "git-cliff" --prepare true "cd $W && $VENV/bin/git-cliff --config $ROOT/bench/compare/cliff.toml"
    hfshell "report-alt-$n" "$SLOW" \
        -n "pygit2 semantic diff" "$VENV/bin/python3 $ROOT/bench/compare/pygit2_report.py $W"
    rm -f "$W/.git/plan/report-cache"
    (cd "$W" && peak "plan report (first run)" "$PLAN" report --format json)
    (cd "$W" && peak "plan report (cached)" "$PLAN" report --format json)
done

python3 bench/results.py "$CACHE" $SIZES > bench/RESULTS.md
echo "wrote bench/RESULTS.md"
