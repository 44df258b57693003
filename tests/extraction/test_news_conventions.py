"""Conventions of wire copy that the extractor must read past: datelines, narration
joined to a quote's sentence, compound adjectives with numbers, concessive clauses."""

from __future__ import annotations

import datetime

import pytest

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


def _said(text: str) -> list[tuple[str, str, str]]:
    article = claimkit.extract(text)
    return [(article.speaker_of(c).name, c.content.text, c.polarity.value) for c in article.claims]


def test_the_one_told_is_not_the_speaker() -> None:
    text = '"Every box was sealed," the commission\'s chairman, Aleksandar Ristovski, told Reuters.'
    assert _said(text) == [("Aleksandar Ristovski", "Every box was sealed", "assert")]


def test_an_age_after_a_name_is_not_the_speaker() -> None:
    text = "Jepkorir, 27, a two-time national champion, denied taking a banned substance."
    assert _said(text) == [("Jepkorir", "taking a banned substance", "deny")]


def test_how_something_was_told_is_not_content() -> None:
    text = 'Mercy Jepkorir spoke. "I will fight this," she told AFP by telephone from Iten.'
    assert _said(text) == [("Mercy Jepkorir", "I will fight this", "assert")]
    text = "John Smith spoke. He said by phone that the talks had failed."
    assert _said(text) == [("John Smith", "the talks had failed", "assert")]


def test_a_participle_before_by_or_after_no_is_not_a_cue() -> None:
    assert _said("The agency counted only homes confirmed by inspectors.") == []
    assert _said("There was no confirmed link to the cases.") == []


def test_according_to_a_document_is_according_to_who_issued_it() -> None:
    text = (
        "According to figures released by the Centre for Civic Freedoms, a rights group, "
        "31 people were treated for injuries."
    )
    assert _said(text) == [
        ("Centre for Civic Freedoms", "31 people were treated for injuries", "assert")
    ]
    text = "Mitrevski won, according to preliminary results published by the commission on Monday."
    assert _said(text) == [("commission", "Mitrevski won", "assert")]


def test_according_to_the_statement_is_the_speaker_cited_before() -> None:
    text = (
        "The Ghana police said in a statement that protesters threw stones. "
        "Six people were injured, according to the statement."
    )
    assert [speaker for speaker, _, _ in _said(text)] == ["Ghana police", "Ghana police"]


def test_a_place_in_a_description_is_not_the_speaker() -> None:
    text = "The operator of a chemical plant in eastern Thailand said the leak was small."
    assert _said(text)[0][0] == "operator of a chemical plant in eastern Thailand"


@pytest.mark.parametrize(
    ("content", "polarity"),
    [
        ("Not a single live round was fired", "deny"),
        ("the sample proves nothing", "deny"),
        ("it counted people who had no symptoms", "assert"),
        ("the group, which denies it, had no fighters there", "deny"),
    ],
)
def test_what_a_content_denies(content: str, polarity: str) -> None:
    assert _said(f"The ministry said {content}.")[0] == ("ministry", content, polarity)


def test_a_cue_in_a_relative_clause_does_not_end_the_enclosing_content() -> None:
    text = "The group, which says it is fighting for uranium revenue, said two fighters died."
    assert _said(text) == [
        ("group", "it is fighting for uranium revenue", "assert"),
        ("group", "two fighters died", "assert"),
    ]
    text = "The ministry said the group, which denies it, had no fighters there."
    assert _said(text) == [
        ("ministry", "the group, which denies it, had no fighters there", "deny"),
        ("group", "it", "deny"),
    ]


def test_a_headline_ending_in_a_quotation_is_read_as_claims() -> None:
    text = (
        'Lithuania accuses Belarus of airspace violation; Minsk says incursion "never happened"'
        "\n\nThe ministry said four aircraft crossed."
    )
    article = claimkit.extract(text)
    assert [(c.cue.text, c.content.text, c.polarity.value) for c in article.claims] == [
        ("accuses", "Belarus of airspace violation", "assert"),
        ("says", 'incursion "never happened"', "deny"),
        ("said", "four aircraft crossed", "assert"),
    ]
    assert article.speaker_of(article.claims[1]).name == "Belarus"


def test_they_after_observers_from_a_group_is_the_group() -> None:
    text = (
        "Observers from Open Ballot said they had seen family voting. "
        "They reported no evidence of ballot stuffing."
    )
    assert [speaker for speaker, _, _ in _said(text)] == ["Open Ballot", "Open Ballot"]


