"""Columnar storage: articles as Arrow tables and Parquet files, for DuckDB and Polars.

An article is one row of ``articles`` and rows of ``actors``, ``mentions``,
``claims``, ``quantities``, ``disputes``, ``positions`` and ``pairs``, each with
an explicit schema (:data:`SCHEMAS`, documented column by column in
docs/columnar.md). Every row carries ``article_index`` and ``article_id`` and its
own id or position, so the tables join; actors also carry a corpus-wide
``actor_key`` (:func:`actor_key`). Reading builds and validates the model again:
what is written is read back equal.

This package needs pyarrow: ``pip install 'claimkit[arrow]'``.
"""

from __future__ import annotations

try:
    import pyarrow  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("claimkit.columnar needs pyarrow: pip install 'claimkit[arrow]'") from error

from claimkit.columnar.errors import TableError, TableProblem
from claimkit.columnar.keys import actor_key
from claimkit.columnar.parquet import (
    BATCH_SIZE,
    ParquetWriter,
    read_parquet,
    table_path,
    write_parquet,
)
from claimkit.columnar.schema import SCHEMAS, TABLE_FORMAT, TABLES
from claimkit.columnar.tables import from_arrow, to_arrow

__all__ = [
    "BATCH_SIZE",
    "SCHEMAS",
    "TABLES",
    "TABLE_FORMAT",
    "ParquetWriter",
    "TableError",
    "TableProblem",
    "actor_key",
    "from_arrow",
    "read_parquet",
    "table_path",
    "to_arrow",
    "write_parquet",
]
