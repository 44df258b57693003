"""Conventions of wire copy that the extractor must read past: datelines, narration
joined to a quote's sentence, compound adjectives with numbers, concessive clauses."""

from __future__ import annotations

import claimkit


def _contents(text: str) -> list[str]:
    return [claim.content.text for claim in claimkit.extract(text).claims]


def test_a_dateline_is_not_part_of_the_content() -> None:
    text = "PORTO ALEGRE, Brazil, June 7 - Thousands marched on Tuesday, organisers said."
    assert _contents(text) == ["Thousands marched on Tuesday"]
    text = "KYIV, Ukraine (AP) — Missiles hit the city overnight, officials said."
    assert _contents(text) == ["Missiles hit the city overnight"]


def test_narration_after_a_claim_is_not_reported_by_the_speaker() -> None:
    text = "Peskov told reporters the strikes were a response, but did not provide evidence."
    article = claimkit.extract(text)
    assert [c.content.text for c in article.claims] == ["the strikes were a response"]
    assert article.claims[0].polarity is claimkit.Polarity.ASSERT


def test_a_number_in_a_compound_adjective_is_not_a_quantity() -> None:
    article = claimkit.extract("Police said a five-story building collapsed and two people died.")
    assert [q.text for q in article.claims[0].quantities] == ["two"]


def test_a_concessive_clause_with_its_own_speaker_ends_the_previous_content() -> None:
    text = "The office said 300 people died, though it says the real figure is higher."
    assert _contents(text) == ["300 people died", "the real figure is higher"]


def test_a_cue_in_a_relative_clause_belongs_to_its_antecedent() -> None:
    article = claimkit.extract("Dlamini, 52, who denies all 14 charges, has been free on bail.")
    [claim] = article.claims
    assert (article.speaker_of(claim).name, claim.cue.text) == ("Dlamini", "denies")
    assert (claim.content.text, claim.polarity) == ("all 14 charges", claimkit.Polarity.DENY)


def test_a_negated_cue_reports_nothing() -> None:
    assert _contents("The army did not say how many soldiers died.") == []
    assert _contents("Monitors could not yet confirm who fired first.") == []


def _speakers(text: str) -> list[str]:
    article = claimkit.extract(text)
    return [article.speaker_of(claim).name for claim in article.claims]


def test_a_relative_clause_after_the_speaker_does_not_name_it() -> None:
    text = "Nordhav Shipping, which operates the Kattegat Star, said the ship was slow."
    assert _speakers(text) == ["Nordhav Shipping"]


def test_a_relative_clause_that_gives_a_name_names_the_speaker() -> None:
    text = "Its spokesman, who goes by the name Commandant Kabeya, said the truce held."
    assert _speakers(text) == ["Commandant Kabeya"]


def test_a_name_after_a_relative_clause_names_the_described_speaker() -> None:
    text = "A villager, who gave only her first name, Aigul, said she had seen tanks."
    article = claimkit.extract(text)
    assert _speakers(text) == ["Aigul"]
    assert article.actors[0].kind is claimkit.ActorKind.PERSON


def test_the_speaker_is_the_antecedent_of_a_relative_clause_before_the_cue() -> None:
    text = (
        "ESBJERG, Denmark, April 9 - The owner of a cargo ship that collided with a "
        "fishing trawler last week disputed the skipper's account on Tuesday."
    )
    assert _speakers(text) == ["owner of a cargo ship"]


def test_that_before_an_account_noun_is_part_of_the_content() -> None:
    assert _contents("Dushanbe rejected that version.") == ["that version"]
    assert _contents("The ministry said that reports were false.") == ["reports were false"]
