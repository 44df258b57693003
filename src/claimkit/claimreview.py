"""schema.org JSON-LD for claimkit articles: ``Claim`` nodes, and ``ClaimReview`` on request.

claimkit records who claimed what; it does not judge whether a claim is true.
schema.org's ``ClaimReview`` is a fact-check, and needs a verdict
(``reviewRating``), so an article maps to a document of ``Claim`` nodes
instead (:func:`to_schema_org`); a ``ClaimReview`` is built only for a claim
whose verdict the caller supplies (:func:`claim_review`).

The mapping:

* the article is a ``NewsArticle``: ``identifier``, ``articleBody``,
  ``datePublished``, ``headline`` (the title), ``url``, ``inLanguage``, and a
  ``publisher`` only when the caller names one;
* each claim is a ``Claim``: ``identifier``, ``text`` (the content),
  ``author`` (the speaker), ``dateCreated`` (the day the statement was made,
  when it is resolved to one day) and ``appearance`` (the article);
* each actor is a ``Person`` (kind ``person``) or an ``Organization`` (every
  other kind), with ``name``, ``alternateName`` (the aliases), ``jobTitle``
  (a person's role) and ``affiliation`` (a person's) or ``memberOf`` (an
  organization's) when the affiliated actor is not a person.

What schema.org has no property for is kept in ``additionalProperty``
entries (``PropertyValue``, ``name`` and ``value``; the words of the article,
where there are some, in ``description``; details in ``valueReference``):
a claim's ``cue``, ``mode``, ``polarity``, ``hedged``, ``when`` (also when it
is a range or unresolved), each ``quantity`` (``minValue``, ``maxValue``,
``unitText`` for the thing counted, the hedge and the event), each
``dispute`` the claim takes part in (the point, the claim's stance, the
kind, the reason and the note), ``confidence`` and ``extractor``; an actor's
``kind`` and ``role`` (for an organization) and an affiliation to a person;
the article's ``source``. schema.org defines ``additionalProperty`` on
products and places rather than on creative works, persons and
organizations, so a strict validator may warn about it; JSON-LD processors
read it as any other property.

Dropped, because the vocabulary has no place for them: character offsets
(spans and mentions) and ``format_version``. Never added, because claimkit
does not know them: ``firstAppearance`` (a news article reports a statement,
it is rarely where the statement first appeared), a ``publisher`` the caller
did not give, and any verdict.

Nodes are identified by blank-node ids built from claimkit ids
(``_:claim-`` followed by the percent-encoded claim id, and so on), so the
same article always gives the same document.
"""

from __future__ import annotations

import datetime
from typing import Any, Final, Literal
from urllib.parse import quote

from claimkit.model import Actor, ActorKind, Article, Claim, Quantity, TimePrecision, TimeRef

__all__ = ["SCHEMA_ORG", "claim_review", "to_schema_org"]

#: The JSON-LD context of every document made here.
SCHEMA_ORG: Final = "https://schema.org"


def _node_id(prefix: str, claimkit_id: str) -> str:
    return f"_:{prefix}-{quote(claimkit_id, safe='')}"


def _prop(name: str, value: Any, *, description: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "PropertyValue", "name": name, "value": value}
    if description is not None:
        node["description"] = description
    return node


def _actor_type(actor: Actor) -> str:
    return "Person" if actor.kind is ActorKind.PERSON else "Organization"


def _actor_node(actor: Actor, article: Article) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": _actor_type(actor),
        "@id": _node_id("actor", actor.id),
        "identifier": actor.id,
        "name": actor.name,
    }
    if actor.aliases:
        node["alternateName"] = list(actor.aliases)
    extra = [_prop("kind", actor.kind.value)]
    if actor.role is not None:
        if actor.kind is ActorKind.PERSON:
            node["jobTitle"] = actor.role
        else:
            extra.append(_prop("role", actor.role))
    if actor.affiliation is not None:
        other = article.actor(actor.affiliation)
        if other.kind is ActorKind.PERSON:
            extra.append(_prop("affiliation", other.name))
        else:
            key = "affiliation" if actor.kind is ActorKind.PERSON else "memberOf"
            node[key] = {
                "@type": "Organization",
                "@id": _node_id("actor", other.id),
                "name": other.name,
            }
    node["additionalProperty"] = extra
    return node


