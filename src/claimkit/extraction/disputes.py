"""Disputes inside one article: denials matched to what they deny, counts of the same
thing whose intervals do not overlap, and opposed states (see :mod:`.contradictions`).

Candidates are found here; whether two claims disagree is decided by
:func:`claimkit.compare.compare` given the article's references, so every pair of claims on
opposite sides of a dispute is one that ``compare`` calls contradictory."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from claimkit.compare import Relation, relation
from claimkit.extraction.context import ClaimContext, overlap, same_window
from claimkit.extraction.contradictions import contradiction_disputes, contradiction_reason
from claimkit.language.counts import (
    COUNTABLE_ALONE,
    FIGURE_NOUNS,
    MEASURE_UNITS,
    CountKey,
    count_key,
    disputed_count_event,
    interval,
)
from claimkit.language.references import References
from claimkit.model import (
    Actor,
    Dispute,
    DisputeKind,
    Polarity,
    Position,
    Quantity,
    Stance,
    accounts_of,
)

__all__ = ["ClaimContext", "find_disputes"]

_RECENT_GROUPS: Final = 8
#: A point of dispute holds at most this many positions: a text without sentence ends
#: can make every claim answer every denial, and deciding which pairs disagree costs the
#: square of the positions. A denial that would pass it opens a new point.
MAX_POSITIONS: Final = 64


def _denial_disputes(contexts: Sequence[ClaimContext], refs: References) -> list[Dispute]:
    """Denials with the claims they answer: those they refer to (see
    :class:`~claimkit.language.references.References`), and assertions of other sides
    about the same kind of event or with two content words in common, at the same time."""
    groups: list[tuple[list[ClaimContext], dict[str, ClaimContext]]] = []
    for index, denial in enumerate(contexts):
        if denial.claim.polarity is not Polarity.DENY:
            continue
        side = refs.side(denial.claim)
        targets = {contexts[j].claim.id: contexts[j] for j in refs.referents(index)}
        for j in refs.near(index):
            other = contexts[j]
            claim = other.claim
            if refs.side(claim) == side or claim.polarity is Polarity.DENY:
                continue
            if refs.about(index, j) and overlap(denial, other):
                targets[claim.id] = other
        if not targets:
            continue
        if len(targets) >= MAX_POSITIONS:  # the nearest claims it answers
            nearest = sorted(targets, key=lambda i: abs(refs.position[i] - index))
            targets = {i: targets[i] for i in nearest[: MAX_POSITIONS - 1]}
        # Denials that answer the same claims make one point of dispute.
        for members, known in groups[-_RECENT_GROUPS:]:
            last = members[-1]
            same_point = last.sentence == denial.sentence or (
                bool(known.keys() & targets.keys()) and same_window(last, denial)
            )
            room = len(members) + len(known.keys() | targets.keys()) < MAX_POSITIONS
            if same_point and room:
                members.append(denial)
                known.update(targets)
                break
        else:
            groups.append(([denial], targets))
    disputes: list[Dispute] = []
    for members, targets in groups:
        ordered = sorted(targets.values(), key=lambda c: c.claim.content.span.start)
        counters = _counter_accounts(members, targets, contexts, refs)
        positions = [Position(claim=c.claim.id, stance=Stance.AFFIRMS) for c in ordered]
        positions += [Position(claim=d.claim.id, stance=Stance.DENIES) for d in members]
        positions += [Position(claim=c.claim.id, stance=Stance.DENIES) for c in counters]
        disputes.append(
            Dispute(
                kind=DisputeKind.DENIAL,
                point=_point(members[-1].claim.content.text),
                positions=tuple(positions),
                reason=_denial_reason(positions, refs),
            )
        )
    return disputes


def _counter_accounts(
    members: list[ClaimContext],
    targets: dict[str, ClaimContext],
    contexts: Sequence[ClaimContext],
    refs: References,
) -> list[ClaimContext]:
    """What the deniers assert instead, in the sentence of a denial or the next: "Dushanbe
    rejected that version. [It said] the patrol had crossed into Tajik territory"."""
    taken = {d.claim.id for d in members} | targets.keys()
    target_indices = [refs.position[i] for i in targets]
    found: list[ClaimContext] = []
    for denial in members:
        for j in refs.near(refs.position[denial.claim.id]):
            other = contexts[j]
            if other.claim.id in taken or not refs.may_counter(j):
                continue
            if any(refs.counters(t, j) for t in target_indices):
                taken.add(other.claim.id)
                found.append(other)
    return found


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


