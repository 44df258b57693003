"""Extraction on Dask: the inputs of a batch as a bag, extracted by any Dask scheduler.

Needs the ``dask`` extra (``pip install 'claimkit[dask]'``). The results are those of
:func:`claimkit.batch.extract_batch`, in the same order: one
:class:`~claimkit.batch.Extracted` or :class:`~claimkit.batch.Failed` per article.
Inputs are expanded (directories walked, patterns matched) where the bag is made;
each file is read, and its articles extracted, by the worker that holds it, so on a
cluster the paths must be readable by every worker (a shared file system).
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable, Sequence

import attrs
import dask.bag as db
from dask.base import compute as dask_compute
from dask.delayed import delayed

from claimkit.batch import (
    BatchError,
    Extracted,
    Failed,
    Result,
    documents,
    expand_inputs,
    extract_document,
)
from claimkit.model import Article
from claimkit.sinks import FORMATS, format_named, open_sink

__all__ = ["Written", "articles", "extract_bag", "extract_texts", "write_partitions"]

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
    parts = results.to_delayed()
    paths = [os.path.join(folder, f"part-{i:05}{chosen.suffixes[0]}") for i in range(len(parts))]
    write = delayed(_write_partition, pure=False)
    tasks = [
        write(part, path, chosen.name, keep_going) for part, path in zip(parts, paths, strict=True)
    ]
    done = dask_compute(*tasks, **compute)
    return Written(
        paths=tuple(paths),
        articles=sum(count for count, _ in done),
        failed=tuple(failure for _, failures in done for failure in failures),
    )
