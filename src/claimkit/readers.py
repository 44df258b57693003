"""Readers for article text: the seed format and plain text.

The seed format is a first line ``date YYYY-MM-DD`` (a leading space is
allowed) followed, on the same line or the next, by the body. The article
text is the body with surrounding white space removed; nothing inside it is
changed, so offsets into it are offsets into the file's body.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

import attrs

from claimkit.errors import ReadError

__all__ = ["ReadError", "SourceText", "decode_utf8", "parse_plain", "parse_seed", "read_text_file"]

_HEADER: Final = re.compile(r"[ \t]*date(?:[ \t]+(\S+))?")
_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@attrs.frozen(kw_only=True)
class SourceText:
    """The body of an article and its publication date, if the input gave one."""

    text: str
    published: datetime.date | None


def _parse_date(raw: str, *, source: str | None, line: int) -> datetime.date:
    match = _DATE.fullmatch(raw)
    if match is None:
        raise ReadError(
            f"expected a date YYYY-MM-DD after 'date', got {raw!r}", source=source, line=line
        )
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise ReadError(f"impossible date {raw!r}: {error}", source=source, line=line) from None


def parse_seed(content: str, *, source: str | None = None) -> SourceText:
    """Read the seed format: ``date YYYY-MM-DD`` then the body.

    Raises :class:`ReadError` for a missing or malformed header, an
    impossible date or an empty body.
    """
    match = _HEADER.match(content)
    if match is None:
        first = content.split("\n", 1)[0][:40]
        raise ReadError(
            f"expected a first line 'date YYYY-MM-DD', got {first!r}", source=source, line=1
        )
    if match[1] is None:
        raise ReadError("expected a date YYYY-MM-DD after 'date'", source=source, line=1)
    published = _parse_date(match[1], source=source, line=1)
    rest = content[match.end() :]
    if rest and not rest[0].isspace():
        raise ReadError("expected white space after the date", source=source, line=1)
    body = rest.strip()
    if not body:
        raise ReadError("the article has no body after the date line", source=source, line=1)
    return SourceText(text=body, published=published)


def parse_plain(
    content: str, *, published: datetime.date | None = None, source: str | None = None
) -> SourceText:
    """Read plain text; a seed-format header is honoured when present.

    A ``published`` date given by the caller wins over none in the text, and
    must agree with one that the text gives.
    """
    head = content.lstrip(" \t")
    if head.startswith(("date ", "date\t")):
        seed = parse_seed(content, source=source)
        if published is not None and seed.published != published:
            raise ReadError(
                f"the text says date {seed.published} but {published} was given",
                source=source,
                line=1,
            )
        return seed
    body = content.strip()
    if not body:
        raise ReadError("the article is empty", source=source, line=1)
    return SourceText(text=body, published=published)


def read_text_file(
    path: str, *, published: datetime.date | None = None, source: str | None = None
) -> SourceText:
    """Read a text file (UTF-8) in the seed format or as plain text."""
    name = source if source is not None else path
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror}", source=name) from None
    return parse_plain(decode_utf8(raw, source=name), published=published, source=name)


def decode_utf8(raw: bytes, *, source: str | None = None) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped) or say where it fails."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReadError(
            f"not UTF-8: byte {raw[error.start]:#04x} at offset {error.start}",
            source=source,
            line=line,
        ) from None
