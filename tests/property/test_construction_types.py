"""Building a model object refuses every field value outside the field's type.

Each class checks its common case in one quick test before its field-by-field
checks; the law here is that the quick test never lets through what the full
checks refuse. Every object of a generated article is rebuilt with one field
set to a value of another type (or to a string that is not Unicode text), and
the constructor must raise a :class:`~claimkit.errors.ValidationError`.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given

from claimkit import Article, ValidationError
from claimkit._convert import MODEL_CLASSES, serialized_fields
from claimkit.strategies import articles

#: One value of each runtime type a field could wrongly be given.
CANDIDATES: tuple[object, ...] = (
    None,
    True,
    7,
    2.5,
    float("nan"),
    "text",
    "\ud800",  # a lone surrogate: a str, but not Unicode text
    b"bytes",
    [],
    (),
    ("text",),
    datetime.date(2024, 1, 2),
    datetime.datetime(2024, 1, 2, 3, 4),
    object(),
)


def allowed(annotation: Any) -> tuple[set[type], type | None]:
    """The exact runtime types a field takes, and the item type when it is a tuple."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return allowed(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        found: set[type] = set()
        item: type | None = None
        for arg in typing.get_args(annotation):
            kinds, of = allowed(arg)
            found |= kinds
            item = item or of
        return found, item
    if origin is tuple:
        return {tuple}, typing.get_args(annotation)[0]
    if annotation is type(None):
        return {type(None)}, None
    if annotation is float:
        return {float, int}, None  # an int a float holds exactly is a number
    return {annotation}, None


def wrong_values(annotation: Any) -> Iterator[object]:
    """The candidates that the field's type does not admit."""
    kinds, item = allowed(annotation)
    for value in CANDIDATES:
        if isinstance(value, float) and value != value and float in kinds:
            yield value  # NaN is a float, but not a finite number
        elif isinstance(value, str) and not value.isascii() and str in kinds:
            yield value
        elif type(value) is tuple and tuple in kinds:
            if value and item is not str:
                yield value  # a tuple of strings where the items are objects
        elif type(value) not in kinds:
            yield value  # an enum's string value is a str, not a member


HINTS = {cls: typing.get_type_hints(cls, include_extras=True) for cls in MODEL_CLASSES}


def model_objects(obj: object) -> Iterator[object]:
    """``obj`` and every model object inside it."""
    if type(obj) in HINTS:
        yield obj
        for field in serialized_fields(type(obj)):
            yield from model_objects(getattr(obj, field.name))
    elif type(obj) is tuple:
        for item in obj:
            yield from model_objects(item)


@given(articles(min_claims=1))
def test_every_wrongly_typed_field_is_refused(article: Article) -> None:
    # One object of each class the article holds; every field, every wrong value.
    first: dict[type, Any] = {}
    for obj in model_objects(article):
        first.setdefault(type(obj), obj)
    for cls, obj in first.items():
        for field in serialized_fields(cls):
            for value in wrong_values(HINTS[cls][field.name]):
                with pytest.raises(ValidationError):
                    attrs.evolve(obj, **{field.name: value})


def test_the_candidates_reach_every_field() -> None:
    # Each field of each class has wrong values to try, so the law above is tested
    # on all of them.
    for cls, hints in HINTS.items():
        for field in serialized_fields(cls):
            assert list(wrong_values(hints[field.name])), (cls.__name__, field.name)
