"""Corpus disputes at scale: CPU time, peak memory, and what the blocking joins.

Builds synthetic corpora of news reports (deterministic from a seed): each article
reports one incident (a kind of event, a town and a day) through 8 claims of 3 or 4
speakers drawn from a Zipf-like list of organisations (a few, a ministry and a state
agency, speak in most articles): counts of the incident's dead, wounded, arrested or
displaced (most outlets give the same figure, some another), denials of it, and claims
about no event. Incidents themselves are Zipf-like: each week has one that holds about
a third of the week's claims. About a tenth of incidents have a twin: another incident
of the same kind in the same town a few days apart, which no key can tell apart.

It prints, in one run:

* **scale**: ``claimkit.corpus.event_disputes`` over a JSON Lines file of 250k, 500k and
  1M claims (the weeks grow with the corpus, so the largest event stays the same), each
  run in a fresh process on one core: its CPU time (``time.process_time``), its peak
  resident memory (``VmHWM``), the largest event, and the same for decoding the file
  alone, so that the dispute step's own cost is the difference. Memory should not grow
  with the corpus beyond the largest event; the goal is 1M claims under 60 s CPU.
* **skewed**: a corpus where one hot incident is reported in half the articles. The
  same file is timed as above, and, in this process, the disputing pairs under the old
  blocking (event kind and week) and under the event key are counted (claims of
  different articles and sides that cannot both hold, by
  ``claimkit.corpus.disagreement``): the share that join claims of different incidents,
  and the share of the pairs of the same incident that each finds. For the hot event,
  the share of its disputing pairs (all pairs, checked one by one on a sample of its
  claims) that are derivable from its positions.

* **parallel**: the disputes of a corpus (200k claims by default) split into 8 JSON Lines
  files, in one process (``event_disputes``) and with ``claimkit.dask.dispute_bag`` on
  Dask's local ``processes`` scheduler with 1 and 2 workers: wall seconds (what workers
  shorten), best of ``--rounds`` interleaved rounds, each run a fresh process.

Run: ``python benchmarks/corpus.py [--claims 250000,500000,1000000] [--skewed 1000000]
[--analysis 200000] [--dask 200000] [--rounds 2] [--dir DIR]``. Times are CPU seconds of
one process on one core, but for the parallel comparison.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import itertools
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

import claimkit
from claimkit import Actor, ActorKind, Article, Claim, Excerpt, Hedge, Polarity, Quantity, Span
from claimkit.corpus import ClaimRecord, DisputeStats, claim_records, disagreement, event_disputes
from claimkit.corpus.positions import PositionClaim, dispute_of_event
from claimkit.corpus.sides import Sides, speaker_keys
from claimkit.language.counts import Count, CountKey
from claimkit.serialize import iter_jsonl, to_json

CLAIMS_PER_ARTICLE = 8
ARTICLES_PER_WEEK = 2000
INCIDENTS_PER_WEEK = 150
FIRST_DAY = datetime.date(2024, 1, 1)
KINDS = (
    ("killed", "soldiers"),
    ("killed", "civilians"),
    ("wounded", "civilians"),
    ("arrested", "protesters"),
    ("displaced", "families"),
)
QUIET = (
    "talks with the envoy would continue",
    "the delegation would travel to Geneva next month",
    "the ministry remained open to dialogue",
)
_SYLLABLES = ("kar", "mel", "tan", "sor", "vel", "dun", "ris", "bal", "nor", "zan", "qe", "lo")


def _names(rng: random.Random, count: int, suffixes: Sequence[str]) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        names[f"{word} {rng.choice(suffixes)}".strip()] = None
    return list(names)


class World:
    """The towns, speakers and outlets every corpus of one seed draws from."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.towns = _names(rng, 400, ("",))
        self.speakers = [
            "Kestrel Defence Ministry",
            "Norvale State Agency",
            *_names(rng, 1500, ("Front", "Group", "Council", "Brigades", "Agency", "Institute")),
        ]
        # Zipf-like: the k-th speaker is 1/k as likely as the first.
        self.speaker_weights = list(itertools.accumulate(1 / k for k in range(1, 1503)))
        self.outlets = _names(rng, 300, ("Wire", "Times", "Post", "Radio", "News"))


class Incident:
    """What an article reports: a kind of event, a town, a day, and its usual figure."""

    def __init__(self, number: int, kind: int, town: str, day: datetime.date, figure: int):
        self.number, self.kind, self.town, self.day, self.figure = number, kind, town, day, figure


