"""Numbers that a claim states: "up to 40 Syrian soldiers", "hundreds of", "3.5 million",
"between 30 and 40 people".

Each quantity keeps the words it came from; the bounds follow ANNOTATION.md
(vague amounts get the lower bound their words guarantee and no upper bound; a range
is one quantity from its low to its high number, never two).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, NamedTuple

from claimkit import _trusted
from claimkit.language.counts import COMBATANTS, counted_class
from claimkit.language.events import COUNT_EVENT_WORDS, EVENT_NOUNS
from claimkit.language.lexicon import (
    APPROXIMATE,
    AT_LEAST,
    AUXILIARIES,
    CHANGE_VERBS,
    MONTHS,
    NP_STOP,
    NUMBER_WORDS,
    RANGE_OPENERS,
    SCALES,
    TIME_UNITS,
    UP_TO,
    VAGUE_AMOUNTS,
)
from claimkit.language.tokens import ascii_lower
from claimkit.model import Hedge, Quantity

__all__ = ["find_quantities", "parse_number"]


def _alternation(words: object) -> str:
    items = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_UNITS: Final = "|".join(
    f"{tens}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
)
_NUMBER: Final = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?(?![\d.,]\d)"
    rf"|{_UNITS}|{_alternation(NUMBER_WORDS)}|a\s+dozen|a(?=\s+(?:hundred|thousand|million|billion)\b)"
)
_WORD_NUMBER: Final = rf"{_UNITS}|{_alternation(NUMBER_WORDS)}"
# After each scale word, one more number in words may follow: "one hundred and twenty",
# "two thousand five hundred".
_SCALE: Final = rf"\s+(?:{_alternation(SCALES)})(?:\s+(?:and\s+)?(?:{_WORD_NUMBER})\b)?"
_QUANTITY: Final = re.compile(
    rf"\b(?:(?P<mod>{_alternation(UP_TO + AT_LEAST + APPROXIMATE)})\s+)?"
    rf"(?:(?P<vague>{_alternation(VAGUE_AMOUNTS)})(?:\s+of\b)?"
    rf"|(?P<num>{_NUMBER})(?P<scale>(?:{_SCALE})*)\b)",
    # Matched against ASCII-lower-cased text (see tokens.ascii_lower): faster than IGNORECASE.
)
# The second number of a range, after the first: "[30] to 40", "[30]-40", "[30] – 40",
# "[between 30] and 40".
_RANGE_TAIL: Final = re.compile(
    rf"(?P<join>[ \t]*[–—][ \t]*|-|[ \t]+(?:to|and)[ \t]+)(?P<num>{_NUMBER})"
    rf"(?P<scale>(?:{_SCALE})*)\b(?!-[a-z])"  # not "a 30-40-year-old"
)
_RANGE_OPENER: Final = re.compile(rf"\b(?P<word>{_alternation(RANGE_OPENERS)})[ \t]+$")
_CHANGE: Final = re.compile(rf"\b(?:{_alternation(CHANGE_VERBS)})[ \t]+$")
_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")
_NEXT_WORDS: Final = re.compile(r"[ \t]*([A-Za-z][\w'’.-]*)")
_YEAR: Final = re.compile(r"(1[89]|20)\d\d")


def parse_number(surface: str) -> float | None:
    """The value of a number written in digits or words ("1,200", "forty-two",
    "3.5 million", "a dozen", "one hundred and twenty"); None when the words are not a
    number."""
    words = surface.lower().replace(",", "").split()
    if not words:
        return None
    if words[0] == "a" and len(words) > 1:
        words = ["1", *words[1:]]
        if words[1] == "dozen":
            return 12.0 if len(words) == 2 else None
    head = words[0]
    current = float(head) if head.replace(".", "", 1).isdigit() else _word_value(head)
    if current is None:
        return None
    total = 0.0
    for word in words[1:]:
        if word == "and":
            continue
        if word in SCALES:
            if SCALES[word] == 100:
                current *= 100  # "two hundred": hundreds multiply the group they end
            else:
                total, current = total + current * SCALES[word], 0.0
            continue
        value = _word_value(word)
        if value is None:
            return None
        current += value  # "hundred and twenty": the tens and units of the group
    return total + current


def _word_value(word: str) -> float | None:
    """The value of one number word ("seven", "forty-two"), or None."""
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    tens, _, unit = word.partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS:
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[unit])
    return None


def _hedge_of(modifier: str | None) -> Hedge:
    if modifier is None:
        return Hedge.EXACT
    mod = " ".join(modifier.lower().split())
    if mod in UP_TO:
        return Hedge.UP_TO
    if mod in AT_LEAST:
        return Hedge.AT_LEAST
    return Hedge.APPROXIMATE


# Nouns ending in "s" that are not plurals: the noun phrase goes on after them.
_INVARIANT_S: Final = frozenset("whereabouts headquarters series species means news".split())
_PLURAL_HEADS: Final = frozenset(
    "people children men women police personnel staff cattle livestock".split()
)


def _is_plural_head(lower: str) -> bool:
    """Whether a lower-case noun ends a plural noun phrase: "soldiers", "people"."""
    return lower in _PLURAL_HEADS or (
        lower.endswith("s") and not lower.endswith("ss") and lower not in _INVARIANT_S
    )


# "two of its fighters": the number counts the noun phrase after the determiner.
_PARTITIVE: Final = re.compile(
    r"[ \t]+of[ \t]+(?:its|their|the|his|her|our|these|those)(?=[ \t]+[A-Za-z])", re.IGNORECASE
)
# "police estimated the turnout at about 6,000", "put the death toll at 30": the noun
# phrase before "at" is what the number counts.
# Fighters a side "lost" in a fight are its dead: "they lost only one fighter".
_LOST: Final = re.compile(r"\b(?:lost|lose|loses|losing)\s+(?:[a-z]+\s+){0,2}$")
_ESTIMATED_AT: Final = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|estimate|estimating|placed|places|placing"
    r"|set|sets|setting)\s+(?:the|its|their)\s+(?P<thing>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+at\s+$"
    # matched against ASCII-lower-cased text
)


def _counted(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The noun phrase after a number, up to four words, and where it ends."""
    words: list[tuple[int, int]] = []
    position = start
    partitive = _PARTITIVE.match(text, start, end)
    if partitive is not None:
        following = _NEXT_WORDS.match(text, partitive.end(), end)
        if following is not None and not following.group(1).endswith(("'s", "’s")):
            position = partitive.end()  # not "14 of the port's 19 berths"
    while len(words) < 4:
        match = _NEXT_WORDS.match(text, position, end)
        if match is None:
            break
        raw = match.group(1)
        dotted = re.fullmatch(r"(?:[A-Za-z]\.){2,}", raw) is not None  # "U.S."
        word = raw if dotted else raw.rstrip(".")
        lower = word.lower()
        if lower in NP_STOP or lower in AUXILIARIES:
            break
        if lower in COUNT_EVENT_WORDS and lower not in EVENT_NOUNS:
            following = _NEXT_WORDS.match(text, match.start(1) + len(word), end)
            if words or following is None or following.group(1).lower() in NP_STOP:
                break  # "40 people killed": the verb; "two wounded soldiers": an adjective
        if lower in MONTHS and not words:
            break
        words.append((match.start(1), match.start(1) + len(word)))
        position = match.start(1) + len(word)
        if raw.endswith(".") and not dotted:
            break
        if _is_plural_head(lower):
            break  # the head noun: "3.5 million people [need aid]"
    if not words:
        return None, start
    return text[words[0][0] : words[-1][1]], words[-1][1]


