"""The command line's help: every argument explained, examples, and exit codes that agree
with docs/cli.md; and the reading rules that the help states."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from claimkit.cli import EXIT_CODES, _parser, main

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "seeds" / "idlib-2020-01-24.json"
COMMANDS = ["validate", "schema", "extract", "eval", "compare", "render", "disputes"]


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def help_text(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    out: str = capsys.readouterr().out
    return out


def test_every_command_is_known() -> None:
    assert set(subparsers()) == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_has_help(command: str) -> None:
    parser = subparsers()[command]
    for action in parser._actions:
        assert action.help, (command, action.dest)
        assert action.help != argparse.SUPPRESS, (command, action.dest)
    for action in _parser()._actions:
        assert action.help, action.dest


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_shows_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(command, capsys=capsys)
    examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples, command
    assert all(
        line.startswith(f"  claimkit {command}") or "| claimkit" in line for line in examples
    )
    # Each example parses (argparse would exit 2 on a bad one).
    for line in examples:
        argv = line.split("|")[-1].split(">")[0].split()[1:]
        _parser().parse_args(argv)


def exit_codes_in_help(text: str) -> list[tuple[int, str]]:
    block = text.split("exit codes:\n", 1)[1]
    rows = []
    for line in block.splitlines():
        match = re.fullmatch(r"  (\d+) +(.+)", line)
        if match is None:
            break
        rows.append((int(match[1]), match[2]))
    return rows


def exit_codes_in_docs() -> list[tuple[int, str]]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    table = text.split("| code | meaning |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    return [
        (int(code), meaning)
        for code, meaning in (row.strip("|").split(" | ", 1) for row in table.splitlines())
        for meaning in [meaning.strip()]
    ]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_docs_and_code_agree_on_exit_codes(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = help_text(*([command] if command else []), capsys=capsys)
    assert exit_codes_in_help(text) == list(EXIT_CODES) == exit_codes_in_docs()
    assert [code for code, _ in EXIT_CODES] == [0, 1, 2, 3, 70, 130]


def test_eval_pred_does_not_swallow_the_gold_files() -> None:
    args = _parser().parse_args(["eval", "--pred", "p.jsonl", "g1.json", "g2.json"])
    assert (args.gold, args.pred) == (["g1.json", "g2.json"], ["p.jsonl"])
    args = _parser().parse_args(["eval", "g1.json", "--pred", "p1.json", "--pred", "p2.json"])
    assert (args.gold, args.pred) == (["g1.json"], ["p1.json", "p2.json"])


def test_eval_pred_first_scores_every_gold_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(json.loads(SEED_GOLD.read_bytes()))
    (tmp_path / "pred.jsonl").write_text(f"{line}\n{line}\n")
    code = main(["eval", "--pred", str(tmp_path / "pred.jsonl"), str(SEED_GOLD), str(SEED_GOLD)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == "2 article(s)"


@pytest.mark.parametrize("content", ["[]", '"Russia said so."', "null", "3", "[{}]"])
@pytest.mark.parametrize("command", ["extract", "compare", "eval"])
def test_a_json_file_must_hold_an_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, content: str
) -> None:
    (tmp_path / "top.json").write_text(content)
    argv = {
        "extract": ["extract", str(tmp_path / "top.json")],
        "compare": ["compare", str(SEED_GOLD), str(tmp_path / "top.json")],
        "eval": ["eval", str(SEED_GOLD), "--pred", str(tmp_path / "top.json")],
    }[command]
    code = main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    kind = {"[": "array", '"': "string", "n": "null", "3": "integer"}[content[0]]
    assert err == f"claimkit: {tmp_path / 'top.json'}:1: $: expected an object, got {kind}\n"


def test_compare_says_nan_is_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = SEED_GOLD.read_text(encoding="utf-8").replace(
        '"format_version": 1', '"format_version": NaN'
    )
    assert "NaN" in data
    (tmp_path / "nan.json").write_text(data)
    code = main(["compare", str(SEED_GOLD), str(tmp_path / "nan.json")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"claimkit: {tmp_path / 'nan.json'}:")
    assert err.endswith(": NaN is not valid JSON\n")


def test_a_directory_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # extract walks directories (tests/test_batch_cli.py); validate reads files only.
    code = main(["validate", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"{tmp_path}: " in out + err
    assert "cannot read: Is a directory" in out + err


def test_extract_of_a_directory_without_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("Russia said two soldiers died.")
    assert main(["extract", str(tmp_path)]) == 2
    assert capsys.readouterr() == ("", f"claimkit: {tmp_path}: no *.txt file in this directory\n")


def test_text_files_are_still_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only names and a first '{' make JSON: a .txt file of brackets is text.
    (tmp_path / "brackets.txt").write_text("[Russia said two soldiers died.]")
    assert main(["extract", str(tmp_path / "brackets.txt")]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["text"] == "[Russia said two soldiers died.]"
