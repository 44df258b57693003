"""Polarity and hedging of a claim's content: whether it denies that something
happened or is true ("no such assault had taken place"), and whether it marks
uncertainty ("may", "likely"). The cue's own polarity and hedge are in the cue rows
(:mod:`claimkit.language.cues`)."""

from __future__ import annotations

import re
from typing import Final

from claimkit.language.cues import CUE_LEMMA, DENIAL_LEMMAS
from claimkit.language.lexicon import DISMISSAL_WORDS, HEDGE_WORDS

__all__ = ["find_negation", "is_hedged"]

# Content that denies that something happened or is true.
_NEGATION: Final = re.compile(
    r"\b(?:no\s+such|not\s+true|"
    + "|".join(sorted(DISMISSAL_WORDS - {"lie"}))  # "lie" is also "lies in", "lie low"
    + r"|(?:could|can|would)(?:\s+not|n['’]t)\s+have"  # "could not have issued"
    + r"|cannot\s+have"
    r"|nothing\s+to\s+do\s+with|never\s+(?:happened|took\s+place|occurred)"
    r"|(?:had|has|have|did|does|do|was|were|is|are)(?:\s+not|n['’]t|\s+never)"
    r"|(?:saw|seen|see|found|find|recorded|reported|had|has|have)\s+[\"“]?no"
    r"|there\s+(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+no"
    r"|no\s+(?:one|evidence|sign|signs|indication|truth|basis|casualties|attack|attacks"
    r"|operations?|deaths?|fighting|injuries|damage))\b",
    # matched against ASCII-lower-cased text
)
_OPENING_NEGATION: Final = re.compile(
    r"(?:no|none|nobody|nothing|neither|never|not\s+(?:a\s+single|one|a|any))\b"
)
# "proves nothing": the content denies that something shows what others claim.
_DENIES_SIGNIFICANCE: Final = re.compile(
    r"\b(?:proves?|proved|means?|meant|shows?|showed)\s+nothing\b"
)
# A relative clause ("people who ... had no symptoms") qualifies a noun, and a condition
# ("... if the government does not ...") supposes; neither negation is the claim's. The
# clause runs from "who", "which", "if" or "unless" to the next comma.
_RELATIVE_CLAUSE: Final = re.compile(r"\b(?:who|which|if|unless|whether)\b[^,;]*$")
# A negated verb of denial concedes: "the government does not deny [civilians were killed]".
_NOT_DENYING: Final = re.compile(
    r"\s+(?:"
    + "|".join(sorted(f for f, lemma in CUE_LEMMA.items() if lemma in DENIAL_LEMMAS))
    + r")\b"
)


def find_negation(lowered: str, start: int, end: int) -> re.Match[str] | None:
    """Where the content ``lowered[start:end]`` denies that something happened or is true."""
    opening = _OPENING_NEGATION.match(lowered, start, end)  # "No soldier was killed"
    if opening is not None:
        return opening
    for match in _NEGATION.finditer(lowered, start, end):
        if _NOT_DENYING.match(lowered, match.end(), end) is not None:
            continue
        if _RELATIVE_CLAUSE.search(lowered, max(start, match.start() - 200), match.start()) is None:
            return match
    return _DENIES_SIGNIFICANCE.search(lowered, start, end)


_HEDGE: Final = re.compile(r"\b(?:" + "|".join(sorted(HEDGE_WORDS | {"believed"})) + r")\b")
# "could" after "everything we" is ability, not doubt; "believed" hedges in the passive.
_ABILITY: Final = re.compile(r"(?:everything|anything|all|what)\s+\w+\s+$")
_PASSIVE_BEFORE: Final = re.compile(r"(?:is|are|was|were|be|been|widely)\s+$")


def is_hedged(lowered: str, start: int, end: int) -> bool:
    """Whether the content ``lowered[start:end]`` marks uncertainty ("may", "likely")."""
    for match in _HEDGE.finditer(lowered, start, end):
        word = match.group()
        before = max(start, match.start() - 30)
        if word == "could" and _ABILITY.search(lowered, before, match.start()):
            continue
        if word == "believed" and not _PASSIVE_BEFORE.search(lowered, before, match.start()):
            continue
        return True
    return False
