"""Strict serializers: dict, JSON, JSON Lines (streamed) and JSON Schema.

Two paths read the same format and give equal objects:

* **cattrs** is the reference converter. It turns dicts into the model and
  back, and it reports *every* problem of a document at once, each with its
  JSON path. Its hooks never coerce: ``"3"`` is not an int, ``3`` is not a
  string, ``"no"`` is not a bool, and unknown or missing keys are errors.
* **msgspec** is the fast path for JSON and JSON Lines: it decodes straight
  into the attrs classes with the same type rules. It ignores unknown keys on
  attrs classes and stops at the first error, so every document it accepts
  also passes a key census (below); whenever the fast path rejects a document
  or the census fails, the document is decoded again by cattrs, which reports
  every problem.

Every serialized article carries ``format_version``; a version this release
does not know is an error that says so.
"""

from __future__ import annotations

import datetime
import enum
import functools
import gc
import json
import operator
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Final, TypeVar, cast, get_args

import attrs
import cattrs
import msgspec
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from claimkit.errors import InputError, Problem, ValidationError, join_path
from claimkit.model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Id,
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
    "MODEL_CLASSES",
    "DecodeError",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "make_converter",
    "paused_gc",
    "to_dict",
    "to_json",
    "validate_json",
    "validate_jsonl",
    "write_jsonl",
]

T = TypeVar("T")

#: Every class of the model, leaves first.
MODEL_CLASSES: Final[tuple[type, ...]] = (
    Span,
    Excerpt,
    Quantity,
    TimeRef,
    Actor,
    ExtractorInfo,
    Claim,
    Position,
    Dispute,
    Article,
)
_ENUMS: Final[tuple[type[enum.Enum], ...]] = (
    ActorKind,
    DisputeKind,
    Hedge,
    Mode,
    Polarity,
    Stance,
    TimePrecision,
)


class DecodeError(InputError):
    """Input that is not a JSON document at all (bad syntax, not UTF-8, duplicate keys).

    Unlike :class:`~claimkit.errors.ValidationError`, this means the input
    could not be read, not that it broke a rule of the model.
    """


# --- the cattrs reference converter -----------------------------------------------------

_JSON_TYPE_NAMES: Final = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "array",
    dict: "object",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


class _MissingField(Exception):
    """A required key is absent (all keys are required in the serialized form)."""


class _AtField(Exception):
    """Marks an error as belonging to one field of an object."""

    def __init__(self, name: str, error: BaseException) -> None:
        super().__init__(name)
        self.name = name
        self.error = error


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return value


def _structure_id(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_json_type(value)}")
    if not value:
        raise ValueError("expected a non-empty id")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    return value


def _structure_float(value: object, _: type) -> float:
    if type(value) is not float and type(value) is not int:
        raise TypeError(f"expected a number, got {_json_type(value)}")
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected a boolean, got {_json_type(value)}")
    return value


_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected a date string YYYY-MM-DD, got {_json_type(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_json_type(value)}")
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"expected one of {choices}, got {value!r}") from None


def _is_variadic_tuple(t: Any) -> bool:
    args = get_args(t)
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_tuple_hook(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = get_args(t)[0]
    structure_item = converter.get_structure_hook(item_type)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_json_type(value)}")
        items = []
        errors: list[Exception] = []
        for i, raw in enumerate(value):
            try:
                items.append(structure_item(raw, item_type))
            except Exception as error:
                error.add_note(IterableValidationNote(f"@ index {i}", i, item_type))
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(items)

    return structure_tuple


