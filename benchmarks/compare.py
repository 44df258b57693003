"""Corpus dispute benchmark: blocked comparison against naive all-pairs.

Builds a synthetic corpus shaped like a day's heavy-tailed news (deterministic
from a seed): articles of 8 claims, each article about one event; events
drawn Zipf-like, with one hot event taking 35% of all claims (so that one
block, its kind of event and week, holds at least 30% of the claims);
speakers drawn Zipf-like from a pool of 400; 10% of claims deny, and 30% of
counts disagree with the event's true count. Then, in one run:

* ``Corpus.disputes()`` (blocked, default cap of 16 pairs per claim per block)
  on 10k, 100k and 1M claims, each in a fresh subprocess so that its peak
  memory (``ru_maxrss``) is its own; times exclude building the articles and
  include building the corpus index; "built MB" is the peak before it, so the
  difference is what the index and the comparison add;
* naive all-pairs (``Corpus.all_pairs_disputes()``) on the same 10k claims,
  as a ratio to the blocked time, and the recall of the blocked run against
  it: the share of disputing pairs found, and the share of claims in some
  dispute that are found in at least one; the same without the cap.

Run: ``python benchmarks/compare.py [--sizes 10000 100000 1000000] [--seed S]``
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import platform
import random
import resource
import subprocess
import sys
import time
from typing import Final

from claimkit import Actor, ActorKind, Article, Claim, Excerpt, Hedge, Polarity, Quantity, Span
from claimkit.corpus import Corpus, DisputeStats, claim_records, event_disputes

CLAIMS_PER_ARTICLE: Final = 8
HOT_SHARE: Final = 0.35
SPEAKERS: Final = 400
# (kind of event, the verb that says it, the thing counted)
EVENTS: Final = (
    ("attacked", "killed", "soldiers"),
    ("killed", "killed", "civilians"),
    ("wounded", "wounded", "people"),
    ("seized", "seized", "villages"),
    ("arrested", "arrested", "protesters"),
    ("displaced", "displaced", "residents"),
    ("evacuated", "evacuated", "patients"),
    ("destroyed", "destroyed", "houses"),
    ("infected", "infected", "people"),
    ("missing", "missing", "fishermen"),
)
_START: Final = datetime.date(2024, 1, 1)


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> list[float]:
    weights = [1.0 / (rank**s) for rank in range(1, n + 1)]
    rng.shuffle(weights)
    return weights


def build_corpus(claims: int, seed: int = 7) -> list[Article]:
    """``claims`` claims in articles of 8, deterministic from ``seed``."""
    rng = random.Random(seed)
    n_events = max(20, claims // 200)
    events = []
    for e in range(n_events):
        kind, verb, counted = EVENTS[0] if e == 0 else EVENTS[rng.randrange(len(EVENTS))]
        day = rng.randrange(365)
        if e == 0:  # the hot event: all its articles within one week
            day -= (_START.toordinal() + day) % 7
        events.append((kind, verb, counted, day, rng.randrange(5, 500)))
    event_weights = _zipf(rng, n_events - 1)
    speakers = [
        Actor(name=f"Speaker {i} Agency", kind=ActorKind.ORGANIZATION, id=f"s{i}")
        for i in range(SPEAKERS)
    ]
    speaker_weights = _zipf(rng, SPEAKERS)
    articles = []
    for a in range(claims // CLAIMS_PER_ARTICLE):
        e = (
            0
            if rng.random() < HOT_SHARE
            else 1 + rng.choices(range(n_events - 1), event_weights)[0]
        )
        kind, verb, counted, day, truth = events[e]
        if e == 0:
            kind = "attacked"
        said = rng.choices(range(SPEAKERS), speaker_weights, k=CLAIMS_PER_ARTICLE)
        pieces: list[str] = []
        built: list[Claim] = []
        offset = 0
        for c, s in enumerate(said):
            deny = rng.random() < 0.1
            number = truth if rng.random() < 0.7 else truth * rng.choice((2, 3)) + 7
            hedge = rng.choice((Hedge.EXACT, Hedge.UP_TO, Hedge.APPROXIMATE))
            words = {Hedge.EXACT: "", Hedge.UP_TO: "up to ", Hedge.APPROXIMATE: "about "}[hedge]
            amount = f"{words}{number}"
            attack = " in attacks" if kind == "attacked" else ""
            content = (
                f"no {counted} were {verb}{attack}"
                if deny
                else f"{amount} {counted} were {verb}{attack}"
            )
            name = speakers[s].name
            sentence = f"{name} said {content}. "
            cue_start = offset + len(name) + 1
            content_start = cue_start + 5
            quantities: tuple[Quantity, ...] = ()
            if not deny:
                low = None if hedge is Hedge.UP_TO else float(number)
                quantities = (
                    Quantity(
                        text=amount,
                        span=Span(start=content_start, end=content_start + len(amount)),
                        hedge=hedge,
                        low=low,
                        high=float(number),
                        counted=counted,
                        event=verb,
                    ),
                )
            built.append(
                Claim(
                    speaker=speakers[s].id,
                    cue=Excerpt(text="said", span=Span(start=cue_start, end=cue_start + 4)),
                    content=Excerpt(
                        text=content,
                        span=Span(start=content_start, end=content_start + len(content)),
                    ),
                    polarity=Polarity.DENY if deny else Polarity.ASSERT,
                    quantities=quantities,
                    id=f"c{c}",
                )
            )
            pieces.append(sentence)
            offset += len(sentence)
        used = sorted(set(said))
        articles.append(
            Article(
                text="".join(pieces),
                published=_START + datetime.timedelta(days=day + rng.randrange(4)),
                actors=tuple(speakers[s] for s in used),
                claims=tuple(built),
                id=f"a{a:07}",
            )
        )
    return articles


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _largest_block_share(articles: list[Article]) -> float:
    """The largest (kind of event, week) block's share of the claims."""
    blocks: dict[tuple[str, int], int] = {}
    total = 0
    for article in articles:
        assert article.published is not None
        week = article.published.toordinal() // 7
        for claim in article.claims:
            total += 1
            kinds = {q.event for q in claim.quantities} or {"?"}
            if " attacks" in claim.content.text:
                kinds.add("attacked")
            for kind in kinds:
                if kind is not None:
                    blocks[(kind, week)] = blocks.get((kind, week), 0) + 1
    return max(blocks.values()) / total


