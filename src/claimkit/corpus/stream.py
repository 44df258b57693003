"""Corpus disputes from a stream of articles, in memory bounded by the largest event.

:func:`event_disputes` reads articles once (any iterable: a list, or
:func:`claimkit.serialize.iter_jsonl` over a file), keeps of each claim that
speaks of an event a small :class:`~claimkit.corpus.positions.ClaimRecord`, and
spills the records to a temporary directory, one file per partition of event
keys. Then it reads the partitions back one at a time and yields, lazily, one
:class:`~claimkit.corpus.positions.EventDispute` per disputed event. What stays
in memory is one partition, or, when a partition holds more than
:data:`HOLD_AT` records, one range of its events at a time (never less than one
event, so the largest event bounds it), and the identity keys of the corpus's
sides, which grow with the number of distinct names, not of claims.

>>> import datetime
>>> from claimkit import Actor, ActorKind, Article, Claim, Excerpt, Polarity, Span
>>> def report(article_id, speaker, content, polarity=Polarity.ASSERT):
...     text = f"{speaker} said {content}."
...     cue = len(speaker) + 1
...     claim = Claim(speaker="s", cue=Excerpt(text="said", span=Span(start=cue, end=cue + 4)),
...                   content=Excerpt(text=content, span=Span(start=cue + 5, end=len(text) - 1)),
...                   polarity=polarity)
...     return Article(text=text, id=article_id, published=datetime.date(2024, 3, 5),
...                    actors=(Actor(name=speaker, kind=ActorKind.ORGANIZATION, id="s"),),
...                    claims=(claim,))
>>> found = list(event_disputes([
...     report("a", "Kestrel Group", "rebels attacked the post in Sarmin"),
...     report("b", "Norvale Front", "an attack took place in Sarmin", Polarity.DENY),
...     report("c", "Ojo Agency", "an attack took place in Tarnak", Polarity.DENY),
... ]))
>>> [(str(d.event), [p.polarity.value for p in d.positions]) for d in found]
[('attacked in sarmin, from 2024-03-03', ['assert', 'deny'])]
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import tempfile
import zlib
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, Final

import attrs

from claimkit.corpus.events import DEFAULT_WINDOW_DAYS, event_key, places_of_article
from claimkit.corpus.positions import (
    ClaimRecord,
    EventDispute,
    PlainCount,
    PlainEvent,
    dispute_of_event,
)
from claimkit.corpus.sides import Sides, speaker_keys
from claimkit.errors import ClaimkitError
from claimkit.language.counts import counts_of
from claimkit.model import Article, Polarity, Quantity

__all__ = [
    "DEFAULT_PARTITIONS",
    "CorpusError",
    "DisputeStats",
    "claim_records",
    "event_disputes",
    "group_disputes",
    "partition_of",
]

#: Files the records are spilled to: events are spread over them by a hash of their key.
DEFAULT_PARTITIONS: Final = 64
# Records held per partition before they are written out.
_FLUSH_AT: Final = 512
#: Records read back at a time (more only when one event has more): a partition file
#: with more is split again by ranges of event keys.
HOLD_AT: Final = 1 << 15


class CorpusError(ClaimkitError):
    """Articles that cannot make one corpus (an object that is not an article, or two
    articles with one id)."""


@attrs.define
class DisputeStats:
    """Counters that the dispute search fills in as it runs."""

    articles: int = 0
    claims: int = 0
    claims_with_event: int = 0
    events: int = 0
    largest_event: int = 0
    positions: int = 0
    disputes: int = 0
    conflicts: int = 0
    disputing_pairs: int = 0


def _account(claim_text: str, quantities: str) -> str:
    return quantities or claim_text


# The counts and words of a claim's quantities, by what they are made of: a corpus
# repeats its figures, so each is read once.
_QUANTITIES: dict[tuple[object, ...], tuple[tuple[PlainCount, ...], str]] = {}


def _quantities(quantities: tuple[Quantity, ...]) -> tuple[tuple[PlainCount, ...], str]:
    """The sorted counts of ``quantities``, without repeats, and what they say."""
    if not quantities:
        return (), ""
    # counts_of reads a quantity's counted, event, hedge, low and high; the words its text.
    signature = tuple((q.text, q.counted, q.event, q.hedge, q.low, q.high) for q in quantities)
    found = _QUANTITIES.get(signature)
    if found is None:
        counts = tuple(
            sorted(
                {(c.key.event, c.key.counted, c.low, c.high) for c in counts_of(quantities)},
                key=repr,
            )
        )
        said = ", ".join(" ".join(w for w in (q.text, q.counted, q.event) if w) for q in quantities)
        if len(_QUANTITIES) > 1 << 15:
            _QUANTITIES.clear()
        found = _QUANTITIES[signature] = (counts, said)
    return found


def claim_records(
    article: Article, *, window_days: int = DEFAULT_WINDOW_DAYS
) -> Iterator[ClaimRecord]:
    """The record of every claim of ``article`` that speaks of an event."""
    places = places_of_article(article.text)
    keys = speaker_keys(article)
    for claim in article.claims:
        key = event_key(claim, places, article.published, window_days=window_days)
        if key is None:
            continue
        counts, said = _quantities(claim.quantities)
        yield ClaimRecord(
            event=(
                key.kind,
                key.place,
                key.actors,
                None if key.start is None else key.start.toordinal(),
            ),
            article=article.id,
            source=article.source,
            claim=claim.id,
            keys=keys[claim.speaker],
            deny=claim.polarity is Polarity.DENY,
            counts=counts,
            account=_account(claim.content.text, said),
        )


def partition_of(event: PlainEvent, partitions: int) -> int:
    """The partition (of ``partitions``) that an event's records go to, the same in every run."""
    # A stable hash (not hash(), which changes between runs), so the order is reproducible.
    return zlib.crc32(repr(event).encode("utf-8")) % partitions


