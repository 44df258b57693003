"""A claim with what dispute detection needs beyond the model: its sentence and the
days of the events it speaks of."""

from __future__ import annotations

import datetime

import attrs

from claimkit.model import Claim

__all__ = ["ClaimContext", "overlap", "same_window", "shorten"]


@attrs.frozen
class ClaimContext:
    """A claim, the sentence it is in, and the days of the events its content names."""

    claim: Claim
    sentence: int
    event_dates: tuple[datetime.date, datetime.date] | None


def _dates(context: ClaimContext) -> tuple[datetime.date, datetime.date] | None:
    if context.event_dates is not None:
        return context.event_dates
    when = context.claim.when
    if when is not None and when.start is not None and when.end is not None:
        return when.start, when.end
    return None


def overlap(a: ClaimContext, b: ClaimContext) -> bool:
    """Whether two claims may speak of the same days (or either gives none)."""
    da, db = _dates(a), _dates(b)
    if da is None or db is None:
        return True
    return da[0] <= db[1] and db[0] <= da[1]


def same_window(a: ClaimContext, b: ClaimContext) -> bool:
    """Whether two denials speak of the same time (or either gives none)."""
    if a.event_dates is None or b.event_dates is None:
        return True
    return a.event_dates == b.event_dates


def shorten(text: str, words: int = 16) -> str:
    """The first ``words`` words of ``text``, with "..." when there were more."""
    parts = text.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")
