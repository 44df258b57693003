"""The language tables: each cue row does what it says, and no table is dead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import claimkit
from claimkit.language import counts, cues, events, lexicon, states
from claimkit.language.cues import CUE_VERBS, CueVerb
from claimkit.model import Polarity

SRC = Path(claimkit.__file__).resolve().parent


@pytest.mark.parametrize("verb", CUE_VERBS, ids=lambda v: v.lemma)
def test_every_cue_row_makes_a_claim_in_its_example(verb: CueVerb) -> None:
    article = claimkit.extract(verb.example)
    cue_words = {c.cue.text.casefold() for c in article.claims}
    assert cue_words & set(verb.forms), (verb.example, cue_words)
    claim = next(c for c in article.claims if c.cue.text.casefold() in verb.forms)
    assert (claim.polarity is Polarity.DENY) == verb.denies
    assert claim.hedged == verb.hedges


def test_a_form_belongs_to_one_cue_verb() -> None:
    forms = [form for verb in CUE_VERBS for form in verb.forms]
    assert len(forms) == len(set(forms))
    assert all(verb.ambiguous <= set(verb.forms) for verb in CUE_VERBS)
    participles = [verb for verb in CUE_VERBS if verb.participle is not None]
    assert all(verb.participle in verb.forms for verb in participles)


def test_an_event_word_names_one_kind() -> None:
    assert set(events.COUNT_EVENT_WORDS.items()) <= set(events.EVENT_WORDS.items())
    assert set(events.EVENT_WORDS) >= events.EVENT_NOUNS


def _public_tables() -> list[tuple[str, str]]:
    found = []
    for module in (lexicon, cues, events, counts, states):
        for name in module.__dict__:
            if name.isupper() and not name.startswith("_"):
                found.append((module.__name__, name))
    return found


@pytest.mark.parametrize(("module", "name"), _public_tables())
def test_no_table_is_dead(module: str, name: str) -> None:
    # Every public table of the language layer is read by some other module of claimkit.
    own = SRC / (module.removeprefix("claimkit.").replace(".", "/") + ".py")
    users = [
        path
        for path in SRC.rglob("*.py")
        if path != own and re.search(rf"\b{name}\b", path.read_text(encoding="utf-8"))
    ]
    used_at_home = len(re.findall(rf"\b{name}\b", own.read_text(encoding="utf-8"))) > 1
    assert users or used_at_home, f"{module}.{name} is used nowhere"
