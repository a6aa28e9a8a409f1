#!/usr/bin/env python3
"""Writes each item's front-matter to a .yaml file, for check-jsonschema (which reads YAML, not Markdown)."""
import os
import sys

src, out = sys.argv[1], sys.argv[2]
count = 0
for root, _, files in os.walk(os.path.join(src, "plans")):
    for name in files:
        if not name.endswith(".md") or name == "plan.md":
            continue
        text = open(os.path.join(root, name), encoding="utf-8").read()
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---", 4)
        rel = os.path.relpath(os.path.join(root, name), src)
        target = os.path.join(out, rel[:-3] + ".yaml")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text[4:end + 1])
        count += 1
print(f"{count} front-matters extracted", file=sys.stderr)
