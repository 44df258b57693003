"""Articles as Arrow tables, and Arrow tables as articles.

:class:`TableBuilder` collects the rows of articles, column by column, and
turns them into one Arrow table per table of :data:`~claimkit.columnar.schema.SCHEMAS`;
:func:`to_arrow` and :func:`from_arrow` do it for whole collections in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyarrow as pa

from claimkit.columnar.errors import TableError, TableProblem
from claimkit.columnar.keys import actor_key
from claimkit.columnar.reading import READ_TABLES, Rows, assemble
from claimkit.columnar.rows import TEMPLATES, flatten
from claimkit.columnar.schema import SCHEMAS
from claimkit.model import Article

__all__ = ["TableBuilder", "check_schema", "from_arrow", "to_arrow"]


class TableBuilder:
    """The rows of articles, column by column, until :meth:`tables` takes them."""

    def __init__(self) -> None:
        self._columns = {name: _empty(schema) for name, schema in SCHEMAS.items()}
        self.articles = 0  # articles added since the last call of tables()

    def add(self, index: int, article: Article) -> None:
        """Add the rows of ``article``, the one at ``index`` of the file."""
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article, got {type(article).__name__}")
        key = (index, article.id)
        self._row("articles", key, article)
        for i, actor in enumerate(article.actors):
            self._row("actors", key, actor, actor_index=i, actor_key=actor_key(actor))
            for j, span in enumerate(actor.mentions):
                self._row("mentions", key, span, actor_id=actor.id, mention_index=j)
        for i, claim in enumerate(article.claims):
            self._row("claims", key, claim, claim_index=i)
            for j, quantity in enumerate(claim.quantities):
                self._row("quantities", key, quantity, claim_id=claim.id, quantity_index=j)
        for i, dispute in enumerate(article.disputes):
            self._row("disputes", key, dispute, dispute_index=i)
            for j, position in enumerate(dispute.positions):
                self._row("positions", key, position, dispute_id=dispute.id, position_index=j)
            pairs = self._columns["pairs"]
            for j, (a, b) in enumerate(dispute.disagreeing_pairs()):
                for column, value in zip(
                    SCHEMAS["pairs"].names, (index, article.id, dispute.id, j, a, b), strict=True
                ):
                    pairs[column].append(value)
        self.articles += 1

    def _row(self, table: str, key: tuple[int, str], obj: object, **extra: object) -> None:
        columns = self._columns[table]
        columns["article_index"].append(key[0])
        if table != "articles":  # whose template has the article's own id
            columns["article_id"].append(key[1])
        flatten(obj, TEMPLATES[table], columns)
        for column, value in extra.items():
            columns[column].append(value)

    def tables(self) -> dict[str, pa.Table]:
        """One Arrow table for each table name, and a fresh start."""
        built = {
            name: pa.Table.from_pydict(self._columns[name], schema=schema)
            for name, schema in SCHEMAS.items()
        }
        self._columns = {name: _empty(schema) for name, schema in SCHEMAS.items()}
        self.articles = 0
        return built


def _empty(schema: pa.Schema) -> dict[str, list[Any]]:
    return {name: [] for name in schema.names}


def to_arrow(articles: Iterable[Article]) -> dict[str, pa.Table]:
    """The tables of ``articles``, by table name, with the schemas of :data:`SCHEMAS`.

    >>> from claimkit import Article
    >>> tables = to_arrow([Article(id="a1", text="Nothing was said.")])
    >>> tables["articles"].column("article_id").to_pylist(), tables["claims"].num_rows
    (['a1'], 0)
    """
    builder = TableBuilder()
    for index, article in enumerate(articles):
        builder.add(index, article)
    return builder.tables()


def from_arrow(tables: Mapping[str, pa.Table]) -> Iterator[Article]:
    """The articles held by ``tables`` (as :func:`to_arrow` makes them), validated.

    Raises :class:`~claimkit.columnar.TableError` naming the table, row and
    column of every problem.
    """
    rows = {}
    for name in READ_TABLES:
        if name not in tables:
            problem = TableProblem(table=name, message="missing: articles need every table")
            raise TableError([problem])
        table = tables[name]
        check_schema(table.schema, name, None)
        batches = (batch.to_pylist() for batch in table.to_batches())
        rows[name] = Rows(name, None, batches)
    return assemble(rows)


def _same_kind(got: pa.DataType, expected: pa.DataType) -> bool:
    """Whether a column of type ``got`` reads as ``expected`` without conversion of values."""
    strings = (pa.string(), pa.large_string(), pa.string_view())
    if expected in strings:
        return got in strings
    if pa.types.is_list(expected) or pa.types.is_large_list(expected):
        return (pa.types.is_list(got) or pa.types.is_large_list(got)) and _same_kind(
            got.value_type, expected.value_type
        )
    return bool(got == expected)


def check_schema(schema: pa.Schema, table: str, source: str | None) -> None:
    """Raise :class:`TableError` unless ``schema`` has exactly the columns of ``table``."""
    expected = SCHEMAS[table]
    problems = []
    for field in expected:
        if field.name not in schema.names:
            message = f"missing column (expected {field.type})"
            problems.append(
                TableProblem(table=table, source=source, column=field.name, message=message)
            )
            continue
        got = schema.field(field.name).type
        if not _same_kind(got, field.type):
            message = f"expected {field.type}, got {got}"
            problems.append(
                TableProblem(table=table, source=source, column=field.name, message=message)
            )
    for name in schema.names:
        if name not in expected.names:
            message = f"unknown column (a {table} table has {', '.join(expected.names)})"
            problems.append(TableProblem(table=table, source=source, column=name, message=message))
    if problems:
        raise TableError(problems)
