"""Serializer benchmark: claimkit against msgspec Structs and orjson.

Builds a synthetic corpus (by default 10,000 articles of about 2,000
characters, 4 actors, 8 claims and 2 disputes each, with quantities and times
on some claims; deterministic from a seed) and times, in one run:

* decode + validate of the corpus as JSON Lines bytes: claimkit
  ``from_json`` per line and ``iter_jsonl`` over an in-memory stream, against
  msgspec decoding the same bytes into :class:`msgspec.Struct` twins of the
  model (same fields, nesting and types, unknown fields forbidden) with a
  reused decoder; the cattrs reference path is shown for information;
* encode: claimkit ``to_json`` per article, against ``orjson.dumps`` of the
  equivalent plain dicts (the ``to_dict`` output) and msgspec encoding of the
  Struct twins.

How it measures, so that the ratios compare like with like:

* while a decoder is timed only its input bytes are alive: the corpus is
  dropped before, and every result is dropped and collected
  (``gc.collect()``) outside the timed region;
* the contenders are interleaved (A, B, C, then C, B, A, ...) and each is
  given its best CPU time (``time.process_time``) of ``--repeat`` rounds;
* the cyclic garbage collector is set alike for every contender: the whole
  table runs once with it enabled, once with it paused (``gc.disable()``
  around every timed call), and says which.

``--big-jsonl GB`` also writes a JSON Lines file of that size and reads it
with ``iter_jsonl`` in a fresh process, printing its throughput and peak
resident memory (bounded: the file is streamed, never held).

Run: ``python benchmarks/serialize.py [--articles N] [--repeat R] [--seed S]
[--big-jsonl GB]``
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gc
import io
import operator
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

import attrs
import msgspec
import orjson

import claimkit
from claimkit.model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    ExtractorInfo,
    Hedge,
    Id,
    Mode,
    Polarity,
    Position,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)
from claimkit.serialize import from_dict, from_json, iter_jsonl, to_dict, to_json

#: Targets: decode + validate within 2x of msgspec, encode within 1.5x of orjson.
DECODE_TARGET = 2.0
ENCODE_TARGET = 1.5

# --- msgspec Struct twins of the model: same fields, same order, same types ------------


class SpanTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    start: int
    end: int


class ExcerptTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    text: str
    span: SpanTwin


class QuantityTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    text: str
    span: SpanTwin
    hedge: Hedge
    low: float | None = None
    high: float | None = None
    counted: str | None = None
    event: str | None = None


class TimeRefTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    text: str
    span: SpanTwin
    precision: TimePrecision
    start: datetime.date | None = None
    end: datetime.date | None = None


class ActorTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: Id | None = None
    mentions: tuple[SpanTwin, ...] = ()
    id: Id = ""


class ExtractorInfoTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    name: str
    version: str
    rule: str | None = None


class ClaimTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    speaker: Id
    cue: ExcerptTwin
    content: ExcerptTwin
    mode: Mode = Mode.INDIRECT
    polarity: Polarity = Polarity.ASSERT
    hedged: bool = False
    when: TimeRefTwin | None = None
    quantities: tuple[QuantityTwin, ...] = ()
    confidence: float | None = None
    extractor: ExtractorInfoTwin | None = None
    id: Id = ""


class PositionTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    claim: Id
    stance: Stance
    account: int | None = None


class DisputeTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    kind: DisputeKind
    point: str
    positions: tuple[PositionTwin, ...]
    reason: str | None = None
    note: str | None = None
    id: Id = ""


class ArticleTwin(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    text: str
    published: datetime.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    actors: tuple[ActorTwin, ...] = ()
    claims: tuple[ClaimTwin, ...] = ()
    disputes: tuple[DisputeTwin, ...] = ()
    format_version: int = 1
    id: Id = ""


#: Each model class and its twin.
TWINS: tuple[tuple[type, type[msgspec.Struct]], ...] = (
    (Span, SpanTwin),
    (Excerpt, ExcerptTwin),
    (Quantity, QuantityTwin),
    (TimeRef, TimeRefTwin),
    (Actor, ActorTwin),
    (ExtractorInfo, ExtractorInfoTwin),
    (Claim, ClaimTwin),
    (Position, PositionTwin),
    (Dispute, DisputeTwin),
    (Article, ArticleTwin),
)


def bare_attrs_twins() -> type:
    """Frozen attrs look-alikes of the Struct twins with no checks at all.

    msgspec decoding into them is the floor for any decoder that builds attrs
    objects: what is left between it and the 2x target is all the time there
    is for validation.
    """
    made: dict[Any, Any] = {}

    def swap(annotation: Any) -> Any:
        if annotation in made:
            return made[annotation]
        origin = typing.get_origin(annotation)
        if origin is tuple:
            return tuple[swap(typing.get_args(annotation)[0]), ...]  # type: ignore[misc]
        if origin is typing.Union or origin is types.UnionType:
            return functools.reduce(operator.or_, map(swap, typing.get_args(annotation)))
        return annotation

    for _, twin in TWINS:  # leaves first
        hints = typing.get_type_hints(twin, include_extras=True)
        fields = {
            field.name: attrs.field(
                type=swap(hints[field.name]),
                default=attrs.NOTHING if field.default is msgspec.NODEFAULT else field.default,
            )
            for field in msgspec.structs.fields(twin)
        }
        name = twin.__name__.replace("Twin", "Bare")
        made[twin] = attrs.make_class(name, fields, frozen=True, kw_only=True, slots=True)
    return cast(type, made[ArticleTwin])


# --- the synthetic corpus ---------------------------------------------------------------

_ACTORS: tuple[tuple[str, ActorKind, tuple[str, ...], str | None], ...] = (
    ("Ministry of Defence", ActorKind.GOVERNMENT, ("the ministry",), None),
    ("Sana Haddad", ActorKind.PERSON, ("Haddad",), "spokeswoman"),
    ("Northern Brigade", ActorKind.ARMED_GROUP, ("the brigade",), None),
    ("State News Agency", ActorKind.MEDIA, ("the agency",), None),
    ("Red Crescent", ActorKind.INTERNATIONAL_ORG, (), None),
    ("Omar Said", ActorKind.PERSON, ("Said",), "commander"),
    ("General Staff", ActorKind.MILITARY, (), None),
    ("Elena Petrova", ActorKind.PERSON, ("Petrova",), "mayor"),
    ("Coastal Front", ActorKind.ARMED_GROUP, (), None),
    ("Relief Coalition", ActorKind.ORGANIZATION, ("the coalition",), None),
    ("an official", ActorKind.ANONYMOUS, (), None),
    ("Interior Ministry", ActorKind.GOVERNMENT, (), "press office"),
)
_PLACES = ("Al-Qusayr", "Tell Rifaat", "the northern road", "Marea", "the river crossing")
_COUNTED = ("soldiers", "fighters", "civilians", "vehicles", "settlements", "drones")
_EVENTS = ("killed", "captured", "destroyed", "wounded", "seized")
_FILLER = (
    "The fighting has displaced thousands of families over the past month.",
    "Aid convoys were unable to reach the area for a third consecutive day.",
    "Residents described hearing artillery fire through most of the night.",
    "Independent verification of the figures was not immediately possible.",
    "Diplomats in the capital called for an immediate halt to the hostilities.",
    "Satellite images published earlier showed damage to several buildings.",
    "The road linking the two towns has been closed since the weekend.",
    "Talks between the parties are expected to resume later this week.",
)
_TEXT_SIZE = 2000


class _Writer:
    """Appends text and remembers where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> Span:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return Span(start=start, end=self.size)

    def excerpt(self, piece: str) -> Excerpt:
        return Excerpt(text=piece, span=self.add(piece))

    def text(self) -> str:
        return "".join(self.parts)


