"""The tables carry every field of the model, with the type and nullability it has.

The expected columns are derived here from ``attrs.fields`` and the type hints of
the model, independently of claimkit.columnar: a field added to a model class
fails these tests until the tables carry it.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pytest

from claimkit import columnar
from claimkit._convert import MODEL_CLASSES
from claimkit.columnar.rows import CHILDREN, TEMPLATES
from claimkit.model import Actor, Article, Claim, Dispute, Position, Quantity, Span

# The model class whose objects are the rows of each table (pairs is derived).
ROW_CLASS = {
    "articles": Article,
    "actors": Actor,
    "mentions": Span,
    "claims": Claim,
    "quantities": Quantity,
    "disputes": Dispute,
    "positions": Position,
}
# Columns that are not fields: where a row is, and what it belongs to.
KEY_COLUMNS = {
    "articles": {"article_index"},
    "actors": {"article_index", "article_id", "actor_index", "actor_key"},
    "mentions": {"article_index", "article_id", "actor_id", "mention_index"},
    "claims": {"article_index", "article_id", "claim_index"},
    "quantities": {"article_index", "article_id", "claim_id", "quantity_index"},
    "disputes": {"article_index", "article_id", "dispute_index"},
    "positions": {"article_index", "article_id", "dispute_id", "position_index"},
}
ARROW_OF: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    datetime.date: pa.date32(),
}


def fields_of(cls: type) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(cls) if not f.name.startswith("_")]


def unwrap(hint: Any) -> tuple[Any, bool]:
    """The type inside an optional hint, and whether it was optional."""
    hint = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        assert len(args) == 1
        return unwrap(args[0])[0], True
    return hint, False


def expected_columns(
    cls: type, template: Any, *, optional: bool = False
) -> dict[str, tuple[Any, bool]]:
    """Column -> (field type, nullable) for every field of ``cls`` that ``template`` holds."""
    hints = typing.get_type_hints(cls, include_extras=True)
    found: dict[str, tuple[Any, bool]] = {}
    for field in fields_of(cls):
        hint, nullable = unwrap(hints[field.name])
        if field.name not in template:
            continue
        column = template[field.name]
        if attrs.has(hint):
            found.update(expected_columns(hint, column, optional=optional or nullable))
        else:
            found[column] = (hint, optional or nullable)
    return found


def arrow_type(hint: Any) -> pa.DataType:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return pa.string()
    if typing.get_origin(hint) is tuple:
        return pa.list_(pa.field("item", ARROW_OF[typing.get_args(hint)[0]], nullable=False))
    return ARROW_OF[hint]


@pytest.mark.parametrize("table", list(ROW_CLASS))
def test_every_field_of_the_row_class_is_a_column_or_a_table(table: str) -> None:
    cls = ROW_CLASS[table]
    children = {child.field for child in CHILDREN.get(table, ())}
    carried = set(TEMPLATES[table]) | children
    assert carried == {f.name for f in fields_of(cls)}


@pytest.mark.parametrize("table", list(ROW_CLASS))
def test_nested_objects_carry_every_field(table: str) -> None:
    def check(cls: type, template: Any) -> None:
        hints = typing.get_type_hints(cls, include_extras=True)
        assert set(template) <= {f.name for f in fields_of(cls)}
        for name, column in template.items():
            hint, _ = unwrap(hints[name])
            if isinstance(column, dict):
                assert attrs.has(hint)
                assert set(column) == {f.name for f in fields_of(hint)}, (cls, name)
                check(hint, column)

    check(ROW_CLASS[table], TEMPLATES[table])


def test_every_model_class_is_stored_somewhere() -> None:
    stored: set[type] = set()

    def walk(cls: type, template: Any) -> None:
        stored.add(cls)
        hints = typing.get_type_hints(cls, include_extras=True)
        for name, column in template.items():
            if isinstance(column, dict):
                walk(unwrap(hints[name])[0], column)

    for table, cls in ROW_CLASS.items():
        walk(cls, TEMPLATES[table])
    assert stored == set(MODEL_CLASSES)


@pytest.mark.parametrize("table", list(ROW_CLASS))
def test_columns_have_the_type_and_nullability_of_their_fields(table: str) -> None:
    schema = columnar.SCHEMAS[table]
    expected = expected_columns(ROW_CLASS[table], TEMPLATES[table])
    assert set(schema.names) == set(expected) | KEY_COLUMNS[table]
    for column, (hint, nullable) in expected.items():
        field = schema.field(column)
        wanted = arrow_type(hint)
        if column == "text" and table == "articles":
            wanted = pa.large_string()  # see the schema: long texts
        assert field.type == wanted, column
        assert field.nullable is nullable, column


def test_every_row_carries_its_article() -> None:
    for table, schema in columnar.SCHEMAS.items():
        assert schema.names[:2] == ["article_index", "article_id"], table
        assert not schema.field("article_index").nullable
        assert not schema.field("article_id").nullable
        assert schema.metadata[b"claimkit.table"] == table.encode()


DOCS = Path(__file__).parent.parent / "docs" / "columnar.md"
ROW = re.compile(r"^\| `(\w+)` \| `([^`]+)` \| (yes|no) \|", re.MULTILINE)


def documented() -> dict[str, list[tuple[str, str, bool]]]:
    """The column tables of docs/columnar.md, by the table named in the heading above."""
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for section in re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        title = section.split("\n", 1)[0]
        match = re.match(r"`(\w+)\.parquet`", title)
        if match:
            rows = ROW.findall(section)
            found[match[1]] = [(n, t, nullable == "yes") for n, t, nullable in rows]
    return found


def test_the_docs_document_every_column_with_its_type_and_nullability() -> None:
    docs = documented()
    assert set(docs) == set(columnar.TABLES)
    for table, schema in columnar.SCHEMAS.items():
        assert docs[table] == [(f.name, str(f.type), f.nullable) for f in schema], table
