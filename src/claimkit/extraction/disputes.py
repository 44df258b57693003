"""Disputes inside one article: denials matched to what they deny, and counts
of the same thing whose intervals do not overlap."""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from claimkit.language.lexicon import COUNTRIES, EVENT_WORDS, KIND_KEYWORDS
from claimkit.language.text import STOP_WORDS, content_stems, stem, normalize_name
from claimkit.model import (
    Actor,
    Claim,
    Dispute,
    DisputeKind,
    Polarity,
    Position,
    Quantity,
    Stance,
)

__all__ = ["ClaimContext", "find_disputes"]

# Families of event words: a denial of an "assault" answers claims of "attacks".
_EVENT_FAMILIES: Final[dict[str, str]] = {}
for _family, _words in {
    "attack": """attack attacks attacked assault assaults offensive offensives operation
        operations raid raids strike strikes fighting clashes clash bombing bombings
        shelling incursion incursions ambush""",
    "kill": "killed killing killings deaths dead died massacre casualties",
    "seize": "seized seizure captured capture control overran",
    "arrest": "arrested arrests detained detentions",
    "leak": "breach breached leak leaked hack hacked stolen",
    "fraud": "fraud rigged rigging irregularities",
}.items():
    for _word in _words.split():
        _EVENT_FAMILIES[_word] = _family
_WORD: Final = re.compile(r"[A-Za-z][\w'’-]*")


@attrs.frozen
class ClaimContext:
    """A claim with what dispute detection needs beyond the model."""

    claim: Claim
    sentence: int
    event_dates: tuple[datetime.date, datetime.date] | None
    index: int = -1  # its place among the article's claims, when known


@functools.lru_cache(maxsize=4096)
def _families(text: str) -> frozenset[str]:
    return frozenset(
        _EVENT_FAMILIES[w.lower()] for w in _WORD.findall(text) if w.lower() in _EVENT_FAMILIES
    )


def _dates(context: ClaimContext) -> tuple[datetime.date, datetime.date] | None:
    if context.event_dates is not None:
        return context.event_dates
    when = context.claim.when
    if when is not None and when.start is not None and when.end is not None:
        return when.start, when.end
    return None


def _overlap(a: ClaimContext, b: ClaimContext) -> bool:
    da, db = _dates(a), _dates(b)
    if da is None or db is None:
        return True
    return da[0] <= db[1] and db[0] <= da[1]


def _same_window(a: ClaimContext, b: ClaimContext) -> bool:
    """Whether two denials speak of the same time (or either gives none)."""
    if a.event_dates is None or b.event_dates is None:
        return True
    return a.event_dates == b.event_dates


def _name_keys(actor: Actor) -> tuple[str, ...]:
    """Padded forms of an actor's names to look for in a text (" syrian state media ")."""
    keys: list[str] = []
    for name in actor.names:
        words = _WORDS_ONLY.sub(" ", normalize_name(name)).split()
        if words:
            keys.append(" " + " ".join(words) + " ")
        # "Syrian media" for "Syrian state media": every word but the second, in order.
        if len(words) >= 3:
            keys.append(" " + " ".join(words[:1] + words[2:]) + " ")
    if actor.name in COUNTRIES:
        adjective = COUNTRIES[actor.name][0].lower()
        keys += [f" {adjective} government ", f" {adjective} authorities "]
    return tuple(keys)


_WORDS_ONLY: Final = re.compile(r"[^\w'-]+")


