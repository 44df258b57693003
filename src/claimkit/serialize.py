"""Strict serializers: dict, JSON, JSON Lines (streamed) and JSON Schema.

Two paths read the same format and give equal objects:

* **cattrs** is the reference converter (:mod:`claimkit._convert`). It turns
  dicts into the model and back, and it reports *every* problem of a document
  at once, each with its JSON path. Its hooks never coerce: ``"3"`` is not an
  int, ``3`` is not a string, ``"no"`` is not a bool, and unknown or missing
  keys are errors.
* **msgspec** is the fast path for JSON and JSON Lines
  (:mod:`claimkit._fastpath`): it decodes straight into the attrs classes with
  the same type rules. A document that is byte for byte what ``to_json``
  writes for the decoded object (claimkit's own output) is taken at once; any
  other spelling has its keys and numbers checked exactly first. Whenever the
  fast path declines or rejects a document, the document is parsed again
  strictly (:mod:`claimkit._jsontext`) and decoded by cattrs, which reports
  every problem.

Every serialized article carries ``format_version``; a version this release
does not know is an error that says so. Every error raised here is a
:class:`~claimkit.errors.ClaimkitError`: :class:`~claimkit.errors.DecodeError`
when the input is not JSON, :class:`~claimkit.errors.ValidationError` when it
is JSON but not a valid object; nothing else escapes, whatever the input.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Final, TypeVar, cast, overload

import msgspec
from cattrs.errors import ClassValidationError, IterableValidationError

from claimkit import _fastpath
from claimkit._convert import MODEL_CLASSES, make_converter, problems_of
from claimkit._jsontext import BOM, is_blank, json_documents, parse, value_lines
from claimkit.errors import DecodeError, Problem, ValidationError
from claimkit.model import Article
from claimkit.schema import json_schema

__all__ = [
    "MODEL_CLASSES",
    "DecodeError",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_documents",
    "json_schema",
    "make_converter",
    "paused_gc",
    "to_dict",
    "to_json",
    "validate_json",
    "validate_jsonl",
    "write_jsonl",
]

T = TypeVar("T")

_CONVERTER: Final = make_converter()


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-ready dict of any claimkit object (every field, always)."""
    return cast(dict[str, Any], _CONVERTER.unstructure(obj))


@overload
def from_dict(data: Any) -> Article: ...
@overload
def from_dict(data: Any, cls: type[T]) -> T: ...
def from_dict(data: Any, cls: type[Any] = Article) -> Any:
    """Build a ``cls`` (an :class:`~claimkit.model.Article` by default) from a dict, strictly.

    Raises :class:`~claimkit.errors.ValidationError` listing every problem
    with its JSON path.
    """
    try:
        return _CONVERTER.structure(data, cls)
    except ValidationError:
        raise
    except (ClassValidationError, IterableValidationError, TypeError, ValueError) as error:
        raise ValidationError(list(problems_of(error, "$"))) from None


def to_json(obj: Any) -> bytes:
    """The JSON form of any claimkit object, as UTF-8 bytes."""
    return _fastpath.ENCODER.encode(obj)


_DECLINED: Final = (
    msgspec.ValidationError,
    msgspec.DecodeError,
    ValidationError,
    UnicodeDecodeError,
    RecursionError,
)


def _fast(raw: bytes, cls: type[Any]) -> Any:
    """The object msgspec decodes from ``raw``, or None to take the reference path."""
    try:
        obj = _fastpath.decoder(cls).decode(raw)
    except _DECLINED:
        return None
    if _fastpath.written_as(raw, obj):
        return obj  # byte for byte what to_json writes for it: nothing was lost
    key_decoder = _fastpath.KEY_DECODERS.get(cls)
    try:
        if key_decoder is not None:
            key_decoder.decode(raw)  # exact keys: none unknown, none missing
    except _DECLINED:
        return None
    if _fastpath.declines(obj) or not _fastpath.no_duplicate_keys(raw, obj):
        return None
    return obj


def _locate(error: ValidationError, text: str, *, source: str | None, line: int) -> ValidationError:
    """The problems of ``error``, each with the line of ``source`` where its value is."""
    lines = value_lines(text, (p.path for p in error.problems)) if "\n" in text else {}
    return ValidationError(
        Problem(
            path=p.path,
            message=p.message,
            source=source,
            line=line + lines.get(p.path, 1) - 1,
        )
        for p in error.problems
    )


