"""Time references resolved against the publication date, or explicitly unresolved."""

from __future__ import annotations

import datetime

import pytest

import claimkit
from claimkit.language.times import find_times

FRIDAY = datetime.date(2020, 1, 24)
D = datetime.date

Described = tuple[str, str, datetime.date | None, datetime.date | None]


def _times(text: str, published: datetime.date | None) -> list[Described]:
    found: list[Described] = []
    for t in find_times(text, 0, len(text), published):
        assert text[t.span.start : t.span.end] == t.text
        found.append((t.text, t.precision.value, t.start, t.end))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "the army said on Thursday",
            ("on Thursday", "day", D(2020, 1, 23), D(2020, 1, 23)),
            id="on Thursday in a Friday article is the day before",
        ),
        pytest.param(
            "on Monday morning",
            ("on Monday morning", "day", D(2020, 1, 20), D(2020, 1, 20)),
            id="a weekday with a part of the day",
        ),
        pytest.param(
            "late on Wednesday",
            ("late on Wednesday", "day", D(2020, 1, 22), D(2020, 1, 22)),
            id="late on a weekday",
        ),
        pytest.param(
            "on Saturday",
            ("on Saturday", "day", D(2020, 1, 18), D(2020, 1, 18)),
            id="a weekday after the publication day is the one of the week before",
        ),
        pytest.param(
            "on Friday",
            ("on Friday", "day", D(2020, 1, 24), D(2020, 1, 24)),
            id="the publication weekday is the publication day",
        ),
        pytest.param(
            "Thursday's attack",
            ("Thursday", "day", D(2020, 1, 23), D(2020, 1, 23)),
            id="a possessive weekday",
        ),
        pytest.param(
            "yesterday",
            ("yesterday", "day", D(2020, 1, 23), D(2020, 1, 23)),
            id="yesterday",
        ),
        pytest.param(
            "last night",
            ("last night", "day", D(2020, 1, 23), D(2020, 1, 23)),
            id="last night",
        ),
        pytest.param("today", ("today", "day", D(2020, 1, 24), D(2020, 1, 24)), id="today"),
        pytest.param(
            "last week",
            ("last week", "range", D(2020, 1, 13), D(2020, 1, 19)),
            id="last week is the previous Monday to Sunday",
        ),
        pytest.param(
            "the previous week",
            ("the previous week", "range", D(2020, 1, 13), D(2020, 1, 19)),
            id="the previous week",
        ),
        pytest.param(
            "earlier this week",
            ("earlier this week", "range", D(2020, 1, 20), D(2020, 1, 23)),
            id="earlier this week runs from Monday to the day before",
        ),
        pytest.param(
            "over the past 24 hours",
            ("over the past 24 hours", "range", D(2020, 1, 23), D(2020, 1, 24)),
            id="the past 24 hours touch the day before",
        ),
        pytest.param(
            "over the past 48 hours",
            ("over the past 48 hours", "range", D(2020, 1, 22), D(2020, 1, 24)),
            id="the past 48 hours",
        ),
        pytest.param(
            "last month",
            ("last month", "range", D(2019, 12, 1), D(2019, 12, 31)),
            id="last month across a year",
        ),
        pytest.param(
            "earlier this month",
            ("earlier this month", "range", D(2020, 1, 1), D(2020, 1, 23)),
            id="earlier this month",
        ),
        pytest.param("Jan. 23", ("Jan. 23", "day", D(2020, 1, 23), D(2020, 1, 23)), id="Jan. 23"),
        pytest.param(
            "on January 23",
            ("on January 23", "day", D(2020, 1, 23), D(2020, 1, 23)),
            id="on January 23",
        ),
        pytest.param(
            "December 30",
            ("December 30", "day", D(2019, 12, 30), D(2019, 12, 30)),
            id="December in a January article is last year's",
        ),
        pytest.param(
            "on Jan. 23, 2019",
            ("on Jan. 23, 2019", "day", D(2019, 1, 23), D(2019, 1, 23)),
            id="an explicit year",
        ),
        pytest.param(
            "23 January 2019",
            ("23 January 2019", "day", D(2019, 1, 23), D(2019, 1, 23)),
            id="day before month",
        ),
        pytest.param("2020-01-20", ("2020-01-20", "day", D(2020, 1, 20), D(2020, 1, 20)), id="ISO"),
        pytest.param("Feb. 30", ("Feb. 30", "unresolved", None, None), id="no such day"),
        pytest.param("recently", ("recently", "unresolved", None, None), id="recently"),
        pytest.param(
            "in recent days", ("in recent days", "unresolved", None, None), id="in recent days"
        ),
    ],
)
def test_time_in_a_friday_article(text: str, expected: Described) -> None:
    assert _times(text, FRIDAY) == [expected]


@pytest.mark.parametrize(
    "text",
    ["on Thursday", "yesterday", "last week", "over the past 24 hours", "Jan. 23", "today"],
)
def test_relative_times_are_unresolved_without_a_date(text: str) -> None:
    assert _times(text, None) == [(text, "unresolved", None, None)]


def test_a_full_date_resolves_without_a_publication_date() -> None:
    assert _times("on Jan. 23, 2019", None) == [
        ("on Jan. 23, 2019", "day", D(2019, 1, 23), D(2019, 1, 23))
    ]


def test_every_time_in_a_sentence_with_its_span() -> None:
    text = "The army said on Thursday that the offensive began on Wednesday."
    found = list(find_times(text, 0, len(text), FRIDAY))
    assert [(t.text, t.span.start, t.span.end, t.start) for t in found] == [
        ("on Thursday", 14, 25, D(2020, 1, 23)),
        ("on Wednesday", 51, 63, D(2020, 1, 22)),
    ]


def test_no_time_in_plain_prose() -> None:
    assert _times("The rebels held the town.", FRIDAY) == []


# --- the time of a statement, through the extractor ------------------------------------


def _when(text: str) -> list[tuple[str, str | None, datetime.date | None]]:
    article = claimkit.extract(text, published=FRIDAY)
    return [
        (
            claim.content.text,
            claim.when.text if claim.when else None,
            claim.when.start if claim.when else None,
        )
        for claim in article.claims
    ]


def test_statement_time_after_the_cue() -> None:
    assert _when("The army said on Thursday it had repelled the attack.") == [
        ("it had repelled the attack", "on Thursday", D(2020, 1, 23))
    ]


def test_statement_time_opening_the_sentence() -> None:
    assert _when("On Thursday, the army said it had repelled the attack.") == [
        ("it had repelled the attack", "On Thursday", D(2020, 1, 23))
    ]


def test_statement_time_of_a_range() -> None:
    assert _when("The army said last week that it had withdrawn.") == [
        ("it had withdrawn", "last week", D(2020, 1, 13))
    ]


def test_a_time_in_the_content_is_not_the_time_of_the_statement() -> None:
    assert _when("The ministry said the offensive began on Wednesday.") == [
        ("the offensive began on Wednesday", None, None)
    ]
    assert _when(
        "The ministry said on Thursday that the offensive, which began on Wednesday, had stalled."
    ) == [
        (
            "the offensive, which began on Wednesday, had stalled",
            "on Thursday",
            D(2020, 1, 23),
        )
    ]
