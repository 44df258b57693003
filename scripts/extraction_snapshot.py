"""Safety net for changes to the extractor: extract every gold and seed text, and the
benchmark's adversarial inputs (at 8 kB), and compare the JSON with a stored copy.

A change that means to preserve behaviour must leave the snapshot identical; a change
of behaviour updates it in a commit of its own, measured with ``claimkit eval``.

Run: ``python scripts/extraction_snapshot.py [--update]``. Exit 0 when every output
equals its stored copy, 1 when some differ (each one named, with its first changed
line), 2 when the stored copy is missing.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import claimkit
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "extraction.jsonl"
#: Size of each adversarial input: enough to exercise every bound, small enough to store.
ADVERSARIAL_SIZE = 8_000


def _adversarial() -> dict[str, object]:
    spec = importlib.util.spec_from_file_location("_bench_extract", ROOT / "benchmarks/extract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.ADVERSARIAL)


def outputs() -> Iterator[tuple[str, str]]:
    """``(name, JSON of the extracted article)`` for every input, in a fixed order."""
    paths = sorted((ROOT / "gold").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    for path in paths:
        source = read_text_file(str(path))
        article = claimkit.extract(source.text, published=source.published)
        yield path.relative_to(ROOT).as_posix(), claimkit.to_json(article).decode()
    for name, make in _adversarial().items():
        text = make(ADVERSARIAL_SIZE)  # type: ignore[operator]
        yield f"adversarial/{name}", claimkit.to_json(claimkit.extract(text)).decode()


def _pretty(document: str) -> list[str]:
    return json.dumps(json.loads(document), indent=1, sort_keys=True).splitlines()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="store the current outputs")
    args = parser.parse_args(argv)
    current = dict(outputs())
    if args.update:
        with SNAPSHOT.open("w", encoding="utf-8") as out:
            for name, document in current.items():
                out.write(json.dumps({"input": name, "article": json.loads(document)}) + "\n")
        print(f"stored {len(current)} outputs in {SNAPSHOT.relative_to(ROOT)}")
        return 0
    if not SNAPSHOT.exists():
        print(f"no stored copy at {SNAPSHOT.relative_to(ROOT)}; run with --update", file=sys.stderr)
        return 2
    stored: dict[str, str] = {}
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        stored[row["input"]] = json.dumps(row["article"])
    changed = 0
    for name in sorted(current.keys() | stored.keys()):
        if name not in stored or name not in current:
            print(f"{name}: {'new input' if name not in stored else 'input gone'}")
            changed += 1
            continue
        before, after = _pretty(stored[name]), _pretty(current[name])
        if before != after:
            changed += 1
            delta = list(difflib.unified_diff(before, after, lineterm="", n=0))[2:]
            print(
                f"{name}: {sum(1 for d in delta if d[:1] in '+-')} changed lines, first: "
                f"{next((d for d in delta if d[:1] in '+-'), '')[:160]}"
            )
    print(f"{len(current) - changed} of {len(current)} outputs identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
