#!/usr/bin/env python3
"""Turns the hyperfine exports of bench/run.sh into bench/RESULTS.md: medians, ratios, memory, the
machine and versions, and how to reproduce."""
import json
import os
import platform
import statistics
import subprocess
import sys

cache, sizes = sys.argv[1], sys.argv[2:]


def load(name):
    path = os.path.join(cache, name + ".json")
    if not os.path.exists(path):
        return {}
    return {r["command"]: r for r in json.load(open(path))["results"]}


def med(r):
    return statistics.median(r["times"])


def fmt(s):
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def run(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:
        return "?"


out = ["# Benchmark results", "",
       "Made by `make bench` (bench/run.sh): release build, generated workspaces (bench/generate.py, seed 1),",
       "hyperfine medians. Ratios compare each tool with plan on the same data in the same run.", ""]
for n in sizes:
    out += [f"## {int(n):,} items, {int(n):,} commits", ""]
    check = {**load(f"check-{n}"), **load(f"check-alt-{n}")}
    staged = load(f"staged-{n}")
    commit = {**load(f"commit-{n}"), **load(f"commit-pre-{n}")}
    report = {**load(f"report-{n}"), **load(f"report-alt-{n}")}
    rows = []

    def table(title, results, base, note=""):
        if not results:
            return
        out.append(f"### {title}")
        out.append("")
        if note:
            out.extend([note, ""])
        out.append("| command | median | min | max | × plan |")
        out.append("|---|---:|---:|---:|---:|")
        b = med(results[base]) if base in results else None
        for cmd, r in results.items():
            ratio = f"{med(r) / b:.1f}×" if b and cmd != base else ""
            out.append(f"| {cmd} | {fmt(med(r))} | {fmt(min(r['times']))} | {fmt(max(r['times']))} | {ratio} |")
        out.append("")

    table("Checking every item", check, "plan check")
    table("Checking a commit", staged, "plan check --staged (warm cache)",
          "One staged item. The floor is a C program that only starts, initialises libgit2, opens the repository and reads its index.")
    if commit:
        table("A whole `git commit`", commit, "git commit --no-verify",
              "`--no-verify` skips the pre-commit hook but not prepare-commit-msg, so its time includes plan's commit summary.")
        nv, hook = commit.get("git commit --no-verify"), commit.get("git commit (plan hook)")
        bare, pre = commit.get("git commit, no hooks"), commit.get("git commit (pre-commit + check-jsonschema)")
        lines = []
        if nv and hook:
            lines.append(f"- plan's pre-commit hook adds **{fmt(med(hook) - med(nv))}** to a commit.")
        if bare and pre:
            lines.append(f"- the pre-commit framework with check-jsonschema adds **{fmt(med(pre) - med(bare))}**.")
        if bare and nv:
            lines.append(f"- plan's prepare-commit-msg hook (the commit summary) adds {fmt(med(nv) - med(bare))}.")
        out += lines + [""]
    table("Reading the history", report, "plan report (first run)")
    mem = os.path.join(cache, f"memory-{n}.tsv")
    if os.path.exists(mem):
        out += ["### Peak memory (RSS)", "", "| command | peak RSS |", "|---|---:|"]
        for line in open(mem):
            label, kb = line.rstrip("\n").split("\t")
            out.append(f"| {label} | {int(kb) / 1024:.0f} MB |" if kb.isdigit() else f"| {label} | ? |")
        out.append("")

cpu = run("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
ram = run("free -g | awk '/Mem:/ {print $2}'")
pygit2_version = run(cache + "/venv/bin/python3 -c 'import pygit2; print(pygit2.__version__)'")
out += ["## Machine and versions", "",
        f"- CPU: {cpu}, {os.cpu_count()} cores",
        f"- memory: {ram} GiB; {platform.platform()}",
        f"- {run('swift --version 2>&1')}",
        f"- git {run('git --version').split()[-1]}, libgit2 {run('pkg-config --modversion libgit2')}, {run('hyperfine --version')}",
        f"- check-jsonschema {run(cache + '/venv/bin/check-jsonschema --version').split()[-1]}, "
        f"pre-commit {run(cache + '/venv/bin/pre-commit --version').split()[-1]}, "
        f"git-cliff {run(cache + '/venv/bin/git-cliff --version').split()[-1]}, "
        f"pygit2 {pygit2_version}",
        "", "## Reproduce", "", "```sh", "make bench                  # both sizes, about 10 minutes",
        "BENCH_SIZES=1000 make bench # the small one", "```", "",
        "The workspaces are generated once into bench/.cache (`bench/generate.py --items N --commits N --seed 1 --invalid 5`).", ""]
print("\n".join(out))
