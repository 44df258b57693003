"""Attribution: reporting cues, their speakers and what they report.

One claim per cue. The speaker stands before the cue ("X said ..."), after
it ("..., said X"), after "according to", or is the subject of a coordinated
verb ("X made no mention of it but said ..."). The content is the reported
proposition without speaker and cue; a quotation makes the claim direct.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from claimkit.language.cues import (
    AMBIGUOUS_CUES,
    CALLING_FORMS,
    CUE_LEMMA,
    INVERTING_LEMMAS,
    PARTICIPLE_CUES,
    POSSESSED_CUES,
)
from claimkit.language.lexicon import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_OPENERS,
    DETERMINERS,
    HONORIFICS,
    NP_CONNECTORS,
    PRONOUN_KIND,
)
from claimkit.language.tokens import CLOSE_QUOTES, OPEN_QUOTES, QUOTES, Token, tokenize
from claimkit.model import Mode

__all__ = ["Attribution", "find_attributions"]

# Phrases between a cue and its content or between a speaker and its cue.
_CUE_ADJUNCTS: Final = (
    ("in", "a", "statement"),
    ("in", "a", "written", "statement"),
    ("in", "an", "interview"),
    ("in", "a", "briefing"),
    ("in", "a", "post"),
    ("on", "condition", "of", "anonymity"),
    ("at", "a", "news", "conference"),
    ("at", "a", "press", "conference"),
    ("at", "a", "briefing"),
    ("on", "twitter"),
    ("on", "social", "media"),
    ("on", "state", "television"),
    ("in", "a", "televised", "address"),
    ("in", "a", "speech"),
    ("in", "remarks"),
)
_ADJUNCT_FIRST: Final = frozenset(p[0] for p in _CUE_ADJUNCTS)
_ADJUNCT_LAST: Final = frozenset(p[-1] for p in _CUE_ADJUNCTS)
_CLAUSE_WORDS: Final = frozenset(
    """that which who whom whose when where while whereas as because if though although
    but and or so after before since until unless than""".split()
)
_COMMON_VERBS: Final = frozenset(
    """made make makes took take takes gave give gives went go goes came come comes saw
    see sees got get gets held hold holds left leave leaves kept keep met meet ran run
    put set brought bring began begin begun fought found lost sent spent stood won wrote
    became become fell felt led paid rose shot struck knew grew threw drew flew issued
    released published called urged asked appeared seemed remained continued launched
    killed attacked seized fired opened closed began moved used showed""".split()
)
_RECIPIENTS: Final = frozenset(
    """reporters journalists lawmakers parliament legislators him her them us me
    supporters residents diplomats delegates investigators police""".split()
)
_RECIPIENT_HEADS: Final = frozenset(
    """agency conference briefing newspaper radio television channel broadcaster
    station reporters journalists crowd audience meeting committee council
    outlet service network court judge jury tribunal hearing inquiry parliament
    lawmakers senators media press daily magazine website""".split()
)
_PARTICIPIAL_ADJECTIVES: Final = frozenset(
    """armed united detained injured wounded displaced retired unnamed elected appointed
    concerned affected so-called self-styled exiled jailed banned outlawed""".split()
)
_NARRATION_VERBS: Final = frozenset(
    "did declined refused gave offered provided failed added".split()
)
_NEGATORS: Final = frozenset("not n't never cannot rarely seldom".split())
_PASSIVE: Final = frozenset("be been being was were is are".split())
_SUBORDINATORS: Final = frozenset("as when while after before because since".split())
_TRAILING_PREPOSITIONS: Final = frozenset("in at from during outside near inside on by".split())
_FOLLOWING_CLAUSE: Final = frozenset(
    "citing according while but and whereas although though as adding saying".split()
)


#: The most tokens a claim's content can hold.
MAX_CONTENT_TOKENS: Final = 200


@attrs.frozen
class Attribution:
    """One cue in one sentence, with offsets into the article text."""

    cue: tuple[int, int]
    lemma: str
    content: tuple[int, int]
    mode: Mode
    speaker: tuple[int, int] | None  # None: the same speaker as ``inherit``
    apposition: tuple[int, int] | None = None
    inherit: int | None = None  # index of an earlier attribution in the same sentence
    when: tuple[int, int] | None = None
    acronym: tuple[int, int] | None = None  # "(GLM)" after the speaker's name
    # The speaker is the article's latest ("according to the statement"; "the statement
    # said", whose ``speaker`` is kept for an article with no speaker before it).
    refers_back: bool = False
    #: The name of the rule that read it, one of :data:`claimkit.extraction.rules.RULES`.
    rule: str = ""


def _quote_regions(tokens: list[Token]) -> list[tuple[int, int]]:
    """Index pairs (open, close) of quotation marks in a sentence."""
    regions: list[tuple[int, int]] = []
    open_index: int | None = None
    for i, token in enumerate(tokens):
        char = token.text
        if char not in QUOTES:
            continue
        if open_index is None:
            if char not in CLOSE_QUOTES:
                open_index = i
        elif char not in OPEN_QUOTES:
            regions.append((open_index, i))
            open_index = None
    if open_index is not None:
        regions.append((open_index, len(tokens)))
    return regions


def _inside_flags(count: int, regions: list[tuple[int, int]]) -> list[bool]:
    """For each token index, whether it lies strictly inside a quotation."""
    flags = [False] * count
    for open_, close in regions:
        for index in range(open_ + 1, min(close, count)):
            flags[index] = True
    return flags


def _match_phrase(tokens: list[Token], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the adjunct phrase starting at ``index`` (0 when none)."""
    if tokens[index].lower not in _ADJUNCT_FIRST:
        return 0
    for phrase in phrases:
        if len(phrase) + index <= len(tokens) and all(
            tokens[index + k].lower == w for k, w in enumerate(phrase)
        ):
            return len(phrase)
    return 0


