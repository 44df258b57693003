"""Fuzzing every public parser and every command: only documented errors escape.

The strategies mix plain noise with the hazards that crashed or fooled claimkit
before: deep nesting, integers past Python's digit limit or past 2**53, NaN and
Infinity, lone surrogates (escaped, raw, encoded), byte-order marks, CRLF, empty
input, top levels that are not objects, and valid articles with one value replaced.

For any input, a parser returns an object that can be written and read back, or
raises a :class:`~claimkit.errors.ClaimkitError`; the command line exits 0, 1 or
2 without a traceback; and ``claimkit validate`` accepts a file exactly when
``from_json`` accepts each of its documents.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimkit
from claimkit import Article, to_dict
from claimkit.cli import main
from claimkit.errors import ClaimkitError, DecodeError, ReadError, ValidationError
from claimkit.readers import decode_utf8, parse_plain, parse_seed, read_text_file
from claimkit.serialize import (
    MODEL_CLASSES,
    from_dict,
    from_json,
    iter_jsonl,
    json_documents,
    to_json,
    validate_json,
    validate_jsonl,
)
from claimkit.strategies import articles

#: Values that a parser must answer with a documented error, or accept exactly.
HAZARDS: list[Any] = [
    float("nan"),
    float("inf"),
    -float("inf"),
    2**53 + 1,
    -(2**53) - 1,
    2**64,
    10**400,
    "\ud800",
    "a\udfffb",
    "\U0001f600",
    "",
    True,
    None,
    [],
    {},
    1.5,
    1e308,
    -0.0,
    "2020-02-30",
    "0000-01-01",
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(HAZARDS),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid article's dict with one value replaced by a hazard or by noise."""
    data = to_dict(draw(articles(max_claims=3)))
    path = draw(st.sampled_from(_paths(data)))
    new = draw(st.sampled_from(HAZARDS) | json_values)
    return _replace(data, path, new)


