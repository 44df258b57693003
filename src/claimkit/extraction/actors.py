"""Actors: one per entity, with aliases, roles, affiliations and later mentions.

The registry turns the noun phrase of a speaker ("The spokesman for the
National Liberation Front coalition of rebel groups Naji al-Mustafa",
"the ministry", "Moscow", "he") into an actor, reusing the actor that an
earlier mention introduced.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from claimkit import _trusted
from claimkit.language.lexicon import (
    ADJECTIVES,
    ALIASES_OF_COUNTRY,
    CAPITALS,
    COUNTRIES,
    DETERMINERS,
    HONORIFICS,
    KIND_KEYWORDS,
    NAME_PARTICLES,
    NP_CONNECTORS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_KIND,
    ROLE_WORDS,
    TITLE_WORDS,
)
from claimkit.language.text import normalize_name
from claimkit.language.tokens import Token, tokenize
from claimkit.model import Actor, ActorKind, slug

__all__ = ["ActorRegistry", "Draft"]

_LOOKBACK: Final = 64
_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"'”’)]*\s|\n")
_TITLES_ONLY: Final = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+)*")
_POSSESSIVE: Final = re.compile(r"^(.+?)['’]s\s+(.+)$")
_PERSON_NAME: Final = re.compile(
    r"\b[A-Z][a-z]+(?:[ -](?:(?:al|el|bin|van|von|de)-?)?[A-Z][a-z]+){1,3}\b"
)


@attrs.define
class Draft:
    """An actor under construction."""

    name: str
    kind: ActorKind
    aliases: list[str] = attrs.Factory(list)
    role: str | None = None
    affiliation: Draft | None = None
    mentions: list[tuple[int, int]] = attrs.Factory(list)
    first: int = 0
    last: int = 0

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def mention(self, start: int, end: int) -> None:
        if not self.mentions:
            self.first = start
        if not self.mentions or self.mentions[-1] != (start, end):
            self.mentions.append((start, end))  # duplicates are dropped when built
        self.first = min(self.first, start)
        self.last = max(self.last, start)


# Each keyword's kind: the first row of KIND_KEYWORDS that holds it, by its place there.
_KIND_RANK: Final = {
    word: rank for rank, (_, words) in reversed(list(enumerate(KIND_KEYWORDS))) for word in words
}
_KINDS: Final = tuple(ActorKind(kind) for kind, _ in KIND_KEYWORDS)


def _kind_from_words(words: list[str]) -> ActorKind | None:
    """The kind of the first row of KIND_KEYWORDS that a word names (case-blind, with or
    without its full stops)."""
    best: int | None = None
    for word in words:
        lower = word.lower()
        for form in (lower, lower.strip(".")):
            rank = _KIND_RANK.get(form)
            if rank is not None and (best is None or rank < best):
                best = rank
    return None if best is None else _KINDS[best]


def _is_name_token(token: Token) -> bool:
    if token.lower in NAME_PARTICLES:
        return True
    head = token.text.split("-")[-1]
    return token.is_capitalized or (
        "-" in token.text
        and token.text.split("-")[0].lower() in NAME_PARTICLES
        and head[:1].isupper()
    )


class ActorRegistry:
    """The actors of one article, built mention by mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[Draft] = []
        self._by_name: dict[str, Draft] = {}
        self._names: list[tuple[int, int]] = []  # person names found so far, in order
        self._names_scanned = 0

    # --- lookup -------------------------------------------------------------------------

    def find(self, name: str) -> Draft | None:
        """The actor that already goes by ``name`` (or an alias), if any."""
        return self._by_name.get(normalize_name(name))

    def _register(self, draft: Draft, name: str) -> None:
        self._by_name.setdefault(normalize_name(name), draft)

    def _new(self, name: str, kind: ActorKind, start: int) -> Draft:
        draft = Draft(name=name, kind=kind, first=start, last=start)
        self.drafts.append(draft)
        self._register(draft, name)
        return draft

    def _alias(self, draft: Draft, alias: str) -> None:
        if alias.casefold() not in {n.casefold() for n in draft.names()}:
            draft.aliases.append(alias)
        self._register(draft, alias)

    def _latest(self) -> list[Draft]:
        """The actors introduced last: later mentions ("the ministry", "he") look back
        only this far, which keeps long texts linear; articles have far fewer actors."""
        return self.drafts[-_LOOKBACK:]

    def _recent(self, before: int, *, person: bool | None) -> Draft | None:
        best: Draft | None = None
        for draft in self._latest():
            if draft.last > before or not draft.mentions:
                continue
            if person is not None and (draft.kind is ActorKind.PERSON) != person:
                continue
            if best is None or draft.last > best.last:
                best = draft
        return best

    def _person_before(self, start: int) -> Draft | None:
        """For "he" or "she" with no person among the speakers so far: the actor named by a
        single unknown word ("Lavrov said ... He said"), or the last name in the text before
        ("Foreign Minister Sergei Lavrov arrived ... He said")."""
        for draft in sorted(self._latest(), key=lambda d: d.last, reverse=True):
            if (
                draft.last <= start
                and draft.kind is ActorKind.ORGANIZATION
                and len(draft.name.split()) == 1
                and _kind_from_words([draft.name]) is None
            ):
                draft.kind = ActorKind.PERSON
                return draft
        name = self._name_before(start)
        return None if name is None else self._resolve(*name)

    def _opens_sentence(self, index: int) -> bool:
        """Whether only capitalised words (titles) come between the start of the sentence
        and ``index``."""
        breaks = list(_SENTENCE_BREAK.finditer(self.text, max(0, index - 200), index))
        if not breaks and index > 200:
            return False
        opening = breaks[-1].end() if breaks else 0
        return _TITLES_ONLY.fullmatch(self.text, opening, index) is not None

    def _name_before(self, start: int) -> tuple[int, int] | None:
        """The last person's name that ends before ``start``, at most 400 characters back.

        The text is scanned for names once, front to back, as the questions move on:
        a run of pronouns with no name before them costs no rescanning.
        """
        text = self.text
        while self._names_scanned < start:
            match = _PERSON_NAME.search(text, self._names_scanned)
            if match is None:
                self._names_scanned = len(text)
                break
            tokens = tokenize(text, match.start(), match.end())
            if _looks_like_person_name(tokens):
                self._names.append(match.span())
            self._names_scanned = match.end()
        index = bisect.bisect_left(self._names, (start, start))
        while index > 0:
            index -= 1
            first, last = self._names[index]
            if first < start - 400:
                return None
            if last > start:  # a name that runs on past ``start``: its part before it
                cut = _PERSON_NAME.match(text, first, start)
                if cut is None or not _looks_like_person_name(tokenize(text, *cut.span())):
                    continue
                return cut.span()
            return first, last
        return None

    # --- resolution ---------------------------------------------------------------------

    def resolve(
        self,
        start: int,
        end: int,
        *,
        apposition: tuple[int, int] | None = None,
        acronym: tuple[int, int] | None = None,
    ) -> Draft | None:
        """The actor named by the noun phrase ``text[start:end]``, new or known.

        ``apposition`` is the span of a phrase set off by commas: a description
        ("Naji al-Mustafa, the spokesman for the NLF,") gives role and
        affiliation; a name ("the coalition's coordinator, Rafael Matos,") is
        the speaker, described by the noun phrase. ``acronym`` ("(GLM)")
        becomes an alias.
        """
        if apposition is not None:
            given = self._given_name(start, end, *apposition)
            if given is not None:
                name = self.text[given[0] : given[1]]
                person = self.find(name) or self._new(name, ActorKind.PERSON, given[0])
                person.mention(*given)
                self._apposition(person, (start, end))
                return person
            name_run = self._trailing_name(*apposition)
            if name_run is not None:
                # The apposition names the person; the phrase before it describes them.
                described = self._resolve(name_run[0], name_run[1], apposition=(start, end))
                if described is not None and apposition[0] < name_run[0]:
                    self._describe_with(described, apposition[0], name_run[0])
                return described
        draft = self._resolve(start, end, apposition=apposition)
        if draft is not None and acronym is not None:
            self._alias(draft, self.text[acronym[0] : acronym[1]])
            draft.mention(*acronym)
        return draft

    def _trailing_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The person's name that ends a phrase ("regional governor's adviser Farrukh Nazarov")."""
        tokens = [t for t in tokenize(self.text, start, end) if t.is_word]
        first = len(tokens)
        while first > 0 and _is_name_token(tokens[first - 1]):
            first -= 1
        name = tokens[first:]
        if not _looks_like_person_name(name):
            return None
        if first and tokens[first - 1].lower in _BEFORE_NO_NAME:
            return None  # "director of the Cambodian Center for Human Rights": a name's end
        return name[0].start, name[-1].end

    def _given_name(
        self, start: int, end: int, name_start: int, name_end: int
    ) -> tuple[int, int] | None:
        """A single name set off after a description: "a villager, ..., Aigul, said"."""
        described = [t for t in tokenize(self.text, start, end) if t.is_word]
        name = [t for t in tokenize(self.text, name_start, name_end) if t.is_word]
        if not described or described[0].lower not in DETERMINERS or len(name) != 1:
            return None
        word = name[0]
        if (
            not word.is_capitalized
            or word.text.isupper()
            or word.text in ADJECTIVES
            or word.text in COUNTRIES
            or _kind_from_words([word.text]) is not None
        ):
            return None
        return word.start, word.end

    def _describe_with(self, draft: Draft, start: int, end: int) -> None:
        tokens = [t for t in tokenize(self.text, start, end) if t.is_word]
        role_index = _last_role(tokens)
        if role_index is not None:
            self._roles(draft, tokens, role_index)

    def _resolve(
        self, start: int, end: int, *, apposition: tuple[int, int] | None = None
    ) -> Draft | None:
        tokens = tokenize(self.text, start, end)
        while tokens and not tokens[-1].is_word:
            tokens.pop()
        while tokens and not tokens[0].is_word:
            tokens.pop(0)
        if not tokens:
            return None
        start, end = tokens[0].start, tokens[-1].end
        surface = self.text[start:end]
        lower = surface.lower()

        if len(tokens) == 1:
            lower = POSSESSIVE_PRONOUNS.get(lower, lower)  # "his claim": a claim of "he"
        if len(tokens) == 1 and lower in PRONOUN_KIND:
            person = PRONOUN_KIND[lower] == "person"
            found = self._recent(start, person=person)
            if person and found is not None:
                # "U.N. Secretary-General Ban Ki-moon welcomed what he called ...": the
                # name that opens the pronoun's own sentence, after the latest speaker.
                name = self._name_before(start)
                if (
                    name is not None
                    and name[0] > found.last
                    and _SENTENCE_BREAK.search(self.text, name[1], start) is None
                    and self._opens_sentence(name[0])
                ):
                    return self._resolve(*name)
            if found is None and person:
                found = self._person_before(start)
            return found

        known = self.find(surface)
        if known is not None:
            self._record(known, start, end, surface)
            return known

        country = self._country_of(tokens)
        if country is not None:
            nation = self.find(country) or self._new(country, ActorKind.GOVERNMENT, start)
            self._record(nation, start, end, surface)
            return nation

        if tokens[0].lower in DETERMINERS and all(not t.is_capitalized for t in tokens[1:]):
            described = self._definite(tokens, start)
            if described is not None:
                self._record(described, start, end, surface)
                return described

        named = [t for t in tokens if t.is_word]
        if len(named) == 2 and named[0].lower in HONORIFICS and named[1].is_capitalized:
            titled = self._surname(named[1].text, start)  # "Mr. Yalla" after "Kumba Yalla"
            if titled is not None:
                self._record(titled, start, end, surface)
                return titled

        if len(tokens) == 1 and tokens[0].is_capitalized:
            short = self._surname(tokens[0].text, start)
            if short is not None:
                self._record(short, start, end, surface)
                return short

        if len(tokens) == 2 and tokens[0].lower == "the" and tokens[1].is_capitalized:
            # "the Authority" after "the National Emergency Authority"
            described = self._definite(tokens, start)
            if described is not None:
                self._record(described, start, end, surface)
                return described

        return self._describe(tokens, apposition)

    def _record(self, draft: Draft, start: int, end: int, surface: str) -> None:
        if surface.casefold() not in {n.casefold() for n in draft.names()}:
            self._alias(
                draft,
                surface[0].lower() + surface[1:]
                if surface.split()[0].lower() in DETERMINERS
                else surface,
            )
        draft.mention(start, end)

    def _country_of(self, tokens: list[Token]) -> str | None:
        words = [t.text for t in tokens if t.lower not in ("the",)]
        phrase = " ".join(words)
        if phrase in COUNTRIES:
            return phrase
        if phrase in CAPITALS:
            return CAPITALS[phrase]
        if phrase in ALIASES_OF_COUNTRY:
            return ALIASES_OF_COUNTRY[phrase]
        if phrase in ADJECTIVES and len(words) == 1:
            return ADJECTIVES[phrase]  # "Turkish President Tayyip Erdogan": Turkey
        # "the Russian government", "Syria's government"
        if len(words) == 2 and words[1].lower() in ("government", "authorities", "administration"):
            head = re.sub(r"['’]s$", "", words[0])
            if head in ADJECTIVES:
                return ADJECTIVES[head]
            if head in COUNTRIES:
                return head
        return None

    def _definite(self, tokens: list[Token], start: int) -> Draft | None:
        """The latest actor whose name or role has the head noun ("the ministry")."""
        head = tokens[-1].lower
        best: Draft | None = None
        for draft in self._latest():
            words = {w.lower() for n in draft.names() for w in n.split()}
            if draft.role:
                words |= {w.lower() for w in draft.role.split()}
            if head in words and draft.first <= start and (best is None or draft.last > best.last):
                best = draft
        if best is None and head in _GENERIC_HEADS:
            # "the company" for the latest organisation, "the rebels" for the latest armed
            # group; "the commission" names an institution of its own
            kind = _kind_from_words([head])
            for draft in self._latest():
                if (
                    draft.kind is kind
                    and draft.first <= start
                    and (best is None or draft.last > best.last)
                ):
                    best = draft
        return best

    def _surname(self, word: str, start: int) -> Draft | None:
        """A known actor that one word names: a person's surname ("Mustafa"), or the
        first word of an organisation's name ("Kestrel" for "Kestrel Labs")."""
        key = word.casefold()
        for draft in reversed(self._latest()):
            if draft.first > start:
                continue
            parts = [p.casefold() for p in re.split(r"[\s-]+", draft.name)]
            if draft.kind is ActorKind.PERSON:
                if key in parts[1:]:
                    return draft
            elif len(parts) > 1 and parts[0] == key:
                return draft
        return None

    def _describe(self, tokens: list[Token], apposition: tuple[int, int] | None) -> Draft | None:
        """A new actor from a descriptive noun phrase."""
        honorific = tokens[0].lower in HONORIFICS and len(tokens) > 1
        if honorific:
            tokens = [t for t in tokens[1:] if t.is_word] or tokens  # "Mr. Biden" is Biden
        words = [t.text for t in tokens]
        # A person's name closes the phrase: a run of capitalised words after a
        # lower-case role word, or after a title ("Foreign Minister Sergei Lavrov").
        name_start = len(tokens)
        while name_start > 0 and _is_name_token(tokens[name_start - 1]):
            name_start -= 1
        # Ranks and titles open a name but are not part of it ("Colonel Issa Konde").
        while name_start < len(tokens) and (
            tokens[name_start].lower in NAME_PARTICLES
            or tokens[name_start].lower in ROLE_WORDS
            or tokens[name_start].lower in TITLE_WORDS
        ):
            name_start += 1
        name_tokens = tokens[name_start:]
        prefix = tokens[:name_start]
        role_index = _last_role(prefix) if prefix else None
        if name_tokens and role_index is None and prefix == []:
            # The whole phrase is capitalised: a person's name only if it has a title
            # inside ("Foreign Minister Sergei Lavrov") or looks like a personal name.
            split = _title_split(name_tokens)
            if split is not None:
                prefix, name_tokens = name_tokens[:split], name_tokens[split:]
                role_index = _last_role(prefix)
        person = (
            bool(name_tokens)
            and role_index is not None
            and _kind_from_words([t.text for t in name_tokens]) is None
        )
        if person:
            name = self.text[name_tokens[0].start : name_tokens[-1].end]
            draft = self.find(name) or self._new(name, ActorKind.PERSON, tokens[0].start)
            draft.mention(name_tokens[0].start, name_tokens[-1].end)
            self._roles(draft, prefix, role_index)
            if apposition is not None:
                self._apposition(draft, apposition)
            return draft
        if apposition is not None and _looks_like_person_name(tokens):
            name = self.text[tokens[0].start : tokens[-1].end]
            draft = self.find(name) or self._new(name, ActorKind.PERSON, tokens[0].start)
            draft.mention(tokens[0].start, tokens[-1].end)
            self._apposition(draft, apposition)
            return draft
        member_of = _organisation_of_members(tokens)
        if member_of is not None:
            tokens = member_of
            words = [t.text for t in tokens]
        named = _named_after_descriptor(tokens)
        if named is not None:
            tokens = named
        # An organisation, a group of sources, an outlet...
        words = [t.text for t in tokens]
        if tokens[0].lower in ("the", "a", "an", "his", "her", "its", "their", "our"):
            tokens = tokens[1:]
            if not tokens:
                return None
        start, end = tokens[0].start, tokens[-1].end
        surface = self.text[start:end]
        name = _canonical(surface, sentence_initial=_at_sentence_start(self.text, start))
        kind = _kind_from_words(words)
        head = tokens[-1].lower
        if honorific:
            kind = ActorKind.PERSON
        elif head in ROLE_WORDS:
            # "the spokesman" is someone; "a senior official" is an unnamed source.
            indefinite = words[0].lower() in ("a", "an") or head.endswith("s")
            kind = ActorKind.ANONYMOUS if indefinite else ActorKind.PERSON
        elif kind is None:
            person = member_of is None and _looks_like_person_name(tokens)  # members: a body
            kind = ActorKind.PERSON if person else ActorKind.ORGANIZATION
        draft = self.find(name) or self._new(name, kind, start)
        if surface != name:
            self._alias(draft, surface)
        draft.mention(start, end)
        return draft

    def _roles(self, draft: Draft, prefix: list[Token], role_index: int | None) -> None:
        if role_index is None:
            return
        role_token = prefix[role_index]
        first = role_index
        while (
            first > 0
            and prefix[first - 1].is_capitalized
            and prefix[first - 1].lower in TITLE_WORDS
        ):
            first -= 1
        role = self.text[prefix[first].start : role_token.end]
        if draft.role is None:
            draft.role = (
                role if prefix[first].is_capitalized and role_token.is_capitalized else role.lower()
            )
        rest = prefix[role_index + 1 :]
        before = prefix[:first]
        org_tokens = _org_after_preposition(rest) or _org_before_role(before)
        if org_tokens is not None and draft.affiliation is None:
            org_surface = _canonical(
                self.text[org_tokens[0].start : org_tokens[-1].end], sentence_initial=False
            )
            country = self._country_of(org_tokens)
            org = self.find(country or org_surface)
            if org is None:
                descriptor = [t.text for t in rest] + [t.text for t in before]
                kind = _kind_from_words([t.text for t in org_tokens]) or _kind_from_words(
                    descriptor
                )
                name = country or org_surface
                if country is not None:
                    kind = ActorKind.GOVERNMENT
                org = self._new(name, kind or ActorKind.ORGANIZATION, org_tokens[0].start)
            org.mention(org_tokens[0].start, org_tokens[-1].end) if not country else None
            if org is not draft:
                draft.affiliation = org
        elif draft.affiliation is None and [t.lower for t in before] in (["its"], ["their"]):
            # "its spokesman": the organisation spoken of last
            owner = self._recent(prefix[0].start, person=False)
            if owner is not None and owner is not draft:
                draft.affiliation = owner

    def _apposition(self, draft: Draft, span: tuple[int, int]) -> None:
        self._describe_with(draft, span[0], span[1])

    def _kind_by_head_noun(self, draft: Draft) -> ActorKind:
        """An organisation's kind from a noun after its name where the text first
        gives it: "the Kivu Patriotic Alliance militia" is an armed group."""
        if draft.kind is not ActorKind.ORGANIZATION or " " not in draft.name:
            return draft.kind
        # Where the article introduces it: up to its first mention as a speaker (which may
        # open with "the"), within an article's reach, so that a long text is not searched
        # whole once per actor.
        last = draft.first + len(draft.name) + 80
        index = self.text.find(draft.name, max(0, draft.first - _INTRODUCTION_REACH), last)
        following = (
            _FOLLOWING_WORD.match(self.text, index + len(draft.name)) if index >= 0 else None
        )
        if following is None:
            return draft.kind
        kind = _kind_from_words([following.group(1)])
        return draft.kind if kind is None or kind is ActorKind.ANONYMOUS else kind

    def build(self) -> tuple[tuple[Actor, ...], dict[int, str]]:
        """The finished actors, and the id of each draft (by ``id(draft)``)."""
        ids: dict[int, str] = {}
        used: set[str] = set()
        actors: list[Actor] = []
        for draft in self.drafts:
            base = slug(draft.name)
            actor_id, n = base, 2
            while actor_id in used:
                actor_id, n = f"{base}-{n}", n + 1
            used.add(actor_id)
            ids[id(draft)] = actor_id
        for draft in self.drafts:
            names = {n.casefold() for n in draft.names()}
            mentions = tuple(
                _trusted.span(s, e)
                for s, e in sorted(set(draft.mentions))
                if self.text[s:e].casefold() in names
            )
            actors.append(
                _trusted.actor(
                    id=ids[id(draft)],
                    name=draft.name,
                    kind=self._kind_by_head_noun(draft),
                    aliases=tuple(draft.aliases),
                    role=draft.role,
                    affiliation=ids[id(draft.affiliation)] if draft.affiliation else None,
                    mentions=mentions,
                )
            )
        return tuple(actors), ids