def _match_phrase_ending(
    tokens: list[Token], index: int, phrases: tuple[tuple[str, ...], ...]
) -> int:
    """Length of the adjunct phrase ending at ``index`` (inclusive; 0 when none)."""
    if tokens[index].lower not in _ADJUNCT_LAST:
        return 0
    for phrase in phrases:
        first = index - len(phrase) + 1
        if first >= 0 and all(tokens[first + k].lower == w for k, w in enumerate(phrase)):
            return len(phrase)
    return 0


def _is_acronym(token: Token) -> bool:
    """ "WHO", "UN", "NATO": names, even when they spell a word."""
    return len(token.text) > 1 and token.text.isupper()


def _is_verbish(token: Token) -> bool:
    if _is_acronym(token):
        return False
    lower = token.lower
    return (
        lower in AUXILIARIES
        or lower in CUE_LEMMA
        or lower in _COMMON_VERBS
        or (lower.endswith("ed") and not token.is_capitalized and len(lower) > 4)
    )


def _time_flags(tokens: list[Token], time_spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether a time expression covers it (``time_spans`` sorted)."""
    flags = [False] * len(tokens)
    if not tokens or not time_spans:
        return flags
    first = bisect.bisect_left(time_spans, (tokens[0].start, -1))
    inside = bisect.bisect_left(time_spans, (tokens[-1].end, -1), first) > first
    # A time that starts before the sentence may still cover its first token.
    reaches_in = first > 0 and time_spans[first - 1][1] > tokens[0].start
    if not inside and not reaches_in:
        return flags
    index = first - 1 if first else 0
    for position, token in enumerate(tokens):
        while index < len(time_spans) and time_spans[index][1] < token.end:
            index += 1
        if index < len(time_spans):
            start, end = time_spans[index]
            flags[position] = start <= token.start and token.end <= end
    return flags


class _Sentence:
    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        time_spans: list[tuple[int, int]],
        tokens: list[Token] | None = None,
    ) -> None:
        self.text = text
        self.tokens = tokenize(text, start, end) if tokens is None else tokens
        self.quotes = _quote_regions(self.tokens)
        self.quoted = _inside_flags(len(self.tokens), self.quotes)
        self.close_of = dict(self.quotes)  # opening index -> closing index
        self.open_of = {close: open_ for open_, close in self.quotes}
        self.opens = [open_ for open_, _ in self.quotes]
        self.start = start
        self.end = end
        self.in_time = _time_flags(self.tokens, time_spans)

    def time_end(self, first: int) -> int:
        """The last index of the time expression whose tokens start at ``first``."""
        last = first
        while last + 1 < len(self.tokens) and self.in_time[last + 1]:
            last += 1
        return last

    def time_at(self, first: int, last: int) -> tuple[int, int] | None:
        """The span of the time expression that covers tokens ``first..last``, if any."""
        if first > last or not all(self.in_time[first : last + 1]):
            return None
        return (self.tokens[first].start, self.tokens[last].end)

    # --- cues -------------------------------------------------------------------------

    def cues(self) -> list[tuple[int, int, str]]:
        """(first, last, lemma) token indexes of each reporting cue outside quotations."""
        found: list[tuple[int, int, str]] = []
        tokens = self.tokens
        for i, token in enumerate(tokens):
            if self.quoted[i]:
                continue
            lower = token.lower
            if lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
                found.append((i, i + 1, "according to"))
                continue
            if (
                lower in POSSESSED_CUES
                and i
                and tokens[i - 1].lower.endswith(("'s", "’s"))
                and i + 1 < len(tokens)
                and tokens[i + 1].lower == "that"
            ):
                found.append((i, i, "'s " + POSSESSED_CUES[lower]))
                continue
            lemma = CUE_LEMMA.get(lower)
            if lemma is None:
                if lower in CALLING_FORMS and self._calls_false(i):
                    found.append((i, i, "call"))  # "called the claims baseless"
                continue
            before = tokens[i - 1].lower if i else ""
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if before.endswith(("'s", "’s")):
                continue  # "the MPA's claims": a noun, unless "... claims that" (above)
            if lemma == "argue" and after.lower() in ("over", "about", "with"):
                continue  # "argued over whether ...": a quarrel, not a statement
            if before in _PASSIVE or (
                i > 1 and before in ADVERBS and tokens[i - 2].lower in _PASSIVE
            ):
                continue  # "had been confirmed", "was reported": no speaker is named
            if before in DETERMINERS or before in _NOT_BEFORE_A_CUE:
                continue  # "the reported attack", "a warning", "no confirmed link"
            if after.lower() == "by" and (
                i + 2 >= len(tokens) or tokens[i + 2].lower not in _MEANS_OF_SAYING
            ):
                continue  # "homes confirmed by inspectors": a passive participle
            introduces = after.lower() in ("that", ":", ",") or after in QUOTES
            has_subject = (
                before in PRONOUN_KIND
                or before in AUXILIARIES
                or (i and tokens[i - 1].is_capitalized)
            )
            if lower in AMBIGUOUS_CUES and not introduces and not has_subject:
                continue
            if lower in PARTICIPLE_CUES and before != "," and lower != "saying":
                continue
            if lemma == "tell" and not self._has_recipient(i):
                continue
            found.append((i, i, lemma))
        return found

    def _calls_false(self, i: int) -> bool:
        """Whether "called" at ``i`` dismisses what follows as false ("called the
        union's claims baseless"), within a short clause."""
        for token in self.tokens[i + 1 : i + 10]:
            if token.lower in _DISMISSALS:
                return True
            if not token.is_word and token.text not in ("'", "’"):
                return False
        return False

    def _has_recipient(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and self.tokens[i + 1].is_word

    # --- positions around a cue ---------------------------------------------------------

    def skip_back(self, index: int) -> tuple[int, tuple[int, int] | None]:
        """Move left from ``index`` over adverbs, auxiliaries, times and adjuncts.

        Returns the new index and the time expression skipped, if any.
        """
        when: tuple[int, int] | None = None
        while index >= 0:
            token = self.tokens[index]
            if self.in_time[index]:
                last = index
                while index >= 0 and self.in_time[index]:
                    index -= 1
                when = self.time_at(index + 1, last)
                continue
            length = _match_phrase_ending(self.tokens, index, _CUE_ADJUNCTS)
            if length:
                index -= length
                continue
            if token.lower in ADVERBS or token.lower in AUXILIARIES or token.lower == "not":
                index -= 1
                continue
            break
        return index, when

    def skip_forward(self, index: int) -> tuple[int, tuple[int, int] | None]:
        """Move right from ``index`` over times, adjuncts and adverbs after a cue."""
        when: tuple[int, int] | None = None
        while index < len(self.tokens):
            token = self.tokens[index]
            if self.in_time[index]:
                last = self.time_end(index)
                when = self.time_at(index, last)
                index = last + 1
                continue
            length = _match_phrase(self.tokens, index, _CUE_ADJUNCTS)
            if length:
                index += length
                continue
            if token.lower in ADVERBS:
                index += 1
                continue
            break
        return index, when

    def np_before(self, last: int, floor: int) -> int | None:
        """First index of the noun phrase that ends at ``last`` (not before ``floor``)."""
        tokens = self.tokens
        first: int | None = None
        index = last
        while index >= floor and last - index < 18:
            token = tokens[index]
            lower = token.lower
            if token.text == "." and index > floor and tokens[index - 1].lower in HONORIFICS:
                first = index - 1  # "Mr. Biden"
                index -= 2
                continue
            if not token.is_word:
                break
            if lower in PRONOUN_KIND:
                if first is None:
                    first = index
                break
            if lower in DETERMINERS:
                first = index
                if (
                    index - 1 >= floor
                    and tokens[index - 1].lower in NP_CONNECTORS
                    and index - 1 > floor
                ):
                    index -= 1
                    continue
                break
            if lower in NP_CONNECTORS:
                if first is None:
                    break
                index -= 1
                continue
            if lower in _CLAUSE_WORDS and not _is_acronym(token):
                break
            after_determiner = index > 0 and tokens[index - 1].lower in DETERMINERS
            if _is_verbish(token) and not self._adjective_at(index) and not after_determiner:
                break  # a verb ends the phrase; "the report" is a noun
            if token.is_capitalized and lower in CLAUSE_OPENERS and index == floor:
                break
            first = index
            index -= 1
        if first is None:
            return None
        while first <= last and tokens[first].lower in NP_CONNECTORS:
            first += 1
        return first if first <= last else None

    def _adjective_at(self, index: int) -> bool:
        """A participle used as an adjective: "Mali's armed forces", "the so-called"."""
        token = self.tokens[index]
        if token.lower in _PARTICIPIAL_ADJECTIVES:
            return True
        if not token.lower.endswith("ed") or index == 0 or index + 1 >= len(self.tokens):
            return False
        before = self.tokens[index - 1]
        after = self.tokens[index + 1]
        return (
            before.lower in DETERMINERS or before.lower.endswith(("'s", "’s"))
        ) and after.is_word

    def np_after(self, first: int) -> int | None:
        """Last index of the noun phrase that starts at ``first``."""
        tokens = self.tokens
        last: int | None = None
        index = first
        while index < len(tokens) and index - first < 18:
            token = tokens[index]
            if not token.is_word:
                break
            lower = token.lower
            if lower in PRONOUN_KIND and index == first:
                return index
            if (
                (lower in _CLAUSE_WORDS and not _is_acronym(token))
                or (_is_verbish(token) and index > first)
                or (self.in_time[index] and index > first)  # "the ministry on Monday"
            ):
                break
            if lower in NP_CONNECTORS:
                if index + 1 < len(tokens) and tokens[index + 1].is_word:
                    index += 1
                    continue
                break
            last = index
            index += 1
        return last

    def subject(self, floor: int, ceiling: int) -> tuple[int, int] | None:
        """The noun phrase that opens the clause starting at ``floor``."""
        index = floor
        while index < ceiling and (
            not self.tokens[index].is_word
            or self.tokens[index].lower in CLAUSE_OPENERS
            or self.in_time[index]
        ):
            index += 1
        if index >= ceiling:
            return None
        last = self.np_after(index)
        if last is None or last >= ceiling:
            return None
        return index, last

    def is_final(self, index: int) -> bool:
        """Whether nothing reported follows ``index``: the sentence ends, a participle
        or a new clause starts ("..., while police estimated"), or only a place or
        occasion follows ("told reporters in the border town of Isfara")."""
        if index >= len(self.tokens):
            return True
        if self.tokens[index].lower in _TRAILING_PREPOSITIONS:
            probe = index
            while probe < len(self.tokens) and self.tokens[probe].text not in ".,;!?":
                if _is_verbish(self.tokens[probe]) or self.tokens[probe].lower == "that":
                    break
                probe += 1
            else:
                return True
            if self.tokens[probe].text in ".,;!?" and probe > index:
                return self.is_final(probe)
        text = self.tokens[index].text
        if text in (".", "!", "?", ";") or text in CLOSE_QUOTES:
            return (
                index + 1 >= len(self.tokens)
                or text in (";",)
                or self.tokens[index + 1].text in (".",)
            )
        if text == "," and index + 1 < len(self.tokens):
            following = self.tokens[index + 1].lower
            return following in PARTICIPLE_CUES or following in _FOLLOWING_CLAUSE
        return False

    def span(self, first: int, last: int) -> tuple[int, int]:
        return (self.tokens[first].start, self.tokens[last].end)

    def _past_dateline(self, first: int, last: int) -> int:
        """Skip a dateline that opens a story: "KYIV, Ukraine (AP) —", "BAMAKO, March 13 -"."""
        if first != 0:
            return first
        tokens = self.tokens
        for index in range(first, min(last + 1, 14)):
            if tokens[index].text in ("—", "–", "-") and index > first:
                place = first
                while place < index and tokens[place].text.isupper() and tokens[place].is_word:
                    place += 1  # the place in capitals: "KYIV", "PORTO ALEGRE"
                if place > first and tokens[place].text == ",":
                    return index + 1
                return first
        return first

    def _before_channel(self, first: int, last: int) -> int:
        """End an object before the channel it was said through: "denied any wrongdoing
        in a brief statement posted on social media" denies "any wrongdoing". Only a
        content with no verb of its own: a clause may go on past such words."""
        tokens = self.tokens
        for index in range(first + 1, min(last, first + 12)):
            token = tokens[index]
            if _is_verbish(token):
                return last
            following = [t.lower for t in tokens[index + 1 : index + 4]]
            channel = (
                token.lower == "in"
                and following[:1] in (["a"], ["an"])
                and any(w in _CHANNELS for w in following[1:3])
            ) or (token.lower == "on" and following[:2] == ["social", "media"])
            if channel:
                return index - 1
        return last

    def _before_narration(self, first: int, last: int) -> int:
        """End content where the narrator takes over with a verb that has no subject of its
        own: "..., but did not provide evidence" is said of the speaker, not by them."""
        tokens = self.tokens
        for index in range(first + 1, last):
            if (
                tokens[index].text == ","
                and tokens[index + 1].lower in ("but", "and")
                and index + 2 <= last
                and tokens[index + 2].lower in _NARRATION_VERBS
            ):
                return index - 1
        return last

    def content_span(self, first: int, last: int) -> tuple[tuple[int, int], Mode] | None:
        """Trimmed content between token indexes, and whether it is a quotation."""
        tokens = self.tokens
        first = self._past_dateline(first, last)
        last = self._before_channel(first, last)
        while first <= last and (
            (tokens[first].lower == "that" and not _that_is_determiner(tokens, first))
            or tokens[first].text in ",:;—-"
        ):
            first += 1
        last = self._before_narration(first, last)
        while last >= first and tokens[last].text in ".,;:!?—-":
            last -= 1
        if first > last:
            return None
        mode = Mode.INDIRECT
        if tokens[first].text in QUOTES:
            close = self.close_of.get(first)
            if close is not None and close <= last + 1:
                mode = Mode.DIRECT
                first += 1
                last = min(last, close - 1)
            elif close is None or close > last:
                first += 1
                mode = Mode.DIRECT
            while last >= first and tokens[last].text in '.,;:!?"”’':
                last -= 1
        elif tokens[last].text in QUOTES and not (
            bisect.bisect_left(self.opens, first) < bisect.bisect_right(self.opens, last)
        ):
            last -= 1
        while last >= first and tokens[last].text in ".,;:!?":
            last -= 1
        if first > last:
            return None
        return self.span(first, last), mode


@attrs.define
class _Draft:
    """A claim being read off a sentence, in token indexes."""

    cue: tuple[int, int]
    lemma: str
    clause_start: int
    content_first: int
    content_last: int
    speaker: tuple[int, int] | None
    apposition: tuple[int, int] | None = None
    inherit: int | None = None
    when: tuple[int, int] | None = None
    verbatim: bool = False  # content is a quotation interrupted by its attribution
    acronym: tuple[int, int] | None = None
    refers_back: bool = False  # "according to the statement": the speaker cited last
    parenthetical: bool = False  # in a relative clause set off by commas: ends no content
    rule: str = ""  # the name of the rule that read it (see extraction.rules)


def _according_to(s: _Sentence, first: int, last: int, floor: int) -> _Draft | None:
    np_first = last + 1
    np_last = s.np_after(np_first) if np_first < len(s.tokens) else None
    if np_last is None:
        return None
    speaker: tuple[int, int] | None = s.span(np_first, np_last)
    refers_back = False
    apposition = None
    when: tuple[int, int] | None = None
    source = _document_source(s, np_first, np_last)
    if source is not None:
        # "according to figures released by the Centre, a rights group, ..."
        (source_first, source_last), np_last = source
        speaker = s.span(source_first, source_last)
        if np_last + 1 < len(s.tokens) and s.in_time[np_last + 1]:
            time_last = s.time_end(np_last + 1)  # "... published by the commission on Monday"
            when = s.time_at(np_last + 1, time_last)
            np_last = time_last
        apposition = _description_after(s, np_last)
        if apposition is not None:
            np_last = apposition[1]
            apposition = s.span(*apposition)
    elif s.tokens[np_last].lower in _DOCUMENTS and s.tokens[np_first].lower in _BACK_REFERENCES:
        speaker, refers_back = None, True  # "according to the statement": one cited before
    cue = s.span(first, last)
    end = len(s.tokens) - 1
    if first > floor:
        # "CONTENT, according to X" / "CONTENT according to X, CONTENT"
        return _Draft(
            cue, "according to", first, floor, first - 1, speaker, apposition,
            when=when, refers_back=refers_back, rule="content-according-to",
        )  # fmt: skip
    after = np_last + 1
    if after < len(s.tokens) and s.tokens[after].text == ",":
        after += 1
    return _Draft(
        cue, "according to", first, after, end, speaker, apposition,
        when=when, refers_back=refers_back, rule="according-to-content",
    )  # fmt: skip


_BACK_REFERENCES: Final = frozenset("the that this these those its their".split())


def _document_source(
    s: _Sentence, np_first: int, np_last: int
) -> tuple[tuple[int, int], int] | None:
    """Who issued the document an "according to" phrase cites ("a statement from the
    ministry", "figures released by the Centre"), and the index where the phrase ends."""
    tokens = s.tokens
    head = next((i for i in range(np_first, np_last + 1) if tokens[i].lower in _DOCUMENTS), None)
    if head is None:
        return None
    probe = head + 1
    if probe <= np_last + 1 and probe < len(tokens) and tokens[probe].lower in _DOCUMENT_VERBS:
        probe += 1
    if probe >= len(tokens) or tokens[probe].lower not in ("from", "by", "of"):
        return None
    owner_last = s.np_after(probe + 1) if probe + 1 < len(tokens) else None
    if owner_last is None:
        return None
    return (probe + 1, owner_last), owner_last


def _description_after(s: _Sentence, index: int) -> tuple[int, int] | None:
    """A description set off by commas after a name (", a Kumasi-based rights group,"):
    a phrase with an article and no verb, closed by a comma."""
    tokens = s.tokens
    start = index + 2
    if index + 1 >= len(tokens) or tokens[index + 1].text != "," or start >= len(tokens):
        return None
    if tokens[start].lower not in ("a", "an", "the"):
        return None
    stop = start
    while stop < len(tokens) and tokens[stop].text != ",":
        if tokens[stop].text in ".;:" or _is_verbish(tokens[stop]) or stop - start > 10:
            return None
        stop += 1
    if stop >= len(tokens):
        return None
    return start, stop - 1


def _inverted(s: _Sentence, first: int, last: int, floor: int) -> _Draft | None:
    """ "..., said Naji al-Mustafa, a spokesman for the group." """
    np_first, when = s.skip_forward(last + 1)
    if np_first >= len(s.tokens):
        return None
    token = s.tokens[np_first]
    if not (token.is_capitalized or token.lower in DETERMINERS or token.lower in PRONOUN_KIND):
        return None
    np_last = s.np_after(np_first)
    if np_last is None or np_last - np_first > 8:
        return None
    if any(t.text[0].isdigit() for t in s.tokens[np_first : np_last + 1]):
        return None  # "..., said the economy shrank 2.3 percent" is content, not a speaker
    apposition = None
    follow = np_last + 1
    if follow < len(s.tokens) and s.tokens[follow].text == ",":
        stop = follow + 1
        while stop < len(s.tokens) and s.tokens[stop].text not in ",.;":
            stop += 1
        if stop - 1 >= follow + 1:
            apposition = s.span(follow + 1, stop - 1)
    elif not s.is_final(follow):
        return None
    if first - 1 <= floor:
        return None
    when = when or _trailing_time(s, np_last + 1)  # "..., speaking outside on Tuesday"
    return _Draft(
        s.span(first, last), CUE_LEMMA[s.tokens[first].lower], floor, floor, first - 1,
        s.span(np_first, np_last), apposition, None, when, rule="content-said-speaker",
    )  # fmt: skip


def _clause_start(s: _Sentence, index: int, floor: int) -> int:
    """Move left from a speaker over the words that join its clause to the previous one."""
    joiners = (",", ";", "and", "but", "while", "whereas", "though", "although")
    while index - 1 >= floor and s.tokens[index - 1].lower in joiners:
        index -= 1
    return index


def _after_cue(s: _Sentence, lemma: str, last: int) -> tuple[int, tuple[int, int] | None]:
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
    if index < len(tokens) and tokens[index].lower in _TRAILING_PREPOSITIONS:
        probe = index + 1
        while probe < len(tokens) and tokens[probe].is_word and not _is_verbish(tokens[probe]):
            if tokens[probe].lower in _CLAUSE_WORDS:
                break
            probe += 1
        if probe >= len(tokens) or tokens[probe].text in ",.;!?":
            index = probe
    return index, when


def _past_recipient(tokens: list[Token], index: int) -> int:
    """The index after the recipient of "told": "Reuters", "reporters", "state
    television", "the Johannesburg High Court", "a news conference"."""
    first = tokens[index]
    if first.lower in _RECIPIENTS:
        return index + 1
    probe = index + 1 if first.lower in DETERMINERS else index
    if probe < len(tokens) and tokens[probe].is_capitalized:
        while probe < len(tokens) and tokens[probe].is_capitalized:
            probe += 1
        if probe < len(tokens) and tokens[probe].lower in _RECIPIENT_HEADS:
            probe += 1
        return probe
    for look in range(probe, min(probe + 4, len(tokens))):
        token = tokens[look]
        if not token.is_word or _is_verbish(token) or token.lower in _CLAUSE_WORDS:
            break
        if token.lower in _RECIPIENT_HEADS or token.lower in _RECIPIENTS:
            # "the broadcaster Canal Puerto": a name may follow the description
            look += 1
            while look < len(tokens) and tokens[look].is_capitalized:
                look += 1
            return look
    return index


def _content_after(s: _Sentence, lemma: str, last: int) -> int:
    """Where the reported content starts after a cue."""
    index, _ = _after_cue(s, lemma, last)
    tokens = s.tokens
    # "said in a statement posted online that ...": an adjunct up to "that".
    if index < len(tokens) and tokens[index].lower in ("in", "on", "at", "via", "through", "by"):
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
        and not _that_is_determiner(tokens, index)
    ):
        index += 1
    return index


# Nouns that name what someone said: after a cue, "that" before one of them is a
# determiner ("rejected that version"), not the start of a clause.
_ACCOUNT_NOUNS: Final = frozenset(
    """account version claim report allegation accusation statement assertion figure
    estimate story narrative charge""".split()
)


_RELATIVE_PRONOUNS: Final = frozenset("which who whom whose".split())
_TIME_NOUNS: Final = frozenset("day night morning afternoon evening week month year time".split())
_NOT_BEFORE_A_CUE: Final = frozenset(
    "of in to for with by no any some every each all other such".split()
)
_MEANS_OF_SAYING: Final = frozenset(
    "phone telephone email e-mail video text letter radio satellite".split()
)
# Nouns for what an "according to" phrase cites rather than who: "according to figures
# released by the Centre", "according to the statement".
_DOCUMENTS: Final = frozenset(
    """statement statements report reports figures data results estimate estimates count
    tally survey study assessment analysis records documents filing release message letter
    post video footage transcript""".split()
)
# A document said to speak ("the statement said", "its report says") speaks for the one
# who issued it: the speaker cited last.
_SPEAKING_DOCUMENT: Final = re.compile(
    rf"(?:{'|'.join(sorted(_BACK_REFERENCES))})\s+(?:\w+\s+)?"
    r"(?:statement|report|communique|release|letter|message|post|filing|notice)",
    re.IGNORECASE,
)
# Subjects of a cue that no one can be credited with: a negated quantifier ("Nobody
# warned the family") or evidence rather than a source ("satellite data suggested").
_NOT_SPEAKERS: Final = frozenset(
    """nobody none nothing data evidence footage images records results tests analysis
    documents statistics""".split()
)


def _credits_no_one(text: str, start: int, end: int) -> bool:
    words = text[start:end].lower().split()
    return bool(words) and (
        words[-1] in _NOT_SPEAKERS or words[:2] == ["no", "one"] or words[0] == "no"
    )


_DOCUMENT_VERBS: Final = frozenset(
    "released published issued compiled provided posted shared seen obtained cited".split()
)
_CLAUSE_PREPOSITIONS: Final = frozenset(
    "with to from against into by at on in near off of over under across along through".split()
)
_NAMING_WORDS: Final = frozenset("name named called as".split())


def _that_is_determiner(tokens: list[Token], index: int) -> bool:
    """Whether the "that" at ``index`` points at an account ("denied that claim.") or a
    time ("said that day")."""
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].lower
    if following in _TIME_NOUNS:
        return True
    if following not in _ACCOUNT_NOUNS:
        return False
    after = tokens[index + 2].lower if index + 2 < len(tokens) else "."
    return after in (".", ",", ";", "as", "of", "by", "from", "and", "on", "in")


def _sentence_time(s: _Sentence, np_first: int) -> tuple[int, int] | None:
    """A time that opens the sentence before the speaker ("On Thursday, the army said")."""
    index = 0
    while index < np_first and s.in_time[index]:
        index += 1
    if index and index < len(s.tokens) and (s.tokens[index].text == "," or index == np_first):
        return s.time_at(0, index - 1)
    return None


def _resumed_quote(s: _Sentence, after: int) -> int | None:
    """The closing index of a quotation that resumes after its attribution:
    ``"Every figure we publish," Cossa said, "is a figure we have verified."``"""
    tokens = s.tokens
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].text in QUOTES:
        return s.close_of.get(after + 1)
    return None


