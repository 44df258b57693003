"""The claimkit model: who claimed what, when, and who disputes it.

All classes are frozen, keyword-only attrs classes; collections are tuples and
choices are ``str`` enums. Every object checks its own invariants when it is
built, and :class:`Article` checks those that need the whole document (spans
inside the text, references that resolve, unique ids). Each failure is a
:class:`~claimkit.errors.ValidationError` whose problems name the path of the
bad field, e.g. ``$.claims[2].cue.span.end``.

Ids are derived from content when they are not given, so the same claim of
the same article gets the same id on every run and every machine.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Annotated, ClassVar, Final

import attrs
import msgspec

from claimkit.errors import Problem, ValidationError

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "Claim",
    "Dispute",
    "DisputeKind",
    "Excerpt",
    "ExtractorInfo",
    "Hedge",
    "Mode",
    "Polarity",
    "Position",
    "Quantity",
    "Span",
    "Stance",
    "TimePrecision",
    "TimeRef",
    "slug",
]

#: Version of the serialized form; every serialized article carries it.
FORMAT_VERSION: Final = 1

#: A non-empty identifier. Leave it out when building an object to derive it from content.
Id = Annotated[str, msgspec.Meta(min_length=1)]


class ActorKind(enum.StrEnum):
    """What kind of entity an actor is."""

    PERSON = "person"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    MEDIA = "media"
    INTERNATIONAL_ORG = "international_org"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"
    OTHER = "other"


class Mode(enum.StrEnum):
    """How a statement is reported."""

    DIRECT = "direct"  #: inside quotation marks
    INDIRECT = "indirect"  #: reported speech ("X said that ...")
    ACCORDING_TO = "according_to"  #: "..., according to X"


class Polarity(enum.StrEnum):
    """Whether the speaker asserts or denies the content."""

    ASSERT = "assert"
    DENY = "deny"


class Hedge(enum.StrEnum):
    """How a quantity bounds the true number."""

    EXACT = "exact"  #: "two settlements": low == high
    UP_TO = "up_to"  #: "up to 40": high only
    AT_LEAST = "at_least"  #: "more than 40", "at least 40": low only
    APPROXIMATE = "approximate"  #: "about 40": low and high around the stated value
    VAGUE = "vague"  #: "hundreds of": the lower bound the words guarantee
    UNPARSED = "unparsed"  #: a number the text gives but that could not be normalized


class TimePrecision(enum.StrEnum):
    """How precisely a time reference was resolved."""

    DAY = "day"  #: a single date: start == end
    RANGE = "range"  #: a range of dates: start < end
    UNRESOLVED = "unresolved"  #: could not be resolved; start and end are absent


class Stance(enum.StrEnum):
    """Where a claim stands on the point of a dispute."""

    AFFIRMS = "affirms"
    DENIES = "denies"
    OTHER = "other"


class DisputeKind(enum.StrEnum):
    """Why claims disagree."""

    DENIAL = "denial"  #: one side denies what another asserts
    NUMERIC = "numeric"  #: counts of the same thing whose intervals do not overlap
    CONTRADICTION = "contradiction"  #: any other incompatible pair


# --- small checks shared by the classes below -------------------------------------------


def _fail(path: str, message: str) -> ValidationError:
    return ValidationError([Problem(path=path, message=message)])


def _describe(value: object) -> str:
    return type(value).__name__


def _check_str(value: object, path: str, *, optional: bool = False, empty: bool = True) -> None:
    if value is None and optional:
        return
    if type(value) is not str:
        want = "a string or None" if optional else "a string"
        raise _fail(path, f"expected {want}, got {_describe(value)}")
    if not empty and not value:
        raise _fail(path, "must not be empty")


def _check_int(value: object, path: str) -> None:
    if type(value) is not int:
        raise _fail(path, f"expected an int, got {_describe(value)}")


def _check_number(value: object, path: str) -> None:
    if value is None:
        return
    if type(value) is not float and type(value) is not int:
        raise _fail(path, f"expected a number or None, got {_describe(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise _fail(path, f"expected a finite number, got {value!r}")


def _check_enum(value: object, enum_type: type[enum.Enum], path: str) -> None:
    if type(value) is not enum_type:
        choices = ", ".join(repr(m.value) for m in enum_type)
        raise _fail(path, f"expected a {enum_type.__name__} ({choices}), got {value!r}")


def _check_instance(value: object, cls: type, path: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) is not cls:
        want = f"{cls.__name__} or None" if optional else cls.__name__
        raise _fail(path, f"expected {want}, got {_describe(value)}")


def _check_tuple(value: object, cls: type, path: str) -> None:
    if type(value) is not tuple:
        raise _fail(path, f"expected a tuple of {cls.__name__}, got {_describe(value)}")
    for i, item in enumerate(value):
        if type(item) is not cls:
            raise _fail(f"{path}[{i}]", f"expected {cls.__name__}, got {_describe(item)}")


def _digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=6).hexdigest()


def slug(name: str) -> str:
    """A readable id from a name: "Naji al-Mustafa" -> "naji-al-mustafa"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "actor-" + _digest(name)


