"""Evaluation of extracted articles against hand-annotated gold articles.

Claims are matched one to one by the overlap of their content spans; a match
counts for the claim score only when the speakers are the same actor too
(they share a name or an alias). On the matched claims the report gives the
accuracy of speaker, polarity, mode, hedge and statement time. Quantities
match when their spans overlap and their bounds and hedge are equal;
disputes match when their claims (mapped through the claim alignment)
overlap by half or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from claimkit.identity import same_actor
from claimkit.model import Actor, Article, Claim, Dispute, Polarity

__all__ = ["Report", "Score", "evaluate"]

#: Minimum overlap (Jaccard index of character spans) for two contents to match.
CONTENT_OVERLAP: Final = 0.5


@attrs.frozen(kw_only=True)
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


@attrs.frozen(kw_only=True)
class Accuracy:
    """Correct out of compared."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)


@attrs.frozen(kw_only=True)
class Report:
    """Scores over a set of articles."""

    articles: int
    claims: Score
    claims_any_speaker: Score
    speakers: Score
    quantities: Score
    disputes: Score
    speaker_accuracy: Accuracy
    polarity_accuracy: Accuracy
    mode_accuracy: Accuracy
    hedge_accuracy: Accuracy
    time_accuracy: Accuracy
    #: Pairs of disagreeing claims (:meth:`Dispute.disagreeing_pairs`): a predicted pair
    #: is right when both its claims match the claims of a gold pair.
    dispute_pairs: Score = Score()
    #: The same by kind of dispute (the gold dispute's kind for a pair found or missed,
    #: the predicted one's for a pair found wrongly), sorted by kind.
    dispute_pairs_by_kind: tuple[tuple[str, Score], ...] = ()
    #: Of the gold claims that deny, those matched by a predicted claim that denies.
    denial_recall: Accuracy = Accuracy()

    def to_dict(self) -> dict[str, object]:
        """The report as plain data (for ``--format json``)."""
        result: dict[str, object] = {"articles": self.articles}
        for name in _SCORES:
            result[name] = _score_dict(getattr(self, name))
        result["dispute_pairs_by_kind"] = {k: _score_dict(v) for k, v in self.dispute_pairs_by_kind}
        for name in _ACCURACIES:
            accuracy: Accuracy = getattr(self, name)
            result[name] = {
                "accuracy": round(accuracy.value, 4),
                "correct": accuracy.correct,
                "total": accuracy.total,
            }
        return result

    def table(self) -> str:
        """A plain-text table."""
        lines = [
            f"{self.articles} article(s)",
            "",
            f"{'':22} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
        ]
        rows = [(name.replace("_", " "), getattr(self, name)) for name in _SCORES]
        rows += [(f"  pairs: {kind}", score) for kind, score in self.dispute_pairs_by_kind]
        for label, s in rows:
            label = "claims (any speaker)" if label == "claims any speaker" else label
            lines.append(
                f"{label:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.fp}/{s.fn}"
            )
        lines += ["", f"{'on matched claims':22} {'acc':>6}   correct/total"]
        for name in _ACCURACIES:
            a: Accuracy = getattr(self, name)
            label = name.removesuffix("_accuracy").replace("_", " ")
            lines.append(f"{label:22} {a.value:6.3f}   {a.correct}/{a.total}")
        return "\n".join(lines)


_SCORES: Final = (
    "claims",
    "claims_any_speaker",
    "speakers",
    "quantities",
    "disputes",
    "dispute_pairs",
)
_ACCURACIES: Final = (
    "speaker_accuracy",
    "polarity_accuracy",
    "mode_accuracy",
    "hedge_accuracy",
    "time_accuracy",
    "denial_recall",
)


def _score_dict(score: Score) -> dict[str, float | int]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
    }


def _jaccard(a: Claim, b: Claim) -> float:
    sa, sb = a.content.span, b.content.span
    inter = max(0, min(sa.end, sb.end) - max(sa.start, sb.start))
    union = max(sa.end, sb.end) - min(sa.start, sb.start)
    return inter / union if union else 0.0


def _same_actor(a: Actor, b: Actor) -> bool:
    """A gold and a predicted actor of one text are the same entity (see
    :func:`claimkit.identity.same_actor`, where one mention of the text counts too)."""
    return same_actor(a, b, same_text=True).same


def _align(gold: Article, pred: Article) -> list[tuple[Claim, Claim]]:
    """One-to-one pairs of claims whose contents overlap enough, best first."""
    candidates = sorted(
        (
            (_jaccard(g, p), gi, pi)
            for gi, g in enumerate(gold.claims)
            for pi, p in enumerate(pred.claims)
            if g.content.span.overlaps(p.content.span)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Claim, Claim]] = []
    for overlap, gi, pi in candidates:
        if overlap < CONTENT_OVERLAP or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold.claims[gi], pred.claims[pi]))
    return pairs


def _quantity_score(gold: Article, pred: Article) -> Score:
    gq = [q for c in gold.claims for q in c.quantities]
    pq = [q for c in pred.claims for q in c.quantities]
    used: set[int] = set()
    tp = 0
    for g in gq:
        for i, p in enumerate(pq):
            if i in used or not g.span.overlaps(p.span):
                continue
            if (g.low, g.high, g.hedge) == (p.low, p.high, p.hedge):
                used.add(i)
                tp += 1
                break
    # A quantity stated twice in one article counts once per occurrence.
    return Score(tp=tp, fp=len(pq) - tp, fn=len(gq) - tp)


