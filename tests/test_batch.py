"""claimkit.batch: inputs expanded in order, results in input order for any number of
worker processes, failures located, keep-going, bounded work in flight."""

from __future__ import annotations

import datetime
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimkit
from claimkit.batch import (
    CHUNK,
    IN_FLIGHT_PER_JOB,
    BatchError,
    Extracted,
    Failed,
    Progress,
    Result,
    expand_inputs,
    extract_batch,
)
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
SEED_JSON = ROOT / "seeds" / "idlib-2020-01-24.json"


def _tree(root: Path) -> Path:
    """A folder of text files, nested, with files a directory does not contribute."""
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "b" / "2.txt").write_text("Russia said two soldiers died.")
    (root / "a" / "z.txt").write_text("The army said the post held.")
    (root / "a" / "y.txt").write_text("date 2020-01-24\nRebels said on Thursday they won.")
    (root / "top.txt").write_text("Police said 40 people were arrested.")
    (root / "notes.md").write_text("Nobody said anything.")
    (root / "a" / ".draft.txt").write_text("A draft said nothing.")
    (root / ".hidden" / "x.txt").write_text("A hidden file said nothing.")
    return root


def _sources(results: list[Result]) -> list[str]:
    return [result.source for result in results]


def test_a_directory_gives_its_text_files_in_sorted_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    expected = [str(root / p) for p in ("a/y.txt", "a/z.txt", "b/2.txt", "top.txt")]
    assert list(expand_inputs([root])) == expected


