#!/usr/bin/env python3
"""What a team would write instead of plan check: python-frontmatter and jsonschema, the validator built once."""
import json
import os
import sys

import frontmatter
import jsonschema

root = sys.argv[1]
schema = json.load(open(os.path.join(root, "schemas", "plan-item.schema.json"), encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
errors = 0
for dirpath, _, files in os.walk(os.path.join(root, "plans")):
    for name in sorted(files):
        if not name.endswith(".md") or name == "plan.md":
            continue
        path = os.path.join(dirpath, name)
        try:
            post = frontmatter.load(path)
        except Exception as e:  # a YAML error
            print(f"{path}: {e}")
            errors += 1
            continue
        # YAML dates become datetime.date: the schema wants strings, as plan reads them.
        data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in post.metadata.items()}
        for e in validator.iter_errors(data):
            print(f"{path}: {e.message}")
            errors += 1
sys.exit(1 if errors else 0)
