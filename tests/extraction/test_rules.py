"""The named attribution rules: each reads its example as it says, and every attribution
the extractor makes on the gold set names one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
from claimkit.extraction.attribution import Attribution, find_attributions
from claimkit.extraction.quotes import run_on
from claimkit.extraction.rules import MEASURED_PRECISION, RULES, AttributionRule
from claimkit.language.sentences import statement_sentences
from claimkit.readers import read_text_file

ROOT = Path(__file__).resolve().parents[2]


def _attributions(text: str) -> list[Attribution]:
    return [
        run_on(text, attribution, end)
        for start, end in statement_sentences(text)
        for attribution in find_attributions(text, start, end, [])
    ]


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.name)
def test_each_rule_reads_its_example(rule: AttributionRule) -> None:
    text = rule.example
    made = [a for a in _attributions(text) if a.rule == rule.name]
    assert len(made) == 1, [a.rule for a in _attributions(text)]
    found = made[0]
    assert text[found.cue[0] : found.cue[1]] == rule.cue
    assert text[found.content[0] : found.content[1]] == rule.content
    # The speaker, read or inherited from the clause it depends on, is the actor named.
    article = claimkit.extract(text)
    claim = next(c for c in article.claims if c.cue.span.start == found.cue[0])
    mentions = {text[m.start : m.end] for m in article.speaker_of(claim).mentions}
    assert rule.speaker in mentions


def test_every_attribution_on_the_gold_set_names_its_rule() -> None:
    used: set[str] = set()
    for path in sorted((ROOT / "gold").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")):
        text = read_text_file(str(path)).text
        for attribution in _attributions(text):
            assert attribution.rule in RULES, (path.name, attribution)
            used.add(attribution.rule)
    # No rule is dead: the gold set exercises each of them.
    assert used == set(RULES)


def test_every_rule_has_a_measured_precision_that_claims_carry_as_confidence() -> None:
    assert set(MEASURED_PRECISION) == set(RULES)
    assert all(0.0 < value < 1.0 for value in MEASURED_PRECISION.values())
    for rule in RULES.values():
        article = claimkit.extract(rule.example)
        cue_start = next(a.cue[0] for a in _attributions(rule.example) if a.rule == rule.name)
        claim = next(c for c in article.claims if c.cue.span.start == cue_start)
        assert claim.confidence == MEASURED_PRECISION[rule.name]
