"""claimkit on Dask: extraction, and corpus disputes partitioned by event key.

Needs the ``dask`` extra (``pip install 'claimkit[dask]'``). The results of
:func:`extract_bag` are those of :func:`claimkit.batch.extract_batch`, in the same
order: one :class:`~claimkit.batch.Extracted` or :class:`~claimkit.batch.Failed` per
article. Inputs are expanded (directories walked, patterns matched) where the bag is
made; each file is read, and its articles extracted, by the worker that holds it, so
on a cluster the paths must be readable by every worker (a shared file system).

:func:`dispute_bag` finds the disputes of a bag of articles as
:func:`claimkit.corpus.event_disputes` does: each partition's claims become records,
the records are shuffled so that each event's are in one place, and each event's
dispute is made by one task, so a worker holds one event at a time (the largest
bounds its memory); :func:`corpus_bag` reads the files and Parquet directories that
``claimkit disputes`` reads, one partition each.
"""

from __future__ import annotations

import datetime
import functools
import os
import pickle
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, cast

import attrs
import dask.bag as db
from dask.base import compute as dask_compute
from dask.delayed import delayed
from dask.highlevelgraph import HighLevelGraph

from claimkit.batch import (
    BatchError,
    Extracted,
    Failed,
    Result,
    documents,
    expand_inputs,
    extract_document,
)
from claimkit.corpus.events import DEFAULT_WINDOW_DAYS
from claimkit.corpus.positions import ClaimRecord, PlainEvent
from claimkit.corpus.sides import Sides
from claimkit.model import Article
from claimkit.sinks import FORMATS, format_named, open_sink

__all__ = [
    "Written",
    "articles",
    "corpus_bag",
    "dispute_bag",
    "dispute_lines",
    "extract_bag",
    "extract_texts",
    "write_partitions",
]

#: Files per partition unless the caller says otherwise: a partition is one task,
#: so it must be big enough to hide the scheduler's cost per task.
PARTITION_SIZE = 16


def _extract_names(names: Iterable[str | Failed], published: datetime.date | None) -> list[Result]:
    results: list[Result] = []
    for name in names:
        if isinstance(name, Failed):
            results.append(name)
            continue
        for document in documents(name):
            if isinstance(document, Failed):
                results.append(document)
            else:
                results.extend(extract_document(document, published))
    return results


def extract_bag(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    published: datetime.date | None = None,
    partition_size: int = PARTITION_SIZE,
) -> db.Bag:
    """A bag of the results of extracting ``inputs`` (files, directories and patterns,
    as :func:`~claimkit.batch.extract_batch` reads them), ``partition_size`` files to a
    partition. ``bag.compute()`` gives the list that ``extract_batch(inputs,
    keep_going=True)`` yields, on any scheduler."""
    names = list(expand_inputs(inputs))
    if "-" in names:
        raise ValueError("standard input ('-') cannot be read by Dask workers: name files")
    bag = db.from_sequence(names, partition_size=max(1, partition_size))
    return bag.map_partitions(_extract_names, published)


def _extract_text(text: str, published: datetime.date | None) -> Article:
    from claimkit.extractor import extract

    return extract(text, published=published)


def extract_texts(texts: db.Bag, *, published: datetime.date | None = None) -> db.Bag:
    """A bag of the articles extracted from a bag of article texts (the bodies, as
    :func:`claimkit.extract` takes them), in the same partitions and order."""
    return texts.map(functools.partial(_extract_text, published=published))


def _article(result: Result) -> Article:
    if isinstance(result, Failed):
        raise BatchError(result)
    return result.article


def articles(results: db.Bag) -> db.Bag:
    """The articles of a bag of results; computing it raises
    :class:`~claimkit.batch.BatchError` for a failed input."""
    return results.map(_article)


@attrs.frozen(kw_only=True)
class Written:
    """What :func:`write_partitions` wrote: one file per partition, in order, the number
    of articles, and the failed inputs (with ``keep_going``)."""

    paths: tuple[str, ...]
    articles: int
    failed: tuple[Failed, ...]


def _write_partition(
    results: Sequence[Result], path: str, format: str, keep_going: bool
) -> tuple[int, list[Failed]]:
    failed: list[Failed] = []
    written = 0
    sink = open_sink(path, format=format)
    try:
        for result in results:
            if isinstance(result, Extracted):
                sink.write(result.article)
                written += 1
            elif keep_going:
                failed.append(result)
            else:
                raise BatchError(result)
    finally:
        sink.close()
    return written, failed


def write_partitions(
    results: db.Bag,
    directory: str | os.PathLike[str],
    *,
    format: str = FORMATS[0].name,
    keep_going: bool = False,
    **compute: object,
) -> Written:
    """Write each partition of ``results`` to ``directory/part-NNNNN`` plus the suffix of
    ``format`` (``.jsonl`` for JSON Lines), each by the worker that holds it, and wait.

    Without ``keep_going`` a failed input raises :class:`~claimkit.batch.BatchError`
    (partitions written by then stay). ``compute`` goes to :func:`dask.compute`
    (``scheduler=``, ``num_workers=``, ...).
    """
    chosen = format_named(format)
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    paths = [
        os.path.join(folder, f"part-{i:05}{chosen.suffixes[0]}") for i in range(results.npartitions)
    ]
    # One task a partition that depends on that partition alone (as Dask's own
    # to_textfiles builds it), so the optimizer fuses it with the task that made the
    # partition: the articles are written where they were extracted and never travel.
    name = f"claimkit-write-{uuid.uuid4().hex}"
    graph: dict[Any, Any] = {
        (name, i): (_write_partition, (results.name, i), path, chosen.name, keep_going)
        for i, path in enumerate(paths)
    }
    written = db.Bag(
        HighLevelGraph.from_collections(name, graph, dependencies=[cast(Any, results)]),
        name,
        results.npartitions,
    )
    done = dask_compute(*written.to_delayed(), **compute)
    return Written(
        paths=tuple(paths),
        articles=sum(count for count, _ in done),
        failed=tuple(failure for _, failures in done for failure in failures),
    )