def _make_class_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    structure_fields: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    names = tuple(a.name for a in attrs.fields(cls))

    def structure_class(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {_json_type(value)}")
        errors: list[Exception] = [
            _AtField(name, _MissingField("required field missing"))
            for name in names
            if name not in value
        ]
        try:
            obj = structure_fields(value, cls)
        except ClassValidationError as group:
            # cattrs raises KeyError for a missing field without default: already reported.
            errors.extend(e for e in group.exceptions if not isinstance(e, KeyError))
        except (ValidationError, ForbiddenExtraKeysError) as error:
            errors.append(error)
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return obj

    return structure_class


def make_converter() -> cattrs.Converter:
    """A new strict converter between the claimkit model and plain dicts.

    It registers:

    * structure hooks for ``str``, ``int``, ``float``, ``bool``, ``date`` and
      every ``str`` enum that never coerce (``True`` is not an int, ``1`` is
      not a bool; an int is accepted for a float field, as JSON has one
      number type);
    * a hook for ids that rejects the empty string;
    * a hook for ``tuple[X, ...]`` that accepts only lists;
    * a class hook for every model class that forbids unknown keys, requires
      every key, and collects all errors with their paths;
    * unstructure hooks giving JSON-ready values: dates as ``YYYY-MM-DD``,
      enums as their values, tuples as lists.

    cattrs' shared ``global_converter`` is never changed.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook_func(lambda t: t is Id, _structure_id)
    for enum_type in _ENUMS:
        converter.register_structure_hook(enum_type, _structure_enum)
    converter.register_structure_hook_factory(
        _is_variadic_tuple, lambda t: _make_tuple_hook(t, converter)
    )
    for cls in MODEL_CLASSES:
        converter.register_structure_hook(cls, _make_class_hook(cls, converter))

    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for enum_type in _ENUMS:
        converter.register_unstructure_hook(enum_type, _enum_value)
    converter.register_unstructure_hook_factory(
        _is_variadic_tuple,
        lambda t: _make_tuple_unstructure(t, converter),
    )
    return converter


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _make_tuple_unstructure(t: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    unstructure_item = converter.get_unstructure_hook(get_args(t)[0])

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [unstructure_item(item) for item in value]

    return unstructure_tuple


_CONVERTER: Final = make_converter()


def _problems_of(error: BaseException, path: str) -> Iterator[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
                elif hasattr(note, "name"):
                    sub_path = f"{path}.{note.name}"
            yield from _problems_of(sub, sub_path)
    elif isinstance(error, _AtField):
        yield from _problems_of(error.error, f"{path}.{error.name}")
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(path=f"{path}.{key}", message="unknown field")
    elif isinstance(error, ValidationError):
        for problem in error.problems:
            yield attrs.evolve(problem, path=join_path(path, problem.path))
    else:
        yield Problem(path=path, message=str(error) or type(error).__name__)


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-ready dict of any claimkit object (every field, always)."""
    return cast(dict[str, Any], _CONVERTER.unstructure(obj))


def from_dict(data: Any, cls: type[T] = Article) -> T:  # type: ignore[assignment]
    """Build a ``cls`` from a dict, strictly.

    Raises :class:`~claimkit.errors.ValidationError` listing every problem
    with its JSON path.
    """
    try:
        return _CONVERTER.structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        ValidationError,
        TypeError,
        ValueError,
    ) as error:
        if isinstance(error, ValidationError):
            raise
        raise ValidationError(list(_problems_of(error, "$"))) from None


# --- the msgspec fast path and its key census -------------------------------------------

_ENCODER: Final = msgspec.json.Encoder()
_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {}


def _decoder(cls: type[T]) -> msgspec.json.Decoder[T]:
    decoder = _DECODERS.get(cls)
    if decoder is None:
        decoder = _DECODERS[cls] = msgspec.json.Decoder(cls)
    return decoder


def to_json(obj: Any) -> bytes:
    """The JSON form of any claimkit object, as UTF-8 bytes."""
    return _ENCODER.encode(obj)


# The fast path checks keys exactly with "key twins": msgspec Structs generated
# from the model, every field required and unknown fields forbidden. They are not
# tracked by the garbage collector (gc=False; they hold no cycles), so building and
# dropping them costs little even with the collector on.
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
        fields = [(field.name, twin_of(hints[field.name])) for field in attrs.fields(cls)]
        twins[cls] = msgspec.defstruct(
            f"{cls.__name__}Keys", fields, kw_only=True, forbid_unknown_fields=True, gc=False
        )
    return twins


_KEY_TWINS: Final = _key_twins()
_KEY_DECODERS: Final[dict[type, msgspec.json.Decoder[Any]]] = {
    cls: msgspec.json.Decoder(twin) for cls, twin in _KEY_TWINS.items()
}
_FIELD_COUNT: Final[dict[type, int]] = {cls: len(attrs.fields(cls)) for cls in MODEL_CLASSES}
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


def _no_duplicate_keys(data: bytes, obj: Any) -> bool:
    """Whether ``data`` holds each key of each object once.

    msgspec keeps the last of duplicate keys. Once the key twins have checked
    that every object has exactly its fields, a duplicate is the only way the
    document can hold more keys than the objects have fields. In valid JSON
    every unescaped ``"`` directly followed by ``:`` ends a key, so counting
    ``":`` (minus escaped ``\\":``) counts the keys.
    """
    if _BACKSLASH_KEY in data or _SPACED_KEY.search(data):
        return False
    expected = 0
    for cls, n in _instances(obj).items():
        expected += _FIELD_COUNT[cls] * n
    return data.count(b'":') - data.count(b'\\":') == expected


