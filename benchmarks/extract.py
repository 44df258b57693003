"""Extraction benchmark: claimkit.extract against the claimkit of a git commit, and linear time.

Part 1, throughput: how much faster is the working tree's ``claimkit.extract`` than
the claimkit of a given commit (the baseline, ``--baseline REV``, default ``62ba029``)
on the same fresh texts?

* The corpus: N articles (default 2,000), all different, built deterministically
  (``--seed``) from the sentences of ``gold/*.txt`` and ``seeds/*.txt`` (read with
  :func:`claimkit.readers.read_text_file`). Each article takes a headline and
  paragraphs of one source, then of others when it must be longer; the sentences of
  each paragraph are shuffled (never inside a quotation), and its names, places,
  countries, weekdays, numbers and number words are swapped, consistently within the
  article, for others drawn from the lists below. Lengths fall in three bands of a
  third each: short (< 800 characters), medium (800 to 2,500) and long (> 2,500).
  No two articles are equal (checked).
* The contenders: the working tree's ``src`` and the baseline's ``src``, extracted
  with ``git archive REV src`` into a temporary directory. Each runs in its own
  long-lived child process (``sys.executable`` with ``PYTHONPATH`` set to that
  ``src`` only and ``PYTHONHASHSEED=0``), so the two copies never share an
  interpreter; each child checks that it imported claimkit from the ``src`` it was
  given.
* The measurement: R rounds (``--repeat``, default 3). In each round, for each band,
  every contender first clears claimkit's ``functools`` caches and re-warms them on 30
  other articles (so that the texts are as fresh to it in every round as in the
  first); then the parent sends the band's texts, with their publication dates, in
  chunks of about 200,000 characters, each chunk to every contender in turn (A, B,
  then B, A for the next chunk, ...), so that a drift in the machine's load falls on
  both alike. A child runs ``gc.collect()``, then times
  ``[claimkit.extract(text, published=date) ...]`` over the chunk in CPU seconds
  (:func:`time.process_time`), with the cyclic GC enabled as in normal use for both,
  and drops the results after the timer stops. A band's time in a round is the sum
  of its chunks; best of R per contender per band. Printed per band and overall:
  articles and characters, articles/s of each contender, the speed-up (current /
  baseline, from the best rounds), and the median and range of the rounds' own ratios
  (each round times both contenders on the same chunks at nearly the same time, so
  these say how far the machine's noise moves the ratio).
* The spaCy floor, when spaCy is installed (the ``bench`` extra) and not
  ``--no-spacy``: a third child, timed in the same rounds on the same chunks, runs
  ``spacy.blank("en")`` with only the rule-based ``sentencizer`` (made afresh at each
  reset) through ``nlp.pipe``: tokenization and sentence boundaries only, a
  floor that any spaCy pipeline can only be slower than. Target: the current
  claimkit's rate at least a quarter of the floor's (ratio >= 0.25) over the corpus.

Part 2, linear time. ``claimkit.extract`` on adversarial inputs of 0.25, 0.5
and 1 MB (runs of capitals, quotation marks, digits, cue words without full
stops, "according to", nested parentheses, commas, abbreviations, ...), each
framed as one sentence ("The ministry said ... .") so that it is read as prose.
Target: every 1 MB input under 1 s, and about 2x time per doubling of size.
Each timing runs in a child process with a time limit; an input that exceeds
it at 0.25 MB is timed instead at 16, 32 and 64 kB to show how it grows.

Run: ``python benchmarks/extract.py [--articles N] [--repeat R] [--baseline REV]
[--seed S] [--no-spacy] [--limit S] [--part 1|2]``
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib
import importlib.util
import io
import itertools
import multiprocessing
import os
import pickle
import platform
import random
import re
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple

import claimkit

if TYPE_CHECKING:
    from claimkit.readers import SourceText

ROOT = Path(__file__).resolve().parent.parent

#: claimkit's rate must be at least this fraction of the spaCy floor's rate.
RATE_TARGET = 0.25
#: Every 1 MB adversarial input must be extracted within this many seconds.
SECONDS_TARGET = 1.0
#: A doubling of the input may cost at most this factor in time to count as linear.
GROWTH_TARGET = 2.5

MB = 1_000_000
SIZES = (MB // 4, MB // 2, MB)
SMALL_SIZES = (16_000, 32_000, 64_000)
_PREFIX = "The ministry said "

#: The commit whose claimkit is the baseline unless ``--baseline`` names another.
DEFAULT_BASELINE: Final = "62ba029"
#: Each band's texts are sent to the contenders in chunks of about this many characters,
#: every chunk to each contender in turn, so that a drift in the machine's speed (the
#: load of other processes) falls on all of them alike within one round.
CHUNK_CHARACTERS: Final = 200_000
#: Articles extracted, untimed, after each reset of a contender's caches (at the start of
#: each band in each round): built from a seed of their own, so never in the corpus.
WARMUP_ARTICLES: Final = 30

# --- part 1: throughput -----------------------------------------------------------------


def source_texts(root: Path = ROOT) -> list[SourceText]:
    """The article bodies of the gold set and the seeds, in file order."""
    # Imported here, not at the top: a worker child imports only ``claimkit`` itself, so
    # that a baseline of any age can run it.
    from claimkit.readers import read_text_file

    paths = sorted((root / "gold").glob("*.txt")) + sorted((root / "seeds").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no gold/*.txt or seeds/*.txt under {root}")
    return [read_text_file(str(path)) for path in paths]


# Named tuples, not dataclasses: scripts/extraction_snapshot.py loads this file as a
# module that is not in sys.modules, where dataclasses cannot resolve annotations.
class Band(NamedTuple):
    """Articles of at least ``low`` and fewer than ``high`` characters."""

    name: str
    low: int
    high: int
    #: The lengths aimed at when an article of this band is built.
    aim: tuple[int, int]

    def holds(self, length: int) -> bool:
        return self.low <= length < self.high

    @property
    def label(self) -> str:
        if self.low == 0:
            return f"{self.name} <{self.high}"
        if self.high >= 10**9:
            return f"{self.name} >={self.low}"
        return f"{self.name} {self.low}-{self.high}"


BANDS: Final = (
    Band("short", 0, 800, (350, 799)),
    Band("medium", 800, 2500, (800, 2499)),
    Band("long", 2500, 10**9, (2500, 6000)),
)


def band_of(text: str) -> Band:
    """The length band ``text`` falls in."""
    return next(band for band in BANDS if band.holds(len(text)))


# Names swapped in. A word is swapped out when it is capitalised, never written in lower
# case in the sources, and not in _KEEP: the name of a person, place or organisation.
_GIVEN: Final = """Abena Adama Aisha Akin Alejandro Amara Anders Aneta Arjun Astrid Ayumi
    Baraka Bogdan Camille Chiara Dalia Dariusz Dmitri Edwin Elif Emeka Esther Fatima Femi
    Goran Halima Hamza Ines Ingrid Ivana Jabari Jamal Jorge Kaveh Kofi Lars Leila Lucia
    Mandla Marek Matteo Milica Nadia Nikos Nuno Olga Omar Oren Pavel Priya Rashid Rosa Sami
    Sanjay Selin Sipho Tariq Thabo Tomasz Ulla Valentina Wanjiru Yara Yusuf Zainab Zoran""".split()
_SURNAMES: Final = """Abdi Achebe Adeyemi Alvarez Amadou Andersen Asante Bakary Balogun Bangura
    Barros Bashir Bekele Bianchi Brandt Carvalho Chaudhry Ciobanu Coulibaly Dahl Danso
    Delgado Diallo Dimitrov Dube Eriksen Estrada Farouk Ferreira Gashi Grigoryan Haddad
    Halvorsen Hossain Ibrahim Ilunga Iqbal Jovanovic Juarez Kagame Kamara Karimi Keita
    Kowalski Kuznetsov Lindqvist Lungu Magagula Maina Mbeki Medina Moyo Mwamba Nakamura
    Ndiaye Nguyen Novak Nyambura Obi Okafor Okonkwo Oliveira Omondi Osei-Bonsu Pereira
    Petrovic Popescu Qureshi Rahman Ramos Rezaei Sall Santos Sesay Shevchenko Silva Soto
    Suleiman Tadesse Tembo Toure Traore Uwimana Varga Vasquez Wanjala Yilmaz Zulu""".split()
_PLACES: Final = """Ambato Arlit Bandundu Banfora Batumi Bukavu Calama Chimoio Cuenca Dedza
    Dodoma Elbasan Ferkessedougou Gabes Gulu Haapsalu Hoima Iringa Jinja Kabwe Kandi Kasese
    Kindia Kisumu Kolwezi Korce Labe Lichinga Lodwar Mahajanga Malindi Mansa Mbarara Mopti
    Moundou Mwanza Nampula Ndola Nyeri Olbia Oruro Osijek Pemba Piura Potosi Quelimane
    Sikasso Sokode Sumbe Tabora Tahoua Tamale Tarija Tete Tsumeb Tulcea Uvira Vratsa
    Wa Yendi Zinder Zomba""".split()
#: Countries the sources name, swapped for one another and for these.
_COUNTRIES: Final = """Mali Niger Chad Sudan Kenya Tanzania Zambia Ghana Togo Mozambique Congo
    Peru Bolivia Chile Ecuador Brazil Indonesia Philippines Thailand India Kazakhstan
    Kyrgyzstan Tajikistan Lithuania Belarus Russia Syria Jordan Qatar Romania Macedonia
    Denmark France Germany Portugal Australia Senegal Malawi Uganda Nepal Paraguay Uruguay
    Latvia Estonia Georgia Armenia Moldova Tunisia Cameroon Benin Guinea Namibia Angola
    Colombia Honduras Cambodia Mongolia""".split()
_WEEKDAYS: Final = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS: Final = """January February March April May June July August September October
    November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