@overload
def from_json(
    data: bytes | str, *, source: str | None = None, line: int | None = None
) -> Article: ...
@overload
def from_json(
    data: bytes | str, cls: type[T], *, source: str | None = None, line: int | None = None
) -> T: ...
def from_json(
    data: bytes | str,
    cls: type[Any] = Article,
    *,
    source: str | None = None,
    line: int | None = None,
) -> Any:
    """Decode and validate one JSON document (an :class:`~claimkit.model.Article` by default).

    ``source`` names the input and ``line`` is the line of it where the
    document starts (1 when not given). Raises
    :class:`~claimkit.errors.DecodeError` when ``data`` is not JSON, and
    :class:`~claimkit.errors.ValidationError` with every problem (its JSON path
    and the line of its value) when it is JSON but not a valid ``cls``. A UTF-8
    byte-order mark at the start is ignored.
    """
    first = 1 if line is None else line
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raw = b""  # a lone surrogate: only the reference path can say where
    else:
        raw = data
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    if raw:
        obj = _fast(raw, cls)
        if obj is not None:
            return obj
    # The reference path: parse again strictly, and let cattrs find every problem.
    document = data if isinstance(data, str) or not raw else raw
    parsed = parse(document, source=source, line=first)
    try:
        return from_dict(parsed, cls)
    except ValidationError as error:
        text = document if isinstance(document, str) else document.decode("utf-8")
        raise _locate(error, text, source=source, line=first) from None


def validate_json(
    data: bytes | str,
    cls: type[Any] = Article,
    *,
    source: str | None = None,
    line: int | None = None,
) -> list[Problem]:
    """Every problem of one JSON document (an empty list when it is valid).

    Raises :class:`~claimkit.errors.DecodeError` when the input is not JSON at all.
    """
    try:
        from_json(data, cls, source=source, line=line)
    except ValidationError as error:
        return list(error.problems)
    return []


# --- JSON Lines -------------------------------------------------------------------------


def _lines(stream: IO[bytes] | IO[str] | Iterable[bytes | str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(stream, start=1):
        if not is_blank(line):
            yield number, line


@overload
def iter_jsonl(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str], *, source: str | None = None
) -> Iterator[Article]: ...
@overload
def iter_jsonl(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str],
    cls: type[T],
    *,
    source: str | None = None,
) -> Iterator[T]: ...
def iter_jsonl(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str],
    cls: type[Any] = Article,
    *,
    source: str | None = None,
) -> Iterator[Any]:
    """Read one object a line, lazily: memory stays constant in the file size.

    ``stream`` is a binary or text stream, or any iterable of lines. Blank
    lines are skipped. The first bad line raises
    :class:`~claimkit.errors.DecodeError` or
    :class:`~claimkit.errors.ValidationError`, with its line number.
    """
    for number, line in _lines(stream):
        yield from_json(line, cls, source=source, line=number)


def validate_jsonl(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str],
    cls: type[Any] = Article,
    *,
    source: str | None = None,
) -> Iterator[Problem]:
    """Every problem of every line, lazily, each with its line number.

    A line that is not JSON at all yields one problem at path ``$``.
    """
    for number, line in _lines(stream):
        try:
            yield from validate_json(line, cls, source=source, line=number)
        except DecodeError as error:
            yield Problem(path="$", message=error.message, source=source, line=error.line)


def write_jsonl(objects: Iterable[Any], stream: IO[bytes] | IO[str]) -> int:
    """Write one JSON document a line, lazily; return how many were written.

    ``stream`` is a binary stream (UTF-8 bytes are written) or a text stream
    such as ``sys.stdout`` or a ``StringIO`` (text is written).
    """
    text = isinstance(stream, io.TextIOBase)
    count = 0
    buffer = bytearray()
    for obj in objects:
        _fastpath.ENCODER.encode_into(obj, buffer)
        buffer.extend(b"\n")
        if text:
            cast(IO[str], stream).write(buffer.decode("utf-8"))
        else:
            cast(IO[bytes], stream).write(buffer)
        count += 1
    return count


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around a bulk load.

    Building many small objects triggers full collections again and again;
    the model holds no reference cycles, so pausing is safe. Restores the
    previous state on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
