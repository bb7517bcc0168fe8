#!/usr/bin/env python3
"""Validate gazetteers/*.tsv against gazetteers/FORMAT.md and print counts.

Checks, per file: UTF-8, LF line endings, final newline, header lines (`# warta gazetteer:`,
`# source:`, `# licence:`, `# columns:`), exactly 5 TAB-separated columns, id pattern
(`per:|loc:|org:` + `[a-z0-9-]+`), label (`PER|LOC|ORG`, matching the id prefix), non-empty
name without stray whitespace or `|`, aliases (no empty item, no repeat of the name, no
duplicates, no plain ALL-CAPS copy of the name), attrs (`key=value` pairs, known keys and
types, `cc` as two capital letters), ids sorted within the file.
Across files: ids unique; `parent=` and `capital=` point at an existing id.

Warnings (do not fail): surface forms shared by several entries (ambiguity the matcher must
resolve); with --verbose they are listed.

Usage: python3 scripts/check_gazetteers.py [--verbose] [DIR or FILES...]
Exit status 1 if any error was found. Standard library only.
"""
import argparse
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

ID_RE = re.compile(r"^(per|loc|org):[a-z0-9-]+$")
LABELS = {"per": "PER", "loc": "LOC", "org": "ORG"}
KNOWN_KEYS = {"type", "cc", "role", "parent", "capital"}
KNOWN_TYPES = {
    "country", "territory", "province", "regency", "city", "district", "region", "capital",
    "world-city", "sea", "landmark", "facility", "airport", "party", "ministry", "agency",
    "legislature", "court", "military", "police", "company", "bank", "state-company",
    "university", "international", "media", "news-agency", "religious", "ngo", "sports",
    "government",
}
REF_KEYS = ("parent", "capital")
HEADERS = ("# warta gazetteer:", "# source:", "# licence:", "# columns:")


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def err(self, where, msg):
        self.errors += 1
        print(f"ERROR {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"warning {where}: {msg}")


def check_file(path, rep, all_ids, refs, surfaces):
    name = os.path.basename(path)
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.err(name, f"not UTF-8: {e}")
        return (0, 0)
    if "\r" in text:
        rep.err(name, "CR characters (use LF line endings)")
    if text and not text.endswith("\n"):
        rep.err(name, "no final newline")
    if text.startswith("\ufeff"):
        rep.err(name, "byte order mark")

    lines = text.split("\n")
    header = [l for l in lines if l.startswith("#")]
    for h in HEADERS:
        if not any(l.startswith(h) for l in header):
            rep.err(name, f"missing header line {h!r}")

    entries = aliases_n = 0
    prev_id = None
    for n, line in enumerate(lines, 1):
        where = f"{name}:{n}"
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            rep.err(where, f"{len(cols)} columns, expected 5")
            continue
        id_, label, nm, aliases, attrs = cols
        entries += 1
        if not ID_RE.match(id_):
            rep.err(where, f"bad id {id_!r}")
        else:
            if LABELS[id_.split(":")[0]] != label:
                rep.err(where, f"label {label!r} does not match id prefix of {id_}")
        if label not in LABELS.values():
            rep.err(where, f"bad label {label!r}")
        if id_ in all_ids:
            rep.err(where, f"duplicate id {id_} (also in {all_ids[id_]})")
        else:
            all_ids[id_] = where
        if prev_id is not None and id_ < prev_id:
            rep.err(where, f"not sorted by id ({id_} after {prev_id})")
        prev_id = id_

        if not nm:
            rep.err(where, "empty name")
        elif nm != nm.strip() or "  " in nm or "|" in nm:
            rep.err(where, f"name has stray whitespace or '|': {nm!r}")
        surfaces[nm].add(id_)

        if aliases:
            items = aliases.split("|")
            seen = set()
            for a in items:
                if not a:
                    rep.err(where, "empty alias item")
                    continue
                if a != a.strip() or "  " in a:
                    rep.err(where, f"alias has stray whitespace: {a!r}")
                if a == nm:
                    rep.err(where, f"alias repeats the name: {a!r}")
                elif a == nm.upper() and nm != nm.upper():
                    rep.err(where, f"alias is the ALL-CAPS name (matched automatically): {a!r}")
                if a in seen:
                    rep.err(where, f"duplicate alias {a!r}")
                seen.add(a)
                surfaces[a].add(id_)
            aliases_n += len([a for a in items if a])

        if attrs:
            keys = set()
            for kv in attrs.split(";"):
                if "=" not in kv:
                    rep.err(where, f"attr without '=': {kv!r}")
                    continue
                k, v = kv.split("=", 1)
                if not k or not v:
                    rep.err(where, f"empty attr key or value: {kv!r}")
                if k in keys:
                    rep.err(where, f"repeated attr key {k!r}")
                keys.add(k)
                if k not in KNOWN_KEYS:
                    rep.warn(where, f"unknown attr key {k!r}")
                if k == "type" and v not in KNOWN_TYPES:
                    rep.err(where, f"unknown type {v!r}")
                if k == "cc" and not re.fullmatch(r"[A-Z]{2}", v):
                    rep.err(where, f"cc must be ISO 3166-1 alpha-2: {v!r}")
                if k in REF_KEYS:
                    if not ID_RE.match(v):
                        rep.err(where, f"{k} is not an id: {v!r}")
                    refs.append((where, k, v))
    return entries, aliases_n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "gazetteers")])
    ap.add_argument("--verbose", action="store_true", help="list shared surface forms")
    args = ap.parse_args()

    files = []
    for p in args.paths:
        files += sorted(glob.glob(os.path.join(p, "*.tsv"))) if os.path.isdir(p) else [p]
    rep = Report()
    all_ids, refs, surfaces = {}, [], collections.defaultdict(set)
    counts = []
    for f in files:
        counts.append((os.path.basename(f), *check_file(f, rep, all_ids, refs, surfaces)))
    for where, k, v in refs:
        if v not in all_ids:
            rep.err(where, f"{k}={v} points at no loaded id")

    shared = {s: ids for s, ids in surfaces.items() if len(ids) > 1}
    if args.verbose:
        for s in sorted(shared):
            print(f"shared surface {s!r}: {' '.join(sorted(shared[s]))}")

    print()
    print(f"{'file':<24} {'entries':>8} {'aliases':>8}")
    for f, e, a in counts:
        print(f"{f:<24} {e:>8} {a:>8}")
    print(f"{'total':<24} {sum(c[1] for c in counts):>8} {sum(c[2] for c in counts):>8}")
    print(f"surface forms shared by several entries: {len(shared)} (see --verbose)")
    print(f"{rep.errors} errors, {rep.warnings} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
