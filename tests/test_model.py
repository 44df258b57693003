"""Constructor invariants: each one, with its exact path and message."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from claimkit import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Position,
    Problem,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
    ValidationError,
    from_json,
    to_dict,
    to_json,
)
from claimkit.model import accounts_of, derived_id

TEXT = "Russia said up to 40 soldiers died. The NLF denied it."
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901234


def problems_of(make: Any, **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        make(**kwargs)
    return [(p.path, p.message) for p in error.value.problems]


def excerpt(start: int, end: int) -> Excerpt:
    return Excerpt(text=TEXT[start:end], span=Span(start=start, end=end))


RUSSIA = Actor(name="Russia", kind=ActorKind.GOVERNMENT, mentions=(Span(start=0, end=6),))
NLF = Actor(
    name="National Liberation Front", kind=ActorKind.ARMED_GROUP, aliases=("the NLF",), id="nlf"
)
SAID = Claim(speaker="russia", cue=excerpt(7, 11), content=excerpt(12, 34), id="c1")
DENIED = Claim(speaker="nlf", cue=excerpt(44, 50), content=excerpt(51, 53), id="c2")
DISPUTE = Dispute(
    kind=DisputeKind.DENIAL,
    point="40 soldiers died",
    positions=(
        Position(claim="c1", stance=Stance.AFFIRMS),
        Position(claim="c2", stance=Stance.DENIES),
    ),
)
ARTICLE = Article(text=TEXT, actors=(RUSSIA, NLF), claims=(SAID, DENIED), disputes=(DISPUTE,))


def test_the_example_article_is_valid() -> None:
    assert len(TEXT) == 54
    assert TEXT[7:11] == "said"
    assert TEXT[12:34] == "up to 40 soldiers died"
    assert TEXT[44:50] == "denied"
    assert ARTICLE.speaker_of(DENIED) is NLF
    assert DISPUTE.disagreeing_pairs() == (("c1", "c2"),)


# --- one object at a time --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"start": "3", "end": 5}, [("$.start", "expected an int, got str")]),
        ({"start": 0, "end": True}, [("$.end", "expected an int, got bool")]),
        ({"start": -1, "end": 5}, [("$.start", "must be >= 0, got -1")]),
        ({"start": 5, "end": 4}, [("$.end", "must be >= start (5), got 4")]),
    ],
)
def test_span_invariants(kwargs: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert problems_of(Span, **kwargs) == expected


def test_excerpt_length_must_match_its_span() -> None:
    assert problems_of(Excerpt, text="said", span=Span(start=7, end=12)) == [
        ("$.span", "covers 5 characters but the text has 4")
    ]


def test_excerpt_text_must_be_a_string() -> None:
    assert problems_of(Excerpt, text=None, span=Span(start=0, end=0)) == [
        ("$.text", "expected a string, got NoneType")
    ]


def quantity(**changes: Any) -> Quantity:
    fields: dict[str, Any] = {"text": "up to 40", "span": Span(start=12, end=20)}
    fields.update(changes)
    return Quantity(**fields)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"hedge": Hedge.UP_TO, "low": 1, "high": 40},
            ("$.hedge", "'up_to' needs high and no low"),
        ),
        ({"hedge": Hedge.AT_LEAST, "high": 40}, ("$.hedge", "'at_least' needs low and no high")),
        ({"hedge": Hedge.EXACT, "low": 40}, ("$.hedge", "'exact' needs both low and high")),
        (
            {"hedge": Hedge.APPROXIMATE, "high": 4},
            ("$.hedge", "'approximate' needs both low and high"),
        ),
        ({"hedge": Hedge.VAGUE}, ("$.hedge", "'vague' needs low")),
        ({"hedge": Hedge.RANGE, "low": 30}, ("$.hedge", "'range' needs both low and high")),
        ({"hedge": Hedge.RANGE, "high": 40}, ("$.hedge", "'range' needs both low and high")),
        (
            {"hedge": Hedge.RANGE, "low": 40, "high": 30},
            ("$.high", "must be >= low (40), got 30"),
        ),
        ({"hedge": Hedge.UNPARSED, "low": 1}, ("$.hedge", "'unparsed' needs neither low nor high")),
        (
            {"hedge": Hedge.EXACT, "low": 39, "high": 40},
            ("$.high", "an exact quantity needs low == high, got 39 and 40"),
        ),
        (
            {"hedge": Hedge.APPROXIMATE, "low": 41, "high": 40},
            ("$.high", "must be >= low (41), got 40"),
        ),
        (
            {"hedge": Hedge.AT_LEAST, "low": float("nan")},
            ("$.low", "expected a finite number, got nan"),
        ),
        (
            {"hedge": Hedge.UP_TO, "high": float("inf")},
            ("$.high", "expected a finite number, got inf"),
        ),
        ({"hedge": Hedge.UP_TO, "high": "40"}, ("$.high", "expected a number or None, got str")),
        (
            {"hedge": "up_to", "high": 40},
            (
                "$.hedge",
                "expected a Hedge ('exact', 'up_to', 'at_least', 'approximate', 'vague',"
                " 'range', 'unparsed'), got 'up_to'",
            ),
        ),
        ({"hedge": Hedge.UP_TO, "high": 40, "text": ""}, ("$.text", "must not be empty")),
        (
            {"hedge": Hedge.UP_TO, "high": 40, "span": Span(start=12, end=19)},
            ("$.span", "does not cover as many characters as the text has"),
        ),
    ],
)
def test_quantity_invariants(changes: dict[str, Any], expected: tuple[str, str]) -> None:
    assert problems_of(quantity, **changes) == [expected]


def test_quantity_interval() -> None:
    assert quantity(hedge=Hedge.UP_TO, high=40).interval == (0.0, 40.0)
    assert quantity(hedge=Hedge.AT_LEAST, low=200).interval == (200.0, float("inf"))
    assert quantity(hedge=Hedge.UNPARSED).interval is None
    assert quantity(hedge=Hedge.RANGE, low=30, high=40).interval == (30.0, 40.0)
    assert quantity(hedge=Hedge.RANGE, low=40, high=40).interval == (40.0, 40.0)


DAY = datetime.date(2020, 1, 23)


def time_ref(**changes: Any) -> TimeRef:
    fields: dict[str, Any] = {"text": "on Thursday", "span": Span(start=0, end=11)}
    fields.update(changes)
    return TimeRef(**fields)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"precision": TimePrecision.UNRESOLVED, "start": DAY},
            ("$.precision", "an unresolved time has neither start nor end"),
        ),
        (
            {"precision": TimePrecision.DAY, "start": DAY},
            ("$.precision", "a 'day' time needs start and end"),
        ),
        (
            {"precision": TimePrecision.DAY, "start": DAY, "end": datetime.date(2020, 1, 24)},
            ("$.end", "a 'day' time needs end == start (2020-01-23), got 2020-01-24"),
        ),
        (
            {"precision": TimePrecision.RANGE, "start": DAY, "end": DAY},
            ("$.end", "a 'range' time needs end > start (2020-01-23), got 2020-01-23"),
        ),
        (
            {"precision": TimePrecision.DAY, "start": "2020-01-23", "end": DAY},
            ("$.start", "expected date or None, got str"),
        ),
        ({"precision": TimePrecision.UNRESOLVED, "text": ""}, ("$.text", "must not be empty")),
    ],
)
def test_time_ref_invariants(changes: dict[str, Any], expected: tuple[str, str]) -> None:
    assert problems_of(time_ref, **changes) == [expected]


def test_time_refs_overlap() -> None:
    day = time_ref(precision=TimePrecision.DAY, start=DAY, end=DAY)
    week = time_ref(precision=TimePrecision.RANGE, start=DAY, end=datetime.date(2020, 1, 30))
    assert day.overlaps(week) is True
    assert day.overlaps(time_ref(precision=TimePrecision.UNRESOLVED)) is None


@pytest.mark.parametrize(
    ("make", "kwargs", "expected"),
    [
        (Actor, {"name": "", "kind": ActorKind.PERSON}, ("$.name", "must not be empty")),
        (
            Actor,
            {"name": "X", "kind": "person"},
            (
                "$.kind",
                "expected a ActorKind ('person', 'government', 'military', 'armed_group',"
                " 'media', 'international_org', 'organization', 'anonymous', 'other'),"
                " got 'person'",
            ),
        ),
        (
            Actor,
            {"name": "X", "kind": ActorKind.PERSON, "aliases": ["Y"]},
            ("$.aliases", "expected a tuple of str, got list"),
        ),
        (
            Actor,
            {"name": "X", "kind": ActorKind.PERSON, "aliases": ("Y", 3)},
            ("$.aliases[1]", "expected str, got int"),
        ),
        (
            Actor,
            {"name": "X", "kind": ActorKind.PERSON, "affiliation": ""},
            ("$.affiliation", "must not be empty"),
        ),
        (ExtractorInfo, {"name": "rules", "version": ""}, ("$.version", "must not be empty")),
        (Position, {"claim": "", "stance": Stance.AFFIRMS}, ("$.claim", "must not be empty")),
        (
            Claim,
            {"speaker": "", "cue": excerpt(7, 11), "content": excerpt(12, 34)},
            ("$.speaker", "must not be empty"),
        ),
        (
            Claim,
            {"speaker": "x", "cue": excerpt(7, 11), "content": excerpt(12, 34), "hedged": "no"},
            ("$.hedged", "expected a bool, got str"),
        ),
        (
            Claim,
            {"speaker": "x", "cue": excerpt(7, 11), "content": excerpt(12, 34), "confidence": 1.5},
            ("$.confidence", "must be within [0, 1], got 1.5"),
        ),
        (
            Claim,
            {"speaker": "x", "cue": "said", "content": excerpt(12, 34)},
            ("$.cue", "expected Excerpt, got str"),
        ),
        (
            Dispute,
            {
                "kind": DisputeKind.DENIAL,
                "point": "p",
                "positions": (Position(claim="c1", stance=Stance.AFFIRMS),),
            },
            ("$.positions", "a dispute needs at least 2 positions, got 1"),
        ),
        (
            Dispute,
            {
                "kind": DisputeKind.DENIAL,
                "point": "p",
                "positions": (Position(claim="c1", stance=Stance.AFFIRMS),) * 2,
            },
            ("$.positions[1].claim", "claim 'c1' is listed twice"),
        ),
        (
            Dispute,
            {"kind": DisputeKind.DENIAL, "point": "", "positions": DISPUTE.positions},
            ("$.point", "must not be empty"),
        ),
    ],
)
def test_object_invariants(make: Any, kwargs: dict[str, Any], expected: tuple[str, str]) -> None:
    assert problems_of(make, **kwargs) == [expected]


def test_ids_are_derived_from_content() -> None:
    assert RUSSIA.id == "russia"
    assert Actor(name="Naji al-Mustafa", kind=ActorKind.PERSON).id == "naji-al-mustafa"
    assert Actor(name="Ministère", kind=ActorKind.GOVERNMENT).id == "ministere"
    unnamed = Actor(name="الجيش", kind=ActorKind.MILITARY).id
    assert unnamed.startswith("actor-")
    assert len(unnamed) == len("actor-") + 12
    claim = attrs.evolve(SAID, id="")
    assert claim.id.startswith("c")
    assert len(claim.id) == 13
    assert claim.id == attrs.evolve(SAID, id="").id


# --- derived ids follow their content -------------------------------------------------------

#: For each class with a derived id: an object with a derived id, and a change of what
#: the id is derived from.
DERIVED_CASES: list[tuple[Any, dict[str, Any]]] = [
    (RUSSIA, {"name": "Moscow"}),
    (attrs.evolve(SAID, id=""), {"content": excerpt(12, 28)}),
    (attrs.evolve(SAID, id=""), {"speaker": "moscow"}),
    (attrs.evolve(SAID, id=""), {"cue": excerpt(12, 14)}),
    (DISPUTE, {"kind": DisputeKind.CONTRADICTION}),
    (DISPUTE, {"positions": (*DISPUTE.positions, Position(claim="c3", stance=Stance.OTHER))}),
    (ARTICLE, {"text": TEXT + " More.", "disputes": ()}),
    (ARTICLE, {"published": datetime.date(2020, 1, 24)}),
]
CASE_IDS = [f"{type(obj).__name__}-{next(iter(change))}" for obj, change in DERIVED_CASES]


def test_every_class_with_an_id_has_a_derived_case() -> None:
    with_ids = {cls for cls in (Actor, Claim, Dispute, Article) if "id" in attrs.fields_dict(cls)}
    assert {type(obj) for obj, _ in DERIVED_CASES} == with_ids


@pytest.mark.parametrize(("obj", "change"), DERIVED_CASES, ids=CASE_IDS)
def test_evolve_derives_a_derived_id_again(obj: Any, change: dict[str, Any]) -> None:
    assert obj.id == derived_id(obj)
    changed = attrs.evolve(obj, **change)
    assert changed.id != obj.id
    assert changed.id == derived_id(changed)
    # The same as building the changed object from scratch, with no id.
    fields = {f.name: getattr(changed, f.name) for f in attrs.fields(type(obj)) if f.init}
    fields.update(id="", _origin=None)
    assert changed.id == type(obj)(**fields).id


@pytest.mark.parametrize(("obj", "change"), DERIVED_CASES, ids=CASE_IDS)
def test_evolve_keeps_a_chosen_id(obj: Any, change: dict[str, Any]) -> None:
    chosen = attrs.evolve(obj, id="chosen-1")
    assert chosen.id == "chosen-1"
    assert attrs.evolve(chosen, **change).id == "chosen-1"
    # A new chosen id given with the change is kept too.
    assert attrs.evolve(obj, **change, id="chosen-2").id == "chosen-2"


@pytest.mark.parametrize(("obj", "change"), DERIVED_CASES, ids=CASE_IDS)
def test_a_derived_id_read_from_json_follows_its_content(obj: Any, change: dict[str, Any]) -> None:
    read = from_json(to_json(obj), type(obj))
    assert read == obj
    assert attrs.evolve(read, **change).id == derived_id(attrs.evolve(read, **change))
    assert attrs.evolve(read, **change).id != obj.id


def test_evolve_of_something_else_keeps_the_derived_id() -> None:
    assert attrs.evolve(RUSSIA, role="ministry").id == "russia"
    claim = attrs.evolve(SAID, id="")
    assert attrs.evolve(claim, confidence=0.5, hedged=True).id == claim.id
    assert attrs.evolve(ARTICLE, title="A title").id == ARTICLE.id


def test_evolve_with_an_empty_id_derives_it() -> None:
    assert attrs.evolve(SAID, id="").id == derived_id(SAID)
    assert derived_id(SAID) != SAID.id == "c1"


def test_the_memory_of_an_id_is_not_data() -> None:
    moved = attrs.evolve(RUSSIA, name="Moscow")
    again = Actor(name="Moscow", kind=ActorKind.GOVERNMENT, mentions=RUSSIA.mentions)
    assert moved == again
    assert hash(moved) == hash(again)
    assert "_origin" not in repr(moved)
    assert "_origin" not in to_dict(moved)
    assert b"_origin" not in to_json(moved)


# --- invariants of a whole article ---------------------------------------------------------


def article_problems(**changes: Any) -> list[tuple[str, str]]:
    def rebuild(**fields: Any) -> Article:
        return attrs.evolve(ARTICLE, **fields)

    return problems_of(rebuild, **changes)


def test_span_past_the_end_of_the_text() -> None:
    moved = attrs.evolve(SAID, content=Excerpt(text="x" * 22, span=Span(start=40, end=62)))
    assert article_problems(claims=(moved, DENIED)) == [
        ("$.claims[0].content.span.end", "62 is past the end of the text (54 characters)")
    ]


def test_excerpt_must_read_as_the_text() -> None:
    wrong = attrs.evolve(SAID, cue=Excerpt(text="told", span=Span(start=7, end=11)))
    assert article_problems(claims=(wrong, DENIED)) == [
        ("$.claims[0].cue.text", "'told' does not match the text at [7, 11): 'said'")
    ]


def test_mentions_must_read_as_a_name() -> None:
    wrong = attrs.evolve(RUSSIA, mentions=(Span(start=0, end=6), Span(start=7, end=11)))
    assert article_problems(actors=(wrong, NLF)) == [
        ("$.actors[0].mentions[1]", "'said' is neither the name nor an alias of the actor")
    ]


def test_mentions_ignore_case() -> None:
    shouting = attrs.evolve(RUSSIA, name="RUSSIA")
    assert attrs.evolve(ARTICLE, actors=(shouting, NLF)).actors[0] is shouting


def test_references_must_resolve() -> None:
    assert article_problems(
        actors=(attrs.evolve(RUSSIA, affiliation="un"), attrs.evolve(NLF, affiliation="nlf")),
        claims=(attrs.evolve(SAID, speaker="moscow"), DENIED),
        disputes=(
            attrs.evolve(
                DISPUTE, positions=(*DISPUTE.positions, Position(claim="c9", stance=Stance.OTHER))
            ),
        ),
    ) == [
        ("$.actors[0].affiliation", "no actor has the id 'un'"),
        ("$.actors[1].affiliation", "an actor cannot be its own affiliation"),
        ("$.claims[0].speaker", "no actor has the id 'moscow'"),
        ("$.disputes[0].positions[2].claim", "no claim has the id 'c9'"),
    ]


def test_ids_must_be_unique() -> None:
    assert article_problems(
        actors=(RUSSIA, attrs.evolve(NLF, id="russia")),
        claims=(SAID, attrs.evolve(DENIED, speaker="russia", id="c1")),
        disputes=(DISPUTE, DISPUTE),
    ) == [
        ("$.actors[1].id", "duplicate actor id 'russia'"),
        ("$.claims[1].id", "duplicate claim id 'c1'"),
        # Claim 'c2' is gone, and 'c1' (said by 'russia' twice) is left alone.
        ("$.disputes[0].positions[1].claim", "no claim has the id 'c2'"),
        ("$.disputes[0].positions", "a dispute needs claims of at least two different actors"),
        ("$.disputes[1].id", f"duplicate dispute id {DISPUTE.id!r}"),
        ("$.disputes[1].positions[1].claim", "no claim has the id 'c2'"),
        ("$.disputes[1].positions", "a dispute needs claims of at least two different actors"),
    ]


def test_a_dispute_needs_two_actors() -> None:
    assert article_problems(claims=(SAID, attrs.evolve(DENIED, speaker="russia"))) == [
        ("$.disputes[0].positions", "a dispute needs claims of at least two different actors")
    ]


def test_unsupported_format_version() -> None:
    assert article_problems(format_version=2) == [
        ("$.format_version", "format version 2 is not supported (this claimkit reads 1)")
    ]


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(ARTICLE, format_version=0, claims=(attrs.evolve(SAID, speaker="x"), DENIED))
    assert str(error.value).splitlines() == [
        "$.format_version: format version 0 is not supported (this claimkit reads 1)",
        "$.claims[0].speaker: no actor has the id 'x'",
    ]


def test_validation_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="needs at least one problem"):
        ValidationError([])


def test_problem_string_names_source_and_line() -> None:
    problem = Problem(path="$.x", message="bad", source="a.jsonl", line=3)
    assert str(problem) == "a.jsonl:3: $.x: bad"
    assert str(attrs.evolve(problem, line=None)) == "a.jsonl: $.x: bad"
    assert str(attrs.evolve(problem, source=None)) == "$.x: bad"


# --- accounts: positions grouped by what they say ---------------------------------------


def _dispute(*positions: tuple[str, Stance, int | None]) -> Dispute:
    return Dispute(
        kind=DisputeKind.NUMERIC,
        point="12 people were killed",
        positions=tuple(Position(claim=c, stance=s, account=a) for c, s, a in positions),
    )


def test_three_accounts_give_every_pair() -> None:
    dispute = _dispute(
        ("c12", Stance.AFFIRMS, 0), ("c80", Stance.DENIES, 1), ("c40", Stance.DENIES, 2)
    )
    assert dispute.accounts() == (("c12",), ("c80",), ("c40",))
    assert dispute.disagreeing_pairs() == (("c12", "c80"), ("c12", "c40"), ("c80", "c40"))


def test_without_accounts_the_stance_is_the_account() -> None:
    dispute = _dispute(
        ("c12", Stance.AFFIRMS, None), ("c80", Stance.DENIES, None), ("c40", Stance.DENIES, None)
    )
    assert dispute.accounts() == (("c12",), ("c80", "c40"))
    assert dispute.disagreeing_pairs() == (("c12", "c80"), ("c12", "c40"))
    others = _dispute(("a", Stance.OTHER, None), ("b", Stance.OTHER, None))
    assert others.disagreeing_pairs() == (("a", "b"),)


def test_one_account_agrees_with_itself() -> None:
    dispute = _dispute(("a", Stance.DENIES, 4), ("b", Stance.AFFIRMS, 9), ("c", Stance.DENIES, 4))
    assert accounts_of(dispute.positions) == (0, 1, 0)
    assert dispute.disagreeing_pairs() == (("a", "b"), ("b", "c"))


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        (
            (("a", Stance.AFFIRMS, 0), ("b", Stance.DENIES, None)),
            (
                "$.positions[1].account",
                "give every position an account or none ($.positions[0].account is 0,"
                " this is None)",
            ),
        ),
        (
            (("a", Stance.AFFIRMS, 0), ("b", Stance.DENIES, 0)),
            (
                "$.positions[1].stance",
                "account 0 is 'affirms' in $.positions[0], got 'denies': one account has one"
                " stance",
            ),
        ),
    ],
)
def test_account_invariants(
    positions: tuple[tuple[str, Stance, int | None], ...], expected: tuple[str, str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        _dispute(*positions)
    assert [(p.path, p.message) for p in caught.value.problems] == [expected]


@pytest.mark.parametrize(
    ("account", "expected"),
    [(-1, "must be within [0, "), (True, "expected an int, got bool"), ("1", "expected an int")],
)
def test_an_account_is_a_number_from_zero(account: object, expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Position(claim="a", stance=Stance.AFFIRMS, account=account)  # type: ignore[arg-type]
    ((problem_path, message),) = [(p.path, p.message) for p in caught.value.problems]
    assert problem_path == "$.account"
    assert message.startswith(expected)