def _article_node(article: Article, *, publisher: str | None, body: bool) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": _node_id("article", article.id),
        "identifier": article.id,
    }
    if article.title is not None:
        node["headline"] = article.title
    if article.published is not None:
        node["datePublished"] = article.published.isoformat()
    if article.url is not None:
        node["url"] = article.url
    if publisher is not None:
        node["publisher"] = {"@type": "Organization", "name": publisher}
    node["inLanguage"] = article.language
    if body:
        node["articleBody"] = article.text
    if article.source is not None:
        node["additionalProperty"] = [_prop("source", article.source)]
    return node


def _when(time: TimeRef) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "PropertyValue", "name": "when"}
    start, end = time.start, time.end
    if start is not None and end is not None:
        # A day is one date; a range is an ISO 8601 interval of inclusive dates.
        node["value"] = start.isoformat() if start == end else f"{start}/{end}"
    node["description"] = time.text
    node["valueReference"] = [_prop("precision", time.precision.value)]
    return node


def _quantity(quantity: Quantity) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "PropertyValue",
        "name": "quantity",
        "description": quantity.text,
    }
    if quantity.low is not None:
        node["minValue"] = quantity.low
    if quantity.high is not None:
        node["maxValue"] = quantity.high
    if quantity.counted is not None:
        node["unitText"] = quantity.counted
    details = [_prop("hedge", quantity.hedge.value)]
    if quantity.event is not None:
        details.append(_prop("event", quantity.event))
    node["valueReference"] = details
    return node


def _claim_node(claim: Claim, article: Article, appearance: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": _node_id("claim", claim.id),
        "identifier": claim.id,
        "text": claim.content.text,
        "author": _actor_node(article.speaker_of(claim), article),
    }
    when = claim.when
    if when is not None and when.precision is TimePrecision.DAY and when.start is not None:
        node["dateCreated"] = when.start.isoformat()
    node["appearance"] = appearance
    extra = [
        _prop("cue", claim.cue.text),
        _prop("mode", claim.mode.value),
        _prop("polarity", claim.polarity.value),
        _prop("hedged", claim.hedged),
    ]
    if when is not None:
        extra.append(_when(when))
    extra.extend(_quantity(q) for q in claim.quantities)
    for dispute in article.disputes:
        for position in dispute.positions:
            if position.claim != claim.id:
                continue
            entry = _prop("dispute", position.stance.value, description=dispute.point)
            entry["identifier"] = dispute.id
            details = [_prop("kind", dispute.kind.value)]
            if dispute.reason is not None:
                details.append(_prop("reason", dispute.reason))
            if dispute.note is not None:
                details.append(_prop("note", dispute.note))
            entry["valueReference"] = details
            extra.append(entry)
    if claim.confidence is not None:
        extra.append(_prop("confidence", claim.confidence))
    if claim.extractor is not None:
        entry = _prop("extractor", claim.extractor.name)
        entry["valueReference"] = [_prop("version", claim.extractor.version)]
        extra.append(entry)
    node["additionalProperty"] = extra
    return node


