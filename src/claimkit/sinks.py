"""Where extracted articles go: sinks that write each article as it comes.

A sink has ``write(article)`` and ``close()`` and is a context manager; it holds
nothing but what its format must (a JSON Lines line is written, and flushed, as
soon as its article is). :data:`FORMATS` lists the output formats and the file
name suffixes that choose them; :func:`open_sink` opens one for a file name, or
for standard output. Parquet (``.parquet``) is a directory of tables written by
:class:`claimkit.columnar.ParquetWriter`, a row group every thousand articles; it
needs pyarrow (the ``claimkit[arrow]`` extra).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import IO, Final, Protocol, Self

import attrs

from claimkit._staged import Staged
from claimkit.errors import ClaimkitError
from claimkit.model import Article

__all__ = [
    "FORMATS",
    "Format",
    "JsonLinesSink",
    "OutputSink",
    "ParquetSink",
    "SchemaOrgSink",
    "Sink",
    "SinkError",
    "format_named",
    "open_sink",
]


class Sink(Protocol):
    """What every output writer does: take articles one at a time, then close."""

    def write(self, article: Article, /) -> None:
        """Write one article."""

    def close(self) -> None:
        """Write what is left and release the output."""


class SinkError(ClaimkitError):
    """An output that cannot be opened or written, or whose format is unknown."""


class OutputSink:
    """The sinks of this module: each is a context manager, and leaving the block closes
    it, or discards what it wrote when the block raised."""

    def write(self, article: Article, /) -> None:
        """Write one article."""
        raise NotImplementedError

    def close(self) -> None:
        """Write what is left and release the output."""

    def discard(self) -> None:
        """Release the output without putting it in place: a file or directory output
        is removed and an earlier one at its name left as it was (a stream, which cannot
        be taken back, is closed)."""
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None:
            self.close()
        else:
            self.discard()


class _StreamSink(OutputSink):
    """A sink writing lines to a binary stream, which it leaves open."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def _line(self, data: bytes) -> None:
        self._stream.write(data + b"\n")
        self._stream.flush()  # streamed: a reader sees each article when it is done

    def close(self) -> None:
        """Flush the stream."""
        self._stream.flush()


class JsonLinesSink(_StreamSink):
    """claimkit JSON Lines: one article a line, as :func:`claimkit.to_json` writes it."""

    def write(self, article: Article, /) -> None:
        """Write ``article`` as one line."""
        from claimkit.serialize import to_json

        self._line(to_json(article))


class SchemaOrgSink(_StreamSink):
    """schema.org JSON-LD: one document a line, a ``NewsArticle`` and its ``Claim`` nodes
    (see :func:`claimkit.claimreview.to_schema_org`)."""

    def write(self, article: Article, /) -> None:
        """Write ``article`` as one JSON-LD document on one line."""
        from claimkit.claimreview import to_schema_org

        self._line(json.dumps(to_schema_org(article), ensure_ascii=False).encode("utf-8"))


class ParquetSink(OutputSink):
    """A Parquet directory (see :mod:`claimkit.columnar`): one file per table, written in
    row groups as articles come. Opening it raises :class:`SinkError` when pyarrow is
    not installed or the directory cannot be made."""

    def __init__(self, path: str) -> None:
        try:
            from claimkit.columnar import ParquetWriter
        except ImportError:
            raise SinkError(
                f"{path}: writing Parquet needs pyarrow: pip install 'claimkit[arrow]'"
            ) from None
        try:
            self._writer = ParquetWriter(path)
        except FileExistsError:
            raise SinkError(
                f"{path}: exists and is not a directory (Parquet is written as a directory"
                " of tables)"
            ) from None
        except OSError as error:
            raise SinkError(f"{path}: cannot write: {error.strerror or error}") from None

    def write(self, article: Article, /) -> None:
        """Add ``article`` to the tables (written every thousand articles)."""
        self._writer.write(article)

    def close(self) -> None:
        """Write the articles still held and close the files, which are then complete."""
        self._writer.close()


@attrs.frozen(kw_only=True)
class Format:
    """An output format: its name (``--format``), the suffixes that choose it, and how
    to open a sink on a binary stream (``to_stream``) or on a file name (``to_path``),
    for formats that cannot be streamed (``None`` when it has no such way)."""

    name: str
    suffixes: tuple[str, ...]
    to_stream: Callable[[IO[bytes]], OutputSink] | None = None
    to_path: Callable[[str], OutputSink] | None = None