def _quantity(rng: random.Random, w: _Writer, k: int) -> Quantity:
    n = rng.randrange(2, 90)
    hedge = (Hedge.EXACT, Hedge.UP_TO, Hedge.AT_LEAST, Hedge.APPROXIMATE, Hedge.VAGUE)[k % 5]
    low: float | None
    high: float | None
    if hedge is Hedge.EXACT:
        words, low, high = f"{n}", float(n), float(n)
    elif hedge is Hedge.UP_TO:
        words, low, high = f"up to {n}", None, float(n)
    elif hedge is Hedge.AT_LEAST:
        words, low, high = f"at least {n}", float(n), None
    elif hedge is Hedge.APPROXIMATE:
        words, low, high = f"about {n * 10}", n * 9.0, n * 11.0
    else:
        words, low, high = "hundreds of", 200.0, None
    span = w.add(words)
    return Quantity(
        text=words,
        span=span,
        hedge=hedge,
        low=low,
        high=high,
        counted=rng.choice(_COUNTED),
        event=rng.choice(_EVENTS),
    )


def _time(rng: random.Random, w: _Writer, day: datetime.date, k: int) -> TimeRef:
    if k % 3 == 0:
        words = f"on {day:%d %B}"
        return TimeRef(
            text=words, span=w.add(words), precision=TimePrecision.DAY, start=day, end=day
        )
    if k % 3 == 1:
        first = day - datetime.timedelta(days=rng.randrange(1, 4))
        words = f"between {first:%d %B} and {day:%d %B}"
        return TimeRef(
            text=words, span=w.add(words), precision=TimePrecision.RANGE, start=first, end=day
        )
    words = "recently"
    return TimeRef(text=words, span=w.add(words), precision=TimePrecision.UNRESOLVED)