def _dumps(value: Any, *, indent: int | None, ascii_only: bool) -> str:
    return json.dumps(value, indent=indent, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def json_texts(draw: st.DrawFn) -> bytes:
    """JSON text (some of it not JSON at all), as a file would hold it."""
    value = draw(mutated_documents() | json_values)
    text = _dumps(value, indent=draw(st.sampled_from([None, 2])), ascii_only=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate: its raw (invalid) bytes
    if draw(st.booleans()):
        lines = draw(st.integers(min_value=1, max_value=3))
        raw = b"\n".join([raw.replace(b"\r", b"").replace(b"\n", b"")] * lines) + b"\n"
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        raw = b"\xef\xbb\xbf" + raw
    return raw


deep_nesting = st.integers(min_value=60, max_value=3000).map(
    lambda n: b'{"text": ' + b"[" * n + b"]" * n + b"}"
)
long_integers = st.integers(min_value=15, max_value=5000).map(
    lambda n: b'{"start": 0, "end": ' + b"9" * n + b"}"
)

#: Bytes of every kind: noise, JSON, text and the hazards above.
any_bytes = st.one_of(
    st.binary(max_size=200),
    json_texts(),
    deep_nesting,
    long_integers,
    st.sampled_from([b"", b"\n", b"\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf{}", b"[]", b"null"]),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(max_size=80).map(lambda t: ("date 2020-01-24\r\n" + t).encode("utf-8")),
)


#: Fuzzing runs many commands in-process; hypothesis must not call that too slow.
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def outcome(function: Any, *args: Any, **kwargs: Any) -> Any:
    """What ``function`` returns, or the documented error it raised (anything else escapes)."""
    try:
        return function(*args, **kwargs)
    except ClaimkitError as error:
        return error


def _accepted(raw: bytes | str, cls: type = Article) -> Any:
    """What ``from_json`` makes of ``raw``: the object, or the documented error it raised."""
    return outcome(from_json, raw, cls)


# --- the parsers ------------------------------------------------------------------------


@FUZZ
@given(any_bytes, st.sampled_from(MODEL_CLASSES))
def test_from_json_accepts_or_raises_a_documented_error(raw: bytes, cls: type) -> None:
    result = _accepted(raw, cls)
    if isinstance(result, ClaimkitError):
        assert isinstance(result, DecodeError | ValidationError)
        assert str(result)  # says what is wrong
        return
    assert type(result) is cls
    written = to_json(result)  # never UnicodeEncodeError
    assert from_json(written, cls) == result
    assert from_dict(json.loads(written), cls) == result
    # Accepted bytes are UTF-8 text, as the command line requires.
    (raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw).decode("utf-8")


@FUZZ
@given(any_bytes)
def test_validate_json_agrees_with_from_json(raw: bytes) -> None:
    result = _accepted(raw)
    problems = outcome(validate_json, raw)
    if isinstance(problems, ClaimkitError):
        assert isinstance(problems, DecodeError)
        assert isinstance(result, DecodeError)
        assert problems.message == result.message
        return
    if isinstance(result, ValidationError):
        assert problems == list(result.problems)
    else:
        assert not isinstance(result, ClaimkitError)
        assert problems == []


@FUZZ
@given(any_bytes)
def test_text_and_bytes_are_read_alike(raw: bytes) -> None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    by_bytes, by_text = _accepted(raw), _accepted(text)
    if isinstance(by_bytes, ClaimkitError):
        assert type(by_text) is type(by_bytes)
        assert str(by_text) == str(by_bytes)
    else:
        assert by_text == by_bytes


@FUZZ
@given(json_values | mutated_documents(), st.sampled_from(MODEL_CLASSES))
def test_from_dict_raises_only_validation_errors(data: Any, cls: type) -> None:
    obj = outcome(from_dict, data, cls)
    if isinstance(obj, ClaimkitError):
        assert isinstance(obj, ValidationError)
        assert obj.problems
        return
    assert from_json(to_json(obj), cls) == obj


@FUZZ
@given(st.lists(any_bytes, max_size=4))
def test_iter_jsonl_and_validate_jsonl_agree(chunks: list[bytes]) -> None:
    raw = b"\n".join(chunks)
    loaded = outcome(lambda: list(iter_jsonl(io.BytesIO(raw), source="f.jsonl")))
    problems = list(validate_jsonl(io.BytesIO(raw), source="f.jsonl"))
    if isinstance(loaded, ValidationError):
        assert problems[0] == loaded.problems[0]
    elif isinstance(loaded, DecodeError):
        assert (problems[0].line, problems[0].message) == (loaded.line, loaded.message)
    else:
        assert not isinstance(loaded, ClaimkitError)
        assert problems == []
        assert all(type(a) is Article for a in loaded)


@FUZZ
@given(any_bytes)
def test_json_documents_raises_only_decode_errors(raw: bytes) -> None:
    documents = outcome(lambda: list(json_documents(io.BytesIO(raw))))
    if isinstance(documents, ClaimkitError):
        assert isinstance(documents, DecodeError)
        assert not raw.strip(b" \t\r\n")  # only empty input has no document
        return
    assert documents
    assert all(line >= 1 for line, _ in documents)


@FUZZ
@given(any_bytes)
def test_text_readers_raise_only_read_errors(raw: bytes) -> None:
    text = outcome(decode_utf8, raw, source="a.txt")
    if isinstance(text, ClaimkitError):
        assert isinstance(text, ReadError)
        assert text.source == "a.txt"
        return
    for read in (parse_seed, parse_plain):
        parsed = outcome(read, text, source="a.txt")
        if isinstance(parsed, ClaimkitError):
            assert isinstance(parsed, ReadError)
            assert (parsed.source, parsed.line) == ("a.txt", 1)
        else:
            assert parsed.text == parsed.text.strip()
            assert parsed.text


def test_read_text_file_of_a_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read: Is a directory"):
        read_text_file(str(tmp_path))


# --- the command line -------------------------------------------------------------------


@contextlib.contextmanager
def _in_files(raw: bytes, name: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        yield path


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit:  # argparse
            code = int(exit.code or 0)
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    assert "claimkit: internal error" not in text, text
    assert code in (0, 1, 2, 3), (code, text)
    return code, text


def _api_verdict(raw: bytes) -> int:
    """The exit code that ``validate`` must give for ``raw``, found through the API."""
    try:
        documents = list(json_documents(io.BytesIO(raw)))
    except DecodeError:
        return 2
    verdict = 0
    for line, document in documents:
        try:
            from_json(document, line=line)
        except DecodeError:
            return 2
        except ValidationError:
            verdict = 1
    return verdict


NAMES = st.sampled_from(["in.json", "in.jsonl", "in.txt", "in"])
SEED = Path(__file__).resolve().parents[2] / "seeds" / "idlib-2020-01-24.json"


@FUZZ
@given(any_bytes, NAMES)
def test_validate_accepts_exactly_what_the_api_accepts(raw: bytes, name: str) -> None:
    with _in_files(raw, name) as path:
        code, _ = _run("validate", str(path))
    assert code == _api_verdict(raw)


@FUZZ
@given(any_bytes, NAMES, st.sampled_from(["extract", "compare", "eval"]))
def test_every_command_answers_any_file(raw: bytes, name: str, command: str) -> None:
    with _in_files(raw, name) as path:
        argv = {
            "extract": ["extract", str(path)],
            "compare": ["compare", str(SEED), str(path)],
            "eval": ["eval", str(SEED), "--pred", str(path)],
        }[command]
        code, text = _run(*argv)
    if code == 2:
        assert text.startswith("claimkit: "), text
    if name.endswith((".json", ".jsonl")) and code == 0 and command == "extract":
        # A .json file that extract accepted holds articles that the API reads.
        assert _api_verdict(raw) == 0


@FUZZ
@given(st.lists(st.sampled_from(
    ["validate", "extract", "compare", "eval", "schema", "--pred", "--format", "json", "-o",
     "--published", "2020-02-30", "-", "--version", "--help", str(SEED), "nope.json", ""]
), max_size=6))  # fmt: skip
def test_any_command_line_is_answered(argv: list[str]) -> None:
    if "-" in argv:
        return  # standard input is not fuzzed here
    if "-o" in argv:
        return  # no output files
    with tempfile.TemporaryDirectory() as folder:
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            _run(*argv)
        finally:
            os.chdir(cwd)


def test_schema_command_prints_the_schema() -> None:
    code, text = _run("schema")
    assert code == 0
    assert json.loads(text) == claimkit.json_schema()
