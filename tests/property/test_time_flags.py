"""The time flags of a sentence's tokens: the quick scan equals the obvious definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimkit.extraction.reading import _time_flags
from claimkit.language.tokens import tokenize

TEXT = "On Thursday the army said that on Friday morning it had held the post since May 2."


@st.composite
def _case(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int]]]:
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start + 1, len(TEXT)))
    cuts = sorted(draw(st.sets(st.integers(0, len(TEXT)), max_size=8)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return start, end, spans


@given(_case())
def test_a_token_is_in_a_time_exactly_when_a_time_span_covers_it(
    case: tuple[int, int, list[tuple[int, int]]],
) -> None:
    start, end, spans = case
    tokens = tokenize(TEXT, start, end)
    expected = [any(a <= t.start and t.end <= b for a, b in spans) for t in tokens]
    assert _time_flags(tokens, spans) == expected
