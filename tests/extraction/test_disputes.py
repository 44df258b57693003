"""Disputes inside one article: denials and counts that cannot both hold."""

from __future__ import annotations

import datetime

import pytest

import claimkit
from claimkit.model import Article, DisputeKind, Stance

FRIDAY = datetime.date(2024, 3, 15)


def _sides(article: Article, kind: DisputeKind) -> list[dict[str, set[str]]]:
    """Each dispute of ``kind`` as the speakers on each side."""
    speaker_of = {claim.id: claim.speaker for claim in article.claims}
    sides: list[dict[str, set[str]]] = []
    for dispute in article.disputes:
        if dispute.kind is not kind:
            continue
        side: dict[str, set[str]] = {"affirms": set(), "denies": set()}
        for position in dispute.positions:
            key = "affirms" if position.stance is Stance.AFFIRMS else "denies"
            side[key].add(speaker_of[position.claim])
        sides.append(side)
    return sides


def _numeric(article: Article) -> list[dict[str, set[str]]]:
    return _sides(article, DisputeKind.NUMERIC)


def _contradictions(article: Article) -> list[dict[str, set[str]]]:
    return _sides(article, DisputeKind.CONTRADICTION)


def _denials(article: Article) -> list[dict[str, set[str]]]:
    return _sides(article, DisputeKind.DENIAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The army said it had killed at least 14 insurgents. "
            "The rebels said only two of their fighters had been killed.",
            [{"affirms": {"army"}, "denies": {"rebels"}}],
            id="a partitive names the thing counted",
        ),
        pytest.param(
            "Tens of thousands of people marched through the city, organisers said, "
            "while police estimated the turnout at about 6,000.",
            [{"affirms": {"organisers"}, "denies": {"police"}}],
            id="an estimate of the turnout in the same sentence",
        ),
        pytest.param(
            "The company said the ship was sailing at 11 knots. "
            "The skipper said the ship had been travelling at about 18 knots.",
            [{"affirms": {"company"}, "denies": {"skipper"}}],
            id="a unit of measure needs no event",
        ),
        pytest.param(
            "The authority said 47 people had died in the storm. "
            "Aid groups said they had recorded at least 180 burials.",
            [{"affirms": {"authority"}, "denies": {"aid-groups"}}],
            id="burials count the dead",
        ),
        pytest.param(
            "The ministry said 12 people were killed in the attack. "
            "A local doctor said the true toll was far higher.",
            [{"affirms": {"ministry"}, "denies": {"local-doctor"}}],
            id="a toll said to be higher denies the count",
        ),
    ],
)
def test_numeric_disputes(text: str, expected: list[dict[str, set[str]]]) -> None:
    assert _numeric(claimkit.extract(text, published=FRIDAY)) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The ministry said nine people had died of cholera. "
            "The doctors' forum said its members had treated more than 1,000 patients.",
            id="a count with no event in another sentence compares with nothing",
        ),
        pytest.param(
            "The ministry said 12 people were killed on Monday. "
            "The ministry said 40 people were killed on Thursday.",
            id="one side's counts",
        ),
        pytest.param(
            "The ministry said 12 people were killed on Monday. "
            "Activists said 40 people were killed on Thursday.",
            id="counts of other days",
        ),
        pytest.param(
            "The port authority said 14 of the port's 19 berths were working. "
            "The union said the cranes were idle.",
            id="a part of a whole is not a partitive of a thing",
        ),
    ],
)
def test_no_numeric_dispute(text: str) -> None:
    assert _numeric(claimkit.extract(text, published=FRIDAY)) == []


def test_a_denial_answers_the_claim_of_another_side() -> None:
    article = claimkit.extract(
        "The army said rebels had attacked a checkpoint on Thursday. "
        "A rebel spokesman denied that any attack had taken place.",
        published=FRIDAY,
    )
    (dispute,) = article.disputes
    assert dispute.kind is DisputeKind.DENIAL
    stances = {p.stance for p in dispute.positions}
    assert stances == {Stance.AFFIRMS, Stance.DENIES}


def test_the_accused_denying_answers_the_accusation() -> None:
    article = claimkit.extract(
        "The opposition accused the tribunal of halting the count to adjust the results. "
        "The Departmental Electoral Tribunal denied manipulating anything.",
        published=FRIDAY,
    )
    (dispute,) = article.disputes
    speaker_of = {claim.id: claim.speaker for claim in article.claims}
    by_stance = {p.stance: speaker_of[p.claim] for p in dispute.positions}
    assert by_stance == {
        Stance.AFFIRMS: "opposition",
        Stance.DENIES: "departmental-electoral-tribunal",
    }


