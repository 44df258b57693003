"""Text utilities shared by every part of claimkit: names reduced to a comparison key,
and the content words of a statement, stemmed."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

import snowballstemmer

__all__ = ["STOP_WORDS", "content_stems", "normalize_name", "stem"]


@functools.lru_cache(maxsize=16384)
def normalize_name(name: str) -> str:
    """A key for comparing names: case, accents, a leading article and quotes removed."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    folded = _APOSTROPHE.sub("'", folded)
    folded = _LEADING_ARTICLE.sub("", folded.strip())
    return " ".join(folded.split())


_APOSTROPHE: Final = re.compile(r"[’']")
_LEADING_ARTICLE: Final = re.compile(r"^(the|a|an)\s+")


#: Function words and reporting words that say nothing of what a claim is about.
STOP_WORDS: Final = frozenset(
    """that this these those there their they them with from into over under about after
    before since been being have having were which while would could should will shall
    also only other some many more most much such than then when where what who whom
    whose very just said says told because against between during until including
    within without among across through people taken place here each both even made make
    does done like well upon onto away back down last next year week days time tell want
    come came went take took give gave know knew your ours hers mine""".split()
)
_CONTENT_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")


_ENGLISH: Final = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word: "killed" and "killing" are
    "kill", "arrested" and "arrests" "arrest"."""
    result: str = _ENGLISH.stemWord(word)
    return result


@functools.lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (four letters or more, no function
    words): "manipulating" and "manipulation" share "manipul", "used live bullets" has
    "use" and "live". Names (capitalised words) are left out, except in a title, where
    every word is capitalised ("Deny Using Live Ammunition")."""
    words = _CONTENT_WORD.findall(text)
    long = [word for word in words if len(word) > 3]
    title = len(long) >= 2 and all(word[0].isupper() for word in long)
    return frozenset(
        stem(word.casefold())
        for word in long
        if word.casefold() not in STOP_WORDS and (title or not word[0].isupper())
    )
