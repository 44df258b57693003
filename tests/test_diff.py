"""Article diffs: two versions of one article, or two outlets on one event."""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

import attrs

import claimkit
from claimkit import Article, ChangedField, FieldChange, Polarity, Relation, diff
from claimkit.diff import diff_to_dict, format_diff

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "idlib-2020-01-24.txt"


def body(text: str) -> str:
    return text.split("2020-01-24", 1)[1].strip()


@functools.cache
def version(replace: tuple[tuple[str, str], ...] = ()) -> Article:
    text = body(SEED.read_text(encoding="utf-8"))
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return claimkit.extract(Article(text=text), published=datetime.date(2020, 1, 24))


DENIAL = (
    "The spokesman for the National Liberation Front coalition of rebel groups Naji al-Mustafa"
    " disputed the Syrian media and Russian government accounts and said no such assault had"
    " taken place on Wednesday or Thursday."
)


def test_an_article_and_itself() -> None:
    result = diff(version(), version())
    assert result.empty
    assert result.agree
    assert len(result.unchanged) == len(version().claims)
    assert result == claimkit.ArticleDiff(unchanged=result.unchanged)


def test_a_changed_number_is_a_changed_claim_that_contradicts() -> None:
    old = version()
    new = version((("killing up to 40 Syrian soldiers", "killing 55 Syrian soldiers"),))
    result = diff(old, new)
    assert (len(result.added), len(result.removed), len(result.changed)) == (0, 0, 1)
    change = result.changed[0]
    assert change.fields == (ChangedField.CONTENT, ChangedField.NUMBERS)
    assert change.changes[1] == FieldChange(
        field=ChangedField.NUMBERS, old="hundreds of, up to 40", new="55, hundreds of"
    )
    assert change.comparison.relation is Relation.CONTRADICT
    assert result.contradictions == ((change.old, change.new),)
    assert not result.agree
    assert diff(new, old) == result.mirror()


def test_a_removed_denial_removes_claims_and_an_actor() -> None:
    old = version()
    new = version(((DENIAL, ""),))
    result = diff(old, new)
    assert [c.content.text for c in result.removed] == [
        "the Syrian media and Russian government accounts",
        "no such assault had taken place on Wednesday or Thursday",
    ]
    assert result.added == ()
    assert result.actors_removed == ("National Liberation Front",)
    assert result.agree  # a claim left out is not a contradiction
    assert diff(new, old) == result.mirror()
    assert diff(new, old).actors_added == ("National Liberation Front",)


def test_polarity_speaker_cue_and_hedge_changes_are_typed() -> None:
    old = version()
    claim = next(c for c in old.claims if c.content.text.startswith("Syrian regime forces"))
    moscow_claim = attrs.evolve(
        claim,
        polarity=Polarity.DENY,
        hedged=True,
        cue=claimkit.Excerpt(text="said", span=claim.cue.span),
    )
    new = attrs.evolve(
        old,
        claims=tuple(moscow_claim if c is claim else c for c in old.claims),
        disputes=(),
        id="",
    )
    result = diff(old, new)
    assert [c.fields for c in result.changed] == [(ChangedField.POLARITY, ChangedField.HEDGE)]
    assert result.changed[0].changes == (
        FieldChange(field=ChangedField.POLARITY, old="assert", new="deny"),
        FieldChange(field=ChangedField.HEDGE, old="not hedged", new="hedged"),
    )
    assert not result.agree


def test_a_new_speaker_for_the_same_words_is_a_speaker_change() -> None:
    old = version()
    new = version((("Russia said Syrian regime forces", "Turkey said Syrian regime forces"),))
    result = diff(old, new)
    speaker = [c for c in result.changed if ChangedField.SPEAKER in c.fields]
    assert len(speaker) == 1
    assert speaker[0].changes == (
        FieldChange(field=ChangedField.SPEAKER, old="Russia", new="Turkey"),
    )
    assert speaker[0].comparison.relation is Relation.AGREE
    assert result.actors_added == ("Turkey",)


def test_readable_and_json_forms() -> None:
    old = version()
    new = version((("killing up to 40 Syrian soldiers", "killing 55 Syrian soldiers"),))
    result = diff(old, new)
    text = format_diff(result, old, new)
    unchanged = len(old.claims) - 1
    assert text.splitlines()[0] == (
        f"the accounts disagree: {unchanged} unchanged, 1 changed, 0 added, 0 removed,"
        " 1 contradiction(s)"
    )
    assert "    numbers: 'hundreds of, up to 40' -> '55, hundreds of'" in text.splitlines()
    data = diff_to_dict(result, old, new)
    assert data["agree"] is False
    assert data["contradictions"] == [
        {"old": result.changed[0].old.id, "new": result.changed[0].new.id}
    ]
