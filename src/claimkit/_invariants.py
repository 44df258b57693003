"""The rules of an article that need the whole document.

Every span lies inside the text and every excerpt reads as the text it covers;
every mention reads as a name of its actor; ids are unique; speakers,
affiliations and the claims of a dispute resolve; a dispute has claims of at
least two different actors; the format version is one this release reads.

:func:`article_is_valid` checks them all in one quick pass without messages
(valid articles, the common case, stop there); :func:`article_problems` says
what is wrong and where, every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimkit._checks import show_int
from claimkit.errors import Problem

if TYPE_CHECKING:
    from claimkit.model import Article, Span

__all__ = ["article_is_valid", "article_problems"]


def article_is_valid(article: Article) -> bool:
    """The checks of :func:`article_problems` as one quick pass without messages.

    Valid articles, the common case, are checked here only; the detailed
    generator runs when something is wrong, to say what and where.
    """
    if article.format_version not in type(article).SUPPORTED_FORMATS:
        return False
    text = article.text
    size = len(text)
    actor_ids = set()
    for actor in article.actors:
        if actor.id in actor_ids:
            return False
        actor_ids.add(actor.id)
        if actor.mentions:
            names = {n.casefold() for n in actor.names}
            for mention in actor.mentions:
                if mention.end > size or text[mention.start : mention.end].casefold() not in names:
                    return False
    for actor in article.actors:
        affiliation = actor.affiliation
        if affiliation is not None and (affiliation not in actor_ids or affiliation == actor.id):
            return False
    speakers: dict[str, str] = {}
    for claim in article.claims:
        if claim.id in speakers or claim.speaker not in actor_ids:
            return False
        speakers[claim.id] = claim.speaker
        cue, content = claim.cue.span, claim.content.span
        if cue.end > size or text[cue.start : cue.end] != claim.cue.text:
            return False
        if content.end > size or text[content.start : content.end] != claim.content.text:
            return False
        for quantity in claim.quantities:
            span = quantity.span
            if span.end > size or text[span.start : span.end] != quantity.text:
                return False
        when = claim.when
        if when is not None and (
            when.span.end > size or text[when.span.start : when.span.end] != when.text
        ):
            return False
    dispute_ids = set()
    for dispute in article.disputes:
        if dispute.id in dispute_ids:
            return False
        dispute_ids.add(dispute.id)
        parties = set()
        for position in dispute.positions:
            speaker = speakers.get(position.claim)
            if speaker is None:
                return False
            parties.add(speaker)
        if len(parties) < 2:
            return False
    return True


def article_problems(article: Article) -> Iterator[Problem]:
    """Every invariant of ``article`` that spans more than one object."""
    if article.format_version not in type(article).SUPPORTED_FORMATS:
        supported = ", ".join(str(v) for v in sorted(type(article).SUPPORTED_FORMATS))
        yield Problem(
            path="$.format_version",
            message=f"format version {article.format_version} is not supported"
            f" (this claimkit reads {supported})",
        )
    text = article.text
    size = len(text)

    def span_problems(span: Span, path: str) -> Iterator[Problem]:
        if span.end > size:
            yield Problem(
                path=path + ".end",
                message=f"{show_int(span.end)} is past the end of the text ({size} characters)",
            )

    def excerpt_problems(surface: str, span: Span, path: str) -> Iterator[Problem]:
        if span.end > size:
            yield from span_problems(span, path + ".span")
        elif text[span.start : span.end] != surface:
            yield Problem(
                path=path + ".text",
                message=f"{surface!r} does not match the text at"
                f" [{span.start}, {span.end}): {text[span.start : span.end]!r}",
            )

    actor_ids: set[str] = set()
    for i, actor in enumerate(article.actors):
        path = f"$.actors[{i}]"
        if actor.id in actor_ids:
            yield Problem(path=path + ".id", message=f"duplicate actor id {actor.id!r}")
        actor_ids.add(actor.id)
        names = {n.casefold() for n in actor.names}
        for j, mention in enumerate(actor.mentions):
            mpath = f"{path}.mentions[{j}]"
            if mention.end > size:
                yield from span_problems(mention, mpath)
            elif text[mention.start : mention.end].casefold() not in names:
                yield Problem(
                    path=mpath,
                    message=f"{text[mention.start : mention.end]!r} is neither the name"
                    " nor an alias of the actor",
                )
    for i, actor in enumerate(article.actors):
        if actor.affiliation is not None:
            if actor.affiliation not in actor_ids:
                yield Problem(
                    path=f"$.actors[{i}].affiliation",
                    message=f"no actor has the id {actor.affiliation!r}",
                )
            elif actor.affiliation == actor.id:
                yield Problem(
                    path=f"$.actors[{i}].affiliation",
                    message="an actor cannot be its own affiliation",
                )

    speakers: dict[str, str] = {}
    for i, claim in enumerate(article.claims):
        path = f"$.claims[{i}]"
        if claim.id in speakers:
            yield Problem(path=path + ".id", message=f"duplicate claim id {claim.id!r}")
        speakers[claim.id] = claim.speaker
        if claim.speaker not in actor_ids:
            yield Problem(path=path + ".speaker", message=f"no actor has the id {claim.speaker!r}")
        yield from excerpt_problems(claim.cue.text, claim.cue.span, path + ".cue")
        yield from excerpt_problems(claim.content.text, claim.content.span, path + ".content")
        for j, quantity in enumerate(claim.quantities):
            yield from excerpt_problems(quantity.text, quantity.span, f"{path}.quantities[{j}]")
        if claim.when is not None:
            yield from excerpt_problems(claim.when.text, claim.when.span, path + ".when")

    dispute_ids: set[str] = set()
    for i, dispute in enumerate(article.disputes):
        path = f"$.disputes[{i}]"
        if dispute.id in dispute_ids:
            yield Problem(path=path + ".id", message=f"duplicate dispute id {dispute.id!r}")
        dispute_ids.add(dispute.id)
        parties = set()
        for j, position in enumerate(dispute.positions):
            speaker = speakers.get(position.claim)
            if speaker is None:
                yield Problem(
                    path=f"{path}.positions[{j}].claim",
                    message=f"no claim has the id {position.claim!r}",
                )
            else:
                parties.add(speaker)
        if len(parties) == 1:
            yield Problem(
                path=path + ".positions",
                message="a dispute needs claims of at least two different actors",
            )