def build_article(rng: random.Random, number: int) -> Article:
    """One valid article with 4 actors, 8 claims and 2 disputes."""
    published = datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 700)
    picks = rng.sample(_ACTORS, 4)
    mentions: list[list[Span]] = [[] for _ in picks]
    actors: list[Actor] = []
    for a, (name, kind, aliases, role) in enumerate(picks):
        affiliation = actors[0].id if a == 1 else None
        actors.append(
            Actor(name=name, kind=kind, aliases=aliases, role=role, affiliation=affiliation)
        )
    w = _Writer()
    w.add(f"Report {number}. ")
    claims: list[Claim] = []
    for k in range(8):
        a = k % 4
        name, _, aliases, _ = picks[a]
        said = name if (k < 4 or not aliases) else aliases[0]
        mode = (Mode.INDIRECT, Mode.DIRECT, Mode.ACCORDING_TO)[k % 3]
        polarity = Polarity.DENY if k == 1 else Polarity.ASSERT
        quantities: list[Quantity] = []
        when: TimeRef | None = None
        verb = "denied" if polarity is Polarity.DENY else "said"
        if mode is Mode.ACCORDING_TO:
            cstart = w.size
            quantities.append(_quantity(rng, w, k))
            w.add(f" {rng.choice(_COUNTED)} were {rng.choice(_EVENTS)} near {rng.choice(_PLACES)}")
            content = Excerpt(text=w.text()[cstart:], span=Span(start=cstart, end=w.size))
            w.add(", ")
            cue = w.excerpt("according to")
            w.add(" ")
            mentions[a].append(w.add(said))
            w.add(". ")
        else:
            mentions[a].append(w.add(said))
            w.add(" ")
            cue = w.excerpt(verb)
            if k % 2 == 0:
                w.add(" ")
                when = _time(rng, w, published, k)
            w.add(': "' if mode is Mode.DIRECT else " that ")
            place = rng.choice(_PLACES)
            if k % 2 == 0:
                cstart = w.size
                w.add("forces lost ")
                quantities.append(_quantity(rng, w, k))
                w.add(f" {rng.choice(_COUNTED)} near {place}")
                content = Excerpt(text=w.text()[cstart:], span=Span(start=cstart, end=w.size))
            else:
                content = w.excerpt(f"its units had withdrawn from {place} in good order")
            w.add('." ' if mode is Mode.DIRECT else ". ")
        w.add(rng.choice(_FILLER) + " ")
        claims.append(
            Claim(
                speaker=actors[a].id,
                cue=cue,
                content=content,
                mode=mode,
                polarity=polarity,
                hedged=k % 4 == 3,
                when=when,
                quantities=tuple(quantities),
                confidence=None if k % 4 == 2 else round(rng.uniform(0.5, 1.0), 3),
                extractor=ExtractorInfo(name="rules", version="0.1") if k % 2 else None,
            )
        )
    while w.size < _TEXT_SIZE - 80:
        w.add(rng.choice(_FILLER) + " ")
    text = w.text()
    actors = [attrs.evolve(actor, mentions=tuple(mentions[a])) for a, actor in enumerate(actors)]
    disputes = (
        Dispute(
            kind=DisputeKind.DENIAL,
            point="whether the units withdrew",
            positions=(
                Position(claim=claims[0].id, stance=Stance.AFFIRMS),
                Position(claim=claims[1].id, stance=Stance.DENIES),
            ),
            reason="one side denies what the other asserts",
        ),
        Dispute(
            kind=DisputeKind.NUMERIC,
            point="how many were lost",
            positions=(
                Position(claim=claims[2].id, stance=Stance.OTHER),
                Position(claim=claims[4].id, stance=Stance.OTHER),
                Position(claim=claims[3].id, stance=Stance.OTHER),
            ),
            note=None if number % 2 else "figures differ",
        ),
    )
    return Article(
        text=text,
        published=published,
        title=f"Report {number}",
        source="Synthetic Wire",
        url=f"https://example.org/news/{number}",
        actors=tuple(actors),
        claims=tuple(claims),
        disputes=disputes,
    )