def _records(
    articles: Iterable[Article], sides: Sides, stats: DisputeStats, window_days: int
) -> Iterator[ClaimRecord]:
    for article in articles:
        if not isinstance(article, Article):
            raise CorpusError(f"expected an Article, got {type(article).__name__}")
        stats.articles += 1
        stats.claims += len(article.claims)
        for keys in speaker_keys(article).values():
            sides.add(keys)
        for record in claim_records(article, window_days=window_days):
            stats.claims_with_event += 1
            yield record


def group_disputes(
    groups: dict[PlainEvent, list[ClaimRecord]], sides: Sides, stats: DisputeStats, partitions: int
) -> Iterator[EventDispute]:
    """The disputes of one partition's events (emptying ``groups`` as it goes), in the
    order of their event key; ``stats`` is filled in."""

    def side(record: ClaimRecord) -> str:
        return sides.side(record.keys, record.article)

    for event in sorted(groups, key=lambda e: (partition_of(e, partitions), repr(e))):
        records = groups.pop(event)
        stats.events += 1
        stats.largest_event = max(stats.largest_event, len(records))
        try:
            dispute = dispute_of_event(event, records, side)
        except ValueError as error:
            raise CorpusError(str(error)) from None
        del records
        if dispute is not None:
            stats.disputes += 1
            stats.positions += len(dispute.positions)
            stats.conflicts += len(dispute.conflicts)
            stats.disputing_pairs += dispute.disputing_pairs
            yield dispute