#: How far after a cue its circumstances reach ("told reporters outside the court in
#: the capital on Thursday"); a bound that keeps long sentences linear.
_CIRCUMSTANCE_TOKENS: Final = 24


_CHANNELS: Final = frozenset(
    "statement interview post letter message video tweet speech briefing".split()
)
_DISMISSALS: Final = frozenset(
    """baseless false untrue unfounded lies lie absurd ridiculous nonsense fabricated
    fabrication propaganda groundless slanderous""".split()
)


def _subject_before_relative(s: _Sentence, floor: int, cue: int) -> bool:
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
        and tokens[last + 2].lower in _RELATIVE_PRONOUNS
    )


def _trailing_time(s: _Sentence, index: int) -> tuple[int, int] | None:
    """A time among the circumstances after a cue that ends its sentence: "told
    reporters in Nairobi on Thursday", "speaking outside the port gates on Tuesday"."""
    tokens = s.tokens
    stop = min(len(tokens), index + _CIRCUMSTANCE_TOKENS)
    while index < stop and tokens[index].text not in QUOTES and tokens[index].text != ";":
        if tokens[index].lower in _RELATIVE_PRONOUNS:
            return None  # "..., who travelled there on Wednesday": the time of something else
        if s.in_time[index]:
            return s.time_at(index, s.time_end(index))
        index += 1
    return None