_NUMBER_WORDS: Final = "two three four five six seven eight nine ten eleven twelve".split()
#: Capitalised words never written in lower case that are not names to swap: titles,
#: words of organisations' names, demonyms, outlets, parts of countries' names.
_KEEP: Final = frozenset(
    """Adm Administrative Assistant Associated Association Brigadier Cabinet Celsius Center
    Civic Collective Colonel Commandant Community Congress Congresswoman Constitutional
    Coordination Cyber Defense Democratic Detention Diplomatic Exporters Freedoms Industries
    Industry Integrity Justice Labs Liberation Lieutenant Mechanised Monitoring Observatory
    Owners Patriotic Press Presse Rear Regulatory Renewal Republic Resilience Salvation
    Services Shipping Special Superintendent Transmission Universidad Estadio Biosciences
    Energi Hydro Polymer Seaways Agro Processors Situations Demand Track Map Light Land
    Green Grey Ridge Bay Sea Canal Estuary Horizon Guardian Guardianes Star Steppe Ledger
    Activists Divers Everybody God Gunmen Illegal Incumbent Kidnappings Ninety None Somebody
    Survivors Twelve African Andean Asian Australian Belarusian Burkinabe Chadian Chilean
    Czech Danish European Greek Indian Indonesian Kazakh Kenyan Kyrgyz Lankan Lithuanian
    Peruvian Philippine Romanian Russian Sudanese Syrian Tajik Tanzanian Togolese Tuareg
    Tamil Reuters Telegram Sri Lanka Burkina Faso Dar Salaam Los Santa Puerto Africa Asia
    Europe Sahel Baltic""".split()
)
_PLACE_BEFORE: Final = frozenset("in near at from outside to of into across around".split())
_ABBREVIATIONS: Final = frozenset(
    "Mr Mrs Ms Dr Gen Col Lt Sgt Capt Adm Gov Sen Rep St No Jan Feb Aug Sept Oct Nov Dec".split()
)

