"""claimkit: who claimed what, when, and who disputes it, from news text.

The model (:mod:`claimkit.model`) is re-exported here, with the strict
serializers of :mod:`claimkit.serialize`.
"""

from __future__ import annotations

from claimkit._version import __version__
from claimkit.claimreview import claim_review, to_schema_org
from claimkit.errors import Problem, ValidationError
from claimkit.extractor import extract
from claimkit.model import (
    FORMAT_VERSION,
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Mode,
    Polarity,
    Position,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)
from claimkit.serialize import (
    DecodeError,
    from_dict,
    from_json,
    iter_jsonl,
    json_schema,
    to_dict,
    to_json,
    write_jsonl,
)

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "Claim",
    "DecodeError",
    "Dispute",
    "DisputeKind",
    "Excerpt",
    "ExtractorInfo",
    "Hedge",
    "Mode",
    "Polarity",
    "Position",
    "Problem",
    "Quantity",
    "Span",
    "Stance",
    "TimePrecision",
    "TimeRef",
    "ValidationError",
    "__version__",
    "claim_review",
    "extract",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "to_dict",
    "to_json",
    "to_schema_org",
    "write_jsonl",
]
