"""The precision of each attribution rule on the gold set, written into
``src/claimkit/extraction/rules.py`` as ``MEASURED_PRECISION``, which the extractor
records as each claim's ``confidence``.

The figure is (right + 1) / (made + 2), so that a rule seen a few times is not
called certain. A claim a rule made is right when it matches a gold claim (content overlap, as
``claimkit eval`` aligns them) with the same speaker. Measured on the seed and gold
articles 001-036; the newest held-out batch (037 on) is left out, so that it stays a
measurement of text no figure was taken from.

Run: ``python scripts/rule_precision.py [--update]``; without ``--update`` it prints the
table and exits 1 when it differs from the stored one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import claimkit
from claimkit.evaluate import _align, _same_actor
from claimkit.extraction.attribution import find_attributions
from claimkit.extraction.quotes import run_on
from claimkit.extraction.rules import MEASURED_PRECISION, RULES
from claimkit.language.sentences import statement_sentences
from claimkit.language.times import find_times
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parent.parent
RULES_FILE = ROOT / "src" / "claimkit" / "extraction" / "rules.py"
#: Gold articles from this number on are held out.
HELD_OUT_FROM = 37


def _paths() -> list[Path]:
    gold = [p for p in sorted((ROOT / "gold").glob("*.txt")) if int(p.name[:3]) < HELD_OUT_FROM]
    return sorted((ROOT / "seeds").glob("*.txt")) + gold


def measure() -> dict[str, tuple[int, int]]:
    """``rule -> (right, made)`` over the measured articles."""
    counts = {name: [0, 0] for name in RULES}
    for path in _paths():
        source = read_text_file(str(path))
        gold: claimkit.Article = claimkit.from_json(path.with_suffix(".json").read_bytes())
        pred = claimkit.extract(source.text, published=source.published)
        text = pred.text
        times = [(t.span.start, t.span.end) for t in find_times(text, 0, len(text), pred.published)]
        rule_at = {
            a.cue: run_on(text, a, end).rule
            for start, end in statement_sentences(text)
            for a in find_attributions(text, start, end, times)
        }
        right = {
            p.id
            for g, p in _align(gold, pred)
            if _same_actor(gold.actor(g.speaker), pred.actor(p.speaker))
        }
        for claim in pred.claims:
            rule = rule_at.get((claim.cue.span.start, claim.cue.span.end))
            if rule is None:
                continue  # read inside a window of a very long sentence
            counts[rule][1] += 1
            counts[rule][0] += claim.id in right
    return {name: (r, m) for name, (r, m) in counts.items()}


def _table(counts: dict[str, tuple[int, int]]) -> dict[str, float]:
    # Add-one smoothing: a rule right 5 times out of 5 is not certain.
    return {name: round((r + 1) / (m + 2), 3) for name, (r, m) in counts.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the table into rules.py")
    args = parser.parse_args(argv)
    counts = measure()
    table = _table(counts)
    for name, (right, made) in counts.items():
        print(f"{name:24} {right:4}/{made:<4} {table.get(name, float('nan')):.3f}")
    if args.update:
        body = "".join(f'    "{name}": {value},\n' for name, value in table.items())
        source = RULES_FILE.read_text(encoding="utf-8")
        source = re.sub(
            r"MEASURED_PRECISION: Final\[dict\[str, float\]\] = \{.*?\n\}",
            "MEASURED_PRECISION: Final[dict[str, float]] = {\n" + body + "}",
            source,
            flags=re.S,
        )
        RULES_FILE.write_text(source, encoding="utf-8")
        print(f"wrote {len(table)} figures into {RULES_FILE.relative_to(ROOT)}")
        return 0
    return 0 if table == MEASURED_PRECISION else 1


if __name__ == "__main__":
    sys.exit(main())
