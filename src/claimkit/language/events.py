"""Kinds of event: one taxonomy for counts, denials, comparisons and the corpus.

Each kind has two sets of words. **Count words** may name the event of a number
("40 killed", "1,200 arrests"): the extractor records the kind on the quantity.
**Topic words** name the same kind of event without counting it ("an offensive",
"the leak"): a claim that uses them speaks of that kind of event. A denial of an
"assault" answers claims of "attacks" because both words are of the kind ``attacked``.

>>> event_kind("assault"), event_kind("offensives"), event_kind("killings")
('attacked', 'attacked', 'killed')
>>> sorted(event_kinds("No such assault took place and nobody died."))
['attacked', 'killed']
"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["COUNT_EVENT_WORDS", "EVENT_NOUNS", "EVENT_WORDS", "event_kind", "event_kinds"]

# kind -> (count words, topic words). A word belongs to one kind only.
_TAXONOMY: Final[dict[str, tuple[str, str]]] = {
    "killed": (
        """kill kills killed killing dead died die dies deaths death slain massacred
        executed lives fatalities""",
        "killings massacre casualties",
    ),
    "wounded": ("wound wounds wounded wounding injure injured injuring injuries hurt", ""),
    "seized": (
        "seize seized seizing captured capture capturing overran overrun",
        "seizure control",
    ),
    "arrested": ("arrest arrested arresting detained detain detaining detentions arrests", ""),
    "displaced": ("displaced displacing fled flee fleeing uprooted", ""),
    "evacuated": ("evacuate evacuated evacuating evacuation evacuations", ""),
    "attacked": (
        "attack attacks attacked attacking assault assaulted launched raided stormed",
        """assaults offensive offensives operation operations raid raids strike strikes
        fighting clashes clash bombing bombings shelling incursion incursions ambush
        ambushes airstrike airstrikes""",
    ),
    "missing": ("missing disappeared", ""),
    "rescued": ("rescued rescue rescuing", ""),
    "infected": ("infected infections", ""),
    "destroyed": ("destroyed destroying damaged", ""),
    "protested": ("protested protesting marched rallied demonstrated", ""),
    "recalled": ("recall recalls recalled recalling", ""),
    "leaked": ("", "breach breached leak leaked hack hacked stolen"),
    "fraud": ("", "fraud rigged rigging irregularities"),
}

#: Words that may name the event of a count -> its kind.
COUNT_EVENT_WORDS: Final[dict[str, str]] = {
    word: kind for kind, (counting, _) in _TAXONOMY.items() for word in counting.split()
}
#: Every word of the taxonomy -> its kind.
EVENT_WORDS: Final[dict[str, str]] = {
    **COUNT_EVENT_WORDS,
    **{word: kind for kind, (_, topic) in _TAXONOMY.items() for word in topic.split()},
}
#: Event words that are nouns, so may be the thing counted ("1,200 arrests").
EVENT_NOUNS: Final = frozenset(
    """deaths death arrests detentions injuries casualties fatalities infections
    attacks evacuations lives dead""".split()
)

_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")


def event_kind(word: str) -> str | None:
    """The kind of event a word names, if any (case-blind)."""
    return EVENT_WORDS.get(word.lower())


@functools.lru_cache(maxsize=4096)
def event_kinds(text: str) -> frozenset[str]:
    """The kinds of event the words of ``text`` name."""
    return frozenset(
        EVENT_WORDS[lower] for w in _WORD.findall(text) if (lower := w.lower()) in EVENT_WORDS
    )
