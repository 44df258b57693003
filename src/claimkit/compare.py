"""Comparing quantities and claims: do two accounts agree?

:func:`compare_quantities` reads two quantities as intervals, honouring their
hedges ("up to 40" is ``[0, 40]``, "hundreds of" is ``[200, inf)``, "about
40" is 40 give or take 10%), and says whether they can both hold. :func:`compare`
says how two claims relate (agree, contradict, related, unrelated), with typed
reasons and a score.

>>> from claimkit import Hedge, Quantity, Span
>>> up_to_40 = Quantity(text="up to 40", span=Span(start=0, end=8), hedge=Hedge.UP_TO,
...                     high=40, counted="soldiers", event="killed")
>>> fifty = Quantity(text="50", span=Span(start=0, end=2), hedge=Hedge.EXACT,
...                  low=50, high=50, counted="soldiers", event="killed")
>>> result = compare_quantities(up_to_40, fifty)
>>> result.outcome, result.gap
(<Outcome.INCONSISTENT: 'inconsistent'>, 10.0)
"""

from __future__ import annotations

import datetime
import enum
import itertools
import re
from collections.abc import Iterable
from typing import Final, TypeAlias

import attrs

from claimkit.identity import name_key
from claimkit.language.lexicon import EVENT_WORDS
from claimkit.language.text import content_stems
from claimkit.model import Claim, Hedge, Quantity

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "ClaimComparison",
    "Indeterminate",
    "NumericGap",
    "NumericOverlap",
    "OppositePolarity",
    "Outcome",
    "OverlappingTime",
    "QuantityComparison",
    "Reason",
    "Relation",
    "SameEventKind",
    "SameSpeaker",
    "SharedActors",
    "SharedWords",
    "compare",
    "compare_quantities",
    "counted_class",
    "event_kinds",
    "interval",
]

#: "about 40" stands for 40 give or take this fraction.
APPROXIMATE_TOLERANCE: Final = 0.1


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


class Relation(enum.StrEnum):
    """How two claims relate."""

    AGREE = "agree"  #: the same point, told compatibly
    CONTRADICT = "contradict"  #: the same point, and both cannot hold
    RELATED = "related"  #: the same subject, neither agreeing nor contradicting
    UNRELATED = "unrelated"  #: about different things


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


# --- reasons ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NumericOverlap:
    """Two counts of the same thing that can both hold."""

    event: str | None
    counted: str | None
    texts: tuple[str, str]
    overlap: tuple[float, float]


@attrs.frozen(kw_only=True)
class NumericGap:
    """A count of one claim that no count of the same thing in the other allows."""

    event: str | None
    counted: str | None
    texts: tuple[str, str]
    gap: float


@attrs.frozen(kw_only=True)
class OppositePolarity:
    """One claim asserts what the other denies."""


@attrs.frozen(kw_only=True)
class SameSpeaker:
    """Both claims come from the same actor."""

    speaker: str


@attrs.frozen(kw_only=True)
class SameEventKind:
    """Both claims speak of the same kinds of event ("killed", "attacked")."""

    kinds: tuple[str, ...]


@attrs.frozen(kw_only=True)
class OverlappingTime:
    """The statements were made on days that overlap (``start`` to ``end``)."""

    start: datetime.date
    end: datetime.date


@attrs.frozen(kw_only=True)
class SharedActors:
    """Both contents mention the same actors or countries."""

    names: tuple[str, ...]


@attrs.frozen(kw_only=True)
class SharedWords:
    """Content words both claims use; ``similarity`` is their Jaccard index."""

    words: tuple[str, ...]
    similarity: float


#: Any reason :func:`compare` may give.
Reason: TypeAlias = (
    NumericOverlap
    | NumericGap
    | OppositePolarity
    | SameSpeaker
    | SameEventKind
    | OverlappingTime
    | SharedActors
    | SharedWords
)
_REASON_ORDER: Final[dict[type, int]] = {
    cls: i
    for i, cls in enumerate(
        (
            OppositePolarity,
            NumericGap,
            NumericOverlap,
            SameEventKind,
            SharedWords,
            SharedActors,
            OverlappingTime,
            SameSpeaker,
        )
    )
}


@attrs.frozen(kw_only=True)
class ClaimComparison:
    """The result of :func:`compare`; the same whatever the order of the claims.

    ``score`` in ``[0, 1]`` says how strongly the claims are about the same
    thing: shared content words, event kinds, counts, days, actors and speaker.
    """

    relation: Relation
    score: float
    reasons: tuple[Reason, ...]

    def reason(self, kind: type[Reason]) -> Reason | None:
        """The first reason of this type, if any."""
        return next((r for r in self.reasons if type(r) is kind), None)


