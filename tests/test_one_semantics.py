"""One meaning of "disagree": the extractor's disputes and compare() give one answer to
one question, on the cases where they used to differ."""

from __future__ import annotations

import pytest

import claimkit
from claimkit.compare import (
    CounterAccount,
    DisputedCount,
    OpposedStates,
    RefersTo,
    Relation,
    compare,
)
from claimkit.model import Article, DisputeKind


def _pair(text: str, i: int = 0, j: int = 1) -> tuple[Article, claimkit.Claim, claimkit.Claim]:
    article = claimkit.extract(text)
    return article, article.claims[i], article.claims[j]


def test_an_approximate_count_that_allows_the_other_agrees_and_is_not_disputed() -> None:
    # "about 40" allows 36 to 44: both sides count the same dead.
    article, a, b = _pair(
        "Police said about 40 people were killed. Witnesses said 43 people were killed."
    )
    assert compare(a, b, article=article).relation is Relation.AGREE
    assert article.disputes == ()


def test_police_and_officers_are_one_thing_counted_in_both() -> None:
    article, a, b = _pair(
        "The ministry said 12 police were wounded. "
        "The union said at least 40 officers were wounded."
    )
    assert compare(a, b).relation is Relation.CONTRADICT
    assert [d.kind for d in article.disputes] == [DisputeKind.NUMERIC]


def test_opposed_states_contradict_in_compare_as_in_the_article() -> None:
    article, a, b = _pair("The army said the post held. The rebels said the post was overrun.")
    result = compare(a, b)
    assert result.relation is Relation.CONTRADICT
    assert result.reason(OpposedStates) == OpposedStates(states=("held", "overrun or abandoned"))
    assert [d.kind for d in article.disputes] == [DisputeKind.CONTRADICTION]


def test_a_count_said_to_be_off_contradicts_the_count() -> None:
    article, a, b = _pair(
        "The ministry said 12 people were killed. "
        "The charity said the toll was far higher than official figures."
    )
    assert compare(a, b).reason(DisputedCount) == DisputedCount(event="killed")
    assert [d.kind for d in article.disputes] == [DisputeKind.NUMERIC]


TEXT = (
    "Kyrgyz officials said Tajik troops had opened fire on a Kyrgyz patrol. "
    "Dushanbe rejected that version. "
    "It said the patrol had crossed into Tajik territory."
)


@pytest.mark.parametrize(
    ("j", "reason"), [(1, RefersTo()), (2, CounterAccount())], ids=["denial", "counter"]
)
def test_what_a_denial_refers_to_is_read_from_the_article(j: int, reason: object) -> None:
    article, a, b = _pair(TEXT, 0, j)
    # Alone the two claims share nothing; in their article one answers the other.
    assert compare(a, b).relation is Relation.UNRELATED
    result = compare(a, b, article=article)
    assert result.relation is Relation.CONTRADICT
    assert reason in result.reasons
    assert compare(b, a, article=article) == result


def test_claims_of_another_article_get_no_reference_from_it() -> None:
    _, a, b = _pair(TEXT, 0, 1)
    other = claimkit.extract("Police said two people were hurt.")
    assert compare(a, b, article=other).relation is Relation.UNRELATED


def test_one_identity_rule_with_the_mentions_of_one_text() -> None:
    # Evaluation pairs a gold actor with an extracted one through identity.same_actor:
    # in one text, overlapping mentions make them one entity, whatever their names.
    span = claimkit.Span(start=0, end=8)
    gold = claimkit.Actor(name="Malian armed forces", kind=claimkit.ActorKind.MILITARY,
                          mentions=(span,))  # fmt: skip
    found = claimkit.Actor(name="the army", kind=claimkit.ActorKind.MILITARY, mentions=(span,))
    assert not claimkit.same_actor(gold, found).same
    match = claimkit.same_actor(gold, found, same_text=True)
    assert match.same
    assert match.reasons == (claimkit.MatchReason.SAME_MENTION,)
