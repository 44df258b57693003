"""claimkit eval scores disagreeing pairs (overall and by kind) and denial recall."""

from __future__ import annotations

from pathlib import Path

import attrs

import claimkit
from claimkit.evaluate import Score, evaluate
from claimkit.model import Polarity

SEED = Path(__file__).resolve().parent.parent / "seeds" / "idlib-2020-01-24.json"


def _seed() -> claimkit.Article:
    return claimkit.from_json(SEED.read_bytes())


def test_the_gold_article_against_itself_finds_every_pair_and_denial() -> None:
    gold = _seed()
    report = evaluate([gold], [gold])
    pairs = sum(len(d.disagreeing_pairs()) for d in gold.disputes)
    assert report.dispute_pairs == Score(tp=pairs)
    assert dict(report.dispute_pairs_by_kind) == {"denial": Score(tp=pairs)}
    denials = sum(c.polarity is Polarity.DENY for c in gold.claims)
    assert (report.denial_recall.correct, report.denial_recall.total) == (denials, denials)


def test_missing_disputes_and_a_missed_denial_are_counted() -> None:
    gold = _seed()
    first_denial = next(c for c in gold.claims if c.polarity is Polarity.DENY)
    claims = tuple(
        attrs.evolve(c, polarity=Polarity.ASSERT) if c is first_denial else c for c in gold.claims
    )
    pred = attrs.evolve(gold, claims=claims, disputes=())
    report = evaluate([gold], [pred])
    pairs = sum(len(d.disagreeing_pairs()) for d in gold.disputes)
    assert report.dispute_pairs == Score(fn=pairs)
    assert report.denial_recall.correct == report.denial_recall.total - 1
    table = report.table()
    assert "dispute pairs" in table
    assert "denial recall" in table