def incidents_of_week(rng: random.Random, world: World, week: int, first: int) -> list[Incident]:
    """The week's incidents; a tenth have a twin of the same kind and town."""
    found: list[Incident] = []
    while len(found) < INCIDENTS_PER_WEEK:
        day = FIRST_DAY + datetime.timedelta(days=7 * week + rng.randrange(7))
        kind, town = rng.randrange(len(KINDS)), rng.choice(world.towns)
        found.append(Incident(first + len(found), kind, town, day, rng.randint(3, 90)))
        if rng.random() < 0.1:
            twin_day = day + datetime.timedelta(days=rng.choice((-3, -2, 2, 3)))
            found.append(Incident(first + len(found), kind, town, twin_day, rng.randint(3, 90)))
    return found


class _Text:
    """Sentences appended one by one, with the spans of their pieces."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        span = Span(start=self.length, end=self.length + len(piece))
        self.parts.append(piece)
        self.length += len(piece)
        return span


def build_article(
    rng: random.Random, world: World, number: int, incident: Incident
) -> tuple[Article, Incident]:
    """One outlet's report of ``incident``: 8 claims of 3 or 4 speakers."""
    speakers = sorted(
        set(rng.choices(world.speakers, cum_weights=world.speaker_weights, k=rng.randint(3, 4)))
    )
    actors = tuple(
        Actor(name=name, kind=ActorKind.ORGANIZATION, id=f"s{i}") for i, name in enumerate(speakers)
    )
    event, counted = KINDS[incident.kind]
    text = _Text()
    claims = []
    for c in range(CLAIMS_PER_ARTICLE):
        speaker = rng.randrange(len(actors))
        if c:
            text.add(" ")
        text.add(actors[speaker].name)
        text.add(" ")
        cue = Excerpt(text="said", span=text.add("said"))
        text.add(" ")
        roll = rng.random()
        quantities: tuple[Quantity, ...] = ()
        polarity = Polarity.ASSERT
        if roll < 0.3:
            content = rng.choice(QUIET)
        elif roll < 0.4:
            content = f"no {counted} were {event} in {incident.town}"
            polarity = Polarity.DENY
        else:
            figure = incident.figure if roll < 0.8 else rng.choice((incident.figure * 2, 1, 150))
            content = f"{figure} {counted} were {event} in {incident.town}"
            start = text.length
            quantities = (
                Quantity(
                    text=str(figure),
                    span=Span(start=start, end=start + len(str(figure))),
                    hedge=Hedge.EXACT,
                    low=float(figure),  # bounds are floats, as the extractor gives them
                    high=float(figure),
                    counted=counted,
                    event=event,
                ),
            )
        claims.append(
            Claim(
                id=f"c{c}",
                speaker=actors[speaker].id,
                cue=cue,
                content=Excerpt(text=content, span=text.add(content)),
                quantities=quantities,
                polarity=polarity,
            )
        )
        text.add(".")
    article = Article(
        text="".join(text.parts),
        id=f"a{number:07}",
        source=rng.choice(world.outlets),
        published=incident.day + datetime.timedelta(days=rng.randrange(3)),
        actors=actors,
        claims=tuple(claims),
    )
    return article, incident


