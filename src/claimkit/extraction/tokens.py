"""Word tokens with character offsets."""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

__all__ = ["STOP_WORDS", "Token", "ascii_lower", "content_stems", "tokenize"]

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


#: Function words and reporting words that say nothing of what a claim is about.
STOP_WORDS: Final = frozenset(
    """that this these those there their they them with from into over under about after
    before since been being have having were which while would could should will shall
    also only other some many more most much such than then when where what who whom
    whose very just said says told because against between during until including
    within without among across through people taken place""".split()
)
_CONTENT_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")


@functools.lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the lower-case content words of ``text``: "manipulating" and
    "manipulation" share "manipul". Names (capitalised words) are left out."""
    return frozenset(
        word.casefold()[:7]
        for word in _CONTENT_WORD.findall(text)
        if len(word) > 4 and word.casefold() not in STOP_WORDS and not word[0].isupper()
    )
