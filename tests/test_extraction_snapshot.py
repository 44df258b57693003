"""The extractor's output on every gold and seed text, and on the benchmark's adversarial
inputs, equals the stored copy (``scripts/extraction_snapshot.py --update`` renews it in
the commit that changes behaviour on purpose)."""

from __future__ import annotations

import json

from repo_scripts import load_script


def test_every_output_equals_its_stored_copy() -> None:
    script = load_script("scripts/extraction_snapshot.py")
    stored = {
        row["input"]: row["article"]
        for row in map(json.loads, script.SNAPSHOT.read_text(encoding="utf-8").splitlines())
    }
    current = {name: json.loads(document) for name, document in script.outputs()}
    assert current.keys() == stored.keys()
    changed = sorted(name for name in current if current[name] != stored[name])
    assert changed == [], "run scripts/extraction_snapshot.py to see what changed"
