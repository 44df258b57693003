"""Comparing quantities, actors and claims: exact results on hand-built examples and the seed."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import claimkit
from claimkit import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Excerpt,
    Hedge,
    Indeterminate,
    MatchReason,
    Outcome,
    Polarity,
    Quantity,
    QuantityComparison,
    Relation,
    Span,
    compare,
    compare_quantities,
    same_actor,
)
from claimkit.compare import (
    NumericGap,
    NumericOverlap,
    OppositePolarity,
    SameEventKind,
    SameSpeaker,
    SharedWords,
    counted_class,
    interval,
)
from claimkit.identity import name_key

SEED = Path(__file__).resolve().parents[1] / "seeds" / "idlib-2020-01-24.txt"


def q(
    text: str,
    hedge: Hedge,
    low: float | None = None,
    high: float | None = None,
    counted: str | None = "Syrian soldiers",
    event: str | None = "killed",
) -> Quantity:
    return Quantity(
        text=text,
        span=Span(start=0, end=len(text)),
        hedge=hedge,
        low=low,
        high=high,
        counted=counted,
        event=event,
    )


UP_TO_40 = q("up to 40", Hedge.UP_TO, high=40)
UP_TO_50 = q("up to 50", Hedge.UP_TO, high=50)
FIFTY = q("50", Hedge.EXACT, 50, 50)
HUNDREDS = q("hundreds of", Hedge.VAGUE, low=200)
ABOUT_40 = q("about 40", Hedge.APPROXIMATE, 40, 40)
AT_LEAST_30 = q("at least 30", Hedge.AT_LEAST, low=30)


# --- quantities ---------------------------------------------------------------------------


def test_up_to_40_and_50_are_inconsistent_by_10() -> None:
    assert compare_quantities(UP_TO_40, FIFTY) == QuantityComparison(
        outcome=Outcome.INCONSISTENT,
        texts=("50", "up to 40"),
        gap=10.0,
        event="killed",
        counted="soldiers",
    )


def test_up_to_50_and_hundreds_are_inconsistent_by_150() -> None:
    result = compare_quantities(UP_TO_50, HUNDREDS)
    assert (result.outcome, result.gap, result.overlap) == (Outcome.INCONSISTENT, 150.0, None)


def test_about_40_and_at_least_30_are_consistent() -> None:
    result = compare_quantities(ABOUT_40, AT_LEAST_30)
    assert result.outcome is Outcome.CONSISTENT
    assert result.overlap == (36.0, 44.0)
    assert result.gap is None


def test_about_widens_by_ten_percent_but_exact_does_not() -> None:
    assert interval(ABOUT_40) == (36.0, 44.0)
    assert compare_quantities(ABOUT_40, q("43", Hedge.EXACT, 43, 43)).outcome is Outcome.CONSISTENT
    forty = q("40", Hedge.EXACT, 40, 40)
    assert compare_quantities(forty, q("43", Hedge.EXACT, 43, 43)).gap == 3.0


def test_up_to_40_and_up_to_50_overlap_below_40() -> None:
    result = compare_quantities(UP_TO_40, UP_TO_50)
    assert (result.outcome, result.overlap) == (Outcome.CONSISTENT, (0.0, 40.0))


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (q("up to 40", Hedge.UP_TO, high=40, event="wounded"), Indeterminate.DIFFERENT_EVENT),
        (q("50", Hedge.EXACT, 50, 50, counted="settlements"), Indeterminate.DIFFERENT_COUNTED),
        (q("scores", Hedge.UNPARSED), Indeterminate.UNPARSED),
    ],
)
def test_indeterminate(other: Quantity, why: Indeterminate) -> None:
    result = compare_quantities(FIFTY, other)
    assert (result.outcome, result.indeterminate, result.gap) == (
        Outcome.INDETERMINATE,
        why,
        None,
    )


def test_an_unstated_event_or_thing_counted_matches_any() -> None:
    bare = q("60", Hedge.EXACT, 60, 60, counted=None, event=None)
    result = compare_quantities(UP_TO_40, bare)
    assert (result.outcome, result.gap, result.event, result.counted) == (
        Outcome.INCONSISTENT,
        20.0,
        "killed",
        "soldiers",
    )


@pytest.mark.parametrize(
    ("counted", "expected"),
    [
        ("Syrian soldiers", "soldiers"),
        ("troops", "soldiers"),
        ("terrorists", "fighters"),
        ("attackers", "fighters"),
        ("Taliban members", "fighters"),
        ("army members", "soldiers"),
        ("crew members", "people"),
        ("settlements", "settlement"),
        (None, None),
    ],
)
def test_counted_class(counted: str | None, expected: str | None) -> None:
    assert counted_class(counted) == expected


# --- actors -------------------------------------------------------------------------------

GOV = ActorKind.GOVERNMENT


def test_moscow_is_russia() -> None:
    match = same_actor(Actor(name="Russia", kind=GOV), Actor(name="Moscow", kind=GOV))
    assert match == claimkit.ActorMatch(
        same=True, confidence=0.9, reasons=(MatchReason.COUNTRY,), names=("Moscow", "Russia")
    )


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("Russia's Foreign Ministry", "Russian Foreign Ministry", MatchReason.POSSESSIVE),
        ("the Russian government", "Russia", MatchReason.COUNTRY),
        ("RUSSIA", "Russia", MatchReason.SAME_NAME),
        ("Ministère des Armées", "ministere des armees", MatchReason.SAME_NAME),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov", MatchReason.TITLE),
    ],
)
def test_same_actor_through_normalisation(a: str, b: str, reason: MatchReason) -> None:
    kind = ActorKind.PERSON if "Lavrov" in a else GOV
    match = same_actor(Actor(name=a, kind=kind), Actor(name=b, kind=kind))
    assert (match.same, match.reasons) == (True, (reason,))


def test_a_ministry_is_not_its_country() -> None:
    match = same_actor(
        Actor(name="Russian Foreign Ministry", kind=GOV), Actor(name="Russia", kind=GOV)
    )
    assert match == claimkit.ActorMatch(
        same=False, confidence=0.0, reasons=(MatchReason.SAME_COUNTRY,)
    )


def test_a_surname_names_a_person_but_not_an_organisation() -> None:
    person = same_actor(
        Actor(name="Naji al-Mustafa", kind=ActorKind.PERSON),
        Actor(name="Mustafa", kind=ActorKind.PERSON),
    )
    assert (person.same, person.confidence, person.reasons) == (
        True,
        0.6,
        (MatchReason.SURNAME,),
    )
    ministry = same_actor(
        Actor(name="Foreign Ministry", kind=GOV), Actor(name="Ministry", kind=GOV)
    )
    assert not ministry.same


def test_kinds_that_cannot_be_one_entity_lower_the_confidence() -> None:
    match = same_actor(Actor(name="Jordan", kind=GOV), Actor(name="Jordan", kind=ActorKind.PERSON))
    assert (match.same, match.confidence, match.reasons) == (
        True,
        0.7,
        (MatchReason.SAME_NAME, MatchReason.KIND_MISMATCH),
    )


def test_name_key() -> None:
    assert name_key("Moscow") == name_key("Russia") == name_key("Russia's")
    assert name_key("Russia's Foreign Ministry").rest == "foreign ministry"
    assert name_key("Foreign Ministry").rest == "foreign ministry"  # no person: titles stay


# --- claims -------------------------------------------------------------------------------

TEXT = (
    "The ministry said militants killed up to 40 soldiers in attacks. "
    "The rebels denied that any attack took place. "
    "Witnesses said 50 soldiers were killed in the attacks."
)


def excerpt(part: str) -> Excerpt:
    start = TEXT.index(part)
    return Excerpt(text=part, span=Span(start=start, end=start + len(part)))


def claim(speaker: str, cue: str, content: str, *quantities: Quantity, deny: bool = False) -> Claim:
    found = tuple(
        Quantity(
            text=x.text,
            span=Span(
                start=TEXT.index(x.text, TEXT.index(content)),
                end=TEXT.index(x.text, TEXT.index(content)) + len(x.text),
            ),
            hedge=x.hedge,
            low=x.low,
            high=x.high,
            counted=x.counted,
            event=x.event,
        )
        for x in quantities
    )
    return Claim(
        speaker=speaker,
        cue=excerpt(cue),
        content=excerpt(content),
        polarity=Polarity.DENY if deny else Polarity.ASSERT,
        quantities=found,
    )


MINISTRY = claim("ministry", "said", "militants killed up to 40 soldiers in attacks", UP_TO_40)
REBELS = claim("rebels", "denied", "that any attack took place", deny=True)
WITNESSES = claim(
    "witnesses",
    "said",
    "50 soldiers were killed in the attacks",
    q("50", Hedge.EXACT, 50, 50, counted="soldiers"),
)


def test_a_denial_contradicts_the_claim_it_denies() -> None:
    result = compare(MINISTRY, REBELS)
    assert result.relation is Relation.CONTRADICT
    # "attacks" and "attack" share their stem.
    assert result.reasons == (
        OppositePolarity(),
        SameEventKind(kinds=("attacked",)),
        SharedWords(words=("attack",), similarity=0.25),
    )
    assert result.score == 0.287


def test_counts_that_cannot_both_hold_contradict() -> None:
    result = compare(MINISTRY, WITNESSES)
    assert result.relation is Relation.CONTRADICT
    gaps = [r for r in result.reasons if isinstance(r, NumericGap)]
    assert gaps == [
        NumericGap(event="killed", counted="soldiers", texts=("50", "up to 40"), gap=10.0)
    ]


def test_counts_that_overlap_agree() -> None:
    lower = claim(
        "witnesses",
        "said",
        "50 soldiers were killed in the attacks",
        q("50", Hedge.EXACT, 30, 30, counted="soldiers"),
    )
    result = compare(MINISTRY, lower)
    assert result.relation is Relation.AGREE
    assert result.reason(NumericOverlap) == NumericOverlap(
        event="killed", counted="soldiers", texts=("50", "up to 40"), overlap=(30.0, 30.0)
    )


def test_same_speaker_is_a_reason_and_never_changes_the_relation() -> None:
    again = claim("ministry", "said", "50 soldiers were killed in the attacks")
    result = compare(MINISTRY, again)
    assert result.reason(SameSpeaker) == SameSpeaker(speaker="ministry")
    other = compare(MINISTRY, claim("witnesses", "said", "50 soldiers were killed in the attacks"))
    assert result.relation is other.relation is Relation.AGREE  # 3 of 4 content words shared
    assert result.score == pytest.approx(other.score + 0.1)


def test_claims_about_different_things_are_unrelated() -> None:
    text = "Russia said the envoy will visit Moscow on Friday."
    visit = Claim(
        speaker="russia",
        cue=Excerpt(text="said", span=Span(start=7, end=11)),
        content=Excerpt(text=text[12:-1], span=Span(start=12, end=len(text) - 1)),
        polarity=Polarity.DENY,
    )
    assert compare(MINISTRY, visit).relation is Relation.UNRELATED


# --- the seed -----------------------------------------------------------------------------


@functools.cache
def seed() -> Article:
    text = SEED.read_text(encoding="utf-8")
    body = text.split("2020-01-24", 1)[1].strip()
    import datetime

    return claimkit.extract(Article(text=body), published=datetime.date(2020, 1, 24))


def seed_claim(part: str) -> Claim:
    article = seed()
    found = [c for c in article.claims if part in c.content.text]
    assert len(found) == 1, [c.content.text for c in article.claims]
    return found[0]


def test_seed_denial_contradicts_the_ministry_attack_claim() -> None:
    ministry = seed_claim("hundreds of Syrian terrorists have launched attacks")
    denial = seed_claim("no such assault")
    assert seed().speaker_of(denial).name == "Naji al-Mustafa"
    assert seed().speaker_of(ministry).name == "Russian Defense Ministry"
    result = compare(ministry, denial)
    assert result.relation is Relation.CONTRADICT
    assert OppositePolarity() in result.reasons
    assert SameEventKind(kinds=("attacked",)) in result.reasons


def test_seed_moscow_and_russia_are_one_actor_and_not_the_foreign_ministry() -> None:
    article = seed()
    russia = next(a for a in article.actors if a.name == "Russia")
    assert "Moscow" in russia.aliases
    moscow = Actor(name="Moscow", kind=GOV)
    assert same_actor(russia, moscow).same
    ministry = next(a for a in article.actors if a.name == "Russian Foreign Ministry")
    assert not same_actor(russia, ministry).same
    assert same_actor(ministry, Actor(name="Russia's Foreign Ministry", kind=GOV)).same


def test_seed_the_two_parties_of_a_dispute_are_never_the_same() -> None:
    article = seed()
    russia = next(a for a in article.actors if a.name == "Russia")
    spokesman = next(a for a in article.actors if a.name == "Naji al-Mustafa")
    renamed = Actor(name="Russia", kind=spokesman.kind, id=spokesman.id)
    assert same_actor(russia, renamed).same
    assert same_actor(russia, renamed, article=article) == claimkit.ActorMatch(
        same=False, confidence=0.0, reasons=(MatchReason.DISPUTE_PARTIES,)
    )
