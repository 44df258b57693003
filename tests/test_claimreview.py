"""schema.org JSON-LD: the exact documents for a small article, and a property of every article."""

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import pytest
from hypothesis import given

import claimkit
from claimkit.claimreview import SCHEMA_ORG, claim_review, to_schema_org
from claimkit.model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Polarity,
    Position,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)
from claimkit.strategies import articles

TEXT = (
    "Russia said on Thursday that up to 50 terrorists were killed."
    " NLF spokesman Naji al-Mustafa denied that any attack took place."
)


def _excerpt(surface: str, *, after: int = 0) -> Excerpt:
    start = TEXT.index(surface, after)
    return Excerpt(text=surface, span=Span(start=start, end=start + len(surface)))


def _span(surface: str) -> Span:
    return _excerpt(surface).span


def _article() -> Article:
    russia = Actor(name="Russia", kind=ActorKind.GOVERNMENT, mentions=(_span("Russia"),))
    nlf = Actor(
        name="National Liberation Front",
        kind=ActorKind.ARMED_GROUP,
        aliases=("NLF",),
        mentions=(_span("NLF"),),
    )
    mustafa = Actor(
        name="Naji al-Mustafa",
        kind=ActorKind.PERSON,
        role="spokesman",
        affiliation=nlf.id,
        mentions=(_span("Naji al-Mustafa"),),
    )
    thursday = _excerpt("on Thursday")
    up_to_50 = _excerpt("up to 50")
    said = Claim(
        id="c1",
        speaker=russia.id,
        cue=_excerpt("said"),
        content=_excerpt("up to 50 terrorists were killed"),
        when=TimeRef(
            text=thursday.text,
            span=thursday.span,
            precision=TimePrecision.DAY,
            start=datetime.date(2020, 1, 23),
            end=datetime.date(2020, 1, 23),
        ),
        quantities=(
            Quantity(
                text=up_to_50.text,
                span=up_to_50.span,
                hedge=Hedge.UP_TO,
                high=50,
                counted="terrorists",
                event="killed",
            ),
        ),
        confidence=0.9,
        extractor=ExtractorInfo(name="rules", version="1"),
    )
    denied = Claim(
        id="c2",
        speaker=mustafa.id,
        cue=_excerpt("denied"),
        content=_excerpt("any attack took place"),
        polarity=Polarity.DENY,
    )
    dispute = Dispute(
        id="d1",
        kind=DisputeKind.DENIAL,
        point="an attack took place",
        positions=(
            Position(claim="c1", stance=Stance.AFFIRMS),
            Position(claim="c2", stance=Stance.DENIES),
        ),
        reason="Russia reports deaths in an attack; the NLF denies any attack.",
    )
    return Article(
        id="a1",
        text=TEXT,
        published=datetime.date(2020, 1, 24),
        title="Attack in Idlib",
        source="agencies",
        url="https://example.org/news/1",
        actors=(russia, nlf, mustafa),
        claims=(said, denied),
        disputes=(dispute,),
    )


def _pv(name: str, value: Any, **more: Any) -> dict[str, Any]:
    return {"@type": "PropertyValue", "name": name, "value": value, **more}


RUSSIA = {
    "@type": "Organization",
    "@id": "_:actor-russia",
    "identifier": "russia",
    "name": "Russia",
    "additionalProperty": [_pv("kind", "government")],
}
MUSTAFA = {
    "@type": "Person",
    "@id": "_:actor-naji-al-mustafa",
    "identifier": "naji-al-mustafa",
    "name": "Naji al-Mustafa",
    "jobTitle": "spokesman",
    "affiliation": {
        "@type": "Organization",
        "@id": "_:actor-national-liberation-front",
        "name": "National Liberation Front",
    },
    "additionalProperty": [_pv("kind", "person")],
}


def _dispute(stance: str) -> dict[str, Any]:
    return _pv(
        "dispute",
        stance,
        description="an attack took place",
        identifier="d1",
        valueReference=[
            _pv("kind", "denial"),
            _pv("reason", "Russia reports deaths in an attack; the NLF denies any attack."),
        ],
    )


