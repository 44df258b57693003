"""The msgspec fast path of ``from_json``, and the census that keeps it exact.

msgspec decodes JSON bytes straight into the attrs classes with the model's
type rules, but it ignores unknown keys on attrs classes, keeps the last of
duplicate keys and stops at the first error. So a document it accepts must
also pass the "key twins" (msgspec Structs with every field required and
unknown fields forbidden) and a count of its keys; and a document in which
msgspec may have read a number differently from the reference path (a bound of
2**53 or more, where an integer is rounded into a float) is declined.
Most documents are claimkit's own output: when encoding the decoded object
gives back the document byte for byte (:func:`written_as`), its keys are
exactly the fields, none twice, and every number reads as written, so none of
those checks is needed. Whenever the fast path declines, ``from_json`` reads
the document again with the strict parser and the cattrs converter, which
report every problem.
"""

from __future__ import annotations

import functools
import operator
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final, TypeVar

import msgspec

from claimkit._convert import MODEL_CLASSES, OPTIONAL_KEYS, serialized_fields
from claimkit.model import (
    Actor,
    Article,
    Claim,
    Dispute,
    Excerpt,
    ExtractorInfo,
    Position,
    Quantity,
    Span,
    TimeRef,
)

__all__ = [
    "ENCODER",
    "KEY_DECODERS",
    "declines",
    "decoder",
    "no_duplicate_keys",
    "written_as",
]

T = TypeVar("T")

ENCODER: Final = msgspec.json.Encoder()
_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {}


def decoder(cls: type[T]) -> msgspec.json.Decoder[T]:
    decoder = _DECODERS.get(cls)
    if decoder is None:
        decoder = _DECODERS[cls] = msgspec.json.Decoder(cls)
    return decoder


def written_as(raw: bytes, obj: Any) -> bool:
    """Whether ``raw`` is what encoding ``obj`` gives, but for trailing white space.

    Then the document holds each field of each object once and no other key,
    and each number is spelled as encoding its decoded value spells it (an
    integer rounded into a float would come back as another number).
    """
    encoded = ENCODER.encode(obj)
    size = len(encoded)
    return raw.startswith(encoded) and (len(raw) == size or raw[size:].isspace())


# Documents spelled otherwise have their keys checked exactly with "key twins": msgspec
# Structs generated from the model, every field required and unknown fields forbidden.
# They are not tracked by the garbage collector (gc=False; they hold no cycles), so
# building and dropping them costs little even with the collector on.
def _key_twins() -> dict[type, type]:
    twins: dict[type, type] = {}

    def twin_of(annotation: Any) -> Any:
        if annotation in twins:
            return twins[annotation]
        origin = typing.get_origin(annotation)
        if origin is tuple:
            return tuple[twin_of(typing.get_args(annotation)[0]), ...]  # type: ignore[misc]
        if origin is typing.Union or origin is types.UnionType:
            return functools.reduce(operator.or_, map(twin_of, typing.get_args(annotation)))
        return annotation

    for cls in MODEL_CLASSES:
        hints = typing.get_type_hints(cls, include_extras=True)
        optional = OPTIONAL_KEYS.get(cls, frozenset())
        fields: list[Any] = [
            (field.name, twin_of(hints[field.name]))
            if field.name not in optional
            else (field.name, twin_of(hints[field.name]), field.default)
            for field in serialized_fields(cls)
        ]
        twins[cls] = msgspec.defstruct(
            f"{cls.__name__}Keys", fields, kw_only=True, forbid_unknown_fields=True, gc=False
        )
    return twins


_KEY_TWINS: Final = _key_twins()
KEY_DECODERS: Final[dict[type, msgspec.json.Decoder[Any]]] = {
    cls: msgspec.json.Decoder(twin) for cls, twin in _KEY_TWINS.items()
}
_FIELD_COUNT: Final[dict[type, int]] = {cls: len(serialized_fields(cls)) for cls in MODEL_CLASSES}
# A key followed by white space before its colon, or one ending in a backslash,
# is not counted exactly by the duplicate check: such documents take the cattrs path.
_SPACED_KEY: Final = re.compile(rb'"\s+:')
_BACKSLASH_KEY: Final = b'\\\\":'


def _instances(obj: Any) -> dict[type, int]:
    """How many objects of each model class ``obj`` holds, itself included."""
    counts = dict.fromkeys(MODEL_CLASSES, 0)
    cls = type(obj)
    if cls is Article:
        _tally_article(obj, counts)
    else:
        _TALLY[cls](obj, counts)
    return counts


def _tally_span(_: Span, counts: dict[type, int]) -> None:
    counts[Span] += 1