def test_an_accusation_of_someone_else_is_not_answered() -> None:
    article = claimkit.extract(
        "The opposition accused the police of beating protesters. "
        "The Departmental Electoral Tribunal denied manipulating anything.",
        published=FRIDAY,
    )
    assert article.disputes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The army said its soldiers had repelled an attack on the border post. "
            "The rebels said they had overrun the post.",
            [{"affirms": {"army"}, "denies": {"rebels"}}],
            id="held against overrun",
        ),
        pytest.param(
            "The union said traffic at the port was at a standstill. "
            "The port authority said traffic was continuing as normal.",
            [{"affirms": {"port-authority"}, "denies": {"union"}}],
            id="continuing against halted",
        ),
        pytest.param(
            "The U.N. said civilian deaths had increased this year. "
            "The ministry said there had been fewer civilian casualties this year.",
            [{"affirms": {"u-n"}, "denies": {"ministry"}}],
            id="risen against fallen",
        ),
        pytest.param(
            "The army said its units held their positions. "
            "The rebels said they had overrun the post.",
            [],
            id="nothing in common",
        ),
        pytest.param(
            "The army said it had repelled an attack on the post. "
            "The army said later that the post was abandoned.",
            [],
            id="one side",
        ),
    ],
)
def test_contradictions(text: str, expected: list[dict[str, set[str]]]) -> None:
    assert _contradictions(claimkit.extract(text, published=FRIDAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Residents said fire crews had pulled out as the flames approached. "
            'Fire chief Paulo Reis said: "That did not happen. Our crews stayed all night."',
            [{"affirms": {"residents"}, "denies": {"paulo-reis"}}],
            id="that did not happen",
        ),
        pytest.param(
            "The agency said Mercy Jepkorir had tested positive for a banned substance. "
            "Jepkorir denied ever taking a banned substance.",
            [{"affirms": {"agency"}, "denies": {"jepkorir"}}],
            id="a claim about the one who denies it",
        ),
        pytest.param(
            "The opposition said ballots had been stuffed in the villages. "
            "The commission rejected opposition allegations of fraud.",
            [{"affirms": {"opposition"}, "denies": {"commission"}}],
            id="opposition allegations",
        ),
        pytest.param(
            "Kyrgyzstan said Tajik troops had fired on a Kyrgyz patrol near the village. "
            "Dushanbe rejected that version. "
            "Tajikistan said the patrol had crossed into Tajik territory and fired first.",
            [{"affirms": {"kyrgyzstan"}, "denies": {"tajikistan"}}],
            id="the account the denier gives instead",
        ),
        pytest.param(
            "Officials said the strike killed 28 Taliban rebels. "
            "The coalition said three soldiers were killed in a road accident. "
            "A Taliban spokesman denied any militant deaths.",
            [{"affirms": {"officials"}, "denies": {"taliban-spokesman"}}],
            id="a denial of deaths of fighters does not answer deaths of soldiers",
        ),
    ],
)
def test_denial_disputes(text: str, expected: list[dict[str, set[str]]]) -> None:
    assert _denials(claimkit.extract(text, published=FRIDAY)) == expected


def test_the_statement_a_denial_is_a_participle_of_is_the_account_given_instead() -> None:
    article = claimkit.extract(
        "Villagers said the victims were farmers. "
        "The army said its troops had killed three insurgents, denying the villagers' account.",
        published=FRIDAY,
    )
    (dispute,) = article.disputes
    stances = {p.claim: p.stance for p in dispute.positions}
    assert [stances[c.id] for c in article.claims] == [
        Stance.AFFIRMS,
        Stance.DENIES,
        Stance.DENIES,
    ]