def build_corpus(
    claims: int, *, hot: float = 0.0, seed: int = 20241208
) -> Iterator[tuple[Article, Incident]]:
    """Articles of ``claims`` claims in all, week by week, each with the incident it
    reports; with ``hot``, that share of the articles report one incident of week 0."""
    world = World(seed)
    rng = random.Random(seed + 1)
    articles = max(1, claims // CLAIMS_PER_ARTICLE)
    weeks = max(1, round(articles * (1 - hot) / ARTICLES_PER_WEEK))
    # Within a week, incident k is reported k**-1.3 as often as the first: the first
    # holds about a third of the week's articles.
    weights = list(itertools.accumulate(k**-1.3 for k in range(1, 2 * INCIDENTS_PER_WEEK + 1)))
    hot_incident = Incident(-1, 0, "Sarmin", FIRST_DAY + datetime.timedelta(days=2), 40)
    number = first = 0
    for week in range(weeks):
        incidents = incidents_of_week(rng, world, week, first)
        first += len(incidents)
        share = round(articles / weeks) if week < weeks - 1 else articles - number
        for _ in range(share):
            if number >= articles:
                return
            if rng.random() < hot:
                incident = hot_incident
            else:
                incident = rng.choices(incidents, cum_weights=weights[: len(incidents)])[0]
            yield build_article(rng, world, number, incident)
            number += 1


def write_corpus(path: Path, claims: int, *, hot: float = 0.0) -> int:
    """Write the corpus to ``path`` as JSON Lines; the number of articles."""
    count = 0
    with path.open("wb") as out:
        for article, _ in build_corpus(claims, hot=hot):
            out.write(to_json(article) + b"\n")
            count += 1
    return count


# --- timing in a fresh process ---------------------------------------------------------


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux's VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) / 1024
    return float("nan")


def child(mode: str, path: Path, articles: int) -> None:
    """Read the first ``articles`` lines of ``path`` and print one JSON object of figures."""
    before = _peak_rss_mb()
    start = time.process_time()
    stats = DisputeStats()
    with path.open("rb") as stream:
        read = iter_jsonl(itertools.islice(stream, articles), source=str(path))
        if mode == "decode":
            stats.articles = sum(1 for _ in read)
        else:
            for _ in event_disputes(read, stats=stats):
                pass
    cpu = time.process_time() - start
    figures = {"cpu": cpu, "peak_mb": _peak_rss_mb(), "start_mb": before, **attrs.asdict(stats)}
    print(json.dumps(figures))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: Dispute partitions on Dask: more than the 8 input files, so that the hot events of a
#: skewed corpus are spread over the workers (with 8, two workers gained little).
DASK_PARTITIONS = 32


def parallel_child(mode: str, folder: Path) -> None:
    """The disputes of every JSON Lines file of ``folder``: in this process with
    ``event_disputes`` (mode ``stream``) or on Dask's local ``processes`` scheduler with
    1 or 2 workers (``dask1``, ``dask2``); print wall and CPU seconds and the count."""
    files = sorted(str(path) for path in folder.glob("*.jsonl"))
    pool = None
    if mode.startswith("dask"):
        import concurrent.futures
        import multiprocessing

        import claimkit.dask  # noqa: F401 (imported before the workers are forked)

        workers = int(mode.removeprefix("dask"))
        pool = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork")
        )
        list(pool.map(abs, range(workers * 4)))  # the workers are started
    cpu, children, start = time.process_time(), _children_cpu(), time.perf_counter()
    if pool is None:

        def read() -> Iterator[Article]:
            for name in files:
                with open(name, "rb") as stream:
                    yield from iter_jsonl(stream, source=name)

        count = sum(1 for _ in event_disputes(read()))
    else:
        from claimkit.dask import corpus_bag, dispute_bag

        bag: Any = dispute_bag(corpus_bag(files), npartitions=DASK_PARTITIONS)
        count = bag.count().compute(scheduler="processes", pool=pool, num_workers=workers)
    wall = time.perf_counter() - start
    if pool is not None:
        pool.shutdown()
    used = time.process_time() - cpu + _children_cpu() - children
    print(json.dumps({"wall": wall, "cpu": used, "disputes": count}))


