"""Laws of the extractor: it is total (on any text it returns a valid article, never an
exception), and every dispute it reports is one that :func:`claimkit.compare.compare`
agrees with."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

import claimkit
from claimkit.compare import Relation, compare
from claimkit.model import Article
from claimkit.serialize import from_json, to_json

# Text made of the pieces that news prose is made of, so that cues, quotes,
# numbers and abbreviations meet in every order, not only random characters.
_PIECES = st.sampled_from(
    [
        "said", "says", "told", "denied", "according to", "Reuters", "the ministry",
        "Mr.", "U.S.", "Jan.", "3.5", "1,200", "up to", "hundreds of", "two", "no such",
        '"', "“", "”", "'", ",", ".", "?", ";", ":", "(", ")", "\n", "\n\n", " ",
        "on Thursday", "earlier this week", "Naji al-Mustafa", "He", "it", "that",
        "The spokesman for the National Liberation Front", "Moscow", "and", "but",
    ]
)  # fmt: skip
_NEWSLIKE = st.lists(_PIECES, max_size=40).map(" ".join)
_DATES = st.none() | st.dates(min_value=datetime.date(1900, 1, 1))

# Whole reports of counts, denials and opposed states by a few sides, so that the
# dispute rules (denials, numeric disputes, contradictions and their merging) run on
# many combinations: "The union said 23 miners were trapped and 11 were rescued."
_SPEAKERS = st.sampled_from(
    ["The army", "The rebels", "Police", "The union", "The company", "Witnesses", "Kyiv"]
)
_CUES = st.sampled_from(["said", "denied", "told reporters", "rejected", "reported", "claimed"])
_COUNTS = st.sampled_from(["19", "23", "at least 40", "about 600", "two", "hundreds of"])
_CLAUSES = st.sampled_from(
    [
        "{n} miners were trapped", "{n} were rescued", "{n} people were killed",
        "{n} homes were destroyed", "the post held", "the post was overrun",
        "there had been no attack", "that account", "the toll was far higher",
        "the figures as inflated", "the claims baseless", "traffic was at a standstill",
        "traffic was continuing",
    ]
)  # fmt: skip
_SENTENCE = st.builds(
    lambda speaker, cue, clauses, n: (
        f"{speaker} {cue} " + " and ".join(c.format(n=n) for c in clauses) + "."
    ),
    _SPEAKERS,
    _CUES,
    st.lists(_CLAUSES, min_size=1, max_size=3),
    _COUNTS,
)
_REPORTS = st.lists(_SENTENCE, min_size=1, max_size=12).map(" ".join)


@given(text=st.text(max_size=400) | _NEWSLIKE | _REPORTS, published=_DATES)
def test_extract_returns_a_valid_article_for_any_text(
    text: str, published: datetime.date | None
) -> None:
    article = claimkit.extract(text, published=published)
    assert article.text == text
    assert article.published == published
    # Rebuilt from its own JSON it passes every check of the model again.
    assert from_json(to_json(article)) == article


@given(text=_NEWSLIKE)
def test_every_claim_has_a_speaker_among_the_actors(text: str) -> None:
    article = claimkit.extract(text)
    ids = {actor.id for actor in article.actors}
    assert all(claim.speaker in ids for claim in article.claims)
    for claim in article.claims:
        assert text[claim.content.span.start : claim.content.span.end] == claim.content.text
        assert not claim.content.span.overlaps(claim.cue.span)


def disagreeing_pairs_that_compare_does_not_call_contradictory(
    article: Article,
) -> list[tuple[str, str, str]]:
    """Pairs of claims on opposite sides of a dispute of ``article`` that
    :func:`compare`, given the article, does not call contradictory, with its verdict."""
    claims = {claim.id: claim for claim in article.claims}
    found = []
    for dispute in article.disputes:
        for a, b in dispute.disagreeing_pairs():
            relation = compare(claims[a], claims[b], article=article).relation
            if relation is not Relation.CONTRADICT:
                found.append((a, b, relation.value))
    return found


@given(text=_REPORTS | _NEWSLIKE, published=_DATES)
def test_every_disputed_pair_is_one_that_compare_calls_contradictory(
    text: str, published: datetime.date | None
) -> None:
    # The law of one semantics: a pair that compare() calls agreeing (or anything but
    # contradictory) is never on opposite sides of a dispute that extract() reports.
    article = claimkit.extract(text, published=published)
    assert disagreeing_pairs_that_compare_does_not_call_contradictory(article) == []
