"""docs/annotation.md, the contract of the gold set, covers the model and is pointed to."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest

from claimkit import DisputeKind, Hedge, Mode, Polarity, Stance, TimePrecision

ROOT = Path(__file__).resolve().parent.parent
GUIDELINE = (ROOT / "docs" / "annotation.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "choices", [Hedge, Mode, Polarity, Stance, DisputeKind], ids=lambda e: e.__name__
)
def test_the_guideline_says_when_each_value_applies(choices: type[enum.Enum]) -> None:
    missing = [m.value for m in choices if f"`{m.value}`" not in GUIDELINE]
    assert not missing, f"docs/annotation.md never names {missing}"


def test_the_guideline_names_unresolved_times() -> None:
    assert f"`{TimePrecision.UNRESOLVED.value}`" in GUIDELINE


@pytest.mark.parametrize(
    "path", ["docs/index.md", "docs/model.md", "docs/extraction.md", "gold/README.md"]
)
def test_the_docs_point_to_the_guideline(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert "annotation.md](" in text
    assert "(`ANNOTATION.md`)" not in text  # the old name of a file that was not there