def _parse_json(data: bytes | str, *, source: str | None, line: int | None) -> Any:
    """Parse with the standard library, rejecting duplicate keys and bare NaN."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise DecodeError(f"duplicate key {key!r}", source=source, line=line)
            result[key] = value
        return result

    def no_constant(name: str) -> Any:
        raise DecodeError(f"{name} is not valid JSON", source=source, line=line)

    try:
        return json.loads(data, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not UTF-8 ({error.reason} at byte {error.start})", source=source, line=line
        ) from None
    except json.JSONDecodeError as error:
        at_line = error.lineno if line is None else line
        raise DecodeError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            source=source,
            line=at_line,
        ) from None


def from_json(
    data: bytes | str,
    cls: type[T] = Article,  # type: ignore[assignment]
    *,
    source: str | None = None,
    line: int | None = None,
) -> T:
    """Decode and validate one JSON document.

    Raises :class:`DecodeError` when ``data`` is not JSON, and
    :class:`~claimkit.errors.ValidationError` with every problem (and its
    JSON path) when it is JSON but not a valid ``cls``.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    key_decoder = _KEY_DECODERS.get(cls)
    try:
        if key_decoder is not None:
            key_decoder.decode(raw)  # exact keys: none unknown, none missing
        obj = _decoder(cls).decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError, ValidationError, UnicodeDecodeError):
        pass
    else:
        if _no_duplicate_keys(raw, obj):
            return obj
    # The slow path: parse again, and let cattrs find every problem.
    parsed = _parse_json(raw, source=source, line=line)
    try:
        return from_dict(parsed, cls)
    except ValidationError as error:
        raise error.located(source=source, line=line) from None


def validate_json(
    data: bytes | str, cls: type = Article, *, source: str | None = None, line: int | None = None
) -> list[Problem]:
    """Every problem of one JSON document (an empty list when it is valid).

    Raises :class:`DecodeError` when the input is not JSON at all.
    """
    try:
        from_json(data, cls, source=source, line=line)
    except ValidationError as error:
        return list(error.problems)
    return []


# --- JSON Lines -------------------------------------------------------------------------


def _lines(stream: IO[bytes] | Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def iter_jsonl(
    stream: IO[bytes] | Iterable[bytes],
    cls: type[T] = Article,  # type: ignore[assignment]
    *,
    source: str | None = None,
) -> Iterator[T]:
    """Read one object a line, lazily: memory stays constant in the file size.

    Blank lines are skipped. The first bad line raises :class:`DecodeError` or
    :class:`~claimkit.errors.ValidationError`, with its line number.
    """
    for number, line in _lines(stream):
        yield from_json(line, cls, source=source, line=number)


def validate_jsonl(
    stream: IO[bytes] | Iterable[bytes],
    cls: type = Article,
    *,
    source: str | None = None,
) -> Iterator[Problem]:
    """Every problem of every line, lazily, each with its line number.

    A line that is not JSON at all yields one problem at path ``$``.
    """
    for number, line in _lines(stream):
        try:
            yield from validate_json(line, cls, source=source, line=number)
        except DecodeError as error:
            yield Problem(path="$", message=error.message, source=source, line=number)


def write_jsonl(objects: Iterable[Any], stream: IO[bytes]) -> int:
    """Write one JSON document a line, lazily; return how many were written."""
    count = 0
    buffer = bytearray()
    for obj in objects:
        _ENCODER.encode_into(obj, buffer)
        buffer.extend(b"\n")
        stream.write(buffer)
        count += 1
    return count


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around a bulk load.

    Building many small objects triggers full collections again and again;
    the model holds no reference cycles, so pausing is safe. Restores the
    previous state on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- JSON Schema ------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the serialized :class:`Article`.

    Every key is required and no other key is allowed, as in the decoders.
    """
    schema = msgspec.json.schema(Article)
    for name, definition in schema.get("$defs", {}).items():
        if definition.get("type") != "object":
            continue
        definition["required"] = list(definition.get("properties", {}))
        definition["additionalProperties"] = False
        for prop in definition.get("properties", {}).values():
            prop.pop("default", None)
        cls = next((c for c in MODEL_CLASSES if c.__name__ == name), None)
        if cls is not None and cls.__doc__:
            definition["description"] = " ".join(cls.__doc__.split("\n\n")[0].split())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "claimkit article"
    return dict(schema)
