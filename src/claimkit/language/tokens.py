"""Word tokens with character offsets."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["Token", "ascii_lower", "tokenize"]

_TOKEN: Final = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., a.m.
    r"|\d+(?:[.,]\d+)+"  # 2,400 and 3.5
    r"|[^\W_](?:[\w'’-]*[^\W_])?"  # words, numbers, al-Mustafa, Russia's
    r"|\S"  # punctuation, one character each
)
OPEN_QUOTES: Final = frozenset("“‘«")
CLOSE_QUOTES: Final = frozenset("”’»")
QUOTES: Final = frozenset('"“”«»')


class Token(NamedTuple):
    """A token, its lower-case form and its offsets into the article text."""

    start: int
    end: int
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with ASCII letters in lower case; same length, so offsets stay valid."""
    return text.translate(_ASCII_LOWER)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``."""
    make = tuple.__new__  # skips the NamedTuple constructor's Python-level checks
    return [
        make(Token, (match.start(), match.end(), word, word.lower()))
        for match in _TOKEN.finditer(text, start, end)
        for word in (match.group(),)
    ]