_WORD: Final = re.compile(r"\b[A-Za-z]+\b")
_CAPITALISED: Final = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER: Final = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")
_AFTER_MONTH: Final = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\.?\s+$")
_DATELINE: Final = re.compile(r"[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*(?=,)")
_SENTENCE_END: Final = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘]?[A-Z])")


class _Source(NamedTuple):
    """One gold or seed article, cut up: its headline and its paragraphs' sentences."""

    headline: str | None
    paragraphs: tuple[tuple[str, ...], ...]
    published: datetime.date | None


def _sentences(paragraph: str) -> tuple[str, ...]:
    """The sentences of ``paragraph``, split only outside quotations and after words that
    are not abbreviations, so that shuffling them keeps every quotation whole."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.end()]
        straight = before.count('"') % 2 == 0
        curly = before.count("“") == before.count("”")
        words = _WORD.findall(paragraph[max(0, match.start() - 12) : match.start() + 1])
        last = words[-1] if words else ""
        abbreviation = last in _ABBREVIATIONS or len(last) == 1
        if straight and curly and not abbreviation:
            sentences.append(paragraph[start : match.end()].rstrip())
            start = match.end()
    sentences.append(paragraph[start:].rstrip())
    return tuple(sentence for sentence in sentences if sentence)


def _cut(source: SourceText) -> _Source:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", source.text) if p.strip()]
    headline = None
    first = paragraphs[0]
    if len(paragraphs) > 1 and "\n" not in first and len(first) < 200 and first[-1] not in '.!?"”':
        headline = paragraphs.pop(0)
    return _Source(headline, tuple(_sentences(p) for p in paragraphs), source.published)


def _lexicon(sources: Sequence[SourceText]) -> dict[str, str]:
    """Classify the swappable words of ``sources``: a country of :data:`_COUNTRIES`, a
    place (mostly after "in", "near", "at", ...), a given name (mostly before another
    name) or else a surname."""
    joined = "\n".join(source.text for source in sources)
    lower = {word for word in _WORD.findall(joined) if word.islower()}
    swappable = {
        word
        for word in _CAPITALISED.findall(joined)
        if word.lower() not in lower
        and word not in _KEEP
        and word not in _WEEKDAYS
        and word not in _MONTHS
    }
    after_preposition: Counter[str] = Counter()
    before_name: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for match in _CAPITALISED.finditer(joined):
        word = match[0]
        if word not in swappable:
            continue
        seen[word] += 1
        previous = _WORD.findall(joined[max(0, match.start() - 12) : match.start()])
        if previous and previous[-1] in _PLACE_BEFORE:
            after_preposition[word] += 1
        following = _CAPITALISED.match(joined, match.end() + 1)
        if joined[match.end() : match.end() + 1] == " " and following:
            before_name[word] += 1
    kinds: dict[str, str] = {}
    for word in swappable:
        if word in _COUNTRIES:
            kinds[word] = "country"
        elif 2 * after_preposition[word] >= seen[word]:
            kinds[word] = "place"
        elif 2 * before_name[word] > seen[word]:
            kinds[word] = "given"
        else:
            kinds[word] = "surname"
    return kinds


_POOLS: Final = {"country": _COUNTRIES, "place": _PLACES, "given": _GIVEN, "surname": _SURNAMES}


class _Swaps:
    """The substitutions of one article: the same word is always swapped for the same one,
    and two words never for the same one."""

    def __init__(self, rng: random.Random, kinds: dict[str, str]) -> None:
        self.rng = rng
        #: What kind of name each swappable word is (see :func:`_lexicon`).
        self.kinds = kinds
        self.words: dict[str, str] = {}
        self.numbers: dict[str, str] = {}
        self.used: set[str] = set()
        self.words.update(zip(_WEEKDAYS, self.rng.sample(_WEEKDAYS, len(_WEEKDAYS)), strict=True))
        shuffled = self.rng.sample(_NUMBER_WORDS, len(_NUMBER_WORDS))
        for old, new in zip(_NUMBER_WORDS, shuffled, strict=True):
            self.words[old] = new
            self.words[old.capitalize()] = new.capitalize()

    def _fresh(self, pool: Sequence[str]) -> str:
        choices = [name for name in pool if name not in self.used]
        name = (
            self.rng.choice(choices)
            if choices
            else f"{self.rng.choice(pool)}-{self.rng.choice(pool)}"
        )
        self.used.add(name)
        return name

    def word(self, match: re.Match[str]) -> str:
        word = match[0]
        if word not in self.words:
            kind = self.kinds.get(word)
            if kind is None:
                return word
            self.words[word] = self._fresh(_POOLS[kind])
        return self.words[word]

    def number(self, match: re.Match[str]) -> str:
        old = match[0]
        if old in self.numbers:
            return self.numbers[old]
        text = match.string
        value = float(old.replace(",", ""))
        if value == 0 or (len(old) == 4 and 1900 <= value < 2100):
            return old  # nothing to scale, or a year
        for _ in range(100):
            if _AFTER_MONTH.search(text, max(0, match.start() - 12), match.start()):
                new = str(self.rng.randint(1, 28))
            elif "." in old:
                decimals = len(old.split(".")[1])
                new = f"{self.rng.uniform(value / 2, value * 2):.{decimals}f}"
            else:
                number = self.rng.randint(max(1, int(value) // 2), max(2, int(value) * 2))
                new = f"{number:,}" if "," in old else str(number)
            if new not in self.used:
                break
        self.used.add(new)
        self.numbers[old] = new
        return new

    def dateline(self, match: re.Match[str]) -> str:
        if match[0] not in self.words:
            self.words[match[0]] = self._fresh(_PLACES).upper()
        return self.words[match[0]]

    def paragraph(self, sentences: Sequence[str]) -> str:
        order = list(sentences)
        # A dateline ("BAMAKO, March 13 - ...") stays at the head of its paragraph.
        lead = order[:1] if order and _DATELINE.match(order[0]) else []
        rest = order[len(lead) :]
        self.rng.shuffle(rest)
        text = " ".join(lead + rest)
        text = _DATELINE.sub(self.dateline, text, count=1) if _DATELINE.match(text) else text
        text = _WORD.sub(self.word, text)
        return _NUMBER.sub(self.number, text)


def build_corpus(articles: int, seed: int = 0, root: Path = ROOT) -> list[SourceText]:
    """``articles`` distinct texts built from the gold and seed bodies, a third in each
    of :data:`BANDS`, the same for the same ``seed``.

    Article ``i`` falls in band ``i % 3``: it aims at a length drawn in that band and
    takes the headline and paragraphs of one source (skipping those that would leave
    the band), then paragraphs of others until it is long enough, each paragraph's
    sentences shuffled and its words swapped (see :class:`_Swaps`).
    """
    from claimkit.readers import SourceText

    texts = source_texts(root)
    kinds = _lexicon(texts)
    sources = [_cut(text) for text in texts]
    rng = random.Random(seed)
    corpus: list[SourceText] = []
    for i in range(articles):
        band = BANDS[i % len(BANDS)]
        aim = rng.randint(*band.aim)
        swaps = _Swaps(rng, kinds)
        first = rng.randrange(len(sources))
        others = [index for index in range(len(sources)) if index != first]
        order = [first, *rng.sample(others, len(others))]
        parts: list[str] = []
        length = -2
        headline = sources[first].headline
        if headline is not None:
            parts.append(swaps.paragraph([headline]))
            length += len(parts[-1]) + 2
        for index in order:
            for sentences in sources[index].paragraphs:
                paragraph = swaps.paragraph(sentences)
                if length + 2 + len(paragraph) >= band.high:
                    continue
                parts.append(paragraph)
                length += len(paragraph) + 2
                if length >= aim:
                    break
            if length >= aim:
                break
        text = "\n\n".join(parts)
        if not band.holds(len(text)):
            raise AssertionError(f"article {i}: {len(text)} characters, not {band.label}")
        corpus.append(SourceText(text=text, published=sources[first].published))
    if len({article.text for article in corpus}) != len(corpus):
        raise AssertionError("two articles of the corpus are equal")
    return corpus


# --- part 1: the contenders, each in a child process -------------------------------------

#: A batch as sent to a child: each article's text and publication date.
Batch = list[tuple[str, datetime.date | None]]
_FRAME: Final = struct.Struct("!Q")


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)))
    stream.write(data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_FRAME.size)
    if len(header) < _FRAME.size:
        raise EOFError("the other process closed the pipe (an error, if any, is printed above)")
    (size,) = _FRAME.unpack(header)
    return pickle.loads(stream.read(size))


def _claimkit_caches() -> list[Callable[[], None]]:
    """The ``cache_clear`` of every ``functools`` cache in the claimkit modules loaded."""
    clears: dict[int, Callable[[], None]] = {}
    for name, module in list(sys.modules.items()):
        if module is None or (name != "claimkit" and not name.startswith("claimkit.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clears[id(value)] = clear
    return list(clears.values())


#: What a worker runs: its greeting, a function that makes the timed call for a batch,
#: and a function that resets the contender's caches and says how many it reset.
_Runner = tuple[dict[str, Any], Callable[[Batch], Callable[[], object]], Callable[[], int]]


def _claimkit_runner(src: str | None) -> _Runner:
    where = Path(claimkit.__file__).resolve()
    if src is not None and not where.is_relative_to(Path(src).resolve()):
        error = {"error": f"claimkit imported from {where}, not from {src}"}
        return error, lambda batch: lambda: None, lambda: 0

    def prepare(batch: Batch) -> Callable[[], object]:
        extract = claimkit.extract
        return lambda: [extract(text, published=date) for text, date in batch]

    def reset() -> int:
        clears = _claimkit_caches()
        for clear in clears:
            clear()
        return len(clears)

    return {"version": claimkit.__version__, "file": str(where)}, prepare, reset


def _spacy_runner() -> _Runner:
    spacy = importlib.import_module("spacy")
    pipelines: list[Any] = []

    def reset() -> int:
        pipelines.clear()
        pipelines.append(spacy.blank("en"))
        pipelines[0].add_pipe("sentencizer")
        return 1

    def prepare(batch: Batch) -> Callable[[], object]:
        texts = [text for text, _ in batch]
        nlp = pipelines[0]
        return lambda: [len(list(doc.sents)) for doc in nlp.pipe(texts)]

    reset()
    return {"version": str(spacy.__version__)}, prepare, reset


def _worker(kind: str, src: str | None) -> int:
    """A contender's child: answer the parent's messages on stdin, on the real stdout.

    ``("warmup", batch)`` keeps ``batch`` and runs it once, untimed. ``("reset",)``
    resets the contender (clears claimkit's functools caches, or makes a fresh spaCy
    pipeline) and runs the warm-up batch again, untimed. ``("time", batch)`` collects
    garbage, then answers the CPU seconds of running ``batch``, whose results are
    dropped after the timer stops. ``("quit",)`` ends the child.
    """
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever the contender prints goes to stderr, not into the replies
    sys.stdout = sys.stderr
    messages = sys.stdin.buffer
    hello, prepare, reset = _claimkit_runner(src) if kind == "claimkit" else _spacy_runner()
    hello |= {"python": platform.python_version(), "gc": gc.isenabled()}
    _send(out, hello)
    if "error" in hello:
        return 1
    warmup: Batch = []
    while True:
        try:
            message = _receive(messages)
        except EOFError:  # the parent is gone
            return 0
        if message[0] == "quit":
            return 0
        if message[0] == "warmup":
            warmup = message[1]
            prepare(warmup)()
            _send(out, {})
        elif message[0] == "reset":
            resets = reset()
            prepare(warmup)()
            _send(out, {"resets": resets})
        else:
            run = prepare(message[1])
            gc.collect()
            start = time.process_time()
            result = run()
            seconds = time.process_time() - start
            del result
            _send(out, {"seconds": seconds})


class Contender:
    """A long-lived child process that runs one contender on the batches it is sent."""

    def __init__(self, name: str, kind: str, src: Path | None) -> None:
        self.name = name
        #: How many caches the child reset at its last reset.
        self.resets = 0
        env = dict(os.environ, PYTHONHASHSEED="0")
        env.pop("PYTHONPATH", None)
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind]
        if src is not None:
            env["PYTHONPATH"] = str(src)
            command += ["--src", str(src)]
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._in: IO[bytes] = self._process.stdin
        self._out: IO[bytes] = self._process.stdout
        self.hello: dict[str, Any] = _receive(self._out)
        if "error" in self.hello:
            self.close()
            raise SystemExit(f"{name}: {self.hello['error']}")

    def warm(self, batch: Batch) -> None:
        """Keep ``batch`` in the child as the warm-up run of every reset."""
        _send(self._in, ("warmup", batch))
        _receive(self._out)

    def reset(self) -> None:
        """Reset the child's caches and warm them up again on the warm-up batch."""
        _send(self._in, ("reset",))
        self.resets = int(_receive(self._out)["resets"])

    def seconds(self, batch: Batch) -> float:
        """CPU seconds the child spends running ``batch``."""
        _send(self._in, ("time", batch))
        return float(_receive(self._out)["seconds"])

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                _send(self._in, ("quit",))
                self._process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        self._in.close()
        self._out.close()


