"""The cattrs reference converter: dicts to the model and back, strictly.

Its hooks never coerce (``"3"`` is not an int, ``1`` is not a bool), unknown
and missing keys are errors, and every problem of a document is collected with
its JSON path (:func:`problems_of`).
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterator
from typing import Any, Final, get_args

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from claimkit._checks import check_number
from claimkit.errors import Problem, ValidationError, join_path
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
    "ENUMS",
    "MODEL_CLASSES",
    "OPTIONAL_KEYS",
    "LongInteger",
    "json_type",
    "make_converter",
    "problems_of",
    "serialized_fields",
]

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
ENUMS: Final[tuple[type[enum.Enum], ...]] = (
    ActorKind,
    DisputeKind,
    Hedge,
    Mode,
    Polarity,
    Stance,
    TimePrecision,
)


#: Keys added to the serialized form after documents without them were written: such a
#: key may be absent, and reads as its field's default, which means what the older
#: documents meant (a position without ``account`` gives the account of its stance).
OPTIONAL_KEYS: Final[dict[type, frozenset[str]]] = {Position: frozenset({"account"})}


def serialized_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a model class that the serialized form has (private ones are not)."""
    return tuple(a for a in attrs.fields(cls) if not a.name.startswith("_"))


class LongInteger:
    """A JSON integer with more digits than Python reads (``sys.get_int_max_str_digits``).

    The JSON parser gives it in place of the int, so that the converter reports
    it with its path instead of failing on the whole document.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def problem(self) -> str:
        return f"an integer of {self.digits} digits is longer than Python reads"


_JSON_TYPE_NAMES: Final = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "array",
    dict: "object",
    type(None): "null",
    LongInteger: "integer",
}


def json_type(value: object) -> str:
    """The JSON type of a parsed value: ``string``, ``integer``, ``object``..."""
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
        raise TypeError(f"expected a string, got {json_type(value)}")
    return value


def _structure_id(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {json_type(value)}")
    if not value:
        raise ValueError("expected a non-empty id")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is LongInteger:
        raise ValueError(value.problem())
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {json_type(value)}")
    return value


def _structure_float(value: object, _: type) -> float:
    if type(value) is LongInteger:
        raise ValueError(value.problem())
    if type(value) is not float and type(value) is not int:
        raise TypeError(f"expected a number, got {json_type(value)}")
    if type(value) is int:
        try:
            check_number(value, "$")
        except ValidationError as error:
            raise ValueError(error.problems[0].message) from None
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected a boolean, got {json_type(value)}")
    return value


_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected a date string YYYY-MM-DD, got {json_type(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {json_type(value)}")
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
            raise TypeError(f"expected an array, got {json_type(value)}")
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


def _private_fields(cls: type) -> dict[str, Any]:
    return {a.name: override(omit=True) for a in attrs.fields(cls) if a.name.startswith("_")}


def _make_class_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    structure_fields: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **_private_fields(cls),
    )
    optional = OPTIONAL_KEYS.get(cls, frozenset())
    names = tuple(a.name for a in serialized_fields(cls) if a.name not in optional)

    def structure_class(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {json_type(value)}")
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
      number type, but only when a float holds it exactly);
    * a hook for ids that rejects the empty string;
    * a hook for ``tuple[X, ...]`` that accepts only lists;
    * a class hook for every model class that forbids unknown keys, requires
      every key but those of :data:`OPTIONAL_KEYS`, and collects all errors with
      their paths;
    * unstructure hooks giving JSON-ready values: dates as ``YYYY-MM-DD``,
      enums as their values, tuples as lists, and no private fields.

    cattrs' shared ``global_converter`` is never changed.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook_func(lambda t: t is Id, _structure_id)
    for enum_type in ENUMS:
        converter.register_structure_hook(enum_type, _structure_enum)
    converter.register_structure_hook_factory(
        _is_variadic_tuple, lambda t: _make_tuple_hook(t, converter)
    )
    for cls in MODEL_CLASSES:
        converter.register_structure_hook(cls, _make_class_hook(cls, converter))

    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for enum_type in ENUMS:
        converter.register_unstructure_hook(enum_type, _enum_value)
    converter.register_unstructure_hook_factory(
        _is_variadic_tuple,
        lambda t: _make_tuple_unstructure(t, converter),
    )
    for cls in MODEL_CLASSES:
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, **_private_fields(cls))
        )
    return converter


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _make_tuple_unstructure(t: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    unstructure_item = converter.get_unstructure_hook(get_args(t)[0])

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [unstructure_item(item) for item in value]

    return unstructure_tuple


def problems_of(error: BaseException, path: str) -> Iterator[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
                elif hasattr(note, "name"):
                    sub_path = f"{path}.{note.name}"
            yield from problems_of(sub, sub_path)
    elif isinstance(error, _AtField):
        yield from problems_of(error.error, f"{path}.{error.name}")
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(path=f"{path}.{key}", message="unknown field")
    elif isinstance(error, ValidationError):
        for problem in error.problems:
            yield attrs.evolve(problem, path=join_path(path, problem.path))
    else:
        yield Problem(path=path, message=str(error) or type(error).__name__)
