"""The ``claimkit`` command line: exit codes, one line per error, no tracebacks.

Commands run in-process through :func:`claimkit.cli.main`; one test runs the
installed ``claimkit`` entry point in a subprocess.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import claimkit
from claimkit.cli import main
from claimkit.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
SEED_GOLD = ROOT / "seeds" / "idlib-2020-01-24.json"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command line that argparse rejects; return what it printed."""
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    assert info.value.code == 2
    assert "Traceback" not in out + err
    return err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _article(data: bytes | str) -> Article:
    return claimkit.from_json(data)


def _seed_dict() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_GOLD.read_bytes())
    return data


def _broken_seed() -> dict[str, Any]:
    data = _seed_dict()
    data["claims"][1]["hedged"] = "no"
    data["actors"][0]["extra"] = 1
    del data["title"]
    return data


BROKEN_PROBLEMS = [
    "$.title: required field missing",
    "$.actors[0].extra: unknown field",
    "$.claims[1].hedged: expected a boolean, got string",
]


# --- validate -----------------------------------------------------------------------------


def test_validate_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "validate", str(SEED_GOLD))
    assert (code, out, err) == (0, "", "1 document(s) valid\n")


def test_validate_one_line_per_error(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "bad.json").write_text(json.dumps(_broken_seed()))
    code, out, _ = _run(capsys, "validate", "bad.json")
    assert code == 1
    assert out.splitlines() == [f"bad.json:1: {p}" for p in BROKEN_PROBLEMS]


def test_validate_indented_json_names_the_line_of_each_value(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n\n" + json.dumps(_broken_seed(), indent=2)  # the document starts on line 3
    (in_tmp / "bad.json").write_text(text)
    lines = text.splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if fragment in line)

    extra, hedged = line_of('"extra": 1'), line_of('"hedged": "no"')
    assert 3 < extra < hedged
    code, out, _ = _run(capsys, "validate", "bad.json")
    assert code == 1
    assert out.splitlines() == [
        # A missing key: the line where its object starts.
        f"bad.json:3: {BROKEN_PROBLEMS[0]}",
        f"bad.json:{extra}: {BROKEN_PROBLEMS[1]}",
        f"bad.json:{hedged}: {BROKEN_PROBLEMS[2]}",
    ]


def test_validate_indented_json_syntax_error_names_its_line(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "bad.json").write_text('{\n  "text": "x",\n  "title": ,\n}\n')
    code, out, _ = _run(capsys, "validate", "bad.json")
    expected = "bad.json:3: $: not valid JSON: Expecting value (line 3, column 12)\n"
    assert (code, out) == (2, expected)


def test_validate_json_report(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "bad.json").write_text(json.dumps(_broken_seed()))
    code, out, _ = _run(capsys, "validate", "--format", "json", "bad.json")
    assert code == 1
    assert json.loads(out) == {
        "valid": False,
        "documents": 1,
        "errors": [
            {"source": "bad.json", "line": 1, "path": path, "message": message}
            for path, message in (p.split(": ", 1) for p in BROKEN_PROBLEMS)
        ],
    }


def test_validate_json_report_when_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "validate", "--format", "json", str(SEED_GOLD))
    assert code == 0
    assert json.loads(out) == {"valid": True, "documents": 1, "errors": []}


def test_validate_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, json.dumps(_broken_seed()).encode())
    code, out, _ = _run(capsys, "validate", "-")
    assert code == 1
    assert out.splitlines() == [f"<stdin>:1: {p}" for p in BROKEN_PROBLEMS]


def test_validate_stdin_valid(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, SEED_GOLD.read_bytes())
    assert _run(capsys, "validate", "-") == (0, "", "1 document(s) valid\n")