def _dispute_score(gold: Article, pred: Article, pairs: list[tuple[Claim, Claim]]) -> Score:
    to_gold = {p.id: g.id for g, p in pairs}

    def claims_of(dispute: Dispute, mapping: dict[str, str] | None) -> set[str]:
        ids = {pos.claim for pos in dispute.positions}
        if mapping is None:
            return ids
        return {mapping[i] for i in ids if i in mapping}

    used: set[int] = set()
    tp = 0
    for g in gold.disputes:
        gs = claims_of(g, None)
        for i, p in enumerate(pred.disputes):
            ps = claims_of(p, to_gold)
            if i in used or not ps:
                continue
            if len(gs & ps) / len(gs | ps) >= 0.5:
                used.add(i)
                tp += 1
                break
    return Score(tp=tp, fp=len(pred.disputes) - tp, fn=len(gold.disputes) - tp)


def _pair_scores(
    gold: Article, pred: Article, pairs: list[tuple[Claim, Claim]]
) -> dict[str, Score]:
    """Disagreeing pairs of claims by kind of dispute, a predicted pair mapped to gold
    claims through the alignment of claims."""
    to_gold = {p.id: g.id for g, p in pairs}

    def pairs_of(article: Article, mapping: dict[str, str] | None) -> dict[frozenset[str], str]:
        found: dict[frozenset[str], str] = {}
        for dispute in article.disputes:
            for a, b in dispute.disagreeing_pairs():
                if mapping is not None:
                    a, b = mapping.get(a, "?" + a), mapping.get(b, "?" + b)
                found.setdefault(frozenset((a, b)), dispute.kind.value)
        return found

    gold_pairs, pred_pairs = pairs_of(gold, None), pairs_of(pred, to_gold)
    scores: dict[str, Score] = {}
    for pair, kind in gold_pairs.items():
        hit = pair in pred_pairs
        scores[kind] = scores.get(kind, Score()) + Score(tp=int(hit), fn=int(not hit))
    for pair, kind in pred_pairs.items():
        if pair not in gold_pairs:
            scores[kind] = scores.get(kind, Score()) + Score(fp=1)
    return scores


def _denials_found(gold: Article, pairs: list[tuple[Claim, Claim]]) -> Accuracy:
    found = {g.id for g, p in pairs if p.polarity is Polarity.DENY}
    denials = [c for c in gold.claims if c.polarity is Polarity.DENY]
    return _accuracy(c.id in found for c in denials)


def _speaker_score(gold: Article, pred: Article) -> Score:
    gold_speakers = [gold.actor(s) for s in dict.fromkeys(c.speaker for c in gold.claims)]
    pred_speakers = [pred.actor(s) for s in dict.fromkeys(c.speaker for c in pred.claims)]
    used: set[int] = set()
    tp = 0
    for g in gold_speakers:
        for i, p in enumerate(pred_speakers):
            if i not in used and _same_actor(g, p):
                used.add(i)
                tp += 1
                break
    return Score(tp=tp, fp=len(pred_speakers) - tp, fn=len(gold_speakers) - tp)


def _accuracy(values: Iterable[bool]) -> Accuracy:
    items = list(values)
    return Accuracy(correct=sum(items), total=len(items))


def evaluate(gold: Sequence[Article], pred: Sequence[Article]) -> Report:
    """Score ``pred`` against ``gold``, article by article (same order, same text).

    Raises ValueError when the two lists differ in length or an article's
    text differs from its gold article's.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold article(s) but {len(pred)} predicted")
    claims = any_speaker = speakers = quantities = disputes = Score()
    speaker_acc = polarity = mode = hedge = time = denials = Accuracy()
    pair_scores: dict[str, Score] = {}
    for index, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if g.text != p.text:
            raise ValueError(f"article {index + 1}: the predicted text differs from the gold text")
        pairs = _align(g, p)
        same_speaker = [_same_actor(g.actor(gc.speaker), p.actor(pc.speaker)) for gc, pc in pairs]
        tp = sum(same_speaker)
        claims += Score(tp=tp, fp=len(p.claims) - tp, fn=len(g.claims) - tp)
        any_speaker += Score(
            tp=len(pairs), fp=len(p.claims) - len(pairs), fn=len(g.claims) - len(pairs)
        )
        speakers += _speaker_score(g, p)
        quantities += _quantity_score(g, p)
        disputes += _dispute_score(g, p, pairs)
        for kind, score in _pair_scores(g, p, pairs).items():
            pair_scores[kind] = pair_scores.get(kind, Score()) + score
        denials += _denials_found(g, pairs)
        speaker_acc += _accuracy(same_speaker)
        polarity += _accuracy(gc.polarity is pc.polarity for gc, pc in pairs)
        mode += _accuracy(gc.mode is pc.mode for gc, pc in pairs)
        hedge += _accuracy(gc.hedged == pc.hedged for gc, pc in pairs)
        time += _accuracy(
            (gc.when.start, gc.when.end) == (pc.when.start, pc.when.end)
            if gc.when is not None and pc.when is not None
            else gc.when is None and pc.when is None
            for gc, pc in pairs
        )
    return Report(
        articles=len(gold),
        claims=claims,
        claims_any_speaker=any_speaker,
        speakers=speakers,
        quantities=quantities,
        disputes=disputes,
        speaker_accuracy=speaker_acc,
        polarity_accuracy=polarity,
        mode_accuracy=mode,
        hedge_accuracy=hedge,
        time_accuracy=time,
        dispute_pairs=sum(pair_scores.values(), Score()),
        dispute_pairs_by_kind=tuple(sorted(pair_scores.items())),
        denial_recall=denials,
    )
