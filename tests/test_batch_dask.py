"""claimkit.dask on Dask's local schedulers gives what the serial batch gives."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import dask.bag as db
import pytest

import claimkit
from claimkit.batch import BatchError, Failed, extract_batch
from claimkit.dask import articles, extract_bag, extract_texts, write_partitions
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
SEED_JSON = ROOT / "seeds" / "idlib-2020-01-24.json"


def _inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "bad.txt").write_bytes(b"date 2020-02-30 Russia said nothing.")
    good = json.dumps(json.loads(SEED_JSON.read_bytes()))
    (tmp_path / "two.jsonl").write_text(f"{good}\n{good}\n")
    return [
        str(GOLD / "00*.txt"),
        str(tmp_path / "bad.txt"),
        str(tmp_path / "two.jsonl"),
        str(tmp_path / "no-such-*.txt"),
        str(GOLD / "01*.txt"),
    ]


@pytest.mark.parametrize(
    "compute",
    [{"scheduler": "sync"}, {"scheduler": "threads"}, {"scheduler": "processes", "num_workers": 2}],
)
def test_the_bag_holds_the_serial_results(tmp_path: Path, compute: dict[str, object]) -> None:
    inputs = _inputs(tmp_path)
    serial = list(extract_batch(inputs, keep_going=True))
    bag = extract_bag(inputs, partition_size=3)
    assert bag.npartitions > 2
    assert bag.compute(**compute) == serial
    assert sum(isinstance(result, Failed) for result in serial) == 2


def test_texts_extracted_in_a_bag(tmp_path: Path) -> None:
    seeds = [read_text_file(str(path)) for path in sorted(GOLD.glob("00*.txt"))]
    published = datetime.date(2024, 3, 13)
    bag = extract_texts(
        db.from_sequence([s.text for s in seeds], npartitions=3), published=published
    )
    expected = [claimkit.extract(s.text, published=published) for s in seeds]
    assert bag.compute(scheduler="threads") == expected


def test_articles_raise_for_a_failed_input(tmp_path: Path) -> None:
    bag = articles(extract_bag(_inputs(tmp_path)))
    with pytest.raises(BatchError, match=r"bad\.txt:1: impossible date '2020-02-30'"):
        bag.compute(scheduler="sync")


def test_partitions_written_as_json_lines(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    serial = [
        r.article for r in extract_batch(inputs, keep_going=True) if not isinstance(r, Failed)
    ]
    bag = extract_bag(inputs, partition_size=4)
    written = write_partitions(bag, tmp_path / "out", keep_going=True, scheduler="threads")
    assert [Path(p).name for p in written.paths] == [
        f"part-{i:05}.jsonl" for i in range(bag.npartitions)
    ]
    read = [
        a
        for path in written.paths
        for a in claimkit.iter_jsonl(Path(path).read_bytes().splitlines())
    ]
    assert read == serial
    assert written.articles == len(serial)
    assert [f.source for f in written.failed] == [
        str(tmp_path / "bad.txt"),
        str(tmp_path / "no-such-*.txt"),
    ]
    with pytest.raises(BatchError, match=r"bad\.txt"):
        write_partitions(bag, tmp_path / "strict", scheduler="sync")


def test_standard_input_is_refused() -> None:
    with pytest.raises(ValueError, match="standard input"):
        extract_bag(["-"])


def test_partitions_written_as_parquet(tmp_path: Path) -> None:
    from claimkit.columnar import read_parquet

    inputs = [str(GOLD / "00*.txt")]
    serial = [r.article for r in extract_batch(inputs) if not isinstance(r, Failed)]
    bag = extract_bag(inputs, partition_size=4)
    written = write_partitions(bag, tmp_path / "out", format="parquet", scheduler="sync")
    assert [Path(p).name for p in written.paths] == [
        f"part-{i:05}.parquet" for i in range(bag.npartitions)
    ]
    assert [a for path in written.paths for a in read_parquet(path)] == serial