_INTRODUCTION_REACH: Final = 5000
_FOLLOWING_WORD: Final = re.compile(r"[ \t]+([A-Za-z]+)")


def _last_role(tokens: list[Token]) -> int | None:
    """The role word of a description; a lower-case one ("spokesman") wins over a rank."""
    found = [i for i, t in enumerate(tokens) if t.lower in ROLE_WORDS]
    lower = [i for i in found if not tokens[i].is_capitalized]
    if lower:
        return lower[-1]
    return found[-1] if found else None


def _title_split(tokens: list[Token]) -> int | None:
    """Where the name starts in "Foreign Minister Sergei Lavrov" (after the last role word)."""
    index = _last_role(tokens)
    if index is None or index == len(tokens) - 1:
        return None
    return index + 1


def _org_after_preposition(tokens: list[Token]) -> list[Token] | None:
    """The organisation after a preposition: "for the National Liberation Front coalition"."""
    for i, token in enumerate(tokens):
        if token.lower in ("for", "of", "at", "from", "with", "to"):
            run: list[Token] = []
            for follower in tokens[i + 1 :]:
                if follower.lower == "the" and not run:
                    continue
                if follower.is_capitalized or (run and follower.lower in ("of", "for", "and")):
                    run.append(follower)
                else:
                    break
            while run and not run[-1].is_capitalized:
                run.pop()
            if run:
                return run
    return None


