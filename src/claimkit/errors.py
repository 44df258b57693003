"""Errors that say where the problem is.

Every invalid value is reported as a :class:`Problem`: a JSON path such as
``$.claims[2].cue.span.end``, a message, and (for files) the source and line.
A :class:`ValidationError` carries all the problems of one document at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["InputError", "Problem", "ValidationError", "join_path"]


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


def join_path(prefix: str, suffix: str) -> str:
    """Append a relative JSON path (``$.a.b`` or ``$[2]``) to ``prefix``."""
    if suffix == "$":
        return prefix
    return prefix + suffix[1:]


class ValidationError(ValueError):
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


class InputError(ValueError):
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
