"""Sentence boundaries with character offsets, in linear time.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes and
brackets that follow) when the next word starts a new sentence, and always
at a line break that ends a paragraph or a headline. It does not end after
an abbreviation (``Gen.``, ``Jan.``, ``U.S.``), an initial (``J. K.``), inside
a number (``3.5``), or before a lower-case word.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from claimkit.language.lexicon import SENTENCE_STARTERS

__all__ = ["sentence_index", "split_sentences", "statement_sentences"]

# Abbreviations after which a full stop does not end a sentence, whatever follows.
_TITLES: Final = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev fr sr jr st
    pres supt insp det cpl pvt brig hon amb messrs mme mlle""".split()
)
# Abbreviations that end a sentence only when a capitalised word follows that is not a
# name or number: months, weekdays and the like ("on Jan. 23", "No. 5").
_NON_FINAL: Final = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun no nos vs etc approx est dept univ inc corp ltd co bros al fig art vol p pp""".split()
)

_CLOSERS: Final = "\"'”’)]»"
# A candidate end: terminal punctuation, then any closers, then white space.
# Possessive runs that start only at the start of a run of punctuation: a long run of
# full stops with no space after it costs one pass, not one pass per full stop.
_END: Final = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]»]*+(?=\s)|\n[ \t]*\n|\n")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _continues_after_dot(text: str, dot: int, after: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation that the sentence runs past."""
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1)
    lower = word.lower()
    if lower in _TITLES or (len(word) == 1 and word.isupper()):
        return True  # "Gen. Smith", an initial as in "J. K. Rowling"
    following = _NEXT_WORD.match(text, after)
    next_word = following.group(1) if following else ""
    if "." in word:  # "U.S.", "a.m.": ends only before a word that opens sentences
        return next_word not in SENTENCE_STARTERS
    if lower in _NON_FINAL:  # "Jan. 23", "No. 5" continue; "... etc. The" ends
        return next_word[:1].isdigit() or next_word[:1].islower()
    return False


_NEXT_WORD: Final = re.compile(r"\s+[\"'“‘(]*([A-Za-z0-9]+)")


def _starts_sentence(text: str, index: int) -> bool:
    """Whether the text at ``index`` (after white space) can start a sentence."""
    size = len(text)
    while index < size and text[index] in " \t\r\n":
        index += 1
    if index >= size:
        return True
    char = text[index]
    if char in "\"'“‘(«[—-":
        return True
    return char.isupper() or char.isdigit()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` offsets of each sentence of ``text``.

    Offsets exclude the white space between sentences; every sentence is
    non-empty. Runs in time linear in ``len(text)``.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    wrapped = _hard_wrapped(text)
    for match in _END.finditer(text):
        token = match.group()
        if token[0] == "\n":
            if wrapped and token == "\n":
                continue  # a line break inside a paragraph of hard-wrapped text
            end = match.start()
            cut = match.end()
        else:
            dot = match.start()
            if (
                token.startswith(".")
                and len(token.rstrip(_CLOSERS)) == 1
                and not _closes_with_quote(token)
                and _continues_after_dot(text, dot, match.end())
            ):
                continue
            if not _starts_sentence(text, match.end()):
                continue
            end = cut = match.end()
        _append(text, bounds, start, end)
        start = cut
    _append(text, bounds, start, len(text))
    return bounds


#: Hard-wrapped text has lines of at most this many characters...
_WRAP_WIDTH: Final = 100
#: ... and most lines inside a paragraph at least this share of its widest line.
_WRAP_FILL: Final = 0.6


def _hard_wrapped(text: str) -> bool:
    """Whether the text is hard-wrapped (lines broken at a width, as in e-mail and wire
    copy at 72 columns): then a single line break inside a paragraph ends no sentence.
    Copy with one paragraph a line, whatever its length, is not."""
    if text.count("\n") < 2:
        return False
    inner: list[int] = []  # lengths of the lines that a paragraph goes on after
    widest = 0
    for paragraph in _PARAGRAPH.split(text):
        lines = [line.rstrip() for line in paragraph.strip("\n").split("\n")]
        widest = max([widest, *(len(line) for line in lines)])
        inner += [len(line) for line in lines[:-1]]
    if len(inner) < 2 or widest > _WRAP_WIDTH:
        return False
    full = sum(1 for length in inner if length >= _WRAP_FILL * widest)
    return full >= 0.8 * len(inner)


_PARAGRAPH: Final = re.compile(r"\n[ \t]*\n")


def _closes_with_quote(token: str) -> bool:
    return len(token) > 1 and token[-1] in "\"”’'"


def _append(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


def _merge_quoted(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences that sit inside one quotation ("We will fight. We will win," he said)."""
    merged: list[tuple[int, int]] = []
    open_quote = False
    for start, end in sentences:
        chunk = text[start:end]
        new_paragraph = bool(merged) and "\n\n" in text[merged[-1][1] : start]
        if new_paragraph:
            # A quotation that runs on into the next paragraph opens again there, by the
            # convention of news copy: a paragraph starts outside any quotation.
            open_quote = False
        if merged and open_quote:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        straight = chunk.count('"') % 2 == 1
        curly = chunk.count("“") != chunk.count("”")
        if straight or curly:
            open_quote = not open_quote
    return merged


def statement_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` with those inside one quotation joined: the units that
    a statement is read from ("We will fight. We will win," he said)."""
    return _merge_quoted(text, split_sentences(text))


@functools.lru_cache(maxsize=64)
def sentence_index(text: str) -> list[int]:
    """Where each of :func:`statement_sentences` starts, for finding a position's sentence
    with :func:`bisect.bisect_right`."""
    return [start for start, _ in statement_sentences(text)]
