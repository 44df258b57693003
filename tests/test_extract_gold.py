"""The extractor against the hand-annotated seed and gold set (gold/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
import claimkit.readers
from claimkit.evaluate import evaluate
from claimkit.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
SEED_GOLD = ROOT / "seeds" / "idlib-2020-01-24.json"
GOLD = sorted((ROOT / "gold").glob("*.json"))


def _gold(path: Path) -> Article:
    return claimkit.from_json(path.read_bytes())


def _extracted(gold: Article) -> Article:
    return claimkit.extract(gold.text, published=gold.published)


@pytest.fixture(scope="module")
def seed() -> tuple[Article, Article]:
    gold = _gold(SEED_GOLD)
    source = claimkit.readers.read_text_file(str(SEED_TEXT))
    assert (source.text, source.published) == (gold.text, gold.published)
    return gold, claimkit.extract(source.text, published=source.published)


def test_seed_every_claim_with_speaker_polarity_and_time(seed: tuple[Article, Article]) -> None:
    gold, pred = seed
    report = evaluate([gold], [pred])
    assert (report.claims.tp, report.claims.fp, report.claims.fn) == (10, 0, 0)
    assert report.speaker_accuracy.value == 1.0
    assert report.polarity_accuracy.value == 1.0
    assert report.hedge_accuracy.value == 1.0
    assert report.time_accuracy.value == 1.0


def test_seed_quantities_with_hedge_bounds_thing_and_event(seed: tuple[Article, Article]) -> None:
    gold, pred = seed

    def described(
        article: Article,
    ) -> list[tuple[str, str, float | None, float | None, str | None, str | None]]:
        return sorted(
            (q.text, q.hedge.value, q.low, q.high, q.counted, q.event)
            for claim in article.claims
            for q in claim.quantities
        )

    assert described(pred) == described(gold)


def test_seed_both_points_of_dispute(seed: tuple[Article, Article]) -> None:
    gold, pred = seed
    report = evaluate([gold], [pred])
    assert (report.disputes.tp, report.disputes.fp, report.disputes.fn) == (2, 0, 0)
    mustafa = {c.id for c in pred.claims if pred.actor(c.speaker).name == "Naji al-Mustafa"}
    for dispute in pred.disputes:
        deniers = {p.claim for p in dispute.positions if p.stance is claimkit.Stance.DENIES}
        assert deniers
        assert deniers <= mustafa


def test_seed_actors_resolve_aliases_roles_and_affiliations(seed: tuple[Article, Article]) -> None:
    _, pred = seed
    by_name = {actor.name: actor for actor in pred.actors}
    assert "the ministry" in by_name["Russian Defense Ministry"].aliases
    assert "Moscow" in by_name["Russia"].aliases
    assert by_name["Russia"].kind is claimkit.ActorKind.GOVERNMENT
    mustafa = by_name["Naji al-Mustafa"]
    assert (mustafa.kind, mustafa.role) == (claimkit.ActorKind.PERSON, "spokesman")
    assert mustafa.affiliation == by_name["National Liberation Front"].id
    assert "Mustafa" in mustafa.aliases


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_articles_extract_to_valid_articles(path: Path) -> None:
    gold = _gold(path)
    pred = _extracted(gold)
    assert claimkit.from_json(claimkit.to_json(pred)) == pred
    assert pred.text == gold.text


def test_gold_set_meets_the_targets() -> None:
    golds = [_gold(SEED_GOLD), *(_gold(p) for p in GOLD)]
    assert len(golds) >= 11
    report = evaluate(golds, [_extracted(g) for g in golds])
    # The targets of the extractor: claim F1 >= 0.85, speaker accuracy >= 0.90.
    assert report.claims.f1 >= 0.85, report.table()
    assert report.speaker_accuracy.value >= 0.90, report.table()
