"""Actors: one per entity, later mentions as aliases, countries as governments,
roles and affiliations, through ``claimkit.extract``."""

from __future__ import annotations

import pytest

import claimkit
from claimkit.model import Article

Described = tuple[str, str, str, tuple[str, ...], str | None, str | None, list[tuple[int, int]]]


def _actors(article: Article) -> list[Described]:
    return [
        (
            actor.id,
            actor.name,
            actor.kind.value,
            actor.aliases,
            actor.role,
            actor.affiliation,
            [(m.start, m.end) for m in actor.mentions],
        )
        for actor in article.actors
    ]


def _speakers(article: Article) -> list[str]:
    return [claim.speaker for claim in article.claims]


def test_the_ministry_after_the_defense_ministry_is_the_same_actor() -> None:
    text = (
        "The Defense Ministry said troops advanced. Moscow said talks would continue."
        " The ministry said 14 militants were killed."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "defense-ministry",
            "Defense Ministry",
            "government",
            ("the ministry",),
            None,
            None,
            [(4, 20), (77, 89)],
        ),
        ("russia", "Russia", "government", ("Moscow",), None, None, [(43, 49)]),
    ]
    assert _speakers(article) == ["defense-ministry", "russia", "defense-ministry"]


def test_a_surname_after_the_full_name_is_the_same_person() -> None:
    text = "The convoy was hit, said Naji al-Mustafa. Mustafa said the rebels held the town."
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "naji-al-mustafa",
            "Naji al-Mustafa",
            "person",
            ("Mustafa",),
            None,
            None,
            [(25, 40), (42, 49)],
        )
    ]
    assert _speakers(article) == ["naji-al-mustafa", "naji-al-mustafa"]


def test_a_surname_after_a_titled_name() -> None:
    text = (
        "Foreign Minister Sergei Lavrov said the talks were useful. Lavrov said a deal was close."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "sergei-lavrov",
            "Sergei Lavrov",
            "person",
            ("Lavrov",),
            "Foreign Minister",
            None,
            [(17, 30), (59, 65)],
        )
    ]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        pytest.param("Moscow said the strikes had hit militants.", "Russia", "Moscow", id="Moscow"),
        pytest.param(
            "The Kremlin said the strikes had hit militants.", "Russia", "the Kremlin", id="Kremlin"
        ),
        pytest.param(
            "Washington said the sanctions would stay.",
            "United States",
            "Washington",
            id="Washington",
        ),
        pytest.param("Ankara said it had killed 30 militants.", "Turkey", "Ankara", id="Ankara"),
    ],
)
def test_a_capital_as_speaker_is_the_government_of_its_country(
    text: str, name: str, alias: str
) -> None:
    article = claimkit.extract(text)
    ((_, actor_name, kind, aliases, role, affiliation, _),) = _actors(article)
    assert (actor_name, kind, aliases, role, affiliation) == (
        name,
        "government",
        (alias,),
        None,
        None,
    )


def test_a_country_is_a_different_actor_from_its_ministry() -> None:
    text = (
        "Russia's Defense Ministry said the strikes had hit militants."
        " Russia said talks would go on."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "russian-defense-ministry",
            "Russian Defense Ministry",
            "government",
            ("Russia's Defense Ministry",),
            None,
            None,
            [(0, 25)],
        ),
        ("russia", "Russia", "government", (), None, None, [(62, 68)]),
    ]


def test_role_and_affiliation_from_a_title_before_the_name() -> None:
    text = (
        "The spokesman for the National Liberation Front coalition of rebel groups"
        " Naji al-Mustafa said no such assault had taken place."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "naji-al-mustafa",
            "Naji al-Mustafa",
            "person",
            (),
            "spokesman",
            "national-liberation-front",
            [(74, 89)],
        ),
        (
            "national-liberation-front",
            "National Liberation Front",
            "armed_group",
            (),
            None,
            None,
            [(22, 47)],
        ),
    ]
    assert _speakers(article) == ["naji-al-mustafa"]


def test_role_and_affiliation_from_an_apposition() -> None:
    text = (
        "Naji al-Mustafa, a spokesman for the National Liberation Front,"
        " said the attack had been repelled."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "naji-al-mustafa",
            "Naji al-Mustafa",
            "person",
            (),
            "spokesman",
            "national-liberation-front",
            [(0, 15)],
        ),
        (
            "national-liberation-front",
            "National Liberation Front",
            "armed_group",
            (),
            None,
            None,
            [(37, 62)],
        ),
    ]


def test_role_and_affiliation_from_an_apposition_after_an_inverted_cue() -> None:
    text = (
        "The convoy was hit, said Naji al-Mustafa, a spokesman for the National Liberation Front."
    )
    article = claimkit.extract(text)
    assert _actors(article) == [
        (
            "naji-al-mustafa",
            "Naji al-Mustafa",
            "person",
            (),
            "spokesman",
            "national-liberation-front",
            [(25, 40)],
        ),
        (
            "national-liberation-front",
            "National Liberation Front",
            "armed_group",
            (),
            None,
            None,
            [(62, 87)],
        ),
    ]


