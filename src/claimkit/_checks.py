"""The checks that the model's classes run on their own fields.

Each check raises a :class:`~claimkit.errors.ValidationError` with one problem
at the path it is given (relative to the object, e.g. ``$.span``); an
:class:`~claimkit.model.Article` puts the path of the object in front.

Two rules hold for every value, whichever field it is in:

* a string is Unicode text: a lone surrogate (``"\\ud800"`` in JSON) is not a
  character and cannot be written as UTF-8, so it is refused;
* a number field (``float``) holds an integer only when a float keeps it
  exactly: every integer up to 2**53 does, 2**53 + 1 does not. Silent rounding
  of a count is refused; a float (``9.007199254740993e15``) is taken as written.
"""

from __future__ import annotations

import enum
import math
import re
import sys
from typing import Final

from claimkit.errors import Problem, ValidationError

__all__ = [
    "MAX_OFFSET",
    "check_enum",
    "check_instance",
    "check_int",
    "check_number",
    "check_str",
    "check_tuple",
    "describe",
    "fail",
    "only",
    "plain_str",
    "show_int",
    "surrogate_problem",
]

#: The largest offset a span can have: no Python string is longer.
MAX_OFFSET: Final = sys.maxsize

_SURROGATE: Final = re.compile("[\ud800-\udfff]")
# Beyond this many bits, formatting an int in decimal may pass Python's
# int-string limit (4300 digits by default): such ints are described, not shown.
_SHOWN_BITS: Final = 4000


def fail(path: str, message: str) -> ValidationError:
    """A validation error with one problem at ``path``."""
    return ValidationError([Problem(path=path, message=message)])


def describe(value: object) -> str:
    """The name of a value's type, for messages."""
    return type(value).__name__


def show_int(value: int) -> str:
    """An int for a message: its digits, or its size when it has too many to print."""
    if value.bit_length() <= _SHOWN_BITS:
        return str(value)
    digits = int(value.bit_length() * math.log10(2)) + 1
    return f"{'-' if value < 0 else ''}an integer of about {digits} digits"


def surrogate_problem(value: str) -> str | None:
    """Why ``value`` is not Unicode text (a lone surrogate), or None when it is."""
    if value.isascii():
        return None
    found = _SURROGATE.search(value)
    if found is None:
        return None
    return (
        f"contains a lone surrogate U+{ord(found[0]):04X} at index {found.start()}:"
        " not a Unicode character, so it cannot be written as UTF-8"
    )


def plain_str(value: str) -> bool:
    """Whether a ``str`` is Unicode text (no lone surrogate), quickly for ASCII."""
    return value.isascii() or _SURROGATE.search(value) is None


def only(items: object, cls: type) -> bool:
    """Whether ``items`` is a tuple whose items are all of exactly ``cls``."""
    if type(items) is not tuple:
        return False
    for item in items:  # noqa: SIM110 (a loop: faster than all() over a generator)
        if type(item) is not cls:
            return False
    return True


def check_str(value: object, path: str, *, optional: bool = False, empty: bool = True) -> None:
    """A real ``str`` (None too when ``optional``), not empty unless ``empty``."""
    if value is None and optional:
        return
    if type(value) is not str:
        want = "a string or None" if optional else "a string"
        raise fail(path, f"expected {want}, got {describe(value)}")
    if not empty and not value:
        raise fail(path, "must not be empty")
    if not value.isascii():
        problem = surrogate_problem(value)
        if problem is not None:
            raise fail(path, problem)


def check_int(value: object, path: str) -> None:
    """A real ``int`` (``True`` is not one)."""
    if type(value) is not int:
        raise fail(path, f"expected an int, got {describe(value)}")


def check_number(value: object, path: str) -> None:
    """None, a finite float, or an int that a float holds exactly."""
    if value is None:
        return
    if type(value) is int:
        try:
            exact = float(value) == value
        except OverflowError:
            exact = False
        if not exact:
            raise fail(
                path,
                f"the integer {show_int(value)} cannot be held exactly by a number"
                " (a float keeps every integer only up to 2**53 = 9007199254740992)",
            )
        return
    if type(value) is not float:
        raise fail(path, f"expected a number or None, got {describe(value)}")
    if not math.isfinite(value):
        raise fail(path, f"expected a finite number, got {value!r}")


def check_enum(value: object, enum_type: type[enum.Enum], path: str) -> None:
    """A member of ``enum_type`` (its string value is not one)."""
    if type(value) is not enum_type:
        choices = ", ".join(repr(m.value) for m in enum_type)
        raise fail(path, f"expected a {enum_type.__name__} ({choices}), got {value!r}")


def check_instance(value: object, cls: type, path: str, *, optional: bool = False) -> None:
    """An object of exactly ``cls`` (None too when ``optional``)."""
    if value is None and optional:
        return
    if type(value) is not cls:
        want = f"{cls.__name__} or None" if optional else cls.__name__
        raise fail(path, f"expected {want}, got {describe(value)}")


def check_tuple(value: object, cls: type, path: str) -> None:
    """A tuple whose items are all of exactly ``cls`` (strings are Unicode text)."""
    if type(value) is not tuple:
        raise fail(path, f"expected a tuple of {cls.__name__}, got {describe(value)}")
    for i, item in enumerate(value):
        if type(item) is not cls:
            raise fail(f"{path}[{i}]", f"expected {cls.__name__}, got {describe(item)}")
        if isinstance(item, str):
            problem = surrogate_problem(item)
            if problem is not None:
                raise fail(f"{path}[{i}]", problem)
