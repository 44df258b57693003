"""Corpora: many articles, actors merged across them, and the disputes between them.

Disputes across a corpus are about one event (:mod:`claimkit.corpus.events`: its
kind, place, actors and time). Inside an event, claims are grouped into positions,
one per distinct account, and a dispute says which positions cannot both hold
(:mod:`claimkit.corpus.positions`), so nothing is capped or dropped however hot the
event. :func:`event_disputes` works from a stream of articles in memory bounded by
the largest event (:mod:`claimkit.corpus.stream`), from JSON Lines files and Parquet
directories read by :mod:`claimkit.corpus.inputs`, one dispute a line as
:mod:`claimkit.corpus.lines` writes it (``claimkit disputes``); :class:`Corpus` holds articles in
memory, merges their actors and keeps the all-pairs reference; on Dask,
:func:`claimkit.dask.dispute_bag` gives the same disputes.
"""

from __future__ import annotations

from claimkit.corpus._core import (
    ActorRef,
    ClaimRef,
    Corpus,
    CorpusDispute,
    CorpusPosition,
    MergedActor,
)
from claimkit.corpus.events import DEFAULT_WINDOW_DAYS, EventKey, event_key
from claimkit.corpus.positions import (
    ClaimRecord,
    Conflict,
    EventDispute,
    Position,
    PositionClaim,
    disagreement,
)
from claimkit.corpus.stream import CorpusError, DisputeStats, claim_records, event_disputes

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "ActorRef",
    "ClaimRecord",
    "ClaimRef",
    "Conflict",
    "Corpus",
    "CorpusDispute",
    "CorpusError",
    "CorpusPosition",
    "DisputeStats",
    "EventDispute",
    "EventKey",
    "MergedActor",
    "Position",
    "PositionClaim",
    "claim_records",
    "disagreement",
    "event_disputes",
    "event_key",
]
