"""The articles of a corpus on disk, streamed: JSON Lines files and Parquet directories.

:func:`read_corpus` yields the articles of its inputs one at a time, in input
order, for :func:`claimkit.corpus.event_disputes` (``claimkit disputes`` is the two
together). What an input is:

* ``-``: standard input, claimkit JSON Lines (``claimkit extract ... | claimkit
  disputes -``);
* a directory holding ``articles.parquet``: a Parquet directory as
  :mod:`claimkit.columnar` writes it (``claimkit extract ... -o corpus.parquet``),
  read a row group at a time; it needs pyarrow (``claimkit[arrow]``);
* any other directory: every ``*.jsonl`` and ``*.json`` file and every Parquet
  directory below it, sorted by path (as ``claimkit.dask.write_partitions`` leaves
  its partitions), names starting with ``.`` skipped;
* a name with ``*``, ``?`` or ``[`` that is not an existing file: a glob pattern
  (``**`` for any depth), each match read as above;
* any other name: a file of claimkit JSON Lines (or one JSON article).

An input that cannot be read is a :class:`~claimkit.batch.Failed` that names the
file, the line (the row of a Parquet table) and the field (its JSON path, or the
table's column). Without ``keep_going`` the first raises
:class:`~claimkit.batch.BatchError`; with it, a bad line of JSON Lines is skipped and
the next read, and a bad Parquet directory is skipped from its first bad row on.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Final

from claimkit._jsontext import json_documents
from claimkit.batch import BatchError, Failed, is_json
from claimkit.errors import ClaimkitError, InputError
from claimkit.model import Article

__all__ = ["JSON_SUFFIXES", "corpus_inputs", "is_parquet_directory", "read_corpus"]

#: The files a directory contributes, beside its Parquet directories.
JSON_SUFFIXES: Final = (".jsonl", ".json")
_GLOB_CHARACTERS: Final = frozenset("*?[")
# Bytes read from the start of a file to tell JSON from text.
_HEAD: Final = 4096


def is_parquet_directory(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a Parquet directory of articles: it holds ``articles.parquet``."""
    return os.path.isfile(os.path.join(path, "articles.parquet"))


def _failed(source: str, message: str, line: int | None = None) -> Failed:
    return Failed.of(InputError(message, source=source, line=line), source=source, line=line)


def _walk(directory: str) -> list[str]:
    """The JSON Lines files and Parquet directories below ``directory``, sorted."""
    found: list[str] = []
    for root, folders, files in os.walk(directory):
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        for folder in list(folders):
            if is_parquet_directory(os.path.join(root, folder)):
                found.append(os.path.join(root, folder))
                folders.remove(folder)  # its tables are read as one input
        found += (
            os.path.join(root, name)
            for name in files
            if name.lower().endswith(JSON_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found)


def corpus_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str | Failed]:
    """The files and Parquet directories that ``inputs`` name, in order (see the
    module's docstring); a pattern that matches nothing and a directory with nothing
    to read give a :class:`~claimkit.batch.Failed` in their place."""
    for given in inputs:
        name = os.fspath(given)
        if name == "-" or os.path.isfile(name) or is_parquet_directory(name):
            yield name
        elif os.path.isdir(name):
            paths = _walk(name)
            yield from paths
            if not paths:
                yield _failed(name, "no *.jsonl file nor Parquet directory in this directory")
        elif _GLOB_CHARACTERS.intersection(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield _failed(name, "no file matches this pattern")
            for match in matches:
                yield from corpus_inputs([match])
        else:
            yield name  # a missing file: reading it says so


def _parquet(path: str) -> Iterator[Article]:
    try:
        from claimkit.columnar import read_parquet
    except ImportError:
        raise InputError(
            "reading Parquet needs pyarrow: pip install 'claimkit[arrow]'", source=path
        ) from None
    yield from read_parquet(path)


def _json_lines(
    stream: IO[bytes], source: str, report: Callable[[Failed], None]
) -> Iterator[Article]:
    from claimkit.serialize import from_json

    for line, document in json_documents(stream, source=source):
        try:
            article = from_json(document, source=source, line=line)
        except ClaimkitError as error:
            report(Failed.of(error, source=source, line=line))
            continue
        yield article


def _file(name: str, report: Callable[[Failed], None]) -> Iterator[Article]:
    if name == "-":
        yield from _json_lines(sys.stdin.buffer, "<stdin>", report)
        return
    try:
        stream = open(name, "rb")  # noqa: SIM115 (closed below, also when the caller stops)
    except IsADirectoryError:
        raise InputError(
            "a directory without articles.parquet is not a Parquet directory", source=name
        ) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=name) from None
    with stream:
        if not is_json(name, stream.peek(_HEAD)[:_HEAD]):
            raise InputError(
                "not claimkit JSON Lines (text is read by claimkit extract, whose output"
                " this command reads)",
                source=name,
            )
        try:
            yield from _json_lines(stream, name, report)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", source=name) from None


def read_corpus(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    keep_going: bool = False,
    on_failure: Callable[[Failed], None] | None = None,
) -> Iterator[Article]:
    """The articles of ``inputs`` (files, Parquet directories, directories of them and
    glob patterns; see the module's docstring), lazily, in input order.

    Without ``keep_going`` the first input that cannot be read raises
    :class:`~claimkit.batch.BatchError` (its ``failed`` says where); with it, each is
    passed to ``on_failure`` and reading goes on.
    """

    def report(failed: Failed) -> None:
        if not keep_going:
            raise BatchError(failed)
        if on_failure is not None:
            on_failure(failed)

    for name in corpus_inputs(inputs):
        if isinstance(name, Failed):
            report(name)
            continue
        source = "<stdin>" if name == "-" else name
        try:
            if name != "-" and Path(name).is_dir():
                yield from _parquet(name)
            else:
                yield from _file(name, report)
        except BatchError:
            raise
        except ClaimkitError as error:
            report(Failed.of(error, source=source))
