"""``claimkit disputes``: corpus disputes from JSON Lines and Parquet, one a line, with
located errors, --keep-going, and lines that the documented JSON Schema accepts."""

from __future__ import annotations

import datetime
import io
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimkit import Actor, ActorKind, Article, Claim, Excerpt, Hedge, Polarity, Quantity, Span
from claimkit.cli import main
from claimkit.columnar import table_path, write_parquet
from claimkit.corpus import event_disputes
from claimkit.corpus.lines import dispute_line, dispute_schema
from claimkit.serialize import to_json


def report(
    article_id: str, speaker: str, number: int | None, *, town: str = "Sarmin", day: int = 0
) -> Article:
    """An outlet's article: ``speaker`` said ``number`` soldiers were killed in ``town``
    (or, without a number, denied that any were)."""
    content = (
        f"{number} soldiers were killed in the attacks in {town}"
        if number is not None
        else f"soldiers were killed in the attacks in {town}"
    )
    text = f"{speaker} said {content}."
    start = len(speaker) + 6
    quantities: tuple[Quantity, ...] = ()
    if number is not None:
        quantities = (
            Quantity(
                text=str(number),
                span=Span(start=start, end=start + len(str(number))),
                hedge=Hedge.EXACT,
                low=number,
                high=number,
                counted="soldiers",
                event="killed",
            ),
        )
    claim = Claim(
        speaker="s",
        cue=Excerpt(text="said", span=Span(start=len(speaker) + 1, end=len(speaker) + 5)),
        content=Excerpt(text=content, span=Span(start=start, end=start + len(content))),
        quantities=quantities,
        polarity=Polarity.ASSERT if number is not None else Polarity.DENY,
    )
    return Article(
        text=text,
        id=article_id,
        source=f"{speaker} Wire",
        published=datetime.date(2024, 3, 4 + day),
        actors=(Actor(name=speaker, kind=ActorKind.ORGANIZATION, id="s"),),
        claims=(claim,),
    )


ARTICLES = [
    report("a", "Kestrel Group", 40),
    report("b", "Norvale Front", 12),
    report("c", "Ojo Agency", None),
    report("d", "Vessel Group", 40, town="Tarnak"),
    report("e", "Lumen Group", 70, town="Tarnak", day=1),
]


def _jsonl(articles: list[Article]) -> bytes:
    return b"".join(to_json(a) + b"\n" for a in articles)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[Any], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, [json.loads(line) for line in out.splitlines()], err


def _expected(articles: list[Article]) -> list[Any]:
    return [json.loads(dispute_line(d)) for d in event_disputes(articles)]


def test_json_lines_and_parquet_give_the_disputes_of_the_stream(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "one.jsonl").write_bytes(_jsonl(ARTICLES[:2]))
    write_parquet(ARTICLES[2:], in_tmp / "two.parquet")
    code, lines, err = _run(capsys, "disputes", "one.jsonl", "two.parquet")
    assert (code, err) == (0, "")
    assert lines == _expected(ARTICLES)
    assert [(d["event"]["place"], [c["kind"] for c in d["conflicts"]]) for d in lines] == [
        ("tarnak", ["numeric"]),
        ("sarmin", ["numeric", "denial", "denial"]),
    ]
    # Each position names its article, the article's source and the claim's id.
    sarmin = lines[1]
    named = {
        (c["article"], c["source"], c["claim"]) for p in sarmin["positions"] for c in p["claims"]
    }
    assert named == {(a.id, a.source, a.claims[0].id) for a in ARTICLES[:3]}
    # -o writes the same lines to a file; a directory of partitions is read in path order.
    (in_tmp / "parts").mkdir()
    (in_tmp / "parts" / "part-00000.jsonl").write_bytes(_jsonl(ARTICLES[:2]))
    write_parquet(ARTICLES[2:], in_tmp / "parts" / "part-00001.parquet")
    assert _run(capsys, "disputes", "parts", "-o", "out.jsonl") == (0, [], "")
    written = [json.loads(line) for line in (in_tmp / "out.jsonl").read_text().splitlines()]
    assert written == lines


def test_every_line_is_valid_under_the_schema_and_the_schema_can_refuse(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "corpus.jsonl").write_bytes(_jsonl(ARTICLES))
    _, lines, _ = _run(capsys, "disputes", "corpus.jsonl")
    validator = jsonschema.Draft202012Validator(
        dispute_schema(), format_checker=jsonschema.FormatChecker()
    )
    jsonschema.Draft202012Validator.check_schema(dispute_schema())
    assert lines
    for line in lines:
        assert list(validator.iter_errors(line)) == []
    bad = json.loads(json.dumps(lines[0]))
    bad["positions"][0]["claims"][0]["colour"] = "red"
    del bad["conflicts"][0]["pairs"]
    bad["event"]["start"] = "2024-02-30"
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert len(messages) == 3
    assert any("'colour' was unexpected" in m for m in messages)
    assert any("'pairs' is a required property" in m for m in messages)


