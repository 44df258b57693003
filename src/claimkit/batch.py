"""Extraction of many inputs, streamed: files, directories and glob patterns, in input order.

:func:`extract_batch` reads its inputs lazily and yields one result per article, in
the order of the inputs, whatever the number of worker processes (``jobs``): an
:class:`Extracted` article, or a :class:`Failed` input that says which file, which
line and what was wrong. Only a bounded number of articles is in flight at any time,
so memory stays bounded however many inputs there are.

What an input is:

* ``-``: standard input (JSON when its text starts with ``{``, text otherwise);
* a directory: every ``*.txt`` file below it, sorted by path (names starting with
  ``.`` are skipped);
* a name with ``*``, ``?`` or ``[`` that is not an existing file: a glob pattern
  (``**`` matches any depth), its matches in sorted order;
* any other name: a file. A file named ``*.json`` or ``*.jsonl``, or whose text
  starts with ``{``, holds JSON articles (one document, or JSON Lines), whose text is
  extracted again; any other file is text, in the seed format (``date YYYY-MM-DD``
  then the body) or plain (see :mod:`claimkit.readers`).

A pattern that matches nothing and a directory without a ``*.txt`` file are failed
inputs too, in their place.
"""

from __future__ import annotations

import collections
import concurrent.futures
import datetime
import glob
import io
import os
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import IO, Final, TypeAlias

import attrs

from claimkit._jsontext import BOM, json_documents
from claimkit.errors import ClaimkitError, InputError
from claimkit.model import Article
from claimkit.readers import decode_utf8, parse_plain
from claimkit.sinks import Sink

__all__ = [
    "JSON_SUFFIXES",
    "BatchError",
    "Document",
    "Extracted",
    "Failed",
    "Progress",
    "Result",
    "Summary",
    "documents",
    "expand_inputs",
    "extract_batch",
    "extract_document",
    "is_json",
    "write_batch",
]

#: The file names that always hold JSON articles.
JSON_SUFFIXES: Final = (".json", ".jsonl")
#: The files a directory contributes.
TEXT_SUFFIX: Final = ".txt"
#: Documents sent to a worker at a time: enough to make the cost of sending them small
#: beside the cost of extracting them, few enough to keep the workers evenly busy.
CHUNK: Final = 8
#: Chunks in flight per worker: bounds memory (and the results held back to keep input
#: order) while keeping every worker busy.
IN_FLIGHT_PER_JOB: Final = 4

_GLOB_CHARACTERS: Final = frozenset("*?[")


def is_json(name: str, raw: bytes) -> bool:
    """Whether a file holds JSON articles: by its name, or by a first ``{``."""
    if name != "-" and name.lower().endswith(JSON_SUFFIXES):
        return True
    head = raw[len(BOM) :] if raw.startswith(BOM) else raw
    return head.lstrip(b" \t\r\n").startswith(b"{")


@attrs.frozen(kw_only=True)
class Document:
    """One unit of work: a text file to read, or bytes already read (a JSON document,
    standard input), with the file and line it comes from."""

    source: str
    line: int | None = None
    path: str | None = None
    data: bytes | None = None


@attrs.frozen(kw_only=True)
class Extracted:
    """An article extracted from ``source`` (``line``: where its JSON document starts)."""

    source: str
    line: int | None
    article: Article


@attrs.frozen(kw_only=True)
class Failed:
    """An input that could not be read, and why.

    ``kind`` names the error (``ReadError``, ``DecodeError``, ``ValidationError``);
    ``problems`` are its lines, each ``FILE:LINE: message`` (``FILE: message`` when no
    line applies), one per thing wrong.
    """

    source: str
    line: int | None
    kind: str
    problems: tuple[str, ...]

    @classmethod
    def of(cls, error: ClaimkitError, *, source: str, line: int | None = None) -> Failed:
        """The failure that ``error`` reports about ``source``."""
        problems = tuple(str(error).splitlines()) or (f"{source}: {type(error).__name__}",)
        if isinstance(error, InputError) and error.line is not None:
            line = error.line
        return cls(source=source, line=line, kind=type(error).__name__, problems=problems)

    def __str__(self) -> str:
        return "\n".join(self.problems)


Result: TypeAlias = Extracted | Failed


class BatchError(ClaimkitError):
    """The first input that failed, when a batch does not keep going.

    ``failed`` is the :class:`Failed` result; the message is its problems, one a line.
    """

    def __init__(self, failed: Failed) -> None:
        self.failed = failed
        super().__init__(str(failed))


