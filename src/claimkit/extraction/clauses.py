"""Clauses around a cue: where a clause starts, what follows a cue before its content
(recipients, channels, times), where a quotation resumes, and the time of a statement."""

from __future__ import annotations

from typing import Final

from claimkit.extraction.reading import (
    CLAUSE_WORDS,
    RECIPIENT_HEADS,
    RECIPIENTS,
    TRAILING_PREPOSITIONS,
    Sentence,
    is_verbish,
    that_is_determiner,
)
from claimkit.language.lexicon import AUXILIARIES, DETERMINERS
from claimkit.language.tokens import QUOTES, Token


def clause_start(s: Sentence, index: int, floor: int) -> int:
    """Move left from a speaker over the words that join its clause to the previous one."""
    joiners = (",", ";", "and", "but", "while", "whereas", "though", "although")
    while index - 1 >= floor and s.tokens[index - 1].lower in joiners:
        index -= 1
    return index


def after_cue(s: Sentence, lemma: str, last: int) -> tuple[int, tuple[int, int] | None]:
    """The index after a cue, its adjuncts and (for "told") its recipient."""
    index, when = s.skip_forward(last + 1)
    tokens = s.tokens
    if (
        index + 1 < len(tokens)
        and tokens[index].text == ","
        and tokens[index + 1].lower in ("citing", "quoting")
    ):
        # "reported, citing customs data, that ...": the source cited is not content
        probe = index + 2
        while probe < min(len(tokens), index + 20) and tokens[probe].text not in ",.;":
            probe += 1
        if (
            probe + 1 < len(tokens)
            and tokens[probe].text == ","
            and tokens[probe + 1].lower == "that"
        ):
            index = probe + 1
    if lemma == "tell" and index < len(tokens):
        index = _past_recipient(tokens, index)
        index, later = s.skip_forward(index)
        when = when or later
    # "told reporters outside the court, ...": a place before a comma or the end.
    if index < len(tokens) and tokens[index].lower in TRAILING_PREPOSITIONS:
        probe = index + 1
        while probe < len(tokens) and tokens[probe].is_word and not is_verbish(tokens[probe]):
            if tokens[probe].lower in CLAUSE_WORDS:
                break
            probe += 1
        if probe >= len(tokens) or tokens[probe].text in ",.;!?":
            index = probe
    return index, when


def _past_recipient(tokens: list[Token], index: int) -> int:
    """The index after the recipient of "told": "Reuters", "reporters", "state
    television", "the Johannesburg High Court", "a news conference"."""
    first = tokens[index]
    if first.lower in RECIPIENTS:
        return index + 1
    probe = index + 1 if first.lower in DETERMINERS else index
    if probe < len(tokens) and tokens[probe].is_capitalized:
        while probe < len(tokens) and tokens[probe].is_capitalized:
            probe += 1
        if probe < len(tokens) and tokens[probe].lower in RECIPIENT_HEADS:
            probe += 1
        elif (
            probe + 1 < len(tokens)
            and tokens[probe].is_word
            and tokens[probe + 1].lower in RECIPIENT_HEADS
        ):
            probe += 2  # "the French news agency"
        return probe
    for look in range(probe, min(probe + 4, len(tokens))):
        token = tokens[look]
        if not token.is_word or is_verbish(token) or token.lower in CLAUSE_WORDS:
            break
        if token.lower in RECIPIENT_HEADS or token.lower in RECIPIENTS:
            # "the broadcaster Canal Puerto": a name may follow the description
            look += 1
            while look < len(tokens) and tokens[look].is_capitalized:
                look += 1
            return look
    return index


#: Prepositions that open an adjunct between a cue and its "that".
_ADJUNCT_OPENERS: Final = frozenset("in on at via through by following after during".split())


def content_after(s: Sentence, lemma: str, last: int) -> int:
    """Where the reported content starts after a cue."""
    index, _ = after_cue(s, lemma, last)
    tokens = s.tokens
    # "said in a statement posted online that ...", "said following a visit this month
    # that ...": an adjunct up to "that".
    if index < len(tokens) and tokens[index].lower in _ADJUNCT_OPENERS:
        for probe in range(index + 1, min(index + 12, len(tokens))):
            if tokens[probe].lower == "that":
                index = probe
                break
            if (
                not tokens[probe].is_word
                or tokens[probe].lower in AUXILIARIES  # "said at least 140 had been ..."
                or tokens[probe].lower in ("least", "most", "and", "or", "but")
            ):
                break
    if index < len(tokens) and tokens[index].text in (":", ","):
        index += 1
    if (
        index < len(tokens)
        and tokens[index].lower == "that"
        and not that_is_determiner(tokens, index)
    ):
        index += 1
    return index


def sentence_time(s: Sentence, np_first: int) -> tuple[int, int] | None:
    """A time that opens the sentence before the speaker ("On Thursday, the army said")."""
    index = 0
    while index < np_first and s.in_time[index]:
        index += 1
    if index and index < len(s.tokens) and (s.tokens[index].text == "," or index == np_first):
        return s.time_at(0, index - 1)
    return None


def resumed_quote(s: Sentence, after: int) -> int | None:
    """The closing index of a quotation that resumes after its attribution:
    ``"Every figure we publish," Cossa said, "is a figure we have verified."``"""
    tokens = s.tokens
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].text in QUOTES:
        return s.close_of.get(after + 1)
    return None


#: How far after a cue its circumstances reach ("told reporters outside the court in
#: the capital on Thursday"); a bound that keeps long sentences linear.
_CIRCUMSTANCE_TOKENS: Final = 24


def subject_before_relative(s: Sentence, floor: int, cue: int) -> bool:
    """Whether the words before a cue are a noun phrase and a relative clause set off by
    commas ("Gulnara, who declined to give her full name, said"): the phrase is the
    subject, not a clause reported before an inverted speaker."""
    tokens = s.tokens
    start = floor
    while start < cue and not tokens[start].is_word:
        start += 1
    last = s.np_after(start) if start < cue else None
    return (
        last is not None
        and last + 2 < cue
        and tokens[last + 1].text == ","
        and tokens[last + 2].lower in RELATIVE_PRONOUNS
    )


def trailing_time(s: Sentence, index: int) -> tuple[int, int] | None:
    """A time among the circumstances after a cue that ends its sentence: "told
    reporters in Nairobi on Thursday", "speaking outside the port gates on Tuesday"."""
    tokens = s.tokens
    stop = min(len(tokens), index + _CIRCUMSTANCE_TOKENS)
    while index < stop and tokens[index].text not in QUOTES and tokens[index].text != ";":
        if tokens[index].lower in RELATIVE_PRONOUNS:
            return None  # "..., who travelled there on Wednesday": the time of something else
        if s.in_time[index]:
            return s.time_at(index, s.time_end(index))
        index += 1
    return None


RELATIVE_PRONOUNS: Final = frozenset("which who whom whose".split())