def test_a_participle_belongs_to_the_main_clause_not_a_nested_claim() -> None:
    text = (
        "The commission rejected Bellmore's claim that the recall was voluntary, "
        "saying it had issued a formal order."
    )
    assert _said(text) == [
        ("commission", "Bellmore's claim that the recall was voluntary", "deny"),
        ("Bellmore", "the recall was voluntary", "assert"),
        ("commission", "it had issued a formal order", "assert"),
    ]
    text = (
        "Police said protesters threw stones, while the union said police fired first, "
        "adding that 12 were hurt."
    )
    assert [speaker for speaker, _, _ in _said(text)] == ["police", "union", "union"]


def test_a_quotation_before_its_speaker_is_the_content_whatever_follows_the_cue() -> None:
    text = (
        '"We have moved 4,000 people," Mayor Joaquim Serrano told Reuters by telephone '
        "from a sports hall being used as a shelter."
    )
    assert _said(text) == [("Joaquim Serrano", "We have moved 4,000 people", "assert")]
    text = '"They lost," the minister said that day.'
    assert _said(text) == [("minister", "They lost", "assert")]


def _when(text: str) -> list[str | None]:
    article = claimkit.extract(text, published=datetime.date(2025, 3, 7))
    return [c.when.text if c.when else None for c in article.claims]


def test_the_time_of_a_statement_among_the_circumstances_after_its_cue() -> None:
    text = 'Samuel Mutua spoke. "There was no break," he told reporters in Nairobi on Thursday.'
    assert _when(text) == ["on Thursday"]
    text = '"We stopped work," said Julien Marchetti, speaking outside the gates on Tuesday.'
    assert _when(text) == ["on Tuesday"]
    text = '"We won," said Tetteh, who travelled to Kumasi on Wednesday.'
    assert _when(text) == [None]


def test_a_participle_shares_the_time_of_its_main_clause() -> None:
    text = (
        "The owner of a ship that sank last week disputed on Tuesday the account, "
        "saying it was false."
    )
    assert _when(text) == ["on Tuesday", "on Tuesday"]


