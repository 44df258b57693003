"""What a count means: the values it allows and what it counts, and whether two
counts can both hold. One definition for the extractor's numeric disputes,
:func:`claimkit.compare.compare`, :func:`claimkit.diff.diff` and the corpus.

A quantity allows an interval, honouring its hedge ("up to 40" is ``[0, 40]``,
"hundreds of" is ``[200, inf)``, "about 40" is 40 give or take 10%, "between 30 and
40" is ``[30, 40]``). It counts a
:class:`CountKey`: the kind of event (see :mod:`claimkit.language.events`) and the
class of the thing counted ("troops" and "Syrian soldiers" are both ``soldiers``;
"47 deaths" counts people ``killed``). An absent part matches any.

>>> from claimkit import Hedge, Quantity, Span
>>> up_to_40 = Quantity(text="up to 40", span=Span(start=0, end=8), hedge=Hedge.UP_TO,
...                     high=40, counted="soldiers", event="killed")
>>> fifty = Quantity(text="50", span=Span(start=0, end=2), hedge=Hedge.EXACT,
...                  low=50, high=50, counted="troops", event="killed")
>>> result = compare_quantities(up_to_40, fifty)
>>> result.outcome, result.gap, result.counted
(<Outcome.INCONSISTENT: 'inconsistent'>, 10.0, 'soldiers')
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple

import attrs

from claimkit.language.events import EVENT_WORDS
from claimkit.language.lexicon import KIND_KEYWORDS
from claimkit.model import Hedge, Quantity

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "COMBATANTS",
    "COUNTABLE_ALONE",
    "DEATH_NOUNS",
    "FIGURE_NOUNS",
    "MEASURE_UNITS",
    "Count",
    "CountKey",
    "Indeterminate",
    "Outcome",
    "QuantityComparison",
    "compare_quantities",
    "count_key",
    "counted_class",
    "counts_of",
    "disputed_count_event",
    "interval",
    "roles_named",
    "unmatched_counts",
]

#: "about 40" stands for 40 give or take this fraction.
APPROXIMATE_TOLERANCE: Final = 0.1

# Nouns that count the same things from different sides' points of view.
_CLASSES: Final[dict[str, str]] = {
    noun: name
    for name, nouns in {
        "people": """people person persons civilians residents protesters demonstrators
            marchers villagers refugees migrants patients victims workers members
            passengers inhabitants turnout crowd crowds attendance miners""",
        "soldiers": "soldiers soldier troops servicemen personnel guards officers police",
        "fighters": """fighters fighter insurgents insurgent militants militant rebels rebel
            terrorists terrorist attackers attacker gunmen jihadists combatants""",
        "buildings": "homes home houses house buildings building dwellings properties",
        "aircraft": "aircraft planes plane jets jet helicopters helicopter drones drone",
        "vehicles": "vehicles vehicle tanks tank trucks truck",
        "ships": "ships ship vessels vessel boats boat",
    }.items()
    for noun in nouns.split()
}
#: Classes of those who fight: "the rebels lost one fighter" counts fighters killed.
COMBATANTS: Final = frozenset({"soldiers", "fighters"})
# "Taliban members", "army members": members count as the group they are members of.
_MEMBERS: Final = frozenset({"members", "member"})
_GROUP_CLASSES: Final = {"armed_group": "fighters", "military": "soldiers"}
_MEMBERS_OF: Final[dict[str, str]] = {
    word: _GROUP_CLASSES[kind]
    for kind, words in KIND_KEYWORDS
    if kind in _GROUP_CLASSES
    for word in words
}
# Those who do not fight: "civilians" are not the "fighters" or "soldiers" of a fight.
_CIVILIANS: Final = frozenset("civilian civilians noncombatants non-combatants".split())
_ROLE_WORD: Final = re.compile(r"[a-z][a-z-]+")


@functools.lru_cache(maxsize=4096)
def roles_named(text: str) -> frozenset[str]:
    """Who in a fight a text names: "soldiers", "fighters" or "civilians" (of
    :data:`COMBATANTS` and the words of non-combatants); words of people in general
    ("people", "victims") name none.

    >>> sorted(roles_named("killed 28 Taliban rebels and at least four civilians"))
    ['civilians', 'fighters']
    """
    found = set()
    for word in _ROLE_WORD.findall(text.lower()):
        if word in _CIVILIANS:
            found.add("civilians")
        elif _CLASSES.get(word) in COMBATANTS:
            found.add(_CLASSES[word])
    return frozenset(found)


#: Nouns that count the dead: "47 deaths", "180 burials" count people killed.
DEATH_NOUNS: Final = frozenset(
    "deaths death dead fatalities bodies lives burials toll graves".split()
)
#: Units of measure: counts of them need no event to be compared ("at 11 knots").
MEASURE_UNITS: Final = frozenset(
    """knots knot mph kilometres kilometers km miles mile metres meters feet tonnes tons
    hectares acres litres liters barrels megawatts""".split()  # not "percent": of what?
)
#: Classes of things whose counts need no event to be compared ("38 homes destroyed"
#: against "130 houses are gone").
COUNTABLE_ALONE: Final = frozenset({"buildings", "aircraft"})


class CountKey(NamedTuple):
    """What a quantity counts: the kind of event and the class of thing, either unknown."""

    event: str | None
    counted: str | None

    def comparable(self, other: CountKey) -> bool:
        """Whether two counts may be of the same thing: no part that both give differs."""
        return (self.event is None or other.event is None or self.event == other.event) and (
            self.counted is None or other.counted is None or self.counted == other.counted
        )


def counted_class(counted: str | None) -> str | None:
    """What a quantity counts, reduced to its head noun or its class.

    "Syrian soldiers" and "troops" are both "soldiers"; "terrorists" and
    "attackers" are both "fighters", and so are "Taliban members" (members of an armed
    group); other nouns lose a plural "s".
    """
    if counted is None or not counted.split():
        return None
    words = counted.casefold().split()
    head = words[-1].strip(".,;:")
    if head in _MEMBERS:
        group = next((_MEMBERS_OF[w] for w in words[:-1] if w in _MEMBERS_OF), None)
        if group is not None:
            return group
    if head in _CLASSES:
        return _CLASSES[head]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def count_key(quantity: Quantity) -> CountKey:
    """The :class:`CountKey` of a quantity; a count of the dead is of people killed."""
    head = quantity.counted.split()[-1].casefold() if quantity.counted else None
    if head in DEATH_NOUNS:
        return CountKey("killed", "people")
    return CountKey(quantity.event, counted_class(quantity.counted))


def interval(quantity: Quantity) -> tuple[float, float] | None:
    """The values a quantity allows, honouring its hedge; None when unparsed.

    Open ends are infinities; "up to 40" starts at 0; an approximate quantity
    is widened by :data:`APPROXIMATE_TOLERANCE` on both sides; a range is its two
    numbers, as stated.

    >>> from claimkit import Hedge, Quantity, Span
    >>> interval(Quantity(text="30-40", span=Span(start=0, end=5), hedge=Hedge.RANGE,
    ...                   low=30, high=40))
    (30.0, 40.0)
    """
    bounds = quantity.interval
    if bounds is None:
        return None
    low, high = bounds
    if quantity.hedge is Hedge.APPROXIMATE:
        low -= abs(low) * APPROXIMATE_TOLERANCE
        high += abs(high) * APPROXIMATE_TOLERANCE
    return (low, high)


class Outcome(enum.StrEnum):
    """Whether two quantities can both hold."""

    CONSISTENT = "consistent"  #: the intervals overlap
    INCONSISTENT = "inconsistent"  #: the intervals are apart; ``gap`` says how far
    INDETERMINATE = "indeterminate"  #: they cannot be compared; ``indeterminate`` says why


class Indeterminate(enum.StrEnum):
    """Why two quantities cannot be compared."""

    UNPARSED = "unparsed"  #: one of them has no value
    DIFFERENT_EVENT = "different_event"  #: they count different kinds of event
    DIFFERENT_COUNTED = "different_counted"  #: they count different things


@attrs.frozen(kw_only=True)
class QuantityComparison:
    """The result of :func:`compare_quantities`; the same whatever the order.

    ``gap`` is the distance between the intervals when they are apart,
    ``overlap`` the interval they share when they overlap. ``event`` and
    ``counted`` are what both count, as far as either says. ``texts`` are the
    two quantities' words, sorted.
    """

    outcome: Outcome
    texts: tuple[str, str]
    gap: float | None = None
    overlap: tuple[float, float] | None = None
    indeterminate: Indeterminate | None = None
    event: str | None = None
    counted: str | None = None


def compare_quantities(a: Quantity, b: Quantity) -> QuantityComparison:
    """Whether two quantities can both hold, as intervals honouring their hedges.

    Indeterminate when either is unparsed, or when both say what event they
    count and the events differ, or both say what they count and that differs
    (an absent event or thing counted matches any). Otherwise consistent when
    the intervals overlap, inconsistent with the ``gap`` between them when not.
    """
    texts = (a.text, b.text) if a.text <= b.text else (b.text, a.text)
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return QuantityComparison(
            outcome=Outcome.INDETERMINATE, texts=texts, indeterminate=Indeterminate.UNPARSED
        )
    ka, kb = count_key(a), count_key(b)
    if ka.event is not None and kb.event is not None and ka.event != kb.event:
        return QuantityComparison(
            outcome=Outcome.INDETERMINATE, texts=texts, indeterminate=Indeterminate.DIFFERENT_EVENT
        )
    if ka.counted is not None and kb.counted is not None and ka.counted != kb.counted:
        return QuantityComparison(
            outcome=Outcome.INDETERMINATE,
            texts=texts,
            indeterminate=Indeterminate.DIFFERENT_COUNTED,
        )
    event = ka.event if ka.event is not None else kb.event
    counted = ka.counted if ka.counted is not None else kb.counted
    low, high = max(ia[0], ib[0]), min(ia[1], ib[1])
    if low > high:
        return QuantityComparison(
            outcome=Outcome.INCONSISTENT, texts=texts, gap=low - high, event=event, counted=counted
        )
    return QuantityComparison(
        outcome=Outcome.CONSISTENT, texts=texts, overlap=(low, high), event=event, counted=counted
    )


class Count(NamedTuple):
    """A parsed quantity reduced to what comparisons need: its key and its interval."""

    key: CountKey
    low: float
    high: float


def counts_of(quantities: Sequence[Quantity]) -> tuple[Count, ...]:
    """The :class:`Count` of every parsed quantity."""
    found = []
    for quantity in quantities:
        bounds = interval(quantity)
        if bounds is not None:
            found.append(Count(count_key(quantity), bounds[0], bounds[1]))
    return tuple(found)


def unmatched_counts(
    mine: Sequence[Count], theirs: Sequence[Count]
) -> Iterator[tuple[int, list[int]]]:
    """The counts of ``mine`` that ``theirs`` cannot hold with: each has comparable counts
    in ``theirs`` and overlaps none of them. Yields the index of each, with the indices of
    its comparable counts. This is the rule of a numeric contradiction."""
    for index, count in enumerate(mine):
        comparable = [j for j, other in enumerate(theirs) if count.key.comparable(other.key)]
        if comparable and all(
            max(count.low, theirs[j].low) > min(count.high, theirs[j].high) for j in comparable
        ):
            yield index, comparable


#: Nouns for a count that one side gives and another doubts or dismisses.
FIGURE_NOUNS: Final = r"figures?|numbers?|toll|count|tally"
# A count said to be off without a number of its own: "the true toll is far higher",
# "the number of wounded may be higher than reported".
_DISPUTED_COUNT: Final = re.compile(
    rf"\b(?:{FIGURE_NOUNS}|total)\b[^.;]{{0,80}}?"
    r"\b(?:higher|lower|greater|larger|smaller|more|fewer)\s+than\b"
    r"|\b(?:far|much|many\s+times|several\s+times)\s+(?:higher|lower|greater|larger)\b",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")


@functools.lru_cache(maxsize=4096)
def disputed_count_event(text: str) -> str | None:
    """The kind of event whose count ``text`` says is off without giving a number
    ("the toll ... is far higher": ``killed``), or None."""
    if _DISPUTED_COUNT.search(text) is None:
        return None
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in DEATH_NOUNS:
            return "killed"
        if lower in EVENT_WORDS:
            return EVENT_WORDS[lower]
    return None
