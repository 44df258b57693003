"""The extractor: from news prose to actors, claims, quantities, times and disputes.

It follows ``ANNOTATION.md``: one claim per reporting cue (reported speech,
"according to", direct quotations and denials), the speaker resolved to one
actor per entity, numbers with their hedges, the time of each statement
resolved against the publication date, and the disputes between claims.
It is rule-based, runs offline, needs no model, and works in time linear in
the length of the text.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

import attrs

from claimkit import _trusted
from claimkit._version import __version__
from claimkit.extraction.actors import ActorRegistry, Draft
from claimkit.extraction.attribution import Attribution, find_attributions
from claimkit.extraction.context import ClaimContext
from claimkit.extraction.disputes import find_disputes
from claimkit.extraction.polarity import find_negation, is_hedged
from claimkit.extraction.quantities import find_quantities
from claimkit.extraction.quotes import run_on
from claimkit.extraction.rules import MEASURED_PRECISION, RULES
from claimkit.extraction.statement_time import StatementTimes, event_days
from claimkit.language.cues import (
    APPEAL_LEMMA,
    CALLING_FORMS,
    CUE_LEMMA,
    DENIAL_LEMMAS,
    HEDGE_LEMMAS,
    LABELLING_FORMS,
    POSSESSED_CUES,
)
from claimkit.language.sentences import statement_sentences
from claimkit.language.times import find_times
from claimkit.language.tokens import ascii_lower
from claimkit.model import Article, Claim, ExtractorInfo, Polarity

__all__ = ["EXTRACTOR", "extract"]


#: The extractor's name and version; each claim records them with the rule that read it.
EXTRACTOR: Final = ExtractorInfo(name="claimkit.rules", version=__version__)
# One shared, frozen record per rule rather than one per claim.
_PROVENANCE: Final = {name: attrs.evolve(EXTRACTOR, rule=name) for name in RULES}

# A sentence can hold a claim only if it has a cue word or a quotation mark.
_CUE_WORDS: Final = sorted(
    {*CUE_LEMMA, "according", *POSSESSED_CUES, *CALLING_FORMS, *LABELLING_FORMS, *APPEAL_LEMMA},
    key=len,
    reverse=True,
)
_CUE_WORD: Final = re.compile(r"\b(?:" + "|".join(_CUE_WORDS) + r")\b")
_MAY_ATTRIBUTE: Final = re.compile(_CUE_WORD.pattern + r"|[\"“”]")


#: Sentences longer than this (text without sentence ends) are read in windows around
#: their cues; a claim's content is bounded, so nothing beyond a window can belong to it.
LONG_SENTENCE: Final = 4000
_WINDOW_BEFORE: Final = 600
_WINDOW_AFTER: Final = 2400


def _windows(text: str, lowered: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence itself, or for a very long one the stretches around its cues."""
    if end - start <= LONG_SENTENCE:
        return [(start, end)]
    windows: list[tuple[int, int]] = []
    for match in _CUE_WORD.finditer(lowered, start, end):
        first = max(start, match.start() - _WINDOW_BEFORE)
        last = min(end, match.end() + _WINDOW_AFTER)
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], last)
        else:
            windows.append((first, last))
    # Windows begin and end between words, never inside one.
    return [(_word_edge(text, a, start, -1), _word_edge(text, b, end, 1)) for a, b in windows]


def _word_edge(text: str, index: int, limit: int, step: int) -> int:
    """``index`` moved outwards (``step`` -1 or 1) to white space, within ``limit``
    and at most 64 characters: no word is longer, and a run without spaces is not prose."""
    for _ in range(64):
        if index == limit or text[index - 1 if step < 0 else index].isspace():
            break
        index += step
    return index


def _is_narration_aside(text: str, start: int, end: int) -> bool:
    """Not prose: "(with agencies input)", "(image:AP)". A headline is read like any other
    line: "Ethiopia Denies Rebel Attack" is a claim of Ethiopia (the guideline)."""
    return text[start] == "(" and text[end - 1] == ")"


