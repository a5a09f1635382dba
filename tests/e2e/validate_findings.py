#!/usr/bin/env python3
"""Validates JSON reports (NDJSON: one document per line) against
schemas/findings.schema.json, so that the published schema and what
`jxaudit check --format json` writes cannot drift apart. The batch summary
line ({"format":"jxaudit.summary/1",…}) is not a findings document and is skipped.

usage: validate_findings.py [--format NAME] SCHEMA FILE…   (exit 1 on any invalid document)
--format: the documents to check (default jxaudit.findings/1; jxaudit.validation/1
for `jxaudit validate --format json`).
"""
import json
import sys

import jsonschema

args = sys.argv[1:]
wanted = "jxaudit.findings/1"
if args[:1] == ["--format"]:
    wanted, args = args[1], args[2:]
schema = json.load(open(args[0], encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
checked = 0
bad = 0
for path in args[1:]:
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        doc = json.loads(line)
        if doc.get("format") != wanted:
            continue
        checked += 1
        for error in validator.iter_errors(doc):
            bad += 1
            print(f"{path}:{number}: {'/'.join(map(str, error.path))}: {error.message}")
print(f"{checked} documents checked, {bad} problems")
sys.exit(1 if bad or not checked else 0)
