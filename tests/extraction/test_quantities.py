"""Quantities in a claim's content: hedges, bounds, the thing counted and the event."""

from __future__ import annotations

import pytest

import claimkit
from claimkit.extraction.quantities import find_quantities, parse_number

Described = tuple[str, str, float | None, float | None, str | None, str | None]


def _quantities(text: str) -> list[Described]:
    found: list[Described] = []
    for q in find_quantities(text, 0, len(text)):
        assert text[q.span.start : q.span.end] == q.text
        found.append((q.text, q.hedge.value, q.low, q.high, q.counted, q.event))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Syrian forces killed up to 40 Syrian soldiers",
            [("up to 40", "up_to", None, 40.0, "Syrian soldiers", "killed")],
            id="up to",
        ),
        pytest.param(
            "the rebels lost only one fighter",
            [("one", "exact", 1.0, 1.0, "fighter", "killed")],
            id="fighters lost are killed",
        ),
        pytest.param(
            "the company lost 200 jobs",
            [("200", "exact", 200.0, 200.0, "jobs", None)],
            id="jobs lost are not killed",
        ),
        pytest.param(
            "as many as 40 people may have died",
            [("as many as 40", "up_to", None, 40.0, "people", "killed")],
            id="as many as",
        ),
        pytest.param(
            "at least 14 insurgents were killed",
            [("at least 14", "at_least", 14.0, None, "insurgents", "killed")],
            id="at least",
        ),
        pytest.param(
            "more than 300 people were arrested",
            [("more than 300", "at_least", 300.0, None, "people", "arrested")],
            id="more than",
        ),
        pytest.param(
            "over 100 rebels were captured",
            [("over 100", "at_least", 100.0, None, "rebels", "seized")],
            id="over",
        ),
        pytest.param(
            "about 6,000 residents were evacuated",
            [("about 6,000", "approximate", 6000.0, 6000.0, "residents", "evacuated")],
            id="about and a thousands separator",
        ),
        pytest.param(
            "around 5,000 homes were destroyed",
            [("around 5,000", "approximate", 5000.0, 5000.0, "homes", "destroyed")],
            id="around",
        ),
        pytest.param(
            "nearly 50 civilians died",
            [("nearly 50", "approximate", 50.0, 50.0, "civilians", "killed")],
            id="nearly",
        ),
        pytest.param(
            "some 200 families",
            [("some 200", "approximate", 200.0, 200.0, "families", None)],
            id="some",
        ),
        pytest.param(
            "hundreds of Syrian terrorists were killed",
            [("hundreds of", "vague", 200.0, None, "Syrian terrorists", "killed")],
            id="hundreds of",
        ),
        pytest.param(
            "dozens of protesters were arrested",
            [("dozens of", "vague", 24.0, None, "protesters", "arrested")],
            id="dozens of",
        ),
        pytest.param(
            "scores of houses were destroyed",
            [("scores of", "vague", 40.0, None, "houses", "destroyed")],
            id="scores of",
        ),
        pytest.param(
            "tens of thousands of people were displaced",
            [("tens of thousands of", "vague", 20000.0, None, "people", "displaced")],
            id="tens of thousands of",
        ),
        pytest.param(
            "hundreds of thousands of people were displaced",
            [("hundreds of thousands of", "vague", 200000.0, None, "people", "displaced")],
            id="hundreds of thousands of",
        ),
        pytest.param(
            "3.5 million people were displaced",
            [("3.5 million", "exact", 3500000.0, 3500000.0, "people", "displaced")],
            id="a decimal and a scale word",
        ),
        pytest.param(
            "some 2.5 million people",
            [("some 2.5 million", "approximate", 2500000.0, 2500000.0, "people", None)],
            id="approximate with a scale word",
        ),
        pytest.param(
            "police arrested 1,200 people",
            [("1,200", "exact", 1200.0, 1200.0, "people", "arrested")],
            id="digits with a separator, event before",
        ),
        pytest.param(
            "two settlements were seized",
            [("two", "exact", 2.0, 2.0, "settlements", "seized")],
            id="two",
        ),
        pytest.param(
            "forty-two fighters were wounded",
            [("forty-two", "exact", 42.0, 42.0, "fighters", "wounded")],
            id="forty-two",
        ),
        pytest.param(
            "Forty-two soldiers died",
            [("Forty-two", "exact", 42.0, 42.0, "soldiers", "killed")],
            id="capitalised at the start",
        ),
        pytest.param(
            "a dozen soldiers were wounded",
            [("a dozen", "exact", 12.0, 12.0, "soldiers", "wounded")],
            id="a dozen",
        ),
        pytest.param(
            "a thousand people",
            [("a thousand", "exact", 1000.0, 1000.0, "people", None)],
            id="a thousand",
        ),
        pytest.param(
            "one person was killed",
            [("one", "exact", 1.0, 1.0, "person", "killed")],
            id="one",
        ),
        pytest.param(
            "killing at least 14 insurgents",
            [("at least 14", "at_least", 14.0, None, "insurgents", "killed")],
            id="event verb before the number",
        ),
        pytest.param(
            "fighters captured 12 tanks",
            [("12", "exact", 12.0, 12.0, "tanks", "seized")],
            id="captured is seized",
        ),
        pytest.param(
            "police detained 37 people",
            [("37", "exact", 37.0, 37.0, "people", "arrested")],
            id="detained is arrested",
        ),
        pytest.param(
            "the rebels seized 3 towns and killed 17 soldiers",
            [
                ("3", "exact", 3.0, 3.0, "towns", "seized"),
                ("17", "exact", 17.0, 17.0, "soldiers", "killed"),
            ],
            id="two quantities, each with its own verb",
        ),
        pytest.param(
            "six people were killed and 11 wounded",
            [
                ("six", "exact", 6.0, 6.0, "people", "killed"),
                ("11", "exact", 11.0, 11.0, None, "wounded"),
            ],
            id="killed and wounded",
        ),
        pytest.param(
            "the blast killed 8 and injured 30",
            [
                ("8", "exact", 8.0, 8.0, None, "killed"),
                ("30", "exact", 30.0, 30.0, None, "wounded"),
            ],
            id="injured is wounded",
        ),
        pytest.param(
            "the toll rose to 47",
            [("47", "exact", 47.0, 47.0, None, "killed")],
            id="a toll counts the dead",
        ),
        pytest.param(
            "the attack in 2019 killed 12 people",
            [("12", "exact", 12.0, 12.0, "people", "killed")],
            id="a year is not a quantity",
        ),
        pytest.param(
            "on January 23 the army seized two villages",
            [("two", "exact", 2.0, 2.0, "villages", "seized")],
            id="a date is not a quantity",
        ),
        pytest.param(
            "On 23 January, 14 soldiers were killed",
            [("14", "exact", 14.0, 14.0, "soldiers", "killed")],
            id="a day before the month is not a quantity",
        ),
        pytest.param(
            "Jan. 5 raid killed 4 people",
            [("4", "exact", 4.0, 4.0, "people", "killed")],
            id="an abbreviated month",
        ),
        pytest.param("the war began in March 2011", [], id="month and year"),
        pytest.param("in 2020 and 2021", [], id="years"),
        pytest.param("at 10:30 the rebels attacked", [], id="a clock time"),
        pytest.param("at 5 p.m. on Friday", [], id="p.m."),
        pytest.param("the 2 a.m. raid", [], id="a.m."),
        pytest.param("over the past 24 hours", [], id="a span of time"),
        pytest.param("the army said nothing", [], id="no number"),
        pytest.param(
            "only two of its fighters had been killed",
            [("two", "exact", 2.0, 2.0, "fighters", "killed")],
            id="a partitive: the noun after the determiner",
        ),
        pytest.param(
            "14 of the port's 19 berths",
            [("14", "exact", 14.0, 14.0, None, None), ("19", "exact", 19.0, 19.0, "berths", None)],
            id="a part of a whole",
        ),
        pytest.param(
            "police estimated the turnout at about 6,000",
            [("about 6,000", "approximate", 6000.0, 6000.0, "turnout", None)],
            id="estimated the turnout at",
        ),
        pytest.param(
            "112 people remained missing",
            [("112", "exact", 112.0, 112.0, "people", "missing")],
            id="a copula before the event",
        ),
    ],
)
def test_quantities(text: str, expected: list[Described]) -> None:
    assert _quantities(text) == expected