# Participles that are not "-ed" forms: "40 people had fled", "three were taken".
_IRREGULAR_PARTICIPLES: Final = frozenset(
    """taken held left fled lost seen sent kept shot hit struck found brought caught
    driven given hidden built bought sold stolen""".split()
)


def _is_participle(word: str) -> bool:
    """A past participle or an "-ing" form, after an auxiliary ("were trapped")."""
    return word in _IRREGULAR_PARTICIPLES or (
        len(word) > 4 and word.endswith(("ed", "ing")) and word not in NP_STOP
    )


def _is_count_word(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS or word in ("dozens", "hundreds")


# Verbs of medical care: what people were treated for is the event when the text says it.
_CARE_VERBS: Final = frozenset("treated hospitalised hospitalized admitted".split())
# Words that may stand between a counted noun phrase and its event: "112 people
# remained missing", "40 soldiers were reportedly killed".
_BETWEEN_COUNT_AND_EVENT: Final = frozenset(
    "reportedly also been still remain remained remains stay stayed".split()
)


def _event(text: str, start: int, end: int, clause_start: int, clause_end: int) -> str | None:
    """The kind of event a quantity counts: a verb right after its noun phrase
    ("40 people were killed"), else the nearest one before it ("killing up to 40")."""
    resume = end
    if text.startswith(",", end):  # "Twelve people, most of them workers, were treated"
        aside_end = text.find(",", end + 1, min(clause_end, end + 80))
        resume = aside_end + 1 if aside_end > 0 else end
    after = [w.group().lower() for w in _WORD.finditer(text, resume, min(clause_end, resume + 60))]
    if after[:1] == ["and"] and len(after) > 1 and _is_count_word(after[1]):
        # "two of its fighters and four herders had been killed": the verb after both
        after = after[next((i for i, w in enumerate(after) if w in AUXILIARIES), 0) :]
    for index, word in enumerate(after[:3]):
        if word in _CARE_VERBS:
            # "31 people were treated for injuries": the injury is the event, else the care
            cause = after[index + 1 : index + 3]
            if len(cause) == 2 and cause[0] in ("for", "with") and cause[1] in COUNT_EVENT_WORDS:
                return COUNT_EVENT_WORDS[cause[1]]
            return "treated"
        if word in COUNT_EVENT_WORDS:
            return COUNT_EVENT_WORDS[word]
        if index and _is_participle(word):
            return word  # "19 miners were still trapped": the verb names the event
        if word not in AUXILIARIES and word not in _BETWEEN_COUNT_AND_EVENT:
            break
    if "toll" in text[max(clause_start, start - 80) : start].lower():
        return "killed"  # "the death toll ... has risen to 47"
    window = text[max(clause_start, start - 60) : start]
    window = window[max(window.rfind(","), window.rfind("."), window.rfind(";")) + 1 :]
    before = [w.group().lower() for w in _WORD.finditer(window)]
    for word in reversed(before[-5:]):
        if word in COUNT_EVENT_WORDS:
            return COUNT_EVENT_WORDS[word]
    return None


def _is_date_or_time(text: str, start: int, end: int, num: str) -> bool:
    if _YEAR.fullmatch(num):
        return True
    before = text[max(0, start - 12) : start].lower().rstrip(". ").rsplit(" ", 1)[-1]
    if before in MONTHS:
        return True
    after = _NEXT_WORDS.match(text, end)
    if after is not None and after.group(1).lower().rstrip(".") in MONTHS:
        return True
    return ":" in (text[end : end + 1], text[start - 1 : start]) or (
        after is not None and after.group(1).lower() in TIME_UNITS
    )


class _Range(NamedTuple):
    """Two numbers read as one quantity, its words ``text[start:end]``."""

    start: int
    end: int
    low: float
    high: float
    counted: str | None
    counted_end: int
    #: Dates or times, not a count: "22-23 January", "10 to 15 years", "9 to 10 a.m.".
    is_time: bool = False


def _range(text: str, lowered: str, number: re.Match[str], start: int, end: int) -> _Range | None:
    """The range that the number ``number`` opens within ``text[start:end]``, or None.

    Two numbers make one range when they count one thing: "between 30 and 40", or
    "30 to 40", "30-40" and "from 30 to 40" followed by the plural noun they both count.
    Two numbers with no noun in common are not a range: a score ("won 5-0"), a vote
    ("a 7-3 vote"), ages ("aged 18 to 25"), a change ("rose from 30 to 40"), dates.
    """
    tail = _RANGE_TAIL.match(lowered, number.end(), end)
    if tail is None:
        return None
    join = tail.group("join").strip()
    opener = _RANGE_OPENER.search(lowered, max(start, number.start() - 10), number.start())
    word = opener.group("word") if opener is not None else None
    if word is not None and join != RANGE_OPENERS[word]:
        opener = word = None  # "from 30-40 villages": "from" is not the range's
    if word is None and join == "and":
        return None  # "and" joins a range only after "between": "12 soldiers and 40"
    first = opener.start() if opener is not None else number.start()
    if word == "from" and _CHANGE.search(lowered, max(start, first - 20), first):
        return None
    num = tail.group("num")
    if not tail.group("scale") and _is_date_or_time(text, tail.start("num"), tail.end(), num):
        return _Range(first, tail.end(), 0.0, 0.0, None, tail.end(), is_time=True)
    low = parse_number(number.group("num") + number.group("scale"))
    high = parse_number(num + tail.group("scale"))
    if low is None or high is None or not high < 1e15:
        return None
    if tail.group("scale") and not number.group("scale"):
        bare = parse_number(num)  # "2-3 million": the scale is both numbers'
        low = low * (high / bare) if bare else low
    if low > high:
        return None
    counted, counted_end = _counted(text, tail.end(), end)
    plural = counted is not None and _is_plural_head(counted.split()[-1].lower())
    if word != "between" and not plural:
        return None
    return _Range(first, tail.end(), low, high, counted, counted_end)


# What every match of _QUANTITY holds: a digit; the start of a word of a vague amount
# (they need no boundary after them: "hundreds", "scores"); or a number word or scale as
# a whole word (bounded by \b, so a whole run of ASCII letters of the lowered text).
_DIGIT: Final = re.compile(r"\d")
_AMOUNT_START: Final = re.compile("|".join(sorted({v.split()[0][:4] for v in VAGUE_AMOUNTS})))
_LETTERS: Final = re.compile(r"[a-z]+")
_NUMBER_WORDS: Final = frozenset({*NUMBER_WORDS, *SCALES, "dozen"})


def _may_hold_number(lowered: str, start: int, end: int) -> bool:
    """Whether ``lowered[start:end]`` may hold a quantity: False only when it cannot.
    Three quick scans, cheapest first, instead of the quantity pattern's many branches."""
    return (
        _DIGIT.search(lowered, start, end) is not None
        or _AMOUNT_START.search(lowered, start, end) is not None
        or not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(lowered, start, end))
    )


