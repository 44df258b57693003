"""The serializer benchmark compares like with like.

Its corpus must be valid claimkit data, and claimkit and the msgspec Struct
twins must read the same bytes as the same data; otherwise its ratios mean
nothing. No timing is asserted here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import msgspec

# orjson is a test dependency: a missing orjson must fail the run, not skip it.
import orjson

import claimkit
from claimkit import Article, from_json, iter_jsonl, to_dict, to_json
from repo_scripts import load_script

_BENCH = load_script("benchmarks/serialize.py")
build_corpus: Callable[[int], list[Article]] = _BENCH.build_corpus
to_jsonl: Callable[[Sequence[Article]], bytes] = _BENCH.to_jsonl
TWINS: tuple[tuple[type, type[msgspec.Struct]], ...] = _BENCH.TWINS
ArticleTwin: type[msgspec.Struct] = _BENCH.ArticleTwin


def _lists(value: Any) -> Any:
    """``value`` with tuples as lists, as in ``to_dict`` (``to_builtins`` keeps tuples)."""
    if isinstance(value, tuple | list):
        return [_lists(item) for item in value]
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    return value


def test_corpus_is_valid_and_deterministic() -> None:
    corpus = build_corpus(4)
    assert len(corpus) == 4
    for article in corpus:
        assert type(article) is Article
        # Building again from the dict form re-checks every invariant.
        assert claimkit.from_dict(to_dict(article)) == article
        assert len(article.actors) == 4
        assert len(article.claims) == 8
        assert len(article.disputes) == 2
        assert 1800 <= len(article.text) <= 2300
        assert any(claim.quantities for claim in article.claims)
        assert any(claim.when is not None for claim in article.claims)
    assert build_corpus(4) == corpus
    assert len({article.id for article in corpus}) == 4


def test_twins_mirror_the_model() -> None:
    for cls, twin in TWINS:
        # Private fields (the memory of a derived id) are not serialized.
        fields = [f for f in attrs.fields(cls) if not f.name.startswith("_")]
        assert twin.__struct_fields__ == tuple(f.name for f in fields), cls
        assert twin.__struct_config__.forbid_unknown_fields, twin
        defaults: dict[str, Any] = dict(
            zip(
                twin.__struct_fields__[-len(twin.__struct_defaults__) :],
                twin.__struct_defaults__,
                strict=True,
            )
        ) if twin.__struct_defaults__ else {}  # fmt: skip
        for field in fields:
            if field.default is attrs.NOTHING:
                assert field.name not in defaults, (cls, field.name)
            else:
                assert defaults[field.name] == field.default, (cls, field.name)


def test_claimkit_and_twins_decode_the_same_data() -> None:
    corpus = build_corpus(3)
    blob = to_jsonl(corpus)
    lines = blob.splitlines()
    decoder = msgspec.json.Decoder(ArticleTwin)
    assert list(iter_jsonl(iter(blob.splitlines(keepends=True)))) == corpus
    for article, line in zip(corpus, lines, strict=True):
        decoded: Article = from_json(line)
        assert decoded == article
        twin = decoder.decode(line)
        assert to_dict(decoded) == _lists(msgspec.to_builtins(twin))
        # The encoders being compared produce the same documents.
        assert orjson.loads(orjson.dumps(to_dict(article))) == orjson.loads(to_json(article))
        assert orjson.loads(msgspec.json.encode(twin)) == orjson.loads(to_json(article))


def test_the_benchmark_runs_small_and_prints_every_ratio(capsys: Any, tmp_path: Path) -> None:
    assert _BENCH.main(["--articles", "3", "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert "only the input bytes alive" in out
    for state in ("ENABLED", "PAUSED"):
        assert f"decode + validate, cyclic GC {state}" in out
        assert f"encode, cyclic GC {state}" in out
    # Every contender gets a ratio against the baseline, in both GC settings.
    for label in ("claimkit from_json per line", "claimkit iter_jsonl", "cattrs from_dict"):
        assert out.count(label) == 2, label
    assert out.count("msgspec Struct twins") >= 4


def test_the_big_file_is_written_to_size_and_read_back(capsys: Any, tmp_path: Path) -> None:
    lines = to_jsonl(build_corpus(2)).splitlines()
    path = tmp_path / "big.jsonl"
    size = 3 * sum(len(line) + 1 for line in lines) + 10
    written = _BENCH.write_big_jsonl(path, size, lines)
    assert written == path.stat().st_size >= size
    assert _BENCH.read_big_jsonl(path) == 7  # three rounds of two lines, and one more
    out = capsys.readouterr().out
    assert "read 7 articles" in out
    assert "peak RSS" in out
