#!/usr/bin/env bash
# Regenerates the Word and OpenDocument fixtures with real producers. Never run by the tests: the
# results are committed. Needs pandoc and LibreOffice (Debian: pandoc, libreoffice-writer-nogui).
#
#   producers/<plan>.pandoc.docx       pandoc, from Markdown whose lists become automatic numbering
#   producers/<plan>.libreoffice.docx  LibreOffice, from HTML (typed numbers, real tables, spans)
#   features.docx / features.odt       LibreOffice, from features.fodt (hand-written: multi-level
#                                      numbering, merged cells, tracked changes, a footnote, a comment)
#   hostile/*                          made by make_hostile.py
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plans=$here/../corpus/plans
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/producers"

python3 "$here/make_fixtures.py" "$work" \
    "$plans/04-chinhphu-2597-qd-ttg-chuyen-doi-so-ha-tang-xay-dung.txt=04-table-units" \
    "$plans/05-nghean-980-kh-ubnd-phong-thu-dan-su.txt=05-table" \
    "$plans/17-cantho-165-kh-ubnd-cong-tac-dan-so.txt=17-units" \
    "$plans/23-chinhphu-2623-qd-ttg-bao-ve-du-lieu-ca-nhan.txt=23-list"

for name in 04-table-units 05-table 17-units 23-list; do
    pandoc -f markdown+all_symbols_escapable-smart-citations-subscript-superscript-strikeout-tex_math_dollars \
        -t docx -o "$here/producers/$name.pandoc.docx" "$work/$name.md"
    soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" \
        --outdir "$work" "$work/$name.html" > /dev/null
    mv "$work/$name.docx" "$here/producers/$name.libreoffice.docx"
done

soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$here" "$here/features.fodt" > /dev/null
soffice --headless --convert-to odt --outdir "$here" "$here/features.fodt" > /dev/null

python3 "$here/make_hostile.py" "$here/hostile" "$here/features.docx"
# A real old binary Word document, written by LibreOffice.
soffice --headless --convert-to doc:"MS Word 97" --outdir "$work" "$here/features.fodt" > /dev/null
mv "$work/features.doc" "$here/hostile/old-word97.doc"
ls -l "$here/producers" "$here" "$here/hostile"