def _org_before_role(tokens: list[Token]) -> list[Token] | None:
    """ "Army spokesman John Smith" -> Army; "Iran's foreign ministry spokesman" ->
    Iran's foreign ministry."""
    run = [t for t in tokens if t.lower not in DETERMINERS]
    if run and all(t.is_capitalized for t in run):
        return run
    if run and run[0].is_capitalized and _kind_from_words([run[-1].text]) is not None:
        return run
    return None


_MEMBER_NOUNS: Final = frozenset(
    """observers members representatives workers researchers volunteers staff monitors
    experts investigators inspectors lawyers doctors officials spokespeople""".split()
)


def _organisation_of_members(tokens: list[Token]) -> list[Token] | None:
    """ "Observers from the citizens' group Ojo Ciudadano" speak for Ojo Ciudadano."""
    if not tokens or tokens[0].lower not in _MEMBER_NOUNS:
        return None
    if len(tokens) < 3 or tokens[1].lower not in ("from", "of", "at", "with"):
        return None
    run: list[Token] = []
    for token in reversed(tokens[2:]):
        if not (token.is_capitalized or (run and token.lower in ("of", "for", "and"))):
            break
        run.insert(0, token)
    while run and not run[0].is_capitalized:
        run.pop(0)
    return run or None


def _named_after_descriptor(tokens: list[Token]) -> list[Token] | None:
    """ "payroll software company Norvale Systems" -> Norvale Systems; "the country's
    National Emergency Authority" -> National Emergency Authority."""
    run: list[Token] = []
    for token in reversed(tokens):
        if token.is_capitalized or (run and token.lower in ("of", "for", "and")):
            run.insert(0, token)
        else:
            break
    while run and not run[0].is_capitalized:
        run.pop(0)
    if not run or len(run) == len(tokens):
        return None
    before = tokens[len(tokens) - len(run) - 1]
    if before.lower in NP_CONNECTORS or before.lower in DETERMINERS or before.is_capitalized:
        return None
    if any(t.lower in _LOCATIVES for t in tokens[: len(tokens) - len(run)]):
        return None  # "the operator of a plant in eastern Thailand": a place, not a name
    return run


