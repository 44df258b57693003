"""A corpus of articles: actors merged across articles, disputes between articles."""

from __future__ import annotations

import datetime
import functools
import itertools
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import claimkit
from claimkit import (
    Actor,
    ActorKind,
    Article,
    Claim,
    ClaimRef,
    Corpus,
    DisputeKind,
    Excerpt,
    Hedge,
    Polarity,
    Quantity,
    Relation,
    Span,
    Stance,
)
from claimkit.corpus import CorpusPosition, DisputeStats

SEED = Path(__file__).resolve().parents[1] / "seeds" / "idlib-2020-01-24.txt"


@functools.cache
def seed() -> Article:
    text = SEED.read_text(encoding="utf-8").split("2020-01-24", 1)[1].strip()
    return claimkit.extract(Article(text=text), published=datetime.date(2020, 1, 24))


def outlet(article_id: str, speakers: set[str]) -> Article:
    """The seed as one outlet reports it: only the claims of some speakers."""
    article = seed()
    names = {a.id: a.name for a in article.actors}
    kept = tuple(c for c in article.claims if names[c.speaker] in speakers)
    return attrs.evolve(article, claims=kept, disputes=(), id=article_id)


MINISTRY_SIDE = {"Russian Defense Ministry", "Russia", "Syrian state media"}
REBEL_SIDE = {"Naji al-Mustafa"}


def test_a_spokesman_in_one_outlet_denies_a_ministry_claim_in_another() -> None:
    corpus = Corpus([outlet("outlet-b", REBEL_SIDE), outlet("outlet-a", MINISTRY_SIDE)])
    found = list(corpus.disputes())
    assert found, "no dispute across the two outlets"
    assert {d.kind for d in found} == {DisputeKind.DENIAL}
    article_a, article_b = corpus.article("outlet-a"), corpus.article("outlet-b")
    attack = next(c for c in article_a.claims if "have launched attacks" in c.content.text)
    assault = next(c for c in article_b.claims if "no such assault" in c.content.text)
    wanted = (
        CorpusPosition(claim=ClaimRef(article="outlet-a", claim=attack.id), stance=Stance.AFFIRMS),
        CorpusPosition(claim=ClaimRef(article="outlet-b", claim=assault.id), stance=Stance.DENIES),
    )
    dispute = next(d for d in found if set(wanted) <= set(d.positions))
    assert dispute.reason.startswith("Naji al-Mustafa denies what ")
    assert "Russian Defense Ministry" in dispute.reason
    for d in found:
        for a, b in d.pairs():
            assert corpus.compare(a, b).relation is Relation.CONTRADICT
            assert a.article != b.article


def test_claims_of_one_article_are_never_set_against_each_other() -> None:
    assert list(Corpus([seed()]).disputes()) == []


def test_actors_are_merged_across_articles() -> None:
    corpus = Corpus([outlet("outlet-a", MINISTRY_SIDE), outlet("outlet-b", REBEL_SIDE)])
    russia = corpus.actor_of("outlet-a", "russia")
    assert [m.actor for m in russia.members] == ["russia", "russia"]
    assert "Moscow" in russia.names
    ministry = corpus.actor_of("outlet-a", "russian-foreign-ministry")
    assert ministry != russia
    sources = [a for a in corpus.actors() if a.name == "diplomatic sources"]
    assert len(sources) == 2  # anonymous sources are never merged across articles


def test_moscow_in_one_article_is_russia_in_another() -> None:
    def article(name: str, article_id: str) -> Article:
        text = f"{name} said 40 soldiers were killed."
        return Article(
            text=text,
            id=article_id,
            actors=(Actor(name=name, kind=ActorKind.GOVERNMENT),),
        )

    corpus = Corpus([article("Moscow", "a"), article("Russia", "b"), article("Kyiv", "c")])
    assert sorted(len(a.members) for a in corpus.actors()) == [1, 2]


def test_two_actors_of_one_article_are_never_merged() -> None:
    text = "Russia and Moscow"
    one = Article(
        text=text,
        id="one",
        actors=(
            Actor(name="Russia", kind=ActorKind.GOVERNMENT),
            Actor(name="Moscow", kind=ActorKind.GOVERNMENT),
        ),
    )
    two = Article(
        text="Russia", id="two", actors=(Actor(name="Russia", kind=ActorKind.GOVERNMENT),)
    )
    corpus = Corpus([one, two])
    assert sorted(len(a.members) for a in corpus.actors()) == [1, 2]


# --- numeric disputes, blocking and the cap -----------------------------------------------


