"""Many articles in memory: actors merged across articles, and disputes between them.

A claim is referred to across the corpus by a :class:`ClaimRef`, the pair
(article id, claim id). :meth:`Corpus.disputes` yields the disputes of the
corpus event by event (:func:`claimkit.corpus.stream.event_disputes`, held in
memory). :meth:`Corpus.all_pairs_disputes` is the reference it is tested
against: every pair of claims is examined, and a pair disputes when its claims
are of **different articles** and **different sides** (see
:mod:`claimkit.corpus.sides`), their statements were made within
``window_days`` of each other (or both are undated), they speak of a common kind
of event, and they cannot both hold
(:func:`claimkit.corpus.positions.disagreement`):

* ``denial``: one denies what the other asserts;
* ``numeric``: a count of one has comparable counts in the other but none that it
  allows (the rule of :func:`claimkit.compare.compare`), one of them stating the
  same event and the same thing counted.

Every such pair is one that :func:`claimkit.compare.compare` calls ``contradict``.
The pairs of :meth:`Corpus.disputes` are exactly those of the reference whose two
claims are about one event (one :class:`~claimkit.corpus.events.EventKey`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import attrs

from claimkit.compare import ClaimComparison, compare, event_kinds
from claimkit.corpus.events import DEFAULT_WINDOW_DAYS, event_day
from claimkit.corpus.positions import EventDispute, disagreement
from claimkit.corpus.sides import Sides, merge_keys, speaker_keys
from claimkit.corpus.stream import DisputeStats, event_disputes
from claimkit.language.counts import Count, counts_of
from claimkit.model import Actor, ActorKind, Article, Claim, DisputeKind, Polarity, Stance

__all__ = [
    "ActorRef",
    "ClaimRef",
    "Corpus",
    "CorpusDispute",
    "CorpusPosition",
    "MergedActor",
]


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


# --- merging actors ---------------------------------------------------------------------


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
    side: list[str]
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
    ) -> None:
        if type(window_days) is not int or window_days < 0:
            raise ValueError(f"window_days must be an int >= 0, got {window_days!r}")
        self.window_days = window_days
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
        by_key: dict[str, list[int]] = {}
        for n, (_, actor) in enumerate(nodes):
            for key in merge_keys(actor):
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
        sides = Sides()
        side_keys = [speaker_keys(article) for article in articles]
        for found in side_keys:
            for keys in found.values():
                sides.add(keys)

        kinds_seen: dict[str, int] = {}
        refs: list[tuple[int, int]] = []
        article_of: list[int] = []
        side: list[str] = []
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
                side.append(sides.side(side_keys[i][claim.speaker], article.id))
                entity_list.append(actor_entity[(i, claim.speaker)])
                deny.append(claim.polarity is Polarity.DENY)
                bits = 0
                for kind in event_kinds(claim):
                    bit = kinds_seen.get(kind)
                    if bit is None:
                        bit = kinds_seen[kind] = len(kinds_seen)
                    bits |= 1 << bit
                mask.append(bits)
                date = event_day(claim, published)
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
        return disagreement(index.deny[x], index.quantities[x], index.deny[y], index.quantities[y])

    def all_pairs_disputes(self) -> Iterator[CorpusDispute]:
        """Every disputing pair of claims, one :class:`CorpusDispute` each: every pair of
        claims is examined, whatever event it is about. Quadratic; the reference for
        tests and benchmarks."""
        index = self._built()
        for x, y in itertools.combinations(range(len(index.refs)), 2):
            kind = self._contradiction(index, x, y)
            if kind is not None:
                yield self._dispute(index, kind, x, [y])

    def disputes(self, stats: DisputeStats | None = None) -> Iterator[EventDispute]:
        """The disputes of the corpus, one per disputed event, lazily: the positions of
        each event's claims and which of them cannot both hold (see
        :mod:`claimkit.corpus.positions`). ``stats``, when given, is filled in."""
        return event_disputes(self.articles, window_days=self.window_days, spill=False, stats=stats)

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