def run_one(claims: int, seed: int, naive: bool) -> dict[str, object]:
    """Build, then time event disputes (and, with ``naive``, the all-pairs reference)."""
    articles = build_corpus(claims, seed)
    result: dict[str, object] = {
        "claims": sum(len(a.claims) for a in articles),
        "largest_block_share": _largest_block_share(articles),
        "rss_built_mb": _rss_mb(),
    }
    stats = DisputeStats()
    gc.collect()
    start = time.process_time()
    found = [p for d in event_disputes(articles, stats=stats) for p in d.pairs()] if naive else []
    if not naive:
        for _ in event_disputes(articles, stats=stats):
            pass
    result["blocked_s"] = time.process_time() - start
    result["disputes"] = stats.disputes
    result["disputing_pairs"] = stats.disputing_pairs
    result["largest_event"] = stats.largest_event
    result["rss_peak_mb"] = _rss_mb()
    if naive:
        corpus = Corpus(articles)
        event = {(r.article, r.claim): r.event for a in articles for r in claim_records(a)}
        start = time.process_time()
        every = {
            ((a.article, a.claim), (b.article, b.claim))
            for d in corpus.all_pairs_disputes()
            for a, b in d.pairs()
        }
        result["naive_s"] = time.process_time() - start
        truth = {(x, y) for x, y in every if event.get(x) is not None and event[x] == event.get(y)}
        result["true_disputes"] = len(truth)
        result["pair_recall"] = len(set(found) & truth) / max(len(truth), 1)
        result["precision"] = len(set(found) & truth) / max(len(found), 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.seed, args.naive)))
        return 0
    print(f"Python {platform.python_version()} on {platform.machine()}, one process per size")
    results = []
    for i, size in enumerate(args.sizes):
        command = [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)]
        if i == 0:
            command.append("--naive")
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        results.append(json.loads(done.stdout))
    base = results[0]
    print(
        f"{'claims':>9} {'CPU s':>8} {'disputes':>9} {'pairs':>14} {'top event':>9} {'peak MB':>8}"
    )
    for r in results:
        print(
            f"{r['claims']:>9,} {r['blocked_s']:>8.2f} {r['disputes']:>9,}"
            f" {r['disputing_pairs']:>14,} {r['largest_event']:>9,} {r['rss_peak_mb']:>8.0f}"
        )
    print(
        f"all-pairs reference at {base['claims']:,} claims: {base['naive_s']:.2f} s"
        f" ({base['naive_s'] / base['blocked_s']:.0f}x); {base['true_disputes']:,} same-event"
        f" disputing pairs, recall {base['pair_recall']:.3f}, precision {base['precision']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
