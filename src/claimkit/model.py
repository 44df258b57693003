"""The claimkit model: who claimed what, when, and who disputes it.

All classes are frozen, keyword-only attrs classes; collections are tuples and
choices are ``str`` enums. Every object checks its own invariants when it is
built, and :class:`Article` checks those that need the whole document (spans
inside the text, references that resolve, unique ids). Each failure is a
:class:`~claimkit.errors.ValidationError` whose problems name the path of the
bad field, e.g. ``$.claims[2].cue.span.end``.

Ids are derived from content when they are not given, so the same claim of
the same article gets the same id on every run and every machine. A derived id
follows its content: ``attrs.evolve`` that changes what an id is derived from
derives it again (see :func:`derived_id`).

The checks of single fields live in :mod:`claimkit._checks`, those that need a
whole article in :mod:`claimkit._invariants`, the derivation of ids in
:mod:`claimkit._ids`.
"""

from __future__ import annotations

import copyreg
import datetime
import enum
import itertools
from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar, Final

import attrs
import msgspec

from claimkit._checks import (
    MAX_OFFSET,
    check_enum,
    check_instance,
    check_int,
    check_number,
    check_str,
    check_tuple,
    describe,
    fail,
    only,
    plain_str,
    show_int,
    surrogate_problem,
)
from claimkit._ids import (
    actor_id,
    actor_key,
    article_id,
    article_key,
    claim_id,
    claim_key,
    dispute_id,
    dispute_key,
    settle_id,
    slug,
)
from claimkit._invariants import article_is_valid, article_problems
from claimkit.errors import ValidationError

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
    "accounts_of",
    "derived_id",
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
    RANGE = "range"  #: "between 30 and 40", "30-40 people": low <= high, both stated
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


def derived_id(obj: Actor | Claim | Dispute | Article) -> str:
    """The id that ``obj``'s content derives, whatever id it has.

    An object's id is *derived* when it was left out, or when it equals this
    value: such an id is derived again from the new content whenever
    ``attrs.evolve`` makes a changed copy, so it never goes stale. An id that
    differs from it was chosen by whoever built the object, and is kept.
    """
    key_of, id_of = _IDS[type(obj)]
    return id_of(key_of(obj))