class _ActorNames:
    """The actors of an article by the words of their names, built once per article: which
    actors a text names (in time linear in the text, however many actors there are), and
    which a single word names."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._by_word: dict[str, set[str]] = {}
        self._by_kind: dict[str, set[str]] = {}
        for actor in actors:
            for key in _name_keys(actor):
                words = tuple(key.split())
                self._by_first.setdefault(words[0], []).append((actor.id, words))
            for name in actor.names:
                for word in normalize_name(name).split():
                    self._by_word.setdefault(word, set()).add(actor.id)
            self._by_kind.setdefault(actor.kind.value, set()).add(actor.id)

    def actors_in(self, text: str, *, exclude: str = "") -> set[str]:
        """Actors whose name (or alias) ``text`` contains as whole words
        ("disputed the Syrian media and Russian government accounts")."""
        words = _WORDS_ONLY.sub(" ", normalize_name(text)).split()
        found: set[str] = set()
        for index, word in enumerate(words):
            for actor_id, key in self._by_first.get(word, ()):
                if actor_id != exclude and tuple(words[index : index + len(key)]) == key:
                    found.add(actor_id)
        return found

    def named_by(self, word: str) -> set[str]:
        """Actors that a word names: part of a name or alias, or the kind ("rebel")."""
        key = word.casefold()
        found = set(self._by_word.get(key, ()))
        if not found:
            for kind, keywords in KIND_KEYWORDS:
                if key in keywords:
                    found = set(self._by_kind.get(kind, ()))
        return found


_ACCOUNT: Final = re.compile(
    r"\b(?:(?P<owner>[A-Za-z][\w-]*)['’]s?|the\s+(?P<adjective>[a-z][\w-]*)|that|this|these|those"
    r"|(?!(?:the|a|an|any|all|such|these|those|some|their|its)\b)"
    r"(?P<modifier>[a-z][\w-]*)(?=\s+(?:allegations|accusations|claims|reports|figures)))"
    r"\s+(?:\w+\s+)?(?:account|accounts|version|versions|claim|claims|figures?|reports?"
    r"|allegations?|accusations?|statements?|numbers?|estimates?|toll|tally|assertions?)\b",
    re.IGNORECASE,
)


def _sides(actors: Sequence[Actor]) -> dict[str, str]:
    """Each actor's side: the organisation it speaks for, or itself."""
    return {a.id: a.affiliation or a.id for a in actors}


# A denial that points back at what was just said: "That did not happen."
_ANAPHORIC_DENIAL: Final = re.compile(
    r"(?:that|this|it|this account|that account)\s+(?:did\s+not|didn't|never|is\s+not|isn't"
    r"|was\s+not|wasn't|is\s+(?:false|untrue|a\s+lie)|was\s+(?:false|untrue))\b",
    re.IGNORECASE,
)


def _answered_claim(
    denial: ClaimContext, contexts: Sequence[ClaimContext], sides: dict[str, str]
) -> ClaimContext | None:
    """The claim of another side just before a denial that points back at it."""
    if _ANAPHORIC_DENIAL.match(denial.claim.content.text) is None:
        return None
    side = sides.get(denial.claim.speaker, denial.claim.speaker)
    start = denial.claim.content.span.start
    earlier = [
        c
        for c in _near(contexts, denial)
        if c.claim.content.span.start < start
        and c.claim.polarity is Polarity.ASSERT
        and sides.get(c.claim.speaker, c.claim.speaker) != side
    ]
    return max(earlier, key=lambda c: c.claim.content.span.start, default=None)


_ACCUSATION_CUES: Final = ("accus", "blam")
_ACCUSED: Final = re.compile(r"(?:[\w'’-]+\s+){0,4}?([\w'’-]+)\s+(?:of|for)\b")


def _accused(claim: Claim, names: _ActorNames) -> set[str]:
    """The actors an accusation is made against ("accused [the tribunal] of halting")."""
    if not claim.cue.text.lower().startswith(_ACCUSATION_CUES):
        return set()
    match = _ACCUSED.match(claim.content.text)
    if match is None:
        return set()
    return names.named_by(match.group(1))


