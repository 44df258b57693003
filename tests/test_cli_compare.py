"""``claimkit compare A B``: a readable diff, JSON, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from claimkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
SEED_GOLD = ROOT / "seeds" / "idlib-2020-01-24.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["compare", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def later_version(in_tmp: Path) -> str:
    """The seed at a later hour: the ministry now counts 55 soldiers killed."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    (in_tmp / "later.txt").write_text(
        text.replace("killing up to 40 Syrian soldiers", "killing 55 Syrian soldiers"),
        encoding="utf-8",
    )
    return "later.txt"


def test_the_same_account_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEED_GOLD), str(SEED_GOLD))
    claims = len(json.loads(SEED_GOLD.read_bytes())["claims"])
    assert (code, err) == (0, "")
    assert out == (
        f"the accounts agree: {claims} unchanged, 0 changed, 0 added, 0 removed,"
        " 0 contradiction(s)\n"
    )


def test_text_is_extracted_first_and_a_new_count_disagrees(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(SEED_TEXT), later_version(in_tmp))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith("the accounts disagree: ")
    assert lines[0].endswith(" 1 changed, 0 added, 0 removed, 1 contradiction(s)")
    assert "    numbers: 'hundreds of, up to 40' -> '55, hundreds of'" in lines
    assert any(line.startswith("! Russian Defense Ministry said: ") for line in lines)


def test_json_format(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED_TEXT), later_version(in_tmp), "--format", "json")
    data: dict[str, Any] = json.loads(out)
    assert code == 1
    assert data["agree"] is False
    assert data["changed"][0]["changes"][1] == {
        "field": "numbers",
        "old": "hundreds of, up to 40",
        "new": "55, hundreds of",
    }
    assert data["changed"][0]["relation"] == "contradict"
    assert (data["added"], data["removed"]) == ([], [])


def test_mixed_format_versions_are_a_clear_error(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SEED_GOLD.read_bytes())
    data["format_version"] = 2
    (in_tmp / "v2.json").write_text(json.dumps(data))
    code, out, err = run(capsys, str(SEED_GOLD), "v2.json")
    assert (code, out) == (2, "")
    assert err == (
        f"claimkit: mixed format_version values ({SEED_GOLD} has 1; v2.json has 2):"
        " compare articles of one format version\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "bad.json"),
        (b'{"text": 3}', "bad.json"),
        (b"\xff\xfe", "bad.json"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    (in_tmp / "bad.json").write_bytes(content)
    code, out, err = run(capsys, str(SEED_GOLD), "bad.json")
    assert (code, out) == (2, "")
    assert err.startswith("claimkit: ")
    assert message in err


def test_a_missing_file_exits_2(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEED_GOLD), "missing.json")
    assert (code, out) == (2, "")
    assert err == "claimkit: missing.json: cannot read: No such file or directory\n"


def test_several_articles_in_one_file_exit_2(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(json.loads(SEED_GOLD.read_bytes()))
    (in_tmp / "two.jsonl").write_text(line + "\n" + line + "\n")
    code, out, err = run(capsys, "two.jsonl", str(SEED_GOLD))
    assert (code, out, err) == (2, "", "claimkit: two.jsonl: expected one article, found 2\n")


def test_two_unrelated_stories_are_reported_as_unrelated(tmp_path: Path) -> None:
    # A comparison that paired no claims has found no agreement: exit 3, not 0.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Police said two people were hurt in Lima.", encoding="utf-8")
    b.write_text("The ministry said exports rose in March.", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["compare", str(a), str(b)])
    assert code == 3
    assert out.getvalue().startswith("the accounts are unrelated (no claims paired)")
