"""The extractor's output on every gold and seed text, and on the benchmark's adversarial
inputs, equals the stored copy (``scripts/extraction_snapshot.py --update`` renews it in
the commit that changes behaviour on purpose)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    path = ROOT / "scripts" / "extraction_snapshot.py"
    spec = importlib.util.spec_from_file_location("extraction_snapshot", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_output_equals_its_stored_copy() -> None:
    script = _script()
    stored = {
        row["input"]: row["article"]
        for row in map(json.loads, script.SNAPSHOT.read_text(encoding="utf-8").splitlines())
    }
    current = {name: json.loads(document) for name, document in script.outputs()}
    assert current.keys() == stored.keys()
    changed = sorted(name for name in current if current[name] != stored[name])
    assert changed == [], "run scripts/extraction_snapshot.py to see what changed"
