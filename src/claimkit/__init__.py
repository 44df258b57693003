"""claimkit: who claimed what, when, and who disputes it, from news text.

The model (:mod:`claimkit.model`) is re-exported here, with the strict
serializers of :mod:`claimkit.serialize`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from claimkit._version import __version__

# These two share their names with their modules: importing the module would set the
# package's attribute to the module, so the functions are bound now.
from claimkit.compare import compare
from claimkit.diff import diff

if TYPE_CHECKING:
    from claimkit.claimreview import claim_review, to_schema_org
    from claimkit.compare import (
        ClaimComparison,
        Indeterminate,
        Outcome,
        QuantityComparison,
        Relation,
        compare_quantities,
    )
    from claimkit.corpus import ClaimRef, Corpus, CorpusDispute, MergedActor
    from claimkit.diff import ArticleDiff, ChangedField, ClaimChange, FieldChange
    from claimkit.errors import ClaimkitError, InputError, Problem, ValidationError
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

# Names are imported when first used: "import claimkit" stays light, and importing the
# model (as hypothesis' plugin does) never loads the extractor.
_EXPORTS: Final[dict[str, str]] = {
    "claim_review": "claimkit.claimreview",
    "to_schema_org": "claimkit.claimreview",
    "ClaimComparison": "claimkit.compare",
    "Indeterminate": "claimkit.compare",
    "Outcome": "claimkit.compare",
    "QuantityComparison": "claimkit.compare",
    "Relation": "claimkit.compare",
    "compare_quantities": "claimkit.compare",
    "ClaimRef": "claimkit.corpus",
    "Corpus": "claimkit.corpus",
    "CorpusDispute": "claimkit.corpus",
    "MergedActor": "claimkit.corpus",
    "ArticleDiff": "claimkit.diff",
    "ChangedField": "claimkit.diff",
    "ClaimChange": "claimkit.diff",
    "FieldChange": "claimkit.diff",
    "ClaimkitError": "claimkit.errors",
    "InputError": "claimkit.errors",
    "Problem": "claimkit.errors",
    "ValidationError": "claimkit.errors",
    "extract": "claimkit.extractor",
    "ActorMatch": "claimkit.identity",
    "MatchReason": "claimkit.identity",
    "same_actor": "claimkit.identity",
    "FORMAT_VERSION": "claimkit.model",
    "Actor": "claimkit.model",
    "ActorKind": "claimkit.model",
    "Article": "claimkit.model",
    "Claim": "claimkit.model",
    "Dispute": "claimkit.model",
    "DisputeKind": "claimkit.model",
    "Excerpt": "claimkit.model",
    "ExtractorInfo": "claimkit.model",
    "Hedge": "claimkit.model",
    "Mode": "claimkit.model",
    "Polarity": "claimkit.model",
    "Position": "claimkit.model",
    "Quantity": "claimkit.model",
    "Span": "claimkit.model",
    "Stance": "claimkit.model",
    "TimePrecision": "claimkit.model",
    "TimeRef": "claimkit.model",
    "DecodeError": "claimkit.serialize",
    "from_dict": "claimkit.serialize",
    "from_json": "claimkit.serialize",
    "iter_jsonl": "claimkit.serialize",
    "json_schema": "claimkit.serialize",
    "to_dict": "claimkit.serialize",
    "to_json": "claimkit.serialize",
    "write_jsonl": "claimkit.serialize",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "ClaimkitError",
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