def _main_clause_draft(drafts: list[_Draft]) -> int | None:
    """The latest claim whose cue is not inside another's content: the subject of a
    participle after it ("The commission rejected Bellmore's claim that ..., saying")."""
    # Only the last few: a claim nests in one close before it, and this stays linear.
    for index in range(len(drafts) - 1, max(-1, len(drafts) - 9), -1):
        # A claim nested in another's content opens it; one that starts later in the
        # content ("..., while the union said") is a clause of its own.
        start = drafts[index].clause_start
        if not any(d.content_first == start for d in drafts[max(0, index - 8) : index]):
            return index
    return len(drafts) - 1 if drafts else None


def _possessed(s: _Sentence, first: int, lemma: str) -> _Draft | None:
    """ "Tajikistan's statement that the patrol had crossed ... was read out" """
    tokens = s.tokens
    np_first = s.np_before(first - 1, 0)
    if np_first is None:
        return None
    owner = tokens[first - 1]
    speaker = (tokens[np_first].start, owner.end - 2)
    content_first = first + 2
    # The content ends before the main verb of the sentence: the last "was"/"were"
    # followed by a verb in the clause ("... that the strikes had hit militants was read out").
    clause_end = len(tokens)
    for probe in range(content_first + 1, len(tokens)):
        if tokens[probe].text == ";" or (
            tokens[probe].text == ","
            and probe + 1 < len(tokens)
            and (
                tokens[probe + 1].lower in ("and", "but", "while")
                or tokens[probe + 1].lower in PARTICIPLE_CUES  # ", saying ..."
            )
        ):
            clause_end = probe
            break
    content_last = clause_end - 1
    # As an object ("rejected Bellmore's claim that the recall was voluntary") the
    # phrase runs to the end of its clause; as a subject it ends before the main verb.
    is_object = np_first > 0 and (
        _is_verbish(tokens[np_first - 1]) or tokens[np_first - 1].lower in CUE_LEMMA
    )
    for probe in range(clause_end - 2, content_first, -1):
        if is_object:
            break
        if tokens[probe].lower in ("was", "were", "is", "are") and tokens[probe + 1].is_word:
            content_last = probe - 1
            break
    cue = s.span(first, first)
    return _Draft(
        cue, lemma[3:], np_first, content_first, content_last, speaker, rule="possessed-noun"
    )