def _claim_1(appearance: dict[str, Any]) -> dict[str, Any]:
    return {
        "@type": "Claim",
        "@id": "_:claim-c1",
        "identifier": "c1",
        "text": "up to 50 terrorists were killed",
        "author": RUSSIA,
        "dateCreated": "2020-01-23",
        "appearance": appearance,
        "additionalProperty": [
            _pv("cue", "said"),
            _pv("mode", "indirect"),
            _pv("polarity", "assert"),
            _pv("hedged", False),
            _pv(
                "when",
                "2020-01-23",
                description="on Thursday",
                valueReference=[_pv("precision", "day")],
            ),
            {
                "@type": "PropertyValue",
                "name": "quantity",
                "description": "up to 50",
                "maxValue": 50,
                "unitText": "terrorists",
                "valueReference": [_pv("hedge", "up_to"), _pv("event", "killed")],
            },
            _dispute("affirms"),
            _pv("confidence", 0.9),
            _pv("extractor", "rules", valueReference=[_pv("version", "1")]),
        ],
    }


EXPECTED_GRAPH: dict[str, Any] = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "NewsArticle",
            "@id": "_:article-a1",
            "identifier": "a1",
            "headline": "Attack in Idlib",
            "datePublished": "2020-01-24",
            "url": "https://example.org/news/1",
            "inLanguage": "en",
            "articleBody": TEXT,
            "additionalProperty": [_pv("source", "agencies")],
        },
        _claim_1({"@id": "_:article-a1"}),
        {
            "@type": "Claim",
            "@id": "_:claim-c2",
            "identifier": "c2",
            "text": "any attack took place",
            "author": MUSTAFA,
            "appearance": {"@id": "_:article-a1"},
            "additionalProperty": [
                _pv("cue", "denied"),
                _pv("mode", "indirect"),
                _pv("polarity", "deny"),
                _pv("hedged", False),
                _dispute("denies"),
            ],
        },
    ],
}


def test_article_as_json_ld_graph() -> None:
    assert to_schema_org(_article()) == EXPECTED_GRAPH


def test_graph_is_json_and_reexported() -> None:
    document = claimkit.to_schema_org(_article())
    assert json.loads(json.dumps(document)) == document
    assert document["@context"] == SCHEMA_ORG


def test_publisher_only_when_given() -> None:
    document = to_schema_org(_article(), publisher="Example News")
    assert document["@graph"][0]["publisher"] == {"@type": "Organization", "name": "Example News"}
    assert "publisher" not in to_schema_org(_article())["@graph"][0]


def test_bare_article_has_no_invented_fields() -> None:
    article = Article(id="empty", text="Nothing was said.")
    assert to_schema_org(article) == {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "@id": "_:article-empty",
                "identifier": "empty",
                "inLanguage": "en",
                "articleBody": "Nothing was said.",
            }
        ],
    }


def test_organization_role_and_affiliation_to_a_person() -> None:
    text = "The office of Smith said nothing."
    smith = Actor(name="Smith", kind=ActorKind.PERSON)
    office = Actor(
        name="The office of Smith",
        kind=ActorKind.ORGANIZATION,
        role="press office",
        affiliation=smith.id,
        mentions=(Span(start=0, end=19),),
    )
    claim = Claim(
        id="c",
        speaker=office.id,
        cue=Excerpt(text="said", span=Span(start=20, end=24)),
        content=Excerpt(text="nothing", span=Span(start=25, end=32)),
    )
    article = Article(id="a", text=text, actors=(smith, office), claims=(claim,))
    assert to_schema_org(article)["@graph"][1]["author"] == {
        "@type": "Organization",
        "@id": "_:actor-the-office-of-smith",
        "identifier": "the-office-of-smith",
        "name": "The office of Smith",
        "additionalProperty": [
            _pv("kind", "organization"),
            _pv("role", "press office"),
            _pv("affiliation", "Smith"),
        ],
    }


def test_range_and_unresolved_times_stay_out_of_date_created() -> None:
    article = _article()
    said = article.claims[0]
    assert said.when is not None
    week = _evolve_when(
        said,
        precision=TimePrecision.RANGE,
        start=datetime.date(2020, 1, 20),
        end=datetime.date(2020, 1, 23),
    )
    unresolved = _evolve_when(said, precision=TimePrecision.UNRESOLVED, start=None, end=None)
    for claim, value in ((week, "2020-01-20/2020-01-23"), (unresolved, None)):
        node = to_schema_org(_with_first_claim(article, claim))["@graph"][1]
        assert "dateCreated" not in node
        when = next(p for p in node["additionalProperty"] if p["name"] == "when")
        assert when.get("value") == value
        assert when["description"] == "on Thursday"


def _evolve_when(claim: Claim, **changes: Any) -> Claim:
    assert claim.when is not None
    return attrs.evolve(claim, when=attrs.evolve(claim.when, **changes))


