#!/usr/bin/env bash
# How long `plan import` takes on a Word document of about 100 pages (release build). Not part of
# `make test` or `make bench`. Needs pandoc and LibreOffice (for the page count).
#
#   bench/docx-import.sh        # prints pages, sizes and the time of each step
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plans=Tests/Fixtures/corpus/plans

# Corpus plans one after another: BENCH_PLANS="02" (the default) is 122 KB of text, 131 pages
# as pandoc lays them out; "02 03 04 06 18" is 330 KB, 248 pages.
for n in ${BENCH_PLANS:-02}; do cat "$plans/$n"-*.txt; echo; done > "$work/big.txt"
python3 Tests/Fixtures/office/make_fixtures.py "$work" "$work/big.txt=big"
pandoc -f markdown+all_symbols_escapable-smart-citations-subscript-superscript-strikeout-tex_math_dollars \
    -t docx -o "$work/big.docx" "$work/big.md"
(cd "$work" && soffice --headless --convert-to pdf big.docx > /dev/null 2>&1) || true
pages=$(pdfinfo "$work/big.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

swift build -c release --static-swift-stdlib --product plan 2>&1 | grep -E "error:" || true
plan=$ROOT/.build/release/plan
mkdir -p "$work/ws/schemas"
cp plan.yaml "$work/ws/" && cp schemas/plan-item.schema.json schemas/units.yaml "$work/ws/schemas/"
echo "document: ${pages:-?} pages, $(wc -c < "$work/big.docx") bytes (.docx), $(wc -c < "$work/big.txt") bytes of text"
for input in big.txt big.docx; do
    best=
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        (cd "$work/ws" && "$plan" import "../$input" --id big --dry-run > /dev/null)
        t=$(( ($(date +%s%N) - start) / 1000000 ))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    echo "plan import $input --dry-run: best of 5 ${best} ms"
done
