"""Disputes inside one article: denials matched to what they deny, and counts
of the same thing whose intervals do not overlap."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Final

import attrs

from claimkit.extraction.actors import normalize_name
from claimkit.extraction.lexicon import ADJECTIVES
from claimkit.model import (
    Actor,
    Claim,
    Dispute,
    DisputeKind,
    Polarity,
    Position,
    Quantity,
    Stance,
)

__all__ = ["ClaimContext", "find_disputes"]

# Families of event words: a denial of an "assault" answers claims of "attacks".
_EVENT_FAMILIES: Final[dict[str, str]] = {}
for _family, _words in {
    "attack": """attack attacks attacked assault assaults offensive offensives operation
        operations raid raids strike strikes fighting clashes clash bombing bombings
        shelling incursion incursions ambush""",
    "kill": "killed killing killings deaths dead died massacre casualties",
    "seize": "seized seizure captured capture control overran",
    "arrest": "arrested arrests detained detentions",
    "leak": "breach breached leak leaked hack hacked stolen",
    "fraud": "fraud rigged rigging irregularities",
}.items():
    for _word in _words.split():
        _EVENT_FAMILIES[_word] = _family
_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")


@attrs.frozen
class ClaimContext:
    """A claim with what dispute detection needs beyond the model."""

    claim: Claim
    sentence: int
    event_dates: tuple[datetime.date, datetime.date] | None


def _families(text: str) -> set[str]:
    return {_EVENT_FAMILIES[w.lower()] for w in _WORD.findall(text) if w.lower() in _EVENT_FAMILIES}


def _dates(context: ClaimContext) -> tuple[datetime.date, datetime.date] | None:
    if context.event_dates is not None:
        return context.event_dates
    when = context.claim.when
    if when is not None and when.start is not None and when.end is not None:
        return when.start, when.end
    return None


def _overlap(a: ClaimContext, b: ClaimContext) -> bool:
    da, db = _dates(a), _dates(b)
    if da is None or db is None:
        return True
    return da[0] <= db[1] and db[0] <= da[1]


def _referenced_actors(content: str, actors: Sequence[Actor], speaker: str) -> set[str]:
    """Actors that a denial names ("disputed the Syrian media and Russian government accounts")."""
    folded = normalize_name(content)
    found: set[str] = set()
    for actor in actors:
        if actor.id == speaker:
            continue
        for name in actor.names:
            key = normalize_name(name)
            words = key.split()
            if key and re.search(rf"\b{re.escape(key)}\b", folded):
                found.add(actor.id)
                break
            # "Syrian media" for "Syrian state media": every word but one, in order.
            if len(words) >= 3:
                shorter = " ".join(words[:1] + words[2:])
                if re.search(rf"\b{re.escape(shorter)}\b", folded):
                    found.add(actor.id)
                    break
        else:
            for adjective, country in ADJECTIVES.items():
                if actor.name == country and re.search(
                    rf"\b{re.escape(adjective.lower())} (government|authorities)\b", folded
                ):
                    found.add(actor.id)
    return found


def _denial_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> list[Dispute]:
    disputes: list[Dispute] = []
    groups: list[list[ClaimContext]] = []
    for context in contexts:
        if context.claim.polarity is not Polarity.DENY:
            continue
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.sentence == context.sentence
            and last.claim.speaker == context.claim.speaker
        ):
            groups[-1].append(context)
        else:
            groups.append([context])
    for group in groups:
        speaker = group[0].claim.speaker
        targets: dict[str, ClaimContext] = {}
        for denial in group:
            named = _referenced_actors(denial.claim.content.text, actors, speaker)
            families = _families(denial.claim.content.text)
            for other in contexts:
                claim = other.claim
                if claim.speaker == speaker or claim.polarity is Polarity.DENY:
                    continue
                names_it = claim.speaker in named and other.sentence <= denial.sentence
                same_event = bool(families & _families(claim.content.text))
                if names_it or (same_event and _overlap(denial, other)):
                    targets[claim.id] = other
        if not targets:
            continue
        ordered = sorted(targets.values(), key=lambda c: c.claim.content.span.start)
        positions = [Position(claim=c.claim.id, stance=Stance.AFFIRMS) for c in ordered]
        positions += [Position(claim=d.claim.id, stance=Stance.DENIES) for d in group]
        denial_text = group[-1].claim.content.text
        disputes.append(
            Dispute(
                kind=DisputeKind.DENIAL,
                point=_point(denial_text),
                positions=tuple(positions),
                reason=f"{_name(actors, speaker)} denies what"
                f" {', '.join(sorted({_name(actors, c.claim.speaker) for c in ordered}))} report",
            )
        )
    return disputes


def _point(denial: str) -> str:
    """A short statement of the point: the denied clause with its negation taken out."""
    clauses = re.split(r",?\s+\bbut\b\s+|;\s+|,\s+while\s+", denial)
    clause = next((c for c in clauses if _NEGATED.search(c)), clauses[-1])
    point = _NEGATED.sub(_affirm, clause, count=1)
    words = point.split()
    return " ".join(words[:16]) + ("..." if len(words) > 16 else "")


_NEGATED: Final = re.compile(
    r"\b(?:no such (?=(?P<such>\w))|(?P<aux>had|has|have|did|does|do|was|were|is|are)(?: not|n't)"
    r"|(?P<verb>seen|saw|found|was|were) no)\b",
    re.IGNORECASE,
)


def _affirm(match: re.Match[str]) -> str:
    if match.group("such") is not None:
        article = "an" if match.group("such").lower() in "aeiou" else "a"
        return f"{article} "
    return match.group("aux") or match.group("verb")


def _name(actors: Sequence[Actor], actor_id: str) -> str:
    return next((a.name for a in actors if a.id == actor_id), actor_id)


def _count_key(quantity: Quantity) -> tuple[str, str] | None:
    if quantity.event is None or quantity.counted is None or quantity.interval is None:
        return None
    head = quantity.counted.split()[-1].lower()
    return quantity.event, head.rstrip("s")


def _numeric_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> list[Dispute]:
    disputes: list[Dispute] = []
    seen: set[frozenset[str]] = set()
    for i, a in enumerate(contexts):
        for b in contexts[i + 1 :]:
            if a.claim.speaker == b.claim.speaker or not _overlap(a, b):
                continue
            for qa in a.claim.quantities:
                for qb in b.claim.quantities:
                    key = _count_key(qa)
                    if key is None or key != _count_key(qb):
                        continue
                    ia, ib = qa.interval, qb.interval
                    if ia is None or ib is None or (ia[0] <= ib[1] and ib[0] <= ia[1]):
                        continue
                    pair = frozenset((a.claim.id, b.claim.id))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    disputes.append(
                        Dispute(
                            kind=DisputeKind.NUMERIC,
                            point=f"how many {qa.counted} were {key[0]}",
                            positions=(
                                Position(claim=a.claim.id, stance=Stance.OTHER),
                                Position(claim=b.claim.id, stance=Stance.OTHER),
                            ),
                            reason=f"{_name(actors, a.claim.speaker)} says {qa.text},"
                            f" {_name(actors, b.claim.speaker)} says {qb.text}",
                        )
                    )
    return disputes


def find_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> tuple[Dispute, ...]:
    """Denial and numeric disputes among the claims of one article."""
    return tuple(_denial_disputes(contexts, actors) + _numeric_disputes(contexts, actors))