def test_inputs_keep_their_order_and_patterns_sort_their_matches(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    named = str(root / "notes.md")  # named explicitly, any file is read
    pattern = str(root / "**" / "*.txt")
    found = list(expand_inputs([named, pattern, root / "b"]))
    assert found == [
        named,
        str(root / "a" / "y.txt"),
        str(root / "a" / "z.txt"),
        str(root / "b" / "2.txt"),
        str(root / "top.txt"),
        str(root / "b" / "2.txt"),
    ]


def test_a_pattern_without_match_and_an_empty_directory_fail_in_place(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "one.txt").write_text("Russia said two soldiers died.")
    pattern = str(tmp_path / "*.nothing")
    found = list(expand_inputs([pattern, tmp_path / "empty", tmp_path / "one.txt"]))
    assert [str(item) for item in found] == [
        f"{pattern}: no file matches this pattern",
        f"{tmp_path / 'empty'}: no *.txt file in this directory",
        str(tmp_path / "one.txt"),
    ]
    assert [type(item) for item in found] == [Failed, Failed, str]


def test_results_are_the_extractions_of_each_file_in_order() -> None:
    paths = [*sorted(GOLD.glob("00[1-4]-*.txt")), SEED_TEXT]
    results = list(extract_batch(paths))
    assert _sources(results) == [str(path) for path in paths]
    for path, result in zip(paths, results, strict=True):
        assert isinstance(result, Extracted)
        seed = read_text_file(str(path))
        assert result.article == claimkit.extract(seed.text, published=seed.published)
        assert result.line is None


def _mixed_inputs(tmp_path: Path) -> list[Path]:
    """Good and bad inputs of every kind, bad ones between good ones."""
    bad_date = tmp_path / "bad-date.txt"
    bad_date.write_bytes(b"date 2020-02-30 Russia said nothing.")
    lines = tmp_path / "articles.jsonl"
    good = json.dumps(json.loads(SEED_JSON.read_bytes()))
    lines.write_text(f'{good}\n\n{{"text": "x"}}\n{good}\n')
    json_in_txt = tmp_path / "article.txt"
    json_in_txt.write_text(good)
    gold = sorted(GOLD.glob("0[0-1]*.txt"))[:6]
    return [*gold[:3], bad_date, lines, tmp_path / "missing.txt", json_in_txt, *gold[3:]]


def test_keep_going_yields_located_failures_in_place(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    results = list(extract_batch(inputs, keep_going=True))
    failed = [result for result in results if isinstance(result, Failed)]
    assert [(f.source, f.line, f.kind) for f in failed] == [
        (str(tmp_path / "bad-date.txt"), 1, "ReadError"),
        (str(tmp_path / "articles.jsonl"), 3, "ValidationError"),
        (str(tmp_path / "missing.txt"), None, "InputError"),
    ]
    assert failed[0].problems == (
        f"{tmp_path / 'bad-date.txt'}:1: impossible date '2020-02-30':"
        " day is out of range for month",
    )
    assert f"{tmp_path / 'articles.jsonl'}:3: $.published: required field missing" in (
        failed[1].problems
    )
    assert failed[2].problems == (
        f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory",
    )
    # One result per article: a JSON Lines file gives one per line, at its line.
    lines = [(r.source, r.line) for r in results if r.source.endswith(".jsonl")]
    assert [line for _, line in lines] == [1, 3, 4]
    assert len(results) == 6 + 1 + 3 + 1 + 1


def test_jobs_do_not_change_the_results(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path) + sorted(GOLD.glob("02*.txt"))
    serial = list(extract_batch(inputs, keep_going=True))
    parallel = list(extract_batch(inputs, jobs=2, keep_going=True))
    assert parallel == serial
    assert len(serial) > 2 * CHUNK  # more than one chunk went to the workers


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_keep_going_the_first_failure_stops_after_the_results_before_it(
    tmp_path: Path, jobs: int
) -> None:
    inputs = _mixed_inputs(tmp_path)
    seen: list[Result] = []
    with pytest.raises(BatchError) as info:
        seen.extend(extract_batch(inputs, jobs=jobs))
    assert _sources(seen) == [str(path) for path in inputs[:3]]
    assert info.value.failed.source == str(tmp_path / "bad-date.txt")
    assert str(info.value).startswith(f"{tmp_path / 'bad-date.txt'}:1: impossible date")
    assert isinstance(info.value, claimkit.ClaimkitError)


def test_published_resolves_plain_text(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("Russia said on Thursday that two soldiers had died.")
    (result,) = extract_batch([tmp_path / "plain.txt"], published=datetime.date(2020, 1, 24))
    assert isinstance(result, Extracted)
    when = result.article.claims[0].when
    assert when is not None
    assert str(when.start) == "2020-01-23"


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SEED_TEXT.read_bytes()))
    monkeypatch.setattr("sys.stdin", stdin)
    (result,) = extract_batch(["-"])
    assert isinstance(result, Extracted)
    assert result.source == "<stdin>"
    assert len(result.article.claims) == 10


def _counted(paths: list[Path], pulled: list[int]) -> Iterator[Path]:
    for path in paths:
        pulled[0] += 1
        yield path


def test_work_in_flight_is_bounded() -> None:
    """The inputs are read lazily: the first result comes after at most the bound of
    chunks in flight has been read, however many inputs follow."""
    seed = [SEED_TEXT]
    pulled = [0]
    many = list(itertools.repeat(SEED_TEXT, 10_000))
    results = extract_batch(_counted(many, pulled), jobs=2)
    first = next(results)
    assert first.source == str(SEED_TEXT)
    bound = 2 * IN_FLIGHT_PER_JOB * CHUNK
    assert CHUNK <= pulled[0] <= bound + CHUNK
    results.close()  # stops the workers; nothing more is read
    assert pulled[0] <= bound + CHUNK
    assert list(extract_batch(seed)) == [first]


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_jobs_must_be_a_whole_number(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number of at least 1"):
        list(extract_batch([SEED_TEXT], jobs=jobs))  # type: ignore[arg-type]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _result(index: int) -> Result:
    return Failed(source=f"f{index}", line=None, kind="ReadError", problems=(f"f{index}: bad",))


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream, every=0.0)
    for index in range(5):
        progress.update(_result(index))
    progress.close()
    assert stream.getvalue() == ""
    assert (progress.done, progress.failed) == (5, 5)


def test_progress_on_a_terminal_redraws_one_line() -> None:
    clock = iter([0.0, 1.0, 1.1, 2.0, 4.0])
    stream = _Terminal()
    progress = Progress(stream, every=0.5, clock=lambda: next(clock))
    for index in range(3):  # at 1.0 (drawn), 1.1 (too soon), 2.0 (drawn)
        progress.update(_result(index))
    progress.say("a message")
    progress.close()  # at 4.0
    assert stream.getvalue() == (
        "\r1 done, 1 failed, 1.0/s "
        "\r3 done, 3 failed, 1.5/s "
        "\r\x1b[Ka message\n"
        "\r3 done, 3 failed, 0.8/s \n"
    )
