#!/usr/bin/env python3
"""The semantic diff of plan report, written with pygit2: per commit against its first parent, the items
added, removed, moved (rename detection) or modified, with their changed fields and body line counts."""
import difflib
import json
import sys

import pygit2
import yaml


def parse(blob):
    text = blob.data.decode("utf-8", "replace")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            try:
                fields = yaml.safe_load(text[4:end]) or {}
            except yaml.YAMLError:
                fields = {}
            return fields if isinstance(fields, dict) else {}, text[end + 4:].lstrip("\n")
    return {}, text


def main():
    repo = pygit2.Repository(sys.argv[1])
    out = []
    for commit in repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL | pygit2.enums.SortMode.TIME):
        parent = commit.parents[0].tree if commit.parents else repo.get(repo.TreeBuilder().write())
        diff = repo.diff(parent, commit.tree)
        diff.find_similar()
        changes = []
        for patch in diff:
            d = patch.delta
            path = d.new_file.path if d.status != pygit2.enums.DeltaStatus.DELETED else d.old_file.path
            if not path.startswith("plans/") or not path.endswith(".md") or path.endswith("/plan.md"):
                continue
            old = parse(repo[d.old_file.id]) if d.status != pygit2.enums.DeltaStatus.ADDED else ({}, "")
            new = parse(repo[d.new_file.id]) if d.status != pygit2.enums.DeltaStatus.DELETED else ({}, "")
            fields = []
            for k in sorted(set(old[0]) | set(new[0]), key=str):
                if old[0].get(k) != new[0].get(k):
                    fields.append({"field": str(k), "from": str(old[0].get(k)), "to": str(new[0].get(k))})
            if old[1] != new[1]:
                lines = list(difflib.ndiff(old[1].splitlines(), new[1].splitlines()))
                fields.append({"field": "body", "added": sum(l.startswith("+ ") for l in lines),
                               "removed": sum(l.startswith("- ") for l in lines)})
            changes.append({"item": new[0].get("id") or old[0].get("id"), "path": path,
                            "kind": d.status_char(), "fields": fields})
        if changes:
            out.append({"id": str(commit.id), "message": commit.message, "changes": changes})
    json.dump({"version": 1, "commits": out}, sys.stdout, ensure_ascii=False)


main()