def test_the_account_the_denier_gives_instead_is_a_position() -> None:
    article = claimkit.extract(
        "Kyrgyzstan said Tajik troops had fired on a Kyrgyz patrol near the village. "
        "Dushanbe rejected that version. "
        "Tajikistan said the patrol had crossed into Tajik territory and fired first.",
        published=FRIDAY,
    )
    (dispute,) = article.disputes
    assert len(dispute.positions) == len(article.claims) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police said six people were injured. "
            "A rights group said 31 people were treated for injuries at hospitals.",
            [{"affirms": {"police"}, "denies": {"rights-group"}}],
            id="treated for injuries counts the injured",
        ),
        pytest.param(
            "The agency said 38 homes had been destroyed. "
            'The mayor said: "At least 130 houses are gone."',
            [{"affirms": {"agency"}, "denies": {"mayor"}}],
            id="houses with no event join the count of homes",
        ),
        pytest.param(
            "The agency said she had three doping violations. "
            "Her lawyer said she had only one doping violation.",
            [{"affirms": {"agency"}, "denies": {"lawyer"}}],
            id="the same thing in the same words",
        ),
        pytest.param(
            "The company said it had recalled about 12,000 packs. "
            "The regulator said the recall covers more than 40,000 packs.",
            [{"affirms": {"company"}, "denies": {"regulator"}}],
            id="a recall",
        ),
        pytest.param(
            "The army said it had killed 11 rebels. The rebels said they lost only one fighter.",
            [{"affirms": {"army"}, "denies": {"rebels"}}],
            id="fighters a side lost are its dead",
        ),
        pytest.param(
            "The army said it had killed more than 130 insurgents. "
            "The rebels said only five Taliban members were killed.",
            [{"affirms": {"army"}, "denies": {"rebels"}}],
            id="members of an armed group are fighters",
        ),
    ],
)
def test_more_numeric_disputes(text: str, expected: list[dict[str, set[str]]]) -> None:
    assert _numeric(claimkit.extract(text, published=FRIDAY)) == expected


def test_a_dismissal_of_figures_joins_the_numeric_dispute() -> None:
    article = claimkit.extract(
        "The company said 12 people were treated for irritation. "
        "The ministry said 87 people were treated at hospitals. "
        "The company dismissed the ministry's figure as inflated.",
        published=FRIDAY,
    )
    assert [d.kind for d in article.disputes] == [DisputeKind.NUMERIC]
    assert _numeric(article) == [{"affirms": {"company"}, "denies": {"ministry"}}]
    assert len(article.disputes[0].positions) == 3


def test_counts_of_ships_with_no_event_are_not_compared() -> None:
    article = claimkit.extract(
        "The port said two ships had been diverted. Agents said six vessels were waiting.",
        published=FRIDAY,
    )
    assert _numeric(article) == []


def test_two_points_between_the_same_claims_are_one_dispute() -> None:
    article = claimkit.extract(
        "The company said 19 miners were trapped and 14 were rescued. "
        "The union said 23 miners were trapped and 11 were rescued.",
        published=FRIDAY,
    )
    (dispute,) = article.disputes
    assert dispute.kind is DisputeKind.NUMERIC
    assert dispute.point == "19 miners trapped; 14 rescued"


def test_a_verb_after_a_count_names_its_event() -> None:
    article = claimkit.extract(
        "The ministry said 52 trucks were waiting at the border. "
        "Exporters said more than 600 trucks were waiting there.",
        published=FRIDAY,
    )
    assert _numeric(article) == [{"affirms": {"ministry"}, "denies": {"exporters"}}]


def test_a_three_party_count_gives_three_accounts() -> None:
    """12, 80 and about 40 cannot any two of them hold: every pair is derivable."""
    from claimkit.compare import Relation, compare

    article = claimkit.extract(
        "Police said 12 people were killed in the clashes. Rebels said 80 people were"
        " killed in the clashes. Witnesses said about 40 people were killed in the clashes."
    )
    (dispute,) = article.disputes
    police, rebels, witnesses = (c.id for c in article.claims)
    assert dispute.accounts() == ((police,), (rebels,), (witnesses,))
    assert set(dispute.disagreeing_pairs()) == {
        (police, rebels),
        (police, witnesses),
        (rebels, witnesses),
    }
    for a, b in dispute.disagreeing_pairs():
        assert compare(article.claim(a), article.claim(b)).relation is Relation.CONTRADICT


def test_counts_that_agree_are_one_account() -> None:
    article = claimkit.extract(
        "Police said 12 people were killed. Medics said about 12 people were killed."
        " Rebels said 80 people were killed."
    )
    (dispute,) = article.disputes
    police, medics, rebels = (c.id for c in article.claims)
    assert dispute.accounts() == ((police, medics), (rebels,))
