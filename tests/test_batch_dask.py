"""claimkit.dask on Dask's local schedulers gives what the serial batch gives."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import dask.bag as db
import pytest

import claimkit
from claimkit.batch import BatchError, Failed, extract_batch
from claimkit.dask import (
    articles,
    corpus_bag,
    dispute_bag,
    dispute_lines,
    extract_bag,
    extract_texts,
    write_partitions,
)
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


def _outlets() -> list[claimkit.Article]:
    """The seed as three outlets report it: the ministry's side, the rebels', and both
    again under another id."""
    import attrs

    seed = claimkit.extract(read_text_file(str(ROOT / "seeds" / "idlib-2020-01-24.txt")).text)
    seed = attrs.evolve(seed, published=datetime.date(2020, 1, 24))

    def outlet(article_id: str, names: set[str]) -> claimkit.Article:
        kept = tuple(c for c in seed.claims if seed.speaker_of(c).name in names)
        return attrs.evolve(seed, claims=kept, disputes=(), id=article_id, source=article_id)

    ministry = {"Russian Defense Ministry", "Russia", "Syrian state media"}
    return [
        outlet("wire", ministry),
        outlet("channel", {"Naji al-Mustafa"}),
        outlet("digest", ministry | {"Naji al-Mustafa"}),
    ]


@pytest.mark.parametrize(
    "compute",
    [{"scheduler": "sync"}, {"scheduler": "threads"}, {"scheduler": "processes", "num_workers": 2}],
)
def test_disputes_on_dask_are_those_of_the_stream(compute: dict[str, object]) -> None:
    from claimkit.corpus import event_disputes

    articles = _outlets()
    expected = list(event_disputes(articles))
    assert expected
    bag = dispute_bag(db.from_sequence(articles, npartitions=3), npartitions=2)
    found = bag.compute(**compute)
    assert sorted(found, key=lambda d: repr(d.event)) == sorted(
        expected, key=lambda d: repr(d.event)
    )
    assert len(found) == len(expected)


def test_disputes_of_files_on_dask_written_as_lines(tmp_path: Path) -> None:
    from claimkit.columnar import write_parquet
    from claimkit.corpus import CorpusError, event_disputes
    from claimkit.corpus.lines import dispute_line

    wire, channel, digest = _outlets()
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "part-0.jsonl").write_bytes(claimkit.to_json(wire) + b"\n")
    write_parquet([channel, digest], tmp_path / "parts" / "part-1.parquet")
    bag = corpus_bag([tmp_path / "parts"])
    assert bag.npartitions == 2
    lines = dispute_lines(dispute_bag(bag)).compute(scheduler="sync")
    expected = [dispute_line(d).decode() for d in event_disputes([wire, channel, digest])]
    assert sorted(lines) == sorted(expected)
    # One article twice is an error of the corpus, raised when it is computed.
    twice = dispute_bag(corpus_bag([tmp_path / "parts", tmp_path / "parts" / "part-0.jsonl"]))
    with pytest.raises(CorpusError, match="of article 'wire' is given twice"):
        twice.compute(scheduler="sync")
    with pytest.raises(BatchError, match="no file matches this pattern"):
        corpus_bag([tmp_path / "none-*.jsonl"]).compute(scheduler="sync")
