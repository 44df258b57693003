"""Contradiction disputes inside one article: assertions of two sides that give one
thing opposed states ("the post was held", "the post was overrun")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

from claimkit.extraction.context import ClaimContext, overlap, shorten
from claimkit.language.references import NEAR_SENTENCES, References
from claimkit.language.states import OPPOSED_STATES, states_in, topic_words
from claimkit.model import Dispute, DisputeKind, Polarity, Position, Stance

__all__ = ["contradiction_disputes"]

#: A claim is compared with at most this many claims of the opposed state on each side
#: of it, nearest first: a bound that keeps the search linear.
_PARTNERS: Final = 16


def contradiction_disputes(
    contexts: Sequence[ClaimContext], refs: References, found: Sequence[Dispute]
) -> list[tuple[Dispute, tuple[str, str]]]:
    """Assertions of two sides that give one thing opposed states, about the same time
    and with a word of topic in common, each with the labels of the two states; claims
    that already disagree in one of ``found`` are not set against each other again."""
    disputes_of: dict[str, set[int]] = {}
    for index, dispute in enumerate(found):
        for position in dispute.positions:
            disputes_of.setdefault(position.claim, set()).add(index)
    stated = [
        (context, states_in(context.claim.content.text))
        for context in contexts
        if context.claim.polarity is Polarity.ASSERT
    ]
    stated = [(context, states) for context, states in stated if any(states)]
    disputes: list[tuple[Dispute, tuple[str, str]]] = []
    for k, state in enumerate(OPPOSED_STATES):
        ones = [context for context, states in stated if states[k] == 1]
        others = [context for context, states in stated if states[k] == -1]
        linked: dict[str, tuple[ClaimContext, Stance]] = {}
        for against in others:
            side = refs.side(against.claim)
            topic = topic_words(against.claim.content.text)
            middle = bisect.bisect_left(ones, against.sentence, key=lambda c: c.sentence)
            for claim_for in ones[max(0, middle - _PARTNERS) : middle + _PARTNERS]:
                if (
                    refs.side(claim_for.claim) != side
                    and abs(claim_for.sentence - against.sentence) <= NEAR_SENTENCES
                    and overlap(claim_for, against)
                    and topic & topic_words(claim_for.claim.content.text)
                    and not (
                        disputes_of.get(claim_for.claim.id, set())
                        & disputes_of.get(against.claim.id, set())
                    )
                ):
                    linked[claim_for.claim.id] = (claim_for, Stance.AFFIRMS)
                    linked[against.claim.id] = (against, Stance.DENIES)
        if not linked:
            continue
        ordered = sorted(linked.values(), key=lambda item: item[0].claim.content.span.start)
        first = next(c for c, stance in ordered if stance is Stance.AFFIRMS)
        positions = tuple(Position(claim=c.claim.id, stance=st) for c, st in ordered)
        dispute = Dispute(
            kind=DisputeKind.CONTRADICTION,
            point=shorten(first.claim.content.text),
            positions=positions,
            reason=contradiction_reason(positions, refs, state.labels),
        )
        disputes.append((dispute, state.labels))
    return disputes


def contradiction_reason(
    positions: Sequence[Position], refs: References, labels: tuple[str, str]
) -> str:
    """ "held according to X; overrun or abandoned according to Y", from the positions'
    speakers."""
    holders = sorted({refs.speaker_name(p.claim) for p in positions if p.stance is Stance.AFFIRMS})
    opponents = sorted({refs.speaker_name(p.claim) for p in positions if p.stance is Stance.DENIES})
    return (
        f"{labels[0]} according to {' and '.join(holders)}; "
        f"{labels[1]} according to {' and '.join(opponents)}"
    )