def _failed(source: str, message: str, line: int | None = None) -> Failed:
    return Failed.of(InputError(message, source=source, line=line), source=source, line=line)


# --- inputs -----------------------------------------------------------------------------


def _walk(directory: str) -> list[str]:
    """The ``*.txt`` files below ``directory`` sorted by path (as a pattern's matches
    are), hidden names skipped."""
    found: list[str] = []
    for root, folders, files in os.walk(directory):
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        found += (os.path.join(root, name) for name in files if _is_text_name(name))
    return sorted(found)


def _is_text_name(name: str) -> bool:
    return name.endswith(TEXT_SUFFIX) and not name.startswith(".")


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str | Failed]:
    """The files that ``inputs`` name, in order: directories walked and patterns
    expanded (see the module's docstring); a pattern that matches nothing and a
    directory without text files give a :class:`Failed` in their place."""
    for given in inputs:
        name = os.fspath(given)
        if name == "-" or os.path.isfile(name):
            yield name
        elif os.path.isdir(name):
            paths = _walk(name)
            yield from paths
            if not paths:
                yield _failed(name, f"no *{TEXT_SUFFIX} file in this directory")
        elif _GLOB_CHARACTERS.intersection(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield _failed(name, "no file matches this pattern")
            for match in matches:
                yield from expand_inputs([match]) if os.path.isdir(match) else [match]
        else:
            yield name  # a missing file: reading it says so


def _json_documents(stream: IO[bytes], source: str) -> Iterator[Document | Failed]:
    try:
        for line, data in json_documents(stream, source=source):
            yield Document(source=source, line=line, data=data)
    except InputError as error:
        yield Failed.of(error, source=source)
    except OSError as error:
        yield _failed(source, f"cannot read: {error.strerror}")


def documents(name: str) -> Iterator[Document | Failed]:
    """The documents of one file (``-`` for standard input), lazily.

    A JSON or JSON Lines file is split here, one :class:`Document` per article,
    streamed; a text file is one document, read by whoever extracts it.
    """
    if name == "-":
        raw = sys.stdin.buffer.read()
        if is_json(name, raw):
            yield from _json_documents(io.BytesIO(raw), "<stdin>")
        else:
            yield Document(source="<stdin>", data=raw)
        return
    if not name.lower().endswith(JSON_SUFFIXES):
        yield Document(source=name, path=name)
        return
    try:
        with open(name, "rb") as stream:
            yield from _json_documents(stream, name)
    except OSError as error:  # opening it; errors of reading are caught as it streams
        yield _failed(name, f"cannot read: {error.strerror}")


def _documents(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Failed]:
    for name in expand_inputs(inputs):
        if isinstance(name, Failed):
            yield name
        else:
            yield from documents(name)


# --- extraction -------------------------------------------------------------------------


def _read(document: Document) -> bytes:
    if document.data is not None:
        return document.data
    assert document.path is not None
    try:
        with open(document.path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=document.source) from None


def _articles(document: Document, published: datetime.date | None) -> Iterator[Article]:
    """The articles of a document, before extraction; a text file that turns out to
    hold JSON (it starts with ``{``) may hold several."""
    from claimkit.serialize import from_json

    raw = _read(document)
    source = document.source
    if document.line is not None:  # a JSON document split from its file
        yield from_json(raw, source=source, line=document.line)
    elif is_json(source, raw):
        for line, data in json_documents(io.BytesIO(raw), source=source):
            yield from_json(data, source=source, line=line)
    else:
        parsed = parse_plain(decode_utf8(raw, source=source), published=published, source=source)
        yield Article(text=parsed.text, published=parsed.published)


def extract_document(document: Document, published: datetime.date | None = None) -> list[Result]:
    """Extract the articles of one document; a document that cannot be read is one
    :class:`Failed`. ``published`` resolves relative times of text without a date."""
    from claimkit.extractor import extract

    try:
        # Read every article of the document before extracting any: an error of
        # reading is a failed input, an error of extraction is a bug and propagates.
        read = list(_articles(document, published))
    except ClaimkitError as error:
        return [Failed.of(error, source=document.source, line=document.line)]
    line = document.line
    return [
        Extracted(
            source=document.source,
            line=line,
            article=extract(article, published=published or article.published),
        )
        for article in read
    ]


def _extract_chunk(chunk: list[Document | Failed], published: datetime.date | None) -> list[Result]:
    results: list[Result] = []
    for item in chunk:
        if isinstance(item, Failed):
            results.append(item)
        else:
            results.extend(extract_document(item, published))
    return results


def _chunks(items: Iterator[Document | Failed], size: int) -> Iterator[list[Document | Failed]]:
    chunk: list[Document | Failed] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it, and stops
    # the workers, so that none prints a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_workers(
    items: Iterator[Document | Failed], published: datetime.date | None, jobs: int
) -> Iterator[Result]:
    """The results of ``items`` in their order, extracted by ``jobs`` processes, with at
    most ``jobs * IN_FLIGHT_PER_JOB`` chunks submitted and not yet yielded."""
    executor = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_ignore_interrupts
    )
    pending: collections.deque[concurrent.futures.Future[list[Result]]] = collections.deque()
    try:
        for chunk in _chunks(items, CHUNK):
            pending.append(executor.submit(_extract_chunk, chunk, published))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Also on an error, Ctrl-C, or a consumer that stopped early: no work is left
        # queued, and no worker outlives the batch.
        executor.shutdown(wait=True, cancel_futures=True)