def test_according_to_a_document_published_on_a_day() -> None:
    text = "Mitrevski won, according to results published by the commission on Monday."
    assert _when(text) == ["on Monday"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The minister's lawyer, Ricardo Benavides, rejected the allegations.",
            [("Ricardo Benavides", "the allegations", "deny")],
            id="a verb with an object does not invert",
        ),
        pytest.param(
            "Gulnara, who declined to give her full name, said her husband had been at work.",
            [("Gulnara", "her husband had been at work", "assert")],
            id="a subject before a relative clause",
        ),
        pytest.param(
            "Ana, an anaesthetist at the hospital, who declined to give her full name, "
            "said four theatres had stood idle.",
            [("Ana", "four theatres had stood idle", "assert")],
            id="a name, its description and a relative clause",
        ),
        pytest.param(
            "Residents of Iferouane reached by telephone said they had heard an explosion.",
            [("Residents of Iferouane", "they had heard an explosion", "assert")],
            id="a participle and its agent after the speaker",
        ),
        pytest.param(
            "Survivors of a ferry that capsized off the island of Bohol said the boat was full.",
            [("survivors of a ferry", "the boat was full", "assert")],
            id="the antecedent of a relative clause ending in a place",
        ),
        pytest.param(
            "John Tolentino spoke. He said at least 140 people had been on board.",
            [("John Tolentino", "at least 140 people had been on board", "assert")],
            id="at least is not an adjunct",
        ),
        pytest.param(
            "Kontext24 reported, citing two people close to the case, that a ransom was paid.",
            [("Kontext24", "a ransom was paid", "assert")],
            id="citing a source",
        ),
        pytest.param(
            "Julio Salcedo denied any wrongdoing in a brief statement posted on social media.",
            [("Julio Salcedo", "any wrongdoing", "deny")],
            id="the channel of a denial",
        ),
        pytest.param(
            "The army called the rebels' claims baseless.",
            [("army", "the rebels' claims baseless", "deny")],
            id="called baseless",
        ),
        pytest.param(
            'A rebel spokesman called the death toll "propaganda".',
            [("rebel spokesman", 'the death toll "propaganda"', "deny")],
            id="called a quoted dismissal",
        ),
        # An appeal is a claim (the guideline, as "calling on" in gold 042).
        pytest.param("The army called for calm.", [("army", "calm", "assert")], id="called for"),
        pytest.param("The army called off the search.", [], id="called off"),
        pytest.param("The military rarely acknowledged such losses.", [], id="rarely"),
        pytest.param(
            "The minister said the government does not deny civilians were killed.",
            [("minister", "the government does not deny civilians were killed", "assert")],
            id="a negated denial concedes",
        ),
        pytest.param(
            "The union said it could strike if the government did not pay.",
            [("union", "it could strike if the government did not pay", "assert")],
            id="a negation in a condition",
        ),
    ],
)
def test_reporting_in_wire_copy(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _said(text) == expected


def test_the_statement_said_is_said_by_whoever_issued_it() -> None:
    text = (
        "Steppe Coal said in a statement that rescuers had reached the men. "
        "All of them were in stable condition, the statement said."
    )
    assert [speaker for speaker, _, _ in _said(text)] == ["Steppe Coal", "Steppe Coal"]


@pytest.mark.parametrize(
    ("content", "hedged"),
    [
        ("the toll could rise", True),
        ("maybe they hit it", True),
        ("he is believed to have fled", True),
        ("we did everything we could", False),
        ("no one entered a tunnel it believed to be unsafe", False),
    ],
)
def test_what_hedges_a_content(content: str, hedged: bool) -> None:
    (claim,) = claimkit.extract(f"The company said {content}.").claims
    assert claim.hedged is hedged


def test_an_allegation_is_not_hedged() -> None:
    (claim,) = claimkit.extract("The union alleged that managers had ignored warnings.").claims
    assert claim.hedged is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Satellite tracking data suggested two boats drifted.", [], id="data"),
        pytest.param("Nobody warned the family about the risk.", [], id="nobody"),
        pytest.param(
            "Local officials argued over whether the pit had been licensed.", [], id="argued over"
        ),
        pytest.param(
            "The minister, Ximena Pardo, told the broadcaster Canal Puerto that the lists "
            "were wrong.",
            [("Ximena Pardo", "the lists were wrong", "assert")],
            id="told a described outlet",
        ),
        pytest.param(
            "The news site Radar Sur, which first reported the story, said on Monday that "
            "nine students were children of staff.",
            [
                ("Radar Sur", "the story", "assert"),
                ("Radar Sur", "nine students were children of staff", "assert"),
            ],
            id="first reported",
        ),
    ],
)
def test_who_is_not_a_speaker(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _said(text) == expected


def test_a_paragraph_starts_outside_any_quotation() -> None:
    text = (
        'Maria Lopes said: "We have lost everything. The water came at night.\n\n'
        '"Nobody warned us," she said. Fishermen are angry. '
        "The damage was never paid for, Suresh Tharmalingam says."
    )
    said = _said(text)
    assert said[-1] == ("Suresh Tharmalingam", "The damage was never paid for", "deny")


def test_a_last_line_without_a_full_stop_is_read_not_skipped_as_a_headline() -> None:
    for text in ("Russia said two soldiers died", "Russia said two soldiers died\n"):
        article = claimkit.extract(text)
        assert [c.content.text for c in article.claims] == ["two soldiers died"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"The list is wrong," the mayor said. "Nobody counted the miners."',
            'The list is wrong," the mayor said. "Nobody counted the miners',
        ),
        (
            'The mayor said: "The list is wrong.\n\n"Nobody counted the miners."',
            'The list is wrong.\n\n"Nobody counted the miners',
        ),
        (
            '"The list is wrong," the mayor says. "Nobody came.\n\n"Nobody counted them."\n',
            'The list is wrong," the mayor says. "Nobody came.\n\n"Nobody counted them',
        ),
    ],
)
def test_a_quotation_that_runs_on_after_its_attribution_is_one_claim(
    text: str, content: str
) -> None:
    assert _contents(text) == [content]


def test_a_quotation_with_its_own_attribution_does_not_run_on() -> None:
    text = '"The list is wrong," the mayor said. "Nobody counted," she added.'
    assert _contents(text) == ["The list is wrong", "Nobody counted"]
    text = '"The list is wrong," the mayor said.\n\nThe company disagreed.'
    assert _contents(text) == ["The list is wrong"]


def test_a_clause_of_narration_after_a_noun_phrase_content_is_not_said() -> None:
    text = "The officials denied the charges, and copies of the report were later banned."
    assert _contents(text) == ["the charges"]
    text = "The ministry denied the charges, and the allegations."
    assert _contents(text) == ["the charges, and the allegations"]
    text = "The ministry said 40 people died, and hundreds were hurt."
    assert _contents(text) == ["40 people died, and hundreds were hurt"]