def _relative(
    s: _Sentence, first: int, last: int, lemma: str, who: int, floor: int
) -> _Draft | None:
    """A cue in a relative clause: "Dlamini, 52, who denies all 14 charges, has been ..."."""
    tokens = s.tokens
    k = who - 2
    if k > floor and tokens[k].text[0].isdigit() and tokens[k - 1].text == ",":
        k -= 2  # an age in commas: "Dlamini, 52, who ..."
    np_first = s.np_before(k, floor)
    if np_first is None:
        return None
    content_first = _content_after(s, lemma, last)
    content_last = content_first
    while content_last + 1 < len(tokens) and tokens[content_last + 1].text not in ",;.":
        content_last += 1
    return _Draft(
        s.span(first, last), lemma, who, content_first, content_last, s.span(np_first, k),
        parenthetical=True, rule="relative-clause",
    )  # fmt: skip


def _attribute(
    s: _Sentence, first: int, last: int, lemma: str, floor: int, drafts: list[_Draft]
) -> _Draft | None:
    tokens = s.tokens
    end = len(tokens) - 1
    cue = s.span(first, last)
    if lemma == "according to":
        return _according_to(s, first, last, floor)
    if lemma.startswith("'s "):
        return _possessed(s, first, lemma)
    before = tokens[first - 1].text if first > 0 else ""
    if tokens[first].lower in PARTICIPLE_CUES and before == ",":
        content_first = _content_after(s, lemma, last)
        inherit = _main_clause_draft(drafts)
        # "X said on Tuesday ..., saying ...": the participle shares the statement's time.
        when = drafts[inherit].when if inherit is not None else None
        speaker = None
        if inherit is None:
            subject = s.subject(0, first)
            if subject is None:
                return None
            speaker = s.span(*subject)
        return _Draft(
            cue,
            lemma,
            first - 1,
            content_first,
            end,
            speaker,
            None,
            inherit,
            when,
            rule="comma-participle",
        )
    inverting = before == "," or before in CLOSE_QUOTES or (before == '"' and first > 1)
    # "..., said the ministry": only verbs of saying invert; "rejected the allegations"
    # and "told Reuters" take an object, and "Gulnara, who ..., said" has its subject.
    if inverting and lemma in INVERTING_LEMMAS and not _subject_before_relative(s, floor, first):
        inverted = _inverted(s, first, last, floor)
        if inverted is not None:
            return inverted
    k, when = s.skip_back(first - 1)
    if k < floor:
        return None
    if any(t.lower in _NEGATORS for t in tokens[k + 1 : first]):
        return None  # "could not yet confirm", "did not say": nothing is reported
    if tokens[k].lower in ("who", "which") and k - 1 > floor and tokens[k - 1].text == ",":
        return _relative(s, first, last, lemma, k, floor)
    if tokens[k].lower in ("and", "but"):
        # A coordinated verb: "X disputed the accounts and said ...".
        clause = k - 1 if k > 0 and tokens[k - 1].text == "," else k
        content_first = _content_after(s, lemma, last)
        if drafts and drafts[-1].cue[0] < cue[0]:
            index = len(drafts) - 1
            return _Draft(
                cue,
                lemma,
                clause,
                content_first,
                end,
                None,
                None,
                index,
                when,
                rule="coordinated-verb",
            )
        subject = s.subject(0, k)
        if subject is None:
            return None
        return _Draft(
            cue,
            lemma,
            clause,
            content_first,
            end,
            s.span(*subject),
            None,
            None,
            when,
            rule="coordinated-verb",
        )
    apposition = None
    if (
        tokens[k].text == ","
        and k - 2 > floor
        and tokens[k - 1].text.isdigit()
        and tokens[k - 2].text == ","
    ):
        k -= 3  # "Jepkorir, 27, denied": an age
    if tokens[k].text == ",":
        # "Naji al-Mustafa, the spokesman for the group, said ..."
        m = k - 1
        while m > floor and tokens[m].text != ",":
            m -= 1
        if m <= floor or m == k - 1:
            return None
        apposition = s.span(m + 1, k - 1)
        if tokens[m + 1].lower in _RELATIVE_PRONOUNS:
            # "Nordhav Shipping, which operates the ship, said": the clause says what
            # the speaker does, unless it gives a name ("who goes by the name Kabeya").
            named = k - 1
            while named > m + 1 and tokens[named].is_capitalized:
                named -= 1
            naming = named < k - 1 and tokens[named].lower in _NAMING_WORDS
            apposition = s.span(named + 1, k - 1) if naming else None
        k = m - 1
        if k - 1 > floor and tokens[k].text.isdigit() and tokens[k - 1].text == ",":
            k -= 2  # "Jepkorir, 27, a two-time champion, denied": an age
        # "A villager, who gave only her first name, Aigul, said": the clause is skipped.
        relative = k - 1
        while relative > floor and tokens[relative].text != ",":
            relative -= 1
        if relative > floor and tokens[relative + 1].lower in _RELATIVE_PRONOUNS:
            k = relative - 1
        elif apposition is None and tokens[k].is_word:
            # "Ana, an anaesthetist at the hospital, who declined ..., said": the
            # description before the relative clause describes the name before it.
            described = k - 1
            while described > floor and tokens[described].text != ",":
                described -= 1
            if (
                described > floor
                and tokens[described + 1].lower in ("a", "an", "the")
                and not any(_is_verbish(t) for t in tokens[described + 2 : k + 1])
            ):
                apposition = s.span(described + 1, k)
                k = described - 1
    acronym = None
    if k > floor and tokens[k].text == ")":
        # "The Gourma Liberation Movement (GLM), which ..., said"
        opening = k - 1
        while opening > floor and tokens[opening].text != "(":
            opening -= 1
        if tokens[opening].text == "(" and opening + 1 <= k - 1:
            acronym = s.span(opening + 1, k - 1)
            k = opening - 1
    np_first = s.np_before(k, floor)
    speaker_last = k
    if (
        np_first is not None
        and np_first - 2 > floor
        and tokens[np_first].lower == "by"
        and tokens[np_first - 1].lower.endswith("ed")
    ):
        # "Residents of Iferouane reached by telephone said": the participle and its
        # agent qualify the speaker before them.
        speaker_last = np_first - 2
        np_first = s.np_before(speaker_last, floor)
    if np_first is not None and np_first - 1 > floor:
        # "The owner of a ship that collided with a trawler last week disputed ...": the
        # phrase before the cue ends a relative clause; the speaker is its antecedent.
        before_np = tokens[np_first - 1]
        if before_np.lower in _CLAUSE_PREPOSITIONS or _is_verbish(before_np):
            subject = s.subject(s._past_dateline(floor, np_first - 1), np_first)
            if (
                subject is not None
                and subject[1] + 2 < np_first
                and tokens[subject[1] + 1].lower in ("who", "which", "that")
            ):
                np_first, speaker_last = subject
    if np_first is None:
        # "Health officials who asked not to be named said ..."
        subject = s.subject(floor, k + 1)
        if (
            subject is None
            or subject[1] + 1 > k
            or tokens[subject[1] + 1].lower
            not in (
                "who",
                "which",
                "that",
            )
        ):
            return None
        np_first, speaker_last = subject
    speaker = s.span(np_first, speaker_last)
    after, when_after = _after_cue(s, lemma, last)
    # A time right after the cue is the statement's ("disputed on Tuesday"); one skipped
    # before it may belong to the speaker's phrase ("a ship that sank last week").
    when = when_after or when or _sentence_time(s, np_first)
    resumed = _resumed_quote(s, after)
    if resumed is not None and np_first > floor and tokens[np_first - 1].text in QUOTES:
        quote_open = s.open_of.get(np_first - 1)
        if quote_open is not None:
            return _Draft(
                cue, lemma, floor, quote_open + 1, resumed - 1, speaker, apposition, None, when,
                verbatim=True, acronym=acronym, rule="interrupted-quote",
            )  # fmt: skip
    subordinate = (
        after < len(tokens) and tokens[after].lower in _SUBORDINATORS and np_first - 1 > floor
    )
    # '"...," the mayor told Reuters by telephone from a shelter': the quotation before
    # the speaker is what was said, whatever circumstance follows the cue.
    after_quote = (
        np_first - 1 > floor
        and tokens[np_first - 1].text in ('"', "”")
        and np_first - 1 in s.open_of
        and after < len(tokens)
        and tokens[after].text != ":"
        and not (tokens[after].lower == "that" and not _that_is_determiner(tokens, after))
        and tokens[after].text not in QUOTES
    )
    if s.is_final(after) or resumed is not None or subordinate or after_quote:
        # "CONTENT, the ministry said." The content runs from the clause start to the comma.
        content_last = np_first - 1
        if content_last <= floor:
            return None
        if when is None and resumed is None:
            when = _trailing_time(s, last + 1)  # '"...," he told reporters in Nairobi on Thursday'
        return _Draft(
            cue, lemma, floor, floor, content_last, speaker, apposition, None, when,
            acronym=acronym, rule="content-speaker-said",
        )  # fmt: skip
    content_first = _content_after(s, lemma, last)
    clause = _clause_start(s, np_first, floor)
    return _Draft(
        cue,
        lemma,
        clause,
        content_first,
        end,
        speaker,
        apposition,
        None,
        when,
        acronym=acronym,
        rule="speaker-said-content",
    )


