"""Errors that say where the problem is.

Every invalid value is reported as a :class:`Problem`: a JSON path such as
``$.claims[2].cue.span.end``, a message, and (for files) the source and line.
A :class:`ValidationError` carries all the problems of one document at once.

Every error that claimkit raises on purpose is a :class:`ClaimkitError` (itself
a ``ValueError``): :class:`ValidationError` when a value breaks a rule of the
model, :class:`InputError` when input cannot be read at all (its subclasses
:class:`DecodeError` for JSON and :class:`ReadError` for text, also importable
from :mod:`claimkit.serialize` and :mod:`claimkit.readers`). Catching
``ClaimkitError`` catches every documented error of the readers, the
serializers and the model; nothing else escapes them for any input.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "ClaimkitError",
    "DecodeError",
    "InputError",
    "Problem",
    "ReadError",
    "ValidationError",
    "join_path",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with one value.

    ``path`` is a JSON path from the document root (``$`` alone for the root).
    ``line`` is the 1-based line of a JSON Lines file, when the value came from one.
    """

    path: str
    message: str
    source: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = f"{self.source}:"
            if self.line is not None:
                where += f"{self.line}:"
            where += " "
        return f"{where}{self.path}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """A plain dict for machine-readable error reports."""
        return {
            "source": self.source,
            "line": self.line,
            "path": self.path,
            "message": self.message,
        }


class ClaimkitError(ValueError):
    """The base class of every error that claimkit raises on purpose.

    Its subclasses are :class:`ValidationError` (a value breaks a rule of the
    model) and :class:`InputError` (input that cannot be read at all).
    """


def join_path(prefix: str, suffix: str) -> str:
    """Append a relative JSON path (``$.a.b`` or ``$[2]``) to ``prefix``."""
    if suffix == "$":
        return prefix
    return prefix + suffix[1:]


class ValidationError(ClaimkitError):
    """A value, or a document, broke one or more rules of the claimkit model.

    ``problems`` holds every problem found, each with its path. The string form
    has one problem a line.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """A validation error with a single problem at ``path``."""
        return cls([Problem(path=path, message=message)])

    def located(
        self, *, prefix: str = "$", source: str | None = None, line: int | None = None
    ) -> ValidationError:
        """The same problems below ``prefix``, attributed to ``source`` and ``line``."""
        return ValidationError(
            attrs.evolve(
                p,
                path=join_path(prefix, p.path),
                source=source if source is not None else p.source,
                line=line if line is not None else p.line,
            )
            for p in self.problems
        )


class InputError(ClaimkitError):
    """Input that cannot be read at all: says which source, which line and why.

    Unlike :class:`ValidationError`, this means the input could not be read,
    not that it broke a rule of the model.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        where = ""
        if source is not None:
            where = f"{source}:{line}: " if line is not None else f"{source}: "
        super().__init__(where + message)


class DecodeError(InputError):
    """Input that is not a JSON document at all (bad syntax, not UTF-8, duplicate keys,
    ``NaN``, nesting deeper than any claimkit document).

    Unlike :class:`ValidationError`, this means the input could not be read,
    not that it broke a rule of the model.
    """


class ReadError(InputError):
    """Text that cannot be read as an article (bad header, impossible date, no body,
    not UTF-8): says which file, which line and why."""
