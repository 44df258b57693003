"""Quotations that run on past the sentence of their attribution.

News copy lets a direct quotation go on after its attribution: in the next sentence of the
same paragraph (``"The report was written by him alone," the spokesman said. "He only saw
the bleak aspects."``), and into the next paragraph, which opens with a quotation mark while
the paragraph before it leaves the quotation open. The guideline takes such a quotation as
one claim whose content covers every piece (as for a quotation interrupted by its
attribution inside one sentence), ending before the final punctuation of the last piece.

>>> text = '"We will rebuild," the mayor said. "And we will do it quickly."'
>>> text[0:text.index(",")]
'"We will rebuild'
>>> end = run_on_end(text, 1, 16, 34)
>>> text[1:end]
'We will rebuild," the mayor said. "And we will do it quickly'
"""

from __future__ import annotations

from typing import Final

import attrs

from claimkit.extraction.attribution import Attribution
from claimkit.model import Mode

__all__ = ["RUN_ON_RULE", "run_on", "run_on_end"]

#: The name of the rule, in :data:`claimkit.extraction.rules.RULES`.
RUN_ON_RULE: Final = "quote-runs-on"
_OPENING: Final = frozenset('"“')
_CLOSING: Final = frozenset('"”')
_MARKS: Final = frozenset('"“”')
_FINAL: Final = frozenset(".,?!")
#: How far a quotation may run on; a bound that keeps unclosed quotations linear.
_REACH: Final = 3000


def _paragraph_after(text: str, index: int) -> int | None:
    """The index of the first character of the next paragraph when only white space with a
    line break lies between ``index`` and it, else None."""
    size = len(text)
    newline = False
    while index < size and text[index].isspace():
        newline = newline or text[index] == "\n"
        index += 1
    return index if newline and index < size else None


def _close_at_paragraph_end(text: str, opening: int) -> int | None:
    """The closing mark of the quotation opened at ``opening``, followed by the end of its
    paragraph; the quotation may run on over paragraphs that each open with a mark. None if
    it closes anywhere else (its own attribution follows) or never."""
    index = opening + 1
    limit = min(len(text), opening + _REACH)
    while index < limit:
        char = text[index]
        if char in _MARKS:
            if char not in _CLOSING:
                return None
            after = index + 1
            while after < len(text) and text[after] in " \t":
                after += 1
            return index if after == len(text) or text[after] in "\r\n" else None
        if char == "\n":
            following = _paragraph_after(text, index)
            if following is None or text[following] not in _OPENING:
                return None
            index = following
        index += 1
    return None


def _content_end(text: str, closing: int, start: int) -> int:
    end = closing
    while end > start and (text[end - 1] in _FINAL or text[end - 1].isspace()):
        end -= 1
    return end


def run_on_end(text: str, start: int, end: int, sentence_end: int) -> int | None:
    """Where the direct content ``text[start:end]``, read off the sentence ending at
    ``sentence_end``, really ends when its quotation runs on past that sentence; None if
    it does not."""
    index = end
    while index < sentence_end and text[index] in _FINAL:
        index += 1
    if index < sentence_end and text[index] in _CLOSING and start and text[start - 1] in _MARKS:
        # '"...," the spokesman said. "...': the attribution closes the sentence...
        rest = text[index + 1 : sentence_end]
        if not rest.endswith(".") or any(mark in rest for mark in _MARKS):
            return None
        opening = sentence_end
        while opening < len(text) and text[opening] in " \t":
            opening += 1  # ... and the next one, in the same paragraph, opens a quotation
        if opening == len(text) or text[opening] not in _OPENING:
            return None
    elif (
        start
        and text[start - 1] in _OPENING
        and not any(mark in text[start:sentence_end] for mark in _MARKS)
    ):
        # 'He said: "...' left open at the end of its paragraph, the next opening again.
        opening_at = _paragraph_after(text, sentence_end)
        if opening_at is None or text[opening_at] not in _OPENING:
            return None
        opening = opening_at
    else:
        return None
    closing = _close_at_paragraph_end(text, opening)
    return None if closing is None else _content_end(text, closing, start)


def run_on(text: str, attribution: Attribution, sentence_end: int) -> Attribution:
    """``attribution`` with its content run on to the end of its quotation, read by the
    rule ``quote-runs-on``; unchanged when its quotation ends in its sentence."""
    if attribution.mode is not Mode.DIRECT:
        return attribution
    start, end = attribution.content
    new_end = run_on_end(text, start, end, sentence_end)
    if new_end is None or new_end <= end:
        return attribution
    return attrs.evolve(attribution, content=(start, new_end), rule=RUN_ON_RULE)