# --- quantities -------------------------------------------------------------------------


def interval(quantity: Quantity) -> tuple[float, float] | None:
    """The values a quantity allows, honouring its hedge; None when unparsed.

    Open ends are infinities; "up to 40" starts at 0; an approximate quantity
    is widened by :data:`APPROXIMATE_TOLERANCE` on both sides.
    """
    bounds = quantity.interval
    if bounds is None:
        return None
    low, high = bounds
    if quantity.hedge is Hedge.APPROXIMATE:
        low -= abs(low) * APPROXIMATE_TOLERANCE
        high += abs(high) * APPROXIMATE_TOLERANCE
    return (low, high)


# Nouns that count the same people from different points of view.
_COUNT_CLASSES: Final[dict[str, str]] = {}
for _class, _nouns in {
    "people": """people person persons civilians residents protesters demonstrators
        marchers villagers refugees migrants patients victims workers passengers
        inhabitants""",
    "soldiers": "soldiers soldier troops servicemen personnel guards",
    "fighters": """fighters fighter insurgents insurgent militants militant rebels rebel
        terrorists terrorist attackers attacker gunmen jihadists combatants""",
}.items():
    for _noun in _nouns.split():
        _COUNT_CLASSES[_noun] = _class


def counted_class(counted: str | None) -> str | None:
    """What a quantity counts, reduced to its head noun or its class.

    "Syrian soldiers" and "troops" are both "soldiers"; "terrorists" and
    "attackers" are both "fighters"; other nouns lose a plural "s".
    """
    if counted is None or not counted.split():
        return None
    head = counted.split()[-1].casefold().strip(".,;:")
    if head in _COUNT_CLASSES:
        return _COUNT_CLASSES[head]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


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
    if a.event is not None and b.event is not None and a.event != b.event:
        return QuantityComparison(
            outcome=Outcome.INDETERMINATE, texts=texts, indeterminate=Indeterminate.DIFFERENT_EVENT
        )
    ca, cb = counted_class(a.counted), counted_class(b.counted)
    if ca is not None and cb is not None and ca != cb:
        return QuantityComparison(
            outcome=Outcome.INDETERMINATE,
            texts=texts,
            indeterminate=Indeterminate.DIFFERENT_COUNTED,
        )
    event = a.event if a.event is not None else b.event
    counted = ca if ca is not None else cb
    low, high = max(ia[0], ib[0]), min(ia[1], ib[1])
    if low > high:
        return QuantityComparison(
            outcome=Outcome.INCONSISTENT, texts=texts, gap=low - high, event=event, counted=counted
        )
    return QuantityComparison(
        outcome=Outcome.CONSISTENT, texts=texts, overlap=(low, high), event=event, counted=counted
    )


# --- claims -----------------------------------------------------------------------------

_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
# Event words the quantity lexicon leaves out but that name the same kinds of event.
_MORE_EVENT_WORDS: Final[dict[str, str]] = dict.fromkeys(
    """offensive offensives operation operations raid raids incursion incursions
    ambush ambushes shelling bombing bombings clashes fighting airstrike airstrikes""".split(),
    "attacked",
)


def _event_word(word: str) -> str | None:
    lower = word.casefold()
    return EVENT_WORDS.get(lower) or _MORE_EVENT_WORDS.get(lower)


def event_kinds(claim: Claim) -> frozenset[str]:
    """The kinds of event a claim speaks of: from its counts and its content words."""
    kinds = {q.event for q in claim.quantities if q.event is not None}
    for word in _WORD.findall(claim.content.text):
        kind = _event_word(word)
        if kind is not None:
            kinds.add(kind)
    return frozenset(kinds)


_NAME_RUN: Final = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:al-|de |of )?[A-Z][\w'’.-]*)*")


def _mentioned(text: str) -> frozenset[str]:
    """Actors and countries a content names: runs of capitalised words, by identity key."""
    found = set()
    for match in _NAME_RUN.finditer(text):
        key = name_key(match.group())
        if key.country is not None:
            found.add(key.country)
        elif key.rest and len(key.rest) > 2:
            found.add(key.rest)
    return frozenset(found)


def _normalized(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text))


