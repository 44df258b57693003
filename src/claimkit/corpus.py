"""Many articles at once: actors merged across articles, and disputes between them.

A claim is referred to across the corpus by a :class:`ClaimRef`, the pair
(article id, claim id). :meth:`Corpus.disputes` yields, lazily, the pairs of
claims of **different articles** and **different sides** whose statements were
made within ``window_days`` of each other (or are both undated), that speak of
a common kind of event, and that cannot both hold:

* ``denial``: one denies what the other asserts;
* ``numeric``: both assert counts, and a count of one has comparable counts in
  the other but none that it allows (the rule of :func:`claimkit.compare.compare`),
  one of them stating the same event and the same thing counted.

Every pair yielded is a pair that :func:`claimkit.compare.compare` calls
``contradict``. The two speakers' sides differ: actors merged across articles
(see :meth:`Corpus.actors`) are one side, and a person speaks for the actor it
is affiliated with.

Scaling (see ``benchmarks/compare.py``). Comparing every pair is quadratic.
Claims are blocked instead: for denials by (kind of event, week), for counts
by (event, thing counted, week); a claim meets the claims of its own week and
the weeks on either side. Inside a block, finer keys choose the pairs: a
denial is set against asserting claims grouped by speaker side, within the
time window; a count against counts of the same thing sorted by their lower
bound, only those entirely above it. **The cap**: one claim examines at most
``max_pairs_per_claim`` partners in a block (16 by default); when it has more,
they are spread over the opposing sides and over time. So a block of n claims
costs at most 16·n comparisons however skewed the corpus, and pairs beyond the
cap are missed: every yielded pair is a true dispute, but recall may fall
below 1 in blocks that hit the cap. ``max_pairs_per_claim=None`` examines
every candidate (exact, quadratic in big blocks); :meth:`Corpus.all_pairs_disputes`
is the plain all-pairs reference.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from claimkit.compare import ClaimComparison, compare, event_kinds
from claimkit.identity import name_key
from claimkit.language.counts import Count, counts_of, unmatched_counts
from claimkit.model import Actor, ActorKind, Article, Claim, DisputeKind, Polarity, Stance

__all__ = [
    "ActorRef",
    "ClaimRef",
    "Corpus",
    "CorpusDispute",
    "CorpusPosition",
    "DisputeStats",
    "MergedActor",
]

#: Statements further apart than this many days are not set against each other.
DEFAULT_WINDOW_DAYS: Final = 7
#: Partners one claim examines in one block, at most.
DEFAULT_MAX_PAIRS_PER_CLAIM: Final = 16


@attrs.frozen(kw_only=True, order=True)
class ClaimRef:
    """A claim of the corpus: its article's id and its own id."""

    article: str
    claim: str

    def __str__(self) -> str:
        return f"{self.article}/{self.claim}"


@attrs.frozen(kw_only=True, order=True)
class ActorRef:
    """An actor of the corpus: its article's id and its own id."""

    article: str
    actor: str


@attrs.frozen(kw_only=True)
class MergedActor:
    """One real-world actor across the corpus: the article actors that are it."""

    id: str
    name: str
    kind: ActorKind
    members: tuple[ActorRef, ...]
    names: tuple[str, ...]


@attrs.frozen(kw_only=True, order=True)
class CorpusPosition:
    """Where a claim of the corpus stands on the point of a dispute."""

    claim: ClaimRef
    stance: Stance


