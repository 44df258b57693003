"""Opposed states of one thing: what two accounts say that cannot both hold without a
number or a denial ("the post was held" against "the post was overrun")."""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from claimkit.language.text import STOP_WORDS, stem

__all__ = ["OPPOSED_STATES", "OpposedState", "opposed_states", "states_in", "topic_words"]


class OpposedState(NamedTuple):
    """Two states of one thing that exclude each other, with the words for each and how
    a reason names them."""

    labels: tuple[str, str]
    one: re.Pattern[str]
    other: re.Pattern[str]


def _state(labels: tuple[str, str], one: str, other: str) -> OpposedState:
    return OpposedState(labels, re.compile(rf"\b(?:{one})\b"), re.compile(rf"\b(?:{other})\b"))


#: Matched against lower-cased text.
OPPOSED_STATES: Final = (
    _state(
        ("held", "overrun or abandoned"),
        "held|holds|holding|repelled|repulsed|defended|retained",
        "overran|overrun|abandoned|fell|withdrew|retreated",
    ),
    _state(
        ("continuing", "halted"),
        "continuing|continued|operating|working|functioning|running",
        "standstill|halted|stopped|idle|closed|shut|paralysed|paralyzed|suspended",
    ),
    _state(
        ("under control", "spreading"),
        r"under\s+control|contained|stable|easing",
        r"spreading|worsening|out\s+of\s+control|overwhelmed|surging",
    ),
    _state(("reached", "cut off"), "reached|accessible", r"cut\s+off|unreachable|inaccessible"),
    _state(
        ("risen", "fallen"),
        "rose|risen|rising|increased|increasing|grew|grown|climbed",
        "declined|declining|decreased|decreasing|dropped|fewer",
    ),
)
_ANY_STATE: Final = re.compile(
    "|".join(f"(?:{s.one.pattern})|(?:{s.other.pattern})" for s in OPPOSED_STATES)
)
_TOPIC_WORD: Final = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


@functools.lru_cache(maxsize=4096)
def states_in(text: str) -> tuple[int, ...]:
    """For each of :data:`OPPOSED_STATES`, 1 when ``text`` states only its first state,
    -1 only its second, 0 neither or both."""
    lowered = text.lower()
    if _ANY_STATE.search(lowered) is None:  # most texts state none: one search says so
        return (0,) * len(OPPOSED_STATES)
    found = []
    for state in OPPOSED_STATES:
        one, other = state.one.search(lowered), state.other.search(lowered)
        found.append(1 if one and not other else -1 if other and not one else 0)
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def topic_words(text: str) -> frozenset[str]:
    """What a claim speaks of: its words of four letters or more, stemmed, minus
    function words ("the post was overrun" -> post)."""
    words = (w.lower().removesuffix("'s") for w in _TOPIC_WORD.findall(text))
    return frozenset(stem(w) for w in words if w not in STOP_WORDS)


def opposed_states(a: str, b: str) -> tuple[str, str] | None:
    """The labels of the first opposed state that ``a`` and ``b`` give one thing they
    both speak of (a word of topic in common): ``a``'s label first."""
    for state, sa, sb in zip(OPPOSED_STATES, states_in(a), states_in(b), strict=True):
        if sa and sb == -sa and topic_words(a) & topic_words(b):
            return state.labels if sa == 1 else (state.labels[1], state.labels[0])
    return None
