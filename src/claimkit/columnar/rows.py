"""Where each field of the model goes: templates from fields to columns, both ways.

A template maps the fields of one model class to the columns of its table: a
column name, or the template of a nested object (whose columns are all null
when the object is None). A list of objects (an article's claims, a claim's
quantities) is a table of its own (:data:`CHILDREN`), with the position of each
object in its list and, below the article, the id of the object it belongs to.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

__all__ = [
    "CHILDREN",
    "TEMPLATES",
    "Child",
    "Template",
    "columns_of",
    "flatten",
    "unflatten",
]

#: Model field -> column name, or the template of a nested object.
Template: TypeAlias = Mapping[str, "str | Template"]

_SPAN: Final[Template] = {"start": "span_start", "end": "span_end"}


def _excerpt(prefix: str) -> Template:
    return {
        "text": f"{prefix}_text",
        "span": {"start": f"{prefix}_span_start", "end": f"{prefix}_span_end"},
    }


#: The template of each table's objects.
TEMPLATES: Final[dict[str, Template]] = {
    "articles": {
        "id": "article_id",
        "text": "text",
        "published": "published",
        "title": "title",
        "source": "source",
        "url": "url",
        "language": "language",
        "format_version": "format_version",
    },
    "actors": {
        "id": "actor_id",
        "name": "name",
        "kind": "kind",
        "aliases": "aliases",
        "role": "role",
        "affiliation": "affiliation",
    },
    "mentions": _SPAN,
    "claims": {
        "id": "claim_id",
        "speaker": "speaker",
        "cue": _excerpt("cue"),
        "content": _excerpt("content"),
        "mode": "mode",
        "polarity": "polarity",
        "hedged": "hedged",
        "when": {
            **_excerpt("when"),
            "precision": "when_precision",
            "start": "when_start",
            "end": "when_end",
        },
        "confidence": "confidence",
        "extractor": {
            "name": "extractor_name",
            "version": "extractor_version",
            "rule": "extractor_rule",
        },
    },
    "quantities": {
        "text": "text",
        "span": _SPAN,
        "hedge": "hedge",
        "low": "low",
        "high": "high",
        "counted": "counted",
        "event": "event",
    },
    "disputes": {
        "id": "dispute_id",
        "kind": "kind",
        "point": "point",
        "reason": "reason",
        "note": "note",
    },
    "positions": {"claim": "claim_id", "stance": "stance", "account": "account"},
}


class Child:
    """A list field stored as a table: ``field`` of ``parent`` goes to ``table``.

    ``index`` is the column of each object's position in its list; ``owner``,
    for lists below the article, the column of the id of the object holding it.
    """

    __slots__ = ("field", "index", "owner", "table")

    def __init__(self, field: str, table: str, index: str, owner: str | None = None) -> None:
        self.field, self.table, self.index, self.owner = field, table, index, owner


#: The list fields of each table's objects, each stored in a table of its own.
CHILDREN: Final[dict[str, tuple[Child, ...]]] = {
    "articles": (
        Child("actors", "actors", "actor_index"),
        Child("claims", "claims", "claim_index"),
        Child("disputes", "disputes", "dispute_index"),
    ),
    "actors": (Child("mentions", "mentions", "mention_index", owner="actor_id"),),
    "claims": (Child("quantities", "quantities", "quantity_index", owner="claim_id"),),
    "disputes": (Child("positions", "positions", "position_index", owner="dispute_id"),),
}


def columns_of(template: Template) -> list[str]:
    """Every column a template fills, in order."""
    found: list[str] = []
    for column in template.values():
        found.extend([column] if isinstance(column, str) else columns_of(column))
    return found


def flatten(obj: object, template: Template, out: Mapping[str, list[Any]]) -> None:
    """Append the columns of ``obj`` (None for a missing nested object) to ``out``."""
    for field, column in template.items():
        value = None if obj is None else getattr(obj, field)
        if not isinstance(column, str):
            flatten(value, column, out)
        elif isinstance(value, enum.Enum):
            out[column].append(value.value)
        elif isinstance(value, tuple):
            out[column].append(list(value))
        else:
            out[column].append(value)


def unflatten(row: Mapping[str, Any], template: Template) -> dict[str, Any] | None:
    """The serialized form (as :func:`claimkit.to_dict` writes it) of one row's object.

    A nested object whose columns are all null is None; one with some null
    columns keeps them, for the converter to name.
    """
    result: dict[str, Any] = {}
    present = False
    for field, column in template.items():
        if isinstance(column, str):
            value = row[column]
            if isinstance(value, datetime.date):
                value = value.isoformat()
        else:
            value = unflatten(row, column)
        present = present or value is not None
        result[field] = value
    return result if present else None
