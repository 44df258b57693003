"""Articles in Parquet: a directory with one file per table, written and read as streams.

``corpus.parquet/`` holds ``articles.parquet``, ``actors.parquet``,
``mentions.parquet``, ``claims.parquet``, ``quantities.parquet``,
``disputes.parquet``, ``positions.parquet`` and ``pairs.parquet``: each is one
table that DuckDB (``read_parquet('corpus.parquet/claims.parquet')``), Polars and
pyarrow read as it is. Every ``batch_size`` articles, each file gets one row group.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import pyarrow as pa
import pyarrow.parquet as pq

from claimkit.columnar.errors import TableError, TableProblem
from claimkit.columnar.reading import READ_TABLES, Rows, assemble
from claimkit.columnar.schema import SCHEMAS
from claimkit.columnar.tables import TableBuilder, check_schema
from claimkit.model import Article

__all__ = ["BATCH_SIZE", "ParquetWriter", "read_parquet", "table_path", "write_parquet"]

#: Articles per row group, unless told otherwise.
BATCH_SIZE: Final = 1000
# zstd: about a third smaller than snappy on article text; DuckDB and Polars read both.
_COMPRESSION: Final = "zstd"


def table_path(path: str | os.PathLike[str], table: str) -> Path:
    """The file of ``table`` in the directory ``path``: ``path/table.parquet``."""
    return Path(path) / f"{table}.parquet"


class ParquetWriter:
    """Write articles to the Parquet directory ``path`` as they come, in bounded memory.

    The directory is made if needed, and its table files are replaced. Rows are
    held until ``batch_size`` articles have come, then written as one row group
    of each file; :meth:`close` (or leaving the ``with`` block, even on an error)
    writes the rest and closes the files, which are then complete.

    >>> import tempfile
    >>> from claimkit import Article
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with ParquetWriter(f"{tmp}/corpus.parquet") as writer:
    ...         writer.write(Article(text="Nothing was said."))
    ...     [article.text for article in read_parquet(f"{tmp}/corpus.parquet")]
    ['Nothing was said.']
    """

    def __init__(self, path: str | os.PathLike[str], *, batch_size: int = BATCH_SIZE) -> None:
        if type(batch_size) is not int or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise FileExistsError(f"{self.path}: exists and is not a directory")
        self.path.mkdir(parents=True, exist_ok=True)
        self._batch_size = batch_size
        self._builder = TableBuilder()
        self._writers: dict[str, pq.ParquetWriter] = {
            name: pq.ParquetWriter(table_path(self.path, name), schema, compression=_COMPRESSION)
            for name, schema in SCHEMAS.items()
        }
        self._closed = False
        self.written = 0  #: articles written so far

    def write(self, article: Article) -> None:
        """Add one article; a row group is written every ``batch_size`` articles."""
        if self._closed:
            raise ValueError(f"{self.path}: the writer is closed")
        self._builder.add(self.written, article)
        self.written += 1
        if self._builder.articles >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        for name, table in self._builder.tables().items():
            if table.num_rows:
                self._writers[name].write_table(table, row_group_size=table.num_rows)

    def close(self) -> None:
        """Write the articles still held and close every file (again is a no-op)."""
        if self._closed:
            return
        self._closed = True
        try:
            self._flush()
        finally:
            for writer in self._writers.values():
                writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def write_parquet(
    articles: Iterable[Article], path: str | os.PathLike[str], *, batch_size: int = BATCH_SIZE
) -> int:
    """Write ``articles`` to the Parquet directory ``path``; the number written."""
    with ParquetWriter(path, batch_size=batch_size) as writer:
        for article in articles:
            writer.write(article)
    return writer.written


def read_parquet(
    path: str | os.PathLike[str], *, batch_size: int = BATCH_SIZE
) -> Iterator[Article]:
    """The articles of the Parquet directory ``path``, read ``batch_size`` rows at a time.

    Each article is built and validated like one read from JSON. A file that is
    missing, not Parquet, or with other columns, and a row that breaks a rule of
    the model, raise :class:`~claimkit.columnar.TableError` naming the file, the
    row and the column.
    """
    directory = Path(path)
    if not directory.is_dir():
        problem = TableProblem(
            table="articles", source=str(directory), message="not a directory of Parquet tables"
        )
        raise TableError([problem])
    rows = {}
    for name in READ_TABLES:
        file = table_path(directory, name)
        rows[name] = Rows(name, str(file), _batches(file, name, batch_size))
    return assemble(rows)


def _open(file: Path, table: str) -> pq.ParquetFile:
    source = str(file)
    if not file.is_file():
        problem = TableProblem(
            table=table, source=source, message="missing: articles need every table"
        )
        raise TableError([problem])
    try:
        parquet = pq.ParquetFile(file)
    except (OSError, pa.ArrowException) as error:
        raise TableError(
            [TableProblem(table=table, source=source, message=f"not Parquet: {error}")]
        ) from None
    check_schema(parquet.schema_arrow, table, source)
    return parquet


def _batches(file: Path, table: str, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    parquet = _open(file, table)
    batches = parquet.iter_batches(batch_size=batch_size, columns=SCHEMAS[table].names)
    while True:
        try:
            batch = next(batches, None)
        except (OSError, pa.ArrowException) as error:
            problem = TableProblem(table=table, source=str(file), message=f"unreadable: {error}")
            raise TableError([problem]) from None
        if batch is None:
            return
        yield batch.to_pylist()
