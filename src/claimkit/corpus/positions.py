"""Positions inside one event, and the disputes between them.

The claims of one event (see :mod:`claimkit.corpus.events`) are grouped into
**positions**, one per distinct account: the same polarity and the same counts
(each count's key and interval, as :mod:`claimkit.language.counts` reads it).
Whether two claims of one event can both hold depends on nothing else, so two
positions either disagree for every pair of their claims or for none:
:func:`disagreement`, the corpus's one rule, says which. A hot event with
thousands of claims has a few positions, and its dispute lists them all: every
pair of claims that cannot both hold is derivable (:meth:`EventDispute.pairs`),
with no cap and nothing dropped.

A pair is derivable from two disagreeing positions when its claims are of
different articles and different sides (:mod:`claimkit.corpus.sides`): an
article does not dispute itself, nor a side its own account.
"""

from __future__ import annotations

import collections
import datetime
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import attrs

from claimkit.corpus.events import EventKey
from claimkit.language.counts import Count, CountKey, unmatched_counts
from claimkit.model import DisputeKind, Polarity

__all__ = [
    "ClaimRecord",
    "Conflict",
    "EventDispute",
    "Position",
    "PositionClaim",
    "disagreement",
    "dispute_of_event",
]

#: A count as a plain tuple, to travel cheaply: (event, thing counted, low, high).
PlainCount = tuple[str | None, str | None, float, float]
#: An event key as a plain tuple: (kind, place, actors, ordinal of its start).
PlainEvent = tuple[str, str | None, tuple[str, ...], int | None]


class ClaimRecord(NamedTuple):
    """What the corpus keeps of a claim that speaks of an event: small and picklable."""

    event: PlainEvent
    article: str
    source: str | None
    claim: str
    keys: tuple[str, ...] | str  #: the side's identity keys, or its actor id in the article
    deny: bool
    counts: tuple[PlainCount, ...]  #: sorted, without repeats
    account: str  #: what the claim says, in a few words


def _counts(plain: tuple[PlainCount, ...]) -> tuple[Count, ...]:
    return tuple(Count(CountKey(event, counted), low, high) for event, counted, low, high in plain)


def _numeric_gap(qa: tuple[Count, ...], qb: tuple[Count, ...]) -> bool:
    """Whether a count of one has comparable counts in the other and none it allows
    (:func:`claimkit.language.counts.unmatched_counts`, the rule of
    :func:`claimkit.compare.compare`), one of them stating the same event and thing."""
    for mine, theirs in ((qa, qb), (qb, qa)):
        for i, partners in unmatched_counts(mine, theirs):
            key = mine[i].key
            if key.event is not None and any(theirs[j].key == key for j in partners):
                return True
    return False


def disagreement(
    deny_a: bool, counts_a: tuple[Count, ...], deny_b: bool, counts_b: tuple[Count, ...]
) -> DisputeKind | None:
    """Whether two accounts of one event cannot both hold, and why; None if they can.

    One denies what the other asserts (``denial``), or their counts of the same thing
    do not overlap (``numeric``). Every such pair is one that
    :func:`claimkit.compare.compare` calls contradictory: both speak of the event's kind.
    """
    if deny_a != deny_b:
        return DisputeKind.DENIAL
    if _numeric_gap(counts_a, counts_b):
        return DisputeKind.NUMERIC
    return None


@attrs.frozen(kw_only=True, order=True)
class PositionClaim:
    """A claim of a position: its article's id and source, its id, and its side."""

    article: str
    claim: str
    source: str | None
    side: str


@attrs.frozen(kw_only=True)
class Position:
    """One account of an event: a polarity and counts, and the claims that give it."""

    polarity: Polarity
    account: str
    claims: tuple[PositionClaim, ...]


@attrs.frozen(kw_only=True)
class Conflict:
    """Two positions (indices into :attr:`EventDispute.positions`) that cannot both hold.

    ``pairs`` is the number of claim pairs it stands for (different articles and sides).
    """

    kind: DisputeKind
    positions: tuple[int, int]
    pairs: int
    reason: str