def _count_key(quantity: Quantity) -> CountKey | None:
    """The key of a count that can be compared: parsed, and saying what it counts."""
    if quantity.interval is None or (quantity.event is None and quantity.counted is None):
        return None
    return count_key(quantity)


def _join_partial_keys(
    clusters: dict[CountKey, list[tuple[ClaimContext, Quantity]]],
) -> None:
    """Give counts that leave out what they count, or their event, the cluster they
    belong to, when only one fits; drop the event-less ones that fit none."""
    for key, members in list(clusters.items()):
        event, thing = key
        if thing is None:  # "has risen to 47": the only count of its event
            fits = [k for k in clusters if k[0] == event and k[1] is not None]
        elif event is None:  # "[people marched], while police put the turnout at 6,000"
            sentences = {context.sentence for context, _ in members}
            evented = [k for k in clusters if k[1] == thing and k[0] is not None]
            fits = [k for k in evented if any(c.sentence in sentences for c, _ in clusters[k])]
            if not fits and thing in COUNTABLE_ALONE:
                fits = evented  # "38 homes destroyed" and "130 houses are gone"
        else:
            continue
        if len(fits) == 1:
            clusters[fits[0]].extend(members)
            del clusters[key]
        elif (
            event is None
            and thing not in MEASURE_UNITS
            and thing not in COUNTABLE_ALONE
            and not _same_phrase(members)
        ):
            del clusters[key]  # a count of people with no event compares with nothing


def _same_phrase(members: list[tuple[ClaimContext, Quantity]]) -> bool:
    """Whether every count names its thing in the same words, two or more of them
    ("three whereabouts failures", "one whereabouts failure")."""
    phrases = {
        " ".join(w.lower().rstrip("s") for w in (q.counted or "").split()) for _, q in members
    }
    return len(phrases) == 1 and len(next(iter(phrases)).split()) >= 2