def test_validate_json_lines_line_numbers(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps(_seed_dict())
    bad = json.dumps(_broken_seed())
    (in_tmp / "many.jsonl").write_text(f"{good}\n\n{bad}\n{good}\n{bad}\n")
    code, out, _ = _run(capsys, "validate", "many.jsonl")
    assert code == 1
    assert out.splitlines() == [
        *(f"many.jsonl:3: {p}" for p in BROKEN_PROBLEMS),
        *(f"many.jsonl:5: {p}" for p in BROKEN_PROBLEMS),
    ]


def test_validate_json_lines_all_valid(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps(_seed_dict())
    (in_tmp / "many.jsonl").write_text(f"{good}\n{good}\n\n{good}\n")
    assert _run(capsys, "validate", "many.jsonl") == (0, "", "3 document(s) valid\n")


def test_validate_unreadable_lines_exit_2(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps(_seed_dict()).encode()
    (in_tmp / "mixed.jsonl").write_bytes(
        good + b"\n" + b'{"text": "caf\xe9"}\n' + b"{oops\n" + b"[1]\n" + good + b"\n"
    )
    code, out, _ = _run(capsys, "validate", "mixed.jsonl")
    assert code == 2
    assert out.splitlines() == [
        "mixed.jsonl:2: $: not UTF-8: byte 0xe9 at offset 13",
        "mixed.jsonl:3: $: not valid JSON: Expecting property name enclosed in double quotes"
        " (line 3, column 2)",
        "mixed.jsonl:4: $: expected an object, got array",
    ]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"\xff\xfe{}", "bad.json:1: $: not UTF-8: byte 0xff at offset 0"),
        (b'{"text": ', "bad.json:1: $: not valid JSON: Expecting value (line 1, column 10)"),
        (b"hello", "bad.json:1: $: not valid JSON: Expecting value (line 1, column 1)"),
        (b"", "bad.json: $: empty input, expected JSON or JSON Lines"),
        (b"\n  \n", "bad.json: $: empty input, expected JSON or JSON Lines"),
    ],
)
def test_validate_unreadable_exit_2(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], content: bytes, line: str
) -> None:
    (in_tmp / "bad.json").write_bytes(content)
    code, out, _ = _run(capsys, "validate", "bad.json")
    assert (code, out.splitlines()) == (2, [line])


def test_validate_missing_file_exit_2(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "validate", "nope.json")
    assert (code, out) == (2, "nope.json: $: cannot read: No such file or directory\n")


def test_validate_goes_on_after_a_missing_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "bad.json").write_text(json.dumps(_broken_seed()))
    code, out, _ = _run(capsys, "validate", "nope.json", str(SEED_GOLD), "bad.json")
    assert code == 2
    assert out.splitlines() == [
        "nope.json: $: cannot read: No such file or directory",
        *(f"bad.json:1: {p}" for p in BROKEN_PROBLEMS),
    ]


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert "the following arguments are required: FILE" in _usage_error(capsys, "validate")


# --- schema -------------------------------------------------------------------------------


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema == claimkit.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    article = schema["$defs"]["Article"]
    assert article["type"] == "object"
    assert article["additionalProperties"] is False
    assert "claims" in article["required"]


# --- extract ------------------------------------------------------------------------------


def test_extract_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "extract", str(SEED_TEXT))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1  # one article: one line of JSON Lines, as for several
    article = _article(out)
    assert len(article.claims) == 10
    assert str(article.published) == "2020-01-24"
    assert article.text.startswith("The Russian Defense Ministry on Thursday said")


def test_extract_output_validates(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "out.json") == (0, "", "")
    assert _run(capsys, "validate", "out.json") == (0, "", "1 document(s) valid\n")
    assert len(_article((in_tmp / "out.json").read_bytes()).claims) == 10


def test_extract_output_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", str(SEED_TEXT), "--output", "-")
    assert code == 0
    assert len(_article(out).claims) == 10


