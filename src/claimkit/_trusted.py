"""Model objects built from parts the extractor has already made valid.

The extractor's spans are offsets it found in the text, its strings are slices of that
text or words of its lexicon, and its choices are members of the model's enums: the
checks that the model's classes run on every field a user gives them would say again
what is known. The functions here build the same objects without those checks: every
field set exactly as the class's ``__init__`` would set it (defaults included), then the
id derived as :func:`claimkit._ids.settle_id` derives it.

Two things can still be wrong with text the extractor reads, and are still checked: a
string taken from the text may hold a lone surrogate, and the article's own invariants
(:func:`claimkit._invariants.article_is_valid`). When a check fails, the object is built
by its class instead, which raises the error it always raised. Objects that users build
are never built here.
"""

from __future__ import annotations

import datetime
from typing import Any, Final

from claimkit._checks import surrogate_problem
from claimkit._ids import actor_key, article_id, article_key, claim_id, claim_key
from claimkit._invariants import article_is_valid
from claimkit.model import (
    FORMAT_VERSION,
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Mode,
    Polarity,
    Quantity,
    Span,
    TimePrecision,
    TimeRef,
)

__all__ = ["actor", "article", "claim", "excerpt", "quantity", "span", "time_ref"]

_new: Final = object.__new__


def _setters(cls: type, *names: str) -> tuple[Any, ...]:
    """The slot setters of ``cls``'s fields ``names``: what attrs' ``__init__`` calls."""
    return tuple(cls.__dict__[name].__set__ for name in names)


def _fill(obj: object, setters: tuple[Any, ...], values: tuple[object, ...]) -> None:
    for setter, value in zip(setters, values, strict=True):
        setter(obj, value)


def _is_text(value: str | None) -> bool:
    """Whether ``value`` is Unicode text (no lone surrogate), as the model requires."""
    return value is None or value.isascii() or surrogate_problem(value) is None


_SPAN: Final = _setters(Span, "start", "end")


def span(start: int, end: int) -> Span:
    """``Span(start=start, end=end)`` for ``0 <= start <= end``."""
    obj = _new(Span)
    set_start, set_end = _SPAN
    set_start(obj, start)
    set_end(obj, end)
    return obj


_EXCERPT: Final = _setters(Excerpt, "text", "span")


def excerpt(text: str, start: int, end: int) -> Excerpt:
    """``Excerpt(text=text[start:end], span=Span(start=start, end=end))``."""
    surface = text[start:end]
    if not _is_text(surface):
        return Excerpt(text=surface, span=Span(start=start, end=end))
    obj = _new(Excerpt)
    set_text, set_span = _EXCERPT
    set_text(obj, surface)
    set_span(obj, span(start, end))
    return obj


_QUANTITY: Final = _setters(Quantity, "text", "span", "hedge", "low", "high", "counted", "event")


def quantity(
    *,
    text: str,
    span: Span,
    hedge: Hedge,
    low: float | None,
    high: float | None,
    counted: str | None,
    event: str | None,
) -> Quantity:
    """A :class:`Quantity` whose bounds fit its hedge and whose text fits its span."""
    fields = (text, span, hedge, low, high, counted, event)
    if not (_is_text(text) and _is_text(counted) and _is_text(event)):
        return Quantity(
            text=text, span=span, hedge=hedge, low=low, high=high, counted=counted, event=event
        )
    obj = _new(Quantity)
    _fill(obj, _QUANTITY, fields)
    return obj


_TIME_REF: Final = _setters(TimeRef, "text", "span", "precision", "start", "end")


def time_ref(
    *,
    text: str,
    span: Span,
    precision: TimePrecision,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> TimeRef:
    """A :class:`TimeRef` whose dates fit its precision and whose text fits its span."""
    if not _is_text(text):
        return TimeRef(text=text, span=span, precision=precision, start=start, end=end)
    obj = _new(TimeRef)
    _fill(obj, _TIME_REF, (text, span, precision, start, end))
    return obj


_CLAIM: Final = _setters(
    Claim,
    "speaker",
    "cue",
    "content",
    "mode",
    "polarity",
    "hedged",
    "when",
    "quantities",
    "confidence",
    "extractor",
)
_CLAIM_ID: Final = _setters(Claim, "id", "_origin")


def claim(
    *,
    speaker: str,
    cue: Excerpt,
    content: Excerpt,
    mode: Mode,
    polarity: Polarity,
    hedged: bool,
    when: TimeRef | None,
    quantities: tuple[Quantity, ...],
    confidence: float | None,
    extractor: ExtractorInfo | None,
) -> Claim:
    """A :class:`Claim` with its derived id, of an actor id and built parts."""
    obj = _new(Claim)
    fields = (
        speaker,
        cue,
        content,
        mode,
        polarity,
        hedged,
        when,
        quantities,
        confidence,
        extractor,
    )
    _fill(obj, _CLAIM, fields)
    key = claim_key(obj)
    _fill(obj, _CLAIM_ID, (claim_id(key), key))
    return obj


_ACTOR: Final = _setters(Actor, "name", "kind", "aliases", "role", "affiliation", "mentions", "id")
_ACTOR_ORIGIN: Final = Actor.__dict__["_origin"].__set__


def actor(
    *,
    id: str,
    name: str,
    kind: ActorKind,
    aliases: tuple[str, ...],
    role: str | None,
    affiliation: str | None,
    mentions: tuple[Span, ...],
) -> Actor:
    """An :class:`Actor` with the id it is given (non-empty)."""
    if not (_is_text(name) and _is_text(role) and all(_is_text(a) for a in aliases)):
        return Actor(
            id=id,
            name=name,
            kind=kind,
            aliases=aliases,
            role=role,
            affiliation=affiliation,
            mentions=mentions,
        )
    obj = _new(Actor)
    _fill(obj, _ACTOR, (name, kind, aliases, role, affiliation, mentions, id))
    _ACTOR_ORIGIN(obj, actor_key(obj))  # the given id is kept: no digest
    return obj


_ARTICLE: Final = _setters(
    Article,
    "text",
    "published",
    "title",
    "source",
    "url",
    "language",
    "actors",
    "claims",
    "disputes",
    "format_version",
    "id",
)
_ARTICLE_ORIGIN: Final = Article.__dict__["_origin"].__set__


def article(
    *,
    text: str,
    published: datetime.date | None,
    actors: tuple[Actor, ...],
    claims: tuple[Claim, ...],
    disputes: tuple[Dispute, ...],
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str = "en",
) -> Article:
    """An :class:`Article` of built parts, its whole-document invariants checked.

    The metadata (``title``, ``source``, ``url``, ``language``) is a user's: it is
    checked by the class, as the text is when it holds a lone surrogate.
    """
    metadata = title is not None or source is not None or url is not None or language != "en"
    if metadata or not _is_text(text) or type(published) not in (datetime.date, type(None)):
        return Article(
            text=text,
            published=published,
            title=title,
            source=source,
            url=url,
            language=language,
            actors=actors,
            claims=claims,
            disputes=disputes,
        )
    obj = _new(Article)
    fields = (text, published, title, source, url, language, actors, claims, disputes)
    _fill(obj, _ARTICLE, (*fields, FORMAT_VERSION, ""))
    if not article_is_valid(obj):
        # The class says what is wrong, and where.
        return Article(
            text=text, published=published, actors=actors, claims=claims, disputes=disputes
        )
    key = article_key(obj)
    _ARTICLE[-1](obj, article_id(key))
    _ARTICLE_ORIGIN(obj, key)
    return obj