def extract_batch(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    published: datetime.date | None = None,
    keep_going: bool = False,
) -> Generator[Result, None, None]:
    """Extract every article of ``inputs``, lazily, one result per article in input order.

    ``inputs`` are files, directories and glob patterns (see the module's docstring).
    ``jobs`` is the number of worker processes (1: extract in this process); the
    results are the same for any ``jobs``. ``published`` is the publication date of
    plain text. With ``keep_going``, an input that cannot be read is a :class:`Failed`
    result in its place; without it, the first raises :class:`BatchError`, after every
    result before it has been yielded. Closing the generator early (``close()``, or
    dropping the last reference to it) stops the workers.

    With ``jobs`` above 1, call it from code that runs under
    ``if __name__ == "__main__":`` where processes are spawned (Windows, macOS).
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    items = _documents(inputs)
    if jobs == 1:
        results: Iterator[Result] = (
            result for item in items for result in _extract_chunk([item], published)
        )
    else:
        results = _in_workers(items, published, jobs)
    for result in results:
        if isinstance(result, Failed) and not keep_going:
            raise BatchError(result)
        yield result


@attrs.define
class Summary:
    """What :func:`write_batch` did: articles written, inputs failed."""

    written: int = 0
    failed: int = 0


def write_batch(
    inputs: Iterable[str | os.PathLike[str]],
    sink: Sink,
    *,
    jobs: int = 1,
    published: datetime.date | None = None,
    keep_going: bool = False,
    on_failure: Callable[[Failed], None] | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Write every article of ``inputs`` to ``sink`` as it is extracted, in input order.

    The arguments are those of :func:`extract_batch`; ``on_failure`` is called with each
    failed input (with ``keep_going``), ``progress`` counts every result. Without
    ``keep_going`` the first failed input raises :class:`BatchError`, after every
    article before it has been written. The sink is left open.
    """
    summary = Summary()
    for result in extract_batch(inputs, jobs=jobs, published=published, keep_going=keep_going):
        if isinstance(result, Failed):
            summary.failed += 1
            if on_failure is not None:
                on_failure(result)
        else:
            sink.write(result.article)
            summary.written += 1
        if progress is not None:
            progress.update(result)
    return summary


# --- progress ---------------------------------------------------------------------------


class Progress:
    """A one-line counter of results and their rate on ``stream``, redrawn in place
    (``\\r``) at most every ``every`` seconds; silent unless ``stream`` is a terminal."""

    def __init__(
        self,
        stream: IO[str],
        *,
        every: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._every = every
        self.enabled = stream.isatty()
        self._start = clock()
        self._shown = self._start
        self.done = 0
        self.failed = 0

    def update(self, result: Result) -> None:
        """Count one result; redraw the line when it is due."""
        self.done += 1
        self.failed += isinstance(result, Failed)
        now = self._clock()
        if self.enabled and now - self._shown >= self._every:
            self._shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-9)
        failed = f", {self.failed:,} failed" if self.failed else ""
        self._stream.write(f"\r{self.done:,} done{failed}, {rate:,.1f}/s ")
        self._stream.flush()

    def say(self, line: str) -> None:
        """Write ``line`` on a line of its own, above the counter."""
        if self.enabled:
            self._stream.write("\r\x1b[K")  # clear the counter's line first
        self._stream.write(line + "\n")
        self._stream.flush()

    def close(self) -> None:
        """Draw the final count and end the line (nothing when not a terminal)."""
        if self.enabled:
            self._draw(self._clock())
            self._stream.write("\n")
            self._stream.flush()