def count_article(
    article_id: str, speaker: str, number: int, day: int, *, deny: bool = False
) -> Article:
    content = f"{number} soldiers were killed in the attacks"
    text = f"{speaker} said {content}."
    start = len(speaker) + 6
    quantity = Quantity(
        text=str(number),
        span=Span(start=start, end=start + len(str(number))),
        hedge=Hedge.EXACT,
        low=number,
        high=number,
        counted="soldiers",
        event="killed",
    )
    claim = Claim(
        speaker="s",
        cue=Excerpt(text="said", span=Span(start=len(speaker) + 1, end=len(speaker) + 5)),
        content=Excerpt(text=content, span=Span(start=start, end=start + len(content))),
        quantities=(quantity,),
        polarity=Polarity.DENY if deny else Polarity.ASSERT,
    )
    return Article(
        text=text,
        id=article_id,
        published=datetime.date(2024, 3, 1) + datetime.timedelta(days=day),
        actors=(Actor(name=speaker, kind=ActorKind.ORGANIZATION, id="s"),),
        claims=(claim,),
    )


def test_counts_that_do_not_overlap_are_a_numeric_dispute() -> None:
    corpus = Corpus(
        [
            count_article("a", "Kestrel Labs", 40, 0),
            count_article("b", "Norvale Systems", 55, 2),
            count_article("c", "Ojo Ciudadano", 40, 1),
        ]
    )
    found = list(corpus.disputes())
    assert sorted(tuple(str(r) for r in p) for d in found for p in d.pairs()) == [
        ("a/" + corpus.article("a").claims[0].id, "b/" + corpus.article("b").claims[0].id),
        ("b/" + corpus.article("b").claims[0].id, "c/" + corpus.article("c").claims[0].id),
    ]
    assert {d.kind for d in found} == {DisputeKind.NUMERIC}
    assert found[0].point == "how many soldiers were killed"
    assert found[0].reason == (
        "counts that do not overlap: Kestrel Labs (40 soldiers killed) and Norvale Systems"
    )


def test_statements_weeks_apart_are_not_set_against_each_other() -> None:
    corpus = Corpus([count_article("a", "Kestrel", 40, 0), count_article("b", "Norvale", 55, 8)])
    assert list(corpus.disputes()) == []
    assert list(Corpus(corpus.articles, window_days=8).disputes()) != []


def crowd(size: int) -> list[Article]:
    """One hot event: many outlets, counts and denials of it on nearby days."""
    articles = []
    for i in range(size):
        articles.append(
            count_article(
                f"art-{i:03}", f"Speaker{i % 7} Group", 10 + (i * 37) % 60, i % 5, deny=i % 9 == 0
            )
        )
    return articles


def refs(disputes: Iterator[claimkit.CorpusDispute]) -> set[tuple[ClaimRef, ClaimRef]]:
    return {pair for d in disputes for pair in d.pairs()}


def test_without_cap_blocking_finds_exactly_the_all_pairs_disputes() -> None:
    corpus = Corpus(crowd(60), max_pairs_per_claim=None)
    blocked = [pair for d in corpus.disputes() for pair in d.pairs()]
    assert len(blocked) == len(set(blocked))  # each pair once
    assert set(blocked) == refs(corpus.all_pairs_disputes())
    assert len(blocked) > 100


def test_the_cap_bounds_pairs_per_claim_and_keeps_only_true_disputes() -> None:
    articles = crowd(60)
    exact = refs(Corpus(articles, max_pairs_per_claim=None).all_pairs_disputes())
    stats = DisputeStats()
    capped = list(Corpus(articles, max_pairs_per_claim=3).disputes(stats))
    assert refs(iter(capped)) < exact
    assert stats.capped_blocks > 0
    assert stats.claims == 60
    assert stats.disputes == len(capped)
    assert stats.disputing_pairs == len(refs(iter(capped)))
    assert stats.pairs_examined <= 2 * 3 * 60  # one pass for denials, one for counts


def test_disputes_are_lazy() -> None:
    corpus = Corpus(crowd(30))
    stats = DisputeStats()
    first = list(itertools.islice(corpus.disputes(stats), 1))
    assert len(first) == 1
    assert stats.disputes == 1


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="already in the corpus"):
        Corpus([Article(text="x", id="a"), Article(text="y", id="a")])
    with pytest.raises(ValueError, match="max_pairs_per_claim must be an int >= 1 or None"):
        Corpus(max_pairs_per_claim=0)
    with pytest.raises(ValueError, match="window_days must be an int >= 0"):
        Corpus(window_days=-1)
    with pytest.raises(TypeError, match="expected an Article, got str"):
        Corpus().add("article")  # type: ignore[arg-type]