def test_role_and_affiliation_from_an_organisation_before_the_role() -> None:
    text = "Army spokesman Colonel Issa Konde told state television the enemy had fled."
    article = claimkit.extract(text)
    assert _actors(article) == [
        ("issa-konde", "Issa Konde", "person", (), "spokesman", "army", [(23, 33)]),
        ("army", "Army", "military", (), None, None, [(0, 4)]),
    ]


def test_role_from_an_apposition_without_an_organisation() -> None:
    article = claimkit.extract("Maria Santos, the city's mayor, said the bridge would reopen.")
    assert _actors(article) == [
        ("maria-santos", "Maria Santos", "person", (), "mayor", None, [(0, 12)])
    ]


def test_a_pronoun_is_the_latest_person() -> None:
    text = "Sergei Lavrov said the talks were useful. He said a deal was close."
    article = claimkit.extract(text)
    assert _actors(article) == [
        ("sergei-lavrov", "Sergei Lavrov", "person", (), None, None, [(0, 13)])
    ]
    assert _speakers(article) == ["sergei-lavrov", "sergei-lavrov"]


def test_he_is_the_named_subject_of_its_own_sentence() -> None:
    text = (
        "Sergei Lavrov said the talks were useful. Foreign Minister Maria Costa welcomed"
        ' what she called "a real chance" of a deal. "It will hold," she said.'
    )
    article = claimkit.extract(text)
    names = {actor.id: actor.name for actor in article.actors}
    assert [names[s] for s in _speakers(article)] == ["Sergei Lavrov", "Maria Costa", "Maria Costa"]


@pytest.mark.parametrize(
    ("gap", "speaker"),
    [(50, "sergei-lavrov"), (450, None)],
    ids=["a name close before", "a name too far back"],
)
def test_he_falls_back_to_a_name_in_the_narration_before(gap: int, speaker: str | None) -> None:
    filler = "The talks went on " + "and on " * (gap // 7) + "into the night."
    text = f"Foreign Minister Sergei Lavrov arrived. {filler} He said a deal was close."
    assert _speakers(claimkit.extract(text)) == ([speaker] if speaker else [])


def test_he_after_a_long_run_of_unattributed_quotes_finds_no_one() -> None:
    text = '"Yes," he said ' * 200
    assert claimkit.extract(text).claims == ()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "The United Nations said aid was blocked.",
            "United Nations",
            "international_org",
            id="UN",
        ),
        pytest.param(
            "The Taliban said they had taken the district.", "Taliban", "armed_group", id="Taliban"
        ),
        pytest.param(
            "Syrian state media said the army had advanced.",
            "Syrian state media",
            "media",
            id="state media",
        ),
        pytest.param(
            "Witnesses said the shelling had stopped.", "witnesses", "anonymous", id="witnesses"
        ),
        pytest.param(
            "A senior official said the deal was off.",
            "senior official",
            "anonymous",
            id="an unnamed official",
        ),
        pytest.param("Mr. Biden said the talks would resume.", "Biden", "person", id="Mr."),
        pytest.param("The army said it had withdrawn.", "army", "military", id="army"),
        pytest.param("The rebels said they had withdrawn.", "rebels", "armed_group", id="rebels"),
        pytest.param(
            "Amnesty International said the detainees were tortured.",
            "Amnesty International",
            "organization",
            id="an organisation",
        ),
    ],
)
def test_kind_of_actor(text: str, name: str, kind: str) -> None:
    article = claimkit.extract(text)
    assert [(a.name, a.kind.value) for a in article.actors] == [(name, kind)]


def test_its_spokesman_speaks_for_the_organisation_spoken_of_last() -> None:
    text = (
        "The Kivu Patriotic Alliance denied attacking civilians. "
        "Its spokesman, who goes by the name Commandant Kabeya, said the truce held."
    )
    article = claimkit.extract(text)
    by_name = {actor.name: actor for actor in article.actors}
    assert by_name["Commandant Kabeya"].affiliation == by_name["Kivu Patriotic Alliance"].id


def test_a_kind_noun_after_a_name_gives_the_kind() -> None:
    text = (
        "A ceasefire with the Kivu Patriotic Alliance militia came under strain. "
        "The Kivu Patriotic Alliance denied attacking civilians."
    )
    (actor,) = claimkit.extract(text).actors
    assert (actor.name, actor.kind) == ("Kivu Patriotic Alliance", claimkit.ActorKind.ARMED_GROUP)


def test_an_organisation_named_in_an_apposition_is_not_the_speaker() -> None:
    text = (
        "Maria Costa, director of the Cambodian Center for Human Rights, said the government"
        " should listen."
    )
    article = claimkit.extract(text)
    assert [article.speaker_of(c).name for c in article.claims] == ["Maria Costa"]