def chunks(batch: Batch, characters: int = CHUNK_CHARACTERS) -> list[Batch]:
    """``batch`` cut, in order, into runs of at least ``characters`` characters (the last
    run may be shorter)."""
    runs: list[Batch] = [[]]
    size = 0
    for text, published in batch:
        if size >= characters:
            runs.append([])
            size = 0
        runs[-1].append((text, published))
        size += len(text)
    return [run for run in runs if run]


def _git(*arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(arguments)}: {done.stderr.strip()}")
    return done.stdout.strip()


def materialise(rev: str, into: Path) -> tuple[str, str]:
    """Extract ``src`` of commit ``rev`` into ``into``; return the commit and its subject."""
    commit = _git("rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}")
    subject = _git("log", "-1", "--format=%s", commit)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    if not (into / "src" / "claimkit" / "__init__.py").is_file():
        raise SystemExit(f"{rev} has no src/claimkit")
    return commit, subject


def _spread(ratios: Sequence[float]) -> str:
    """The median of per-round ratios and their range."""
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


def throughput(
    articles: int, repeat: int, baseline: str, seed: int = 0, spacy: bool = True
) -> float | None:
    """Time the working tree's claimkit against ``baseline``'s and print the rates and
    speed-ups per band; return claimkit's ratio to the spaCy floor, or None unmeasured."""
    corpus = build_corpus(articles, seed)
    warmup = build_corpus(WARMUP_ARTICLES, seed + 1)
    if {a.text for a in warmup} & {a.text for a in corpus}:
        raise AssertionError("the warm-up articles are in the corpus")
    batches: dict[str, Batch] = {
        band.name: [(a.text, a.published) for a in corpus if band.holds(len(a.text))]
        for band in BANDS
    }
    with_spacy = spacy and importlib.util.find_spec("spacy") is not None
    head = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "src")
    with tempfile.TemporaryDirectory(prefix="claimkit-baseline-") as tmp:
        commit, subject = materialise(baseline, Path(tmp))
        contenders = [Contender("current", "claimkit", ROOT / "src")]
        try:
            contenders.append(Contender("baseline", "claimkit", Path(tmp) / "src"))
            if with_spacy:
                contenders.append(Contender("spaCy", "spacy", None))
            current, base = contenders[0], contenders[1]
            if len(subject) > 72:
                subject = subject[:69] + "..."
            print(f"Part 1, throughput: the working tree's claimkit against {commit[:7]}'s")
            state = "uncommitted changes in src" if dirty else "src clean"
            print(f"  current   claimkit {current.hello['version']}, HEAD {head}, {state}")
            print(f"            imported from {current.hello['file']}")
            print(f"  baseline  claimkit {base.hello['version']} at {commit[:10]}: {subject}")
            print(f"            imported from {base.hello['file']} (git archive)")
            if with_spacy:
                print(
                    f"  floor     spaCy {contenders[2].hello['version']}, blank('en') + sentencizer"
                )
            elif spacy:
                print("  floor     spaCy is not installed (the bench extra): no floor measured")
            else:
                print("  floor     not measured (--no-spacy)")
            characters = sum(len(a.text) for a in corpus)
            rounds = f"{repeat} round{'s' if repeat != 1 else ''}"
            print(
                f"Python {platform.python_version()}; each contender in its own child process"
                f" (PYTHONHASHSEED=0); {len(corpus)} distinct articles (seed {seed}),"
                f" {characters / 1e6:.2f} M characters"
            )
            print(
                f"Each of {rounds}, for each band: every contender's caches reset and"
                f" re-warmed on {len(warmup)} other articles;\n  then the band's texts in"
                f" chunks of about {CHUNK_CHARACTERS:,} characters, each sent to every"
                " contender in turn, who goes first\n  rotating from one chunk to the next;"
                " gc.collect() before each chunk, then CPU seconds (time.process_time),\n"
                "  with the cyclic GC enabled for every contender. A band's time is the sum"
                f" of its chunks; best of {repeat}.",
                flush=True,
            )
            for contender in contenders:
                contender.warm([(a.text, a.published) for a in warmup])
            times: dict[str, dict[str, list[float]]] = {
                c.name: {band.name: [] for band in BANDS} for c in contenders
            }
            for round_ in range(repeat):
                for band in BANDS:
                    if not batches[band.name]:
                        continue
                    for contender in contenders:
                        contender.reset()
                        times[contender.name][band.name].append(0.0)
                    for index, chunk in enumerate(chunks(batches[band.name])):
                        first = (round_ + index) % len(contenders)
                        for contender in contenders[first:] + contenders[:first]:
                            times[contender.name][band.name][-1] += contender.seconds(chunk)
        finally:
            for contender in contenders:
                contender.close()
    resets = {contender.name: contender.resets for contender in contenders}
    return _report(corpus, batches, times, repeat, resets)


