"""Which event a claim is about: its kind, place, actors and time.

Two claims can only dispute one another when they speak of one event. The
corpus identifies the event of a claim by an :class:`EventKey`:

* ``kind``: the kind of event (:mod:`claimkit.language.events`). A claim that
  counts something is about the event of its first count ("40 soldiers were
  killed in the attacks" is about ``killed``); otherwise about the first of the
  kinds it names, in the order of the taxonomy;
* ``place``: where it happened, the name after "in", "near", "outside" or "at"
  in the claim's content ("in Sarmin"), or else the place the article names
  most often that way; months and weekdays are not places;
* ``actors``: when no place is known, the actors and countries the content
  names (by identity key), so that a claim about Russia's forces and one about
  Turkey's are apart;
* ``start``: the first day of the period of ``window_days`` days that holds the
  day of the event (the claim's time, else the article's publication date).

>>> import datetime
>>> from claimkit import Article, Claim, Excerpt, Span
>>> text = "Police said 12 protesters were arrested in Sarmin."
>>> claim = Claim(speaker="police", cue=Excerpt(text="said", span=Span(start=7, end=11)),
...               content=Excerpt(text=text[12:-1], span=Span(start=12, end=len(text) - 1)))
>>> key = event_key(claim, places_of_article(text), datetime.date(2024, 3, 6))
>>> key.kind, key.place, key.actors, str(key.start)
('arrested', 'sarmin', (), '2024-03-03')
"""

from __future__ import annotations

import collections
import datetime
import functools
import re
from collections.abc import Iterable
from typing import Final

import attrs

from claimkit.identity import name_key
from claimkit.language.counts import count_key
from claimkit.language.events import EVENT_WORDS
from claimkit.language.events import event_kinds as kinds_named
from claimkit.language.lexicon import MONTHS, WEEKDAYS
from claimkit.model import Claim

__all__ = ["DEFAULT_WINDOW_DAYS", "EventKey", "event_day", "event_key", "places_of_article"]

#: Days of one period of time: claims of one event are dated within one period.
DEFAULT_WINDOW_DAYS: Final = 7

# The taxonomy's order decides between kinds a claim names without counting them.
_KIND_ORDER: Final[dict[str, int]] = {
    kind: i for i, kind in enumerate(dict.fromkeys(EVENT_WORDS.values()))
}
_NAME: Final = r"[A-Z][\w'’.-]*(?:\s+(?:al-|de |of )?[A-Z][\w'’.-]*)*"
_PLACE: Final = re.compile(rf"\b(?:in|near|outside|at)\s+(?:the\s+)?({_NAME})")
_NAME_RUN: Final = re.compile(rf"\b{_NAME}")
_NOT_PLACES: Final = frozenset(MONTHS) | frozenset(WEEKDAYS)


@attrs.frozen(kw_only=True, order=True)
class EventKey:
    """The identity of an event: kind, place, actors (when no place) and period start."""

    kind: str
    place: str | None
    actors: tuple[str, ...]
    start: datetime.date | None

    def __str__(self) -> str:
        where = self.place or ", ".join(self.actors) or "somewhere"
        when = "undated" if self.start is None else f"from {self.start}"
        return f"{self.kind} in {where}, {when}"


# Names repeat across a corpus far more than texts do: each is keyed once.
@functools.lru_cache(maxsize=1 << 16)
def _key_text(name: str) -> str | None:
    """A name by its identity key: "Syria's Idlib" and "Idlib" stay apart, "Moscow" is Russia."""
    if name.split()[0].casefold() in _NOT_PLACES:
        return None
    key = name_key(name)
    if key.empty:
        return None
    return " ".join(p for p in (key.country, key.rest) if p).casefold()


@functools.lru_cache(maxsize=1 << 14)
def _places(text: str) -> tuple[str, ...]:
    found = (_key_text(m.group(1)) for m in _PLACE.finditer(text))
    return tuple(p for p in found if p is not None)


@functools.lru_cache(maxsize=1 << 14)
def _named(text: str) -> tuple[str, ...]:
    found = {_key_text(m.group()) for m in _NAME_RUN.finditer(text)} - set(_places(text))
    return tuple(sorted(p for p in found if p is not None))


def places_of_article(text: str) -> tuple[str, ...]:
    """The places an article's text names ("in Sarmin"), most often named first."""
    counts = collections.Counter(_scan(text))
    return tuple(sorted(counts, key=lambda p: -counts[p]))


def _scan(text: str) -> Iterable[str]:
    # An article's text is read once, not cached: texts seldom repeat, and caching them
    # would push out the claims' contents, which do.
    for match in _PLACE.finditer(text):
        place = _key_text(match.group(1))
        if place is not None:
            yield place


# A corpus repeats its things counted and its contents: each is read once.
_COUNT_EVENTS: dict[tuple[str | None, str | None], str | None] = {}


def _kind(claim: Claim) -> str | None:
    for quantity in claim.quantities:
        # count_key reads only these two fields of a quantity.
        pair = (quantity.counted, quantity.event)
        event = _COUNT_EVENTS.get(pair, "")
        if event == "":
            if len(_COUNT_EVENTS) > 1 << 14:
                _COUNT_EVENTS.clear()
            event = _COUNT_EVENTS[pair] = count_key(quantity).event
        if event is not None:
            return event
    return _named_kind(claim.content.text)


@functools.lru_cache(maxsize=1 << 14)
def _named_kind(text: str) -> str | None:
    named = kinds_named(text)
    return min(named, key=_KIND_ORDER.__getitem__) if named else None


def event_day(claim: Claim, published: datetime.date | None) -> datetime.date | None:
    """The day a claim dates its event: its time's start, else the publication date."""
    if claim.when is not None and claim.when.start is not None:
        return claim.when.start
    return published


def event_key(
    claim: Claim,
    article_places: tuple[str, ...],
    published: datetime.date | None,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> EventKey | None:
    """The event a claim speaks of, or None when it names no kind of event.

    ``article_places`` is :func:`places_of_article` of the claim's article.
    """
    kind = _kind(claim)
    if kind is None:
        return None
    text = claim.content.text
    own = _places(text)
    place = own[0] if own else (article_places[0] if article_places else None)
    day = event_day(claim, published)
    start = None
    if day is not None:
        width = max(window_days, 1)
        start = datetime.date.fromordinal(day.toordinal() - day.toordinal() % width)
    return EventKey(
        kind=kind, place=place, actors=() if place is not None else _named(text), start=start
    )
