"""Serializer benchmark: claimkit against msgspec Structs and orjson.

Builds a synthetic corpus (by default 10,000 articles of about 2,000
characters, 4 actors, 8 claims and 2 disputes each, with quantities and times
on some claims; deterministic from a seed) and times, best of R, in one run:

* decode + validate of the corpus as JSON Lines bytes: claimkit
  ``from_json`` per line and ``iter_jsonl`` over an in-memory stream, against
  msgspec decoding the same bytes into :class:`msgspec.Struct` twins of the
  model (same fields, nesting and types, unknown fields forbidden) with a
  reused decoder; the cattrs reference path is shown for information;
* encode: claimkit ``to_json`` per article, against ``orjson.dumps`` of the
  equivalent plain dicts (the ``to_dict`` output) and msgspec encoding of the
  Struct twins.

The whole table runs twice: once with the cyclic garbage collector enabled,
once with it paused (``gc.disable()`` in ``try/finally``) around every timed
call, for every contender alike.

Run: ``python benchmarks/serialize.py [--articles N] [--repeat R] [--seed S]``
"""

from __future__ import annotations

import argparse
import datetime
import gc
import io
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence

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


# --- timing -----------------------------------------------------------------------------


def best_of(fn: Callable[[], object], repeat: int, *, gc_paused: bool) -> float:
    """The best wall time of ``repeat`` calls; the result is dropped outside the timing."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if gc_paused:
            gc.disable()
        try:
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
        finally:
            if gc_paused:
                gc.enable()
        del result
        best = min(best, elapsed)
    return best


def contenders(corpus: Sequence[Article]) -> dict[str, Callable[[], object]]:
    blob = to_jsonl(corpus)
    lines = blob.splitlines()
    dicts = [to_dict(article) for article in corpus]
    decoder = msgspec.json.Decoder(ArticleTwin)
    twins = [decoder.decode(line) for line in lines]
    encoder = msgspec.json.Encoder()
    if from_json(lines[0]) != corpus[0]:
        raise SystemExit("claimkit does not read back the first article")
    return {
        "decode: claimkit from_json per line": lambda: [from_json(line) for line in lines],
        "decode: claimkit iter_jsonl (BytesIO)": lambda: list(iter_jsonl(io.BytesIO(blob))),
        "decode: msgspec Struct twins": lambda: [decoder.decode(line) for line in lines],
        "decode: cattrs from_dict(orjson.loads)": lambda: [
            from_dict(orjson.loads(line)) for line in lines
        ],
        "encode: claimkit to_json": lambda: [to_json(article) for article in corpus],
        "encode: orjson.dumps plain dicts": lambda: [orjson.dumps(d) for d in dicts],
        "encode: msgspec Struct twins": lambda: [encoder.encode(t) for t in twins],
    }


def run_table(
    runs: dict[str, Callable[[], object]], repeat: int, *, gc_paused: bool
) -> dict[str, float]:
    state = "PAUSED (gc.disable() around each timed call)" if gc_paused else "ENABLED"
    print(f"\ncyclic GC {state}; best of {repeat}")
    times: dict[str, float] = {}
    for label, fn in runs.items():
        times[label] = best_of(fn, repeat, gc_paused=gc_paused)
        print(f"  {label:<42} {times[label]:8.3f} s", flush=True)
    msgspec_decode = times["decode: msgspec Struct twins"]
    orjson_encode = times["encode: orjson.dumps plain dicts"]
    decode_ck = times["decode: claimkit from_json per line"]
    decode_iter = times["decode: claimkit iter_jsonl (BytesIO)"]
    encode_ck = times["encode: claimkit to_json"]
    rows: list[tuple[str, float, float]] = [
        ("decode from_json / msgspec", decode_ck / msgspec_decode, DECODE_TARGET),
        ("decode iter_jsonl / msgspec", decode_iter / msgspec_decode, DECODE_TARGET),
        ("encode to_json / orjson", encode_ck / orjson_encode, ENCODE_TARGET),
    ]
    for label, ratio, target in rows:
        verdict = "met" if ratio <= target else "MISSED"
        print(f"  {label:<42} {ratio:8.2f} x  (target <= {target:.1f} x: {verdict})")
    info = times["decode: cattrs from_dict(orjson.loads)"] / msgspec_decode
    print(f"  {'(info) cattrs path / msgspec':<42} {info:8.2f} x")
    info = times["encode: msgspec Struct twins"] / orjson_encode
    print(f"  {'(info) msgspec encode / orjson':<42} {info:8.2f} x")
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=20240101, help="corpus seed")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.articles, args.seed)
    runs = contenders(corpus)
    size = sum(len(to_json(a)) + 1 for a in corpus)
    print(
        f"claimkit {claimkit.__version__}, msgspec {msgspec.__version__},"
        f" orjson {orjson.__version__}, Python {platform.python_version()}"
    )
    print(f"{len(corpus)} articles, {size / 1e6:.1f} MB of JSON Lines, seed {args.seed}")
    print("Every contender runs in this process under the same GC setting.")
    for gc_paused in (False, True):
        run_table(runs, args.repeat, gc_paused=gc_paused)
    return 0


if __name__ == "__main__":
    sys.exit(main())