def find_quantities(
    text: str, start: int, end: int, lowered: str | None = None
) -> Iterator[Quantity]:
    """Every quantity in ``text[start:end]`` (a claim's content).

    ``lowered`` is ``ascii_lower(text)``, when the caller has it already.
    """
    lowered = ascii_lower(text) if lowered is None else lowered
    if not _may_hold_number(lowered, start, end):
        return  # most contents have no number at all: two quick scans say so
    taken = start  # where the last range ended: its second number is not read again
    for match in _QUANTITY.finditer(lowered, start, end):
        if match.start() < taken:
            continue
        modifier, vague, num = match.group("mod"), match.group("vague"), match.group("num")
        if num is not None:
            lower = num.lower()
            if (
                text[match.end() : match.end() + 1] == "-"
                and text[match.end() + 1 : match.end() + 2].isalpha()
            ):
                continue  # part of a compound adjective: "a five-story building", "two-day"
            if not match.group("scale") and _is_date_or_time(
                text, match.start("num"), match.end(), num
            ):
                continue
            if lower == "one":
                following = _NEXT_WORDS.match(text, match.end(), end)
                if following is None or following.group(1).lower() in ("of", "another"):
                    continue
                before = text[max(start, match.start() - 5) : match.start()].lower().split()
                if before and before[-1] in ("no", "the", "any", "each", "every"):
                    continue
        found = (
            None
            if num is None or modifier is not None
            else _range(text, lowered, match, start, end)
        )
        first = match.start() if found is None else found.start
        if found is None:
            counted, counted_end = _counted(text, match.end(), end)
        else:
            counted, counted_end = found.counted, found.counted_end
            taken = found.end
            if found.is_time:
                continue
        if counted is None:
            estimated = _ESTIMATED_AT.search(lowered, max(0, first - 80), first)
            if estimated is not None:
                counted = text[estimated.start("thing") : estimated.end("thing")]
        if counted is not None and counted.split()[-1].lower() in TIME_UNITS:
            continue  # "the past 24 hours" is a time, not a count
        window = max(start, match.start() - 120)
        clause_start = max(text.rfind(";", window, match.start()) + 1, window)
        head = counted.split()[-1].lower() if counted else ""
        event = COUNT_EVENT_WORDS.get(head) or _event(
            text, match.start(), counted_end, clause_start, end
        )
        if (
            event is None
            and counted_class(counted) in COMBATANTS
            and _LOST.search(lowered, clause_start, first) is not None
        ):
            event = "killed"  # "the rebels lost only one fighter": lost in a fight
        surface = text[first : match.end() if found is None else found.end].rstrip()
        low: float | None
        high: float | None
        if found is not None:
            low, high, hedge = found.low, found.high, Hedge.RANGE
        elif vague is not None:
            key = " ".join(vague.lower().split())
            low, high = float(VAGUE_AMOUNTS[key]), None
            hedge = Hedge.VAGUE
        else:
            value = parse_number(match.group("num") + match.group("scale"))
            hedge = _hedge_of(modifier)
            if value is not None and not value < 1e15:
                value = None  # a run of digits, not a count: kept as text, unparsed
            if value is None:
                low = high = None
                hedge = Hedge.UNPARSED
            elif hedge is Hedge.UP_TO:
                low, high = None, value
            elif hedge is Hedge.AT_LEAST:
                low, high = value, None
            else:
                low = high = value
        yield _trusted.quantity(
            text=surface,
            span=_trusted.span(first, first + len(surface)),
            hedge=hedge,
            low=low,
            high=high,
            counted=counted,
            event=event,
        )