def event_disputes(
    articles: Iterable[Article],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    spill: bool = True,
    partitions: int = DEFAULT_PARTITIONS,
    directory: str | os.PathLike[str] | None = None,
    stats: DisputeStats | None = None,
) -> Generator[EventDispute, None, None]:
    """The disputes of a stream of articles, one per disputed event, lazily.

    With ``spill`` (the default) the claims' records go to ``partitions`` files in a
    temporary directory (under ``directory``, or the system's), removed when the
    iterator ends or is closed; without it they are held in memory. Disputes come in
    the order of their partition and then of their event key, the same whatever the
    order of the articles. ``stats``, when given, is filled in as the search runs.
    :class:`CorpusError` when an item is not an article or a claim is given twice.
    """
    if type(window_days) is not int or window_days < 0:
        raise ValueError(f"window_days must be an int >= 0, got {window_days!r}")
    if type(partitions) is not int or partitions < 1:
        raise ValueError(f"partitions must be an int >= 1, got {partitions!r}")
    counters = DisputeStats() if stats is None else stats
    sides = Sides()
    records = _records(articles, sides, counters, window_days)
    if not spill:
        groups: dict[PlainEvent, list[ClaimRecord]] = {}
        for record in records:
            groups.setdefault(record.event, []).append(record)
        yield from group_disputes(groups, sides, counters, partitions)
        return
    with tempfile.TemporaryDirectory(prefix="claimkit-disputes-", dir=directory) as tmp:
        paths = [Path(tmp, f"{i:04}.pickle") for i in range(partitions)]
        sizes = _spill(((partition_of(r.event, partitions), r) for r in records), paths)
        for path, size in zip(paths, sizes, strict=True):
            for groups in _partition_groups(path, size):
                yield from group_disputes(groups, sides, counters, partitions)


def _spill(records: Iterable[tuple[int, ClaimRecord]], paths: list[Path]) -> list[int]:
    """Write every record to the file of its partition, in batches; how many went to each."""
    buffers: list[list[ClaimRecord]] = [[] for _ in paths]
    sizes = [0] * len(paths)
    with contextlib.ExitStack() as stack:
        handles: dict[int, IO[bytes]] = {}

        def flush(i: int) -> None:
            if i not in handles:
                handles[i] = stack.enter_context(open(paths[i], "ab"))
            pickle.dump(buffers[i], handles[i], protocol=pickle.HIGHEST_PROTOCOL)
            sizes[i] += len(buffers[i])
            buffers[i] = []

        for i, record in records:
            buffers[i].append(record)
            if len(buffers[i]) >= _FLUSH_AT:
                flush(i)
        for i, buffer in enumerate(buffers):
            if buffer:
                flush(i)
    return sizes


def _partition_groups(path: Path, size: int) -> Iterator[dict[PlainEvent, list[ClaimRecord]]]:
    """The records of a partition file grouped by event, in groups of about
    :data:`HOLD_AT` records or one event, in the order of their keys; the file is removed.

    A partition bigger than that (a large corpus has more events than partitions) is
    split again by ranges of event keys, never inside an event: what is held at a time
    is bounded by the largest event, not by the corpus.
    """
    if size <= HOLD_AT:
        if size:
            yield _read_partition(path)
            path.unlink()
        return
    counts = collections.Counter(record.event for record in _read_records(path))
    chunk_of: dict[PlainEvent, int] = {}
    chunk = held = 0
    for event in sorted(counts, key=repr):  # the order _disputes yields them in
        if held and held + counts[event] > HOLD_AT:
            chunk, held = chunk + 1, 0
        chunk_of[event] = chunk
        held += counts[event]
    del counts
    chunks = [path.with_suffix(f".{c:04}.pickle") for c in range(chunk + 1)]
    _spill(((chunk_of[r.event], r) for r in _read_records(path)), chunks)
    del chunk_of
    path.unlink()
    for part in chunks:
        yield _read_partition(part)
        part.unlink()


def _read_records(path: Path) -> Iterator[ClaimRecord]:
    with open(path, "rb") as handle:
        while True:
            try:
                batch: list[ClaimRecord] = pickle.load(handle)  # our own file, just written
            except EOFError:
                return
            yield from batch


def _read_partition(path: Path) -> dict[PlainEvent, list[ClaimRecord]]:
    groups: dict[PlainEvent, list[ClaimRecord]] = {}
    for record in _read_records(path):
        groups.setdefault(record.event, []).append(record)
    return groups