def _account_targets(
    denial: ClaimContext,
    contexts: Sequence[ClaimContext],
    names: _ActorNames,
    sides: dict[str, str],
) -> set[str]:
    """Claims that a denial refers to as an account: "Kestrel's claim", "the rebel
    account", "that version" (the latest account of another side)."""
    match = _ACCOUNT.search(denial.claim.content.text)
    if match is None:
        return set()
    side = sides.get(denial.claim.speaker, denial.claim.speaker)
    earlier = [
        c
        for c in _near(contexts, denial)
        if c.claim.content.span.start < denial.claim.content.span.start
        and sides.get(c.claim.speaker, c.claim.speaker) != side
        and c.claim.polarity is Polarity.ASSERT
    ]
    word = match.group("owner") or match.group("adjective") or match.group("modifier")
    if word is not None:
        owners = names.named_by(word)
        return {c.claim.id for c in earlier if c.claim.speaker in owners}
    if not earlier:
        return set()
    latest = earlier[-1].claim.speaker
    return {c.claim.id for c in earlier if c.claim.speaker == latest}


#: A denial answers claims at most this many sentences away: an article's reach. Bounding
#: it keeps the search linear in the length of the text.
NEAR_SENTENCES: Final = 60
_RECENT_GROUPS: Final = 8


#: ... and at most this many claims on either side: a text without sentence ends can hold
#: any number of claims in one sentence.
NEAR_CLAIMS: Final = 64


def _near(contexts: Sequence[ClaimContext], claim: ClaimContext) -> Sequence[ClaimContext]:
    """The claims within :data:`NEAR_SENTENCES` sentences and :data:`NEAR_CLAIMS` claims
    of ``claim`` (contexts in order, ``claim.index`` its place among them)."""
    first = bisect.bisect_left(contexts, claim.sentence - NEAR_SENTENCES, key=_sentence_of)
    last = bisect.bisect_right(contexts, claim.sentence + NEAR_SENTENCES, key=_sentence_of)
    if claim.index >= 0:
        first = max(first, claim.index - NEAR_CLAIMS)
        last = min(last, claim.index + NEAR_CLAIMS + 1)
    return contexts[first:last]


def _sentence_of(context: ClaimContext) -> int:
    return context.sentence