def build_corpus(articles: int, seed: int = 20240101) -> list[Article]:
    """``articles`` valid articles, the same for the same seed."""
    rng = random.Random(seed)
    return [build_article(rng, number) for number in range(articles)]


def to_jsonl(corpus: Sequence[Article]) -> bytes:
    """The corpus as JSON Lines bytes, one document a line."""
    return b"".join(to_json(article) + b"\n" for article in corpus)


# --- timing ---------------------------------------------------------------------------


def _timed(fn: Callable[[], object], *, gc_paused: bool) -> float:
    """CPU seconds of one call; the result is dropped and collected outside the timing."""
    gc.collect()
    if gc_paused:
        gc.disable()
    try:
        start = time.process_time()
        result = fn()
        elapsed = time.process_time() - start
    finally:
        if gc_paused:
            gc.enable()
    del result
    gc.collect()
    return elapsed


def interleaved_best(
    runs: dict[str, Callable[[], object]], repeat: int, *, gc_paused: bool
) -> dict[str, float]:
    """The best CPU time of each contender over ``repeat`` interleaved rounds.

    Each round calls every contender once, in reverse order every other round,
    so that drift in the machine's load falls on all of them alike.
    """
    best = dict.fromkeys(runs, float("inf"))
    labels = list(runs)
    for round_number in range(repeat):
        for label in labels if round_number % 2 == 0 else reversed(labels):
            best[label] = min(best[label], _timed(runs[label], gc_paused=gc_paused))
    return best


MSGSPEC_DECODE = "decode: msgspec Struct twins"
MSGSPEC_ENCODE = "encode: msgspec Struct twins"
ORJSON_ENCODE = "encode: orjson.dumps plain dicts"


def _reversed_keys(value: Any) -> Any:
    """``value`` with the keys of every object in reverse order."""
    if isinstance(value, dict):
        return {key: _reversed_keys(value[key]) for key in reversed(value)}
    if isinstance(value, list):
        return [_reversed_keys(item) for item in value]
    return value


def decoders(
    lines: list[bytes], blob: bytes, *, reference: bool
) -> dict[str, Callable[[], object]]:
    """The decode contenders; each closes over the input bytes only."""
    twin = msgspec.json.Decoder(ArticleTwin)
    bare: msgspec.json.Decoder[Any] = msgspec.json.Decoder(bare_attrs_twins())
    # The same documents with their keys in another order: not what to_json writes,
    # so from_json checks their keys and numbers one by one.
    reordered = [orjson.dumps(_reversed_keys(orjson.loads(line))) for line in lines]
    runs: dict[str, Callable[[], object]] = {
        "decode: claimkit from_json per line": lambda: [from_json(line) for line in lines],
        "decode: claimkit iter_jsonl (BytesIO)": lambda: list(iter_jsonl(io.BytesIO(blob))),
        "decode: claimkit from_json, keys reordered": lambda: [
            from_json(line) for line in reordered
        ],
        MSGSPEC_DECODE: lambda: [twin.decode(line) for line in lines],
        "decode: msgspec into attrs, no checks": lambda: [bare.decode(line) for line in lines],
    }
    if reference:
        runs["decode: cattrs from_dict(orjson.loads)"] = lambda: [
            from_dict(orjson.loads(line)) for line in lines
        ]
    return runs


def encoders(corpus: Sequence[Article]) -> dict[str, Callable[[], object]]:
    """The encode contenders; their inputs (objects, dicts, twins) are alive alike."""
    dicts = [to_dict(article) for article in corpus]
    twin = msgspec.json.Decoder(ArticleTwin)
    twins = [twin.decode(to_json(article)) for article in corpus]
    encoder = msgspec.json.Encoder()
    return {
        "encode: claimkit to_json": lambda: [to_json(article) for article in corpus],
        ORJSON_ENCODE: lambda: [orjson.dumps(d) for d in dicts],
        MSGSPEC_ENCODE: lambda: [encoder.encode(t) for t in twins],
    }


def _gc_state(gc_paused: bool) -> str:
    return "PAUSED (gc.disable() around each timed call)" if gc_paused else "ENABLED"


def report(
    times: dict[str, float], baseline: str, target: float | None, *, gc_paused: bool
) -> dict[str, float]:
    """Print each time and its ratio to ``baseline``; return the ratios."""
    ratios: dict[str, float] = {}
    for label, seconds in times.items():
        ratio = seconds / times[baseline]
        ratios[label] = ratio
        verdict = ""
        if target is not None and label.startswith(("decode: claimkit", "encode: claimkit")):
            verdict = f"  (target <= {target:.1f} x: {'met' if ratio <= target else 'MISSED'})"
        print(f"  {label:<42} {seconds:8.3f} s {ratio:7.2f} x{verdict}", flush=True)
    state = "paused" if gc_paused else "enabled"
    print(f"  (ratios vs {baseline[baseline.index(':') + 2 :]}, GC {state} for every contender)")
    return ratios