def _numeric_disputes(contexts: Sequence[ClaimContext], refs: References) -> list[Dispute]:
    """Counts of the same thing whose intervals cannot both hold, one dispute per count.

    A claim that a count is higher or lower than reported, with no number of its own,
    denies the count of its event when the article has only one such count.
    """
    clusters: dict[CountKey, list[tuple[ClaimContext, Quantity]]] = {}
    compared: dict[str, list[ClaimContext]] = {}
    for context in contexts:
        for quantity in context.claim.quantities:
            key = _count_key(quantity)
            if key is not None:
                clusters.setdefault(key, []).append((context, quantity))
        compared_event = (
            None if context.claim.quantities else disputed_count_event(context.claim.content.text)
        )
        if compared_event is not None:
            compared.setdefault(compared_event, []).append(context)
    _join_partial_keys(clusters)
    disputes: list[Dispute] = []
    for (event, counted), members in clusters.items():
        unique_event = sum(1 for key in clusters if key[0] == event) == 1
        comparisons = compared.get(event, []) if event is not None and unique_event else []
        # The earliest count is the reference the others affirm or deny.
        members.sort(key=lambda member: member[1].span.start)
        first_context, first = members[0]
        reference = interval(first)
        side = refs.side(first_context.claim)
        if reference is None:
            continue
        # Counts of other days are not about the same thing ("47 on Thursday").
        members = [m for m in members if overlap(first_context, m[0])]
        stances: dict[str, Stance] = {}
        counts: dict[str, list[tuple[float, float]]] = {}
        for context, quantity in members:
            bounds = interval(quantity)
            if bounds is None:
                continue
            agrees = _overlap(bounds, reference)
            stance = Stance.AFFIRMS if agrees else Stance.DENIES
            if stances.get(context.claim.id) is not Stance.DENIES:
                stances[context.claim.id] = stance
            counts.setdefault(context.claim.id, []).append(bounds)
        comparisons = [c for c in comparisons if overlap(first_context, c)]
        for context in comparisons:
            stances[context.claim.id] = Stance.DENIES
        deniers = [c for c, _ in members if stances.get(c.claim.id) is Stance.DENIES]
        deniers += comparisons
        if not deniers or all(refs.side(c.claim) == side for c in deniers):
            continue
        thing = first.counted or (counted or "")
        accounts = _count_accounts(counts, stances)
        # A claim that the count is off gives no count: its own account, against all.
        for context in comparisons:
            accounts[context.claim.id] = len(counts)
        disputes.append(
            Dispute(
                kind=DisputeKind.NUMERIC,
                point=" ".join(part for part in (first.text, thing, event) if part),
                positions=tuple(
                    Position(claim=i, stance=st, account=accounts[i]) for i, st in stances.items()
                ),
                reason=f"counts of {thing or event or 'one thing'} that do not overlap: "
                + ", ".join(sorted({q.text for _, q in members})),
            )
        )
    return disputes


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _count_accounts(
    counts: dict[str, list[tuple[float, float]]], stances: dict[str, Stance]
) -> dict[str, int]:
    """Each claim's account in a numeric dispute: in the order of the counts, a claim
    joins the first account of its stance whose every count overlaps each of its counts,
    or opens a new one. So "12", "80" and "about 40" are three accounts, "12" and "about
    12" one."""
    accounts: dict[str, int] = {}
    held: list[tuple[Stance, list[tuple[float, float]]]] = []
    for claim, bounds in counts.items():
        stance = stances[claim]
        for number, (account_stance, known) in enumerate(held):
            if account_stance is stance and all(_overlap(b, k) for b in bounds for k in known):
                known.extend(bounds)
                accounts[claim] = number
                break
        else:
            accounts[claim] = len(held)
            held.append((stance, list(bounds)))
    return accounts


# A denial of someone's numbers: "dismissed the ministry's figure as inflated".
_OF_FIGURES: Final = re.compile(rf"\b(?:{FIGURE_NOUNS}|estimates?|statistics)\b", re.IGNORECASE)


def _fold_figure_denials(
    denials: list[Dispute], numeric: list[Dispute], by_id: dict[str, ClaimContext]
) -> list[Dispute]:
    """Denials of another side's figures join the numeric dispute over those figures,
    against the side they dismiss; the denials that stay are returned."""
    kept: list[Dispute] = []
    counted_in: dict[str, int] = {}  # claim id -> the numeric dispute that counts it
    for index, dispute in enumerate(numeric):
        for position in dispute.positions:
            counted_in.setdefault(position.claim, index)
    for denial in denials:
        denying = [
            p.claim
            for p in denial.positions
            if p.stance is Stance.DENIES and by_id[p.claim].claim.polarity is Polarity.DENY
        ]
        affirmed = {p.claim for p in denial.positions if p.stance is Stance.AFFIRMS}
        about_figures = any(_OF_FIGURES.search(by_id[i].claim.content.text) for i in denying)
        found = sorted(counted_in[i] for i in affirmed if i in counted_in)
        if not (about_figures and found):
            kept.append(denial)
            continue
        target = found[0]
        counted = numeric[target]
        dismissed = next(p for p in counted.positions if p.claim in affirmed)
        account = _account_against(counted.positions, dismissed)
        against = Stance.AFFIRMS if dismissed.stance is Stance.DENIES else Stance.DENIES
        present = {p.claim for p in counted.positions}
        added = tuple(
            Position(claim=i, stance=against, account=account) for i in denying if i not in present
        )
        numeric[target] = Dispute(  # a new id: derived from the new positions
            kind=counted.kind,
            point=counted.point,
            positions=counted.positions + added,
            reason=f"{counted.reason}; {denial.reason}",
        )
    return kept