@attrs.frozen(kw_only=True)
class EventDispute:
    """The disputes about one event: its positions, and which of them conflict."""

    event: EventKey
    positions: tuple[Position, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def disputing_pairs(self) -> int:
        """How many pairs of claims cannot both hold: the sum over the conflicts."""
        return sum(c.pairs for c in self.conflicts)

    def pairs(self) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
        """Every pair of claims that cannot both hold, as ((article, claim), (article,
        claim)) sorted, each once. There may be very many: this is for checking."""
        for conflict in self.conflicts:
            i, j = conflict.positions
            for x in self.positions[i].claims:
                for y in self.positions[j].claims:
                    if x.article != y.article and x.side != y.side:
                        a, b = (x.article, x.claim), (y.article, y.claim)
                        yield (a, b) if a < b else (b, a)

    def to_dict(self) -> dict[str, Any]:
        """The dispute as plain JSON values (what ``claimkit disputes`` writes a line of)."""
        start = self.event.start
        return {
            "event": {
                "kind": self.event.kind,
                "place": self.event.place,
                "actors": list(self.event.actors),
                "start": None if start is None else start.isoformat(),
            },
            "positions": [
                {
                    "polarity": p.polarity.value,
                    "account": p.account,
                    "claims": [
                        {"article": c.article, "source": c.source, "claim": c.claim, "side": c.side}
                        for c in p.claims
                    ],
                }
                for p in self.positions
            ],
            "conflicts": [
                {
                    "kind": c.kind.value,
                    "positions": list(c.positions),
                    "pairs": c.pairs,
                    "reason": c.reason,
                }
                for c in self.conflicts
            ],
        }


def _derivable(a: list[PositionClaim], b: list[PositionClaim]) -> int:
    """Pairs of claims of different articles and sides, one of ``a`` and one of ``b``."""
    # All pairs, less those of one side or one article, plus those of both (counted twice).
    by_side = collections.Counter(c.side for c in b)
    by_article = collections.Counter(c.article for c in b)
    by_both = collections.Counter((c.article, c.side) for c in b)
    same_side = sum(by_side[c.side] for c in a)
    same_article = sum(by_article[c.article] for c in a)
    same_both = sum(by_both[(c.article, c.side)] for c in a)
    return len(a) * len(b) - same_side - same_article + same_both


def dispute_of_event(
    event: PlainEvent, records: Iterable[ClaimRecord], side: Callable[[ClaimRecord], str]
) -> EventDispute | None:
    """The dispute of one event from the records of its claims, or None when no two of
    its claims disagree. ``side`` gives a record's side. ValueError when a claim is given
    twice (two articles with one id)."""
    groups: dict[tuple[bool, tuple[PlainCount, ...]], list[tuple[PositionClaim, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for record in records:
        ref = (record.article, record.claim)
        if ref in seen:
            raise ValueError(f"claim {ref[1]!r} of article {ref[0]!r} is given twice")
        seen.add(ref)
        member = PositionClaim(
            article=record.article, claim=record.claim, source=record.source, side=side(record)
        )
        groups.setdefault((record.deny, record.counts), []).append((member, record.account))
    signatures = sorted(groups, key=lambda s: (s[0], repr(s[1])))
    members = {s: sorted(groups[s], key=lambda m: (m[0].article, m[0].claim)) for s in signatures}
    counts = {s: _counts(s[1]) for s in signatures}
    found: list[tuple[int, int, DisputeKind, int]] = []
    for i, one in enumerate(signatures):
        for j in range(i + 1, len(signatures)):
            other = signatures[j]
            kind = disagreement(one[0], counts[one], other[0], counts[other])
            if kind is None:
                continue
            pairs = _derivable([m for m, _ in members[one]], [m for m, _ in members[other]])
            if pairs:
                found.append((i, j, kind, pairs))
    if not found:
        return None
    used = sorted({i for i, *_ in found} | {j for _, j, *_ in found})
    index = {old: new for new, old in enumerate(used)}
    positions = tuple(
        Position(
            polarity=Polarity.DENY if signatures[i][0] else Polarity.ASSERT,
            account=members[signatures[i]][0][1],
            claims=tuple(m for m, _ in members[signatures[i]]),
        )
        for i in used
    )
    conflicts = tuple(
        Conflict(
            kind=kind,
            positions=(index[i], index[j]),
            pairs=pairs,
            reason=_reason(kind, positions[index[i]], positions[index[j]]),
        )
        for i, j, kind, pairs in found
    )
    name, place, actors, start = event
    key = EventKey(
        kind=name,
        place=place,
        actors=actors,
        start=None if start is None else datetime.date.fromordinal(start),
    )
    return EventDispute(event=key, positions=positions, conflicts=conflicts)


def _reason(kind: DisputeKind, a: Position, b: Position) -> str:
    if kind is DisputeKind.DENIAL:
        denial, asserted = (a, b) if a.polarity is Polarity.DENY else (b, a)
        return (
            f"{len(denial.claims)} deny ({denial.account})"
            f" what {len(asserted.claims)} assert ({asserted.account})"
        )
    return (
        f"counts that do not overlap: {a.account} ({len(a.claims)})"
        f" against {b.account} ({len(b.claims)})"
    )