def find_attributions(
    text: str,
    start: int,
    end: int,
    time_spans: list[tuple[int, int]],
    tokens: list[Token] | None = None,
) -> list[Attribution]:
    """Every attributed statement of the sentence ``text[start:end]``.

    ``time_spans`` are the article's time expressions, sorted; ``tokens`` the
    sentence's tokens when the caller has them already.
    """
    sentence = _Sentence(text, start, end, time_spans, tokens)
    if not sentence.tokens:
        return []
    drafts: list[_Draft] = []
    floor = 0
    cues = sentence.cues()
    # "according to" opens an attribution of its own: no content runs across it.
    according = [first for first, _, lemma in cues if lemma == "according to"]
    for first, last, lemma in cues:
        if first < floor:
            continue
        draft = _attribute(sentence, first, last, lemma, floor, drafts)
        if draft is None:
            continue
        drafts.append(draft)
        if draft.content_first < first:  # content before the cue: the next clause starts after
            floor = last + 1
    results: list[Attribution] = []
    for index, draft in enumerate(drafts):
        content_last = draft.content_last
        # The first later claim whose clause starts inside this content ends it. Later
        # claims come in sentence order, so look only at the next few.
        for later_index in range(index + 1, min(len(drafts), index + 8)):
            if drafts[later_index].parenthetical:
                continue  # "the group, which denies it, had no fighters" goes on past it
            boundary = drafts[later_index].clause_start
            if draft.content_first < boundary <= content_last:
                content_last = boundary - 1
                break
        # A reported proposition is a sentence's worth of words; a longer run is text
        # without sentence ends, and bounding it keeps the extractor linear there.
        content_last = min(content_last, draft.content_first + MAX_CONTENT_TOKENS - 1)
        following = bisect.bisect_left(according, draft.content_first)
        if following < len(according):
            content_last = min(content_last, according[following] - 1)
        if draft.verbatim:
            content: tuple[tuple[int, int], Mode] | None = (
                sentence.span(draft.content_first, content_last),
                Mode.DIRECT,
            )
        else:
            content = sentence.content_span(draft.content_first, content_last)
        if content is None:
            continue
        span, mode = content
        if draft.lemma == "according to":
            mode = Mode.ACCORDING_TO
        speaker = draft.speaker
        if speaker is not None and _credits_no_one(text, *speaker):
            continue  # "nobody warned the family", "satellite data suggested"
        refers_back = draft.refers_back or (
            speaker is not None and _SPEAKING_DOCUMENT.fullmatch(text, *speaker) is not None
        )
        results.append(
            Attribution(
                cue=draft.cue,
                lemma=draft.lemma,
                content=span,
                mode=mode,
                speaker=draft.speaker,
                apposition=draft.apposition,
                inherit=draft.inherit,
                when=draft.when,
                acronym=draft.acronym,
                refers_back=refers_back,
                rule=draft.rule,
            )
        )
    return results
