"""On every gold and seed article, each pair of claims on opposite sides of an extracted
dispute is one that :func:`claimkit.compare.compare` calls contradictory."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
from claimkit.compare import Relation, compare
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "gold").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_disputed_pairs_contradict_in_compare(path: Path) -> None:
    source = read_text_file(str(path))
    article = claimkit.extract(source.text, published=source.published)
    claims = {claim.id: claim for claim in article.claims}
    pairs = [pair for dispute in article.disputes for pair in dispute.disagreeing_pairs()]
    verdicts = {
        pair: compare(claims[pair[0]], claims[pair[1]], article=article).relation for pair in pairs
    }
    assert {pair: v for pair, v in verdicts.items() if v is not Relation.CONTRADICT} == {}


def test_the_gold_set_has_disputes_for_the_law_to_hold_on() -> None:
    # The law above is not vacuous: the extractor reports disputed pairs on the gold set.
    count = 0
    for path in TEXTS:
        source = read_text_file(str(path))
        article = claimkit.extract(source.text, published=source.published)
        count += sum(len(d.positions) for d in article.disputes)
    assert count >= 100