# --- spans and excerpts -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if type(start) is int and type(end) is int and 0 <= start <= end <= MAX_OFFSET:
            return  # the common case, checked at once
        check_int(start, "$.start")
        check_int(end, "$.end")
        if start < 0:
            raise fail("$.start", f"must be >= 0, got {show_int(start)}")
        if start > MAX_OFFSET:
            raise fail("$.start", f"must be <= {MAX_OFFSET}, got {show_int(start)}")
        if end > MAX_OFFSET:
            raise fail("$.end", f"must be <= {MAX_OFFSET}, got {show_int(end)}")
        if end < start:
            raise fail("$.end", f"must be >= start ({show_int(start)}), got {show_int(end)}")

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
        if (
            type(text) is str
            and type(span) is Span
            and len(text) == span.end - span.start
            and (text.isascii() or surrogate_problem(text) is None)
        ):
            return  # the common case, checked at once
        check_str(self.text, "$.text")
        check_instance(self.span, Span, "$.span")
        if len(self.text) != self.span.end - self.span.start:
            raise fail(
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
        text, span, hedge, low, high = self.text, self.span, self.hedge, self.low, self.high
        if (
            type(text) is str
            and text
            and type(span) is Span
            and len(text) == span.end - span.start
            and type(hedge) is Hedge
            and (low is None or (type(low) is float and -_INF < low < _INF))
            and (high is None or (type(high) is float and -_INF < high < _INF))
            and (low is None or high is None or low <= high)
            and (low is not None, high is not None) in _HEDGE_BOUNDS[hedge]
            and (hedge is not _EXACT or low == high)
            and (text.isascii() or plain_str(text))
            and (
                self.counted is None
                or (
                    type(self.counted) is str
                    and (self.counted.isascii() or plain_str(self.counted))
                )
            )
            and (
                self.event is None
                or (type(self.event) is str and (self.event.isascii() or plain_str(self.event)))
            )
        ):
            return  # the common case, checked at once
        check_str(self.text, "$.text", empty=False)
        check_instance(self.span, Span, "$.span")
        check_enum(self.hedge, Hedge, "$.hedge")
        check_number(self.low, "$.low")
        check_number(self.high, "$.high")
        check_str(self.counted, "$.counted", optional=True)
        check_str(self.event, "$.event", optional=True)
        low, high = self.low, self.high
        if low is not None and high is not None and low > high:
            raise fail("$.high", f"must be >= low ({low}), got {high}")
        wanted = _HEDGE_BOUNDS[self.hedge]
        if (low is not None, high is not None) not in wanted:
            raise fail("$.hedge", f"{self.hedge.value!r} {_HEDGE_RULES[self.hedge]}")
        if self.hedge is _EXACT and low != high:
            raise fail("$.high", f"an exact quantity needs low == high, got {low} and {high}")
        if len(self.text) != self.span.end - self.span.start:
            raise fail("$.span", "does not cover as many characters as the text has")

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
_INF: Final = float("inf")
_OTHER: Final = Stance.OTHER
_UNRESOLVED: Final = TimePrecision.UNRESOLVED
_DAY: Final = TimePrecision.DAY
_RANGE: Final = TimePrecision.RANGE

_HEDGE_BOUNDS: Final[dict[Hedge, frozenset[tuple[bool, bool]]]] = {
    Hedge.EXACT: frozenset({(True, True)}),
    Hedge.UP_TO: frozenset({(False, True)}),
    Hedge.AT_LEAST: frozenset({(True, False)}),
    Hedge.APPROXIMATE: frozenset({(True, True)}),
    Hedge.VAGUE: frozenset({(True, False), (True, True)}),
    Hedge.RANGE: frozenset({(True, True)}),
    Hedge.UNPARSED: frozenset({(False, False)}),
}
_HEDGE_RULES: Final[dict[Hedge, str]] = {
    Hedge.EXACT: "needs both low and high",
    Hedge.UP_TO: "needs high and no low",
    Hedge.AT_LEAST: "needs low and no high",
    Hedge.APPROXIMATE: "needs both low and high",
    Hedge.VAGUE: "needs low",
    Hedge.RANGE: "needs both low and high",
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
        text, span, precision, start, end = (
            self.text,
            self.span,
            self.precision,
            self.start,
            self.end,
        )
        if (
            type(text) is str
            and text
            and type(span) is Span
            and len(text) == span.end - span.start
            and (text.isascii() or plain_str(text))
            and (
                (precision is _UNRESOLVED and start is None and end is None)
                or (
                    type(start) is datetime.date
                    and type(end) is datetime.date
                    and (
                        (precision is _DAY and start == end)
                        or (precision is _RANGE and end > start)
                    )
                )
            )
        ):
            return  # the common case, checked at once
        check_str(self.text, "$.text", empty=False)
        check_instance(self.span, Span, "$.span")
        check_enum(self.precision, TimePrecision, "$.precision")
        check_instance(self.start, datetime.date, "$.start", optional=True)
        check_instance(self.end, datetime.date, "$.end", optional=True)
        start, end = self.start, self.end
        precision = self.precision
        if precision is _UNRESOLVED:
            if start is not None or end is not None:
                raise fail("$.precision", "an unresolved time has neither start nor end")
        elif start is None or end is None:
            raise fail("$.precision", f"a {self.precision.value!r} time needs start and end")
        elif precision is _DAY and start != end:
            raise fail("$.end", f"a 'day' time needs end == start ({start}), got {end}")
        elif precision is _RANGE and end <= start:
            raise fail("$.end", f"a 'range' time needs end > start ({start}), got {end}")
        if len(self.text) != self.span.end - self.span.start:
            raise fail("$.span", "does not cover as many characters as the text has")

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
    # The content key it was built with (see claimkit._ids.settle_id); not data.
    _origin: Any = attrs.field(default=None, eq=False, repr=False, alias="_origin")

    def __attrs_post_init__(self) -> None:
        name, aliases, role, affiliation = self.name, self.aliases, self.role, self.affiliation
        if (
            type(name) is str
            and name
            and (name.isascii() or plain_str(name))
            and type(self.kind) is ActorKind
            and type(aliases) is tuple
            and all(
                type(alias) is str and (alias.isascii() or plain_str(alias)) for alias in aliases
            )
            and (role is None or (type(role) is str and (role.isascii() or plain_str(role))))
            and (
                affiliation is None
                or (
                    type(affiliation) is str
                    and affiliation
                    and (affiliation.isascii() or plain_str(affiliation))
                )
            )
            and only(self.mentions, Span)
        ):
            settle_id(self, *_IDS[type(self)])
            return  # the common case, checked at once
        check_str(self.name, "$.name", empty=False)
        check_enum(self.kind, ActorKind, "$.kind")
        check_tuple(self.aliases, str, "$.aliases")
        check_str(self.role, "$.role", optional=True)
        check_str(self.affiliation, "$.affiliation", optional=True, empty=False)
        check_tuple(self.mentions, Span, "$.mentions")
        settle_id(self, *_IDS[type(self)])

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class ExtractorInfo:
    """Which extractor made a claim, and by which of its rules (the claim's provenance).

    ``rule`` names the rule of the extractor that read the claim (for claimkit's
    own extractor, a key of :data:`claimkit.extraction.rules.RULES`); it is
    ``None`` when the extractor does not say.
    """

    name: str
    version: str
    rule: str | None = None

    def __attrs_post_init__(self) -> None:
        check_str(self.name, "$.name", empty=False)
        check_str(self.version, "$.version", empty=False)
        check_str(self.rule, "$.rule", optional=True, empty=False)


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
    # The content key it was built with (see claimkit._ids.settle_id); not data.
    _origin: Any = attrs.field(default=None, eq=False, repr=False, alias="_origin")

    def __attrs_post_init__(self) -> None:
        speaker, when, confidence, extractor = (
            self.speaker,
            self.when,
            self.confidence,
            self.extractor,
        )
        if (
            type(speaker) is str
            and speaker
            and (speaker.isascii() or plain_str(speaker))
            and type(self.cue) is Excerpt
            and type(self.content) is Excerpt
            and type(self.mode) is Mode
            and type(self.polarity) is Polarity
            and type(self.hedged) is bool
            and (when is None or type(when) is TimeRef)
            and only(self.quantities, Quantity)
            and (confidence is None or (type(confidence) is float and 0.0 <= confidence <= 1.0))
            and (extractor is None or type(extractor) is ExtractorInfo)
        ):
            settle_id(self, *_IDS[type(self)])
            return  # the common case, checked at once
        check_str(self.speaker, "$.speaker", empty=False)
        check_instance(self.cue, Excerpt, "$.cue")
        check_instance(self.content, Excerpt, "$.content")
        check_enum(self.mode, Mode, "$.mode")
        check_enum(self.polarity, Polarity, "$.polarity")
        if type(self.hedged) is not bool:
            raise fail("$.hedged", f"expected a bool, got {describe(self.hedged)}")
        check_instance(self.when, TimeRef, "$.when", optional=True)
        check_tuple(self.quantities, Quantity, "$.quantities")
        check_number(self.confidence, "$.confidence")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise fail("$.confidence", f"must be within [0, 1], got {self.confidence}")
        check_instance(self.extractor, ExtractorInfo, "$.extractor", optional=True)
        settle_id(self, *_IDS[type(self)])


@attrs.frozen(kw_only=True)
class Position:
    """A claim's stance on the point of a dispute, and which account it gives.

    Positions with the same ``account`` (a number from 0) say the same thing; positions
    with different accounts cannot both hold. In a three-party dispute over a count
    (12, 80, about 40) the three counts are three accounts, though 80 and about 40 both
    deny the point "12 killed". ``account`` None (the form before it was added) means
    the stance is the account: every ``affirms`` one, every ``denies`` another, each
    ``other`` its own (see :func:`accounts_of`).
    """

    claim: Id
    stance: Stance
    account: int | None = None

    def __attrs_post_init__(self) -> None:
        claim, account = self.claim, self.account
        if (
            type(claim) is str
            and claim
            and claim.isascii()
            and type(self.stance) is Stance
            and (account is None or (type(account) is int and 0 <= account <= MAX_OFFSET))
        ):
            return  # the common case, checked at once
        check_str(self.claim, "$.claim", empty=False)
        check_enum(self.stance, Stance, "$.stance")
        if account is not None:
            check_int(account, "$.account")
            if not 0 <= account <= MAX_OFFSET:
                raise fail(
                    "$.account", f"must be within [0, {MAX_OFFSET}], got {show_int(account)}"
                )


def accounts_of(positions: Sequence[Position]) -> tuple[int, ...]:
    """The account of each position, numbered from 0 in the order accounts first appear.

    A position's ``account`` when the positions give one; otherwise its stance: every
    ``affirms`` is one account, every ``denies`` another, and each ``other`` its own
    (two ``other`` positions are two different accounts, as in a numeric dispute).
    Two positions cannot both hold exactly when their accounts differ.

    >>> accounts_of([Position(claim="a", stance=Stance.AFFIRMS),
    ...              Position(claim="b", stance=Stance.DENIES, account=7),
    ...              Position(claim="c", stance=Stance.DENIES, account=3)])
    (0, 1, 2)
    >>> accounts_of([Position(claim="a", stance=Stance.AFFIRMS),
    ...              Position(claim="b", stance=Stance.DENIES),
    ...              Position(claim="c", stance=Stance.DENIES)])
    (0, 1, 1)
    """
    numbers: dict[object, int] = {}
    found = []
    for index, position in enumerate(positions):
        if position.account is not None:
            key: object = ("account", position.account)
        elif position.stance is _OTHER:
            key = ("other", index)
        else:
            key = position.stance
        found.append(numbers.setdefault(key, len(numbers)))
    return tuple(found)


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
    # The content key it was built with (see claimkit._ids.settle_id); not data.
    _origin: Any = attrs.field(default=None, eq=False, repr=False, alias="_origin")

    def __attrs_post_init__(self) -> None:
        point, positions, reason, note = self.point, self.positions, self.reason, self.note
        if (
            type(self.kind) is DisputeKind
            and type(point) is str
            and point
            and (point.isascii() or plain_str(point))
            and only(positions, Position)
            and len({position.claim for position in positions}) == len(positions) >= 2
            and (
                reason is None or (type(reason) is str and (reason.isascii() or plain_str(reason)))
            )
            and (note is None or (type(note) is str and (note.isascii() or plain_str(note))))
        ):
            _check_accounts(positions)
            settle_id(self, *_IDS[type(self)])
            return  # the common case, checked at once
        check_enum(self.kind, DisputeKind, "$.kind")
        check_str(self.point, "$.point", empty=False)
        check_tuple(self.positions, Position, "$.positions")
        if len(self.positions) < 2:
            raise fail(
                "$.positions", f"a dispute needs at least 2 positions, got {len(self.positions)}"
            )
        seen: set[str] = set()
        for i, position in enumerate(self.positions):
            if position.claim in seen:
                raise fail(f"$.positions[{i}].claim", f"claim {position.claim!r} is listed twice")
            seen.add(position.claim)
        _check_accounts(self.positions)
        check_str(self.reason, "$.reason", optional=True)
        check_str(self.note, "$.note", optional=True)
        settle_id(self, *_IDS[type(self)])

    def accounts(self) -> tuple[tuple[str, ...], ...]:
        """The claim ids of each account (each side), in the order accounts first appear
        (see :func:`accounts_of`)."""
        groups: dict[int, list[str]] = {}
        for position, account in zip(self.positions, accounts_of(self.positions), strict=True):
            groups.setdefault(account, []).append(position.claim)
        return tuple(tuple(claims) for claims in groups.values())

    def disagreeing_pairs(self) -> tuple[tuple[str, str], ...]:
        """Pairs of claim ids whose positions cannot both hold: those of different
        accounts (:func:`accounts_of`), in the order of the positions."""
        numbered = zip(self.positions, accounts_of(self.positions), strict=True)
        return tuple(
            (a.claim, b.claim) for (a, x), (b, y) in itertools.combinations(numbered, 2) if x != y
        )


def _check_accounts(positions: tuple[Position, ...]) -> None:
    """Every position gives an account or none does; one account has one stance."""
    given = [p.account is not None for p in positions]
    if any(given) and not all(given):
        i = given.index(not given[0])
        raise fail(
            f"$.positions[{i}].account",
            f"give every position an account or none ($.positions[0].account is"
            f" {positions[0].account!r}, this is {positions[i].account!r})",
        )
    stances: dict[int | None, tuple[int, Stance]] = {}
    for i, position in enumerate(positions):
        if position.account is None:
            continue
        first, stance = stances.setdefault(position.account, (i, position.stance))
        if stance is not position.stance:
            raise fail(
                f"$.positions[{i}].stance",
                f"account {position.account} is {stance.value!r} in $.positions[{first}],"
                f" got {position.stance.value!r}: one account has one stance",
            )


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
    # The content key it was built with (see claimkit._ids.settle_id); not data.
    _origin: Any = attrs.field(default=None, eq=False, repr=False, alias="_origin")

    SUPPORTED_FORMATS: ClassVar[frozenset[int]] = frozenset({FORMAT_VERSION})

    def __attrs_post_init__(self) -> None:
        text, published, title, source, url, language = (
            self.text,
            self.published,
            self.title,
            self.source,
            self.url,
            self.language,
        )
        if (
            type(text) is str
            and (text.isascii() or plain_str(text))
            and (published is None or type(published) is datetime.date)
            and (title is None or (type(title) is str and (title.isascii() or plain_str(title))))
            and (
                source is None or (type(source) is str and (source.isascii() or plain_str(source)))
            )
            and (url is None or (type(url) is str and (url.isascii() or plain_str(url))))
            and type(language) is str
            and language
            and (language.isascii() or plain_str(language))
            and only(self.actors, Actor)
            and only(self.claims, Claim)
            and only(self.disputes, Dispute)
            and type(self.format_version) is int
        ):
            if not article_is_valid(self):
                raise ValidationError(list(article_problems(self)))
            settle_id(self, *_IDS[type(self)])
            return  # the common case, checked at once
        check_str(self.text, "$.text")
        check_instance(self.published, datetime.date, "$.published", optional=True)
        check_str(self.title, "$.title", optional=True)
        check_str(self.source, "$.source", optional=True)
        check_str(self.url, "$.url", optional=True)
        check_str(self.language, "$.language", empty=False)
        check_tuple(self.actors, Actor, "$.actors")
        check_tuple(self.claims, Claim, "$.claims")
        check_tuple(self.disputes, Dispute, "$.disputes")
        check_int(self.format_version, "$.format_version")
        check_str(self.id, "$.id")
        if not article_is_valid(self):
            raise ValidationError(list(article_problems(self)))
        settle_id(self, *_IDS[type(self)])

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

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its JSON: one encode and one decode in C, where attrs' pickling
        # calls Python once per object of the article (worker processes send many). An
        # int where a number goes would come back a float: such an article is pickled
        # field by field, as attrs does.
        for claim in self.claims:
            if type(claim.confidence) is int or any(
                type(q.low) is int or type(q.high) is int for q in claim.quantities
            ):
                return (copyreg.__newobj__, (type(self),), self.__getstate__())  # type: ignore[attr-defined]
        return (_unpickle_article, (_PICKLE_ENCODER.encode(self),))


_PICKLE_ENCODER: Final = msgspec.json.Encoder()
_PICKLE_DECODER: Final = msgspec.json.Decoder(Article)


def _unpickle_article(data: bytes) -> Article:
    return _PICKLE_DECODER.decode(data)


_IDS: Final[dict[type, tuple[Callable[[Any], object], Callable[[Any], str]]]] = {
    Actor: (actor_key, actor_id),
    Claim: (claim_key, claim_id),
    Dispute: (dispute_key, dispute_id),
    Article: (article_key, article_id),
}