def _report(
    corpus: Sequence[SourceText],
    batches: dict[str, Batch],
    times: dict[str, dict[str, list[float]]],
    repeat: int,
    resets: dict[str, int],
) -> float | None:
    with_spacy = "spaCy" in times
    floor = "  claimkit/spaCy" if with_spacy else ""
    print(
        f"  {'band':<14} {'articles':>8} {'characters':>11} {'current/s':>10} {'baseline/s':>10}"
        f" {'speed-up':>9}  {'per round':<17}{floor}".rstrip()
    )
    names = [band.name for band in BANDS if batches[band.name]]
    rows = [(band.label, [band.name]) for band in BANDS if batches[band.name]]
    rows.append(("all", names))
    overall: tuple[float, float | None] = (0.0, None)
    for label, bands in rows:
        count = sum(len(batches[name]) for name in bands)
        chars = sum(len(text) for name in bands for text, _ in batches[name])
        best = {who: sum(min(times[who][name]) for name in bands) for who in times}
        per_round = [
            sum(times["baseline"][name][r] for name in bands)
            / sum(times["current"][name][r] for name in bands)
            for r in range(repeat)
        ]
        speedup = best["baseline"] / best["current"]
        line = (
            f"  {label:<14} {count:>8} {chars:>11,} {count / best['current']:>10.1f}"
            f" {count / best['baseline']:>10.1f} {speedup:>8.2f}x  {_spread(per_round):<17}"
        )
        spacy_ratio = None
        if with_spacy:
            spacy_ratio = best["spaCy"] / best["current"]
            line += f"  {spacy_ratio:>14.3f}"
        print(line.rstrip())
        if label == "all":
            overall = (speedup, spacy_ratio)
    speedup, spacy_ratio = overall
    print(
        f"  reset at each band of each round: {resets['current']} functools caches of the"
        f" current claimkit, {resets['baseline']} of the baseline"
        + (", a fresh spaCy pipeline" if with_spacy else "")
    )
    print(
        "  speed-up: best round of the baseline / best round of the current, per band;"
        " per round: the median\n  and range of each round's own ratio (both timed on the"
        " same chunks, interleaved)"
    )
    print(f"  speed-up, current / baseline, over all {len(corpus)} articles: {speedup:.2f}x")
    if spacy_ratio is not None:
        verdict = "met" if spacy_ratio >= RATE_TARGET else "MISSED"
        print(
            f"  ratio claimkit / spaCy floor over all articles: {spacy_ratio:.3f}"
            f"   (target >= {RATE_TARGET}: {verdict})"
        )
    return spacy_ratio