# --- spans and excerpts -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if type(start) is int and type(end) is int and 0 <= start <= end:
            return  # the common case, checked at once
        _check_int(self.start, "$.start")
        _check_int(self.end, "$.end")
        if self.start < 0:
            raise _fail("$.start", f"must be >= 0, got {self.start}")
        if self.end < self.start:
            raise _fail("$.end", f"must be >= start ({self.start}), got {self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The part of ``text`` that this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen(kw_only=True)
class Excerpt:
    """A piece of the article text together with where it stands."""

    text: str
    span: Span

    def __attrs_post_init__(self) -> None:
        text, span = self.text, self.span
        if type(text) is str and type(span) is Span and len(text) == span.end - span.start:
            return  # the common case, checked at once
        _check_str(self.text, "$.text")
        _check_instance(self.span, Span, "$.span")
        if len(self.text) != self.span.end - self.span.start:
            raise _fail(
                "$.span",
                f"covers {self.span.end - self.span.start} characters"
                f" but the text has {len(self.text)}",
            )


# --- quantities and times ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Quantity:
    """A number that a claim states, with the words it came from.

    ``low`` and ``high`` bound the number; which of them is present depends on
    the ``hedge`` ("up to 40" has only ``high``). ``counted`` is the thing
    counted ("Syrian soldiers") and ``event`` the kind of event ("killed").
    """

    text: str
    span: Span
    hedge: Hedge
    low: float | None = None
    high: float | None = None
    counted: str | None = None
    event: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_str(self.text, "$.text", empty=False)
        _check_instance(self.span, Span, "$.span")
        _check_enum(self.hedge, Hedge, "$.hedge")
        _check_number(self.low, "$.low")
        _check_number(self.high, "$.high")
        _check_str(self.counted, "$.counted", optional=True)
        _check_str(self.event, "$.event", optional=True)
        low, high = self.low, self.high
        if low is not None and high is not None and low > high:
            raise _fail("$.high", f"must be >= low ({low}), got {high}")
        wanted = _HEDGE_BOUNDS[self.hedge]
        if (low is not None, high is not None) not in wanted:
            raise _fail("$.hedge", f"{self.hedge.value!r} {_HEDGE_RULES[self.hedge]}")
        if self.hedge is _EXACT and low != high:
            raise _fail("$.high", f"an exact quantity needs low == high, got {low} and {high}")
        if len(self.text) != self.span.end - self.span.start:
            raise _fail("$.span", "does not cover as many characters as the text has")

    @property
    def interval(self) -> tuple[float, float] | None:
        """``(low, high)`` with open ends as infinities; None when unparsed."""
        if self.low is None and self.high is None:
            return None
        low = 0.0 if self.low is None else float(self.low)
        high = float("inf") if self.high is None else float(self.high)
        return (low, high)


# Members bound once: attribute access on an enum class is slow on Python 3.11.
_EXACT: Final = Hedge.EXACT
_UNRESOLVED: Final = TimePrecision.UNRESOLVED
_DAY: Final = TimePrecision.DAY
_RANGE: Final = TimePrecision.RANGE

_HEDGE_BOUNDS: Final[dict[Hedge, frozenset[tuple[bool, bool]]]] = {
    Hedge.EXACT: frozenset({(True, True)}),
    Hedge.UP_TO: frozenset({(False, True)}),
    Hedge.AT_LEAST: frozenset({(True, False)}),
    Hedge.APPROXIMATE: frozenset({(True, True)}),
    Hedge.VAGUE: frozenset({(True, False), (True, True)}),
    Hedge.UNPARSED: frozenset({(False, False)}),
}
_HEDGE_RULES: Final[dict[Hedge, str]] = {
    Hedge.EXACT: "needs both low and high",
    Hedge.UP_TO: "needs high and no low",
    Hedge.AT_LEAST: "needs low and no high",
    Hedge.APPROXIMATE: "needs both low and high",
    Hedge.VAGUE: "needs low",
    Hedge.UNPARSED: "needs neither low nor high",
}


@attrs.frozen(kw_only=True)
class TimeRef:
    """A time reference such as "on Thursday", resolved when possible.

    ``start`` and ``end`` are inclusive dates. "Could not resolve" is explicit:
    ``precision`` is ``unresolved`` and both dates are absent.
    """

    text: str
    span: Span
    precision: TimePrecision
    start: datetime.date | None = None
    end: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        _check_str(self.text, "$.text", empty=False)
        _check_instance(self.span, Span, "$.span")
        _check_enum(self.precision, TimePrecision, "$.precision")
        _check_instance(self.start, datetime.date, "$.start", optional=True)
        _check_instance(self.end, datetime.date, "$.end", optional=True)
        start, end = self.start, self.end
        precision = self.precision
        if precision is _UNRESOLVED:
            if start is not None or end is not None:
                raise _fail("$.precision", "an unresolved time has neither start nor end")
        elif start is None or end is None:
            raise _fail("$.precision", f"a {self.precision.value!r} time needs start and end")
        elif precision is _DAY and start != end:
            raise _fail("$.end", f"a 'day' time needs end == start ({start}), got {end}")
        elif precision is _RANGE and end <= start:
            raise _fail("$.end", f"a 'range' time needs end > start ({start}), got {end}")
        if len(self.text) != self.span.end - self.span.start:
            raise _fail("$.span", "does not cover as many characters as the text has")

    def overlaps(self, other: TimeRef) -> bool | None:
        """Whether the two date ranges share a day; None when either is unresolved."""
        if self.start is None or self.end is None or other.start is None or other.end is None:
            return None
        return self.start <= other.end and other.start <= self.end


# --- actors, claims, disputes -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Actor:
    """Anyone a claim is attributed to, or who is clearly a party in one.

    ``mentions`` are the places where the article names the actor; each must
    read as the ``name`` or one of the ``aliases`` (ignoring case).
    ``affiliation`` is the id of another actor of the same article.
    """

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: Id | None = None
    mentions: tuple[Span, ...] = ()
    id: Id = ""

    def __attrs_post_init__(self) -> None:
        _check_str(self.name, "$.name", empty=False)
        _check_enum(self.kind, ActorKind, "$.kind")
        _check_tuple(self.aliases, str, "$.aliases")
        _check_str(self.role, "$.role", optional=True)
        _check_str(self.affiliation, "$.affiliation", optional=True, empty=False)
        _check_tuple(self.mentions, Span, "$.mentions")
        _check_str(self.id, "$.id")
        if not self.id:
            object.__setattr__(self, "id", slug(self.name))

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class ExtractorInfo:
    """Which extractor made a claim."""

    name: str
    version: str

    def __attrs_post_init__(self) -> None:
        _check_str(self.name, "$.name", empty=False)
        _check_str(self.version, "$.version", empty=False)


@attrs.frozen(kw_only=True)
class Claim:
    """A statement the article attributes to an actor through a reporting cue.

    ``speaker`` is an actor id. ``cue`` is the reporting cue ("said",
    "according to") and ``content`` the reported proposition without speaker
    and cue. ``when`` is when the statement was made, not when the reported
    event happened.
    """

    speaker: Id
    cue: Excerpt
    content: Excerpt
    mode: Mode = Mode.INDIRECT
    polarity: Polarity = Polarity.ASSERT
    hedged: bool = False
    when: TimeRef | None = None
    quantities: tuple[Quantity, ...] = ()
    confidence: float | None = None
    extractor: ExtractorInfo | None = None
    id: Id = ""

    def __attrs_post_init__(self) -> None:
        _check_str(self.speaker, "$.speaker", empty=False)
        _check_instance(self.cue, Excerpt, "$.cue")
        _check_instance(self.content, Excerpt, "$.content")
        _check_enum(self.mode, Mode, "$.mode")
        _check_enum(self.polarity, Polarity, "$.polarity")
        if type(self.hedged) is not bool:
            raise _fail("$.hedged", f"expected a bool, got {_describe(self.hedged)}")
        _check_instance(self.when, TimeRef, "$.when", optional=True)
        _check_tuple(self.quantities, Quantity, "$.quantities")
        _check_number(self.confidence, "$.confidence")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise _fail("$.confidence", f"must be within [0, 1], got {self.confidence}")
        _check_instance(self.extractor, ExtractorInfo, "$.extractor", optional=True)
        _check_str(self.id, "$.id")
        if not self.id:
            derived = "c" + _digest(
                self.speaker, self.cue.span.start, self.content.span.start,
                self.content.span.end, self.content.text,
            )  # fmt: skip
            object.__setattr__(self, "id", derived)


@attrs.frozen(kw_only=True)
class Position:
    """A claim's stance on the point of a dispute."""

    claim: Id
    stance: Stance

    def __attrs_post_init__(self) -> None:
        claim = self.claim
        if type(claim) is str and claim and type(self.stance) is Stance:
            return  # the common case, checked at once
        _check_str(self.claim, "$.claim", empty=False)
        _check_enum(self.stance, Stance, "$.stance")


@attrs.frozen(kw_only=True)
class Dispute:
    """One point of disagreement between actors, and where each claim stands on it.

    The pairs of disagreeing claims are derived from the positions
    (:meth:`disagreeing_pairs`), never stored twice.
    """

    kind: DisputeKind
    point: str
    positions: tuple[Position, ...]
    reason: str | None = None
    note: str | None = None
    id: Id = ""

    def __attrs_post_init__(self) -> None:
        _check_enum(self.kind, DisputeKind, "$.kind")
        _check_str(self.point, "$.point", empty=False)
        _check_tuple(self.positions, Position, "$.positions")
        if len(self.positions) < 2:
            raise _fail(
                "$.positions", f"a dispute needs at least 2 positions, got {len(self.positions)}"
            )
        seen: set[str] = set()
        for i, position in enumerate(self.positions):
            if position.claim in seen:
                raise _fail(f"$.positions[{i}].claim", f"claim {position.claim!r} is listed twice")
            seen.add(position.claim)
        _check_str(self.reason, "$.reason", optional=True)
        _check_str(self.note, "$.note", optional=True)
        _check_str(self.id, "$.id")
        if not self.id:
            claims = sorted(p.claim for p in self.positions)
            object.__setattr__(self, "id", "d" + _digest(self.kind.value, *claims))

    def disagreeing_pairs(self) -> tuple[tuple[str, str], ...]:
        """Pairs of claim ids whose stances on the point cannot both hold.

        Two positions disagree when their stances differ, or when both are
        ``other`` (two different accounts, as in a numeric dispute).
        """
        pairs = []
        for a, b in itertools.combinations(self.positions, 2):
            if a.stance is not b.stance or a.stance is Stance.OTHER:
                pairs.append((a.claim, b.claim))
        return tuple(pairs)


@attrs.frozen(kw_only=True)
class Article:
    """A news article and who claimed what in it.

    Building an article checks every invariant that needs the whole document
    and reports all failures at once: spans inside ``text`` and reading as
    the stored text, unique ids, speaker, affiliation and dispute references
    that resolve, and disputes between at least two different actors.
    """

    text: str
    published: datetime.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    format_version: int = FORMAT_VERSION
    id: Id = ""

    SUPPORTED_FORMATS: ClassVar[frozenset[int]] = frozenset({FORMAT_VERSION})

    def __attrs_post_init__(self) -> None:
        _check_str(self.text, "$.text")
        _check_instance(self.published, datetime.date, "$.published", optional=True)
        _check_str(self.title, "$.title", optional=True)
        _check_str(self.source, "$.source", optional=True)
        _check_str(self.url, "$.url", optional=True)
        _check_str(self.language, "$.language", empty=False)
        _check_tuple(self.actors, Actor, "$.actors")
        _check_tuple(self.claims, Claim, "$.claims")
        _check_tuple(self.disputes, Dispute, "$.disputes")
        _check_int(self.format_version, "$.format_version")
        _check_str(self.id, "$.id")
        if not _article_is_valid(self):
            raise ValidationError(list(_article_problems(self)))
        if not self.id:
            object.__setattr__(self, "id", "a" + _digest(self.published, self.text))

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError when there is none)."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError when there is none)."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def speaker_of(self, claim: Claim) -> Actor:
        """The actor who made ``claim``."""
        return self.actor(claim.speaker)