def _account_against(positions: Sequence[Position], dismissed: Position) -> int:
    """The account of a denial of ``dismissed``'s figures: the reference count's when it
    dismisses a count that denies it, else the one account that denies the reference,
    else an account of its own."""
    if dismissed.stance is Stance.DENIES:
        return next((p.account for p in positions if p.stance is Stance.AFFIRMS), 0) or 0
    denying = {p.account for p in positions if p.stance is Stance.DENIES}
    if len(denying) == 1:
        return denying.pop() or 0
    return 1 + max(p.account or 0 for p in positions)


def find_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> tuple[Dispute, ...]:
    """Denial, numeric and contradiction disputes among the claims of one article
    (``contexts`` in the article's order)."""
    refs = References(actors, [c.claim for c in contexts], [c.sentence for c in contexts])
    numeric = _numeric_disputes(contexts, refs)
    by_id = {c.claim.id: c for c in contexts}
    denials = _fold_figure_denials(_denial_disputes(contexts, refs), numeric, by_id)
    found = denials + numeric
    contradictions = contradiction_disputes(contexts, refs, found)
    labels = {dispute.id: label for dispute, label in contradictions}
    labels_of = [dispute for dispute, _ in contradictions]
    consistent = []
    candidates = [d for d in found if d.kind is DisputeKind.DENIAL] + [
        part
        for dispute in [d for d in found if d.kind is not DisputeKind.DENIAL] + list(labels_of)
        for part in _parts(dispute, refs, labels)
    ]
    for dispute in candidates:
        kept = _consistent(dispute, refs, labels.get(dispute.id))
        if kept is not None:
            consistent.append(kept)
    return tuple(_numbered(dispute) for dispute in _merge_same(consistent))


def _numbered(dispute: Dispute) -> Dispute:
    """The dispute with every position's account written out, numbered from 0 in the
    order accounts first appear (see :func:`~claimkit.model.accounts_of`)."""
    accounts = accounts_of(dispute.positions)
    if all(p.account == a for p, a in zip(dispute.positions, accounts, strict=True)):
        return dispute
    positions = tuple(
        Position(claim=p.claim, stance=p.stance, account=a)
        for p, a in zip(dispute.positions, accounts, strict=True)
    )
    return attrs.evolve(dispute, positions=positions)


def _parts(dispute: Dispute, refs: References, labels: dict[str, tuple[str, str]]) -> list[Dispute]:
    """A dispute of more than :data:`MAX_POSITIONS` positions, cut in runs of claims that
    follow each other in the text (a count or a state repeated through a text without
    end); a smaller one as it is."""
    if len(dispute.positions) <= MAX_POSITIONS:
        return [dispute]
    ordered = sorted(dispute.positions, key=lambda p: refs.position[p.claim])
    parts = []
    for start in range(0, len(ordered), MAX_POSITIONS):
        run = tuple(ordered[start : start + MAX_POSITIONS])
        if len(set(accounts_of(run))) < 2:
            continue
        label = labels.get(dispute.id)
        reason = contradiction_reason(run, refs, label) if label else dispute.reason
        part = Dispute(kind=dispute.kind, point=dispute.point, positions=run, reason=reason)
        if label is not None:
            labels[part.id] = label
        parts.append(part)
    return parts


def _disagreeing_pairs(positions: Sequence[Position]) -> Iterator[tuple[int, int]]:
    """The index pairs of positions of different accounts (see
    :func:`~claimkit.model.accounts_of`), without looking at the pairs that agree."""
    by_account: dict[int, list[int]] = {}
    for index, account in enumerate(accounts_of(positions)):
        by_account.setdefault(account, []).append(index)
    groups = list(by_account.values())
    for x, one in enumerate(groups):
        for other in groups[x + 1 :]:
            for i in one:
                for j in other:
                    yield i, j


