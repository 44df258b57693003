"""The quick test that lets the extractor skip the quantity pattern says what the pattern
would say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimkit.extraction import quantities
from claimkit.language.lexicon import NUMBER_WORDS, SCALES, VAGUE_AMOUNTS
from claimkit.language.tokens import ascii_lower

# Words and pieces of words the patterns look for, among characters that bound words or not.
_PIECES = st.sampled_from(
    [*NUMBER_WORDS, *SCALES, *VAGUE_AMOUNTS, "a", "dozen", "of", "x", "_",
     "9", "٣", "é", "-", " ", "\n", '"', "“", "”", ".", ",", "'", "Said", "SAID"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)


@given(_TEXTS, st.data())
def test_no_quantity_where_the_pre_check_finds_no_number(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lowered = ascii_lower(text)
    if not quantities._may_hold_number(lowered, start, end):
        assert quantities._QUANTITY.search(lowered, start, end) is None
