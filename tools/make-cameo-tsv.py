#!/usr/bin/env python3
"""Builds data/cameo/cameo.tsv once from the reference facts in ../shared/reference/cameo/.

Usage: python3 tools/make-cameo-tsv.py ../shared/reference/cameo > data/cameo/cameo.tsv
Codes, names and Goldstein weights come from cameo-codes.tsv (the ICEWS table); the PLOVER
event type and mode from cameo-to-plover-2021.txt (a code without a row takes its parent's).
"""
import sys, os

ref = sys.argv[1]
rows = []
with open(os.path.join(ref, "cameo-codes.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        code, root, name, weight = line.rstrip("\n").split("\t")
        rows.append((code, root, name.strip(), weight))

plover = {}
with open(os.path.join(ref, "cameo-to-plover-2021.txt"), encoding="utf-8") as f:
    for line in f:
        line = line.split("#")[0].strip()
        if not line or line.startswith("~") or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        event = parts[0] if parts else ""
        mode = parts[1] if len(parts) > 1 else ""
        if len(code) == 2:
            continue  # root headings are section titles, not mappings
        plover.setdefault(code.strip(), (event, mode))

def lookup(code):
    c = code
    while len(c) >= 3:
        if c in plover:
            return plover[c]
        c = c[:-1]
    if len(code) == 2 and code + "0" in plover:
        return plover[code + "0"]
    return ("", "")

def quad(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4

print("# CAMEO event ontology: 312 codes. Goldstein weights pinned to the ICEWS table.")
print("# Columns: code, name, root, goldstein, quad_class (1 verbal cooperation, 2 material cooperation,")
print("# 3 verbal conflict, 4 material conflict), plover_event, plover_mode ('-' where PLOVER 2021 has none).")
print("code\tname\troot\tgoldstein\tquad_class\tplover_event\tplover_mode")
for code, root, name, weight in rows:
    ev, mode = lookup(code)
    print(f"{code}\t{name}\t{root}\t{weight}\t{quad(root)}\t{ev or '-'}\t{mode or '-'}")
