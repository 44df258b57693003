"""Laws of comparison: quantities, claims, article diffs and corpus disputes."""

from __future__ import annotations

import datetime
import random

import attrs
from hypothesis import given
from hypothesis import strategies as st

import claimkit
from claimkit import (
    Actor,
    Article,
    Claim,
    Corpus,
    Hedge,
    Outcome,
    Polarity,
    Quantity,
    Relation,
    compare,
    compare_quantities,
    diff,
    same_actor,
)
from claimkit.compare import References, relation
from claimkit.corpus import ClaimRef, claim_records
from claimkit.strategies import actors, articles, claims, ids, quantities


def flipped(claim: Claim) -> Claim:
    deny = claim.polarity is Polarity.ASSERT
    return attrs.evolve(claim, polarity=Polarity.DENY if deny else Polarity.ASSERT)


# --- quantities ---------------------------------------------------------------------------


@given(quantities(), quantities())
def test_compare_quantities_is_symmetric(a: Quantity, b: Quantity) -> None:
    assert compare_quantities(a, b) == compare_quantities(b, a)


@given(quantities(hedges=[Hedge.EXACT]))
def test_an_exact_quantity_is_consistent_with_itself(quantity: Quantity) -> None:
    result = compare_quantities(quantity, quantity)
    assert result.outcome is Outcome.CONSISTENT
    assert result.overlap == (quantity.low, quantity.high)


@given(quantities(), quantities())
def test_a_gap_is_positive_and_only_when_inconsistent(a: Quantity, b: Quantity) -> None:
    result = compare_quantities(a, b)
    assert (result.gap is not None) == (result.outcome is Outcome.INCONSISTENT)
    assert result.gap is None or result.gap > 0
    assert (result.overlap is not None) == (result.outcome is Outcome.CONSISTENT)


# --- claims -------------------------------------------------------------------------------


@given(claims())
def test_a_claim_agrees_with_itself(claim: Claim) -> None:
    assert compare(claim, claim).relation is Relation.AGREE


@given(claims(), claims())
def test_compare_is_symmetric(a: Claim, b: Claim) -> None:
    assert compare(a, b) == compare(b, a)


@given(claims())
def test_a_claim_and_its_denial_contradict(claim: Claim) -> None:
    assert compare(claim, flipped(claim)).relation is Relation.CONTRADICT


@given(claims(), claims(), ids())
def test_changing_only_the_speaker_never_turns_agree_into_contradict(
    a: Claim, b: Claim, speaker: str
) -> None:
    before = compare(a, b).relation
    after = compare(attrs.evolve(a, speaker=speaker), b).relation
    if before is Relation.AGREE:
        assert after is not Relation.CONTRADICT


@given(claims(), claims())
def test_relation_is_the_relation_of_compare(a: Claim, b: Claim) -> None:
    assert relation(a, b) is compare(a, b).relation


_TEXTS = st.sampled_from(
    [
        "The army said 12 soldiers were killed in the attack.",
        "The rebels denied that any attack took place. They said 40 soldiers were killed.",
        "The army said the post held. The rebels said the post was overrun.",
        "Kyrgyz officials said Tajik troops fired first. Dushanbe rejected that version.",
        "The charity said the toll was far higher than official figures.",
    ]
)


@given(st.lists(_TEXTS, min_size=1, max_size=4).map(" ".join))
def test_relation_with_references_is_the_relation_of_compare(text: str) -> None:
    article = claimkit.extract(text)
    references = References.of(article)
    for a in article.claims:
        for b in article.claims:
            expected = compare(a, b, article=article).relation
            assert relation(a, b, references=references) is expected


@given(claims(), claims())
def test_score_is_within_0_and_1(a: Claim, b: Claim) -> None:
    assert 0.0 <= compare(a, b).score <= 1.0


# --- actors -------------------------------------------------------------------------------


@given(actors(), actors())
def test_same_actor_is_symmetric(a: Actor, b: Actor) -> None:
    assert same_actor(a, b) == same_actor(b, a)


@given(actors())
def test_an_actor_is_itself(actor: Actor) -> None:
    assert same_actor(actor, actor).same


# --- article diffs ------------------------------------------------------------------------


@given(articles())
def test_diff_of_an_article_with_itself_is_empty(article: Article) -> None:
    result = diff(article, article)
    assert result.empty
    # It agrees with itself when it has claims to pair; with none, nothing was found.
    assert result.agree == bool(article.claims)
    assert result.unrelated == (not article.claims)
    assert len(result.unchanged) == len(article.claims)


@given(articles(), articles())
def test_diff_mirrors(a: Article, b: Article) -> None:
    assert diff(b, a) == diff(a, b).mirror()


# --- corpora ------------------------------------------------------------------------------


def dated(article: Article, index: int) -> Article:
    """The article with a unique id, published within one week."""
    return attrs.evolve(
        article,
        id=f"art-{index}",
        published=datetime.date(2024, 1, 1) + datetime.timedelta(days=index % 9),
    )


CORPORA = st.lists(articles(max_claims=4), min_size=1, max_size=6).map(
    lambda found: [dated(a, i) for i, a in enumerate(found)]
)


def same_event_pairs(corpus: Corpus) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """The all-pairs reference, restricted to pairs whose claims are about one event."""
    event = {(r.article, r.claim): r.event for a in corpus.articles for r in claim_records(a)}
    found = set()
    for dispute in corpus.all_pairs_disputes():
        for a, b in dispute.pairs():
            x, y = (a.article, a.claim), (b.article, b.claim)
            if event.get(x) is not None and event.get(x) == event.get(y):
                found.add((x, y))
    return found


@given(CORPORA, st.randoms(use_true_random=False))
def test_corpus_disputes_do_not_depend_on_the_order_of_articles(
    found: list[Article], shuffler: random.Random
) -> None:
    shuffled = list(found)
    shuffler.shuffle(shuffled)
    assert list(Corpus(found).disputes()) == list(Corpus(shuffled).disputes())


@given(CORPORA)
def test_positions_give_exactly_the_all_pairs_disputes_within_events(
    found: list[Article],
) -> None:
    corpus = Corpus(found)
    derived = [pair for d in corpus.disputes() for pair in d.pairs()]
    assert len(derived) == len(set(derived))
    assert set(derived) == same_event_pairs(corpus)


@given(CORPORA)
def test_every_corpus_dispute_is_a_contradiction_across_articles(found: list[Article]) -> None:
    corpus = Corpus(found)
    for dispute in corpus.disputes():
        assert dispute.conflicts
        for (article_a, claim_a), (article_b, claim_b) in dispute.pairs():
            assert article_a != article_b
            a = ClaimRef(article=article_a, claim=claim_a)
            b = ClaimRef(article=article_b, claim=claim_b)
            assert corpus.compare(a, b).relation is Relation.CONTRADICT
