"""The corpus benchmark measures what it says: skewed, valid data and honest recall.

No timing is asserted here.
"""

from __future__ import annotations

from collections.abc import Callable

import claimkit
from claimkit import Article
from repo_scripts import load_script

_BENCH = load_script("benchmarks/compare.py")
build_corpus: Callable[[int, int], list[Article]] = _BENCH.build_corpus
largest_block_share: Callable[[list[Article]], float] = _BENCH._largest_block_share
run_one: Callable[[int, int, bool], dict[str, object]] = _BENCH.run_one


def test_corpus_is_valid_deterministic_and_skewed() -> None:
    articles = build_corpus(2000, 3)
    assert sum(len(a.claims) for a in articles) == 2000
    assert articles == build_corpus(2000, 3)
    for article in articles[:50]:
        assert claimkit.from_dict(claimkit.to_dict(article)) == article
    assert largest_block_share(articles) >= 0.30
    hot = sum(1 for a in articles for c in a.claims if "in attacks" in c.content.text)
    assert hot >= 0.30 * 2000


def test_recall_is_measured_against_all_pairs() -> None:
    result = run_one(1200, 5, True)
    assert result["claims"] == 1200
    assert result["precision"] == 1.0
    assert result["pair_recall"] == 1.0  # nothing dropped: no cap
    truth = result["true_disputes"]
    assert isinstance(truth, int)
    assert truth > 1000
    assert result["disputing_pairs"] == truth