@attrs.frozen(kw_only=True)
class CorpusDispute:
    """Claims of other articles and sides that cannot hold together with ``claim``.

    ``positions`` (at least two, sorted by claim reference) include ``claim``
    itself. In a denial dispute the denied claims ``affirm`` and the denials
    ``deny``; in a numeric dispute every stance is ``other``. Each other claim
    disputes ``claim``: :meth:`pairs` lists those pairs.
    """

    kind: DisputeKind
    claim: ClaimRef
    point: str
    positions: tuple[CorpusPosition, ...]
    reason: str

    @property
    def claims(self) -> tuple[ClaimRef, ...]:
        """The claims of the positions, sorted."""
        return tuple(p.claim for p in self.positions)

    def pairs(self) -> tuple[tuple[ClaimRef, ClaimRef], ...]:
        """Each disagreeing pair: ``claim`` and one other claim, the two sorted."""
        return tuple(
            (min(self.claim, p.claim), max(self.claim, p.claim))
            for p in self.positions
            if p.claim != self.claim
        )


@attrs.define
class DisputeStats:
    """Counters that :meth:`Corpus.disputes` fills in as it runs."""

    claims: int = 0
    blocks: int = 0
    largest_block: int = 0
    capped_blocks: int = 0
    pairs_examined: int = 0
    disputes: int = 0
    disputing_pairs: int = 0


# --- merging actors ---------------------------------------------------------------------


def _merge_keys(actor: Actor) -> set[tuple[str, str]]:
    """Keys that identify an actor across articles; none for anonymous sources.

    Names without a capital letter ("the ministry") describe rather than name,
    and a person's single name ("Mustafa") is too common: neither is a key.
    """
    if actor.kind is ActorKind.ANONYMOUS:
        return set()
    keys = set()
    for i, name in enumerate(actor.names):
        if i > 0 and not any(ch.isupper() for ch in name):
            continue
        key = name_key(name)
        if key.empty:
            continue
        if actor.kind is ActorKind.PERSON and key.country is None and len(key.rest.split()) < 2:
            continue
        keys.add((key.country or "", key.rest))
    return keys


