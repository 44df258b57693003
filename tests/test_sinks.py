"""Output sinks: a file or Parquet directory appears only when it is complete."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
from claimkit.sinks import SinkError, open_sink

SEED = Path(__file__).resolve().parents[1] / "seeds" / "idlib-2020-01-24.json"
ARTICLE = claimkit.from_json(SEED.read_bytes())


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonld", "out.parquet"])
def test_an_exception_in_the_block_leaves_the_earlier_output(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    if name.endswith(".parquet"):
        target.mkdir()
    else:
        target.write_bytes(b"earlier\n")
    before = sorted(p.name for p in tmp_path.rglob("*"))

    def stopped() -> None:
        with open_sink(str(target)) as sink:
            sink.write(ARTICLE)
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        stopped()
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    if not name.endswith(".parquet"):
        assert target.read_bytes() == b"earlier\n"


def test_the_output_appears_when_the_sink_is_closed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    sink = open_sink(str(target))
    sink.write(ARTICLE)
    assert not target.exists()  # still being written, under another name
    sink.close()
    assert list(claimkit.iter_jsonl(target.read_bytes().splitlines())) == [ARTICLE]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_discard_removes_what_was_written(tmp_path: Path) -> None:
    sink = open_sink(str(tmp_path / "out.parquet"))
    sink.write(ARTICLE)
    sink.discard()
    assert list(tmp_path.iterdir()) == []


def test_outputs_that_cannot_be_written_are_sink_errors(tmp_path: Path) -> None:
    (tmp_path / "dir.jsonl").mkdir()
    (tmp_path / "file.parquet").write_bytes(b"")
    with pytest.raises(SinkError, match=r"dir\.jsonl: cannot write: Is a directory"):
        open_sink(str(tmp_path / "dir.jsonl"))
    with pytest.raises(SinkError, match=r"file\.parquet: exists and is not a directory"):
        open_sink(str(tmp_path / "file.parquet"))
    with pytest.raises(SinkError, match=r"out\.jsonl: cannot write"):
        open_sink(str(tmp_path / "missing" / "out.jsonl"))