def _consistent(
    dispute: Dispute, refs: References, labels: tuple[str, str] | None
) -> Dispute | None:
    """The dispute with only positions whose opposite pairs :func:`~claimkit.compare.compare`
    calls contradictory: while a pair is not, the position in most such pairs goes (on a
    tie one of the account with most positions, then for a denial dispute a claim it
    answers, then the later one). None when no disagreeing pair of two sides is left."""
    positions = list(dispute.positions)
    claims = {p.claim: refs.claims[refs.position[p.claim]] for p in positions}
    # The pairs that disagree in the dispute but not in compare(): each position's.
    misfits: list[set[int]] = [set() for _ in positions]
    for i, j in _disagreeing_pairs(positions):
        a, b = claims[positions[i].claim], claims[positions[j].claim]
        if relation(a, b, references=refs) is not Relation.CONTRADICT:
            misfits[i].add(j)
            misfits[j].add(i)
    alive = list(range(len(positions)))
    accounts = accounts_of(positions)
    while True:
        worst = max((len(misfits[i]) for i in alive), default=0)
        if worst == 0:
            break
        # On a tie, a position of the account with most positions goes, so that each side
        # keeps a voice; then, a denial dispute being anchored by its denials, a claim it
        # answers; then the later one.
        ties = [i for i in alive if len(misfits[i]) == worst]
        sizes = {a: sum(1 for i in alive if accounts[i] == a) for a in {accounts[i] for i in ties}}
        largest = max(sizes.values())
        ties = [i for i in ties if sizes[accounts[i]] == largest]
        answered = [i for i in ties if positions[i].stance is Stance.AFFIRMS]
        anchored = dispute.kind is DisputeKind.DENIAL and answered
        gone = (answered if anchored else ties)[-1]
        alive.remove(gone)
        for other in misfits[gone]:
            misfits[other].discard(gone)
    positions = [positions[i] for i in alive]
    sides = {
        (refs.side(claims[p.claim]), account)
        for p, account in zip(positions, accounts_of(positions), strict=True)
    }
    if not any(
        a_side != b_side and a_account != b_account
        for a_side, a_account in sides
        for b_side, b_account in sides
    ):
        return None
    if len(positions) == len(dispute.positions):
        return dispute
    reason: str | None = dispute.reason
    if dispute.kind is DisputeKind.DENIAL:
        reason = _denial_reason(positions, refs)
    elif dispute.kind is DisputeKind.CONTRADICTION and labels is not None:
        reason = contradiction_reason(positions, refs, labels)
    return Dispute(
        kind=dispute.kind,
        point=dispute.point,
        positions=tuple(positions),
        reason=reason,
        note=dispute.note,
    )


def _denial_reason(positions: Sequence[Position], refs: References) -> str:
    deniers = sorted({refs.speaker_name(p.claim) for p in positions if p.stance is Stance.DENIES})
    affirmers = sorted(
        {refs.speaker_name(p.claim) for p in positions if p.stance is Stance.AFFIRMS}
    )
    # No verb to agree with a name that may be singular or plural ("rebels", "Russia").
    return f"reported by {', '.join(affirmers)}; denied by {' and '.join(deniers)}"


def _merge_same(disputes: list[Dispute]) -> tuple[Dispute, ...]:
    """One dispute per kind and set of positions: two points on which the same claims
    disagree in the same way ("19 trapped" against "23", "14 rescued" against "11") are
    one dispute, with both points and both reasons."""
    merged: dict[str, Dispute] = {}
    for dispute in disputes:
        known = merged.get(dispute.id)
        if known is None:
            merged[dispute.id] = dispute
            continue
        merged[dispute.id] = Dispute(
            kind=known.kind,
            point=f"{known.point}; {dispute.point}",
            positions=known.positions,
            reason=f"{known.reason}; {dispute.reason}",
            note=known.note,
        )
    return tuple(merged.values())