def _with_first_claim(article: Article, claim: Claim) -> Article:
    return attrs.evolve(article, claims=(claim, *article.claims[1:]))


def test_ids_are_percent_encoded() -> None:
    article = _article()
    odd = attrs.evolve(article.claims[1], id="c 2/ü")
    dispute = attrs.evolve(
        article.disputes[0],
        positions=(article.disputes[0].positions[0], Position(claim="c 2/ü", stance=Stance.DENIES)),
    )
    changed = attrs.evolve(article, claims=(article.claims[0], odd), disputes=(dispute,))
    assert to_schema_org(changed)["@graph"][2]["@id"] == "_:claim-c%202%2F%C3%BC"


def test_claim_review_with_a_verdict() -> None:
    article = _article()
    review = claim_review(
        article.claims[1],
        article,
        rating="False",
        reviewer="Example Check",
        rating_value=1,
        best_rating=5,
        worst_rating=1,
        url="https://example.org/checks/7",
        date_published=datetime.date(2020, 1, 30),
        publisher="Example News",
    )
    appearance = {
        "@type": "NewsArticle",
        "@id": "_:article-a1",
        "identifier": "a1",
        "headline": "Attack in Idlib",
        "datePublished": "2020-01-24",
        "url": "https://example.org/news/1",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "inLanguage": "en",
        "additionalProperty": [_pv("source", "agencies")],
    }
    claim_node = dict(EXPECTED_GRAPH["@graph"][2], appearance=appearance)
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "any attack took place",
        "itemReviewed": claim_node,
        "author": {"@type": "Organization", "name": "Example Check"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "url": "https://example.org/checks/7",
        "datePublished": "2020-01-30",
    }


def test_claim_review_needs_only_rating_and_reviewer() -> None:
    article = _article()
    review = claim_review(
        article.claims[0], article, rating="Unproven", reviewer="A. Checker", reviewer_type="Person"
    )
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert review["author"] == {"@type": "Person", "name": "A. Checker"}
    assert review["itemReviewed"]["@id"] == "_:claim-c1"
    assert "url" not in review
    assert "datePublished" not in review


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rating": ""}, "rating must be the verdict in words"),
        ({"reviewer": "  "}, "reviewer must name who checked the claim"),
        ({"reviewer_type": "Robot"}, "reviewer_type must be 'Organization' or 'Person'"),
        ({"best_rating": 1, "worst_rating": 5}, r"worst_rating \(5\) > best_rating \(1\)"),
        ({"rating_value": 6, "best_rating": 5}, r"rating_value \(6\) > best_rating \(5\)"),
        ({"rating_value": 0, "worst_rating": 1}, r"rating_value \(0\) < worst_rating \(1\)"),
    ],
)
def test_claim_review_checks_its_arguments(changes: dict[str, Any], message: str) -> None:
    article = _article()
    arguments: dict[str, Any] = {"rating": "False", "reviewer": "Example Check", **changes}
    with pytest.raises(ValueError, match=message):
        claim_review(article.claims[0], article, **arguments)


def test_claim_review_of_a_claim_from_another_article() -> None:
    article = _article()
    other = Article(id="other", text=TEXT)
    with pytest.raises(ValueError, match="'c1' is not a claim of article 'other'"):
        claim_review(article.claims[0], other, rating="False", reviewer="Example Check")


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="needs an Article, got str"):
        to_schema_org("text")  # type: ignore[arg-type]


@given(articles(max_claims=5))
def test_every_claim_once_with_text_and_author(article: Article) -> None:
    graph = to_schema_org(article)["@graph"]
    assert graph[0]["@type"] == "NewsArticle"
    nodes = [node for node in graph if node["@type"] == "Claim"]
    assert len(graph) == 1 + len(article.claims)
    assert sorted(node["identifier"] for node in nodes) == sorted(c.id for c in article.claims)
    for claim in article.claims:
        (node,) = [n for n in nodes if n["identifier"] == claim.id]
        speaker = article.speaker_of(claim)
        assert node["text"] == claim.content.text
        assert node["author"]["name"] == speaker.name
        assert node["author"]["@type"] == (
            "Person" if speaker.kind is ActorKind.PERSON else "Organization"
        )
        assert node["appearance"] == {"@id": graph[0]["@id"]}
        stances = [p["value"] for p in node["additionalProperty"] if p["name"] == "dispute"]
        expected = [
            position.stance.value
            for dispute in article.disputes
            for position in dispute.positions
            if position.claim == claim.id
        ]
        assert stances == expected
    assert json.loads(json.dumps(graph)) == graph
