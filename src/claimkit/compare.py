"""Comparing claims: do two accounts agree?

:func:`compare` says how two claims relate (agree, contradict, related,
unrelated), with typed reasons and a score. It is the one rule of disagreement:
the extractor's disputes, :func:`claimkit.diff.diff` and the corpus all decide
with it. :func:`compare_quantities` (from :mod:`claimkit.language.counts`, where
the meaning of a count is defined) says whether two quantities can both hold.

>>> import claimkit
>>> article = claimkit.extract(
...     "The army said the post held. The rebels said the post was overrun.")
>>> held, overrun = article.claims
>>> result = compare(held, overrun)
>>> result.relation, result.reasons[0]
(<Relation.CONTRADICT: 'contradict'>, OpposedStates(states=('held', 'overrun or abandoned')))
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import re
from collections.abc import Iterable
from typing import Final, TypeAlias

import attrs

from claimkit.identity import name_key
from claimkit.language.counts import (
    APPROXIMATE_TOLERANCE,
    Indeterminate,
    Outcome,
    QuantityComparison,
    compare_quantities,
    count_key,
    counted_class,
    counts_of,
    disputed_count_event,
    interval,
    unmatched_counts,
)
from claimkit.language.events import event_kinds as events_in
from claimkit.language.references import References
from claimkit.language.states import opposed_states
from claimkit.language.text import content_stems
from claimkit.model import Article, Claim

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "ClaimComparison",
    "CounterAccount",
    "DisputedCount",
    "Indeterminate",
    "NumericGap",
    "NumericOverlap",
    "OpposedStates",
    "OppositePolarity",
    "Outcome",
    "OverlappingTime",
    "QuantityComparison",
    "Reason",
    "References",
    "RefersTo",
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
    "relation",
]


class Relation(enum.StrEnum):
    """How two claims relate."""

    AGREE = "agree"  #: the same point, told compatibly
    CONTRADICT = "contradict"  #: the same point, and both cannot hold
    RELATED = "related"  #: the same subject, neither agreeing nor contradicting
    UNRELATED = "unrelated"  #: about different things


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
class OpposedStates:
    """The two claims give one thing states that exclude each other ("held", "overrun")."""

    states: tuple[str, str]


@attrs.frozen(kw_only=True)
class DisputedCount:
    """One claim says the count of an event is off ("far higher"); the other gives it."""

    event: str


@attrs.frozen(kw_only=True)
class RefersTo:
    """In their article, the denial refers to the other claim: it names the account or
    its speaker, points back at it, or answers its accusation."""


@attrs.frozen(kw_only=True)
class CounterAccount:
    """In their article, one claim is what the speaker who denied the other asserts
    instead ("rejected that version ... said the patrol had crossed first")."""


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
    RefersTo
    | CounterAccount
    | OpposedStates
    | DisputedCount
    | NumericOverlap
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
            RefersTo,
            CounterAccount,
            OpposedStates,
            DisputedCount,
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


# --- claims -----------------------------------------------------------------------------

_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")


def event_kinds(claim: Claim) -> frozenset[str]:
    """The kinds of event a claim speaks of: from its counts and its content words."""
    kinds = {key.event for key in map(count_key, claim.quantities) if key.event is not None}
    return frozenset(kinds) | events_in(claim.content.text)


_NAME_RUN: Final = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:al-|de |of )?[A-Z][\w'’.-]*)*")


@functools.lru_cache(maxsize=4096)
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


@functools.lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text))


def _numeric(a: Claim, b: Claim) -> tuple[set[NumericOverlap], set[NumericGap]]:
    """Counts of the same thing: pairs that overlap, and counts no partner allows."""
    overlaps: set[NumericOverlap] = set()
    gaps: set[NumericGap] = set()
    parsed_a = [q for q in a.quantities if interval(q) is not None]
    parsed_b = [q for q in b.quantities if interval(q) is not None]
    for qa, qb in itertools.product(parsed_a, parsed_b):
        result = compare_quantities(qa, qb)
        if result.outcome is Outcome.CONSISTENT and result.overlap is not None:
            overlaps.add(
                NumericOverlap(
                    event=result.event,
                    counted=result.counted,
                    texts=result.texts,
                    overlap=result.overlap,
                )
            )
    counts_a, counts_b = counts_of(parsed_a), counts_of(parsed_b)
    for mine, theirs, mine_q, theirs_q in (
        (counts_a, counts_b, parsed_a, parsed_b),
        (counts_b, counts_a, parsed_b, parsed_a),
    ):
        for index, partners in unmatched_counts(mine, theirs):
            results = [compare_quantities(mine_q[index], theirs_q[j]) for j in partners]
            nearest = min(results, key=lambda r: (r.gap or 0.0, r.texts))
            gaps.add(
                NumericGap(
                    event=nearest.event,
                    counted=nearest.counted,
                    texts=nearest.texts,
                    gap=nearest.gap or 0.0,
                )
            )
    return overlaps, gaps


def _disputed_count(a: Claim, b: Claim) -> DisputedCount | None:
    """One claim says the count of an event is off, the other gives that count."""
    for one, other in ((a, b), (b, a)):
        event = None if one.quantities else disputed_count_event(one.content.text)
        if event is not None and any(count_key(q).event == event for q in other.quantities):
            return DisputedCount(event=event)
    return None


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


def compare(
    a: Claim,
    b: Claim,
    *,
    same_speaker: bool | None = None,
    article: Article | None = None,
    references: References | None = None,
) -> ClaimComparison:
    """How two claims relate, why, and how strongly they are about the same thing.

    The claims are about the same thing when their contents read the same,
    when they speak of a common kind of event, when they share two content
    words or more, when a count of one cannot hold with the comparable counts
    of the other, when they give one thing opposed states, or when one says the
    count that the other gives is off. Then they **contradict** when one
    asserts what the other denies, or for any of the last three; they **agree**
    when they have the same polarity and their contents read the same, their
    counts overlap, or half of their content words are shared; otherwise they
    are **related**. Claims that are not about the same thing are **unrelated**.

    With ``article`` (the article both claims belong to; or ``references``,
    :meth:`References.of` that article, to prepare it once for many calls), what
    a denial refers to is read from the article: a denial of "the rebel account"
    contradicts the rebels' claim (:class:`RefersTo`), and what its speaker
    asserts instead contradicts that claim too (:class:`CounterAccount`). The
    extractor's disputes are decided by this function: every pair of claims on
    opposite sides of a dispute of an extracted article contradicts here.

    The speaker never changes the relation, only the score and the reasons:
    :class:`SameSpeaker` is given when the speaker ids are equal, or as
    ``same_speaker`` says (for claims of two articles, see :mod:`claimkit.identity`).
    The result does not depend on the order of ``a`` and ``b``.
    """
    if references is None and article is not None:
        references = _references_of(article)
    reasons: list[Reason] = []
    same_content = _normalized(a.content.text) == _normalized(b.content.text)
    shared_kinds = event_kinds(a) & event_kinds(b)
    stems_a, stems_b = content_stems(a.content.text), content_stems(b.content.text)
    common = stems_a & stems_b
    union = stems_a | stems_b
    similarity = 1.0 if same_content else (len(common) / len(union) if union else 0.0)
    overlaps, gaps = _numeric(a, b)
    opposite = a.polarity is not b.polarity
    states = opposed_states(a.content.text, b.content.text) if not opposite else None
    disputed = _disputed_count(a, b)
    linked: list[Reason] = _links(a, b, references) if references is not None else []
    conflict = bool(gaps) or states is not None or disputed is not None or bool(linked)
    topical = same_content or bool(shared_kinds) or len(common) >= 2 or conflict

    if topical and opposite:
        reasons.append(OppositePolarity())
    reasons.extend(linked)
    if states is not None:
        reasons.append(OpposedStates(states=(min(states), max(states))))
    if disputed is not None:
        reasons.append(disputed)
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

    relation = _decide(topical, opposite or conflict, same_content or bool(overlaps), similarity)
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


def _decide(topical: bool, conflict: bool, matching: bool, similarity: float) -> Relation:
    """The relation from what two claims share: the one decision of :func:`compare` and
    :func:`relation`."""
    if not topical:
        return Relation.UNRELATED
    if conflict:
        return Relation.CONTRADICT
    if matching or similarity >= AGREE_SIMILARITY:
        return Relation.AGREE
    return Relation.RELATED


def relation(a: Claim, b: Claim, *, references: References | None = None) -> Relation:
    """``compare(a, b, references=references).relation``, without the reasons and the
    score, and faster: what is cheap to know is looked at first. The extractor decides
    its disputes with it."""
    stems_a, stems_b = content_stems(a.content.text), content_stems(b.content.text)
    common = len(stems_a & stems_b)
    topical = common >= 2 or bool(event_kinds(a) & event_kinds(b))
    opposite = a.polarity is not b.polarity
    if opposite and topical:
        return Relation.CONTRADICT
    same_content = _normalized(a.content.text) == _normalized(b.content.text)
    overlaps, gaps = _numeric(a, b) if a.quantities and b.quantities else (set(), set())
    conflict = (
        bool(gaps)
        or (not opposite and opposed_states(a.content.text, b.content.text) is not None)
        or _disputed_count(a, b) is not None
        or (references is not None and bool(_links(a, b, references)))
    )
    topical = topical or same_content or conflict
    union = len(stems_a | stems_b)
    similarity = 1.0 if same_content else (common / union if union else 0.0)
    return _decide(topical, opposite or conflict, same_content or bool(overlaps), similarity)


def _links(a: Claim, b: Claim, references: References) -> list[Reason]:
    """What the article says of the pair: a denial that refers to the other claim, or an
    assertion made instead by one who denied it."""
    i, j = references.position.get(a.id), references.position.get(b.id)
    if (
        i is None
        or j is None
        or not (_same(references.claims[i], a) and _same(references.claims[j], b))
    ):
        return []  # not claims of this article
    if j in references.referents(i) or i in references.referents(j):
        return [RefersTo()]
    if references.counters(i, j) or references.counters(j, i):
        return [CounterAccount()]
    return []


def _same(known: Claim, claim: Claim) -> bool:
    return known is claim or known == claim


_LAST: list[tuple[Article, References]] = []


def _references_of(article: Article) -> References:
    """:meth:`References.of`, kept for the last article: comparisons come in runs."""
    if not _LAST or _LAST[0][0] is not article:
        _LAST[:] = [(article, References.of(article))]
    return _LAST[0][1]


def _sorted(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(sorted(set(reasons), key=_sort_key))
