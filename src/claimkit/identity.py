"""Actor identity: whether two actors are the same real-world entity.

Names are compared through a key that ignores what does not change who is
speaking: case, accents, a leading article, possessives ("Russia's"), the
country's adjective or capital for the country ("Russian", "Moscow" for
"Russia"), "the X government" for X, and titles before a person's name
("Foreign Minister Sergei Lavrov" for "Sergei Lavrov").

A country and one of its institutions stay apart: "Russia" is not the
"Russian Foreign Ministry" (see the annotation guideline), and the two
parties of a dispute are never the same actor.

>>> from claimkit import Actor, ActorKind
>>> russia = Actor(name="Russia", kind=ActorKind.GOVERNMENT)
>>> same_actor(russia, Actor(name="Moscow", kind=ActorKind.GOVERNMENT)).same
True
>>> same_actor(russia, Actor(name="Russian Foreign Ministry", kind=ActorKind.GOVERNMENT)).same
False
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from typing import Final

import attrs

from claimkit.language.lexicon import (
    ADJECTIVES,
    ALIASES_OF_COUNTRY,
    CAPITALS,
    COUNTRIES,
    ROLE_WORDS,
    TITLE_WORDS,
)
from claimkit.language.text import normalize_name
from claimkit.model import Actor, ActorKind, Article

__all__ = ["ActorMatch", "MatchReason", "NameKey", "name_key", "same_actor"]


class MatchReason(enum.StrEnum):
    """Why two actors were found to be, or not to be, the same."""

    SAME_NAME = "same_name"  #: the names read the same once case and accents are ignored
    ALIAS = "alias"  #: a name of one is an alias of the other
    COUNTRY = "country"  #: the same country through its name, adjective or capital
    POSSESSIVE = "possessive"  #: "Russia's Foreign Ministry" for "Russian Foreign Ministry"
    TITLE = "title"  #: the same person once titles are left out
    SURNAME = "surname"  #: a person's surname alone ("Mustafa" for "Naji al-Mustafa")
    SAME_MENTION = "same_mention"  #: in one text, a mention of one overlaps one of the other
    KIND_MISMATCH = "kind_mismatch"  #: the names match but the kinds of actor differ
    SAME_COUNTRY = "same_country"  #: different actors of one country (a ministry and the state)
    DISPUTE_PARTIES = "dispute_parties"  #: opposite parties of a dispute: never the same


#: Confidence of a match by the strongest reason found.
_CONFIDENCE: Final[dict[MatchReason, float]] = {
    MatchReason.SAME_NAME: 1.0,
    MatchReason.ALIAS: 0.95,
    MatchReason.COUNTRY: 0.9,
    MatchReason.POSSESSIVE: 0.9,
    MatchReason.TITLE: 0.85,
    MatchReason.SURNAME: 0.6,
    MatchReason.SAME_MENTION: 0.9,
}
#: Taken off the confidence when the kinds of actor differ.
_KIND_PENALTY: Final = 0.3
#: A match at or above this confidence means the same actor.
THRESHOLD: Final = 0.5

# Words after a country that still mean the country itself ("the Russian government").
_STATE_WORDS: Final = frozenset({"government", "authorities", "administration", "state"})
_COUNTRY_WORDS: Final[dict[str, str]] = {}
for _country, (_adjective, _capital) in COUNTRIES.items():
    for _form in (_country, _adjective, _capital):
        _COUNTRY_WORDS.setdefault(normalize_name(_form), _country)
for _table in (CAPITALS, ADJECTIVES, ALIASES_OF_COUNTRY):
    for _form, _country in _table.items():
        _COUNTRY_WORDS.setdefault(normalize_name(_form), _country)
_LONGEST_COUNTRY: Final = max(len(k.split()) for k in _COUNTRY_WORDS)
_POSSESSIVE_END: Final = re.compile(r"'s?$")
# Kinds of actor that may name the same entity (a government also speaks as "Moscow").
_COMPATIBLE: Final = frozenset(
    {
        frozenset({ActorKind.GOVERNMENT, ActorKind.OTHER}),
        frozenset({ActorKind.ORGANIZATION, ActorKind.OTHER}),
        frozenset({ActorKind.PERSON, ActorKind.OTHER}),
        frozenset({ActorKind.ORGANIZATION, ActorKind.INTERNATIONAL_ORG}),
        frozenset({ActorKind.ORGANIZATION, ActorKind.MEDIA}),
        frozenset({ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP}),
    }
)


@attrs.frozen(kw_only=True)
class NameKey:
    """A name reduced to what identifies its bearer.

    ``country`` is the country the name starts with (as a name, adjective,
    capital or possessive), ``rest`` the words after it, with titles before a
    person's name left out. "Moscow" is ``("Russia", "")``; "Russia's Foreign
    Ministry" is ``("Russia", "foreign ministry")``.
    """

    country: str | None
    rest: str
    possessive: bool = attrs.field(default=False, eq=False)
    titled: bool = attrs.field(default=False, eq=False)

    @property
    def empty(self) -> bool:
        """Whether nothing identifying is left."""
        return self.country is None and not self.rest


def _strip_titles(words: list[str]) -> tuple[list[str], bool]:
    """Leave out a run of titles that opens a person's name ("foreign minister")."""
    run = 0
    has_role = False
    while run < len(words) and (words[run] in ROLE_WORDS or words[run] in TITLE_WORDS):
        has_role = has_role or words[run] in ROLE_WORDS
        run += 1
    if has_role and 0 < run < len(words):
        return words[run:], True
    return words, False


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The identity key of one name.

    >>> name_key("Russia's Foreign Ministry") == name_key("the Russian Foreign Ministry")
    True
    >>> name_key("Foreign Minister Sergei Lavrov").rest
    'sergei lavrov'
    """
    words = normalize_name(name).split()
    possessive = False
    for i, word in enumerate(words):
        if word.endswith(("'s", "'")):
            words[i] = _POSSESSIVE_END.sub("", word)
            possessive = True
            break
    country = None
    for size in range(min(_LONGEST_COUNTRY, len(words)), 0, -1):
        found = _COUNTRY_WORDS.get(" ".join(words[:size]))
        if found is not None:
            country, words = found, words[size:]
            break
    if country is not None and len(words) == 1 and words[0] in _STATE_WORDS:
        words = []
    words, titled = _strip_titles(words)
    return NameKey(country=country, rest=" ".join(words), possessive=possessive, titled=titled)


@attrs.frozen(kw_only=True)
class ActorMatch:
    """Whether two actors are the same, how sure, and why.

    ``confidence`` is in ``[0, 1]``; ``same`` is ``confidence >= 0.5``.
    ``names`` are the two names that matched best (sorted), when any did.
    """

    same: bool
    confidence: float
    reasons: tuple[MatchReason, ...]
    names: tuple[str, str] | None = None


def _surname(person: str, single: str) -> bool:
    """Whether ``single`` (one word) is the last name of ``person`` (several words)."""
    parts = person.split()
    if len(parts) < 2 or len(single.split()) != 1:
        return False
    last = parts[-1]
    return single in (last, last.split("-")[-1])


def _name_match(
    a: str, b: str, a_is_alias: bool, b_is_alias: bool, *, persons: bool
) -> list[MatchReason]:
    if a == b:
        return [MatchReason.ALIAS if (a_is_alias or b_is_alias) else MatchReason.SAME_NAME]
    if not normalize_name(a) or not normalize_name(b):
        return []
    if normalize_name(a) == normalize_name(b):
        return [MatchReason.ALIAS if (a_is_alias or b_is_alias) else MatchReason.SAME_NAME]
    ka, kb = name_key(a), name_key(b)
    if ka.empty or kb.empty:
        return []
    if ka == kb:
        reasons = []
        if ka.possessive != kb.possessive:
            reasons.append(MatchReason.POSSESSIVE)
        elif ka.country is not None:
            reasons.append(MatchReason.COUNTRY)
        if ka.titled or kb.titled:
            reasons.append(MatchReason.TITLE)
        return reasons or [MatchReason.SAME_NAME]
    if (
        persons
        and ka.country is None
        and kb.country is None
        and (_surname(ka.rest, kb.rest) or _surname(kb.rest, ka.rest))
    ):
        return [MatchReason.SURNAME]
    return []


def _parties(article: Article) -> set[frozenset[str]]:
    """Pairs of actor ids on opposite sides of a dispute of ``article``."""
    speakers = {claim.id: claim.speaker for claim in article.claims}
    pairs: set[frozenset[str]] = set()
    for dispute in article.disputes:
        for left, right in dispute.disagreeing_pairs():
            a, b = speakers.get(left), speakers.get(right)
            if a is not None and b is not None and a != b:
                pairs.add(frozenset((a, b)))
    return pairs


def same_actor(
    a: Actor, b: Actor, *, article: Article | None = None, same_text: bool = False
) -> ActorMatch:
    """Whether ``a`` and ``b`` are the same actor, with a confidence and reasons.

    The test is symmetric. Every name and alias of one is compared with every
    name and alias of the other, and the strongest match counts. Kinds that
    cannot name one entity (a person and a government) lower the confidence.
    With ``article``, two actors of it that take opposite sides in one of its
    disputes are never the same. With ``same_text`` (two readings of one text, such as
    a gold annotation and an extraction), actors with overlapping mentions are the same.

    >>> from claimkit import Actor, ActorKind
    >>> same_actor(Actor(name="Naji al-Mustafa", kind=ActorKind.PERSON),
    ...            Actor(name="Mustafa", kind=ActorKind.PERSON)).reasons
    (<MatchReason.SURNAME: 'surname'>,)
    """
    if article is not None and frozenset((a.id, b.id)) in _parties(article) and a.id != b.id:
        return ActorMatch(same=False, confidence=0.0, reasons=(MatchReason.DISPUTE_PARTIES,))
    best = 0.0
    best_reasons: list[MatchReason] = []
    best_names: tuple[str, str] | None = None
    persons = a.kind is ActorKind.PERSON and b.kind is ActorKind.PERSON
    names_a = [(n, i > 0) for i, n in enumerate(a.names)]
    names_b = [(n, i > 0) for i, n in enumerate(b.names)]
    for (name_a, alias_a), (name_b, alias_b) in itertools.product(names_a, names_b):
        reasons = _name_match(name_a, name_b, alias_a, alias_b, persons=persons)
        if not reasons:
            continue
        confidence = max(_CONFIDENCE[r] for r in reasons)
        pair = tuple(sorted((name_a, name_b)))
        candidate = (confidence, sorted(r.value for r in reasons), pair)
        current = (best, sorted(r.value for r in best_reasons), best_names or ("", ""))
        if best_names is None or candidate > current:
            best, best_reasons, best_names = confidence, reasons, (pair[0], pair[1])
    if best_names is None and same_text and _share_a_mention(a, b):
        best, best_reasons = _CONFIDENCE[MatchReason.SAME_MENTION], [MatchReason.SAME_MENTION]
        first, second = sorted((a.name, b.name))
        best_names = (first, second)
    if best_names is None:
        ka = {name_key(n).country for n in a.names} - {None}
        kb = {name_key(n).country for n in b.names} - {None}
        shared = (MatchReason.SAME_COUNTRY,) if ka & kb else ()
        return ActorMatch(same=False, confidence=0.0, reasons=shared)
    if a.kind is not b.kind and frozenset((a.kind, b.kind)) not in _COMPATIBLE:
        best = max(0.0, best - _KIND_PENALTY)
        best_reasons.append(MatchReason.KIND_MISMATCH)
    ordered = tuple(sorted(set(best_reasons), key=list(MatchReason).index))
    return ActorMatch(
        same=best >= THRESHOLD, confidence=round(best, 3), reasons=ordered, names=best_names
    )


def _share_a_mention(a: Actor, b: Actor) -> bool:
    return any(ma.overlaps(mb) for ma in a.mentions for mb in b.mentions)
