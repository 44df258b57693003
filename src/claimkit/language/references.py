"""What a denial refers to, across one article.

A denial rarely repeats what it denies. It names the account ("the rebel account",
"Kestrel's claim", "that version"), points back ("That did not happen"), names the
speaker it answers ("disputed the Syrian media and Russian government accounts"), or
answers an accusation made against its own side. :class:`References` resolves these
for the claims of one article, in order. The extractor's denial disputes and
:func:`claimkit.compare.compare` (given the article) both ask it, so they cannot
disagree on what a denial is about.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Final

from claimkit.language.counts import roles_named
from claimkit.language.events import event_kinds
from claimkit.language.lexicon import ADJECTIVES, COUNTRIES, KIND_KEYWORDS
from claimkit.language.sentences import sentence_index
from claimkit.language.text import content_stems, normalize_name
from claimkit.model import Actor, ActorKind, Article, Claim, Polarity

__all__ = ["NEAR_CLAIMS", "NEAR_SENTENCES", "ActorNames", "References", "sides"]

#: A denial answers claims at most this many sentences away: an article's reach. Bounding
#: it keeps the search linear in the length of the text.
NEAR_SENTENCES: Final = 60
#: ... and at most this many claims on either side: a text without sentence ends can hold
#: any number of claims in one sentence.
NEAR_CLAIMS: Final = 64
#: A denial that names a speaker answers at most this many of its latest claims.
NAMED_ACCOUNTS: Final = 8


def _name_keys(actor: Actor) -> tuple[str, ...]:
    """Padded forms of an actor's names to look for in a text (" syrian state media ")."""
    return _keys_of_names(actor.name, actor.aliases, actor.kind)


# A pure function of the names and the kind: the same actors recur across articles.
@functools.lru_cache(maxsize=4096)
def _keys_of_names(name: str, aliases: tuple[str, ...], kind: ActorKind) -> tuple[str, ...]:
    actor = Actor(name=name, aliases=aliases, kind=kind)
    keys: list[str] = []
    for name in actor.names:
        words = _WORDS_ONLY.sub(" ", normalize_name(name)).split()
        if words:
            keys.append(" " + " ".join(words) + " ")
        # "Syrian media" for "Syrian state media": every word but the second, in order.
        if len(words) >= 3:
            keys.append(" " + " ".join(words[:1] + words[2:]) + " ")
    country = _state_of(actor)
    if country is not None:  # "the Russian government" speaks for all of Russia's organs
        adjective = COUNTRIES[country][0].lower()
        keys += [f" {adjective} government ", f" {adjective} authorities "]
    return tuple(keys)


def _state_of(actor: Actor) -> str | None:
    """The country an actor is the state of, or an organ of ("Russia", "the Russian
    Defense Ministry", "the Malian army")."""
    if actor.name in COUNTRIES:
        return actor.name
    if actor.kind not in (ActorKind.GOVERNMENT, ActorKind.MILITARY):
        return None
    words = normalize_name(actor.name).split()
    for size in (2, 1):
        country = _BY_ADJECTIVE.get(" ".join(words[:size]))
        if country is not None and len(words) > size:
            return country
    return None


_BY_ADJECTIVE: Final = {normalize_name(a): c for a, c in ADJECTIVES.items() if c in COUNTRIES}


_WORDS_ONLY: Final = re.compile(r"[^\w'-]+")


class ActorNames:
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
    r"\b(?:(?P<owner>[A-Za-z][\w-]*)['’]s?|the\s+(?P<adjective>[a-z][\w-]*)|the|that|this|these"
    r"|those|such"
    r"|(?!(?:the|a|an|any|all|such|these|those|some|their|its)\b)"
    r"(?P<modifier>[a-z][\w-]*)(?=\s+(?:allegations|accusations|claims|reports|figures)))"
    r"\s+(?:\w+\s+)?(?:account|accounts|version|versions|claim|claims|figures?|reports?"
    r"|allegations?|accusations?|statements?|numbers?|estimates?|toll|tally|assertions?)\b",
    re.IGNORECASE,
)
# A denial that points back at what was just said: "That did not happen."
_ANAPHORIC_DENIAL: Final = re.compile(
    r"(?:that|this|it|this account|that account)\s+(?:did\s+not|didn't|never|is\s+not|isn't"
    r"|was\s+not|wasn't|is\s+(?:false|untrue|a\s+lie)|was\s+(?:false|untrue))\b",
    re.IGNORECASE,
)
_ACCUSATION_CUES: Final = ("accus", "blam")
_ACCUSED: Final = re.compile(r"(?:[\w'’-]+\s+){0,4}?([\w'’-]+)\s+(?:of|for)\b")


def sides(actors: Sequence[Actor]) -> dict[str, str]:
    """Each actor's side: the organisation it speaks for, or itself."""
    return {a.id: a.affiliation or a.id for a in actors}


