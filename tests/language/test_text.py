"""The shared text utilities: content words, stems and name keys."""

from __future__ import annotations

import pytest

from claimkit.language.text import content_stems, stem


def test_inflections_meet_on_one_stem() -> None:
    assert stem("killed") == stem("killing")
    assert stem("arrested") == stem("arrests")


def test_four_letter_content_words_count() -> None:
    stems = content_stems("police used live bullets")
    assert {stem("used"), stem("live"), stem("bullets")} <= stems


@pytest.mark.parametrize("word", ["that", "they", "with", "have", "were", "said", "week"])
def test_function_and_reporting_words_do_not(word: str) -> None:
    assert content_stems(f"{word} ammunition") == {stem("ammunition")}


def test_names_are_left_out_of_a_sentence() -> None:
    assert content_stems("Harare police fired") == {stem("police"), stem("fired")}


def test_a_title_keeps_its_capitalised_words() -> None:
    title = content_stems("Deny Using Live Ammunition Against Protesters")
    body = content_stems("denied that officers had used live ammunition against protesters")
    assert {stem("using"), stem("live"), stem("ammunition"), stem("protesters")} <= title
    assert len(title & body) >= 3


def test_one_capitalised_word_does_not_make_a_title() -> None:
    assert content_stems("Witnesses") == frozenset()