def test_quantities_only_inside_the_range() -> None:
    text = "12 soldiers and 40 civilians were killed"
    found = list(find_quantities(text, 16, len(text)))
    assert [(q.text, q.span.start, q.span.end) for q in found] == [("40", 16, 18)]


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("40", 40.0),
        ("1,200", 1200.0),
        ("3.5", 3.5),
        ("3.5 million", 3500000.0),
        ("two", 2.0),
        ("Nineteen", 19.0),
        ("forty-two", 42.0),
        ("ninety-nine", 99.0),
        ("a dozen", 12.0),
        ("a hundred", 100.0),
        ("two thousand", 2000.0),
        ("", None),
        ("many", None),
        ("forty-many", None),
        ("two apples", None),
    ],
)
def test_parse_number(surface: str, value: float | None) -> None:
    assert parse_number(surface) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one hundred and twenty", 120),
        ("one hundred twenty", 120),
        ("a hundred and fifty", 150),
        ("two thousand five hundred", 2_500),
        ("two hundred and fifty thousand", 250_000),
        ("three million four hundred thousand", 3_400_000),
        ("forty-two", 42),
    ],
)
def test_numbers_in_words_make_one_value(words: str, value: int) -> None:
    assert parse_number(words) == value
    article = claimkit.extract(f"Police said {words} people were killed.")
    (quantity,) = article.claims[0].quantities
    assert (quantity.text, quantity.low, quantity.high) == (words, value, value)