# Heads of definite descriptions that may stand for any actor of their kind.
_GENERIC_HEADS: Final = frozenset(
    """company firm group organisation organization militia rebels insurgents militants
    fighters army military troops government authorities administration alliance
    coalition movement operator owner outlet broadcaster newspaper channel network
    charity union""".split()
)
#: Words after which capitalised words end an organisation's or a place's name, not
#: begin a person's: "Center for Human Rights", "Ministry of Foreign Affairs".
_BEFORE_NO_NAME: Final = frozenset("of for the and at in on from to with".split())
_LOCATIVES: Final = frozenset("in at near outside inside across from".split())


def _looks_like_person_name(tokens: list[Token]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    if _kind_from_words([t.text for t in tokens]) is not None:
        return False
    if any(t.text in ADJECTIVES or t.text in COUNTRIES for t in tokens):
        return False
    return all(_is_name_token(t) for t in tokens) and tokens[0].is_capitalized


def _at_sentence_start(text: str, index: int) -> bool:
    before = text[max(0, index - 3) : index].strip()
    return index == 0 or before == "" or before[-1] in '.!?\n"“(:'


_NAME_PART: Final = re.compile(r"^[a-z]{1,3}-[A-Z]")  # "al-Mustafa", "el-Sisi"
_GENERIC_SPEAKERS: Final = frozenset(
    """witnesses officials police residents activists sources organisers organizers
    analysts doctors diplomats authorities rebels militants protesters observers
    investigators prosecutors experts villagers survivors""".split()
)


def _canonical(surface: str, *, sentence_initial: bool) -> str:
    """The name of an actor from its first mention: "Russia's Foreign Ministry" ->
    "Russian Foreign Ministry"; "Diplomatic sources" at a sentence start -> "diplomatic sources"."""
    match = _POSSESSIVE.match(surface)
    if match is not None:
        owner = match.group(1)
        if owner in COUNTRIES:
            return f"{COUNTRIES[owner][0]} {match.group(2)}"
    words = surface.split()
    # A phrase of common nouns ("Diplomatic sources", "Witnesses") is capitalised only by
    # its place; a name ("Reuters", "Naji al-Mustafa") keeps its capitals.
    common = (len(words) > 1 and not any(_NAME_PART.search(w) for w in words[1:])) or (
        words[0].lower() in _GENERIC_SPEAKERS
    )
    if (
        sentence_initial
        and common
        and not words[0].isupper()
        and words[0][:1].isupper()
        and all(not w[:1].isupper() for w in words[1:])
        and words[0] not in ADJECTIVES
        and words[0] not in COUNTRIES
    ):
        return words[0][0].lower() + surface[1:]
    return surface
