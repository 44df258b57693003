"""Attribution patterns, one or two sentences each, through ``claimkit.extract``.

Each claim is described as (speaker's name, cue, content, mode, polarity, hedged),
worked out by hand from ANNOTATION.md.
"""

from __future__ import annotations

import datetime

import pytest

import claimkit

FRIDAY = datetime.date(2020, 1, 24)

Described = tuple[str, str, str, str, str, bool]


def _claims(text: str) -> list[Described]:
    article = claimkit.extract(text, published=FRIDAY)
    return [
        (
            article.speaker_of(claim).name,
            claim.cue.text,
            claim.content.text,
            claim.mode.value,
            claim.polarity.value,
            claim.hedged,
        )
        for claim in article.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russia said Syrian regime forces had killed up to 50 terrorists.",
            [
                (
                    "Russia",
                    "said",
                    "Syrian regime forces had killed up to 50 terrorists",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X said CONTENT",
        ),
        pytest.param(
            "The ministry said that the convoy was attacked on Tuesday.",
            [
                (
                    "ministry",
                    "said",
                    "the convoy was attacked on Tuesday",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X said that CONTENT",
        ),
        pytest.param(
            "The ministry says the toll has risen to 47.",
            [("ministry", "says", "the toll has risen to 47", "indirect", "assert", False)],
            id="present tense says",
        ),
        pytest.param(
            "The convoy was attacked near the border, the army said.",
            [
                (
                    "army",
                    "said",
                    "The convoy was attacked near the border",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="CONTENT, X said.",
        ),
        pytest.param(
            "The convoy was hit, said Naji al-Mustafa, a spokesman for the National"
            " Liberation Front.",
            [("Naji al-Mustafa", "said", "The convoy was hit", "indirect", "assert", False)],
            id="CONTENT, said X, a spokesman for Y.",
        ),
        pytest.param(
            "According to the Syrian Observatory for Human Rights, 14 soldiers were killed.",
            [
                (
                    "Syrian Observatory for Human Rights",
                    "According to",
                    "14 soldiers were killed",
                    "according_to",
                    "assert",
                    False,
                )
            ],
            id="According to X, CONTENT",
        ),
        pytest.param(
            "Fourteen soldiers were killed, according to the Syrian Observatory for Human Rights.",
            [
                (
                    "Syrian Observatory for Human Rights",
                    "according to",
                    "Fourteen soldiers were killed",
                    "according_to",
                    "assert",
                    False,
                )
            ],
            id="CONTENT, according to X.",
        ),
        pytest.param(
            "The mayor told reporters the bridge would reopen on Monday.",
            [
                (
                    "mayor",
                    "told",
                    "the bridge would reopen on Monday",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X told reporters CONTENT",
        ),
        pytest.param(
            "The minister told The Associated Press that the talks had failed.",
            [("minister", "told", "the talks had failed", "indirect", "assert", False)],
            id="X told a named outlet that CONTENT",
        ),
        pytest.param(
            "Diplomatic sources told Reuters that the meeting had been postponed.",
            [
                (
                    "diplomatic sources",
                    "told",
                    "the meeting had been postponed",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="anonymous sources told Reuters",
        ),
        pytest.param(
            "In a statement, the ministry said the strikes had hit militants.",
            [("ministry", "said", "the strikes had hit militants", "indirect", "assert", False)],
            id="In a statement, X said",
        ),
        pytest.param(
            "The ministry said in a statement that the strikes had hit militants.",
            [("ministry", "said", "the strikes had hit militants", "indirect", "assert", False)],
            id="X said in a statement that",
        ),
        pytest.param(
            'General Ahmed Saleh said: "We will not retreat."',
            [("Ahmed Saleh", "said", "We will not retreat", "direct", "assert", False)],
            id="quote after the attribution",
        ),
        pytest.param(
            '"We will not retreat," General Ahmed Saleh said on Thursday.',
            [("Ahmed Saleh", "said", "We will not retreat", "direct", "assert", False)],
            id="quote before the attribution",
        ),
        pytest.param(
            '"Every figure we publish," Cossa said, "is a figure we have verified."',
            [
                (
                    "Cossa",
                    "said",
                    'Every figure we publish," Cossa said, "is a figure we have verified.',
                    "direct",
                    "assert",
                    False,
                )
            ],
            # gold/README.md: one span covers both pieces and the attribution between them.
            id="attribution in the middle of a quote",
        ),
        pytest.param(
            "The army denied that its troops had shelled the village.",
            [
                (
                    "army",
                    "denied",
                    "its troops had shelled the village",
                    "indirect",
                    "deny",
                    False,
                )
            ],
            id="X denied that",
        ),
        pytest.param(
            "The ministry denied the report.",
            [("ministry", "denied", "the report", "indirect", "deny", False)],
            id="X denied an object",
        ),
        pytest.param(
            "The rebel spokesman said no such assault had taken place.",
            [
                (
                    "rebel spokesman",
                    "said",
                    "no such assault had taken place",
                    "indirect",
                    "deny",
                    False,
                )
            ],
            id="X said no such thing had taken place",
        ),
        pytest.param(
            "The army said it had seen no operations over the past 24 hours.",
            [
                (
                    "army",
                    "said",
                    "it had seen no operations over the past 24 hours",
                    "indirect",
                    "deny",
                    False,
                )
            ],
            id="X said it had seen no operations",
        ),
        pytest.param(
            "The army said it had not fired on civilians.",
            [("army", "said", "it had not fired on civilians", "indirect", "deny", False)],
            id="a negated content",
        ),
        pytest.param(
            "The analyst suggested the ceasefire may collapse.",
            [("analyst", "suggested", "the ceasefire may collapse", "indirect", "assert", True)],
            id="X suggested ... may ...",
        ),
        pytest.param(
            "The spokesman said the figures were likely inflated.",
            [
                (
                    "spokesman",
                    "said",
                    "the figures were likely inflated",
                    "indirect",
                    "assert",
                    True,
                )
            ],
            id="likely in the content",
        ),
        pytest.param(
            "Witnesses said the strikes reportedly hit a school.",
            [
                (
                    "witnesses",
                    "said",
                    "the strikes reportedly hit a school",
                    "indirect",
                    "assert",
                    True,
                )
            ],
            id="reportedly in the content",
        ),
        pytest.param(
            "Officials estimated that about 6,000 people had fled.",
            [
                (
                    "officials",
                    "estimated",
                    "about 6,000 people had fled",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="estimated",
        ),
        pytest.param(
            "Sergei Lavrov said the talks were useful. He said a deal was close.",
            [
                ("Sergei Lavrov", "said", "the talks were useful", "indirect", "assert", False),
                ("Sergei Lavrov", "said", "a deal was close", "indirect", "assert", False),
            ],
            id="He said after a named person",
        ),
        pytest.param(
            "Maria Santos, the mayor, said the bridge was safe."
            " She said it would reopen on Monday.",
            [
                ("Maria Santos", "said", "the bridge was safe", "indirect", "assert", False),
                ("Maria Santos", "said", "it would reopen on Monday", "indirect", "assert", False),
            ],
            id="She said after a named person",
        ),
        pytest.param(
            "Rebel sources said the town had fallen. They said dozens of fighters were wounded.",
            [
                ("rebel sources", "said", "the town had fallen", "indirect", "assert", False),
                (
                    "rebel sources",
                    "said",
                    "dozens of fighters were wounded",
                    "indirect",
                    "assert",
                    False,
                ),
            ],
            id="They said after a group",
        ),
        pytest.param(
            "The spokesman disputed the accounts and said no such assault had taken place.",
            [
                ("spokesman", "disputed", "the accounts", "indirect", "deny", False),
                (
                    "spokesman",
                    "said",
                    "no such assault had taken place",
                    "indirect",
                    "deny",
                    False,
                ),
            ],
            id="X disputed A and said B: two claims",
        ),
        pytest.param(
            "The rebels denied that they had shelled the town and said the army was to blame.",
            [
                ("rebels", "denied", "they had shelled the town", "indirect", "deny", False),
                ("rebels", "said", "the army was to blame", "indirect", "assert", False),
            ],
            id="X denied A and said B",
        ),
        pytest.param(
            "The army said it had repelled the attack, adding that 14 insurgents were killed.",
            [
                ("army", "said", "it had repelled the attack", "indirect", "assert", False),
                ("army", "adding", "14 insurgents were killed", "indirect", "assert", False),
            ],
            id="X said A, adding that B",
        ),
        pytest.param(
            "The ministry said up to 50 terrorists were killed, while the rebels said no such"
            " assault took place.",
            [
                (
                    "ministry",
                    "said",
                    "up to 50 terrorists were killed",
                    "indirect",
                    "assert",
                    False,
                ),
                ("rebels", "said", "no such assault took place", "indirect", "deny", False),
            ],
            id="two speakers in one sentence",
        ),
        pytest.param(
            "The government said the curfew would end, but the opposition disputed the claim.",
            [
                ("government", "said", "the curfew would end", "indirect", "assert", False),
                ("opposition", "disputed", "the claim", "indirect", "deny", False),
            ],
            id="a claim and a dispute of it",
        ),
        pytest.param(
            "Most of the timber goes abroad, a report by the monitoring group Forest Watch says.",
            [
                (
                    "Forest Watch",
                    "says",
                    "Most of the timber goes abroad",
                    "indirect",
                    "assert",
                    False,
                ),
            ],
            id="CONTENT, a report by X says",
        ),
        pytest.param(
            'The premier called the envoy "deranged" and refused to meet him.',
            [("premier", "called", 'the envoy "deranged"', "indirect", "assert", False)],
            id='X called Y "LABEL"',
        ),
        pytest.param(
            'A spokesman called the death toll "propaganda".',
            [("spokesman", "called", 'the death toll "propaganda"', "indirect", "deny", False)],
            id='X called Y "DISMISSAL"',
        ),
        pytest.param(
            'Troops killed what the army called "hardcore terrorists" in the raid.',
            [("army", "called", "hardcore terrorists", "direct", "assert", False)],
            id='what X called "NAME"',
        ),
        pytest.param(
            "The agency estimates that 128,000 people have left the city.",
            [
                (
                    "agency",
                    "estimates",
                    "128,000 people have left the city",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X estimates that CONTENT",
        ),
        pytest.param("UN estimates show 128,000 people have left.", [], id="estimates noun"),
        pytest.param(
            "Global Watch blamed a corrupt elite for the loss of the forests.",
            [
                (
                    "Global Watch",
                    "blamed",
                    "a corrupt elite for the loss of the forests",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X blamed Y for Z",
        ),
        pytest.param(
            "The spokesman attributed this to better coordination between the forces.",
            [
                (
                    "spokesman",
                    "attributed",
                    "this to better coordination between the forces",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X attributed Y to Z",
        ),
        pytest.param(
            "Exiles criticized the government for its sudden change of position.",
            [
                (
                    "Exiles",
                    "criticized",
                    "the government for its sudden change of position",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X criticized Y",
        ),
        pytest.param("The school has long been criticised for its fees.", [], id="criticised"),
        pytest.param(
            "President Hamid Karzai has repeatedly called on international forces to do more.",
            [
                (
                    "Hamid Karzai",
                    "called on",
                    "international forces to do more",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X called on Y to Z",
        ),
        pytest.param(
            "Opposition candidates are calling for the election to be annulled.",
            [
                (
                    "opposition candidates",
                    "calling for",
                    "the election to be annulled",
                    "indirect",
                    "assert",
                    False,
                )
            ],
            id="X is calling for Y",
        ),
        pytest.param(
            "Lawmakers encouraged people to turn out.",
            [("Lawmakers", "encouraged", "people to turn out", "indirect", "assert", False)],
            id="X encouraged Y to Z",
        ),
        pytest.param(
            "Protests since July calling on the president to resign have grown.",
            [],
            id="protests calling on",
        ),
        pytest.param("The envoy was urged to resign.", [], id="passive was urged"),
        pytest.param("The minister urged restraint.", [], id="urged without to"),
        pytest.param(
            "The minister responded to the critics by saying that the report was incomplete.",
            [("minister", "saying", "the report was incomplete", "indirect", "assert", False)],
            id="X responded by saying CONTENT",
        ),
        pytest.param(
            "The spokesman reacted by clarifying that the goal is unity.",
            [("spokesman", "clarifying", "the goal is unity", "indirect", "assert", False)],
            id="X reacted by clarifying CONTENT",
        ),
        pytest.param(
            "The envoy said following a visit this month that villagers lived in fear.",
            [("envoy", "said", "villagers lived in fear", "indirect", "assert", False)],
            id="X said following ADJUNCT that CONTENT",
        ),
        pytest.param(
            "An official told the French news agency on condition of anonymity that the"
            " attack was planned.",
            [("official", "told", "the attack was planned", "indirect", "assert", False)],
            id="told the French news agency ADJUNCT that",
        ),
        pytest.param("The union called off the strike.", [], id="called off"),
        pytest.param("We called them on the radio three times.", [], id="called them"),
        pytest.param("An attack was reported near the town.", [], id="passive was reported"),
        pytest.param("The attack was confirmed by the army.", [], id="passive was confirmed"),
        pytest.param("The rebels seized two villages on Thursday.", [], id="narration"),
        pytest.param("The talks are scheduled for Monday.", [], id="narration without a cue"),
        pytest.param("Reuters could not verify the claim.", [], id="an outlet that verifies"),
        pytest.param("It was not immediately clear who fired first.", [], id="not clear"),
    ],
)
def test_attribution(text: str, expected: list[Described]) -> None:
    assert _claims(text) == expected


def test_spans_of_cue_and_content() -> None:
    text = "Russia said Syrian regime forces had killed up to 50 terrorists."
    (claim,) = claimkit.extract(text).claims
    assert (claim.cue.span.start, claim.cue.span.end) == (7, 11)
    assert (claim.content.span.start, claim.content.span.end) == (12, 63)


def test_quantities_of_a_claim() -> None:
    (claim,) = claimkit.extract("The army said up to 40 soldiers were killed.").claims
    assert [
        (q.text, q.span.start, q.hedge.value, q.low, q.high, q.counted, q.event)
        for q in claim.quantities
    ] == [("up to 40", 14, "up_to", None, 40.0, "soldiers", "killed")]


def test_headlines_are_claims_and_asides_are_not() -> None:
    # The guideline: a headline is text like any other; "(with agencies input)" is not prose.
    text = (
        "Army says rebels were repelled\n\nThe army said the rebels fled.\n\n(with agencies input)"
    )
    assert [claim[1:3] for claim in _claims(text)] == [
        ("says", "rebels were repelled"),
        ("said", "the rebels fled"),
    ]


def test_a_noun_of_saying_that_ends_a_headline_is_no_cue() -> None:
    # "CONTENT, X said" needs its comma: "Casualty Report" is what the minister rejects.
    assert [claim[:3] for claim in _claims("Minister Rejects Casualty Report")] == [
        ("Minister", "Rejects", "Casualty Report"),
    ]
    assert [claim[1:3] for claim in _claims("Ministry Dismisses Envoy's Rights Report")] == [
        ("Dismisses", "Envoy's Rights Report"),
    ]


def _source_claims(text: str) -> list[tuple[str, str, str]]:
    return [(speaker, cue, content) for speaker, cue, content, *_ in _claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police dismissed reports that they used live ammunition.",
            ("reports", "reports", "they used live ammunition"),
            id="object of a verb",
        ),
        pytest.param(
            "The leader says he remains in charge, following a report that he was ousted.",
            ("report", "report", "he was ousted"),
            id="object of a preposition",
        ),
        pytest.param(
            "The ministry denied the reports that troops had crossed the border.",
            ("reports", "reports", "troops had crossed the border"),
            id="with an article",
        ),
    ],
)
def test_an_unowned_report_is_the_source_of_its_account(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _source_claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "A report that was published on Monday found no fault.",
        "They report that the bridge collapsed.",
        "The agency is expected to report that the bridge collapsed.",
    ],
)
def test_a_report_noun_that_carries_no_account_is_no_source(text: str) -> None:
    assert all(speaker not in ("report", "reports") for speaker, _, _ in _source_claims(text))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The ministry is denying the union's allegations that wages were cut.",
            "denying",
            "the union's allegations that wages were cut",
            id="progressive cue",
        ),
        pytest.param(
            "A spokesman told reporters her allegation is senseless.",
            "told",
            "her allegation is senseless",
            id="an account called senseless",
        ),
        pytest.param(
            "The minister said the report could not have been accurate.",
            "said",
            "the report could not have been accurate",
            id="could not have",
        ),
        pytest.param(
            "Junta Dismisses Opposition Leader's Allegation\n\nThe junta met on Monday.",
            "Dismisses",
            "Opposition Leader's Allegation",
            id="headline",
        ),
    ],
)
def test_denials_read_from_cue_and_content(text: str, cue: str, content: str) -> None:
    found = {(c, t): p for _, c, t, _, p, _ in _claims(text)}
    assert found.get((cue, content)) == "deny", found


def test_what_is_told_is_not_a_listener() -> None:
    cues = [cue for _, cue, *_ in _claims("Police said the protesters were telling lies.")]
    assert cues == ["said"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The army has continued to deny that it shelled the town.",
            [("army", "deny", "it shelled the town")],
            id="continued to deny",
        ),
        pytest.param(
            "The mayor maintains the report was an effort to discredit him.",
            [("mayor", "maintains", "the report was an effort to discredit him")],
            id="maintains a statement",
        ),
        pytest.param("Russia maintains a naval base in Tartus.", [], id="maintains a thing"),
        pytest.param("The firm is expected to announce job cuts.", [], id="an infinitive"),
    ],
)
def test_cues_that_need_a_statement(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _source_claims(text) == expected


def test_a_title_and_a_surname_name_one_person() -> None:
    article = claimkit.extract(
        "Ousted president Kumba Yalla denied that he occupied the palace. "
        "Mr. Yalla said he is still the head of state."
    )
    speakers = {article.speaker_of(c).name for c in article.claims}
    assert speakers == {"Kumba Yalla"}


def test_a_quoted_fragment_the_clause_runs_on_after_is_indirect() -> None:
    claims = _claims('The minister said that "there is no crisis" within the ruling party.')
    assert claims == [
        (
            "minister",
            "said",
            '"there is no crisis" within the ruling party',
            "indirect",
            "deny",
            False,
        )
    ]


def test_a_quotation_before_its_speaker_stays_direct() -> None:
    claims = _claims('"We will fight," the rebel leader said.')
    assert [(content, mode) for _, _, content, mode, *_ in claims] == [("We will fight", "direct")]