def _tally_excerpt(_: Excerpt, counts: dict[type, int]) -> None:
    counts[Excerpt] += 1
    counts[Span] += 1


def _tally_quantity(_: Quantity, counts: dict[type, int]) -> None:
    counts[Quantity] += 1
    counts[Span] += 1


def _tally_time(_: TimeRef, counts: dict[type, int]) -> None:
    counts[TimeRef] += 1
    counts[Span] += 1


def _tally_actor(actor: Actor, counts: dict[type, int]) -> None:
    counts[Actor] += 1
    counts[Span] += len(actor.mentions)


def _tally_extractor(_: ExtractorInfo, counts: dict[type, int]) -> None:
    counts[ExtractorInfo] += 1


def _tally_claim(claim: Claim, counts: dict[type, int]) -> None:
    quantities = len(claim.quantities)
    spans = 2 + quantities
    counts[Claim] += 1
    counts[Excerpt] += 2
    counts[Quantity] += quantities
    if claim.when is not None:
        counts[TimeRef] += 1
        spans += 1
    if claim.extractor is not None:
        counts[ExtractorInfo] += 1
    counts[Span] += spans


def _tally_position(_: Position, counts: dict[type, int]) -> None:
    counts[Position] += 1


def _tally_dispute(dispute: Dispute, counts: dict[type, int]) -> None:
    counts[Dispute] += 1
    counts[Position] += len(dispute.positions)


def _tally_article(article: Article, counts: dict[type, int]) -> None:
    spans = quantities = times = extractors = positions = 0
    for actor in article.actors:
        spans += len(actor.mentions)
    for claim in article.claims:
        n = len(claim.quantities)
        quantities += n
        spans += 2 + n
        if claim.when is not None:
            times += 1
            spans += 1
        if claim.extractor is not None:
            extractors += 1
    for dispute in article.disputes:
        positions += len(dispute.positions)
    n_claims = len(article.claims)
    counts[Article] += 1
    counts[Actor] += len(article.actors)
    counts[Claim] += n_claims
    counts[Excerpt] += 2 * n_claims
    counts[Dispute] += len(article.disputes)
    counts[Span] += spans
    counts[Quantity] += quantities
    counts[TimeRef] += times
    counts[ExtractorInfo] += extractors
    counts[Position] += positions


_TALLY: Final[dict[type, Callable[[Any, dict[type, int]], None]]] = {
    Span: _tally_span,
    Excerpt: _tally_excerpt,
    Quantity: _tally_quantity,
    TimeRef: _tally_time,
    Actor: _tally_actor,
    ExtractorInfo: _tally_extractor,
    Claim: _tally_claim,
    Position: _tally_position,
    Dispute: _tally_dispute,
    Article: _tally_article,
}


def no_duplicate_keys(data: bytes, obj: Any) -> bool:
    """Whether ``data`` holds each key of each object once.

    msgspec keeps the last of duplicate keys. Once the key twins have checked
    that every object has exactly its fields, a duplicate is the only way the
    document can hold more keys than the objects have fields. In valid JSON
    every unescaped ``"`` directly followed by ``:`` ends a key, so counting
    ``":`` (minus escaped ``\\":``) counts the keys.
    """
    escaped = data.count(b'\\":')
    # ``\\":`` holds ``\":``: with no ``\":`` at all, that scan is not needed.
    if (escaped and _BACKSLASH_KEY in data) or _SPACED_KEY.search(data):
        return False
    expected = 0
    for cls, n in _instances(obj).items():
        expected += _FIELD_COUNT[cls] * n
    return data.count(b'":') - escaped == expected


# msgspec rounds an integer beyond 2**53 into a float field without a word; the
# reference path refuses it. A decoded bound that large sends the document there.
_ROUNDED: Final = 2.0**53


def _rounded(low: float | None, high: float | None) -> bool:
    return (low is not None and abs(low) >= _ROUNDED) or (
        high is not None and abs(high) >= _ROUNDED
    )


def declines(obj: Any) -> bool:
    """Whether a decoded object must be read again by the reference path.

    It must when a quantity's bound is 2**53 or more (msgspec may have rounded
    an integer there). ``confidence``, the other number, is at most 1.
    """
    cls = type(obj)
    if cls is Quantity:
        return _rounded(obj.low, obj.high)
    if cls is Claim:
        claims: tuple[Claim, ...] = (obj,)
    elif cls is Article:
        claims = obj.claims
    else:
        return False
    for claim in claims:
        for quantity in claim.quantities:
            if _rounded(quantity.low, quantity.high):
                return True
    return False
