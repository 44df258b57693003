"""The strategies keep their promises: bounds, validity, and argument checks."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import textwrap
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from claimkit import (
    Actor,
    Article,
    Claim,
    Excerpt,
    Hedge,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)
from claimkit.strategies import (
    actors,
    articles,
    claims,
    disputes,
    excerpts,
    quantities,
    spans,
    texts,
    time_refs,
)

BOUNDS = st.tuples(st.integers(0, 3), st.integers(0, 3)).map(sorted)


@given(st.data(), BOUNDS, st.integers(0, 4), st.integers(0, 2))
def test_articles_respect_their_bounds(
    data: st.DataObject, actor_bounds: list[int], max_claims: int, max_disputes: int
) -> None:
    min_actors, max_actors = actor_bounds
    min_claims = data.draw(st.integers(0, max_claims)) if max_actors else 0
    article = data.draw(
        articles(
            min_actors=min_actors,
            max_actors=max_actors,
            min_claims=min_claims,
            max_claims=max_claims,
            max_disputes=max_disputes,
        )
    )
    assert min_actors <= len(article.actors) <= max_actors
    assert min_claims <= len(article.claims) <= max_claims
    assert len(article.disputes) <= max_disputes


@given(articles(min_claims=1))
def test_claims_are_spoken_by_the_articles_actors(article: Article) -> None:
    actor_ids = {a.id for a in article.actors}
    assert len(actor_ids) == len(article.actors)
    assert {c.speaker for c in article.claims} <= actor_ids
    assert len({c.id for c in article.claims}) == len(article.claims)


@given(articles(min_actors=2, min_claims=2, max_disputes=3))
def test_disputes_are_between_two_speakers_or_more(article: Article) -> None:
    speakers = {c.id: c.speaker for c in article.claims}
    for dispute in article.disputes:
        assert len({speakers[p.claim] for p in dispute.positions}) >= 2


@given(articles(text=st.just("Russia said so.")))
def test_articles_use_the_given_text(article: Article) -> None:
    assert article.text == "Russia said so."
    for claim in article.claims:
        assert claim.cue.span.of(article.text) == claim.cue.text


#: Finding an example is enough; shrinking it would only cost time.
FIND = settings(phases=[Phase.generate], max_examples=500, database=None)


def test_articles_have_disputes_sometimes() -> None:
    found = find(articles(), lambda a: len(a.disputes) > 0, settings=FIND)
    assert found.disputes


def test_text_is_non_ascii_sometimes() -> None:
    assert not find(texts(), lambda t: not t.isascii(), settings=FIND).isascii()


@given(st.integers(0, 50), st.integers(0, 50), st.data())
def test_texts_respect_their_bounds(low: int, extra: int, data: st.DataObject) -> None:
    text = data.draw(texts(min_size=low, max_size=low + extra))
    assert low <= len(text) <= low + extra


@given(st.integers(0, 30), st.data())
def test_spans_lie_in_the_text(text_length: int, data: st.DataObject) -> None:
    min_length = data.draw(st.integers(0, text_length))
    span = data.draw(spans(text_length=text_length, min_length=min_length))
    assert 0 <= span.start <= span.end <= text_length
    assert len(span) >= min_length


@given(st.integers(0, 5), st.integers(0, 5), st.data())
def test_spans_respect_their_length_bounds(low: int, extra: int, data: st.DataObject) -> None:
    span = data.draw(spans(min_length=low, max_length=low + extra))
    assert low <= len(span) <= low + extra


@given(st.text(min_size=1), st.data())
def test_excerpts_and_quantities_and_times_are_slices_of_the_text(
    text: str, data: st.DataObject
) -> None:
    excerpt = data.draw(excerpts(text=text))
    quantity = data.draw(quantities(text=text))
    when = data.draw(time_refs(text=text))
    for item in (excerpt, quantity, when):
        assert item.span.of(text) == item.text
        assert item.span.end <= len(text)


@given(st.sampled_from(Hedge), st.data())
def test_quantities_respect_their_hedge(hedge: Hedge, data: st.DataObject) -> None:
    quantity: Quantity = data.draw(quantities(hedges=[hedge]))
    assert quantity.hedge is hedge
    if quantity.low is not None and quantity.high is not None:
        assert quantity.low <= quantity.high
    if hedge is Hedge.EXACT:
        assert quantity.low == quantity.high is not None
    if hedge is Hedge.UNPARSED:
        assert quantity.interval is None
    if hedge is Hedge.RANGE:  # both bounds stated, in order
        assert quantity.low is not None
        assert quantity.high is not None
        assert quantity.low <= quantity.high


@given(st.sampled_from(TimePrecision), st.data())
def test_time_refs_respect_their_precision(precision: TimePrecision, data: st.DataObject) -> None:
    low, high = datetime.date(2020, 1, 1), datetime.date(2020, 1, 31)
    when: TimeRef = data.draw(time_refs(precisions=[precision], min_date=low, max_date=high))
    assert when.precision is precision
    if precision is TimePrecision.UNRESOLVED:
        assert when.start is None
        assert when.end is None
    else:
        assert when.start is not None
        assert when.end is not None
        assert low <= when.start <= when.end <= high
        assert (when.start == when.end) is (precision is TimePrecision.DAY)


@given(st.text(min_size=1), st.data())
def test_actor_mentions_read_as_a_name(text: str, data: st.DataObject) -> None:
    actor: Actor = data.draw(actors(text=text, max_mentions=3, max_aliases=0))
    assert len(actor.mentions) <= 3
    names = {n.casefold() for n in actor.names}
    assert all(m.of(text).casefold() in names for m in actor.mentions)


@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, unique=True), st.data())
def test_claims_take_their_speakers_from_the_list(speakers: list[str], data: st.DataObject) -> None:
    claim: Claim = data.draw(claims(text="Russia said so.", speakers=speakers, max_quantities=1))
    assert claim.speaker in speakers
    assert len(claim.quantities) <= 1


@given(st.data())
def test_disputes_pick_claims_of_two_speakers(data: st.DataObject) -> None:
    pool = [
        attrs.evolve(
            data.draw(claims(text="Russia said so. NLF denied it.", speakers=[speaker])),
            id=f"c{i}",
        )
        for i, speaker in enumerate(("russia", "nlf", "nlf"))
    ]
    dispute = data.draw(disputes(claims=pool, max_positions=3))
    by_id = {c.id: c.speaker for c in pool}
    assert 2 <= len(dispute.positions) <= 3
    assert {by_id[p.claim] for p in dispute.positions} == {"russia", "nlf"}
    assert all(isinstance(p.stance, Stance) for p in dispute.positions)


CLAIM = Claim(
    speaker="a",
    cue=Excerpt(text="said", span=Span(start=0, end=4)),
    content=Excerpt(text="", span=Span(start=4, end=4)),
    id="c1",
)


@pytest.mark.parametrize(
    ("make", "kwargs", "message"),
    [
        (articles, {"min_actors": 3, "max_actors": 2}, "max_actors (2) < min_actors (3)"),
        (articles, {"min_claims": 5, "max_claims": 1}, "max_claims (1) < min_claims (5)"),
        (articles, {"max_actors": 0, "min_actors": 0, "min_claims": 1}, "pass max_actors >= 1"),
        (articles, {"max_disputes": -1}, "max_disputes must be >= 0, got -1"),
        (texts, {"min_size": 10, "max_size": 3}, "max_size (3) < min_size (10)"),
        (spans, {"text_length": 2, "min_length": 3}, "text_length (2) < min_length (3)"),
        (spans, {"min_length": -1}, "min_length must be >= 0"),
        (quantities, {"text": ""}, "need a text of at least 1 character(s), got 0"),
        (quantities, {"hedges": []}, "hedges is empty"),
        (time_refs, {"precisions": []}, "precisions is empty"),
        (
            time_refs,
            {"min_date": datetime.date(2020, 1, 2), "max_date": datetime.date(2020, 1, 1)},
            "max_date (2020-01-01) < min_date (2020-01-02)",
        ),
        (claims, {"speakers": []}, "speakers is empty"),
        (disputes, {"max_positions": 1}, "pass max_positions >= 2, got 1"),
        (disputes, {"claims": []}, "at least two different speakers"),
        (disputes, {"claims": [CLAIM, attrs.evolve(CLAIM, speaker="b")]}, "unique ids"),
    ],
)
def test_bad_arguments_fail_early_and_say_how_to_fix(
    make: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        make(**kwargs)


FROM_TYPE_SCRIPT = textwrap.dedent(
    """
    from hypothesis import HealthCheck, given, settings, strategies as st
    from claimkit import Article, Claim, Dispute, to_json
    from claimkit.serialize import validate_json

    seen = []

    # What is checked is where the strategies come from, not how fast they draw: on a
    # loaded machine the draw of whole articles trips the "too slow" check.
    @settings(
        max_examples=20,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.from_type(Article), st.from_type(Claim), st.from_type(Dispute))
    def check(article, claim, dispute):
        assert type(article) is Article
        assert validate_json(to_json(article)) == []
        assert validate_json(to_json(claim), Claim) == []
        assert validate_json(to_json(dispute), Dispute) == []
        seen.append(article)

    check()
    print(len(seen))
    """
)


def test_from_type_yields_valid_objects_through_the_entry_point() -> None:
    # A fresh interpreter: the strategies must come from the entry point alone.
    result = subprocess.run(
        [sys.executable, "-c", FROM_TYPE_SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == 20