def test_a_bad_line_names_file_line_and_field(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _jsonl(ARTICLES).splitlines()
    bad = json.loads(good[1])
    bad["claims"][0]["polarity"] = "maybe"
    lines = [good[0], json.dumps(bad).encode(), b"{not json", *good[2:]]
    (in_tmp / "corpus.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = _run(capsys, "disputes", "corpus.jsonl", "-o", "out.jsonl")
    assert (code, out) == (2, [])
    assert err.startswith("claimkit: corpus.jsonl:2: $.claims[0].polarity: ")
    assert "'maybe'" in err
    assert err.splitlines()[1:] == [
        "claimkit: out.jsonl: not written (--keep-going writes the good inputs)"
    ]
    assert not (in_tmp / "out.jsonl").exists()  # a run that fails leaves no output file
    # --keep-going reports each bad line and finds the disputes of the others.
    code, out, err = _run(capsys, "disputes", "corpus.jsonl", "--keep-going")
    assert code == 2
    assert out == _expected([ARTICLES[0], *ARTICLES[2:]])
    assert [line.split(": ")[1] for line in err.splitlines()] == [
        "corpus.jsonl:2",
        "corpus.jsonl:3",
    ]


def test_a_bad_parquet_row_names_file_row_and_column(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_parquet(ARTICLES, in_tmp / "corpus.parquet")
    file = table_path(in_tmp / "corpus.parquet", "claims")
    data = pq.read_table(file)
    polarity = data.column("polarity").to_pylist()
    polarity[3] = "maybe"
    index = data.schema.get_field_index("polarity")
    pq.write_table(data.set_column(index, "polarity", pa.array(polarity)), file)
    (in_tmp / "more.jsonl").write_bytes(_jsonl(ARTICLES[4:]))
    code, out, err = _run(capsys, "disputes", "corpus.parquet", "more.jsonl")
    assert (code, out) == (2, [])
    assert err == (
        "claimkit: corpus.parquet/claims.parquet: row 3: polarity:"
        " expected one of 'assert', 'deny', got 'maybe'\n"
    )
    # Going on, the rest of the bad directory (articles d and e) is skipped, the next
    # input read.
    code, out, err = _run(capsys, "disputes", "corpus.parquet", "more.jsonl", "--keep-going")
    assert code == 2
    assert out == _expected([*ARTICLES[:3], ARTICLES[4]])
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "story.txt",
            "story.txt: not claimkit JSON Lines (text is read by claimkit extract, whose"
            " output this command reads)",
        ),
        ("missing.jsonl", "missing.jsonl: cannot read: No such file or directory"),
        ("nothing-*.jsonl", "nothing-*.jsonl: no file matches this pattern"),
        ("empty", "empty: no *.jsonl file nor Parquet directory in this directory"),
        ("blank.jsonl", "blank.jsonl: empty input, expected JSON or JSON Lines"),
    ],
)
def test_inputs_that_cannot_be_read(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    (in_tmp / "story.txt").write_text("Russia said two soldiers died.")
    (in_tmp / "empty").mkdir()
    (in_tmp / "blank.jsonl").write_text("\n")
    (in_tmp / "good.jsonl").write_bytes(_jsonl(ARTICLES))
    code, out, err = _run(capsys, "disputes", name, "good.jsonl")
    assert (code, out, err) == (2, [], f"claimkit: {message}\n")
    code, out, err = _run(capsys, "disputes", name, "good.jsonl", "--keep-going")
    assert (code, out, err) == (2, _expected(ARTICLES), f"claimkit: {message}\n")


def test_one_article_twice_is_an_error_without_a_traceback(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "corpus.jsonl").write_bytes(_jsonl(ARTICLES[:2]))
    code, _, err = _run(capsys, "disputes", "corpus.jsonl", "corpus.jsonl")
    assert code == 2
    assert err == (
        f"claimkit: claim {ARTICLES[0].claims[0].id!r} of article 'a' is given twice"
        " (two articles with one id among the inputs)\n"
    )


def test_standard_input_and_stats(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(_jsonl(ARTICLES)))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, lines, err = _run(capsys, "disputes", "-", "--stats")
    assert (code, lines) == (0, _expected(ARTICLES))
    assert err == (
        "claimkit: 5 articles, 5 claims (5 about an event), 2 events (the largest 3 claims),"
        " 2 disputes, 5 positions, 4 disputing pairs\n"
    )


def test_a_narrower_window_splits_the_events(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "corpus.jsonl").write_bytes(_jsonl(ARTICLES))
    _, lines, _ = _run(capsys, "disputes", "corpus.jsonl", "--window-days", "1")
    assert [line["event"]["place"] for line in lines] == ["sarmin"]
    assert lines == [json.loads(dispute_line(d)) for d in event_disputes(ARTICLES, window_days=1)]


def test_parquet_input_without_pyarrow_names_the_extra(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parquet(ARTICLES, in_tmp / "corpus.parquet")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    for name in [m for m in sys.modules if m.startswith("claimkit.columnar")]:
        monkeypatch.delitem(sys.modules, name)
    code, out, err = _run(capsys, "disputes", "corpus.parquet")
    assert (code, out) == (2, [])
    assert err == (
        "claimkit: corpus.parquet: reading Parquet needs pyarrow: pip install 'claimkit[arrow]'\n"
    )


def test_the_schema_command_prints_the_line_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--of", "dispute"]) == 0
    assert json.loads(capsys.readouterr().out) == dispute_schema()
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$defs"].keys() >= {"Article", "Claim"}
