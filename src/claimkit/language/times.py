"""Time references ("on Thursday", "earlier in the week", "over the past 24 hours")
resolved against the publication date, or explicitly unresolved."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from typing import Final

from claimkit import _trusted
from claimkit.language.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS
from claimkit.language.tokens import ascii_lower
from claimkit.model import TimePrecision, TimeRef

__all__ = ["find_times", "resolve"]

_DAY_PARTS: Final = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY: Final = "|".join(WEEKDAYS)
_MONTH: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT: Final = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_TIME: Final = re.compile(
    # Every expression opens with a letter or digit: the lookahead rejects other
    # word boundaries before the alternatives are tried, which halves the scan.
    rf"""\b(?=[a-z0-9])(?:
      (?P<weekday>(?:(?:early|late)\s+(?:on\s+)?|on\s+|last\s+|this\s+|by\s+)?
          (?:{_WEEKDAY}){_DAY_PARTS})
    | (?P<date>(?:on\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
          |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\.?(?:,?\s+\d{{4}})?))
    | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
    | (?P<yesterday>yesterday{_DAY_PARTS}|last\s+night)
    | (?P<today>today|tonight|this\s+(?:morning|afternoon|evening))
    | (?P<this_week>(?:earlier\s+(?:this|in\s+the)|this|later\s+this)\s+week)
    | (?P<last_week>last\s+week|the\s+previous\s+week)
    | (?P<this_month>(?:earlier\s+(?:this|in\s+the)|this)\s+month)
    | (?P<last_month>last\s+month)
    | (?P<past>(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+
          (?:(?P<count>{_COUNT})\s+)?(?P<unit>hours?|days?|weeks?))
    | (?P<vague>in\s+recent\s+(?:days|weeks|months)|recently)
    )\b""",
    re.VERBOSE,  # matched against ASCII-lower-cased text, faster than IGNORECASE
)


def _latest_weekday(published: datetime.date, weekday: int) -> datetime.date:
    return published - datetime.timedelta(days=(published.weekday() - weekday) % 7)


def _month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def _explicit_date(surface: str, published: datetime.date | None) -> datetime.date | None:
    words = re.findall(r"[A-Za-z]+|\d+", surface.lower())
    words = [w for w in words if w not in ("on", "of", "st", "nd", "rd", "th")]
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    if month is None or not numbers:
        return None
    day = numbers[0]
    year = numbers[1] if len(numbers) > 1 else None
    if year is None:
        if published is None:
            return None
        year = published.year
        # "December 30" in a January article is last year's.
        if month - published.month > 6:
            year -= 1
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def resolve(
    match: re.Match[str], published: datetime.date | None
) -> tuple[datetime.date, datetime.date] | None:
    """The inclusive date range a matched time expression denotes, if resolvable."""
    parts = (match.lastgroup, match.group(), match["count"], match["unit"], published)
    if published is None or type(published) is datetime.date:
        return _resolved(*parts)
    return _resolved.__wrapped__(*parts)  # not a date: not a key to remember


# A pure function of the expression's words and the day of publication: the same few
# expressions ("on Thursday", "last week") recur in every article of a day.
@functools.lru_cache(maxsize=4096)
def _resolved(
    kind: str | None,
    surface: str,
    count_text: str | None,
    unit_text: str | None,
    published: datetime.date | None,
) -> tuple[datetime.date, datetime.date] | None:
    if kind == "iso":
        try:
            day = datetime.date.fromisoformat(surface)
        except ValueError:
            return None
        return day, day
    if kind == "date":
        explicit = _explicit_date(surface, published)
        return None if explicit is None else (explicit, explicit)
    if published is None or kind == "vague":
        return None
    one_day = datetime.timedelta(days=1)
    if kind == "weekday":
        name = next(w for w in WEEKDAYS if w in surface.lower())
        day = _latest_weekday(published, WEEKDAYS[name])
        return day, day
    if kind == "yesterday":
        return published - one_day, published - one_day
    if kind == "today":
        return published, published
    monday = published - datetime.timedelta(days=published.weekday())
    # "earlier this week" ended before the day of publication (when it could).
    before_today = max(published - one_day, monday) if "earlier" in surface.lower() else published
    if kind == "this_week":
        if "later" in surface.lower():
            return published, monday + datetime.timedelta(days=6)
        return monday, before_today
    if kind == "last_week":
        return monday - datetime.timedelta(days=7), monday - one_day
    if kind == "this_month":
        first_of_month = published.replace(day=1)
        if "earlier" in surface.lower():
            return first_of_month, max(published - one_day, first_of_month)
        return first_of_month, published
    if kind == "last_month":
        previous = published.replace(day=1) - one_day
        return _month_range(previous.year, previous.month)
    if kind == "past" and unit_text is not None:
        count = 1 if count_text is None else _count(count_text)
        unit = unit_text.lower().rstrip("s")
        days = {"hour": max(1, -(-count // 24)), "day": count, "week": 7 * count}[unit]
        return published - datetime.timedelta(days=days), published
    return None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def find_times(
    text: str,
    start: int,
    end: int,
    published: datetime.date | None,
    lowered: str | None = None,
) -> Iterator[TimeRef]:
    """Every time expression in ``text[start:end]``, resolved when possible.

    ``lowered`` is ``ascii_lower(text)``, when the caller has it already.
    """
    lowered = ascii_lower(text) if lowered is None else lowered
    for match in _TIME.finditer(lowered, start, end):
        bounds = resolve(match, published)
        surface = text[match.start() : match.end()]
        span = _trusted.span(match.start(), match.end())
        if bounds is None:
            yield _trusted.time_ref(text=surface, span=span, precision=TimePrecision.UNRESOLVED)
        else:
            first, last = bounds
            precision = TimePrecision.DAY if first == last else TimePrecision.RANGE
            yield _trusted.time_ref(
                text=surface, span=span, precision=precision, start=first, end=last
            )