# --- part 2: linear time on adversarial text -------------------------------------------


def _run(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        body = size - len(_PREFIX) - 1
        return _PREFIX + (unit * (body // len(unit) + 1))[:body] + "."

    return make


def _nested_parentheses(size: int) -> str:
    body = size - len(_PREFIX) - 1
    half = body // 2
    return _PREFIX + "(" * half + ")" * (body - half) + "."


def _prose(size: int) -> str:
    joined = " ".join(source.text.replace("\n", " ") for source in source_texts())
    return (joined * (size // len(joined) + 1))[:size]


#: Adversarial inputs: name -> a function from a size in characters to a text of that size.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "runs of capitals": _run("ABCDEFGH IJKLMN "),
    "capitalised words": _run("Naji Mustafa Front "),
    'quotation marks """': _run('"'),
    "quoted words": _run('"Yes," he said '),
    "curly quotes": _run("“no” "),
    "digits": _run("1234567890"),
    "numbers with spaces": _run("12 345 "),
    "quantities": _run("up to 40 soldiers, "),
    "cue words, no full stop": _run("said told claimed denied reported "),
    "names and cues": _run("Smith said Jones told "),
    '"according to" repeated': _run("according to "),
    "opposed accounts": _run("Kyiv said the post held, Moscow said the post fell, "),
    "denials": _run("The army said rebels attacked. The rebels denied any attack. "),
    "names and denials": _run("Smith said Jones denied "),
    "participles": _run("Smith said it rained, saying "),
    "nested parentheses": _nested_parentheses,
    "parentheses and words": _run("(a (b "),
    "commas": _run(","),
    "commas and words": _run("a, "),
    "abbreviations": _run("U.S. Gen. Mr. "),
    "initials": _run("J. K. "),
    "weekdays": _run("on Thursday "),
    "full stops": _run("."),
    "line breaks": _run("a\n"),
    "news prose (gold texts joined)": _prose,
}


def _child(make: Callable[[int], str], size: int, conn: Connection) -> None:
    text = make(size)
    gc.collect()
    # The child is forked from a parent that holds the throughput run's objects: freeze
    # them out of the cyclic GC, so that its passes cost what extract's own objects cost.
    gc.freeze()
    start = time.perf_counter()
    try:
        claimkit.extract(text)
    except Exception as error:  # reported, not raised: the table goes on
        conn.send(f"{type(error).__name__}: {error}")
    else:
        conn.send(time.perf_counter() - start)
    conn.close()


#: The outcome of one timing: seconds, None past the time limit, or the error raised.
Outcome = float | str | None


def timed(make: Callable[[int], str], size: int, limit: float) -> Outcome:
    """Seconds that ``claimkit.extract(make(size))`` takes, None past ``limit`` seconds,
    or the error it raised."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(make, size, sender))
    process.start()
    sender.close()
    try:
        if receiver.poll(limit):
            outcome: float | str = receiver.recv()
            return outcome
        return None
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
        receiver.close()


def _cell(outcome: Outcome, limit: float) -> str:
    if isinstance(outcome, float):
        return f"{outcome:9.3f}"
    if isinstance(outcome, str):
        return f"{'error':>9}"
    return f"{'>' + format(limit, '.0f'):>9}"


def _growth(times: Sequence[Outcome]) -> float | None:
    ratios = [
        b / a
        for a, b in itertools.pairwise(times)
        if isinstance(a, float) and isinstance(b, float) and a > 0
    ]
    return max(ratios) if ratios else None


def linear_time(limit: float) -> list[str]:
    """Print the timings of every adversarial input; return the names that miss a target."""
    print(
        f"\nclaimkit.extract on adversarial inputs, seconds (child process each, "
        f"limit {limit:.0f} s); target: 1 MB < {SECONDS_TARGET:.0f} s, "
        f"growth per doubling <= {GROWTH_TARGET}x"
    )
    print(f"  {'input':<32} {'0.25 MB':>9} {'0.5 MB':>9} {'1 MB':>9}  growth  verdict")
    failed: list[str] = []
    errors: dict[str, str] = {}
    for name, make in ADVERSARIAL.items():
        times: list[Outcome] = []
        for size in SIZES:
            outcome = timed(make, size, limit)
            times.append(outcome)
            if not isinstance(outcome, float):
                break
        cells = " ".join(_cell(t, limit) for t in times)
        cells += f"{'not run':>10}" * (len(SIZES) - len(times))
        growth = _growth(times)
        small = ""
        if times[0] is None:
            small_times = [timed(make, size, limit) for size in SMALL_SIZES]
            growth = _growth(small_times)
            small = "  [16/32/64 kB: " + " ".join(_cell(t, limit) for t in small_times) + "]"
        error = next((t for t in times if isinstance(t, str)), None)
        last = times[-1]
        slow = len(times) < len(SIZES) or not isinstance(last, float) or last >= SECONDS_TARGET
        superlinear = growth is not None and growth > GROWTH_TARGET
        verdict = "FAILED" if slow or superlinear or error else "ok"
        if verdict != "ok":
            failed.append(name)
        if error is not None:
            errors[name] = error
        shown = f"{growth:5.2f}x" if growth is not None else "     -"
        print(f"  {name:<32} {cells}  {shown}  {verdict}{small}", flush=True)
    for name, error in errors.items():
        print(f"  error on {name!r}: {error}")
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="Part 1 compares the working tree's claimkit with a commit's; part 2 times "
        "adversarial inputs. See the module docstring for what is measured.",
    )
    parser.add_argument(
        "--articles", type=int, default=2000, help="corpus size for part 1 (default 2000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of part 1, best of this many (default 3)"
    )
    parser.add_argument(
        "--baseline",
        default=DEFAULT_BASELINE,
        metavar="REV",
        help=f"git commit whose claimkit is the baseline of part 1 (default {DEFAULT_BASELINE})",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of part 1's corpus (default 0)")
    parser.add_argument(
        "--no-spacy", action="store_true", help="no spaCy floor in part 1, even if installed"
    )
    parser.add_argument(
        "--limit",
        type=float,
        default=30.0,
        help="seconds allowed for one adversarial input in part 2 (default 30)",
    )
    parser.add_argument(
        "--part",
        choices=("1", "2"),
        help="run only part 1 (throughput) or part 2 (linear time); both by default",
    )
    parser.add_argument("--skip-adversarial", action="store_true", help="the same as --part 1")
    parser.add_argument("--worker", choices=("claimkit", "spacy"), help=argparse.SUPPRESS)
    parser.add_argument("--src", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        return _worker(args.worker, args.src)
    if args.articles < len(BANDS):
        parser.error(f"--articles must be at least {len(BANDS)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    part = "1" if args.skip_adversarial else args.part
    ratio = None
    if part != "2":
        ratio = throughput(args.articles, args.repeat, args.baseline, args.seed, not args.no_spacy)
    failed = [] if part == "1" else linear_time(args.limit)
    if failed:
        print(f"\nmissed the linear-time target: {', '.join(failed)}")
    missed = ratio is not None and ratio < RATE_TARGET
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