def _denial_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> list[Dispute]:
    by_id = {c.claim.id: c for c in contexts}
    sides = _sides(actors)
    names = _ActorNames(actors)
    named_in: dict[str, set[str]] = {}  # claim id -> sides its content names
    topics: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def topic_of(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
        """The content stems and event families of a claim, computed once per claim."""
        if claim.id not in topics:
            text = claim.content.text
            topics[claim.id] = (content_stems(text), _families(text))
        return topics[claim.id]

    accused_sides = {
        c.claim.id: {sides.get(a, a) for a in _accused(c.claim, names)} for c in contexts
    }
    groups: list[tuple[list[ClaimContext], dict[str, ClaimContext]]] = []
    for denial in contexts:
        if denial.claim.polarity is not Polarity.DENY:
            continue
        speaker = denial.claim.speaker
        side = sides.get(speaker, speaker)
        named = names.actors_in(denial.claim.content.text, exclude=speaker)
        accounts = _account_targets(denial, contexts, names, sides)
        targets: dict[str, ClaimContext] = {i: by_id[i] for i in accounts}
        previous = _answered_claim(denial, contexts, sides)
        if previous is not None:  # "That did not happen."
            targets[previous.claim.id] = previous
        denial_stems, denial_families = topic_of(denial.claim)
        for other in _near(contexts, denial):
            claim = other.claim
            if sides.get(claim.speaker, claim.speaker) == side or claim.polarity is Polarity.DENY:
                continue
            if side in accused_sides[claim.id]:
                targets[claim.id] = other  # "X accused the tribunal of ...": it denies
                continue
            if claim.id not in named_in:
                named_in[claim.id] = {sides.get(a, a) for a in names.actors_in(claim.content.text)}
            stems, families = topic_of(claim)
            if side in named_in[claim.id] and denial_stems & stems:
                targets[claim.id] = other  # "Jepkorir tested positive" / "she denied taking"
                continue
            names_it = claim.speaker in named and other.sentence <= denial.sentence
            # The same thing: an event of the same family, or two content words in common.
            same_event = bool(denial_families & families) or len(denial_stems & stems) >= 2
            if names_it or (same_event and _overlap(denial, other)):
                targets[claim.id] = other
        if not targets:
            continue
        # Denials that answer the same claims make one point of dispute.
        for members, known in groups[-_RECENT_GROUPS:]:
            last = members[-1]
            same_point = last.sentence == denial.sentence or (
                bool(known.keys() & targets.keys()) and _same_window(last, denial)
            )
            if same_point:
                members.append(denial)
                known.update(targets)
                break
        else:
            groups.append(([denial], targets))
    disputes: list[Dispute] = []
    for members, targets in groups:
        ordered = sorted(targets.values(), key=lambda c: c.claim.content.span.start)
        counters = _counter_accounts(members, targets, contexts)
        positions = [Position(claim=c.claim.id, stance=Stance.AFFIRMS) for c in ordered]
        positions += [Position(claim=d.claim.id, stance=Stance.DENIES) for d in members]
        positions += [Position(claim=c.claim.id, stance=Stance.DENIES) for c in counters]
        deniers = sorted({_name(actors, d.claim.speaker) for d in members})
        affirmers = sorted({_name(actors, c.claim.speaker) for c in ordered})
        disputes.append(
            Dispute(
                kind=DisputeKind.DENIAL,
                point=_point(members[-1].claim.content.text),
                positions=tuple(positions),
                reason=f"{' and '.join(deniers)} deny what {', '.join(affirmers)} report",
            )
        )
    return disputes


def _counter_accounts(
    members: list[ClaimContext],
    targets: dict[str, ClaimContext],
    contexts: Sequence[ClaimContext],
) -> list[ClaimContext]:
    """What the deniers assert instead, in the sentence of a denial or the next: "Dushanbe
    rejected that version. [It said] the patrol had crossed into Tajik territory"."""
    deniers = {d.claim.speaker for d in members}
    taken = {d.claim.id for d in members} | targets.keys()
    topic = frozenset().union(*(content_stems(c.claim.content.text) for c in targets.values()))
    families = frozenset().union(*(_families(c.claim.content.text) for c in targets.values()))
    found: list[ClaimContext] = []
    for denial in members:
        for other in _near(contexts, denial):
            claim = other.claim
            if (
                claim.id not in taken
                and claim.polarity is Polarity.ASSERT
                and claim.speaker in deniers
                and 0 <= other.sentence - denial.sentence <= 1
                and (
                    content_stems(claim.content.text) & topic
                    or _families(claim.content.text) & families
                )
            ):
                taken.add(claim.id)
                found.append(other)
    return found


def _point(denial: str) -> str:
    """A short statement of the point: the denied clause with its negation taken out."""
    clauses = re.split(r",?\s+\bbut\b\s+|;\s+|,\s+while\s+", denial)
    clause = next((c for c in clauses if _NEGATED.search(c)), clauses[-1])
    point = _NEGATED.sub(_affirm, clause, count=1)
    words = point.split()
    return " ".join(words[:16]) + ("..." if len(words) > 16 else "")


_NEGATED: Final = re.compile(
    r"\b(?:no such (?=(?P<such>\w))|(?P<aux>had|has|have|did|does|do|was|were|is|are)(?: not|n't)"
    r"|(?P<verb>seen|saw|found|was|were) no)\b",
    re.IGNORECASE,
)


def _affirm(match: re.Match[str]) -> str:
    if match.group("such") is not None:
        article = "an" if match.group("such").lower() in "aeiou" else "a"
        return f"{article} "
    return match.group("aux") or match.group("verb")


def _name(actors: Sequence[Actor], actor_id: str) -> str:
    return next((a.name for a in actors if a.id == actor_id), actor_id)


# Nouns that count the same people from different sides' points of view.
_COUNT_CLASSES: Final[dict[str, str]] = {}
for _class, _nouns in {
    "people": """people person persons civilians residents protesters demonstrators
        marchers villagers refugees migrants patients victims workers members
        passengers inhabitants turnout crowd crowds attendance miners""",
    "soldiers": "soldiers soldier troops servicemen personnel guards officers police",
    "fighters": """fighters fighter insurgents insurgent militants militant rebels rebel
        terrorists attackers gunmen jihadists combatants""",
    "buildings": "homes home houses house buildings building dwellings properties",
    "aircraft": "aircraft planes plane jets jet helicopters helicopter drones drone",
    "vehicles": "vehicles vehicle tanks tank trucks truck",
    "ships": "ships ship vessels vessel boats boat",
}.items():
    for _noun in _nouns.split():
        _COUNT_CLASSES[_noun] = _class


#: Things whose counts need no event to be compared: units of measure ("at 11 knots")
#: and buildings and aircraft ("38 homes" against "130 houses are gone").
_COUNTABLE_ALONE: Final = frozenset({"buildings", "aircraft"})

#: Units of measure: counts of them need no event to be compared ("at 11 knots").
MEASURE_UNITS: Final = frozenset(
    """knots knot mph kilometres kilometers km miles mile metres meters feet tonnes tons
    hectares acres litres liters barrels megawatts""".split()  # not "percent": of what?
)

#: What a quantity counts (its event, and the class of its noun), either part unknown.
CountKey = tuple[str | None, str | None]


# Nouns that count the dead: "47 deaths", "180 burials" count people killed.
_DEATH_NOUNS: Final = frozenset(
    "deaths death dead fatalities bodies lives burials toll graves".split()
)


def _count_key(quantity: Quantity) -> CountKey | None:
    if quantity.interval is None or (quantity.event is None and quantity.counted is None):
        return None
    if quantity.counted is None:
        return quantity.event, None
    head = quantity.counted.split()[-1].lower()
    if head in _DEATH_NOUNS:
        return "killed", "people"
    return quantity.event, _COUNT_CLASSES.get(head, head.rstrip("s"))


def _join_partial_keys(
    clusters: dict[CountKey, list[tuple[ClaimContext, Quantity]]],
) -> None:
    """Give counts that leave out what they count, or their event, the cluster they
    belong to, when only one fits; drop the event-less ones that fit none."""
    for key, members in list(clusters.items()):
        event, thing = key
        if thing is None:  # "has risen to 47": the only count of its event
            fits = [k for k in clusters if k[0] == event and k[1] is not None]
        elif event is None:  # "[people marched], while police put the turnout at 6,000"
            sentences = {context.sentence for context, _ in members}
            evented = [k for k in clusters if k[1] == thing and k[0] is not None]
            fits = [k for k in evented if any(c.sentence in sentences for c, _ in clusters[k])]
            if not fits and thing in _COUNTABLE_ALONE:
                fits = evented  # "38 homes destroyed" and "130 houses are gone"
        else:
            continue
        if len(fits) == 1:
            clusters[fits[0]].extend(members)
            del clusters[key]
        elif (
            event is None
            and thing not in MEASURE_UNITS
            and thing not in _COUNTABLE_ALONE
            and not _same_phrase(members)
        ):
            del clusters[key]  # a count of people with no event compares with nothing


# Nouns for a count that one side gives and another doubts or dismisses.
_FIGURE_NOUNS: Final = r"figures?|numbers?|toll|count|tally"

# A count said to be off without a number of its own: "the true toll is far higher",
# "the number of wounded may be higher than reported".
_COMPARED_COUNT: Final = re.compile(
    rf"\b(?:{_FIGURE_NOUNS}|total)\b[^.;]{{0,80}}?"
    r"\b(?:higher|lower|greater|larger|smaller|more|fewer)\s+than\b"
    r"|\b(?:far|much|many\s+times|several\s+times)\s+(?:higher|lower|greater|larger)\b",
    re.IGNORECASE,
)


def _compared_event(context: ClaimContext) -> str | None:
    """The event whose count a claim says is off ("the toll ... is far higher": killed)."""
    content = context.claim.content.text
    if context.claim.quantities or _COMPARED_COUNT.search(content) is None:
        return None
    for word in _WORD.findall(content):
        lower = word.lower()
        if lower in _DEATH_NOUNS:
            return "killed"
        if lower in EVENT_WORDS:
            return EVENT_WORDS[lower]
    return None


def _same_phrase(members: list[tuple[ClaimContext, Quantity]]) -> bool:
    """Whether every count names its thing in the same words, two or more of them
    ("three whereabouts failures", "one whereabouts failure")."""
    phrases = {
        " ".join(w.lower().rstrip("s") for w in (q.counted or "").split()) for _, q in members
    }
    return len(phrases) == 1 and len(next(iter(phrases)).split()) >= 2


def _numeric_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> list[Dispute]:
    """Counts of the same thing whose intervals cannot both hold, one dispute per count.

    A claim that a count is higher or lower than reported, with no number of its own,
    denies the count of its event when the article has only one such count.
    """
    sides = _sides(actors)
    clusters: dict[CountKey, list[tuple[ClaimContext, Quantity]]] = {}
    compared: dict[str, list[ClaimContext]] = {}
    for context in contexts:
        for quantity in context.claim.quantities:
            key = _count_key(quantity)
            if key is not None:
                clusters.setdefault(key, []).append((context, quantity))
        compared_event = _compared_event(context)
        if compared_event is not None:
            compared.setdefault(compared_event, []).append(context)
    _join_partial_keys(clusters)
    disputes: list[Dispute] = []
    for (event, counted), members in clusters.items():
        unique_event = sum(1 for key in clusters if key[0] == event) == 1
        comparisons = compared.get(event, []) if event is not None and unique_event else []
        # The earliest count is the reference the others affirm or deny.
        members.sort(key=lambda member: member[1].span.start)
        first_context, first = members[0]
        reference = first.interval
        side = sides.get(first_context.claim.speaker, first_context.claim.speaker)
        if reference is None:
            continue
        # Counts of other days are not about the same thing ("47 on Thursday").
        members = [m for m in members if _overlap(first_context, m[0])]
        stances: dict[str, Stance] = {}
        for context, quantity in members:
            interval = quantity.interval
            if interval is None:
                continue
            agrees = interval[0] <= reference[1] and reference[0] <= interval[1]
            stance = Stance.AFFIRMS if agrees else Stance.DENIES
            if stances.get(context.claim.id) is not Stance.DENIES:
                stances[context.claim.id] = stance
        comparisons = [c for c in comparisons if _overlap(first_context, c)]
        for context in comparisons:
            stances[context.claim.id] = Stance.DENIES
        deniers = [c for c, _ in members if stances.get(c.claim.id) is Stance.DENIES]
        deniers += comparisons
        if not deniers or all(sides.get(c.claim.speaker, c.claim.speaker) == side for c in deniers):
            continue
        thing = first.counted or (counted or "")
        disputes.append(
            Dispute(
                kind=DisputeKind.NUMERIC,
                point=" ".join(part for part in (first.text, thing, event) if part),
                positions=tuple(Position(claim=i, stance=st) for i, st in stances.items()),
                reason=f"counts of {thing or event or 'one thing'} that do not overlap: "
                + ", ".join(sorted({q.text for _, q in members})),
            )
        )
    return disputes


# --- contradictions: two assertions of opposed states of one thing ---------------------

# Opposed states that two sides' accounts of one event give, each with how the reason
# names it: a post "held" against "overrun", traffic "continuing" against "halted".
_OPPOSED_STATES: Final = tuple(
    (label, re.compile(rf"\b(?:{one})\b"), re.compile(rf"\b(?:{other})\b"))
    for label, one, other in (
        (
            ("held", "overrun or abandoned"),
            "held|holds|holding|repelled|repulsed|defended|retained",
            "overran|overrun|abandoned|fell|withdrew|retreated",
        ),
        (
            ("continuing", "halted"),
            "continuing|continued|operating|working|functioning|running",
            "standstill|halted|stopped|idle|closed|shut|paralysed|paralyzed|suspended",
        ),
        (
            ("under control", "spreading"),
            r"under\s+control|contained|stable|easing",
            r"spreading|worsening|out\s+of\s+control|overwhelmed|surging",
        ),
        (("reached", "cut off"), "reached|accessible", r"cut\s+off|unreachable|inaccessible"),
    )
)
_ANY_STATE: Final = re.compile(
    "|".join(f"(?:{one.pattern})|(?:{other.pattern})" for _, one, other in _OPPOSED_STATES)
)
#: A claim is compared with at most this many claims of the opposed state on each side
#: of it, nearest first: a bound that keeps the search linear.
_CONTRADICTION_PARTNERS: Final = 16
_TOPIC_WORD: Final = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def _topic(text: str) -> frozenset[str]:
    """What a claim speaks of: its words of four letters or more, stemmed, minus
    function words ("the post was overrun" -> post)."""
    words = (w.lower().removesuffix("'s") for w in _TOPIC_WORD.findall(text))
    return frozenset(stem(w) for w in words if w not in STOP_WORDS)


def _contradiction_disputes(
    contexts: Sequence[ClaimContext], actors: Sequence[Actor], found: Sequence[Dispute]
) -> list[Dispute]:
    """Assertions of two sides that give one thing opposed states ("the post was held",
    "the post was overrun"), about the same time and with a word of topic in common."""
    sides = _sides(actors)
    disputes_of: dict[str, set[int]] = {}
    for index, dispute in enumerate(found):
        for position in dispute.positions:
            disputes_of.setdefault(position.claim, set()).add(index)
    disputes: list[Dispute] = []
    # Most claims name no opposed state at all: one search finds those that do.
    asserted = [
        (context, context.claim.content.text.lower())
        for context in contexts
        if context.claim.polarity is Polarity.ASSERT
    ]
    stated = [(context, lowered) for context, lowered in asserted if _ANY_STATE.search(lowered)]
    for (one_label, other_label), one, other in _OPPOSED_STATES:
        ones: list[ClaimContext] = []
        others: list[ClaimContext] = []
        for context, lowered in stated:
            is_one, is_other = one.search(lowered), other.search(lowered)
            if is_one and not is_other:
                ones.append(context)
            elif is_other and not is_one:
                others.append(context)
        linked: dict[str, tuple[ClaimContext, Stance]] = {}
        for against in others:
            side = sides.get(against.claim.speaker, against.claim.speaker)
            topic = _topic(against.claim.content.text)
            middle = bisect.bisect_left(ones, against.sentence, key=_sentence_of)
            nearby = ones[
                max(0, middle - _CONTRADICTION_PARTNERS) : middle + _CONTRADICTION_PARTNERS
            ]
            for claim_for in nearby:
                if (
                    sides.get(claim_for.claim.speaker, claim_for.claim.speaker) != side
                    and abs(claim_for.sentence - against.sentence) <= NEAR_SENTENCES
                    and _overlap(claim_for, against)
                    and topic & _topic(claim_for.claim.content.text)
                    and not (
                        disputes_of.get(claim_for.claim.id, set())
                        & disputes_of.get(against.claim.id, set())
                    )
                ):
                    linked[claim_for.claim.id] = (claim_for, Stance.AFFIRMS)
                    linked[against.claim.id] = (against, Stance.DENIES)
        if not linked:
            continue
        ordered = sorted(linked.values(), key=lambda item: item[0].claim.content.span.start)
        first = next(c for c, stance in ordered if stance is Stance.AFFIRMS)
        holders = sorted(
            {_name(actors, c.claim.speaker) for c, st in ordered if st is Stance.AFFIRMS}
        )
        opponents = sorted(
            {_name(actors, c.claim.speaker) for c, st in ordered if st is Stance.DENIES}
        )
        disputes.append(
            Dispute(
                kind=DisputeKind.CONTRADICTION,
                point=_shorten(first.claim.content.text),
                positions=tuple(Position(claim=c.claim.id, stance=st) for c, st in ordered),
                reason=f"{' and '.join(holders)} say {one_label}; "
                f"{' and '.join(opponents)} say {other_label}",
            )
        )
    return disputes


def _shorten(text: str, words: int = 16) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


# A denial of someone's numbers: "dismissed the ministry's figure as inflated".
_OF_FIGURES: Final = re.compile(rf"\b(?:{_FIGURE_NOUNS}|estimates?|statistics)\b", re.IGNORECASE)


def _fold_figure_denials(
    denials: list[Dispute], numeric: list[Dispute], by_id: dict[str, ClaimContext]
) -> list[Dispute]:
    """Denials of another side's figures join the numeric dispute over those figures,
    against the side they dismiss; the denials that stay are returned."""
    kept: list[Dispute] = []
    counted_in: dict[str, int] = {}  # claim id -> the numeric dispute that counts it
    for index, dispute in enumerate(numeric):
        for position in dispute.positions:
            counted_in.setdefault(position.claim, index)
    for denial in denials:
        denying = [
            p.claim
            for p in denial.positions
            if p.stance is Stance.DENIES and by_id[p.claim].claim.polarity is Polarity.DENY
        ]
        affirmed = {p.claim for p in denial.positions if p.stance is Stance.AFFIRMS}
        about_figures = any(_OF_FIGURES.search(by_id[i].claim.content.text) for i in denying)
        found = sorted(counted_in[i] for i in affirmed if i in counted_in)
        if not (about_figures and found):
            kept.append(denial)
            continue
        target = found[0]
        counted = numeric[target]
        dismissed = next(p.stance for p in counted.positions if p.claim in affirmed)
        against = Stance.AFFIRMS if dismissed is Stance.DENIES else Stance.DENIES
        present = {p.claim for p in counted.positions}
        added = tuple(Position(claim=i, stance=against) for i in denying if i not in present)
        numeric[target] = Dispute(  # a new id: derived from the new positions
            kind=counted.kind,
            point=counted.point,
            positions=counted.positions + added,
            reason=f"{counted.reason}; {denial.reason}",
        )
    return kept


def find_disputes(contexts: Sequence[ClaimContext], actors: Sequence[Actor]) -> tuple[Dispute, ...]:
    """Denial, numeric and contradiction disputes among the claims of one article."""
    numeric = _numeric_disputes(contexts, actors)
    by_id = {c.claim.id: c for c in contexts}
    denials = _fold_figure_denials(_denial_disputes(contexts, actors), numeric, by_id)
    found = denials + numeric
    return _merge_same(found + _contradiction_disputes(contexts, actors, found))


def _merge_same(disputes: list[Dispute]) -> tuple[Dispute, ...]:
    """One dispute per kind and set of positions: two points on which the same claims
    disagree in the same way ("19 trapped" against "23", "14 rescued" against "11") are
    one dispute, with both points and both reasons."""
    merged: dict[str, Dispute] = {}
    for dispute in disputes:
        known = merged.get(dispute.id)
        if known is None:
            merged[dispute.id] = dispute
            continue
        merged[dispute.id] = Dispute(
            kind=known.kind,
            point=f"{known.point}; {dispute.point}",
            positions=known.positions,
            reason=f"{known.reason}; {dispute.reason}",
            note=known.note,
        )
    return tuple(merged.values())
