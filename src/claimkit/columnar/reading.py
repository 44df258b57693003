"""Articles from the rows of their tables, read in step, one article at a time.

Every table is sorted by ``article_index`` as ``articles`` is, so the rows of
one article are read from each table together and memory holds one batch of
each table. The rows become the serialized form of the article, which the
reference converter (:func:`claimkit.from_dict`) builds strictly; each problem
it reports is traced back to its table, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from claimkit.columnar.errors import TableError, TableProblem
from claimkit.columnar.rows import CHILDREN, TEMPLATES, Child, Template, columns_of, unflatten
from claimkit.errors import ValidationError
from claimkit.model import Article
from claimkit.serialize import from_dict

__all__ = ["Rows", "assemble"]

#: The tables an article is read from (``pairs`` is derived and never read).
READ_TABLES: Final = (
    "articles",
    "actors",
    "mentions",
    "claims",
    "quantities",
    "disputes",
    "positions",
)

_SEGMENT: Final = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


class Rows:
    """The rows of one table, in order, as dicts, from batches read one at a time.

    ``batches`` yields lists of rows; it raises :class:`TableError` (naming
    ``source``) for a file that cannot be read.
    """

    def __init__(
        self,
        table: str,
        source: str | None,
        batches: Iterator[list[dict[str, Any]]],
    ) -> None:
        self.table, self.source = table, source
        self._batches = batches
        self._rows: list[dict[str, Any]] = []
        self._pos = 0
        self.row = 0  # the number of the next row in the table

    def problem(self, row: int | None, column: str | None, message: str) -> TableProblem:
        return TableProblem(
            table=self.table, source=self.source, row=row, column=column, message=message
        )

    def peek(self) -> dict[str, Any] | None:
        """The next row, or None at the end of the table."""
        while self._pos >= len(self._rows):
            batch = next(self._batches, None)
            if batch is None:
                return None
            self._rows, self._pos = batch, 0
        return self._rows[self._pos]

    def pop(self) -> tuple[int, dict[str, Any]]:
        """The next row (there must be one) and its number."""
        row = self.peek()
        assert row is not None
        self._pos += 1
        self.row += 1
        return self.row - 1, row

    def take(self, article_index: int) -> list[tuple[int, dict[str, Any]]]:
        """The rows of the article at ``article_index``, which come next, with their numbers."""
        taken: list[tuple[int, dict[str, Any]]] = []
        while (row := self.peek()) is not None:
            index = row["article_index"]
            if type(index) is not int:
                raise TableError([self.problem(self.row, "article_index", _not_int(index))])
            if index > article_index:
                break
            if index < article_index:
                raise TableError([self.problem(self.row, "article_index", _orphan(index))])
            taken.append(self.pop())
        return taken


def _not_int(value: object) -> str:
    return f"expected an integer, got {value!r}"


def _orphan(index: int) -> str:
    return (
        f"no article has article_index {index} (the rows of every table follow"
        " articles.parquet: by article_index, ascending)"
    )


def assemble(tables: Mapping[str, Rows]) -> Iterator[Article]:
    """The articles of ``tables`` (one :class:`Rows` for each of :data:`READ_TABLES`)."""
    articles = tables["articles"]
    previous: int | None = None
    while articles.peek() is not None:
        number, row = articles.pop()
        index = row["article_index"]
        if type(index) is not int:
            raise TableError([articles.problem(number, "article_index", _not_int(index))])
        if previous is not None and index <= previous:
            message = f"must ascend: {index} comes after {previous}"
            raise TableError([articles.problem(number, "article_index", message)])
        previous = index
        yield _Article(tables, index, number, row).build()
    for name in READ_TABLES[1:]:
        rest = tables[name]
        left = rest.peek()
        if left is not None:
            index = left["article_index"]
            message = _orphan(index) if type(index) is int else _not_int(index)
            raise TableError([rest.problem(rest.row, "article_index", message)])


class _Article:
    """The rows of one article, and where each part of its serialized form came from."""

    def __init__(
        self, tables: Mapping[str, Rows], index: int, number: int, row: dict[str, Any]
    ) -> None:
        self.tables = tables
        self.index = index
        self.article_id = row["article_id"]
        self.row = row
        self.problems: list[TableProblem] = []
        # JSON path of each object -> (table, row number)
        self.where: dict[str, tuple[str, int]] = {"$": ("articles", number)}
        # Rows below the article's children, by table and by the id of the object holding them.
        self.owned: dict[str, dict[object, list[tuple[int, dict[str, Any]]]]] = {}

    def build(self) -> Article:
        data = unflatten(self.row, TEMPLATES["articles"]) or dict.fromkeys(TEMPLATES["articles"])
        for child in CHILDREN["articles"]:
            rows = self.tables[child.table].take(self.index)
            for grand in CHILDREN.get(child.table, ()):
                self._own(grand)
            data[child.field] = self._items(child, rows, "$", "article")
        for table, groups in self.owned.items():
            source = self.tables[table]
            for owner, found in groups.items():
                for number, _ in found:
                    message = f"no object of article {self.article_id!r} has the id {owner!r}"
                    self.problems.append(source.problem(number, _owner_column(table), message))
        if self.problems:
            raise TableError(self.problems)
        try:
            return from_dict(data)
        except ValidationError as error:
            raise TableError(self._locate(p.path, p.message) for p in error.problems) from None

    def _own(self, child: Child) -> None:
        groups: dict[object, list[tuple[int, dict[str, Any]]]] = {}
        assert child.owner is not None
        for number, row in self.tables[child.table].take(self.index):
            groups.setdefault(row[child.owner], []).append((number, row))
        self.owned[child.table] = groups

    def _items(
        self, child: Child, rows: list[tuple[int, dict[str, Any]]], prefix: str, owner: str
    ) -> list[dict[str, Any]]:
        table = self.tables[child.table]
        items = []
        for position, (number, row) in enumerate(rows):
            if row["article_id"] != self.article_id:
                message = f"expected {self.article_id!r}, the id of article_index {self.index}"
                self.problems.append(table.problem(number, "article_id", message))
            if row[child.index] != position:
                message = (
                    f"expected {position}, got {row[child.index]!r}: the rows of one {owner}"
                    " are in the order of its list, from 0"
                )
                self.problems.append(table.problem(number, child.index, message))
            path = f"{prefix}.{child.field}[{position}]"
            self.where[path] = (child.table, number)
            item = unflatten(row, TEMPLATES[child.table]) or dict.fromkeys(TEMPLATES[child.table])
            for grand in CHILDREN.get(child.table, ()):
                assert grand.owner is not None
                found = self.owned[grand.table].pop(row[grand.owner], [])
                item[grand.field] = self._items(grand, found, path, child.table[:-1])
            items.append(item)
        return items

    def _locate(self, path: str, message: str) -> TableProblem:
        """The table, row and column of the value at ``path`` of the serialized article."""
        prefix = path
        while prefix not in self.where:
            cut = max(prefix.rfind("."), prefix.rfind("["))
            prefix = prefix[:cut] if cut > 0 else "$"
        table, number = self.where[prefix]
        column = _column(table, path[len(prefix) :])
        rows = self.tables[table]
        return rows.problem(number, column, message)


def _owner_column(table: str) -> str:
    for children in CHILDREN.values():
        for child in children:
            if child.table == table and child.owner is not None:
                return child.owner
    raise KeyError(table)


def _column(table: str, rest: str) -> str | None:
    """The column, or columns, of ``table`` that hold the value at the relative path ``rest``."""
    node: str | Template = TEMPLATES[table]
    suffix = ""
    for name, index in _SEGMENT.findall(rest):
        if isinstance(node, str) or not name:
            suffix += f"[{index}]" if index else f".{name}"
            continue
        if name not in node:
            return ", ".join(columns_of(node)) if node is not TEMPLATES[table] else None
        node = node[name]
    if isinstance(node, str):
        return node + suffix
    return None if node is TEMPLATES[table] else ", ".join(columns_of(node))
