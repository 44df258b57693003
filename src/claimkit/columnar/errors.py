"""Errors of the columnar readers: which file, which table, which row, which column."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimkit.errors import ClaimkitError

__all__ = ["TableError", "TableProblem"]


@attrs.frozen(kw_only=True)
class TableProblem:
    """One thing wrong in a table.

    ``source`` is the file (None for an in-memory Arrow table), ``row`` the
    0-based row in that table (as DuckDB's ``file_row_number`` counts), and
    ``column`` the column, or columns, that hold the bad value.
    """

    table: str
    message: str
    source: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.source if self.source is not None else f"table {self.table}"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(self.column)
        parts.append(self.message)
        return ": ".join(parts)


class TableError(ClaimkitError):
    """Tables that do not hold valid claimkit articles; ``problems`` says where.

    The string form has one problem a line.
    """

    problems: tuple[TableProblem, ...]

    def __init__(self, problems: Iterable[TableProblem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a TableError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))