def extract(source: str | Article, *, published: datetime.date | None = None) -> Article:
    """Find who claimed what, when, and who disputes it, in news text.

    ``source`` is the article text (the body, without a ``date`` header) or an
    :class:`Article` whose text is read again; its metadata is kept and its
    claims, actors and disputes are replaced. ``published`` resolves relative
    times such as "on Thursday"; without it they are explicitly unresolved.
    """
    if isinstance(source, Article):
        text = source.text
        published = published or source.published
        meta = {"title": source.title, "source": source.source, "url": source.url,
                "language": source.language}  # fmt: skip
    else:
        if not isinstance(source, str):
            raise TypeError(f"extract() needs a str or an Article, got {type(source).__name__}")
        text = source
        meta = {}
    lowered = ascii_lower(text)  # same offsets as text; for case-blind matching
    times = StatementTimes(list(find_times(text, 0, len(text), published, lowered)))
    time_spans = times.spans
    registry = ActorRegistry(text)
    found: list[tuple[Draft, Attribution, int]] = []
    sentences = statement_sentences(text)
    quoted_to = 0  # the end of a quotation run on from an earlier sentence
    for number, (start, end) in enumerate(sentences):
        if start < quoted_to:
            continue  # the rest of a quotation already read: no statement of its own
        if _is_narration_aside(text, start, end) or not _MAY_ATTRIBUTE.search(lowered, start, end):
            continue  # most narration has no reporting cue at all: skip it cheaply
        first_in_sentence = len(found)
        attributions = [
            run_on(text, attribution, end)
            for window_start, window_end in _windows(text, lowered, start, end)
            for attribution in find_attributions(text, window_start, window_end, time_spans)
        ]
        quoted_to = max([quoted_to, *(a.content[1] for a in attributions)])
        for attribution in attributions:
            speaker: Draft | None
            if attribution.refers_back and found:
                speaker = found[-1][0]  # "the statement said": whoever was cited last
            elif attribution.speaker is not None:
                speaker = registry.resolve(
                    *attribution.speaker,
                    apposition=attribution.apposition,
                    acronym=attribution.acronym,
                )
            elif attribution.inherit is not None and first_in_sentence + attribution.inherit < len(
                found
            ):
                speaker = found[first_in_sentence + attribution.inherit][0]
            else:
                speaker = found[-1][0] if len(found) > first_in_sentence else None
            if speaker is None:
                continue
            found.append((speaker, attribution, number))
    actors, ids = registry.build()
    claims: list[Claim] = []
    contexts: list[ClaimContext] = []
    seen: set[str] = set()
    for speaker, attribution, number in found:
        start, end = attribution.content
        negation = find_negation(lowered, start, end)
        claim = _claim(text, lowered, ids[id(speaker)], attribution, times, negation)
        if claim.id in seen:
            continue
        seen.add(claim.id)
        claims.append(claim)
        # A denial is about the time of what it negates: "attacks earlier in the week,
        # but no operations over the past 24 hours" denies only the last 24 hours.
        first = negation.start() if negation is not None else start
        event_dates = event_days(times, first, end)
        contexts.append(ClaimContext(claim=claim, sentence=number, event_dates=event_dates))
    disputes = find_disputes(contexts, actors)
    return _trusted.article(
        text=text,
        published=published,
        actors=actors,
        claims=tuple(claims),
        disputes=disputes,
        **meta,  # type: ignore[arg-type]
    )


def _claim(
    text: str,
    lowered: str,
    speaker: str,
    attribution: Attribution,
    times: StatementTimes,
    negation: re.Match[str] | None,
) -> Claim:
    cue_start, cue_end = attribution.cue
    start, end = attribution.content
    deny = attribution.lemma in DENIAL_LEMMAS or negation is not None
    hedged = attribution.lemma in HEDGE_LEMMAS or is_hedged(lowered, start, end)
    return _trusted.claim(
        speaker=speaker,
        cue=_trusted.excerpt(text, cue_start, cue_end),
        content=_trusted.excerpt(text, start, end),
        mode=attribution.mode,
        polarity=Polarity.DENY if deny else Polarity.ASSERT,
        hedged=hedged,
        when=times.covering(attribution.when),
        quantities=tuple(find_quantities(text, start, end, lowered)),
        confidence=MEASURED_PRECISION.get(attribution.rule),
        extractor=_PROVENANCE[attribution.rule],
    )