def to_schema_org(article: Article, *, publisher: str | None = None) -> dict[str, Any]:
    """A JSON-LD document of ``article``: a ``NewsArticle`` and one ``Claim`` per claim.

    The document is ``{"@context": "https://schema.org", "@graph": [...]}``;
    the graph holds the ``NewsArticle`` first, then the claims in the order
    of ``article.claims``, each with its speaker as ``author`` and a
    reference to the article as ``appearance``. ``publisher`` names the
    outlet that published the article; it is left out unless given. See the
    module documentation for what else is mapped, kept or dropped. The result
    is plain data, ready for :func:`json.dumps`.
    """
    if not isinstance(article, Article):
        raise TypeError(f"to_schema_org() needs an Article, got {type(article).__name__}")
    appearance = {"@id": _node_id("article", article.id)}
    graph = [_article_node(article, publisher=publisher, body=True)]
    graph.extend(_claim_node(claim, article, appearance) for claim in article.claims)
    return {"@context": SCHEMA_ORG, "@graph": graph}


def claim_review(
    claim: Claim,
    article: Article,
    *,
    rating: str,
    reviewer: str,
    reviewer_type: Literal["Organization", "Person"] = "Organization",
    rating_value: float | None = None,
    best_rating: float | None = None,
    worst_rating: float | None = None,
    url: str | None = None,
    date_published: datetime.date | None = None,
    publisher: str | None = None,
) -> dict[str, Any]:
    """A JSON-LD ``ClaimReview`` of one claim of ``article``, with the caller's verdict.

    ``rating`` is the verdict in words ("False", "Mostly true"), given as
    ``reviewRating.alternateName``; ``rating_value``, ``best_rating`` and
    ``worst_rating`` give it on a numeric scale when the reviewer uses one.
    ``reviewer`` is the name of who checked the claim (an ``Organization``
    unless ``reviewer_type`` is ``"Person"``); ``url`` and ``date_published``
    are those of the review itself. The reviewed claim is the same ``Claim``
    node as in :func:`to_schema_org`, its ``appearance`` being the article
    (``publisher`` as there).

    Raises :class:`ValueError` when the claim is not one of the article's,
    when ``rating`` or ``reviewer`` is empty, when ``reviewer_type`` is not
    one of the two types, or when ``rating_value`` lies outside
    ``[worst_rating, best_rating]``.
    """
    if not isinstance(claim, Claim) or not isinstance(article, Article):
        raise TypeError("claim_review() needs a Claim and the Article it belongs to")
    if claim not in article.claims:
        raise ValueError(
            f"claim {claim.id!r} is not a claim of article {article.id!r}:"
            " pass the article the claim comes from"
        )
    if not isinstance(rating, str) or not rating.strip():
        raise ValueError("rating must be the verdict in words, e.g. rating='False'")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise ValueError("reviewer must name who checked the claim, e.g. reviewer='Example Check'")
    if reviewer_type not in ("Organization", "Person"):
        raise ValueError(f"reviewer_type must be 'Organization' or 'Person', got {reviewer_type!r}")
    if best_rating is not None and worst_rating is not None and worst_rating > best_rating:
        raise ValueError(f"worst_rating ({worst_rating}) > best_rating ({best_rating}): swap them")
    if rating_value is not None:
        if best_rating is not None and rating_value > best_rating:
            raise ValueError(f"rating_value ({rating_value}) > best_rating ({best_rating})")
        if worst_rating is not None and rating_value < worst_rating:
            raise ValueError(f"rating_value ({rating_value}) < worst_rating ({worst_rating})")
    verdict: dict[str, Any] = {"@type": "Rating", "alternateName": rating}
    if rating_value is not None:
        verdict["ratingValue"] = rating_value
    if best_rating is not None:
        verdict["bestRating"] = best_rating
    if worst_rating is not None:
        verdict["worstRating"] = worst_rating
    review: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "claimReviewed": claim.content.text,
        "itemReviewed": _claim_node(
            claim, article, _article_node(article, publisher=publisher, body=False)
        ),
        "author": {"@type": reviewer_type, "name": reviewer},
        "reviewRating": verdict,
    }
    if url is not None:
        review["url"] = url
    if date_published is not None:
        review["datePublished"] = date_published.isoformat()
    return review
