"""What changed between two accounts of one story.

:func:`diff` compares two versions of one article (the 9:00 and the 14:00
version) or two outlets' articles on one event. Claims are aligned by their
content words and speaker; an aligned pair that differs is *changed*, field by
field (content, numbers, polarity, speaker, cue, hedge, mode, time). Actors
are matched by :func:`claimkit.identity.same_actor`.

``diff(a, a)`` is empty, and ``diff(b, a)`` is ``diff(a, b).mirror()``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Final

import attrs

from claimkit.compare import ClaimComparison, Relation, compare
from claimkit.identity import same_actor
from claimkit.model import Actor, Article, Claim

__all__ = [
    "ArticleDiff",
    "ChangedField",
    "ClaimChange",
    "FieldChange",
    "diff",
    "diff_to_dict",
    "format_diff",
]


class ChangedField(enum.StrEnum):
    """A field of a claim that differs between two versions."""

    CONTENT = "content"
    NUMBERS = "numbers"
    POLARITY = "polarity"
    SPEAKER = "speaker"
    CUE = "cue"
    HEDGE = "hedge"
    MODE = "mode"
    WHEN = "when"


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field's value in the old and in the new version, as text."""

    field: ChangedField
    old: str
    new: str

    def mirror(self) -> FieldChange:
        """The same change seen from the other side."""
        return FieldChange(field=self.field, old=self.new, new=self.old)


@attrs.frozen(kw_only=True)
class ClaimChange:
    """An old claim, the new claim aligned with it, and how they differ."""

    old: Claim
    new: Claim
    changes: tuple[FieldChange, ...]
    comparison: ClaimComparison

    @property
    def fields(self) -> tuple[ChangedField, ...]:
        """The fields that changed."""
        return tuple(c.field for c in self.changes)

    def mirror(self) -> ClaimChange:
        """The same change seen from the other side."""
        return ClaimChange(
            old=self.new,
            new=self.old,
            changes=tuple(c.mirror() for c in self.changes),
            comparison=self.comparison,
        )