# --- corpus disputes --------------------------------------------------------------------


def _read_input(names: Iterable[str | Failed]) -> list[Article]:
    from claimkit.corpus.inputs import read_corpus

    found: list[Article] = []
    for name in names:
        if isinstance(name, Failed):
            raise BatchError(name)
        found.extend(read_corpus([name]))
    return found


def corpus_bag(inputs: Iterable[str | os.PathLike[str]]) -> db.Bag:
    """A bag of the articles of ``inputs`` (JSON Lines files, Parquet directories,
    directories of them and glob patterns, as ``claimkit disputes`` reads them), one
    partition per file or Parquet directory, read by the worker that holds it. A bad
    input raises :class:`~claimkit.batch.BatchError` when the bag is computed."""
    from claimkit.corpus.inputs import corpus_inputs

    names = list(corpus_inputs(inputs))
    if "-" in names:
        raise ValueError("standard input ('-') cannot be read by Dask workers: name files")
    return db.from_sequence(names, npartitions=max(1, len(names))).map_partitions(_read_input)


def _prepare(
    articles: Iterable[Article], window_days: int, partitions: int
) -> list[tuple[list[tuple[str, ...]], tuple[bytes, ...]]]:
    """One input partition's side keys, and its claims' records split by event
    partition, each part pickled to one bytes object (cheap for any scheduler to move).

    The side keys are those that join names (two keys or more)."""
    from claimkit.corpus.sides import speaker_keys
    from claimkit.corpus.stream import claim_records, partition_of

    keys: set[tuple[str, ...]] = set()
    parts: list[list[ClaimRecord]] = [[] for _ in range(partitions)]
    for article in articles:
        keys.update(
            found
            for found in speaker_keys(article).values()
            if isinstance(found, tuple) and len(found) > 1
        )
        for record in claim_records(article, window_days=window_days):
            parts[partition_of(record.event, partitions)].append(record)
    packed = tuple(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts)
    return [(sorted(keys), packed)]


def _part(prepared: list[tuple[list[tuple[str, ...]], tuple[bytes, ...]]], index: int) -> bytes:
    ((_, packed),) = prepared
    return packed[index]


def _sides(*prepared: list[tuple[list[tuple[str, ...]], tuple[bytes, ...]]]) -> Sides:
    from claimkit.corpus.sides import Sides

    sides = Sides()
    for keys in sorted({keys for ((found, _),) in prepared for keys in found}):
        sides.add(keys)
    return sides


def _partition_disputes(index: int, partitions: int, sides: Sides, *parts: bytes) -> list[Any]:
    """The disputes of the events of one partition, from its records in every part."""
    from claimkit.corpus.stream import DisputeStats, group_disputes

    groups: dict[PlainEvent, list[ClaimRecord]] = {}
    for part in parts:
        for record in pickle.loads(part):
            groups.setdefault(record.event, []).append(record)
    return list(group_disputes(groups, sides, DisputeStats(), partitions))


def dispute_bag(
    articles: db.Bag, *, window_days: int = DEFAULT_WINDOW_DAYS, npartitions: int | None = None
) -> db.Bag:
    """A bag of the disputes of a bag of articles: one
    :class:`~claimkit.corpus.EventDispute` per disputed event, the disputes that
    :func:`claimkit.corpus.event_disputes` yields (in another order).

    Each partition of ``articles`` becomes, in the task that reads it, its side keys
    and its claims' records split into ``npartitions`` parts by event key (those of
    ``articles`` when not given); so the articles never travel, and each event's
    records meet in one task, which makes its dispute (a task holds one partition's
    events). The sides, which join speakers' names across the corpus, are made once
    from every partition's keys and sent to each task. Computing it raises
    :class:`~claimkit.corpus.CorpusError` when a claim is given twice (two articles
    with one id).
    """
    if type(window_days) is not int or window_days < 0:
        raise ValueError(f"window_days must be an int >= 0, got {window_days!r}")
    if npartitions is not None and (type(npartitions) is not int or npartitions < 1):
        raise ValueError(f"npartitions must be an int >= 1, got {npartitions!r}")
    partitions = npartitions or articles.npartitions
    prepared = articles.map_partitions(_prepare, window_days, partitions).to_delayed()
    sides = delayed(_sides, pure=True)(*prepared)
    part = delayed(_part, pure=True)
    found = [
        delayed(_partition_disputes, pure=True)(
            index, partitions, sides, *(part(piece, index) for piece in prepared)
        )
        for index in range(partitions)
    ]
    return db.from_delayed(found)


def dispute_lines(disputes: db.Bag) -> db.Bag:
    """The lines of ``claimkit disputes`` (text, without line ends) of a bag of
    disputes, for ``Bag.to_textfiles``."""
    from claimkit.corpus.lines import dispute_line

    return disputes.map(lambda dispute: dispute_line(dispute).decode("utf-8"))