class _UnionFind:
    """Union-find that never joins two actors of one article."""

    def __init__(self, articles: list[int]) -> None:
        self.parent = list(range(len(articles)))
        self.articles: list[set[int]] = [{a} for a in articles]

    def find(self, node: int) -> int:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.articles[ra] & self.articles[rb]:
            return
        if len(self.articles[ra]) < len(self.articles[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.articles[ra] |= self.articles[rb]
        self.articles[rb] = set()


# --- the index ----------------------------------------------------------------------------


@attrs.define
class _Index:
    """Everything :meth:`Corpus.disputes` needs, one entry per claim, by sequence number."""

    articles: list[Article]
    refs: list[tuple[int, int]]  # (article index, claim index)
    article_of: list[int]
    side: list[int]
    entity: list[int]
    deny: list[bool]
    mask: list[int]
    day: list[int | None]
    quantities: list[tuple[Count, ...]]
    kinds: list[str]
    actors: list[MergedActor]
    actor_entity: dict[tuple[int, str], int]
    positions: dict[str, int]
    article_ids: list[str]
    claim_ids: list[str]


def _numeric_gap(qa: tuple[Count, ...], qb: tuple[Count, ...]) -> bool:
    """Whether a count of one has comparable counts in the other and none it allows
    (:func:`claimkit.language.counts.unmatched_counts`, the rule of
    :func:`claimkit.compare.compare`), one of them stating the same event and the same
    thing counted (so that blocking by those finds the pair)."""
    for mine, theirs in ((qa, qb), (qb, qa)):
        for i, partners in unmatched_counts(mine, theirs):
            key = mine[i].key
            if key.event is not None and any(theirs[j].key == key for j in partners):
                return True
    return False


def _numeric_canonical(
    x: int, qx: tuple[Count, ...], y: int, qy: tuple[Count, ...]
) -> tuple[tuple[str, str], int] | None:
    """The block key and the picker that own a numeric pair: the smallest key with a
    count of one entirely below a count of the other; the lower one picks."""
    best: tuple[tuple[str, str], int] | None = None
    for first, qf, qs in ((x, qx, qy), (y, qy, qx)):
        for q in qf:
            if q.key.event is None:
                continue
            for r in qs:
                if r.key == q.key and r.low > q.high:
                    candidate = ((q.key.event, q.key.counted or ""), first)
                    if best is None or candidate < best:
                        best = candidate
    return best


def _spread(count: int, take: int, salt: int) -> Iterator[int]:
    """``take`` indices out of ``range(count)``, evenly spread, rotated by ``salt``."""
    if count <= take:
        yield from range(count)
        return
    offset = (salt * 2654435761) % count
    for i in range(take):
        yield (offset + (i * count) // take) % count


class Corpus:
    """Many articles: actors merged across them, and the disputes between them.

    Articles are kept in the order of their ids, so everything a corpus
    reports is the same whatever the order they were added in.

    >>> from claimkit import Article
    >>> corpus = Corpus([Article(text="nothing said", id="a1")])
    >>> len(corpus), list(corpus.disputes())
    (1, [])
    """

    def __init__(
        self,
        articles: Iterable[Article] = (),
        *,
        window_days: int = DEFAULT_WINDOW_DAYS,
        max_pairs_per_claim: int | None = DEFAULT_MAX_PAIRS_PER_CLAIM,
    ) -> None:
        if type(window_days) is not int or window_days < 0:
            raise ValueError(f"window_days must be an int >= 0, got {window_days!r}")
        if max_pairs_per_claim is not None and (
            type(max_pairs_per_claim) is not int or max_pairs_per_claim < 1
        ):
            raise ValueError(
                f"max_pairs_per_claim must be an int >= 1 or None, got {max_pairs_per_claim!r}"
            )
        self.window_days = window_days
        self.max_pairs_per_claim = max_pairs_per_claim
        self._articles: dict[str, Article] = {}
        self._index: _Index | None = None
        for article in articles:
            self.add(article)

    def add(self, article: Article) -> None:
        """Add an article; ValueError if an article with its id is already here."""
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article, got {type(article).__name__}")
        if article.id in self._articles:
            raise ValueError(f"article {article.id!r} is already in the corpus")
        self._articles[article.id] = article
        self._index = None

    def __len__(self) -> int:
        return len(self._articles)

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles, by id."""
        return tuple(self._articles[k] for k in sorted(self._articles))

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError when there is none)."""
        return self._articles[article_id]

    def claim(self, ref: ClaimRef) -> Claim:
        """The claim that ``ref`` points to (KeyError when there is none)."""
        return self._articles[ref.article].claim(ref.claim)

    def actors(self) -> tuple[MergedActor, ...]:
        """The actors of all articles, merged across articles.

        Two article actors are merged when one of their identity keys is the
        same (see :func:`claimkit.identity.name_key`): "Moscow" in one article and
        "Russia" in another are one actor, "Russian Foreign Ministry" stays
        apart from "Russia". Two actors of one article are never merged (the
        article tells them apart, and the parties of its disputes are among
        them); anonymous sources ("witnesses") are never merged across articles.
        """
        return tuple(self._built().actors)

    def actor_of(self, article_id: str, actor_id: str) -> MergedActor:
        """The merged actor that an article's actor belongs to."""
        index = self._built()
        return index.actors[index.actor_entity[(self._position(article_id), actor_id)]]

    def compare(self, a: ClaimRef, b: ClaimRef) -> ClaimComparison:
        """:func:`claimkit.compare.compare` of two claims, with speakers merged across articles."""
        index = self._built()
        same = self._entity(index, a) == self._entity(index, b)
        return compare(self.claim(a), self.claim(b), same_speaker=same)

    # --- building --------------------------------------------------------------------

    def _position(self, article_id: str) -> int:
        return self._built().positions[article_id]

    def _entity(self, index: _Index, ref: ClaimRef) -> int:
        position = self._position(ref.article)
        return index.actor_entity[(position, self.claim(ref).speaker)]

    def _built(self) -> _Index:
        if self._index is None:
            self._index = self._build()
        return self._index

    def _build(self) -> _Index:
        articles = self.articles
        nodes: list[tuple[int, Actor]] = [
            (i, actor)
            for i, article in enumerate(articles)
            for actor in sorted(article.actors, key=lambda a: a.id)
        ]
        finder = _UnionFind([i for i, _ in nodes])
        by_key: dict[tuple[str, str], list[int]] = {}
        for n, (_, actor) in enumerate(nodes):
            for key in _merge_keys(actor):
                by_key.setdefault(key, []).append(n)
        for key in sorted(by_key):
            members = by_key[key]
            for other in members[1:]:
                finder.union(members[0], other)
        groups: dict[int, list[int]] = {}
        for n in range(len(nodes)):
            groups.setdefault(finder.find(n), []).append(n)
        merged: list[MergedActor] = []
        actor_entity: dict[tuple[int, str], int] = {}
        taken: dict[str, int] = {}
        for members in sorted(groups.values()):
            first = nodes[members[0]][1]
            ident = first.id
            if ident in taken:
                taken[ident] += 1
                ident = f"{ident}~{taken[first.id]}"
            taken.setdefault(ident, 1)
            names: dict[str, None] = {}
            for n in members:
                names.update(dict.fromkeys(nodes[n][1].names))
                actor_entity[(nodes[n][0], nodes[n][1].id)] = len(merged)
            merged.append(
                MergedActor(
                    id=ident,
                    name=first.name,
                    kind=first.kind,
                    members=tuple(
                        ActorRef(article=articles[nodes[n][0]].id, actor=nodes[n][1].id)
                        for n in members
                    ),
                    names=tuple(names),
                )
            )
        side_of: dict[tuple[int, str], int] = {}
        for i, actor in nodes:
            entity = actor_entity[(i, actor.id)]
            if actor.affiliation is not None and (i, actor.affiliation) in actor_entity:
                entity = actor_entity[(i, actor.affiliation)]
            side_of[(i, actor.id)] = entity

        kinds_seen: dict[str, int] = {}
        refs: list[tuple[int, int]] = []
        article_of: list[int] = []
        side: list[int] = []
        entity_list: list[int] = []
        deny: list[bool] = []
        mask: list[int] = []
        day: list[int | None] = []
        quantities: list[tuple[Count, ...]] = []
        for i, article in enumerate(articles):
            published = article.published
            order = sorted(range(len(article.claims)), key=lambda c: article.claims[c].id)
            for c in order:
                claim = article.claims[c]
                refs.append((i, c))
                article_of.append(i)
                side.append(side_of[(i, claim.speaker)])
                entity_list.append(actor_entity[(i, claim.speaker)])
                deny.append(claim.polarity is Polarity.DENY)
                bits = 0
                for kind in event_kinds(claim):
                    bit = kinds_seen.get(kind)
                    if bit is None:
                        bit = kinds_seen[kind] = len(kinds_seen)
                    bits |= 1 << bit
                mask.append(bits)
                when = claim.when
                date: datetime.date | None = published
                if when is not None and when.start is not None:
                    date = when.start
                day.append(None if date is None else date.toordinal())
                quantities.append(counts_of(claim.quantities))
        kinds = [""] * len(kinds_seen)
        for kind, bit in kinds_seen.items():
            kinds[bit] = kind
        return _Index(
            articles=list(articles),
            refs=refs,
            article_of=article_of,
            side=side,
            entity=entity_list,
            deny=deny,
            mask=mask,
            day=day,
            quantities=quantities,
            kinds=kinds,
            actors=merged,
            actor_entity=actor_entity,
            positions={a.id: i for i, a in enumerate(articles)},
            article_ids=[a.id for a in articles],
            claim_ids=[articles[a].claims[c].id for a, c in refs],
        )

    # --- disputes --------------------------------------------------------------------

    def _within(self, index: _Index, x: int, y: int) -> bool:
        dx, dy = index.day[x], index.day[y]
        if dx is None or dy is None:
            return dx is dy
        return abs(dx - dy) <= self.window_days

    def _contradiction(self, index: _Index, x: int, y: int) -> DisputeKind | None:
        """The kind of dispute between two claims, or None: the reference rule."""
        if index.article_of[x] == index.article_of[y] or index.side[x] == index.side[y]:
            return None
        if not index.mask[x] & index.mask[y] or not self._within(index, x, y):
            return None
        if index.deny[x] != index.deny[y]:
            return DisputeKind.DENIAL
        if _numeric_gap(index.quantities[x], index.quantities[y]):
            return DisputeKind.NUMERIC
        return None

    def all_pairs_disputes(self) -> Iterator[CorpusDispute]:
        """The same disputes as :meth:`disputes` without blocking or cap: every pair
        of claims is examined. Quadratic; the reference for tests and benchmarks."""
        index = self._built()
        for x, y in itertools.combinations(range(len(index.refs)), 2):
            kind = self._contradiction(index, x, y)
            if kind is not None:
                yield self._dispute(index, kind, x, [y])

    def disputes(self, stats: DisputeStats | None = None) -> Iterator[CorpusDispute]:
        """Disputes between claims of different articles, lazily, block by block.

        See the module documentation for the rule, the blocking and the cap.
        ``stats``, when given, counts blocks, pairs examined and disputes.
        """
        index = self._built()
        counters = DisputeStats() if stats is None else stats
        counters.claims = len(index.refs)
        yield from self._denials(index, counters)
        yield from self._numeric(index, counters)

    def _week(self, day: int | None) -> int | None:
        return None if day is None else day // max(self.window_days, 1)

    def _near(self, week: int | None) -> tuple[int | None, ...]:
        return (None,) if week is None else (week - 1, week, week + 1)

    def _denials(self, index: _Index, stats: DisputeStats) -> Iterator[CorpusDispute]:
        cap = self.max_pairs_per_claim
        by_kind: list[dict[tuple[int | None, bool], list[int]]] = [{} for _ in index.kinds]
        for seq, bits in enumerate(index.mask):
            key = (self._week(index.day[seq]), index.deny[seq])
            while bits:
                low_bit = bits & -bits
                by_kind[low_bit.bit_length() - 1].setdefault(key, []).append(seq)
                bits ^= low_bit
        for bit, blocks in enumerate(by_kind):
            flag = 1 << bit
            denials = sum(len(v) for (_, d), v in blocks.items() if d)
            asserts = sum(len(v) for (_, d), v in blocks.items() if not d)
            if not denials or not asserts:
                continue
            picker_deny = denials <= asserts
            weeks = sorted({w for w, _ in blocks}, key=lambda w: (w is None, w or 0))
            for week in weeks:
                pickers = blocks.get((week, picker_deny), [])
                if not pickers:
                    continue
                candidates = sorted(
                    seq
                    for near in self._near(week)
                    for seq in blocks.get((near, not picker_deny), [])
                )
                stats.blocks += 1
                stats.largest_block = max(stats.largest_block, len(pickers) + len(candidates))
                if cap is None or len(candidates) <= cap:
                    for x in pickers:
                        found = [y for y in candidates if self._examine(index, stats, x, y, flag)]
                        if found:
                            yield self._found(index, stats, DisputeKind.DENIAL, x, found)
                    continue
                stats.capped_blocks += 1
                yield from self._capped_denials(index, stats, pickers, candidates, flag, cap)

    def _capped_denials(
        self,
        index: _Index,
        stats: DisputeStats,
        pickers: list[int],
        candidates: list[int],
        flag: int,
        cap: int,
    ) -> Iterator[CorpusDispute]:
        """Each picker meets up to ``cap`` candidates: sides round-robin, largest first,
        one claim of each within the time window, spread over the window."""
        by_side: dict[int, list[tuple[int, int]]] = {}
        for seq in candidates:
            day = index.day[seq]
            by_side.setdefault(index.side[seq], []).append((-1 if day is None else day, seq))
        sides = sorted(by_side, key=lambda s: (-len(by_side[s]), s))
        for entries in by_side.values():
            entries.sort()
        days = {s: [d for d, _ in by_side[s]] for s in sides}
        window = self.window_days
        for x in pickers:
            own = index.side[x]
            dx = index.day[x]
            ranges: dict[int, tuple[int, int]] = {}
            active = sides
            picked = 0
            round_ = 0
            found: list[int] = []
            while picked < cap and active:
                still = []
                for s in active:
                    if picked >= cap:
                        break
                    if s == own:
                        continue
                    bounds = ranges.get(s)
                    if bounds is None:
                        if dx is None:
                            bounds = (0, len(days[s]))
                        else:
                            bounds = (
                                bisect.bisect_left(days[s], dx - window),
                                bisect.bisect_right(days[s], dx + window),
                            )
                        ranges[s] = bounds
                    lo, hi = bounds
                    count = hi - lo
                    if round_ >= count:
                        continue
                    still.append(s)
                    position = lo + (x * 2654435761 + round_ * 40503) % count
                    picked += 1
                    y = by_side[s][position][1]
                    if self._examine(index, stats, x, y, flag):
                        found.append(y)
                active = still
                round_ += 1
            if found:
                yield self._found(index, stats, DisputeKind.DENIAL, x, found)

    def _examine(self, index: _Index, stats: DisputeStats, x: int, y: int, flag: int) -> bool:
        """Whether x and y are a denial dispute that belongs to the block of ``flag``."""
        stats.pairs_examined += 1
        shared = index.mask[x] & index.mask[y]
        if shared & -shared != flag:
            return False  # examined in the block of the pair's first shared kind
        return self._contradiction(index, x, y) is DisputeKind.DENIAL

    def _found(
        self, index: _Index, stats: DisputeStats, kind: DisputeKind, x: int, found: list[int]
    ) -> CorpusDispute:
        stats.disputes += 1
        stats.disputing_pairs += len(found)
        return self._dispute(index, kind, x, sorted(set(found)))

    def _numeric(self, index: _Index, stats: DisputeStats) -> Iterator[CorpusDispute]:
        cap = self.max_pairs_per_claim
        blocks: dict[tuple[str, str], dict[int | None, list[tuple[float, float, int]]]] = {}
        for seq, stated in enumerate(index.quantities):
            for (event, counted), low, high in stated:
                if event is not None:
                    week = self._week(index.day[seq])
                    key = (event, counted or "")
                    blocks.setdefault(key, {}).setdefault(week, []).append((low, high, seq))
        for key in sorted(blocks):
            weeks = blocks[key]
            if sum(len(v) for v in weeks.values()) < 2:
                continue
            for week in sorted(weeks, key=lambda w: (w is None, w or 0)):
                entries = sorted(e for near in self._near(week) for e in weeks.get(near, []))
                lows = [e[0] for e in entries]
                stats.blocks += 1
                stats.largest_block = max(stats.largest_block, len(entries))
                capped = False
                pickers: dict[int, float] = {}
                for _, high, x in weeks[week]:
                    pickers[x] = min(high, pickers.get(x, high))
                for x, high in pickers.items():
                    start = bisect.bisect_right(lows, high)
                    count = len(entries) - start
                    if cap is not None and count > cap:
                        capped = True
                    take = count if cap is None else cap
                    found = self._numeric_partners(
                        index,
                        stats,
                        key,
                        x,
                        [entries[start + i][2] for i in _spread(count, take, x)],
                    )
                    if found:
                        yield self._found(index, stats, DisputeKind.NUMERIC, x, found)
                stats.capped_blocks += capped

    def _numeric_partners(
        self, index: _Index, stats: DisputeStats, key: tuple[str, str], x: int, ys: list[int]
    ) -> list[int]:
        """The claims of ``ys`` (each with a count of ``key`` above one of x's) that are a
        numeric dispute with x owned by this block and picker."""
        stats.pairs_examined += len(ys)
        deny, article_of, side, day = index.deny, index.article_of, index.side, index.day
        quantities = index.quantities
        deny_x, article_x, side_x, day_x = deny[x], article_of[x], side[x], day[x]
        single_x = len(quantities[x]) == 1
        window = self.window_days
        seen: set[int] = set()
        found: list[int] = []
        for y in ys:
            if y in seen:
                continue
            seen.add(y)
            if deny[y] != deny_x or article_of[y] == article_x or side[y] == side_x:
                continue
            day_y = day[y]
            if day_x is None or day_y is None:
                if day_x is not day_y:
                    continue
            elif abs(day_x - day_y) > window:
                continue
            if single_x and len(quantities[y]) == 1:
                # One count each, of this key, y's entirely above x's: a gap that x owns.
                found.append(y)
                continue
            if self._contradiction(index, x, y) is not DisputeKind.NUMERIC:
                continue
            if _numeric_canonical(x, quantities[x], y, quantities[y]) == (key, x):
                found.append(y)
        return found

    def _ref(self, index: _Index, seq: int) -> ClaimRef:
        return ClaimRef(
            article=index.article_ids[index.article_of[seq]], claim=index.claim_ids[seq]
        )

    def _dispute(
        self, index: _Index, kind: DisputeKind, x: int, others: list[int]
    ) -> CorpusDispute:
        """The dispute between claim ``x`` and each of ``others``."""
        members = [x, *others]
        names = {seq: index.actors[index.entity[seq]].name for seq in members}
        if kind is DisputeKind.DENIAL:
            stances = {seq: Stance.DENIES if index.deny[seq] else Stance.AFFIRMS for seq in members}
            affirming = [seq for seq in members if stances[seq] is Stance.AFFIRMS]
            point = self._lookup(index, affirming[0])[1].content.text
            deniers = sorted({names[seq] for seq in members if index.deny[seq]})
            affirmers = sorted({names[seq] for seq in affirming})
            verb = "denies" if len(deniers) == 1 else "deny"
            says = "reports" if len(affirmers) == 1 else "report"
            reason = f"{' and '.join(deniers)} {verb} what {', '.join(affirmers)} {says}"
        else:
            stances = dict.fromkeys(members, Stance.OTHER)
            claim_x = self._lookup(index, x)[1]
            counted = _counts(claim_x)
            point = _how_many(claim_x)
            others_named = ", ".join(sorted({names[seq] for seq in others}))
            reason = f"counts that do not overlap: {names[x]} ({counted}) and {others_named}"

        # Sequence numbers follow (article id, claim id): sorting them sorts the references.
        positions = [
            CorpusPosition(claim=self._ref(index, seq), stance=stances[seq])
            for seq in sorted(members)
        ]
        return CorpusDispute(
            kind=kind,
            claim=self._ref(index, x),
            point=point,
            positions=tuple(positions),
            reason=reason,
        )

    def _lookup(self, index: _Index, seq: int) -> tuple[Article, Claim]:
        a, c = index.refs[seq]
        article = index.articles[a]
        return article, article.claims[c]


def _how_many(claim: Claim) -> str:
    """The question a numeric dispute answers: "how many soldiers were killed"."""
    stated = next((q for q in claim.quantities if q.event is not None), None)
    if stated is None:
        return "how many"
    return " ".join(w for w in ("how many", stated.counted, "were", stated.event) if w)


def _counts(claim: Claim) -> str:
    return ", ".join(
        " ".join(w for w in (q.text, q.counted, q.event) if w) for q in claim.quantities
    )