#: The output formats, the first being the default of standard output.
FORMATS: Final[tuple[Format, ...]] = (
    Format(name="jsonl", suffixes=(".jsonl", ".json"), to_stream=JsonLinesSink),
    Format(name="schema-org", suffixes=(".jsonld",), to_stream=SchemaOrgSink),
    Format(name="parquet", suffixes=(".parquet",), to_path=ParquetSink),
)


def format_named(name: str) -> Format:
    """The format called ``name``; :class:`SinkError` names the known ones otherwise."""
    for known in FORMATS:
        if known.name == name:
            return known
    names = ", ".join(known.name for known in FORMATS)
    raise SinkError(f"unknown output format {name!r}: expected one of {names}")


def _format_of(output: str) -> Format:
    suffix = os.path.splitext(output)[1].lower()
    for known in FORMATS:
        if suffix in known.suffixes:
            return known
    suffixes = ", ".join(s for known in FORMATS for s in known.suffixes)
    raise SinkError(
        f"{output}: cannot tell the output format from {suffix or 'a name without a suffix'!r}:"
        f" name the file *{suffixes.replace(', ', ', *')}, or give --format"
    )


def open_sink(
    output: str | None, *, format: str | None = None, stdout: IO[bytes] | None = None
) -> OutputSink:
    """A sink for the file ``output``, or for ``stdout`` (standard output when not
    given) when ``output`` is ``None`` or ``-``.

    The format is ``format`` when given, otherwise the one the file name's suffix
    chooses (``.jsonl`` or ``.json``: JSON Lines; ``.jsonld``: schema.org; ``.parquet``:
    a Parquet directory), JSON Lines on standard output. A file or directory is written
    beside its name and put in place when the sink is closed; :meth:`OutputSink.discard`
    (or an exception leaving its ``with`` block) removes it instead, so a run that fails
    leaves no partial output and an earlier output at that name as it was. Raises
    :class:`SinkError` for
    an unknown format or suffix, a format that cannot go to standard output, a file
    that cannot be written, or Parquet without pyarrow.
    """
    to_stdout = output in (None, "-")
    if format is not None:
        chosen = format_named(format)
    else:
        chosen = FORMATS[0] if to_stdout else _format_of(str(output))
    if to_stdout:
        if chosen.to_stream is None:
            raise SinkError(f"{chosen.name} cannot be written to standard output: give -o FILE")
        return chosen.to_stream(stdout if stdout is not None else sys.stdout.buffer)
    assert output is not None
    # Written beside its name and renamed onto it when closed (see claimkit._staged).
    staged = Staged(output)
    if chosen.to_path is not None:
        if os.path.exists(output) and not os.path.isdir(output):
            raise SinkError(
                f"{output}: exists and is not a directory (Parquet is written as a directory"
                " of tables)"
            )
        try:
            return _StagedSink(chosen.to_path(staged.partial), staged)
        except SinkError as error:
            raise SinkError(str(error).replace(staged.partial, output)) from None
    assert chosen.to_stream is not None
    try:
        stream = staged.open_file()
    except OSError as error:
        raise SinkError(f"{output}: cannot write: {error.strerror}") from None
    return _StagedSink(chosen.to_stream(stream), staged, stream)


class _StagedSink(OutputSink):
    """A sink writing under a temporary name: closing it puts the output in place,
    discarding it removes the output (and closes the file it was opened on)."""

    def __init__(self, sink: Sink, staged: Staged, stream: IO[bytes] | None = None) -> None:
        self._sink = sink
        self._staged = staged
        self._stream = stream

    def write(self, article: Article, /) -> None:
        self._sink.write(article)

    def close(self) -> None:
        try:
            self._sink.close()
            if self._stream is not None:
                self._stream.close()
        except BaseException:
            self.discard()
            raise
        self._staged.commit()

    def discard(self) -> None:
        try:
            with contextlib.suppress(Exception):
                self._sink.close()
            if self._stream is not None:
                with contextlib.suppress(OSError):
                    self._stream.close()
        finally:
            self._staged.discard()
