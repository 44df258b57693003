"""Parquet files that are not what claimkit wrote: every problem names file, row and column."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import claimkit
from claimkit import columnar
from claimkit.readers import read_text_file


@pytest.fixture(scope="module")
def seed() -> claimkit.Article:
    source = read_text_file("seeds/idlib-2020-01-24.txt")
    return claimkit.extract(source.text, published=source.published)


@pytest.fixture
def corpus(tmp_path: Path, seed: claimkit.Article) -> Path:
    path = tmp_path / "corpus.parquet"
    columnar.write_parquet([seed, seed], path)
    return path


def rewrite(path: Path, table: str, column: str, change: dict[int, object]) -> None:
    file = columnar.table_path(path, table)
    data = pq.read_table(file)
    values = data.column(column).to_pylist()
    for row, value in change.items():
        values[row] = value
    index = data.schema.get_field_index(column)
    field = data.schema.field(index).with_nullable(True)
    pq.write_table(data.set_column(index, field, pa.array(values, field.type)), file)


def error_lines(path: Path) -> list[str]:
    with pytest.raises(columnar.TableError) as caught:
        list(columnar.read_parquet(path))
    assert isinstance(caught.value, claimkit.ClaimkitError)
    return [str(p).replace(str(path), "DIR") for p in caught.value.problems]


def test_a_value_that_breaks_the_model_names_its_row_and_column(corpus: Path) -> None:
    rewrite(corpus, "quantities", "hedge", {7: "roughly"})
    [line] = error_lines(corpus)
    assert line.startswith("DIR/quantities.parquet: row 7: hedge: ")
    assert "'roughly'" in line


def test_a_null_time_column_beside_a_time_is_refused(corpus: Path) -> None:
    rows = pq.read_table(columnar.table_path(corpus, "claims")).column("when_text").to_pylist()
    timed = rows.index(next(r for r in rows if r is not None))
    rewrite(corpus, "claims", "when_precision", {timed: None})
    assert error_lines(corpus) == [
        f"DIR/claims.parquet: row {timed}: when_precision: expected a string, got null"
    ]


def test_rows_out_of_order_and_orphans(corpus: Path) -> None:
    rewrite(corpus, "actors", "actor_index", {0: 1, 1: 0})
    lines = error_lines(corpus)
    assert lines[0].startswith("DIR/actors.parquet: row 0: actor_index: expected 0, got 1")
    rewrite(corpus, "actors", "actor_index", {0: 0, 1: 1})
    rewrite(corpus, "mentions", "article_index", {0: 7})
    assert error_lines(corpus)[0].startswith("DIR/mentions.parquet: row 0: article_index: ")


def test_a_quantity_of_no_claim(corpus: Path) -> None:
    rewrite(corpus, "quantities", "claim_id", {0: "c-nowhere"})
    article_id = pq.read_table(columnar.table_path(corpus, "articles"))["article_id"][0]
    assert (
        f"DIR/quantities.parquet: row 0: claim_id: no object of article {str(article_id)!r}"
        " has the id 'c-nowhere'"
    ) in error_lines(corpus)


def test_missing_unknown_and_mistyped_columns(corpus: Path) -> None:
    file = columnar.table_path(corpus, "disputes")
    data = pq.read_table(file)
    data = data.drop_columns(["note"]).append_column("colour", pa.array(["red"] * data.num_rows))
    data = data.set_column(data.schema.get_field_index("point"), "point", pa.array([1] * 4))
    pq.write_table(data, file)
    assert error_lines(corpus) == [
        "DIR/disputes.parquet: point: expected string, got int64",
        "DIR/disputes.parquet: note: missing column (expected string)",
        "DIR/disputes.parquet: colour: unknown column (a disputes table has article_index,"
        " article_id, dispute_index, dispute_id, kind, point, reason, note)",
    ]


def test_missing_file_not_parquet_and_not_a_directory(corpus: Path, tmp_path: Path) -> None:
    columnar.table_path(corpus, "positions").write_bytes(b"not parquet")
    [line] = error_lines(corpus)
    assert line.startswith("DIR/positions.parquet: not Parquet: ")
    columnar.table_path(corpus, "positions").unlink()
    assert error_lines(corpus) == ["DIR/positions.parquet: missing: articles need every table"]
    (tmp_path / "file").write_text("x")
    assert error_lines(tmp_path / "file") == ["DIR: not a directory of Parquet tables"]


def test_the_writer_flushes_row_groups_and_closes_on_error(
    tmp_path: Path, seed: claimkit.Article
) -> None:
    path = tmp_path / "out.parquet"
    writer = columnar.ParquetWriter(path, batch_size=2)

    def write_then_fail() -> None:
        with writer:
            for _ in range(5):
                writer.write(seed)
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert pq.ParquetFile(columnar.table_path(path, "articles")).num_row_groups == 3
    assert list(columnar.read_parquet(path)) == [seed] * 5
    with pytest.raises(ValueError, match="the writer is closed"):
        writer.write(seed)
    with pytest.raises(ValueError, match="batch_size must be a positive integer, got 0"):
        columnar.ParquetWriter(path, batch_size=0)
    with pytest.raises(TypeError, match="expected an Article, got str"):
        columnar.write_parquet(["text"], tmp_path / "bad.parquet")  # type: ignore[list-item]


def test_polars_and_duckdb_read_the_tables_as_written(corpus: Path, seed: claimkit.Article) -> None:
    import duckdb

    for table, schema in columnar.SCHEMAS.items():
        file = columnar.table_path(corpus, table)
        frame = pl.read_parquet(file)
        assert frame.columns == schema.names
        assert frame.height == pq.read_metadata(file).num_rows
        described = duckdb.execute(f"DESCRIBE SELECT * FROM read_parquet('{file}')").fetchall()
        assert [row[0] for row in described] == schema.names
    claims = pl.read_parquet(columnar.table_path(corpus, "claims"))
    assert claims["when_start"].dtype == pl.Date
    denials = sum(claim.polarity is claimkit.Polarity.DENY for claim in seed.claims)
    assert claims.filter(pl.col("polarity") == "deny").height == 2 * denials