# --- the big file -------------------------------------------------------------------------


def write_big_jsonl(path: Path, size: int, lines: Sequence[bytes]) -> int:
    """Write ``lines`` again and again until ``path`` holds ``size`` bytes; return the size."""
    written = 0
    with path.open("wb") as out:
        while written < size:
            for line in lines:
                out.write(line + b"\n")
                written += len(line) + 1
                if written >= size:
                    break
    return written


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM when there is one: ``ru_maxrss`` keeps the peak of the
    process that forked this one, here the parent that built the corpus.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for row in status:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024  # in kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def read_big_jsonl(path: Path) -> int:
    """Read ``path`` with ``iter_jsonl`` (GC enabled) and print throughput and peak memory."""
    size = path.stat().st_size
    before = _peak_rss_mb()
    start = time.process_time()
    count = 0
    with path.open("rb") as stream:
        for _ in iter_jsonl(stream, source=str(path)):
            count += 1
    elapsed = time.process_time() - start
    print(
        f"  read {count} articles, {size / 1e9:.2f} GB, in {elapsed:.1f} s CPU:"
        f" {size / 1e6 / elapsed:.1f} MB/s, {count / elapsed:,.0f} articles/s"
    )
    print(f"  peak RSS {_peak_rss_mb():.0f} MB (after imports, before reading: {before:.0f} MB)")
    return count


def big_jsonl(gigabytes: float, lines: Sequence[bytes], directory: str | None) -> None:
    """Write a file of ``gigabytes`` from ``lines`` and read it in a fresh process."""
    with tempfile.TemporaryDirectory(dir=directory) as folder:
        path = Path(folder) / "big.jsonl"
        written = write_big_jsonl(path, int(gigabytes * 1e9), lines)
        print(f"\niter_jsonl over a {written / 1e9:.2f} GB file, read in a fresh process:")
        subprocess.run(
            [sys.executable, __file__, "--read-jsonl", str(path)], check=True, timeout=7200
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size")
    parser.add_argument("--repeat", type=int, default=5, help="best of this many rounds")
    parser.add_argument("--seed", type=int, default=20240101, help="corpus seed")
    parser.add_argument(
        "--no-reference", action="store_true", help="leave out the (slow) cattrs path"
    )
    parser.add_argument(
        "--big-jsonl", type=float, metavar="GB", help="also read a JSON Lines file of GB gigabytes"
    )
    parser.add_argument("--big-dir", help="where to write the big file (default: the temp dir)")
    parser.add_argument("--read-jsonl", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.read_jsonl is not None:
        read_big_jsonl(args.read_jsonl)
        return 0
    corpus = build_corpus(args.articles, args.seed)
    blob = to_jsonl(corpus)
    lines = blob.splitlines()
    if from_json(lines[0]) != corpus[0]:
        raise SystemExit("claimkit does not read back the first article")
    print(
        f"claimkit {claimkit.__version__}, msgspec {msgspec.__version__},"
        f" orjson {orjson.__version__}, Python {platform.python_version()}"
    )
    print(f"{len(corpus)} articles, {len(blob) / 1e6:.1f} MB of JSON Lines, seed {args.seed}")
    print(f"Best CPU time of {args.repeat} interleaved rounds; only the input bytes alive.")
    del corpus  # while decoding, only the input bytes are alive
    decode_runs = decoders(lines, blob, reference=not args.no_reference)
    for gc_paused in (False, True):
        print(f"\ndecode + validate, cyclic GC {_gc_state(gc_paused)}")
        times = interleaved_best(decode_runs, args.repeat, gc_paused=gc_paused)
        report(times, MSGSPEC_DECODE, DECODE_TARGET, gc_paused=gc_paused)
    del decode_runs
    encode_runs = encoders([from_json(line) for line in lines])
    for gc_paused in (False, True):
        print(f"\nencode, cyclic GC {_gc_state(gc_paused)}")
        times = interleaved_best(encode_runs, args.repeat, gc_paused=gc_paused)
        report(times, ORJSON_ENCODE, ENCODE_TARGET, gc_paused=gc_paused)
    del encode_runs
    if args.big_jsonl:
        big_jsonl(args.big_jsonl, lines[:1000], args.big_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
