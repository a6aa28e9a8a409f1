#!/usr/bin/env python3
"""Writes the inputs that make-fixtures.sh hands to pandoc and LibreOffice.

For each chosen corpus plan: a Markdown file for pandoc, whose numbered, lettered and dash paragraphs
become real automatic lists (pandoc writes them with Word numbering), and an HTML file for LibreOffice,
whose task-table rows with fewer cells than the header get a cell spanning the rest (w:gridSpan).
Lines inside one corpus paragraph (letterhead, recipients) become line breaks.
"""
import html
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])
plans = sys.argv[2:]

PUNCT = set("\\`*_{}[]()#+-.!:|<>~^$@&\"'=/%,;?")


def escape(s):
    return "".join("\\" + c if c in PUNCT else c for c in s)


MARKERS = [
    (re.compile(r"^(\d{1,2})\. (.+)$"), lambda m: f"{m.group(1)}. "),
    (re.compile(r"^(\d{1,2})\) (.+)$"), lambda m: f"{m.group(1)}) "),
    (re.compile(r"^([a-e])\) (.+)$"), lambda m: f"{m.group(1)}) "),
    (re.compile(r"^([IVX]{1,4})\. (.+)$"), lambda m: f"{m.group(1)}. "),
    (re.compile(r"^- (.+)$"), lambda m: "- "),
]


def blocks(text):
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        yield ("table" if all(l.startswith("|") for l in lines) else "para"), lines


def cells(row):
    parts = [c.strip() for c in row.strip().split("|")]
    return parts[1:-1]


def markdown(text):
    md = []
    for kind, lines in blocks(text):
        if kind == "table":
            rows = [cells(l) for l in lines]
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            md.append("| " + " | ".join(escape(c) for c in rows[0]) + " |")
            md.append("|" + "---|" * width)
            for r in rows[1:]:
                md.append("| " + " | ".join(escape(c) for c in r) + " |")
            md.append("")
            continue
        first = lines[0]
        lead = ""
        for pattern, marker in MARKERS:
            m = pattern.match(first)
            if m:
                lead = marker(m)
                first = m.group(m.lastindex)
                break
        body = [escape(first)] + [escape(l) for l in lines[1:]]
        md.append(lead + "\\\n".join(body))
        md.append("")
    return "\n".join(md)


def page(text, title):
    h = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><title>%s</title></head><body>' % html.escape(title)]
    for kind, lines in blocks(text):
        if kind == "table":
            rows = [cells(l) for l in lines]
            width = max(len(r) for r in rows)
            h.append('<table border="1">')
            for r in rows:
                tds = ["<td>%s</td>" % html.escape(c) for c in r]
                if len(r) < width:
                    tds[-1] = '<td colspan="%d">%s</td>' % (width - len(r) + 1, html.escape(r[-1]))
                h.append("<tr>" + "".join(tds) + "</tr>")
            h.append("</table>")
        else:
            h.append("<p>" + "<br>".join(html.escape(l) for l in lines) + "</p>")
    h.append("</body></html>")
    return "\n".join(h)


for spec in plans:
    source, name = spec.split("=")
    text = Path(source).read_text(encoding="utf-8")
    (out / f"{name}.md").write_text(markdown(text), encoding="utf-8")
    (out / f"{name}.html").write_text(page(text, name), encoding="utf-8")