def _article_is_valid(article: Article) -> bool:
    """The checks of :func:`_article_problems` as one quick pass without messages.

    Valid articles, the common case, are checked here only; the detailed
    generator runs when something is wrong, to say what and where.
    """
    if article.format_version not in Article.SUPPORTED_FORMATS:
        return False
    text = article.text
    size = len(text)
    actor_ids = set()
    for actor in article.actors:
        if actor.id in actor_ids:
            return False
        actor_ids.add(actor.id)
        if actor.mentions:
            names = {n.casefold() for n in actor.names}
            for mention in actor.mentions:
                if mention.end > size or text[mention.start : mention.end].casefold() not in names:
                    return False
    for actor in article.actors:
        affiliation = actor.affiliation
        if affiliation is not None and (affiliation not in actor_ids or affiliation == actor.id):
            return False
    speakers: dict[str, str] = {}
    for claim in article.claims:
        if claim.id in speakers or claim.speaker not in actor_ids:
            return False
        speakers[claim.id] = claim.speaker
        cue, content = claim.cue.span, claim.content.span
        if cue.end > size or text[cue.start : cue.end] != claim.cue.text:
            return False
        if content.end > size or text[content.start : content.end] != claim.content.text:
            return False
        for quantity in claim.quantities:
            span = quantity.span
            if span.end > size or text[span.start : span.end] != quantity.text:
                return False
        when = claim.when
        if when is not None and (
            when.span.end > size or text[when.span.start : when.span.end] != when.text
        ):
            return False
    dispute_ids = set()
    for dispute in article.disputes:
        if dispute.id in dispute_ids:
            return False
        dispute_ids.add(dispute.id)
        parties = set()
        for position in dispute.positions:
            speaker = speakers.get(position.claim)
            if speaker is None:
                return False
            parties.add(speaker)
        if len(parties) < 2:
            return False
    return True


