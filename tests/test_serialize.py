"""The serializers, on documents written by hand: exact outputs and exact error lines."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

import claimkit
from claimkit import (
    Article,
    DecodeError,
    Span,
    ValidationError,
    from_dict,
    from_json,
    iter_jsonl,
    json_schema,
    to_dict,
    to_json,
    write_jsonl,
)
from claimkit._convert import OPTIONAL_KEYS
from claimkit.errors import Problem
from claimkit.serialize import MODEL_CLASSES, validate_json, validate_jsonl

TEXT = "Russia said it."


def span(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end}


def document() -> dict[str, Any]:
    """A valid serialized article, written out in full by hand."""
    return {
        "text": TEXT,
        "published": "2020-01-24",
        "title": None,
        "source": None,
        "url": None,
        "language": "en",
        "actors": [
            {
                "name": "Russia",
                "kind": "government",
                "aliases": [],
                "role": None,
                "affiliation": None,
                "mentions": [span(0, 6)],
                "id": "russia",
            }
        ],
        "claims": [
            {
                "speaker": "russia",
                "cue": {"text": "said", "span": span(7, 11)},
                "content": {"text": "it", "span": span(12, 14)},
                "mode": "indirect",
                "polarity": "assert",
                "hedged": False,
                "when": None,
                "quantities": [],
                "confidence": 0.5,
                "extractor": {"name": "rules", "version": "1.0", "rule": "speaker-said-content"},
                "id": "c1",
            }
        ],
        "disputes": [],
        "format_version": 1,
        "id": "a1",
    }


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def error_lines(data: Any) -> list[str]:
    """The error lines of both paths, which must agree."""
    with pytest.raises(ValidationError) as from_dict_error:
        from_dict(data)
    with pytest.raises(ValidationError) as from_json_error:
        from_json(dumps(data))
    assert str(from_json_error.value) == str(from_dict_error.value)
    return str(from_dict_error.value).splitlines()


def test_document_decodes_and_encodes_back() -> None:
    article: Article = from_json(dumps(document()))
    assert article.claims[0].cue.text == "said"
    assert article.published is not None
    assert article.published.isoformat() == "2020-01-24"
    assert to_dict(article) == document()
    assert json.loads(to_json(article)) == document()
    assert from_dict(document()) == article


def test_to_json_is_compact_utf8() -> None:
    assert to_json(Span(start=1, end=2)) in (b'{"start":1,"end":2}', b'{"end":2,"start":1}')
    data = document()
    data["text"] = data["actors"][0]["name"] = "Москва said it."[:6] + TEXT[6:]
    data["actors"][0]["name"] = "Москва"
    assert "Москва".encode() in to_json(from_dict(data))


def test_every_problem_is_reported_at_once() -> None:
    data = document()
    data["title"] = 3
    data["actors"][0]["kind"] = "robot"
    data["actors"][0]["mentions"][0]["end"] = "6"
    data["claims"][0]["hedged"] = "no"
    data["claims"][0]["confidence"] = True
    data["claims"][0]["bogus"] = 1
    del data["claims"][0]["mode"]
    data["published"] = "24/01/2020"
    assert error_lines(data) == [
        "$.published: expected a date YYYY-MM-DD, got '24/01/2020'",
        "$.title: expected a string, got integer",
        "$.actors[0].kind: expected one of 'person', 'government', 'military', 'armed_group',"
        " 'media', 'international_org', 'organization', 'anonymous', 'other', got 'robot'",
        "$.actors[0].mentions[0].end: expected an integer, got string",
        "$.claims[0].mode: required field missing",
        "$.claims[0].hedged: expected a boolean, got string",
        "$.claims[0].confidence: expected a number, got boolean",
        "$.claims[0].bogus: unknown field",
    ]


def test_model_invariants_are_reported_with_their_path() -> None:
    data = document()
    data["claims"][0]["speaker"] = "moscow"
    data["claims"][0]["content"] = {"text": "it", "span": span(20, 22)}
    assert error_lines(data) == [
        "$.claims[0].speaker: no actor has the id 'moscow'",
        "$.claims[0].content.span.end: 22 is past the end of the text (15 characters)",
    ]


def test_nested_object_invariant_gets_the_full_path() -> None:
    data = document()
    data["claims"][0]["cue"]["span"] = span(11, 7)
    assert error_lines(data) == ["$.claims[0].cue.span.end: must be >= start (11), got 7"]


@pytest.mark.parametrize(
    ("change", "line"),
    [
        ({"published": "2020-02-30"}, "$.published: '2020-02-30' is not a real date"),
        ({"language": ""}, "$.language: must not be empty"),
        ({"id": ""}, "$.id: expected a non-empty id"),
        ({"actors": {}}, "$.actors: expected an array, got object"),
        ({"disputes": [3]}, "$.disputes[0]: expected an object, got integer"),
    ],
)
def test_single_problems(change: dict[str, Any], line: str) -> None:
    data = document()
    data.update(change)
    assert error_lines(data) == [line]


def test_root_must_be_an_object() -> None:
    assert error_lines([]) == ["$: expected an object, got array"]


def test_format_version_2_is_rejected_naming_the_supported_version() -> None:
    data = document()
    data["format_version"] = 2
    assert error_lines(data) == [
        "$.format_version: format version 2 is not supported (this claimkit reads 1)"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"text": ', "not valid JSON: Expecting value (line 1, column 10)"),
        (b'{"text": "\xff"}', "not UTF-8: byte 0xff at offset 10"),
        (b'{"text": "a", "text": "b"}', "duplicate key 'text'"),
        (b'{"confidence": NaN}', "NaN is not valid JSON"),
        (b'{"low": -Infinity}', "-Infinity is not valid JSON"),
    ],
)
def test_decode_errors(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError) as error:
        from_json(data, source="doc.json")
    assert error.value.message == message
    assert error.value.source == "doc.json"
    with pytest.raises(DecodeError):
        validate_json(data)


def test_duplicate_key_in_a_valid_document_is_a_decode_error() -> None:
    data = dumps(document()).replace(b'"id": "a1"', b'"id": "a1", "id": "a1"')
    with pytest.raises(DecodeError, match="duplicate key 'id'"):
        from_json(data)


def test_duplicate_key_next_to_a_missing_key_is_a_decode_error() -> None:
    # The duplicate "role" makes up for the missing one, key for key.
    data = document()
    data["actors"].append({**data["actors"][0], "name": "NLF", "id": "nlf", "mentions": []})
    del data["actors"][0]["role"]
    raw = dumps(data).replace(b'"role": null', b'"role": null, "role": null')
    assert raw.count(b'"role"') == 2
    with pytest.raises(DecodeError, match="duplicate key 'role'"):
        from_json(raw)


def test_duplicate_key_beside_escaped_quotes_is_a_decode_error() -> None:
    # A title holding '":' (escaped in JSON) and one ending in a backslash: the census
    # must still count the keys exactly.
    for title in ('he said": no', "a path C:\\", '\\":'):
        data = document()
        data["title"] = title
        assert from_json(dumps(data)) == from_dict(data)
        raw = dumps(data).replace(b'"id": "a1"', b'"id": "a1", "id": "a1"')
        with pytest.raises(DecodeError, match="duplicate key 'id'"):
            from_json(raw)


def test_key_moved_to_another_object_is_rejected() -> None:
    data = document()
    data["actors"][0]["published"] = data.pop("published")
    expected = [
        "$.published: required field missing",
        "$.actors[0].published: unknown field",
    ]
    with pytest.raises(ValidationError) as from_dict_error:
        from_dict(data)
    assert str(from_dict_error.value).splitlines() == expected
    with pytest.raises(ValidationError) as from_json_error:
        from_json(dumps(data))
    assert str(from_json_error.value).splitlines() == expected


def jsonl(*docs: Any) -> io.BytesIO:
    return io.BytesIO(b"".join(d if isinstance(d, bytes) else dumps(d) + b"\n" for d in docs))


def test_jsonl_errors_carry_the_line_number() -> None:
    bad = document()
    bad["claims"][0]["hedged"] = 1
    stream = jsonl(document(), b"\n", bad)
    articles: Iterator[Article] = iter_jsonl(stream, source="batch.jsonl")
    assert isinstance(next(articles), Article)
    with pytest.raises(ValidationError) as error:
        next(articles)
    assert str(error.value) == "batch.jsonl:3: $.claims[0].hedged: expected a boolean, got integer"
    assert error.value.problems[0].line == 3


def test_jsonl_decode_errors_carry_the_line_number() -> None:
    with pytest.raises(DecodeError) as error:
        list(iter_jsonl(jsonl(document(), b"{oops\n"), source="batch.jsonl"))
    assert error.value.line == 2
    assert str(error.value).startswith("batch.jsonl:2: not valid JSON: ")


def test_validate_jsonl_reports_every_line() -> None:
    bad = document()
    del bad["text"]
    problems = list(validate_jsonl(jsonl(bad, document(), b"[1,]\n"), source="b.jsonl"))
    assert [str(p) for p in problems] == [
        "b.jsonl:1: $.text: required field missing",
        "b.jsonl:3: $: not valid JSON: Expecting value (line 3, column 4)",
    ]
    assert problems[0] == Problem(
        path="$.text", message="required field missing", source="b.jsonl", line=1
    )


def test_a_position_without_account_reads_as_before() -> None:
    """Documents written before positions had an account still load, with the accounts
    of their stances; a document with the key reads it."""
    article = claimkit.extract(
        "Police said 12 people were killed. Rebels said 80 people were killed."
    )
    data = to_dict(article)
    for position in data["disputes"][0]["positions"]:
        assert position.pop("account") is not None
    old = from_json(json.dumps(data))
    assert [p.account for p in old.disputes[0].positions] == [None, None]
    assert old.disputes[0].disagreeing_pairs() == article.disputes[0].disagreeing_pairs()
    assert from_json(to_json(article)) == article


def definitions() -> dict[str, Any]:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs: dict[str, Any] = schema["$defs"]
    return defs


def test_schema_forbids_extra_keys_and_requires_every_key() -> None:
    objects = {name: d for name, d in definitions().items() if d.get("type") == "object"}
    assert set(objects) == {cls.__name__ for cls in MODEL_CLASSES}
    optional = {cls.__name__: keys for cls, keys in OPTIONAL_KEYS.items()}
    for name, definition in objects.items():
        assert definition["additionalProperties"] is False, name
        wanted = set(definition["properties"]) - optional.get(name, frozenset())
        assert sorted(definition["required"]) == sorted(wanted), name
        assert all("default" not in p for p in definition["properties"].values()), name


def test_schema_properties_are_the_serialized_keys() -> None:
    defs = definitions()
    article: Article = from_dict(document())
    assert set(defs["Article"]["properties"]) == set(to_dict(article))
    assert set(defs["Claim"]["properties"]) == set(to_dict(article.claims[0]))
    assert set(defs["Span"]["properties"]) == {"start", "end"}
    assert defs["Article"]["description"].startswith("A news article and who claimed what")


def check_against_schema(value: Any, schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """A structural check of the subset of JSON Schema that msgspec emits."""
    if "$ref" in schema:
        check_against_schema(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs)
        return
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                check_against_schema(value, option, defs)
            except AssertionError as error:
                errors.append(error)
        assert len(errors) < len(schema["anyOf"]), (value, schema)
        return
    kind = schema.get("type")
    python_types: dict[str, tuple[type, ...]] = {
        "object": (dict,),
        "array": (list,),
        "string": (str,),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "null": (type(None),),
    }
    if kind is not None:
        assert isinstance(value, python_types[kind]), (value, kind)
        assert kind in ("boolean", "null") or type(value) is not bool, (value, kind)
    if "enum" in schema:
        assert value in schema["enum"]
    if kind == "object":
        assert set(value) == set(schema["required"])
        for key, item in value.items():
            check_against_schema(item, schema["properties"][key], defs)
    if kind == "array":
        for item in value:
            check_against_schema(item, schema["items"], defs)
    if kind == "string" and "minLength" in schema:
        assert len(value) >= schema["minLength"]


def test_a_document_conforms_to_the_schema() -> None:
    schema = json_schema()
    check_against_schema(document(), schema, schema["$defs"])
    bad = copy.deepcopy(document())
    bad["claims"][0]["bogus"] = 1
    with pytest.raises(AssertionError):
        check_against_schema(bad, schema, schema["$defs"])


def test_write_jsonl_writes_text_to_a_text_stream() -> None:
    article: Article = from_dict(document())
    out = io.StringIO()
    assert write_jsonl([article, article], out) == 2
    lines = out.getvalue().splitlines()
    assert [from_json(line) for line in lines] == [article, article]
    assert list(iter_jsonl(io.StringIO(out.getvalue()))) == [article, article]
    binary = io.BytesIO()
    assert write_jsonl([article], binary) == 1
    assert binary.getvalue().decode("utf-8") == lines[0] + "\n"


def test_every_documented_error_has_one_base_class() -> None:
    from claimkit.errors import ClaimkitError, InputError, ReadError
    from claimkit.readers import ReadError as ReadersReadError
    from claimkit.serialize import DecodeError as SerializeDecodeError

    assert issubclass(ClaimkitError, ValueError)
    for cls in (ValidationError, InputError, DecodeError, ReadError):
        assert issubclass(cls, ClaimkitError), cls
    assert (SerializeDecodeError, ReadersReadError) == (DecodeError, ReadError)
    assert issubclass(DecodeError, InputError)
    assert issubclass(ReadError, InputError)


def test_a_byte_order_mark_is_ignored_by_both_paths() -> None:
    raw = dumps(document())
    assert from_json(b"\xef\xbb\xbf" + raw) == from_json(raw)
    assert from_json("\ufeff" + raw.decode()) == from_json(raw)
    bad = document()
    bad["url"] = 3
    with pytest.raises(ValidationError, match=r"\$\.url: expected a string, got integer"):
        from_json(b"\xef\xbb\xbf" + dumps(bad))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'"\\ud800 said it."', "contains a lone surrogate U+D800 at index 0"),
        (b'"\\udfff"', "contains a lone surrogate U+DFFF at index 0"),
    ],
)
def test_a_lone_surrogate_is_refused_with_its_path(raw: bytes, message: str) -> None:
    data = dumps(document()).replace(b'"Russia said it."', raw)
    assert data != dumps(document())
    with pytest.raises(ValidationError) as error:
        from_json(data)
    assert error.value.problems[0].path == "$.text"
    assert error.value.problems[0].message.startswith(message)


def test_an_encoded_surrogate_is_not_utf8() -> None:
    data = dumps(document()).replace(b"Russia said it.", b"\xed\xa0\x80ussia said it.")
    with pytest.raises(DecodeError, match="not UTF-8: byte 0xed at offset"):
        from_json(data)


def test_a_pair_of_surrogate_escapes_is_one_character() -> None:
    data = document()
    data["title"] = "\U0001f600"
    assert from_json(json.dumps(data).encode()).title == "\U0001f600"  # written as \\ud83d\\ude00


def _read_json(data: Any) -> Any:
    return from_json(dumps(data))


@pytest.mark.parametrize("read", [_read_json, from_dict], ids=["from_json", "from_dict"])
@pytest.mark.parametrize("value", [2**53 + 1, -(2**53) - 1, 10**30 + 1, 10**400])
def test_an_integer_that_a_float_cannot_hold_is_refused(read: Any, value: int) -> None:
    data = document()
    data["claims"][0]["quantities"] = [
        {"text": "it", "span": span(12, 14), "hedge": "exact", "low": value, "high": value,
         "counted": None, "event": None}
    ]  # fmt: skip
    with pytest.raises(ValidationError) as error:
        read(data)
    paths = [p.path for p in error.value.problems]
    assert paths == ["$.claims[0].quantities[0].low", "$.claims[0].quantities[0].high"]
    assert "cannot be held exactly by a number" in error.value.problems[0].message


@pytest.mark.parametrize("value", [2**53, 2**60, -(2**53)])
def test_an_integer_that_a_float_holds_is_read(value: int) -> None:
    data = document()
    data["claims"][0]["quantities"] = [
        {"text": "it", "span": span(12, 14), "hedge": "exact", "low": value, "high": value,
         "counted": None, "event": None}
    ]  # fmt: skip
    article: Article = from_json(dumps(data))
    assert article.claims[0].quantities[0].low == value
    assert from_dict(data) == article


def test_an_integer_longer_than_python_reads_is_refused_with_its_path() -> None:
    data = dumps(document()).replace(b'"format_version": 1', b'"format_version": ' + b"7" * 5000)
    with pytest.raises(ValidationError) as error:
        from_json(data)
    assert [(p.path, p.message) for p in error.value.problems] == [
        ("$.format_version", "an integer of 5000 digits is longer than Python reads")
    ]


@pytest.mark.parametrize("where", ["top", "field"])
def test_deep_nesting_is_a_decode_error(where: str) -> None:
    deep = b"[" * 5000 + b"]" * 5000
    data = deep if where == "top" else dumps(document()).replace(b'"url": null', b'"url": ' + deep)
    with pytest.raises(DecodeError, match="nested deeper than 64 levels"):
        from_json(data)
    with pytest.raises(DecodeError):
        validate_json(data)


def _peak_reading(path: Any) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            count = sum(1 for _ in iter_jsonl(stream))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count > 0
    return peak


def test_iter_jsonl_streams_a_file_in_bounded_memory(tmp_path: Any) -> None:
    line = dumps(document()) + b"\n"
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_bytes(line * (2_000_000 // len(line)))
    large.write_bytes(line * (4_000_000 // len(line)))
    small_peak, large_peak = _peak_reading(small), _peak_reading(large)
    # Twice the file, about the same peak, and far less than the file.
    assert large_peak < 1.25 * small_peak + 64_000
    assert large_peak < large.stat().st_size / 10