def report_parallel(claims: int, folder: Path, rounds: int) -> None:
    """Corpus disputes on Dask with 1 and 2 workers against one process, wall time."""
    files = 8
    articles = claims // CLAIMS_PER_ARTICLE
    outs = [(folder / f"part-{i}.jsonl").open("wb") for i in range(files)]
    for index, (article, _) in enumerate(build_corpus(claims)):
        outs[min(files - 1, index * files // articles)].write(to_json(article) + b"\n")
    for out in outs:
        out.close()
    print(
        f"\nparallel: {claims:,} claims in {files} JSON Lines files, disputes in one process"
        f" (event_disputes) and on Dask's local processes scheduler ({DASK_PARTITIONS}"
        f" dispute partitions); wall seconds, best of {rounds} interleaved rounds, each run"
        " a fresh process"
    )
    modes = ("stream", "dask1", "dask2")
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    for round_ in range(rounds):
        for mode in modes[round_ % 3 :] + modes[: round_ % 3]:
            runs[mode].append(timed(mode, folder, 0))
    best = {mode: min(runs[mode], key=lambda run: run["wall"]) for mode in modes}
    for mode, label in zip(modes, ("one process", "dask 1 worker", "dask 2 workers"), strict=True):
        run = best[mode]
        print(
            f"  {label:<15} {run['wall']:>7.1f} s wall  {run['cpu']:>7.1f} s CPU"
            f"  {run['disputes']:>7,} disputes"
        )
    speedup = best["dask1"]["wall"] / best["dask2"]["wall"]
    print(
        f"  dask: 2 workers {speedup:.2f}x one worker; 1 worker takes"
        f" {best['dask1']['wall'] / best['stream']['wall']:.2f}x the time of one process"
    )


def timed(mode: str, path: Path, articles: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), str(articles)],
        check=True,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def report_scale(path: Path, sizes: Sequence[int], label: str) -> None:
    print(f"\n{label}: claimkit.corpus.event_disputes over JSON Lines, one process each")
    print(
        "  claims     decode s  disputes s  step s  claims/s(step)  peak MB (decode)"
        "  largest event  disputes"
    )
    for claims in sizes:
        articles = claims // CLAIMS_PER_ARTICLE
        decode = timed("decode", path, articles)
        full = timed("disputes", path, articles)
        step = full["cpu"] - decode["cpu"]
        print(
            f"  {full['claims']:>9,}  {decode['cpu']:>8.1f}  {full['cpu']:>10.1f}  {step:>6.1f}"
            f"  {full['claims'] / max(step, 1e-9):>14,.0f}  {full['peak_mb']:>7.0f}"
            f" ({decode['peak_mb']:.0f})  {full['largest_event']:>13,}  {full['disputes']:>8,}"
        )


# --- what the blocking joins ------------------------------------------------------------


def _counts(plain: tuple[Any, ...]) -> tuple[Count, ...]:
    return tuple(Count(CountKey(e, c), low, high) for e, c, low, high in plain)


def _pairs(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> int:
    """Pairs of one of ``a`` and one of ``b`` ((article, side) each) of different
    articles and sides: all, less those sharing a side or an article, plus both."""
    sides = collections.Counter(s for _, s in b)
    arts = collections.Counter(x for x, _ in b)
    both = collections.Counter(b)
    return (
        len(a) * len(b)
        - sum(sides[s] for _, s in a)
        - sum(arts[x] for x, _ in a)
        + sum(both[m] for m in a)
    )


def blocked_pairs(
    members: Iterable[tuple[Any, tuple[bool, tuple[Any, ...]], str, str, int]],
) -> tuple[int, int]:
    """Disputing pairs inside blocks: (all, those of one incident). ``members`` are
    (block, signature, article, side, incident); signatures are (deny, counts)."""
    blocks: dict[Any, dict[Any, list[tuple[str, str, int]]]] = {}
    for block, signature, article, side, incident in members:
        blocks.setdefault(block, {}).setdefault(signature, []).append((article, side, incident))
    total = same = 0
    for groups in blocks.values():
        signatures = sorted(groups, key=repr)
        counts = {s: _counts(s[1]) for s in signatures}
        for i, one in enumerate(signatures):
            for other in signatures[i + 1 :]:
                if disagreement(one[0], counts[one], other[0], counts[other]) is None:
                    continue
                a, b = groups[one], groups[other]
                total += _pairs([(x, s) for x, s, _ in a], [(x, s) for x, s, _ in b])
                by_incident = collections.defaultdict(list)
                for x, s, n in b:
                    by_incident[n].append((x, s))
                mine = collections.defaultdict(list)
                for x, s, n in a:
                    mine[n].append((x, s))
                same += sum(_pairs(m, by_incident[n]) for n, m in mine.items() if n in by_incident)
    return total, same


def report_blocking(claims: int, sample: int) -> None:
    print(f"\nskewed corpus ({claims:,} claims, one incident in half the articles), in process:")
    sides = Sides()
    records: list[tuple[ClaimRecord, int]] = []
    start = time.process_time()
    for article, incident in build_corpus(claims, hot=0.5):
        for keys in speaker_keys(article).values():
            sides.add(keys)
        records += ((r, incident.number) for r in claim_records(article))
    took = time.process_time() - start
    print(f"  {len(records):,} claims about an event ({took:.0f} s to build)")

    def side(record: ClaimRecord) -> str:
        return sides.side(record.keys, record.article)

    def members(block_of: Any) -> Iterator[tuple[Any, Any, str, str, int]]:
        for r, n in records:
            yield block_of(r), (r.deny, r.counts), r.article, side(r), n

    # The truth: blocks that are the incidents themselves.
    truth, _ = blocked_pairs((n, (r.deny, r.counts), r.article, side(r), n) for r, n in records)
    rows = (
        ("event kind and week (the old blocking)", lambda r: (r.event[0], r.event[3])),
        ("event key (kind, place, actors, period)", lambda r: r.event),
    )
    print(f"  disputing pairs between claims of one incident (the truth): {truth:,}")
    for label, block_of in rows:
        total, same = blocked_pairs(members(block_of))
        other = total - same
        print(
            f"  {label}: {total:,} pairs, {other / max(total, 1):.1%} join different"
            f" incidents; finds {same / max(truth, 1):.1%} of the truth's pairs"
        )
        # The hot incident's own pairs are most pairs: the rest of the corpus alone.
        rest, rest_same = blocked_pairs(m for m in members(block_of) if m[4] != -1)
        print(
            f"    without the hot incident's claims: {rest:,} pairs,"
            f" {(rest - rest_same) / max(rest, 1):.1%} join different incidents"
        )
    hot_key = max(collections.Counter(r.event for r, _ in records).items(), key=lambda kv: kv[1])[0]
    hot = [r for r, _ in records if r.event == hot_key]
    start = time.process_time()
    dispute = dispute_of_event(hot_key, hot, side)
    took = time.process_time() - start
    assert dispute is not None
    print(
        f"  the hot event: {len(hot):,} claims, {len(dispute.positions)} positions,"
        f" {len(dispute.conflicts)} conflicts, {dispute.disputing_pairs:,} disputing pairs,"
        f" found in {took:.2f} s"
    )
    chosen = random.Random(7).sample(hot, min(sample, len(hot)))
    reference = set()
    refs = [
        PositionClaim(article=r.article, claim=r.claim, source=r.source, side=side(r))
        for r in chosen
    ]
    counts = [_counts(r.counts) for r in chosen]
    for i, j in itertools.combinations(range(len(chosen)), 2):
        x, y = refs[i], refs[j]
        if x.article == y.article or x.side == y.side:
            continue
        if disagreement(chosen[i].deny, counts[i], chosen[j].deny, counts[j]) is not None:
            a, b = (x.article, x.claim), (y.article, y.claim)
            reference.add((a, b) if a < b else (b, a))
    sampled = dispute_of_event(hot_key, chosen, side)
    derived = set(sampled.pairs()) if sampled is not None else set()
    print(
        f"  on {len(chosen):,} of its claims, every pair checked: {len(reference):,} disputing"
        f" pairs, {len(reference & derived) / max(len(reference), 1):.1%} derivable from the"
        f" positions ({len(derived - reference)} derived that do not dispute)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--claims", default="250000,500000,1000000", help="sizes, comma-separated")
    parser.add_argument("--skewed", type=int, default=1_000_000, help="claims of the hot corpus")
    parser.add_argument(
        "--analysis", type=int, default=200_000, help="claims of the blocking comparison"
    )
    parser.add_argument("--sample", type=int, default=2000, help="hot claims checked pairwise")
    parser.add_argument(
        "--dask", type=int, default=200_000, help="claims of the Dask comparison (0: none)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the Dask comparison")
    parser.add_argument("--dir", help="where the corpora are written (default: temp)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, path, articles = args.child
        if mode in ("stream", "dask1", "dask2"):
            parallel_child(mode, Path(path))
        else:
            child(mode, Path(path), int(articles))
        return 0
    sizes = sorted(int(size) for size in args.claims.split(","))
    print(
        f"claimkit {claimkit.__version__}, Python {platform.python_version()},"
        f" {platform.machine()}; CPU seconds of one process"
    )
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "corpus.jsonl"
        start = time.process_time()
        articles = write_corpus(path, max(sizes))
        print(
            f"scale corpus: {articles:,} articles, {path.stat().st_size / 1e6:,.0f} MB"
            f" ({time.process_time() - start:.0f} s to write)"
        )
        report_scale(path, sizes, "scale (the weeks grow with the corpus)")
        path.unlink()
        if args.skewed:
            hot = Path(folder) / "hot.jsonl"
            write_corpus(hot, args.skewed, hot=0.5)
            report_scale(hot, [args.skewed], "skewed (one incident in half the articles)")
            hot.unlink()
    if args.dask:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            report_parallel(args.dask, Path(folder), args.rounds)
    if args.analysis:
        report_blocking(args.analysis, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