class References:
    """The claims of one article (in order, with the sentence each is in) and what each
    denial among them refers to. Built once per article."""

    def __init__(
        self, actors: Sequence[Actor], claims: Sequence[Claim], sentences: Sequence[int]
    ) -> None:
        self.claims = claims
        self.sentences = sentences
        self.names = ActorNames(actors)
        self.sides = sides(actors)
        self.position = {claim.id: index for index, claim in enumerate(claims)}
        self._actor_names = {actor.id: actor.name for actor in actors}
        self._accused: dict[int, set[str]] = {}
        self._named_in: dict[int, set[str]] = {}
        self._referents: dict[int, set[int]] = {}
        self._denials: dict[str, list[int]] | None = None
        self._own: dict[int, set[int]] = {}
        self._topics: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    @classmethod
    def of(cls, article: Article) -> References:
        """The references of an extracted or annotated article."""
        starts = sentence_index(article.text)
        sentences = [bisect.bisect_right(starts, c.content.span.start) - 1 for c in article.claims]
        return cls(article.actors, article.claims, sentences)

    def speaker_name(self, claim_id: str) -> str:
        """The name of the speaker of the claim with this id."""
        speaker = self.claims[self.position[claim_id]].speaker
        return self._actor_names.get(speaker, speaker)

    def side(self, claim: Claim) -> str:
        """The side a claim's speaker is on."""
        return self.sides.get(claim.speaker, claim.speaker)

    def near(self, index: int) -> range:
        """The claims within :data:`NEAR_SENTENCES` sentences and :data:`NEAR_CLAIMS`
        claims of claim ``index``."""
        sentence = self.sentences[index]
        first = bisect.bisect_left(self.sentences, sentence - NEAR_SENTENCES)
        last = bisect.bisect_right(self.sentences, sentence + NEAR_SENTENCES)
        return range(max(first, index - NEAR_CLAIMS), min(last, index + NEAR_CLAIMS + 1))

    def accused_sides(self, index: int) -> set[str]:
        """The sides an accusation accuses ("accused [the tribunal] of halting")."""
        if index not in self._accused:
            claim = self.claims[index]
            found: set[str] = set()
            if claim.cue.text.lower().startswith(_ACCUSATION_CUES):
                match = _ACCUSED.match(claim.content.text)
                if match is not None:
                    found = {self.sides.get(a, a) for a in self.names.named_by(match.group(1))}
            self._accused[index] = found
        return self._accused[index]

    def named_sides(self, index: int) -> set[str]:
        """The sides whose actors the content of claim ``index`` names."""
        if index not in self._named_in:
            actors = self.names.actors_in(self.claims[index].content.text)
            self._named_in[index] = {self.sides.get(a, a) for a in actors}
        return self._named_in[index]

    def referents(self, index: int) -> set[int]:
        """The asserting claims of other sides that denial ``index`` refers to: by
        naming the account, by pointing back, by naming their speaker (said before
        it), by answering an accusation against its side, or by being named in them
        with a word in common; or that another denial of its speaker in its sentence
        refers to. Empty for a claim that does not deny."""
        if index in self._referents:
            return self._referents[index]
        denial = self.claims[index]
        found: set[int] = set()
        if denial.polarity is Polarity.DENY:
            found = set(self._own_referents(index))
            # "X disputed the accounts and said no such assault had taken place": the
            # denials of one speaker in one sentence answer the same claims.
            for j in self.near(index):
                mate = self.claims[j]
                if (
                    j != index
                    and self.sentences[j] == self.sentences[index]
                    and mate.speaker == denial.speaker
                    and mate.polarity is Polarity.DENY
                ):
                    found |= self._own_referents(j)
        self._referents[index] = found
        return found

    def _own_referents(self, index: int) -> set[int]:
        if index not in self._own:
            self._own[index] = self._find_referents(index, self.claims[index])
        return self._own[index]

    def _find_referents(self, index: int, denial: Claim) -> set[int]:
        side = self.side(denial)
        start = denial.content.span.start
        others = [
            j
            for j in self.near(index)
            if self.claims[j].polarity is Polarity.ASSERT and self.side(self.claims[j]) != side
        ]
        earlier = [j for j in others if self.claims[j].content.span.start < start]
        found: set[int] = set()
        account = _ACCOUNT.search(denial.content.text)
        if account is not None:  # "Kestrel's claim", "the rebel account", "that version"
            word = account.group("owner") or account.group("adjective") or account.group("modifier")
            if word is not None:
                owners = self.names.named_by(word)
                found |= {j for j in earlier if self.claims[j].speaker in owners}
            elif earlier:
                latest = self.claims[earlier[-1]].speaker
                found |= {j for j in earlier if self.claims[j].speaker == latest}
        if earlier and _ANAPHORIC_DENIAL.match(denial.content.text) is not None:
            found.add(max(earlier, key=lambda j: self.claims[j].content.span.start))
        named = self.names.actors_in(denial.content.text, exclude=denial.speaker)
        stems = content_stems(denial.content.text)
        named_accounts: dict[str, list[int]] = {}
        span = denial.content.span
        for j in others:
            claim = self.claims[j]
            if span.contains(claim.content.span):
                found.add(j)  # "denied reports claiming [the jets hit a school]"
            elif side in self.accused_sides(j):
                found.add(j)  # "X accused the tribunal of ...": the tribunal denies it
            elif side in self.named_sides(j) and stems & content_stems(claim.content.text):
                found.add(j)  # "Jepkorir tested positive" / "she denied taking"
            elif claim.speaker in named and self.sentences[j] <= self.sentences[index]:
                named_accounts.setdefault(claim.speaker, []).append(j)
        # "disputed the Syrian media ... accounts": the latest accounts of each one named.
        for accounts in named_accounts.values():
            found.update(accounts[-NAMED_ACCOUNTS:])
        return found

    def about(self, denial: int, other: int) -> bool:
        """Whether denial ``denial`` answers claim ``other``: it refers to it, or speaks of
        the same kind of event of the same people or with two content words in common.
        "denied any militant deaths" does not answer "three soldiers were killed": when both
        name who in a fight (:func:`~claimkit.language.counts.roles_named`), one of them."""
        if other in self.referents(denial):
            return True
        kinds_a, stems_a = self.topic(denial)
        kinds_b, stems_b = self.topic(other)
        if len(stems_a & stems_b) >= 2:
            return True
        if not kinds_a & kinds_b:
            return False
        roles_a = roles_named(self.claims[denial].content.text)
        roles_b = roles_named(self.claims[other].content.text)
        return not (roles_a and roles_b) or bool(roles_a & roles_b)

    def topic(self, index: int) -> tuple[frozenset[str], frozenset[str]]:
        """The kinds of event and the content stems of claim ``index``."""
        if index not in self._topics:
            text = self.claims[index].content.text
            self._topics[index] = (event_kinds(text), content_stems(text))
        return self._topics[index]

    def counters(self, target: int, counter: int) -> bool:
        """Whether claim ``counter`` is what a speaker who denied claim ``target`` asserts
        instead, in the sentence of the denial or the next, on the same topic."""
        claim, denied = self.claims[counter], self.claims[target]
        if claim.polarity is not Polarity.ASSERT or denied.polarity is not Polarity.ASSERT:
            return False
        # The denials its speaker made in its sentence or the one before: most claims
        # have none, and the test ends here.
        denials = self._denials_before(claim.speaker, self.sentences[counter], counter)
        if not denials or self.side(claim) == self.side(denied):
            return False
        kinds_a, stems_a = self.topic(counter)
        kinds_b, stems_b = self.topic(target)
        if not (stems_a & stems_b or kinds_a & kinds_b):
            # "X said [A], denying [B]": the statement the denial is a participle of is
            # the account given instead, whatever its words.
            denials = [d for d in denials if self._participle_of(d, counter)]
        return any(self.about(d, target) for d in denials)

    def _participle_of(self, denial: int, statement: int) -> bool:
        """Whether denial ``denial`` is a participle ("..., denying ...") that follows
        claim ``statement`` in its sentence."""
        cue = self.claims[denial].cue
        return (
            self.sentences[denial] == self.sentences[statement]
            and denial > statement
            and cue.text.lower().endswith("ing")
        )

    def may_counter(self, counter: int) -> bool:
        """Whether claim ``counter`` asserts, and its speaker denied something in its
        sentence or the one before: what :meth:`counters` needs before any target."""
        claim = self.claims[counter]
        if claim.polarity is not Polarity.ASSERT:
            return False
        sentence = self.sentences[counter]
        return bool(self._denials_before(claim.speaker, sentence, counter))

    def _denials_before(self, speaker: str, sentence: int, index: int) -> list[int]:
        """The denials of ``speaker`` in ``sentence`` or the one before, among the claims
        :meth:`near` claim ``index`` (claims are in order, so bisections find them)."""
        if self._denials is None:
            self._denials = {}
            for index, claim in enumerate(self.claims):
                if claim.polarity is Polarity.DENY:
                    self._denials.setdefault(claim.speaker, []).append(index)
        denials = self._denials.get(speaker, [])
        reach = self.near(index)
        key = self.sentences.__getitem__
        first = max(
            bisect.bisect_left(denials, sentence - 1, key=key),
            bisect.bisect_left(denials, reach.start),
        )
        last = min(
            bisect.bisect_right(denials, sentence, key=key),
            bisect.bisect_left(denials, reach.stop),
        )
        return denials[first:last]
