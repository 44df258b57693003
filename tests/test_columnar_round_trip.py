"""Property: articles written as Arrow tables or Parquet files read back equal."""

from __future__ import annotations

import tempfile

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit import Article, columnar
from claimkit.strategies import articles

CORPORA = st.lists(articles(max_claims=4), max_size=4)


@given(CORPORA)
def test_arrow_tables_read_back_equal(corpus: list[Article]) -> None:
    back = list(columnar.from_arrow(columnar.to_arrow(corpus)))
    assert back == corpus
    for old, new in zip(corpus, back, strict=True):
        # Equality does not see the type of a bound (40 == 40.0): it must be a number
        # equal to the original, and the optional strings keep None apart from "".
        for old_claim, new_claim in zip(old.claims, new.claims, strict=True):
            for q_old, q_new in zip(old_claim.quantities, new_claim.quantities, strict=True):
                assert (q_new.low, q_new.high) == (q_old.low, q_old.high)
                assert (q_new.counted is None) == (q_old.counted is None)
        assert (new.title is None) == (old.title is None)


# Eight files written and read per example: fewer examples than the profile's.
@settings(max_examples=100)
@given(CORPORA, st.integers(min_value=1, max_value=3), st.integers(min_value=1, max_value=4))
def test_parquet_reads_back_equal_across_row_groups(
    corpus: list[Article], batch_size: int, read_batch: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/corpus.parquet"
        assert columnar.write_parquet(corpus, path, batch_size=batch_size) == len(corpus)
        assert list(columnar.read_parquet(path, batch_size=read_batch)) == corpus


@given(articles())
def test_a_second_write_of_what_was_read_is_the_same_tables(article: Article) -> None:
    tables = columnar.to_arrow([article])
    again = columnar.to_arrow(columnar.from_arrow(tables))
    assert all(again[name].equals(tables[name]) for name in columnar.TABLES)