@attrs.frozen(kw_only=True)
class ArticleDiff:
    """Claims and actors added, removed, changed and unchanged from ``old`` to ``new``.

    ``contradictions`` are the pairs (old claim, new claim) that cannot both
    hold: a changed claim that now contradicts its old version, or a removed
    claim that an added one contradicts. Accounts agree when some of their claims were
    paired (unchanged or changed) and none contradicts; accounts that paired no claim are
    unrelated, whatever else they say: nothing was found to agree.
    """

    added: tuple[Claim, ...] = ()
    removed: tuple[Claim, ...] = ()
    changed: tuple[ClaimChange, ...] = ()
    unchanged: tuple[tuple[Claim, Claim], ...] = ()
    actors_added: tuple[str, ...] = ()
    actors_removed: tuple[str, ...] = ()
    contradictions: tuple[tuple[Claim, Claim], ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing was added, removed or changed."""
        return not (
            self.added or self.removed or self.changed or self.actors_added or self.actors_removed
        )

    @property
    def paired(self) -> int:
        """How many claims of the old account were paired with one of the new."""
        return len(self.unchanged) + len(self.changed)

    @property
    def agree(self) -> bool:
        """Whether claims were paired and the two accounts can both hold."""
        return self.paired > 0 and not self.contradictions

    @property
    def unrelated(self) -> bool:
        """Whether no claim of one account was paired with a claim of the other, and
        nothing contradicts: the accounts are not about the same statements."""
        return self.paired == 0 and not self.contradictions

    def mirror(self) -> ArticleDiff:
        """The diff from ``new`` to ``old``."""
        return ArticleDiff(
            added=self.removed,
            removed=self.added,
            changed=_ordered_changes([c.mirror() for c in self.changed]),
            unchanged=_ordered_pairs([(n, o) for o, n in self.unchanged]),
            actors_added=self.actors_removed,
            actors_removed=self.actors_added,
            contradictions=_ordered_pairs([(n, o) for o, n in self.contradictions]),
        )


_TOKEN: Final = re.compile(r"\w+")
#: Claims are aligned when this share of their content words is shared...
ALIGN_OVERLAP: Final = 0.5
#: ...or this share, when the speaker is the same.
ALIGN_OVERLAP_SAME_SPEAKER: Final = 0.25


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t.casefold() for t in _TOKEN.findall(text))


def _overlap(a: Claim, b: Claim) -> float:
    if a.content.text == b.content.text:
        return 1.0
    ta, tb = _tokens(a.content.text), _tokens(b.content.text)
    union = ta | tb
    return len(ta & tb) / len(union) if union else 0.0


def _key(claim: Claim) -> tuple[str, str, str, int, str, str]:
    return (
        claim.content.text,
        claim.speaker,
        claim.cue.text,
        claim.cue.span.start,
        claim.polarity.value,
        claim.id,
    )


def _pair_key(pair: tuple[Claim, Claim]) -> tuple[tuple[object, ...], ...]:
    ka, kb = _key(pair[0]), _key(pair[1])
    return (min(ka, kb), max(ka, kb), ka)


def _ordered_pairs(pairs: Sequence[tuple[Claim, Claim]]) -> tuple[tuple[Claim, Claim], ...]:
    return tuple(sorted(pairs, key=_pair_key))


def _ordered_changes(changes: Sequence[ClaimChange]) -> tuple[ClaimChange, ...]:
    return tuple(sorted(changes, key=lambda c: _pair_key((c.old, c.new))))


def _speaker(article: Article, claim: Claim) -> Actor | None:
    return next((a for a in article.actors if a.id == claim.speaker), None)


def _same(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or same_actor(a, b).same


def _numbers(claim: Claim) -> str:
    return ", ".join(sorted(q.text for q in claim.quantities))


def _number_values(claim: Claim) -> list[tuple[str, str, float | None, float | None]]:
    return sorted((q.text, q.hedge.value, q.low, q.high) for q in claim.quantities)


def _when(claim: Claim) -> str:
    if claim.when is None:
        return ""
    if claim.when.start is None:
        return claim.when.text
    return f"{claim.when.text} ({claim.when.start.isoformat()})"


def _changes(
    old: Claim, new: Claim, old_speaker: Actor | None, new_speaker: Actor | None
) -> list[FieldChange]:
    found: list[FieldChange] = []

    def note(field: ChangedField, before: str, after: str) -> None:
        found.append(FieldChange(field=field, old=before, new=after))

    if old.content.text != new.content.text:
        note(ChangedField.CONTENT, old.content.text, new.content.text)
    if _number_values(old) != _number_values(new):
        note(ChangedField.NUMBERS, _numbers(old), _numbers(new))
    if old.polarity is not new.polarity:
        note(ChangedField.POLARITY, old.polarity.value, new.polarity.value)
    if not _same(old_speaker, new_speaker):
        note(
            ChangedField.SPEAKER,
            old_speaker.name if old_speaker else old.speaker,
            new_speaker.name if new_speaker else new.speaker,
        )
    if old.cue.text.casefold() != new.cue.text.casefold():
        note(ChangedField.CUE, old.cue.text, new.cue.text)
    if old.hedged is not new.hedged:
        note(ChangedField.HEDGE, _hedge(old), _hedge(new))
    if old.mode is not new.mode:
        note(ChangedField.MODE, old.mode.value, new.mode.value)
    if _when(old) != _when(new):
        note(ChangedField.WHEN, _when(old), _when(new))
    return found


def _hedge(claim: Claim) -> str:
    return "hedged" if claim.hedged else "not hedged"


def diff(old: Article, new: Article) -> ArticleDiff:
    """What changed from ``old`` to ``new``: claims and actors added, removed, changed.

    Each new claim is aligned with at most one old claim: pairs are taken
    greedily by content overlap (share of content words in common, plus 0.3
    when the speakers are the same actor), from the best; a pair needs half of
    its content words shared, or a quarter with the same speaker. The order of
    ties does not depend on which article is old, so ``diff(b, a)`` mirrors
    ``diff(a, b)``.

    >>> from claimkit import Article
    >>> diff(Article(text="x"), Article(text="x")).empty
    True
    """
    candidates: list[tuple[float, tuple[tuple[object, ...], ...], Claim, Claim]] = []
    speakers_old = {c.id: _speaker(old, c) for c in old.claims}
    speakers_new = {c.id: _speaker(new, c) for c in new.claims}
    for a in old.claims:
        for b in new.claims:
            overlap = _overlap(a, b)
            same_speaker = _same(speakers_old[a.id], speakers_new[b.id])
            needed = ALIGN_OVERLAP_SAME_SPEAKER if same_speaker else ALIGN_OVERLAP
            if overlap >= needed:
                score = overlap + (0.3 if same_speaker else 0.0)
                candidates.append((-score, _pair_key((a, b))[:2], a, b))
    candidates.sort(key=lambda c: (c[0], c[1]))
    used_old: set[str] = set()
    used_new: set[str] = set()
    changed: list[ClaimChange] = []
    unchanged: list[tuple[Claim, Claim]] = []
    contradictions: list[tuple[Claim, Claim]] = []
    for _, _, a, b in candidates:
        if a.id in used_old or b.id in used_new:
            continue
        used_old.add(a.id)
        used_new.add(b.id)
        changes = _changes(a, b, speakers_old[a.id], speakers_new[b.id])
        if not changes:
            unchanged.append((a, b))
            continue
        same_speaker = _same(speakers_old[a.id], speakers_new[b.id])
        comparison = compare(a, b, same_speaker=same_speaker)
        changed.append(ClaimChange(old=a, new=b, changes=tuple(changes), comparison=comparison))
        if comparison.relation is Relation.CONTRADICT:
            contradictions.append((a, b))
    removed = tuple(c for c in old.claims if c.id not in used_old)
    added = tuple(c for c in new.claims if c.id not in used_new)
    for a in removed:
        for b in added:
            if compare(a, b).relation is Relation.CONTRADICT:
                contradictions.append((a, b))
    return ArticleDiff(
        added=added,
        removed=removed,
        changed=_ordered_changes(changed),
        unchanged=_ordered_pairs(unchanged),
        actors_added=_unmatched(new.actors, old.actors),
        actors_removed=_unmatched(old.actors, new.actors),
        contradictions=_ordered_pairs(contradictions),
    )


def _unmatched(actors: Sequence[Actor], others: Sequence[Actor]) -> tuple[str, ...]:
    """Names of the actors that no actor of ``others`` is the same as."""
    return tuple(a.name for a in actors if not any(_same(a, o) for o in others))


# --- presenting a diff --------------------------------------------------------------------


def _speaker_name(article: Article, claim: Claim) -> str:
    actor = _speaker(article, claim)
    return actor.name if actor is not None else claim.speaker


def _claim_line(article: Article, claim: Claim) -> str:
    polarity = " (denies)" if claim.polarity.value == "deny" else ""
    return f'{_speaker_name(article, claim)} {claim.cue.text}{polarity}: "{claim.content.text}"'


def _claim_dict(article: Article, claim: Claim) -> dict[str, object]:
    return {
        "id": claim.id,
        "speaker": _speaker_name(article, claim),
        "cue": claim.cue.text,
        "content": claim.content.text,
        "polarity": claim.polarity.value,
        "hedged": claim.hedged,
        "quantities": [q.text for q in claim.quantities],
    }


def format_diff(result: ArticleDiff, old: Article, new: Article) -> str:
    """A readable account of ``result`` (the diff from ``old`` to ``new``), one item a line.

    ``-`` marks a removed claim, ``+`` an added one, ``~`` a changed one with
    one indented line per changed field, and ``!`` a contradiction.
    """
    verdict = (
        "the accounts agree"
        if result.agree
        else "the accounts are unrelated (no claims paired)"
        if result.unrelated
        else "the accounts disagree"
    )
    lines = [
        f"{verdict}: {len(result.unchanged)} unchanged, {len(result.changed)} changed,"
        f" {len(result.added)} added, {len(result.removed)} removed,"
        f" {len(result.contradictions)} contradiction(s)"
    ]
    for name in result.actors_removed:
        lines.append(f"- actor {name}")
    for name in result.actors_added:
        lines.append(f"+ actor {name}")
    for claim in result.removed:
        lines.append(f"- {_claim_line(old, claim)}")
    for claim in result.added:
        lines.append(f"+ {_claim_line(new, claim)}")
    for change in result.changed:
        lines.append(
            f"~ {_claim_line(new, change.new)} [{change.comparison.relation.value},"
            f" score {change.comparison.score}]"
        )
        for field in change.changes:
            lines.append(f"    {field.field.value}: {field.old!r} -> {field.new!r}")
    for before, after in result.contradictions:
        lines.append(f"! {_claim_line(old, before)}")
        lines.append(f"  contradicted by {_claim_line(new, after)}")
    return "\n".join(lines)


def diff_to_dict(result: ArticleDiff, old: Article, new: Article) -> dict[str, object]:
    """``result`` as plain JSON-ready data, with claims described by speaker name."""
    return {
        "agree": result.agree,
        "unrelated": result.unrelated,
        "paired": result.paired,
        "old": old.id,
        "new": new.id,
        "unchanged": [[a.id, b.id] for a, b in result.unchanged],
        "changed": [
            {
                "old": _claim_dict(old, c.old),
                "new": _claim_dict(new, c.new),
                "changes": [
                    {"field": f.field.value, "old": f.old, "new": f.new} for f in c.changes
                ],
                "relation": c.comparison.relation.value,
                "score": c.comparison.score,
            }
            for c in result.changed
        ],
        "added": [_claim_dict(new, c) for c in result.added],
        "removed": [_claim_dict(old, c) for c in result.removed],
        "actors_added": list(result.actors_added),
        "actors_removed": list(result.actors_removed),
        "contradictions": [{"old": a.id, "new": b.id} for a, b in result.contradictions],
    }