def _article_problems(article: Article) -> Iterator[Problem]:
    """Every invariant of ``article`` that spans more than one object."""
    if article.format_version not in Article.SUPPORTED_FORMATS:
        supported = ", ".join(str(v) for v in sorted(Article.SUPPORTED_FORMATS))
        yield Problem(
            path="$.format_version",
            message=f"format version {article.format_version} is not supported"
            f" (this claimkit reads {supported})",
        )
    text = article.text
    size = len(text)

    def span_problems(span: Span, path: str) -> Iterator[Problem]:
        if span.end > size:
            yield Problem(
                path=path + ".end",
                message=f"{span.end} is past the end of the text ({size} characters)",
            )

    def excerpt_problems(surface: str, span: Span, path: str) -> Iterator[Problem]:
        if span.end > size:
            yield from span_problems(span, path + ".span")
        elif text[span.start : span.end] != surface:
            yield Problem(
                path=path + ".text",
                message=f"{surface!r} does not match the text at"
                f" [{span.start}, {span.end}): {text[span.start : span.end]!r}",
            )

    actor_ids: set[str] = set()
    for i, actor in enumerate(article.actors):
        path = f"$.actors[{i}]"
        if actor.id in actor_ids:
            yield Problem(path=path + ".id", message=f"duplicate actor id {actor.id!r}")
        actor_ids.add(actor.id)
        names = {n.casefold() for n in actor.names}
        for j, mention in enumerate(actor.mentions):
            mpath = f"{path}.mentions[{j}]"
            if mention.end > size:
                yield from span_problems(mention, mpath)
            elif text[mention.start : mention.end].casefold() not in names:
                yield Problem(
                    path=mpath,
                    message=f"{text[mention.start : mention.end]!r} is neither the name"
                    " nor an alias of the actor",
                )
    for i, actor in enumerate(article.actors):
        if actor.affiliation is not None:
            if actor.affiliation not in actor_ids:
                yield Problem(
                    path=f"$.actors[{i}].affiliation",
                    message=f"no actor has the id {actor.affiliation!r}",
                )
            elif actor.affiliation == actor.id:
                yield Problem(
                    path=f"$.actors[{i}].affiliation",
                    message="an actor cannot be its own affiliation",
                )

    speakers: dict[str, str] = {}
    for i, claim in enumerate(article.claims):
        path = f"$.claims[{i}]"
        if claim.id in speakers:
            yield Problem(path=path + ".id", message=f"duplicate claim id {claim.id!r}")
        speakers[claim.id] = claim.speaker
        if claim.speaker not in actor_ids:
            yield Problem(path=path + ".speaker", message=f"no actor has the id {claim.speaker!r}")
        yield from excerpt_problems(claim.cue.text, claim.cue.span, path + ".cue")
        yield from excerpt_problems(claim.content.text, claim.content.span, path + ".content")
        for j, quantity in enumerate(claim.quantities):
            yield from excerpt_problems(quantity.text, quantity.span, f"{path}.quantities[{j}]")
        if claim.when is not None:
            yield from excerpt_problems(claim.when.text, claim.when.span, path + ".when")

    dispute_ids: set[str] = set()
    for i, dispute in enumerate(article.disputes):
        path = f"$.disputes[{i}]"
        if dispute.id in dispute_ids:
            yield Problem(path=path + ".id", message=f"duplicate dispute id {dispute.id!r}")
        dispute_ids.add(dispute.id)
        parties = set()
        for j, position in enumerate(dispute.positions):
            speaker = speakers.get(position.claim)
            if speaker is None:
                yield Problem(
                    path=f"{path}.positions[{j}].claim",
                    message=f"no claim has the id {position.claim!r}",
                )
            else:
                parties.add(speaker)
        if len(parties) == 1:
            yield Problem(
                path=path + ".positions",
                message="a dispute needs claims of at least two different actors",
            )
