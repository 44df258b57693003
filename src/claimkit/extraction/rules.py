"""The attribution rules by name: what each reads, with an example and what it gives.

Every claim the extractor makes records the rule that read it (its provenance, in
``claim.extractor.rule``), and its ``confidence`` is that rule's precision measured
on the gold set (:data:`MEASURED_PRECISION`, written by
``scripts/rule_precision.py``). The examples are test rows: the tests extract each
one and check the speaker, cue and content below.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["MEASURED_PRECISION", "RULES", "AttributionRule"]


@attrs.frozen(kw_only=True)
class AttributionRule:
    """One pattern of attribution in news prose."""

    name: str
    #: The pattern, with X the speaker and CONTENT the reported proposition.
    pattern: str
    #: A sentence it reads, and what it reads off it: the speaker's mention (as the
    #: actor records it, without article or title), the cue and the content.
    example: str
    speaker: str
    cue: str
    content: str


RULES: Final[dict[str, AttributionRule]] = {
    rule.name: rule
    for rule in (
        AttributionRule(
            name="speaker-said-content",
            pattern="X said (that) CONTENT",
            example="The ministry said militants had seized two villages.",
            speaker="ministry", cue="said", content="militants had seized two villages",
        ),
        AttributionRule(
            name="content-speaker-said",
            pattern='"CONTENT," X said / CONTENT, X said.',
            example='"We repelled the attack," the colonel said.',
            speaker="colonel", cue="said", content="We repelled the attack",
        ),
        AttributionRule(
            name="content-said-speaker",
            pattern="CONTENT, said X (inverted, verbs of saying only)",
            example="The border will stay closed, said Interior Minister Ana Costa.",
            speaker="Ana Costa", cue="said",
            content="The border will stay closed",
        ),
        AttributionRule(
            name="interrupted-quote",
            pattern='"CONTENT," X said, "CONTENT."',
            example='"We will rebuild," the mayor said, "and we will do it quickly."',
            speaker="mayor", cue="said",
            content='We will rebuild," the mayor said, "and we will do it quickly.',
        ),
        AttributionRule(
            name="quote-runs-on",
            pattern='"CONTENT," X said. "CONTENT." / X said: "CONTENT.¶"CONTENT."',
            example='"We will rebuild," the mayor said. "And we will do it quickly."',
            speaker="mayor", cue="said",
            content='We will rebuild," the mayor said. "And we will do it quickly',
        ),
        AttributionRule(
            name="according-to-content",
            pattern="According to X, CONTENT",
            example="According to the health ministry, 40 people were treated.",
            speaker="health ministry", cue="According to",
            content="40 people were treated",
        ),
        AttributionRule(
            name="content-according-to",
            pattern="CONTENT, according to X",
            example="Forty people were treated, according to the health ministry.",
            speaker="health ministry", cue="according to",
            content="Forty people were treated",
        ),
        AttributionRule(
            name="coordinated-verb",
            pattern="X disputed ... and said CONTENT (the subject of the first verb)",
            example="The union disputed the figures and said 3,000 workers had walked out.",
            speaker="union", cue="said", content="3,000 workers had walked out",
        ),
        AttributionRule(
            name="comma-participle",
            pattern="X ..., saying/adding/insisting CONTENT / X responded by saying CONTENT",
            example="The army rejected the report, saying no civilians had been hurt.",
            speaker="army", cue="saying", content="no civilians had been hurt",
        ),
        AttributionRule(
            name="possessed-noun",
            pattern="X's statement/claim/denial that CONTENT",
            example="The board rejected the union's claim that safety checks were skipped.",
            speaker="union", cue="claim", content="safety checks were skipped",
        ),
        AttributionRule(
            name="reported-noun",
            pattern=(
                "a report by X that details CONTENT / X reports claiming CONTENT"
                " / reports that CONTENT"
            ),
            example="The army dismissed news reports claiming its jets had hit a school.",
            speaker="news reports", cue="claiming", content="its jets had hit a school",
        ),
        AttributionRule(
            name="relative-clause",
            pattern="X, who denies CONTENT, ... (a cue in a relative clause)",
            example="Dlamini, who denies all 14 charges, appeared in court on Monday.",
            speaker="Dlamini", cue="denies", content="all 14 charges",
        ),
    )
}  # fmt: skip

#: The precision of each rule on the gold set (claims it made whose speaker and content
#: match a gold claim, over the claims it made), written by ``scripts/rule_precision.py``.
MEASURED_PRECISION: Final[dict[str, float]] = {
    "speaker-said-content": 0.915,
    "content-speaker-said": 0.916,
    "content-said-speaker": 0.818,
    "interrupted-quote": 0.667,
    "quote-runs-on": 0.625,
    "according-to-content": 0.941,
    "content-according-to": 0.875,
    "coordinated-verb": 0.931,
    "comma-participle": 0.947,
    "possessed-noun": 0.857,
    "reported-noun": 0.5,
    "relative-clause": 0.6,
}
