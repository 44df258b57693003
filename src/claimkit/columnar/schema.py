"""The Arrow schema of each table: explicit, never inferred.

An article becomes one row of ``articles`` and rows of six more tables, one for
each kind of object it holds. Every row carries ``article_index`` (the position of
its article in the file, unique even when two articles are equal), ``article_id``
and its own id or position, so that the tables join. The columns of a nested
object are named by its path with ``_`` between the parts (``Claim.cue.span.start``
is ``cue_span_start``); an ``id`` is named after what it identifies (``claim_id``).
Enums are their string values, dates ``date32``, spans a start and an end column.

``pairs`` is derived (:meth:`claimkit.model.Dispute.disagreeing_pairs`), written
for queries and never read back. docs/columnar.md documents every column.
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

__all__ = [
    "ACTORS",
    "ARTICLES",
    "CLAIMS",
    "DISPUTES",
    "MENTIONS",
    "PAIRS",
    "POSITIONS",
    "QUANTITIES",
    "SCHEMAS",
    "TABLES",
    "TABLE_FORMAT",
]

#: Version of the tables' layout, stored in each file's metadata.
TABLE_FORMAT: Final = 1

_STR: Final = pa.string()
_INDEX: Final = pa.int32()
_OFFSET: Final = pa.int64()


def _required(name: str, kind: pa.DataType) -> pa.Field:
    return pa.field(name, kind, nullable=False)


def _optional(name: str, kind: pa.DataType) -> pa.Field:
    return pa.field(name, kind, nullable=True)


def _schema(table: str, *fields: pa.Field) -> pa.Schema:
    keys = (_required("article_index", pa.int64()), _required("article_id", _STR))
    metadata = {"claimkit.table": table, "claimkit.table_format": str(TABLE_FORMAT)}
    return pa.schema([*keys, *fields], metadata=metadata)


ARTICLES: Final = _schema(
    "articles",
    # large_string: a batch of long texts may pass the 2 GiB of a string column.
    _required("text", pa.large_string()),
    _optional("published", pa.date32()),
    _optional("title", _STR),
    _optional("source", _STR),
    _optional("url", _STR),
    _required("language", _STR),
    _required("format_version", pa.int64()),
)

ACTORS: Final = _schema(
    "actors",
    _required("actor_index", _INDEX),
    _required("actor_id", _STR),
    _optional("actor_key", _STR),
    _required("name", _STR),
    _required("kind", _STR),
    _required("aliases", pa.list_(pa.field("item", _STR, nullable=False))),
    _optional("role", _STR),
    _optional("affiliation", _STR),
)

MENTIONS: Final = _schema(
    "mentions",
    _required("actor_id", _STR),
    _required("mention_index", _INDEX),
    _required("span_start", _OFFSET),
    _required("span_end", _OFFSET),
)

CLAIMS: Final = _schema(
    "claims",
    _required("claim_index", _INDEX),
    _required("claim_id", _STR),
    _required("speaker", _STR),
    _required("cue_text", _STR),
    _required("cue_span_start", _OFFSET),
    _required("cue_span_end", _OFFSET),
    _required("content_text", _STR),
    _required("content_span_start", _OFFSET),
    _required("content_span_end", _OFFSET),
    _required("mode", _STR),
    _required("polarity", _STR),
    _required("hedged", pa.bool_()),
    _optional("when_text", _STR),
    _optional("when_span_start", _OFFSET),
    _optional("when_span_end", _OFFSET),
    _optional("when_precision", _STR),
    _optional("when_start", pa.date32()),
    _optional("when_end", pa.date32()),
    _optional("confidence", pa.float64()),
    _optional("extractor_name", _STR),
    _optional("extractor_version", _STR),
    _optional("extractor_rule", _STR),
)

QUANTITIES: Final = _schema(
    "quantities",
    _required("claim_id", _STR),
    _required("quantity_index", _INDEX),
    _required("text", _STR),
    _required("span_start", _OFFSET),
    _required("span_end", _OFFSET),
    _required("hedge", _STR),
    _optional("low", pa.float64()),
    _optional("high", pa.float64()),
    _optional("counted", _STR),
    _optional("event", _STR),
)

DISPUTES: Final = _schema(
    "disputes",
    _required("dispute_index", _INDEX),
    _required("dispute_id", _STR),
    _required("kind", _STR),
    _required("point", _STR),
    _optional("reason", _STR),
    _optional("note", _STR),
)

POSITIONS: Final = _schema(
    "positions",
    _required("dispute_id", _STR),
    _required("position_index", _INDEX),
    _required("claim_id", _STR),
    _required("stance", _STR),
    _optional("account", pa.int64()),
)

PAIRS: Final = _schema(
    "pairs",
    _required("dispute_id", _STR),
    _required("pair_index", _INDEX),
    _required("claim_a", _STR),
    _required("claim_b", _STR),
)

#: Every table's schema by name, in the order the tables are written.
SCHEMAS: Final[dict[str, pa.Schema]] = {
    "articles": ARTICLES,
    "actors": ACTORS,
    "mentions": MENTIONS,
    "claims": CLAIMS,
    "quantities": QUANTITIES,
    "disputes": DISPUTES,
    "positions": POSITIONS,
    "pairs": PAIRS,
}

#: The table names, in the order the tables are written.
TABLES: Final = tuple(SCHEMAS)
