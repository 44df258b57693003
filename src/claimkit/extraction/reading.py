"""Reading one sentence for attribution: its tokens, quotation regions and time
expressions, where its cues are, and the noun phrases and clauses around them.

:class:`Sentence` is what the attribution rules (:mod:`.attribution`) read.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Final

from claimkit.language.cues import (
    AMBIGUOUS_CUES,
    APPEAL_LEMMA,
    CALLING_FORMS,
    CLAUSAL_CUES,
    CUE_LEMMA,
    DOCUMENT_VERBS,
    LABELLING_FORMS,
    PARTICIPLE_CUES,
    POSSESSED_CUES,
    SOURCE_NOUNS,
)
from claimkit.language.lexicon import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_OPENERS,
    DETERMINERS,
    DISMISSAL_WORDS,
    HONORIFICS,
    NP_CONNECTORS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_KIND,
)
from claimkit.language.tokens import CLOSE_QUOTES, OPEN_QUOTES, QUOTES, Token, tokenize
from claimkit.model import Mode

__all__ = [
    "CLAUSE_WORDS",
    "MEANS_OF_SAYING",
    "NEGATORS",
    "NOT_BEFORE_A_CUE",
    "RECIPIENTS",
    "RECIPIENT_HEADS",
    "SUBORDINATORS",
    "TRAILING_PREPOSITIONS",
    "Sentence",
    "is_verbish",
    "that_is_determiner",
]


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


CLAUSE_WORDS: Final = frozenset(
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


RECIPIENTS: Final = frozenset(
    """reporters journalists lawmakers parliament legislators him her them us me
    supporters residents diplomats delegates investigators police""".split()
)


RECIPIENT_HEADS: Final = frozenset(
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


NEGATORS: Final = frozenset("not n't never cannot rarely seldom".split())


#: The forms of "be": before a participle, a passive ("was reported") or, before an
#: "-ing" form, a progressive ("is denying").
_BE_FORMS: Final = frozenset("am is are was were be been being".split())


SUBORDINATORS: Final = frozenset("as when while after before because since".split())


TRAILING_PREPOSITIONS: Final = frozenset("in at from during outside near inside on by".split())


_FOLLOWING_CLAUSE: Final = frozenset(
    "citing according while but and whereas although though as adding saying".split()
)


# Every quotation mark of QUOTES is a token of its own (tokens.tokenize).
_QUOTE_MARK: Final = re.compile("[" + "".join(sorted(QUOTES)) + "]")
# The words that cues() can read as a cue; any other is passed over at once.
_MAY_CUE: Final = frozenset(
    {"according", *POSSESSED_CUES, *CUE_LEMMA, *CALLING_FORMS, *LABELLING_FORMS, *APPEAL_LEMMA}
)


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


def is_verbish(token: Token) -> bool:
    """Whether a token may be a verb: an auxiliary, a cue, a common verb or an "-ed" form."""
    return _is_verbish_word(token.text)


# A pure function of the word (a token's lower-case form is its text's): asked of the same
# words again and again, so remembered.
@functools.lru_cache(maxsize=1 << 14)
def _is_verbish_word(text: str) -> bool:
    if len(text) > 1 and text.isupper():
        return False  # an acronym: "WHO", "UN" are names, even when they spell a word
    lower = text.lower()
    return (
        lower in AUXILIARIES
        or lower in CUE_LEMMA
        or lower in _COMMON_VERBS
        or (lower.endswith("ed") and not text[0].isupper() and len(lower) > 4)
    )


#: What a document's figures do: "estimates show", "reports put the toll at 40".
_EVIDENCE_VERBS: Final = frozenset("show shows showed indicate indicates indicated put".split())
#: Particles after "called" that make another verb: "called on", "called for", "called off".
_PHRASAL_PARTICLES: Final = frozenset("on for off in up out upon back".split())
#: Verbs that carry a cue in the infinitive, keeping its subject: "continues to deny".
_CATENATIVES: Final = frozenset("continue continues continued continuing".split())

#: What is told rather than to whom: "telling the truth", "told a story".
_TOLD_THINGS: Final = frozenset("truth story stories joke jokes tale tales".split())


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


class Sentence:
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
        # Most sentences hold no quotation mark: one search of the text says so.
        maybe_quoted = tokens is not None or _QUOTE_MARK.search(text, start, end) is not None
        self.quotes = _quote_regions(self.tokens) if maybe_quoted else []
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
        quoted = self.quoted
        for i, token in enumerate(tokens):
            lower = token.lower
            if lower not in _MAY_CUE or quoted[i]:
                continue  # most words are no cue: one look-up says so
            if lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
                found.append((i, i + 1, "according to"))
                continue
            if lower in POSSESSED_CUES and i:
                source = self.reported_source(i)
                if source is not None:
                    found.append((i, i, source + POSSESSED_CUES[lower]))
                    continue
            lemma = CUE_LEMMA.get(lower)
            if lemma is None:
                appeal = self._appeal_end(i) if lower in APPEAL_LEMMA else None
                if appeal is not None:
                    found.append((i, appeal, APPEAL_LEMMA[lower]))  # "urged X to ..."
                elif lower in CALLING_FORMS and self._calls_false(i):
                    found.append((i, i, "call"))  # "called the claims baseless"
                elif lower in LABELLING_FORMS and self._labels(i):
                    found.append((i, i, "label"))  # 'called the envoy "deranged"'
                continue
            before = tokens[i - 1].lower if i else ""
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if before.endswith(("'s", "’s")):
                continue  # "the MPA's claims": a noun, unless "... claims that" (above)
            if lemma == "argue" and after.lower() in ("over", "about", "with"):
                continue  # "argued over whether ...": a quarrel, not a statement
            if not lower.endswith("ing") and (
                before in _BE_FORMS
                or (i > 1 and before in ADVERBS and tokens[i - 2].lower in _BE_FORMS)
            ):
                continue  # "had been confirmed", "was reported": no speaker is named
            carried = (before == "to" and i > 1 and tokens[i - 2].lower in _CATENATIVES) or (
                before == "by" and lower in PARTICIPLE_CUES  # "responded by saying that"
            )
            if before in DETERMINERS or (before in NOT_BEFORE_A_CUE and not carried):
                continue  # "the reported attack", "a warning", "no confirmed link"
            if after.lower() == "by" and (
                i + 2 >= len(tokens) or tokens[i + 2].lower not in MEANS_OF_SAYING
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
            if lower in CLAUSAL_CUES and not introduces and not self._clause_follows(i):
                continue  # "Russia maintains a naval base": no statement follows
            if lower in AMBIGUOUS_CUES and (self._verb_follows(i) or before in CUE_LEMMA):
                continue  # "news reports claimed", "denied reports": a noun, not a verb
            if (
                lower in PARTICIPLE_CUES
                and before not in (",", "by")
                and lower != "saying"
                and before not in _BE_FORMS
            ):
                continue  # "..., denying that": a participle opens a statement after a comma
            if lemma == "tell" and not self._has_recipient(i):
                continue
            found.append((i, i, lemma))
        return found

    def _calls_false(self, i: int) -> bool:
        """Whether "called" at ``i`` dismisses what follows as false ("called the
        union's claims baseless"), within a short clause; the word may be quoted
        ("called the death toll "propaganda"")."""
        for token in self.tokens[i + 1 : i + 10]:
            if token.lower in DISMISSAL_WORDS:
                return True
            if not token.is_word and token.text not in ("'", "’", *QUOTES):
                return False
        return False

    def _appeal_end(self, i: int) -> int | None:
        """The last token of a cue of appeal at ``i``: "urged both sides to show ...",
        "called on the army to ...", "calling for an inquiry"; None if it is none."""
        tokens = self.tokens
        before = tokens[i - 1].lower if i else ""
        if tokens[i].lower.endswith("ing"):
            if before != "," and before not in _BE_FORMS:
                return None  # "protests calling on the president to ...": a description
        elif before in _BE_FORMS:
            return None  # "was urged to", "were called on to": no speaker is named
        if i + 2 >= len(tokens):
            return None
        last = i
        if APPEAL_LEMMA[tokens[i].lower] == "call on":
            particle = tokens[i + 1].lower
            if particle == "for":
                return i + 1 if tokens[i + 2].is_word else None
            if particle not in ("on", "upon"):
                return None
            last = i + 1
        for index in range(last + 1, min(len(tokens) - 1, last + 12)):
            token = tokens[index]
            if token.lower == "to":
                return last if index > last + 1 and tokens[index + 1].is_word else None
            if not token.is_word and token.text not in ("'s", "’s", "-"):
                return None
        return None

    def _labels(self, i: int) -> bool:
        """Whether "called" at ``i`` gives a short noun phrase after it a quoted name
        ('called the envoy "deranged"', 'called the charges "an obvious attempt"'), not
        "called on", "called for" or "called them on the radio"."""
        tokens = self.tokens
        if i + 2 >= len(tokens) or tokens[i + 1].lower in _PHRASAL_PARTICLES:
            return False
        for index in range(i + 1, min(len(tokens), i + 9)):
            token = tokens[index]
            if token.text in ('"', "“"):
                # 'what the military called "hardcore terrorists"' names no object first.
                named = index > i + 1 or any(t.lower == "what" for t in tokens[max(0, i - 4) : i])
                return named and index in self.close_of
            if not token.is_word and token.text not in ("'", "’", "'s", "’s", "-"):
                return False
        return False

    def reported_source(self, i: int) -> str | None:
        """How the noun of saying at ``i`` names its source, when it carries what was said
        (a "that" clause or a participle follows it): ``"'s "`` for an owner ("the
        union's claim that", "the leaders' allegations that", "his claim that"), ``"by "``
        for an agent after it ("a report by the group that details ..."), ``"np "`` for a
        source named by the phrase itself ("news reports claiming ..."); else ``None``."""
        tokens = self.tokens
        after = self.reported_complement(i)
        if after is None:
            return None
        before = tokens[i - 1]
        if (
            before.lower.endswith(("'s", "’s"))
            or before.lower in POSSESSIVE_PRONOUNS
            or (before.text in ("'", "’") and i > 1 and tokens[i - 2].lower.endswith("s"))
        ):
            return "'s "
        if tokens[i + 1].lower in ("by", "from"):
            return "by "
        # A source the phrase names: "news reports", "earlier reports", "media claims".
        if (
            tokens[i].lower.endswith("s")
            and before.is_word
            and before.lower not in DETERMINERS
            and not is_verbish(before)
        ):
            return "np "
        # A noun that stands for its own source, unowned: "dismissed reports that ...",
        # "following a report that ...". After a subject or "to" it is the verb ("they
        # report that"); "a report that was published" is a relative clause, not an account.
        if (
            tokens[i].lower in SOURCE_NOUNS
            and (
                before.lower in DETERMINERS
                or not (
                    before.lower in PRONOUN_KIND
                    or before.lower in AUXILIARIES
                    or before.lower == "to"
                    or before.is_capitalized
                )
            )
            and not is_verbish(tokens[after])
        ):
            return "np "
        return None

    def reported_complement(self, i: int) -> int | None:
        """The index of the first word of what a noun of saying at ``i`` carries: after
        "that", after a participle ("claiming"), after a verb of a document ("a report
        ... that details"), over an agent ("by Human Rights Watch"); else ``None``."""
        tokens = self.tokens
        k = self.agent_end(i)
        if k + 1 >= len(tokens):
            return None
        word = tokens[k].lower
        if word in PARTICIPLE_CUES:
            return k + 1
        if word != "that":
            return None
        if tokens[k + 1].lower in DOCUMENT_VERBS:
            return k + 2 if k + 2 < len(tokens) else None
        return k + 1

    def agent_end(self, i: int) -> int:
        """The index after the agent of a noun of saying at ``i`` ("a report [by Human
        Rights Watch] that ..."), up to "that" or a participle; ``i + 1`` without one."""
        tokens = self.tokens
        k = i + 1
        if k < len(tokens) and tokens[k].lower in ("by", "from"):
            k += 1
            while k < len(tokens) and k - i < 10 and tokens[k].is_word:
                if tokens[k].lower == "that" or tokens[k].lower in PARTICIPLE_CUES:
                    break
                k += 1
        return k

    def _verb_follows(self, i: int) -> bool:
        """Whether a cue verb that is only a verb follows token ``i``, at once or after
        an auxiliary ("reports said", "claims have said"): then ``i`` is a noun."""
        for token in self.tokens[i + 1 : i + 3]:
            if token.lower in CUE_LEMMA and token.lower not in AMBIGUOUS_CUES:
                return True
            if token.lower in _EVIDENCE_VERBS:
                return True  # "UN estimates show", "reports put the toll at 40"
            if token.lower not in AUXILIARIES:
                return False
        return False

    def _clause_follows(self, i: int) -> bool:
        """Whether a verb follows the cue at ``i`` in its clause: "maintains [the report
        was] an effort to discredit him", not "maintains a naval base"."""
        for token in self.tokens[i + 1 : i + 16]:
            if not token.is_word and token.text not in ("'", "’", "-"):
                return False
            if token.lower in AUXILIARIES or is_verbish(token):
                return True
        return False

    def _has_recipient(self, i: int) -> bool:
        """Whether "tell" at ``i`` has a listener after it: "told reporters", not
        "telling lies" (what is told, not to whom)."""
        if i + 1 >= len(self.tokens) or not self.tokens[i + 1].is_word:
            return False
        following = self.tokens[i + 1].lower
        return following not in _TOLD_THINGS and following not in DISMISSAL_WORDS

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
            if token.lower == "to" and index and self.tokens[index - 1].lower in _CATENATIVES:
                index -= 2  # "Khartoum continues to deny ...": the subject is the one's before
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
            if lower in CLAUSE_WORDS and not _is_acronym(token):
                break
            after_determiner = index > 0 and tokens[index - 1].lower in DETERMINERS
            # The head of a subject that a cue verb follows is a noun: "news reports said".
            head_noun = index == last and lower in AMBIGUOUS_CUES
            if (
                is_verbish(token)
                and not self._adjective_at(index)
                and not after_determiner
                and not head_noun
            ):
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
                (lower in CLAUSE_WORDS and not _is_acronym(token))
                or (is_verbish(token) and index > first)
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
        if self.tokens[index].lower in TRAILING_PREPOSITIONS:
            probe = index
            while probe < len(self.tokens) and self.tokens[probe].text not in ".,;!?":
                if is_verbish(self.tokens[probe]) or self.tokens[probe].lower == "that":
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
            if is_verbish(token):
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
        verb_before = False
        # A short object that opens with a determiner ("denied the charges, and ..."), not
        # a clause ("said 40 people died, and hundreds were hurt").
        noun_phrase = first < len(tokens) and tokens[first].lower in DETERMINERS
        for index in range(first + 1, last):
            noun_phrase = noun_phrase and index - first <= 6
            verb_before = verb_before or is_verbish(tokens[index - 1])
            if (
                tokens[index].text == ","
                and tokens[index + 1].lower in ("but", "and", "while")
                and index + 2 <= last
                and (
                    tokens[index + 2].lower in _NARRATION_VERBS
                    or (noun_phrase and not verb_before and self._clause_at(index + 2, last))
                )
            ):
                return index - 1
        return last

    def _clause_at(self, first: int, last: int) -> bool:
        """Whether a clause with its own subject starts at ``first``: a few words, then an
        auxiliary ("hard copies of the report were banned")."""
        for index in range(first + 1, min(last + 1, first + 8)):
            token = self.tokens[index]
            if token.lower in AUXILIARIES:
                return True
            if not token.is_word or token.lower in CLAUSE_WORDS:
                return False
        return False

    def content_span(self, first: int, last: int) -> tuple[tuple[int, int], Mode] | None:
        """Trimmed content between token indexes, and whether it is a quotation."""
        tokens = self.tokens
        first = self._past_dateline(first, last)
        last = self._before_channel(first, last)
        while first <= last and (
            (tokens[first].lower == "that" and not that_is_determiner(tokens, first))
            or tokens[first].text in ",:;—-"
        ):
            first += 1
        last = self._before_narration(first, last)
        while last >= first and tokens[last].text in ".,;:!?—-":
            last -= 1
        if first > last:
            return None
        mode = Mode.INDIRECT
        close = self.close_of.get(first) if tokens[first].text in QUOTES else None
        # A quoted fragment that the reported clause runs on after ('that "there is no
        # division" within ...') is part of an indirect content, quotation marks and all.
        runs_on = (
            close is not None
            and close < last
            and tokens[close - 1].text not in ",.!?"
            and tokens[close + 1].is_word
        )
        if tokens[first].text in QUOTES and not runs_on:
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


NOT_BEFORE_A_CUE: Final = frozenset(
    "of in to for with by no any some every each all other such".split()
)


MEANS_OF_SAYING: Final = frozenset(
    "phone telephone email e-mail video text letter radio satellite".split()
)


# Nouns that name what someone said: after a cue, "that" before one of them is a
# determiner ("rejected that version"), not the start of a clause.
_ACCOUNT_NOUNS: Final = frozenset(
    """account version claim report allegation accusation statement assertion figure
    estimate story narrative charge""".split()
)
_TIME_NOUNS: Final = frozenset("day night morning afternoon evening week month year time".split())


def that_is_determiner(tokens: list[Token], index: int) -> bool:
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


_CHANNELS: Final = frozenset(
    "statement interview post letter message video tweet speech briefing".split()
)
