"""A corpus of articles: actors merged across articles, disputes between articles."""

from __future__ import annotations

import collections
import datetime
import functools
from collections.abc import Iterable
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
)
from claimkit.corpus import (
    ClaimRecord,
    CorpusError,
    DisputeStats,
    EventDispute,
    claim_records,
    event_disputes,
)
from claimkit.serialize import iter_jsonl, to_json

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


def same_event_pairs(corpus: Corpus) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """The all-pairs reference, restricted to pairs whose claims are about one event."""
    event = {(r.article, r.claim): r.event for a in corpus.articles for r in claim_records(a)}
    found = set()
    for dispute in corpus.all_pairs_disputes():
        for a, b in dispute.pairs():
            x, y = (a.article, a.claim), (b.article, b.claim)
            if event.get(x) is not None and event.get(x) == event.get(y):
                found.add((x, y))
    return found


def derived_pairs(
    disputes: Iterable[EventDispute],
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    return [pair for d in disputes for pair in d.pairs()]


def test_a_spokesman_in_one_outlet_denies_a_ministry_claim_in_another() -> None:
    corpus = Corpus([outlet("outlet-b", REBEL_SIDE), outlet("outlet-a", MINISTRY_SIDE)])
    found = list(corpus.disputes())
    assert found, "no dispute across the two outlets"
    article_a, article_b = corpus.article("outlet-a"), corpus.article("outlet-b")
    attack = next(c for c in article_a.claims if "have launched attacks" in c.content.text)
    assault = next(c for c in article_b.claims if "no such assault" in c.content.text)
    pairs = derived_pairs(found)
    assert (("outlet-a", attack.id), ("outlet-b", assault.id)) in pairs
    dispute = next(d for d in found if d.event.kind == "attacked")
    assert dispute.event.place == "idlib"
    assert {k.kind for k in dispute.conflicts} == {DisputeKind.DENIAL}
    for (art_a, claim_a), (art_b, claim_b) in pairs:
        a, b = ClaimRef(article=art_a, claim=claim_a), ClaimRef(article=art_b, claim=claim_b)
        assert corpus.compare(a, b).relation is Relation.CONTRADICT
        assert a.article != b.article
    assert set(pairs) == same_event_pairs(corpus)


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


# --- events, positions and the law ----------------------------------------------------------

PERIOD_START = datetime.date(2024, 3, 3)  # the first day of a period of 7 days


def count_article(
    article_id: str,
    speaker: str,
    number: int,
    day: int,
    *,
    deny: bool = False,
    town: str = "Sarmin",
    source: str | None = None,
) -> Article:
    content = f"{number} soldiers were killed in the attacks in {town}"
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
        quantities=() if deny else (quantity,),
        polarity=Polarity.DENY if deny else Polarity.ASSERT,
    )
    return Article(
        text=text,
        id=article_id,
        source=source,
        published=PERIOD_START + datetime.timedelta(days=day),
        actors=(Actor(name=speaker, kind=ActorKind.ORGANIZATION, id="s"),),
        claims=(claim,),
    )


def test_counts_that_do_not_overlap_are_a_numeric_dispute() -> None:
    corpus = Corpus(
        [
            count_article("a", "Kestrel Labs", 40, 0, source="Kestrel Wire"),
            count_article("b", "Norvale Systems", 55, 2),
            count_article("c", "Ojo Ciudadano", 40, 1),
        ]
    )
    (dispute,) = corpus.disputes()
    assert str(dispute.event) == "killed in sarmin, from 2024-03-03"
    assert [p.account for p in dispute.positions] == [
        "40 soldiers killed",
        "55 soldiers killed",
    ]
    assert [[(c.article, c.source) for c in p.claims] for p in dispute.positions] == [
        [("a", "Kestrel Wire"), ("c", None)],
        [("b", None)],
    ]
    (conflict,) = dispute.conflicts
    assert conflict.kind is DisputeKind.NUMERIC
    assert conflict.positions == (0, 1)
    assert conflict.pairs == 2 == dispute.disputing_pairs
    assert conflict.reason == (
        "counts that do not overlap: 40 soldiers killed (2) against 55 soldiers killed (1)"
    )
    assert sorted(derived_pairs([dispute])) == [
        (("a", corpus.article("a").claims[0].id), ("b", corpus.article("b").claims[0].id)),
        (("b", corpus.article("b").claims[0].id), ("c", corpus.article("c").claims[0].id)),
    ]


def test_the_same_kind_and_week_in_another_town_is_another_event() -> None:
    articles = [
        count_article("a", "Kestrel Labs", 40, 0, town="Sarmin"),
        count_article("b", "Norvale Systems", 55, 1, town="Tarnak"),
        count_article("c", "Ojo Ciudadano", 70, 2, town="Tarnak"),
        count_article("d", "Vessel Group", 0, 3, town="Sarmin", deny=True),
    ]
    found = list(Corpus(articles).disputes())
    places = sorted((d.event.place, [c.kind.value for c in d.conflicts]) for d in found)
    assert places == [("sarmin", ["denial"]), ("tarnak", ["numeric"])]
    # The reference sets the towns against each other; the events do not.
    corpus = Corpus(articles)
    every = {pair for d in corpus.all_pairs_disputes() for pair in d.pairs()}
    assert len(every) == 6
    assert len(derived_pairs(found)) == 2 == len(same_event_pairs(corpus))


def test_statements_in_different_periods_are_different_events() -> None:
    corpus = Corpus([count_article("a", "Kestrel", 40, 0), count_article("b", "Norvale", 55, 8)])
    assert list(corpus.disputes()) == []