# --- ranges: two numbers that count one thing are one quantity ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "between 30 and 40 people were killed",
            [("between 30 and 40", "range", 30.0, 40.0, "people", "killed")],
            id="between and",
        ),
        pytest.param(
            "30 to 40 people were killed",
            [("30 to 40", "range", 30.0, 40.0, "people", "killed")],
            id="to",
        ),
        pytest.param(
            "30-40 people were killed",
            [("30-40", "range", 30.0, 40.0, "people", "killed")],
            id="hyphen",
        ),
        pytest.param(
            "30–40 Syrian soldiers died",
            [("30–40", "range", 30.0, 40.0, "Syrian soldiers", "killed")],
            id="en dash",
        ),
        pytest.param(
            "30 – 40 rebels were captured",
            [("30 – 40", "range", 30.0, 40.0, "rebels", "seized")],
            id="spaced en dash",
        ),
        pytest.param(
            "from 30 to 40 rebels were captured",
            [("from 30 to 40", "range", 30.0, 40.0, "rebels", "seized")],
            id="from to",
        ),
        pytest.param(
            "between twenty and thirty people were wounded",
            [("between twenty and thirty", "range", 20.0, 30.0, "people", "wounded")],
            id="number words",
        ),
        pytest.param(
            "between one hundred and twenty and two hundred people",
            [("between one hundred and twenty and two hundred", "range", 120.0, 200.0, "people")],
            id="number words with scales",
        ),
        pytest.param(
            "2-3 million people need aid",
            [("2-3 million", "range", 2_000_000.0, 3_000_000.0, "people", None)],
            id="a scale shared by both numbers",
        ),
        pytest.param(
            "the toll was between 30 and 40",
            [("between 30 and 40", "range", 30.0, 40.0, None, "killed")],
            id="between needs no noun",
        ),
        pytest.param(
            "aid reached 200 families from 30-40 villages",
            [
                ("200", "exact", 200.0, 200.0, "families", None),
                ("30-40", "range", 30.0, 40.0, "villages", None),
            ],
            id="a from that is not the range's",
        ),
    ],
)
def test_ranges(text: str, expected: list[tuple[object, ...]]) -> None:
    found = _quantities(text)
    assert [item[: len(want)] for item, want in zip(found, expected, strict=True)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counts of time are times: the range goes whole, no "10" is left behind.
        pytest.param("he was sentenced to 10 to 15 years in prison", [], id="years in prison"),
        pytest.param("between 9 and 10 a.m.", [], id="clock times"),
        pytest.param("from 2019 to 2020", [], id="years"),
        pytest.param("between 2019 and 2020", [], id="years between"),
        pytest.param(
            "on 22-23 January, 12 people died",
            [("12", "exact", 12.0, 12.0, "people", "killed")],
            id="a range of days",
        ),
        # No plural noun counted by both numbers: two numbers, not a range.
        pytest.param(
            "the team won 5-0",
            [("5", "exact", 5.0, 5.0, None, None), ("0", "exact", 0.0, 0.0, None, None)],
            id="a score",
        ),
        pytest.param(
            "it passed by a 7-3 vote",
            [("7", "exact", 7.0, 7.0, None, None), ("3", "exact", 3.0, 3.0, "vote", None)],
            id="a vote",
        ),
        pytest.param(
            "call 555-1234 today",
            [
                ("555", "exact", 555.0, 555.0, None, None),
                ("1234", "exact", 1234.0, 1234.0, None, None),
            ],
            id="a phone number",
        ),
        pytest.param(
            "men aged 18 to 25 were arrested",
            [
                ("18", "exact", 18.0, 18.0, None, None),
                ("25", "exact", 25.0, 25.0, None, "arrested"),
            ],
            id="ages",
        ),
        pytest.param(
            "the toll rose from 30 to 40 people",
            [
                ("30", "exact", 30.0, 30.0, None, "killed"),
                ("40", "exact", 40.0, 40.0, "people", "killed"),
            ],
            id="a change",
        ),
        pytest.param(
            "12 soldiers and 40 civilians were killed",
            [
                ("12", "exact", 12.0, 12.0, "soldiers", None),
                ("40", "exact", 40.0, 40.0, "civilians", "killed"),
            ],
            id="and without between",
        ),
        pytest.param(
            "40 to 30 people",
            [("40", "exact", 40.0, 40.0, None, None), ("30", "exact", 30.0, 30.0, "people", None)],
            id="a high before a low",
        ),
    ],
)
def test_false_ranges(text: str, expected: list[Described]) -> None:
    found = _quantities(text)
    assert found == expected
    assert all(hedge != "range" for _, hedge, *_ in found)


@pytest.mark.parametrize(
    ("other", "disputed"),
    [("35", False), ("30", False), ("40", False), ("50", True), ("29", True), ("about 44", False)],
)
def test_a_range_is_one_interval(other: str, disputed: bool) -> None:
    article = claimkit.extract(
        f"Police said between 30 and 40 people were killed. Witnesses said {other} people"
        " were killed."
    )
    assert [q.hedge.value for q in article.claims[0].quantities] == ["range"]
    assert [d.kind.value for d in article.disputes] == (["numeric"] if disputed else [])
