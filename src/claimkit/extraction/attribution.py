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

from claimkit.extraction.clauses import (
    RELATIVE_PRONOUNS,
    after_cue,
    clause_start,
    content_after,
    resumed_quote,
    sentence_time,
    subject_before_relative,
    trailing_time,
)
from claimkit.extraction.reading import (
    NEGATORS,
    SUBORDINATORS,
    Sentence,
    is_verbish,
    that_is_determiner,
)
from claimkit.language.cues import (
    CUE_LEMMA,
    INVERTING_LEMMAS,
    PARTICIPLE_CUES,
)
from claimkit.language.lexicon import (
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_KIND,
)
from claimkit.language.tokens import CLOSE_QUOTES, QUOTES, Token
from claimkit.model import Mode

__all__ = ["Attribution", "find_attributions"]


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


def _according_to(s: Sentence, first: int, last: int, floor: int) -> _Draft | None:
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
    s: Sentence, np_first: int, np_last: int
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


def _description_after(s: Sentence, index: int) -> tuple[int, int] | None:
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
        if tokens[stop].text in ".;:" or is_verbish(tokens[stop]) or stop - start > 10:
            return None
        stop += 1
    if stop >= len(tokens):
        return None
    return start, stop - 1


def _inverted(s: Sentence, first: int, last: int, floor: int) -> _Draft | None:
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
    when = when or trailing_time(s, np_last + 1)  # "..., speaking outside on Tuesday"
    return _Draft(
        s.span(first, last), CUE_LEMMA[s.tokens[first].lower], floor, floor, first - 1,
        s.span(np_first, np_last), apposition, None, when, rule="content-said-speaker",
    )  # fmt: skip


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


#: Words after which a noun of saying is an object, beside :data:`_CLAUSE_PREPOSITIONS`:
#: "following a report that he was ousted".
_OBJECT_PREPOSITIONS: Final = frozenset("after about amid despite following over".split())


_NAMING_WORDS: Final = frozenset("name named called as".split())


#: What parts a content from the speaker after it: "CONTENT, the ministry said" (or a
#: closing quotation mark, or a dash); never nothing at all.
_BEFORE_SPEAKER: Final = frozenset({",", "—", "–", "-", *QUOTES, *CLOSE_QUOTES})


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


def _reported(s: Sentence, first: int, lemma: str) -> _Draft | None:
    """A noun of saying that carries what was said, with its source: an owner ("the
    union's claim that", "the leaders' allegations that", "his claim that"), an agent
    ("a report by the group that details ..."), or the phrase itself ("news reports
    claiming ...")."""
    tokens = s.tokens
    source = lemma[:3]
    owner = tokens[first - 1]
    if source == "'s " and owner.lower in POSSESSIVE_PRONOUNS:
        np_first: int | None = first - 1
        speaker: tuple[int, int] | None = (owner.start, owner.end)
    elif source == "'s " and owner.text in ("'", "’"):  # "the leaders' allegations"
        np_first = s.np_before(first - 2, 0)
        speaker = (tokens[np_first].start, tokens[first - 2].end) if np_first is not None else None
    elif source == "'s ":
        np_first = s.np_before(first - 1, 0)
        speaker = (tokens[np_first].start, owner.end - 2) if np_first is not None else None
    elif source == "by ":
        np_first = s.np_before(first, 0)
        agent = s.agent_end(first)
        speaker = (tokens[first + 2].start, tokens[agent - 1].end) if agent > first + 2 else None
    else:  # "news reports claiming ...": the phrase names its source
        np_first = s.np_before(first, 0)
        speaker = (tokens[np_first].start, tokens[first].end) if np_first is not None else None
    content_first = s.reported_complement(first)
    if np_first is None or speaker is None or content_first is None:
        return None
    # The cue: a participle or a document's verb when one carries the content ("news
    # reports claiming", "a report that details"), else the noun ("the union's claim").
    carrier = content_first - 1
    cue_at = carrier if tokens[carrier].lower != "that" else first
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
    governor = tokens[np_first - 1].lower if np_first > 0 else ""
    is_object = np_first > 0 and (
        is_verbish(tokens[np_first - 1])
        or governor in CUE_LEMMA
        or governor in _CLAUSE_PREPOSITIONS
        or governor in _OBJECT_PREPOSITIONS
    )
    for probe in range(clause_end - 2, content_first, -1):
        if is_object:
            break
        if tokens[probe].lower in ("was", "were", "is", "are") and tokens[probe + 1].is_word:
            content_last = probe - 1
            break
    if content_last < content_first:
        return None
    return _Draft(
        s.span(cue_at, cue_at), lemma[3:], np_first, content_first, content_last, speaker,
        rule="possessed-noun" if source == "'s " else "reported-noun",
    )  # fmt: skip


def _relative(
    s: Sentence, first: int, last: int, lemma: str, who: int, floor: int
) -> _Draft | None:
    """A cue in a relative clause: "Dlamini, 52, who denies all 14 charges, has been ..."."""
    tokens = s.tokens
    k = who - 2
    if k > floor and tokens[k].text[0].isdigit() and tokens[k - 1].text == ",":
        k -= 2  # an age in commas: "Dlamini, 52, who ..."
    np_first = s.np_before(k, floor)
    if np_first is None:
        return None
    content_first = content_after(s, lemma, last)
    content_last = content_first
    while content_last + 1 < len(tokens) and tokens[content_last + 1].text not in ",;.":
        content_last += 1
    return _Draft(
        s.span(first, last), lemma, who, content_first, content_last, s.span(np_first, k),
        parenthetical=True, rule="relative-clause",
    )  # fmt: skip


