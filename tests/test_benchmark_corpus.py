"""The corpus benchmark counts what it says it counts.

Its corpus must be valid claimkit data, the same for one seed, with the skew it
claims; and its pair counts, made with counters per block, must equal the pairs
found one by one. No timing is asserted here.
"""

from __future__ import annotations

import collections
import itertools
from typing import Any

from claimkit import Article, from_json, to_json
from claimkit.corpus import claim_records, disagreement
from claimkit.corpus.sides import Sides, speaker_keys
from claimkit.language.counts import Count, CountKey
from repo_scripts import load_script

BENCH = load_script("benchmarks/corpus.py")


def _corpus(claims: int, hot: float) -> list[tuple[Article, Any]]:
    return list(BENCH.build_corpus(claims, hot=hot))


def test_the_corpus_is_valid_deterministic_and_skewed() -> None:
    built = _corpus(4000, 0.5)
    articles = [article for article, _ in built]
    assert articles == [article for article, _ in _corpus(4000, 0.5)]
    assert len(articles) == 500
    assert all(from_json(to_json(a)) == a for a in articles[:50])
    assert {len(a.claims) for a in articles} == {8}
    hot = sum(incident.number == -1 for _, incident in built)
    assert 0.4 < hot / len(built) < 0.6
    # Without the hot incident, the largest event of a week holds about a quarter of it.
    sizes = collections.Counter(r.event for a, _ in _corpus(16000, 0.0) for r in claim_records(a))
    assert 0.2 < max(sizes.values()) / sum(sizes.values()) < 0.5


def _brute_force(built: list[tuple[Article, Any]], block: Any) -> tuple[int, int]:
    sides = Sides()
    for article, _ in built:
        for keys in speaker_keys(article).values():
            sides.add(keys)
    claims = [(r, incident.number) for a, incident in built for r in claim_records(a)]
    total = same = 0
    for (x, nx), (y, ny) in itertools.combinations(claims, 2):
        if block(x) != block(y) or x.article == y.article:
            continue
        if sides.side(x.keys, x.article) == sides.side(y.keys, y.article):
            continue
        cx = tuple(Count(CountKey(e, c), lo, hi) for e, c, lo, hi in x.counts)
        cy = tuple(Count(CountKey(e, c), lo, hi) for e, c, lo, hi in y.counts)
        if disagreement(x.deny, cx, y.deny, cy) is not None:
            total += 1
            same += nx == ny
    return total, same


def test_pair_counts_equal_the_pairs_found_one_by_one() -> None:
    built = _corpus(1200, 0.3)
    sides = Sides()
    for article, _ in built:
        for keys in speaker_keys(article).values():
            sides.add(keys)
    records = [(r, incident.number) for a, incident in built for r in claim_records(a)]
    found = {}
    for name, block in (("week", lambda r: (r.event[0], r.event[3])), ("key", lambda r: r.event)):
        counted = BENCH.blocked_pairs(
            (block(r), (r.deny, r.counts), r.article, sides.side(r.keys, r.article), n)
            for r, n in records
        )
        found[name] = _brute_force(built, block)
        assert counted == found[name]
    # The old blocking joins claims of different incidents; the key joins fewer.
    (week, week_same), (key, key_same) = found["week"], found["key"]
    assert week - week_same > key - key_same
    assert key_same > 0
