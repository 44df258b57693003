"""Sides across a corpus: which speakers of different articles are one party.

Claims of one side never dispute each other. A speaker's side is the actor it
speaks for: its affiliation when the article gives one, else itself. Two
actors of different articles are one side when their names share an identity
key (:func:`claimkit.identity.name_key`), directly or through another actor
that bears both names: the keys are joined in a union-find that grows with
the number of distinct names, not with the corpus. Anonymous sources and
descriptions without a capital ("the ministry") have no key: each is a side of
its own article.

>>> from claimkit import Actor, ActorKind
>>> sides = Sides()
>>> moscow = sides.add(Actor(name="Moscow", kind=ActorKind.GOVERNMENT))
>>> russia = sides.add(Actor(name="Russia", kind=ActorKind.GOVERNMENT))
>>> sides.side(moscow, "a1") == sides.side(russia, "a2")
True
>>> sides.side(sides.add(Actor(name="witnesses", kind=ActorKind.ANONYMOUS)), "a1")
'a1#'
"""

from __future__ import annotations

import functools

from claimkit.identity import name_key
from claimkit.model import Actor, ActorKind, Article

__all__ = ["Sides", "merge_keys", "speaker_keys"]


def merge_keys(actor: Actor) -> tuple[str, ...]:
    """Keys that identify an actor across articles, sorted; none for anonymous sources.

    Names without a capital letter ("the ministry") describe rather than name,
    and a person's single name ("Mustafa") is too common: neither is a key.
    """
    if actor.kind is ActorKind.ANONYMOUS:
        return ()
    return _merge_keys(actor.kind, actor.names)


# The same speakers come back in article after article: their keys are made once.
@functools.lru_cache(maxsize=1 << 14)
def _merge_keys(kind: ActorKind, names: tuple[str, ...]) -> tuple[str, ...]:
    keys = set()
    for i, name in enumerate(names):
        if i > 0 and not any(ch.isupper() for ch in name):
            continue
        key = name_key(name)
        if key.empty:
            continue
        if kind is ActorKind.PERSON and key.country is None and len(key.rest.split()) < 2:
            continue
        keys.add(f"{key.country or ''}|{key.rest}")
    return tuple(sorted(keys))


def speaker_keys(article: Article) -> dict[str, tuple[str, ...] | str]:
    """For each actor id of an article, the keys of the side it speaks for, or (when
    that side has no key) the id of the actor whose side it is, local to the article."""
    by_id = {actor.id: actor for actor in article.actors}
    found: dict[str, tuple[str, ...] | str] = {}
    for actor in article.actors:
        side = actor
        if actor.affiliation is not None and actor.affiliation in by_id:
            side = by_id[actor.affiliation]
        keys = merge_keys(side)
        found[actor.id] = keys if keys else side.id
    return found


class Sides:
    """A union-find over identity keys: :meth:`add` the keys, then ask each :meth:`side`."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, actor_or_keys: Actor | tuple[str, ...] | str) -> tuple[str, ...] | str:
        """Join the keys of an actor (or keys from :func:`speaker_keys`); returns them."""
        if isinstance(actor_or_keys, Actor):
            keys: tuple[str, ...] | str = merge_keys(actor_or_keys) or ""
        else:
            keys = actor_or_keys
        if isinstance(keys, tuple) and keys:
            first = self._find(keys[0])
            for key in keys[1:]:
                other = self._find(key)
                if other != first:
                    # The smaller key is the root, so the result does not depend on order.
                    low, high = sorted((first, other))
                    self._parent[high] = low
                    first = low
        return keys

    def _find(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        if parent == key:
            return key
        root = parent
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def side(self, keys: tuple[str, ...] | str, article: str) -> str:
        """The side of a speaker with these keys, in the article with id ``article``."""
        if isinstance(keys, tuple) and keys:
            return self._find(keys[0])
        return f"{article}#{keys}"

    def __len__(self) -> int:
        return len(self._parent)
