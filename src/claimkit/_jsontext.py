"""JSON text before the model: decoding, strict parsing, documents and lines.

What makes input *not JSON* for claimkit (a :class:`~claimkit.errors.DecodeError`):
bytes that are not UTF-8 (a lone surrogate encoded in bytes included), bad
syntax, a duplicate key, ``NaN`` or ``Infinity``, and nesting deeper than
:data:`MAX_DEPTH` levels (no claimkit document nests more than seven). A UTF-8
byte-order mark at the start of a document is ignored, as in the text readers.

A document's line numbers count from the line it starts on, so that an error
names the line of its file, also for indented JSON and JSON Lines.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

from claimkit._convert import LongInteger
from claimkit.errors import DecodeError

__all__ = [
    "BOM",
    "MAX_DEPTH",
    "decode",
    "is_blank",
    "json_documents",
    "parse",
    "value_lines",
]

#: The UTF-8 byte-order mark, ignored at the start of a document.
BOM: Final = b"\xef\xbb\xbf"

#: Deepest nesting read; a claimkit article nests seven levels (article, claims,
#: a claim, its quantities, a quantity, its span, an offset).
MAX_DEPTH: Final = 64

_JSON_SPACE: Final = " \t\r\n"
# A JSON string (the unrolled form, linear on long strings), or one structural character.
_STRING: Final = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_NESTING: Final = re.compile(rf"{_STRING}|[\[\]{{}}]", re.DOTALL)
_TOKEN: Final = re.compile(rf"({_STRING})|([\[\]{{}}:,])|([^\s\[\]{{}}:,\"]+)|\s+", re.DOTALL)


def is_blank(line: bytes | str) -> bool:
    """Whether a line holds only JSON white space (space, tab, CR, LF)."""
    if isinstance(line, bytes):
        return not line.strip(b" \t\r\n")
    return not line.strip(_JSON_SPACE)


def decode(data: bytes | str, *, source: str | None, line: int) -> str:
    """The text of a document: strict UTF-8, without a leading byte-order mark."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not UTF-8: byte {data[error.start]:#04x} at offset {error.start}",
            source=source,
            line=line + data.count(b"\n", 0, error.start),
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _line_at(text: str, offset: int, first: int) -> int:
    return first + text.count("\n", 0, offset)


def _check_nesting(text: str, *, source: str | None, line: int) -> None:
    depth = 0
    for match in _NESTING.finditer(text):
        char = match[0]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise DecodeError(
                    f"nested deeper than {MAX_DEPTH} levels; a claimkit document nests at most 7",
                    source=source,
                    line=_line_at(text, match.start(), line),
                )
        elif char in "]}":
            depth -= 1


def parse(data: bytes | str, *, source: str | None, line: int) -> Any:
    """Parse one JSON document strictly; its first line is line ``line`` of ``source``.

    Integers longer than Python reads come back as
    :class:`~claimkit._convert.LongInteger`, for the converter to report with
    their path.
    """
    text = decode(data, source=source, line=line)
    _check_nesting(text, source=source, line=line)
    limit = sys.get_int_max_str_digits()

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise DecodeError(f"duplicate key {key!r}", source=source, line=line)
            result[key] = value
        return result

    def no_constant(name: str) -> Any:
        raise DecodeError(f"{name} is not valid JSON", source=source, line=line)

    def bounded_int(digits: str) -> int | LongInteger:
        length = len(digits) - digits.startswith("-")
        if limit and length > limit:
            return LongInteger(length)
        return int(digits)

    try:
        return json.loads(
            text,
            object_pairs_hook=no_duplicates,
            parse_constant=no_constant,
            parse_int=bounded_int,
        )
    except json.JSONDecodeError as error:
        at_line = line + error.lineno - 1
        raise DecodeError(
            f"not valid JSON: {error.msg} (line {at_line}, column {error.colno})",
            source=source,
            line=at_line,
        ) from None
    except RecursionError:
        raise DecodeError("nested too deeply to read", source=source, line=line) from None


def _is_complete(line: bytes) -> bool:
    """Whether a line is one whole JSON value (leniently: NaN and duplicates are
    found later, when the line is read as a document)."""
    try:
        json.loads(line, parse_int=len, parse_float=len)
    except (ValueError, RecursionError):
        return False
    return True


def json_documents(
    stream: IO[bytes] | Iterable[bytes], *, source: str | None = None
) -> Iterator[tuple[int, bytes]]:
    """The JSON documents of a file, each with the line it starts on.

    A file whose first non-blank line is a complete JSON value is JSON Lines
    (one document a line, blank lines skipped), read lazily; otherwise the whole
    file is one document (indented JSON). Empty input is a
    :class:`~claimkit.errors.DecodeError`.
    """
    lines = iter(stream)
    first_number = 0
    first = b""
    for number, raw in enumerate(lines, start=1):
        if not is_blank(raw):
            first_number, first = number, raw
            break
    if not first:
        raise DecodeError("empty input, expected JSON or JSON Lines", source=source)
    if _is_complete(first[3:] if first.startswith(BOM) else first):
        yield first_number, first
        for number, raw in enumerate(lines, start=first_number + 1):
            if not is_blank(raw):
                yield number, raw
    else:
        yield first_number, first + b"".join(lines)


def value_lines(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The 1-based line, within ``text``, of the value at each JSON path.

    A path to a value that is absent (a missing key) gets the line of its
    nearest ancestor that is present. ``text`` must be valid JSON.
    """
    wanted = set(paths)
    found: dict[str, int] = {}
    # Each frame: [path, is_object, key or index, expecting a key].
    stack: list[list[Any]] = []
    path = "$"
    newlines = 0
    position = 0

    def value_path() -> str:
        if not stack:
            return "$"
        frame = stack[-1]
        if frame[1]:
            return f"{frame[0]}.{frame[2]}"
        return f"{frame[0]}[{frame[2]}]"

    for match in _TOKEN.finditer(text):
        newlines += text.count("\n", position, match.start())
        position = match.start()
        string, structural, literal = match.groups()
        if string is not None and stack and stack[-1][1] and stack[-1][3]:
            stack[-1][2] = json.loads(string)
            stack[-1][3] = False
            continue
        if structural in (":", None) and string is None and literal is None:
            continue
        if structural == ",":
            frame = stack[-1]
            if frame[1]:
                frame[3] = True
            else:
                frame[2] += 1
            continue
        if structural in ("}", "]"):
            stack.pop()
            continue
        path = value_path()
        found[path] = newlines + 1
        if structural == "{":
            stack.append([path, True, None, True])
        elif structural == "[":
            stack.append([path, False, 0, False])
    lines: dict[str, int] = {}
    for wanted_path in wanted:
        probe = wanted_path
        while probe not in found and probe != "$":
            probe = _parent(probe)
        lines[wanted_path] = found.get(probe, 1)
    return lines


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else "$"