def crowd(size: int) -> list[Article]:
    """One hot event: many outlets, counts and denials of it on nearby days, some of it
    in another town, and a few outlets quoting one side twice."""
    return [
        count_article(
            f"art-{i:03}",
            f"Speaker{i % 7} Group",
            10 + (i * 37) % 60,
            i % 5,
            deny=i % 9 == 0,
            town="Tarnak" if i % 11 == 0 else "Sarmin",
        )
        for i in range(size)
    ]


def test_positions_give_every_pair_of_the_reference_within_events() -> None:
    corpus = Corpus(crowd(80))
    found = list(corpus.disputes())
    pairs = derived_pairs(found)
    assert len(pairs) == len(set(pairs))  # each pair once
    assert set(pairs) == same_event_pairs(corpus)
    assert len(pairs) > 1000
    assert sum(d.disputing_pairs for d in found) == len(pairs)
    # A few positions stand for thousands of pairs: one per distinct account.
    hot = max(found, key=lambda d: d.disputing_pairs)
    accounts = {(p.polarity, p.account) for p in hot.positions}
    assert len(accounts) == len(hot.positions) < 80


def test_claims_of_one_side_are_never_set_against_each_other() -> None:
    corpus = Corpus(
        [
            count_article("a", "Kestrel Labs", 40, 0),
            count_article("b", "Kestrel Labs", 55, 1),
            count_article("c", "Norvale Systems", 40, 2),
        ]
    )
    (dispute,) = corpus.disputes()
    assert sorted(derived_pairs([dispute])) == [
        (("b", corpus.article("b").claims[0].id), ("c", corpus.article("c").claims[0].id))
    ]
    assert dispute.disputing_pairs == 1


def test_the_stream_spilled_to_disk_gives_the_disputes_held_in_memory(tmp_path: Path) -> None:
    articles = crowd(60)
    held = list(Corpus(articles).disputes())
    stats = DisputeStats()
    spilled = list(
        event_disputes(reversed(articles), directory=tmp_path, partitions=3, stats=stats)
    )
    assert sorted(spilled, key=lambda d: repr(d.event)) == sorted(held, key=lambda d: repr(d.event))
    assert list(tmp_path.iterdir()) == []  # the spill is removed
    assert stats.articles == stats.claims == stats.claims_with_event == 60
    assert stats.disputes == len(held)
    assert stats.disputing_pairs == len(derived_pairs(held))
    sizes = collections.Counter(r.event for a in articles for r in claim_records(a))
    assert stats.largest_event == max(sizes.values())
    assert stats.events == len(sizes)


def test_the_stream_reads_json_lines_lazily(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"".join(to_json(a) + b"\n" for a in crowd(30)))
    stats = DisputeStats()
    with path.open("rb") as stream:
        disputes = event_disputes(iter_jsonl(stream, source=str(path)), stats=stats)
        assert stats.articles == 0  # nothing is read before the first dispute is asked for
        first = next(disputes)
        assert stats.articles == 30
        disputes.close()
    assert first == next(iter(Corpus(crowd(30)).disputes()))


def test_disputes_are_the_same_whatever_the_order_of_articles() -> None:
    articles = crowd(40)
    assert list(Corpus(articles).disputes()) == list(Corpus(articles[::-1]).disputes())


def test_bad_input_to_the_stream() -> None:
    with pytest.raises(CorpusError, match="expected an Article, got str"):
        list(event_disputes(["article"]))  # type: ignore[list-item]
    twice = [count_article("a", "Kestrel", 40, 0), count_article("a", "Kestrel", 40, 0)]
    with pytest.raises(CorpusError, match=r"claim '.*' of article 'a' is given twice"):
        list(event_disputes(twice))
    with pytest.raises(ValueError, match="partitions must be an int >= 1"):
        list(event_disputes([], partitions=0))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="already in the corpus"):
        Corpus([Article(text="x", id="a"), Article(text="y", id="a")])
    with pytest.raises(ValueError, match="window_days must be an int >= 0"):
        Corpus(window_days=-1)
    with pytest.raises(TypeError, match="expected an Article, got str"):
        Corpus().add("article")  # type: ignore[arg-type]


def test_a_big_partition_is_read_back_in_ranges_of_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimkit.corpus import stream

    articles = [
        count_article(f"w{i:03}", f"Speaker{i % 9} Group", 10 + i % 4, i % 7 + 7 * (i % 5), town=t)
        for i in range(120)
        for t in ["Sarmin", "Tarnak", "Kafr Nabl"][i % 3 : i % 3 + 1]
    ]
    held = list(event_disputes(articles, spill=False, partitions=2))
    assert held
    read: list[int] = []
    reader = stream._read_partition

    def counting(path: Path) -> dict[object, list[ClaimRecord]]:
        groups = reader(path)
        read.append(sum(len(records) for records in groups.values()))
        return groups  # type: ignore[return-value]

    monkeypatch.setattr(stream, "HOLD_AT", 6)
    monkeypatch.setattr(stream, "_read_partition", counting)
    spilled = list(event_disputes(articles, directory=tmp_path, partitions=2))
    assert spilled == held  # the same disputes in the same order
    assert list(tmp_path.iterdir()) == []
    sizes = collections.Counter(r.event for a in articles for r in claim_records(a))
    assert len(read) > 2  # the two partitions were read in ranges
    assert max(read) <= max(6, *sizes.values())
    assert sum(read) == sum(sizes.values())