def _label_end(s: Sentence, cue: int, end: int) -> int:
    """The last token of what a cue of naming says: its object and the quoted name
    ('called the envoy "deranged" and vowed ...'), without the full stop inside the
    closing quotation mark ('called it "a disaster."')."""
    tokens = s.tokens
    for index in range(cue + 1, end + 1):
        close = s.close_of.get(index)
        if close is not None:
            return close - 1 if tokens[close - 1].text in ".,!?" else close
    return end


def _attribute(
    s: Sentence, first: int, last: int, lemma: str, floor: int, drafts: list[_Draft]
) -> _Draft | None:
    tokens = s.tokens
    end = len(tokens) - 1
    cue = s.span(first, last)
    if lemma == "according to":
        return _according_to(s, first, last, floor)
    if lemma.startswith(("'s ", "by ", "np ")):
        return _reported(s, first, lemma)
    before = tokens[first - 1].text if first > 0 else ""
    # "..., saying ...", and "responded by saying ...": the participle's subject is the
    # clause's.
    if tokens[first].lower in PARTICIPLE_CUES and before in (",", "by"):
        content_first = content_after(s, lemma, last)
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
    if inverting and lemma in INVERTING_LEMMAS and not subject_before_relative(s, floor, first):
        inverted = _inverted(s, first, last, floor)
        if inverted is not None:
            return inverted
    k, when = s.skip_back(first - 1)
    if k < floor:
        return None
    if any(t.lower in NEGATORS for t in tokens[k + 1 : first]):
        return None  # "could not yet confirm", "did not say": nothing is reported
    if tokens[k].lower in ("who", "which") and k - 1 > floor and tokens[k - 1].text == ",":
        return _relative(s, first, last, lemma, k, floor)
    if tokens[k].lower in ("and", "but"):
        # A coordinated verb: "X disputed the accounts and said ...".
        clause = k - 1 if k > 0 and tokens[k - 1].text == "," else k
        content_first = content_after(s, lemma, last)
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
        if tokens[m + 1].lower in RELATIVE_PRONOUNS:
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
        if relative > floor and tokens[relative + 1].lower in RELATIVE_PRONOUNS:
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
                and not any(is_verbish(t) for t in tokens[described + 2 : k + 1])
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
        if before_np.lower in _CLAUSE_PREPOSITIONS or is_verbish(before_np):
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
    after, when_after = after_cue(s, lemma, last)
    # A time right after the cue is the statement's ("disputed on Tuesday"); one skipped
    # before it may belong to the speaker's phrase ("a ship that sank last week").
    when = when_after or when or sentence_time(s, np_first)
    resumed = resumed_quote(s, after)
    if resumed is not None and np_first > floor and tokens[np_first - 1].text in QUOTES:
        quote_open = s.open_of.get(np_first - 1)
        if quote_open is not None:
            return _Draft(
                cue, lemma, floor, quote_open + 1, resumed - 1, speaker, apposition, None, when,
                verbatim=True, acronym=acronym, rule="interrupted-quote",
            )  # fmt: skip
    subordinate = (
        after < len(tokens) and tokens[after].lower in SUBORDINATORS and np_first - 1 > floor
    )
    # '"...," the mayor told Reuters by telephone from a shelter': the quotation before
    # the speaker is what was said, whatever circumstance follows the cue.
    after_quote = (
        np_first - 1 > floor
        and tokens[np_first - 1].text in ('"', "”")
        and np_first - 1 in s.open_of
        and after < len(tokens)
        and tokens[after].text != ":"
        and not (tokens[after].lower == "that" and not that_is_determiner(tokens, after))
        and tokens[after].text not in QUOTES
    )
    if s.is_final(after) or resumed is not None or subordinate or after_quote:
        # "CONTENT, the ministry said." The content runs from the clause start to the comma.
        content_last = np_first - 1
        if content_last - 1 > floor and tokens[content_last].lower == "by":
            # "CONTENT, a report by the group says": the document's author is the speaker.
            document = s.np_before(content_last - 1, floor)
            if document is not None and tokens[content_last - 1].lower in _DOCUMENTS:
                content_last = document - 1
        if content_last <= floor or tokens[content_last].text not in _BEFORE_SPEAKER:
            return None  # "Minister Rejects Casualty Report": a noun ends the headline
        if when is None and resumed is None:
            when = trailing_time(s, last + 1)  # '"...," he told reporters in Nairobi on Thursday'
        return _Draft(
            cue, lemma, floor, floor, content_last, speaker, apposition, None, when,
            acronym=acronym, rule="content-speaker-said",
        )  # fmt: skip
    content_first = content_after(s, lemma, last)
    clause = clause_start(s, np_first, floor)
    if lemma == "label":
        end = _label_end(s, last, end)
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
    sentence = Sentence(text, start, end, time_spans, tokens)
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