def _numeric(a: Claim, b: Claim) -> tuple[set[NumericOverlap], set[NumericGap]]:
    """Counts of the same thing: pairs that overlap, and counts no partner allows."""
    overlaps: set[NumericOverlap] = set()
    gaps: set[NumericGap] = set()
    results = {
        (i, j): compare_quantities(qa, qb)
        for (i, qa), (j, qb) in itertools.product(enumerate(a.quantities), enumerate(b.quantities))
    }
    for result in results.values():
        if result.outcome is Outcome.CONSISTENT and result.overlap is not None:
            overlaps.add(
                NumericOverlap(
                    event=result.event,
                    counted=result.counted,
                    texts=result.texts,
                    overlap=result.overlap,
                )
            )
    for side in (0, 1):
        count = len(a.quantities) if side == 0 else len(b.quantities)
        for index in range(count):
            mine = [r for key, r in results.items() if key[side] == index]
            comparable = [r for r in mine if r.outcome is not Outcome.INDETERMINATE]
            if comparable and all(r.outcome is Outcome.INCONSISTENT for r in comparable):
                nearest = min(comparable, key=lambda r: (r.gap or 0.0, r.texts))
                gaps.add(
                    NumericGap(
                        event=nearest.event,
                        counted=nearest.counted,
                        texts=nearest.texts,
                        gap=nearest.gap or 0.0,
                    )
                )
    return overlaps, gaps


def _sort_key(reason: Reason) -> tuple[int, str]:
    return (_REASON_ORDER[type(reason)], repr(reason))


def _time_overlap(a: Claim, b: Claim) -> OverlappingTime | None:
    if a.when is None or b.when is None or not a.when.overlaps(b.when):
        return None
    starts = [d for d in (a.when.start, b.when.start) if d is not None]
    ends = [d for d in (a.when.end, b.when.end) if d is not None]
    return OverlappingTime(start=max(starts), end=min(ends))


#: Agreement without numbers needs at least this share of content words in common.
AGREE_SIMILARITY: Final = 0.5


def compare(a: Claim, b: Claim, *, same_speaker: bool | None = None) -> ClaimComparison:
    """How two claims relate, why, and how strongly they are about the same thing.

    The claims are about the same thing when their contents read the same,
    when they speak of a common kind of event, or when they share two content
    words or more. Then they **contradict** when one asserts what the other
    denies, or when a count of one has comparable counts in the other and
    none of them can hold with it (a :class:`NumericGap`); they **agree** when
    they have the same polarity and their contents read the same, their counts
    overlap, or half of their content words are shared; otherwise they are
    **related**. Claims that are not about the same thing are **unrelated**.

    The speaker never changes the relation, only the score and the reasons:
    :class:`SameSpeaker` is given when the speaker ids are equal, or as
    ``same_speaker`` says (for claims of two articles, see :mod:`claimkit.identity`).
    The result does not depend on the order of ``a`` and ``b``.
    """
    reasons: list[Reason] = []
    same_content = _normalized(a.content.text) == _normalized(b.content.text)
    shared_kinds = event_kinds(a) & event_kinds(b)
    stems_a, stems_b = content_stems(a.content.text), content_stems(b.content.text)
    common = stems_a & stems_b
    union = stems_a | stems_b
    similarity = 1.0 if same_content else (len(common) / len(union) if union else 0.0)
    overlaps, gaps = _numeric(a, b)
    opposite = a.polarity is not b.polarity
    topical = same_content or bool(shared_kinds) or len(common) >= 2

    if topical and opposite:
        reasons.append(OppositePolarity())
    reasons.extend(gaps)
    reasons.extend(overlaps)
    if shared_kinds:
        reasons.append(SameEventKind(kinds=tuple(sorted(shared_kinds))))
    if common:
        reasons.append(SharedWords(words=tuple(sorted(common)), similarity=round(similarity, 3)))
    actors = _mentioned(a.content.text) & _mentioned(b.content.text)
    if actors:
        reasons.append(SharedActors(names=tuple(sorted(actors))))
    time = _time_overlap(a, b)
    if time is not None:
        reasons.append(time)
    speaker = a.speaker == b.speaker if same_speaker is None else same_speaker
    if speaker:
        reasons.append(SameSpeaker(speaker=min(a.speaker, b.speaker)))

    if not topical:
        relation = Relation.UNRELATED
    elif opposite or gaps:
        relation = Relation.CONTRADICT
    elif same_content or overlaps or similarity >= AGREE_SIMILARITY:
        relation = Relation.AGREE
    else:
        relation = Relation.RELATED
    score = (
        0.35 * similarity
        + 0.2 * bool(shared_kinds)
        + 0.15 * bool(overlaps or gaps)
        + 0.1 * (time is not None)
        + 0.1 * bool(actors)
        + 0.1 * speaker
    )
    return ClaimComparison(
        relation=relation, score=round(min(score, 1.0), 3), reasons=_sorted(reasons)
    )


def _sorted(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(sorted(set(reasons), key=_sort_key))
