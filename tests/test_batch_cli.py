"""``claimkit extract`` over many inputs: one shape, streamed, --jobs, --keep-going,
the output format from the suffix, no progress unless on a terminal, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import claimkit
from claimkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
GOLD = ROOT / "gold"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _texts(articles: list[claimkit.Article]) -> list[str]:
    return [article.text for article in articles]


def _lines(out: str) -> list[claimkit.Article]:
    return list(claimkit.iter_jsonl(out.splitlines()))


def test_a_directory_a_pattern_and_a_file_in_order(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "d" / "sub").mkdir(parents=True)
    (in_tmp / "d" / "sub" / "b.txt").write_text("The army said the post held.")
    (in_tmp / "d" / "a.txt").write_text("Russia said two soldiers died.")
    (in_tmp / "p1.txt").write_text("Police said 40 people were arrested.")
    (in_tmp / "p2.txt").write_text("Rebels said they had won.")
    code, out, err = _run(capsys, "extract", "d", "p*.txt", str(SEED_TEXT))
    assert (code, err) == (0, "")
    texts = _texts(_lines(out))
    assert texts[:4] == [
        "Russia said two soldiers died.",
        "The army said the post held.",
        "Police said 40 people were arrested.",
        "Rebels said they had won.",
    ]
    assert texts[4].startswith("The Russian Defense Ministry")


def test_jobs_give_the_same_bytes(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "extract", str(GOLD), "-o", "one.jsonl") == (0, "", "")
    assert _run(capsys, "extract", str(GOLD), "-o", "two.jsonl", "--jobs", "2") == (0, "", "")
    one = (in_tmp / "one.jsonl").read_bytes()
    assert one == (in_tmp / "two.jsonl").read_bytes()
    assert len(one.splitlines()) == len(list(GOLD.glob("*.txt")))


def _good_bad_good(root: Path) -> list[str]:
    (root / "1.txt").write_text("Russia said two soldiers died.")
    (root / "2.txt").write_bytes(b"date 2020-02-30 Russia said nothing.")
    (root / "3.txt").write_text("Rebels said they had won.")
    return ["1.txt", "2.txt", "missing.txt", "3.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_keep_going_writes_the_good_and_reports_the_bad(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    inputs = _good_bad_good(in_tmp)
    code, out, err = _run(capsys, "extract", *inputs, "--keep-going", "-j", jobs)
    assert code == 2
    assert _texts(_lines(out)) == ["Russia said two soldiers died.", "Rebels said they had won."]
    assert err.splitlines() == [
        "claimkit: 2.txt:1: impossible date '2020-02-30': day is out of range for month",
        "claimkit: missing.txt: cannot read: No such file or directory",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_without_keep_going_the_first_bad_input_stops_and_writes_no_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    inputs = _good_bad_good(in_tmp)
    (in_tmp / "out.jsonl").write_bytes(b"an earlier run\n")
    code, out, err = _run(capsys, "extract", *inputs, "-o", "out.jsonl", "--jobs", jobs)
    assert (code, out) == (2, "")
    assert err == (
        "claimkit: 2.txt:1: impossible date '2020-02-30': day is out of range for month\n"
        "claimkit: out.jsonl: not written (--keep-going writes the good inputs)\n"
    )
    # The earlier output is left as it was, and nothing half-written is left beside it.
    assert (in_tmp / "out.jsonl").read_bytes() == b"an earlier run\n"
    assert sorted(p.name for p in in_tmp.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_without_keep_going_standard_output_has_the_articles_before_the_bad_input(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    inputs = _good_bad_good(in_tmp)
    code, out, err = _run(capsys, "extract", *inputs, "--jobs", jobs)
    assert code == 2
    assert err.startswith("claimkit: 2.txt:1: impossible date")
    assert _texts(list(claimkit.iter_jsonl(out.splitlines()))) == ["Russia said two soldiers died."]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_complete_run_replaces_an_earlier_output(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    name = "out" + suffix
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", name)[0] == 0
    first = sorted(p.name for p in in_tmp.iterdir())
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", name)[0] == 0
    assert sorted(p.name for p in in_tmp.iterdir()) == first  # no partial output left
    if suffix == ".jsonl":
        (article,) = claimkit.iter_jsonl((in_tmp / name).read_bytes().splitlines())
        assert len(article.claims) == 10


def test_the_suffix_chooses_the_format(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "seed.jsonld") == (0, "", "")
    (line,) = (in_tmp / "seed.jsonld").read_text().splitlines()
    assert json.loads(line)["@context"] == "https://schema.org"
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "seed.json") == (0, "", "")
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "seed.jsonl") == (0, "", "")
    # .json and .jsonl are the same JSON Lines; --format wins over the suffix.
    assert (in_tmp / "seed.json").read_bytes() == (in_tmp / "seed.jsonl").read_bytes()
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "x.out", "--format", "jsonl")[0] == 0
    assert (in_tmp / "x.out").read_bytes() == (in_tmp / "seed.jsonl").read_bytes()


@pytest.mark.parametrize("name", ["out.txt", "out"])
def test_an_unknown_suffix_is_a_usage_error(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = _run(capsys, "extract", str(SEED_TEXT), "-o", name)
    assert (code, out) == (2, "")
    suffix = "'.txt'" if name == "out.txt" else "'a name without a suffix'"
    assert err == (
        f"claimkit: {name}: cannot tell the output format from {suffix}:"
        " name the file *.jsonl, *.json, *.jsonld, *.parquet, or give --format\n"
    )
    assert not (in_tmp / name).exists()


def test_a_parquet_suffix_writes_the_articles_of_the_json_lines(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimkit.columnar import read_parquet

    inputs = [str(SEED_TEXT), str(GOLD / "001-gao-post-attack.txt")]
    assert _run(capsys, "extract", *inputs, "-o", "corpus.jsonl") == (0, "", "")
    assert _run(capsys, "extract", *inputs, "-o", "corpus.parquet", "-j", "2") == (0, "", "")
    assert (in_tmp / "corpus.parquet" / "claims.parquet").is_file()
    expected = _lines((in_tmp / "corpus.jsonl").read_text())
    assert list(read_parquet(in_tmp / "corpus.parquet")) == expected
    # --format parquet wins over another suffix; with --keep-going the good inputs are kept.
    (in_tmp / "bad.txt").write_bytes(b"\xff")
    code, out, err = _run(
        capsys, "extract", "bad.txt", *inputs, "--format", "parquet", "-o", "x.out", "--keep-going"
    )
    assert (code, out) == (2, "")
    assert err.startswith("claimkit: bad.txt:")
    assert list(read_parquet(in_tmp / "x.out")) == expected


def test_parquet_cannot_go_to_standard_output_nor_over_a_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "extract", str(SEED_TEXT), "--format", "parquet")
    assert (code, out) == (2, "")
    assert err == "claimkit: parquet cannot be written to standard output: give -o FILE\n"
    (in_tmp / "taken.parquet").write_text("a file")
    code, out, err = _run(capsys, "extract", str(SEED_TEXT), "-o", "taken.parquet")
    assert (code, out) == (2, "")
    assert err == (
        "claimkit: taken.parquet: exists and is not a directory (Parquet is written as a"
        " directory of tables)\n"
    )


def test_parquet_without_pyarrow_names_the_extra(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if pyarrow were not installed: importing it fails, and so does claimkit.columnar.
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    for name in [m for m in sys.modules if m.startswith("claimkit.columnar")]:
        monkeypatch.delitem(sys.modules, name)
    code, out, err = _run(capsys, "extract", str(SEED_TEXT), "-o", "corpus.parquet")
    assert (code, out) == (2, "")
    assert err == (
        "claimkit: corpus.parquet: writing Parquet needs pyarrow: pip install 'claimkit[arrow]'\n"
    )
    assert not (in_tmp / "corpus.parquet").exists()


def test_bad_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--jobs", "0", str(SEED_TEXT)])
    assert info.value.code == 2
    assert "argument -j/--jobs: expected a whole number of at least 1, got '0'" in (
        capsys.readouterr().err
    )


def _session_processes(session: int) -> list[int]:
    """The processes still alive in a session (Linux: from /proc)."""
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command: state, ppid, pgrp, session.
        if int(fields[3]) == session and fields[0] != "Z":
            alive.append(int(entry))
    return alive


def test_ctrl_c_exits_130_without_a_traceback_and_stops_the_workers(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = SEED_TEXT.read_bytes()
    for index in range(3000):
        (inputs / f"{index:05}.txt").write_bytes(seed)
    command = [sys.executable, "-m", "claimkit.cli", "extract", str(inputs), "--jobs", "2"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # extraction is under way
    assert len(claimkit.from_json(first).claims) == 10
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert err == b""
    deadline = time.monotonic() + 10
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _session_processes(process.pid) == []
