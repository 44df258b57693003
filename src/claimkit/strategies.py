"""Hypothesis strategies for claimkit objects, for the tests of any project.

Every strategy here builds objects that are **valid by construction**: the
text of an article is drawn first, then every span points into it and every
excerpt reads as ``text[span]``; bounds of quantities and dates of times
follow the hedge and precision rules; speakers are drawn from the article's
actors, and a dispute is drawn only between claims of at least two different
speakers. ``st.builds`` and ``st.from_type`` cannot do this on their own, as
they ignore the invariants that the model checks.

This is the only module of claimkit that imports hypothesis. Hypothesis loads
it through its entry point, so ``st.from_type(Article)`` (and every other model
class) gives valid objects in any project that has claimkit installed::

    from hypothesis import given
    from claimkit.strategies import articles

    @given(articles(max_claims=3))
    def test_round_trip(article): ...

Arguments are keyword-only and checked when the strategy is made: a call that
cannot produce anything raises :class:`ValueError` saying how to fix it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from claimkit.model import (
    FORMAT_VERSION,
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Mode,
    Polarity,
    Position,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)

__all__ = [
    "REGISTERED",
    "actors",
    "articles",
    "claims",
    "disputes",
    "excerpts",
    "extractor_infos",
    "ids",
    "positions",
    "quantities",
    "spans",
    "texts",
    "time_refs",
]

# Words that make generated text look a little like news, with non-ASCII
# letters, characters outside the BMP, quotes, backslashes and the ``":``
# sequence that JSON encoders and key counters must handle.
_WORDS: Final = (
    "Russia",
    "said",
    "denied",
    "according to",
    "up to 40",
    "hundreds of",
    "two",
    "1,200",
    "3.5 million",
    "on Thursday",
    "the ministry",
    "Syrian soldiers",
    "Idlib",
    "naïve",
    "Straße",
    "İstanbul",
    "Дамаск",
    "министерство",
    "الجيش",
    "東京",
    "🙂",
    "«citation»",
    '"quoted"',
    '":',
    "\\",
    "\n",
    "\t",
    "\u2028",
)
_QUANTITY_WORDS: Final = ("up to 40", "hundreds of", "two", "1,200", "3.5 million", "около 50")
_TIME_WORDS: Final = ("on Thursday", "22-23 January", "в четверг", "yesterday", "mardi")
_NAMES: Final = (
    "Russia",
    "The Russian Defense Ministry",
    "National Liberation Front",
    "Naji al-Mustafa",
    "Syrian state media",
    "witnesses",
    "Москва",
    "الجيش السوري",
    "Ministère des Armées",
)
_MAX_SPAN_START: Final = 1_000_000
_DAY: Final = datetime.timedelta(days=1)
_WithId = TypeVar("_WithId", Actor, Claim, Dispute)

#: Finite numbers, as a quantity states them: whole numbers and floats.
_NUMBERS: Final[SearchStrategy[float]] = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
)


def _check_bounds(low_name: str, low: int, high_name: str, high: int | None) -> None:
    if low < 0:
        raise ValueError(f"{low_name} must be >= 0, got {low}")
    if high is not None and high < low:
        raise ValueError(
            f"{high_name} ({high}) < {low_name} ({low}): pass {high_name}>={low}"
            f" or lower {low_name}"
        )


def _draw_span(draw: st.DrawFn, length: int, min_length: int, max_length: int | None) -> Span:
    """A span inside a text of ``length`` characters, ``min_length`` characters or more."""
    longest = length if max_length is None else min(length, max_length)
    start = draw(st.integers(min_value=0, max_value=length - min_length))
    end = draw(st.integers(min_value=start + min_length, max_value=min(length, start + longest)))
    return Span(start=start, end=end)


# --- text, ids and spans ----------------------------------------------------------------


def texts(*, min_size: int = 0, max_size: int = 400) -> SearchStrategy[str]:
    """Article text: words, numbers, non-ASCII letters, quotes and line breaks.

    The result has between ``min_size`` and ``max_size`` characters (Python
    ``str`` characters, that is code points).
    """
    _check_bounds("min_size", min_size, "max_size", max_size)

    @st.composite
    def build(draw: st.DrawFn) -> str:
        pieces = draw(
            st.lists(
                st.one_of(st.sampled_from(_WORDS), st.text(min_size=1, max_size=8)),
                max_size=max(1, max_size // 4),
            )
        )
        separators = draw(st.sampled_from((" ", ", ", ". ", "")))
        text = separators.join(pieces)[:max_size]
        if len(text) < min_size:
            text += draw(st.text(min_size=min_size - len(text), max_size=min_size - len(text)))
        return text

    return build()


def ids() -> SearchStrategy[str]:
    """Non-empty identifiers, as an extractor or an annotator might choose them."""
    return st.one_of(
        st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
        st.text(min_size=1, max_size=12),
    )


def spans(
    *, text_length: int | None = None, min_length: int = 0, max_length: int | None = None
) -> SearchStrategy[Span]:
    """Spans ``[start, end)`` covering ``min_length`` to ``max_length`` characters.

    With ``text_length`` every span lies inside a text of that many characters
    (``end <= text_length``); without it, spans start anywhere up to one million.
    """
    _check_bounds("min_length", min_length, "max_length", max_length)
    if text_length is not None:
        _check_bounds("min_length", min_length, "text_length", text_length)

    @st.composite
    def build(draw: st.DrawFn) -> Span:
        if text_length is not None:
            return _draw_span(draw, text_length, min_length, max_length)
        start = draw(st.integers(min_value=0, max_value=_MAX_SPAN_START))
        longest = min_length + 1000 if max_length is None else max_length
        end = start + draw(st.integers(min_value=min_length, max_value=longest))
        return Span(start=start, end=end)

    return build()


def _surface_and_span(
    draw: st.DrawFn, text: str | None, surfaces: SearchStrategy[str], min_length: int
) -> tuple[str, Span]:
    """Text and span of an excerpt: a slice of ``text``, or a free surface placed anywhere."""
    if text is not None:
        span = _draw_span(draw, len(text), min_length, None)
        return span.of(text), span
    surface = draw(surfaces)
    start = draw(st.integers(min_value=0, max_value=_MAX_SPAN_START))
    return surface, Span(start=start, end=start + len(surface))


def _check_text(text: str | None, what: str, min_length: int) -> None:
    if text is not None and len(text) < min_length:
        raise ValueError(
            f"{what} need a text of at least {min_length} character(s), got {len(text)};"
            " pass a longer text or text=None"
        )


def excerpts(*, text: str | None = None, min_length: int = 0) -> SearchStrategy[Excerpt]:
    """Excerpts of at least ``min_length`` characters.

    With ``text``, each excerpt is a slice of it (``excerpt.text ==
    text[excerpt.span.start:excerpt.span.end]``); without, a free text at any offset.
    """
    _check_bounds("min_length", min_length, "max_length", None)
    _check_text(text, "excerpts", min_length)

    @st.composite
    def build(draw: st.DrawFn) -> Excerpt:
        surface, span = _surface_and_span(
            draw, text, st.text(min_size=min_length, max_size=min_length + 30), min_length
        )
        return Excerpt(text=surface, span=span)

    return build()


# --- quantities and times ---------------------------------------------------------------


def quantities(
    *,
    text: str | None = None,
    hedges: Sequence[Hedge] | None = None,
    numbers: SearchStrategy[float] | None = None,
) -> SearchStrategy[Quantity]:
    """Quantities whose bounds follow their hedge.

    ``exact`` has ``low == high``; ``up_to`` only ``high``; ``at_least`` only
    ``low``; ``approximate`` both, ``low <= high``; ``vague`` ``low`` and
    perhaps ``high``; ``unparsed`` neither. ``hedges`` limits the hedges drawn
    and ``numbers`` (finite numbers, whole numbers and floats by default) the
    bounds. With ``text`` (at least one character), the quantity's words are a
    slice of it.
    """
    _check_text(text, "quantities", 1)
    chosen = tuple(Hedge) if hedges is None else tuple(hedges)
    if not chosen:
        raise ValueError("hedges is empty: pass at least one Hedge, or hedges=None for all")
    for hedge in chosen:
        if not isinstance(hedge, Hedge):
            raise ValueError(f"hedges must hold Hedge members, got {hedge!r}")
    values = _NUMBERS if numbers is None else numbers
    surfaces = st.one_of(st.sampled_from(_QUANTITY_WORDS), st.text(min_size=1, max_size=20))

    @st.composite
    def build(draw: st.DrawFn) -> Quantity:
        surface, span = _surface_and_span(draw, text, surfaces, 1)
        hedge = draw(st.sampled_from(chosen))
        low: float | None = None
        high: float | None = None
        if hedge is Hedge.EXACT:
            low = high = draw(values)
        elif hedge is Hedge.UP_TO:
            high = draw(values)
        elif hedge is Hedge.AT_LEAST:
            low = draw(values)
        elif hedge in (Hedge.APPROXIMATE, Hedge.VAGUE):
            low = draw(values)
            if hedge is Hedge.APPROXIMATE or draw(st.booleans()):
                low, high = sorted((low, draw(values)))
        optional_words = st.none() | st.sampled_from(("Syrian soldiers", "terrorists", "люди"))
        return Quantity(
            text=surface,
            span=span,
            hedge=hedge,
            low=low,
            high=high,
            counted=draw(optional_words),
            event=draw(st.none() | st.sampled_from(("killed", "wounded", "seized"))),
        )

    return build()


def time_refs(
    *,
    text: str | None = None,
    precisions: Sequence[TimePrecision] | None = None,
    min_date: datetime.date = datetime.date(1900, 1, 1),
    max_date: datetime.date = datetime.date(2100, 12, 31),
) -> SearchStrategy[TimeRef]:
    """Time references whose dates follow their precision.

    ``day`` has ``start == end``, ``range`` has ``start < end`` and
    ``unresolved`` has neither. Every date lies in ``[min_date, max_date]``.
    With ``text`` (at least one character), the words are a slice of it.
    """
    _check_text(text, "time references", 1)
    chosen = tuple(TimePrecision) if precisions is None else tuple(precisions)
    if not chosen:
        raise ValueError(
            "precisions is empty: pass at least one TimePrecision, or precisions=None for all"
        )
    if max_date < min_date:
        raise ValueError(f"max_date ({max_date}) < min_date ({min_date}): swap them")
    if TimePrecision.RANGE in chosen and max_date == min_date:
        raise ValueError(
            "a 'range' time needs two different dates: widen [min_date, max_date]"
            " or leave TimePrecision.RANGE out of precisions"
        )
    surfaces = st.one_of(st.sampled_from(_TIME_WORDS), st.text(min_size=1, max_size=20))

    @st.composite
    def build(draw: st.DrawFn) -> TimeRef:
        surface, span = _surface_and_span(draw, text, surfaces, 1)
        precision = draw(st.sampled_from(chosen))
        start: datetime.date | None = None
        end: datetime.date | None = None
        if precision is TimePrecision.DAY:
            start = end = draw(st.dates(min_value=min_date, max_value=max_date))
        elif precision is TimePrecision.RANGE:
            start = draw(st.dates(min_value=min_date, max_value=max_date - _DAY))
            end = draw(st.dates(min_value=start + _DAY, max_value=max_date))
        return TimeRef(text=surface, span=span, precision=precision, start=start, end=end)

    return build()


# --- actors, claims, disputes -----------------------------------------------------------


def actors(
    *,
    text: str | None = None,
    max_aliases: int = 2,
    max_mentions: int = 3,
    actor_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Actor]:
    """Actors, with mentions that read as their name or an alias.

    With ``text`` (at least one character), the actor is mentioned 0 to
    ``max_mentions`` times; its name is the text of its first mention and the
    other mentions become aliases. Without, the actor has no mentions. The id
    is derived from the name or drawn from ``actor_ids``. Affiliations, which
    need other actors, are drawn by :func:`articles`.
    """
    _check_bounds("max_aliases", max_aliases, "max_aliases", None)
    _check_bounds("max_mentions", max_mentions, "max_mentions", None)
    mentions_wanted = max_mentions if text else 0
    explicit_ids = ids() if actor_ids is None else actor_ids
    names = st.one_of(st.sampled_from(_NAMES), st.text(min_size=1, max_size=20))

    @st.composite
    def build(draw: st.DrawFn) -> Actor:
        count = draw(st.integers(min_value=0, max_value=mentions_wanted))
        mentions = tuple(_draw_span(draw, len(text or ""), 1, 40) for _ in range(count))
        surfaces = [m.of(text or "") for m in mentions]
        name = surfaces[0] if surfaces else draw(names)
        aliases: list[str] = []
        for surface in surfaces[1:]:
            if surface.casefold() not in {n.casefold() for n in (name, *aliases)}:
                aliases.append(surface)
        aliases.extend(draw(st.lists(names, max_size=max_aliases)))
        return Actor(
            name=name,
            kind=draw(st.sampled_from(ActorKind)),
            aliases=tuple(aliases),
            role=draw(st.none() | st.sampled_from(("spokesman", "minister", "")) | st.text()),
            mentions=mentions,
            id=draw(st.just("") | explicit_ids),
        )

    return build()


def extractor_infos() -> SearchStrategy[ExtractorInfo]:
    """Extractor names and versions (both non-empty), with or without a rule name."""
    return st.builds(
        ExtractorInfo,
        name=st.sampled_from(("rules", "spacy-cues", "gold")) | st.text(min_size=1),
        version=st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}(\.[0-9])?", fullmatch=True),
        rule=st.none()
        | st.sampled_from(("speaker-said-content", "according-to-content"))
        | st.text(min_size=1),
    )


def claims(
    *,
    text: str | None = None,
    speakers: Sequence[str] | None = None,
    max_quantities: int = 2,
) -> SearchStrategy[Claim]:
    """Claims whose excerpts, quantities and time are slices of one text.

    ``text`` is the article text (a text is drawn when it is None; with an
    empty text, claims have empty excerpts, no quantities and no time).
    ``speakers`` are the actor ids to draw the speaker from (any id when None).
    Each claim has up to ``max_quantities`` quantities.
    """
    _check_bounds("max_quantities", max_quantities, "max_quantities", None)
    if speakers is not None:
        if not speakers:
            raise ValueError("speakers is empty: pass at least one actor id, or speakers=None")
        if any(not s for s in speakers):
            raise ValueError("speakers must be non-empty actor ids")
    speaker_ids = ids() if speakers is None else st.sampled_from(tuple(speakers))

    @st.composite
    def build(draw: st.DrawFn) -> Claim:
        body = draw(texts(min_size=1, max_size=200)) if text is None else text
        length = len(body)
        cue = _draw_span(draw, length, 1 if length else 0, 30)
        content = _draw_span(draw, length, 0, None)
        found: tuple[Quantity, ...] = ()
        when: TimeRef | None = None
        if length:
            found = tuple(draw(st.lists(quantities(text=body), max_size=max_quantities)))
            when = draw(st.none() | time_refs(text=body))
        return Claim(
            speaker=draw(speaker_ids),
            cue=Excerpt(text=cue.of(body), span=cue),
            content=Excerpt(text=content.of(body), span=content),
            mode=draw(st.sampled_from(Mode)),
            polarity=draw(st.sampled_from(Polarity)),
            hedged=draw(st.booleans()),
            when=when,
            quantities=found,
            confidence=draw(st.none() | st.floats(min_value=0.0, max_value=1.0)),
            extractor=draw(st.none() | extractor_infos()),
            id=draw(st.just("") | ids()),
        )

    return build()


def positions(*, claim_ids: SearchStrategy[str] | None = None) -> SearchStrategy[Position]:
    """Positions: a claim id (drawn from ``claim_ids``) and a stance."""
    return st.builds(
        Position, claim=ids() if claim_ids is None else claim_ids, stance=st.sampled_from(Stance)
    )


def disputes(
    *, claims: Sequence[Claim] | None = None, max_positions: int = 4
) -> SearchStrategy[Dispute]:
    """Disputes with 2 to ``max_positions`` positions on distinct claims.

    With ``claims`` (the claims of an article), the positions are claims of at
    least two different speakers, so the dispute is valid in that article;
    ``claims`` must hold claims of two speakers or more. Without, the claim ids
    are arbitrary (valid for a dispute on its own).
    """
    if max_positions < 2:
        raise ValueError(
            f"a dispute needs 2 positions or more: pass max_positions >= 2, got {max_positions}"
        )
    pool = None if claims is None else tuple(claims)
    if pool is not None and len({c.speaker for c in pool}) < 2:
        raise ValueError(
            "a dispute needs claims of at least two different speakers:"
            " pass claims with two speakers or more, or claims=None"
        )
    if pool is not None and len({c.id for c in pool}) < len(pool):
        raise ValueError("claims must have unique ids, as the claims of an article do")

    @st.composite
    def build(draw: st.DrawFn) -> Dispute:
        if pool is None:
            chosen = draw(st.lists(ids(), min_size=2, max_size=max_positions, unique=True))
        else:
            first = draw(st.sampled_from(pool))
            second = draw(st.sampled_from([c for c in pool if c.speaker != first.speaker]))
            picked = {first.id: None, second.id: None}
            more = draw(st.lists(st.sampled_from(pool), max_size=max_positions - 2))
            picked.update(dict.fromkeys(c.id for c in more))
            chosen = draw(st.permutations(list(picked)))
        return Dispute(
            kind=draw(st.sampled_from(DisputeKind)),
            point=draw(
                st.sampled_from(("an assault took place on 22-23 January", "штурм был"))
                | st.text(min_size=1, max_size=60)
            ),
            positions=tuple(
                Position(claim=claim_id, stance=draw(st.sampled_from(Stance)))
                for claim_id in chosen
            ),
            reason=draw(st.none() | st.text(max_size=40)),
            note=draw(st.none() | st.text(max_size=40)),
            id=draw(st.just("") | ids()),
        )

    return build()


def _unique_ids(items: Sequence[_WithId]) -> tuple[_WithId, ...]:
    """The items, each id made unique by a suffix where it repeats an earlier one."""
    taken = {item.id for item in items}
    seen: set[str] = set()
    result = []
    for i, item in enumerate(items):
        if item.id in seen:
            candidate = f"{item.id}~{i}"
            while candidate in taken:
                candidate += "~"
            taken.add(candidate)
            item = attrs.evolve(item, id=candidate)
        seen.add(item.id)
        result.append(item)
    return tuple(result)


def articles(
    *,
    min_actors: int = 1,
    max_actors: int = 4,
    min_claims: int = 0,
    max_claims: int = 6,
    max_disputes: int = 2,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Article]:
    """Whole valid articles: text, actors, claims and disputes that agree.

    The text is drawn first (from ``text``, or :func:`texts`); then between
    ``min_actors`` and ``max_actors`` actors with unique ids, mentioned in the
    text and sometimes affiliated with one another; then ``min_claims`` to
    ``max_claims`` claims spoken by those actors, with unique ids; then up to
    ``max_disputes`` disputes, drawn only when the claims have two speakers
    or more.
    """
    _check_bounds("min_actors", min_actors, "max_actors", max_actors)
    _check_bounds("min_claims", min_claims, "max_claims", max_claims)
    _check_bounds("max_disputes", max_disputes, "max_disputes", None)
    if min_claims > 0 and max_actors == 0:
        raise ValueError(
            f"min_claims={min_claims} needs speakers: pass max_actors >= 1 or min_claims=0"
        )
    bodies = texts() if text is None else text

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        body = draw(bodies)
        fewest = max(min_actors, 1 if min_claims else 0)  # claims need a speaker
        people = list(draw(st.lists(actors(text=body), min_size=fewest, max_size=max_actors)))
        people = list(_unique_ids(people))
        actor_ids = [a.id for a in people]
        for i, actor in enumerate(people):
            others = [other for other in actor_ids if other != actor.id]
            affiliated = draw(st.booleans())
            if others and affiliated:
                people[i] = attrs.evolve(actor, affiliation=draw(st.sampled_from(others)))
        said: tuple[Claim, ...] = ()
        if actor_ids:
            said = _unique_ids(
                draw(
                    st.lists(
                        claims(text=body, speakers=actor_ids, max_quantities=2),
                        min_size=min_claims,
                        max_size=max_claims,
                    )
                )
            )
        found: tuple[Dispute, ...] = ()
        if max_disputes and len({c.speaker for c in said}) >= 2:
            found = _unique_ids(draw(st.lists(disputes(claims=said), max_size=max_disputes)))
        return Article(
            text=body,
            published=draw(st.none() | st.dates()),
            title=draw(st.none() | st.text(max_size=40)),
            source=draw(st.none() | st.sampled_from(("Al-Masdar", "ТАСС", "AFP"))),
            url=draw(st.none() | st.just("https://example.org/news/1")),
            language=draw(st.sampled_from(("en", "ru", "ar", "fr"))),
            actors=tuple(people),
            claims=said,
            disputes=found,
            format_version=FORMAT_VERSION,
            id=draw(st.just("") | ids()),
        )

    return build()


def _registered() -> dict[type, SearchStrategy[object]]:
    return {
        Span: spans(),
        Excerpt: excerpts(),
        Quantity: quantities(),
        TimeRef: time_refs(),
        Actor: actors(),
        ExtractorInfo: extractor_infos(),
        Claim: claims(),
        Position: positions(),
        Dispute: disputes(),
        Article: articles(),
    }


#: The strategy for each model class; hypothesis registers them through
#: claimkit's entry point, so ``st.from_type(cls)`` uses them.
REGISTERED: Final[dict[type, SearchStrategy[object]]] = _registered()
