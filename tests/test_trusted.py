"""The extractor builds its objects without the model's field checks (claimkit._trusted):
they must equal, field for field, the objects the classes build from the same values,
and a text the classes refuse must still be refused with the same error."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import claimkit
from claimkit import _trusted
from claimkit.errors import ValidationError
from claimkit.model import Hedge, TimePrecision
from claimkit.readers import read_text_file
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "gold").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


def _rebuilt(value: Any) -> Any:
    """``value`` built again by the classes, from its fields (ids given, as stored)."""
    if isinstance(value, tuple):
        return tuple(_rebuilt(item) for item in value)
    if not attrs.has(type(value)):
        return value
    fields = {
        field.alias: _rebuilt(getattr(value, field.name))
        for field in attrs.fields(type(value))
        if field.name != "_origin"
    }
    return type(value)(**fields)


def _same(built: Any, checked: Any, path: str = "$") -> None:
    """Equal, of the same types, with the same content keys, all the way down."""
    assert type(built) is type(checked), path
    if isinstance(built, tuple):
        assert len(built) == len(checked), path
        for index, (a, b) in enumerate(zip(built, checked, strict=True)):
            _same(a, b, f"{path}[{index}]")
        return
    if not attrs.has(type(built)):
        assert built == checked, path
        return
    for field in attrs.fields(type(built)):
        _same(getattr(built, field.name), getattr(checked, field.name), f"{path}.{field.name}")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_extracted_objects_equal_those_the_classes_build(path: Path) -> None:
    source = read_text_file(str(path))
    article = claimkit.extract(source.text, published=source.published)
    rebuilt = _rebuilt(article)
    assert rebuilt == article
    _same(article, rebuilt)


def test_adversarial_inputs_build_the_same_objects() -> None:
    module = load_script("benchmarks/extract.py")
    for make in module.ADVERSARIAL.values():
        article = claimkit.extract(make(3000))
        _same(article, _rebuilt(article))


def test_each_builder_equals_its_class() -> None:
    span = claimkit.Span(start=2, end=5)
    assert _trusted.span(2, 5) == span
    assert _trusted.excerpt("a said b", 2, 6) == claimkit.Excerpt(
        text="said", span=span.__class__(start=2, end=6)
    )
    fields: dict[str, Any] = {
        "text": "about 40",
        "span": claimkit.Span(start=0, end=8),
        "hedge": Hedge.APPROXIMATE,
        "low": 40.0,
        "high": 40.0,
        "counted": "people",
        "event": "killed",
    }
    _same(_trusted.quantity(**fields), claimkit.Quantity(**fields))
    day = datetime.date(2020, 1, 23)
    times: dict[str, Any] = {
        "text": "on Thursday",
        "span": claimkit.Span(start=0, end=11),
        "precision": TimePrecision.DAY,
        "start": day,
        "end": day,
    }
    _same(_trusted.time_ref(**times), claimkit.TimeRef(**times))


@pytest.mark.parametrize(
    "text",
    [
        "Russia said \ud800 had been killed.",  # in a claim's content
        "\ud800 The weather was fine.",  # in narration only
    ],
)
def test_a_lone_surrogate_is_refused_as_the_classes_refuse_it(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        claimkit.extract(text)
    assert "lone surrogate" in str(raised.value)