def test_extract_several_files_as_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    gold = ROOT / "gold" / "001-gao-post-attack.txt"
    code, out, _ = _run(capsys, "extract", str(SEED_TEXT), str(gold))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    articles = [_article(line) for line in lines]
    assert [str(a.published) for a in articles] == ["2020-01-24", "2024-03-13"]


def test_extract_one_file_as_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", "--format", "jsonl", str(SEED_TEXT))
    assert code == 0
    (line,) = out.splitlines()
    assert len(_article(line).claims) == 10
    assert _run(capsys, "extract", str(SEED_TEXT)) == (0, out, "")


def test_extract_format_json_is_gone(capsys: pytest.CaptureFixture[str]) -> None:
    """One shape whatever the number of inputs: there is no indented form any more."""
    err = _usage_error(capsys, "extract", "--format", "json", str(SEED_TEXT))
    assert "argument --format: invalid choice: 'json'" in err


def test_extract_json_article_input(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON article is read again: its text is kept, its claims extracted anew."""
    code, out, _ = _run(capsys, "extract", str(SEED_GOLD))
    assert code == 0
    article = _article(out)
    assert article.text == _article(SEED_GOLD.read_bytes()).text
    assert len(article.claims) == 10


def test_extract_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, SEED_TEXT.read_bytes())
    code, out, _ = _run(capsys, "extract", "-")
    assert code == 0
    assert len(_article(out).claims) == 10


def test_extract_plain_text_with_published(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "plain.txt").write_text("Russia said on Thursday that two soldiers had died.\n")
    code, out, _ = _run(capsys, "extract", "--published", "2020-01-24", "plain.txt")
    assert code == 0
    article = _article(out)
    assert str(article.published) == "2020-01-24"
    (claim,) = article.claims
    assert claim.when is not None
    assert (claim.when.text, str(claim.when.start)) == ("on Thursday", "2020-01-23")


def test_extract_plain_text_without_published(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "plain.txt").write_text("Russia said on Thursday that two soldiers had died.\n")
    code, out, _ = _run(capsys, "extract", "plain.txt")
    assert code == 0
    article = _article(out)
    assert article.published is None
    (claim,) = article.claims
    assert claim.when is not None
    assert claim.when.precision.value == "unresolved"


def test_extract_published_must_agree_with_the_header(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "extract", "--published", "2020-01-25", str(SEED_TEXT))
    assert (code, out) == (2, "")
    assert err == (
        f"claimkit: {SEED_TEXT}:1: the text says date 2020-01-24 but 2020-01-25 was given\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"date 2020-02-30 Russia said nothing.",
            "bad.txt:1: impossible date '2020-02-30': day is out of range for month",
        ),
        (b" date 2020-02-30\nRussia said nothing.", "bad.txt:1: impossible date '2020-02-30'"),
        (b"date 2020-01-24\n   \n", "bad.txt:1: the article has no body after the date line"),
        (
            b"date 24/01/2020 Russia said nothing.",
            "bad.txt:1: expected a date YYYY-MM-DD after 'date', got '24/01/2020'",
        ),
        (b"", "bad.txt:1: the article is empty"),
        (b"Russia said\n\xe9t\xe9", "bad.txt:2: not UTF-8: byte 0xe9 at offset 12"),
        (b'{"text": "x"', "bad.txt:1: not valid JSON"),
        (b'{"text": "x"}', "bad.txt:1: $.published: required field missing"),
    ],
)
def test_extract_unreadable_input_exit_2(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    (in_tmp / "bad.txt").write_bytes(content)
    code, out, err = _run(capsys, "extract", "bad.txt")
    assert (code, out) == (2, "")
    assert err.startswith(f"claimkit: {message}")
    assert len(err.splitlines()) >= 1


def test_extract_missing_file(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "extract", "nope.txt")
    assert (code, out, err) == (
        2,
        "",
        "claimkit: nope.txt: cannot read: No such file or directory\n",
    )


def test_extract_unwritable_output(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "extract", str(SEED_TEXT), "-o", "no/such/dir/out.json")
    assert code == 2
    assert err == "claimkit: no/such/dir/out.json: cannot write: No such file or directory\n"


def test_extract_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(capsys, "extract", "--bogus", str(SEED_TEXT))
    assert "unrecognized arguments: --bogus" in err


def test_extract_bad_published_date(capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(capsys, "extract", "--published", "2020-13-01", str(SEED_TEXT))
    assert "argument --published: expected a date YYYY-MM-DD, got '2020-13-01'" in err


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert "invalid choice: 'frobnicate'" in _usage_error(capsys, "frobnicate")


def test_extract_schema_org(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", "--format", "schema-org", str(SEED_TEXT))
    assert code == 0
    document = json.loads(out)
    assert document["@context"] == "https://schema.org"
    graph = document["@graph"]
    assert [node["@type"] for node in graph] == ["NewsArticle"] + ["Claim"] * 10
    assert graph[0]["datePublished"] == "2020-01-24"


def test_extract_schema_org_several_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", "--format", "schema-org", str(SEED_TEXT), str(SEED_TEXT))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == json.loads(lines[1])


# --- eval ---------------------------------------------------------------------------------


@pytest.fixture
def extracted(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The seed's extraction, written to a file."""
    assert _run(capsys, "extract", str(SEED_TEXT), "-o", "pred.json")[0] == 0
    return in_tmp / "pred.json"


def test_eval_table(extracted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "eval", str(SEED_GOLD), "--pred", str(extracted))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1 article(s)"
    assert lines[2].split() == ["P", "R", "F1", "tp/fp/fn"]
    assert lines[3].split() == ["claims", "1.000", "1.000", "1.000", "10/0/0"]
    assert "polarity                1.000   10/10" in lines


def test_eval_json(extracted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "eval", str(SEED_GOLD), "--pred", str(extracted), "--format", "json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["articles"] == 1
    assert report["claims"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 10,
        "fp": 0,
        "fn": 0,
    }
    assert report["time_accuracy"] == {"accuracy": 1.0, "correct": 10, "total": 10}


def test_eval_mismatched_counts(extracted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "eval", str(SEED_GOLD), str(SEED_GOLD), "--pred", str(extracted))
    assert (code, out, err) == (2, "", "claimkit: 2 gold article(s) but 1 predicted\n")


def test_eval_different_texts(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "other.txt").write_text("date 2020-01-24 Russia said nothing.\n")
    code, out, err = _run(capsys, "eval", str(SEED_GOLD), "--pred", "other.txt")
    assert (code, out) == (2, "")
    assert err == "claimkit: article 1: the predicted text differs from the gold text\n"


def test_eval_needs_pred(capsys: pytest.CaptureFixture[str]) -> None:
    assert "the following arguments are required: --pred" in _usage_error(
        capsys, "eval", str(SEED_GOLD)
    )


# --- the installed entry point ------------------------------------------------------------


def _entry_point() -> str:
    beside = Path(sys.executable).with_name("claimkit")
    found = str(beside) if beside.exists() else shutil.which("claimkit")
    if found is None:
        pytest.skip("the claimkit command is not installed")
    return found


def test_entry_point(tmp_path: Path) -> None:
    command = _entry_point()
    done = subprocess.run(
        [command, "extract", str(SEED_TEXT)], capture_output=True, check=False, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(_article(done.stdout).claims) == 10

    (tmp_path / "bad.json").write_text(json.dumps(_broken_seed()))
    done = subprocess.run(
        [command, "validate", "bad.json"],
        capture_output=True,
        check=False,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stdout.decode().splitlines() == [f"bad.json:1: {p}" for p in BROKEN_PROBLEMS]

    done = subprocess.run(
        [command, "extract", "--bogus", str(SEED_TEXT)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert b"unrecognized arguments" in done.stderr
    assert b"Traceback" not in done.stdout + done.stderr
