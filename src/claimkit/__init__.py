"""claimkit: who claimed what, when, and who disputes it, from news text.

The model (:mod:`claimkit.model`) is re-exported here, with the strict
serializers of :mod:`claimkit.serialize`.
"""

from __future__ import annotations

from claimkit._version import __version__
from claimkit.claimreview import claim_review, to_schema_org
from claimkit.compare import (
    ClaimComparison,
    Indeterminate,
    Outcome,
    QuantityComparison,
    Relation,
    compare,
    compare_quantities,
)
from claimkit.corpus import ClaimRef, Corpus, CorpusDispute, MergedActor
from claimkit.diff import ArticleDiff, ChangedField, ClaimChange, FieldChange, diff
from claimkit.errors import InputError, Problem, ValidationError
from claimkit.extractor import extract
from claimkit.identity import ActorMatch, MatchReason, same_actor
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
    "ActorMatch",
    "Article",
    "ArticleDiff",
    "ChangedField",
    "Claim",
    "ClaimChange",
    "ClaimComparison",
    "ClaimRef",
    "Corpus",
    "CorpusDispute",
    "DecodeError",
    "Dispute",
    "DisputeKind",
    "Excerpt",
    "ExtractorInfo",
    "FieldChange",
    "Hedge",
    "Indeterminate",
    "InputError",
    "MatchReason",
    "MergedActor",
    "Mode",
    "Outcome",
    "Polarity",
    "Position",
    "Problem",
    "Quantity",
    "QuantityComparison",
    "Relation",
    "Span",
    "Stance",
    "TimePrecision",
    "TimeRef",
    "ValidationError",
    "__version__",
    "claim_review",
    "compare",
    "compare_quantities",
    "diff",
    "extract",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "json_schema",
    "same_actor",
    "to_dict",
    "to_json",
    "to_schema_org",
    "write_jsonl",
]
