"""Corpus-wide actor keys: one string for the same actor in any article.

An actor's id is local to its article (``police`` in two articles are two ids
that happen to read alike; ``russian-defense-ministry`` and
``russia-s-defense-ministry`` are one actor under two ids). Its key is the
identity key of :func:`claimkit.identity.name_key`, taken from the first of its
names that :class:`claimkit.corpus.Corpus` would merge actors on, so the tables
and the corpus agree on who is who.
"""

from __future__ import annotations

from claimkit.corpus.sides import merge_keys as corpus_merge_keys
from claimkit.identity import name_key
from claimkit.model import Actor

__all__ = ["actor_key"]


def actor_key(actor: Actor) -> str | None:
    """The corpus-wide key of ``actor``, or None when its names identify no one.

    The key is the country a name starts with and the rest of the name, case
    folded, joined by ``|`` ("Russia|defense ministry"), or either part alone
    ("Russia", "police"). Countries are capitalised and the rest is folded, so
    two different keys never read alike. Anonymous sources, a person's single
    name ("Mustafa") and names that leave nothing once articles and titles are
    dropped have no key.

    >>> from claimkit import Actor, ActorKind
    >>> actor_key(Actor(name="Russian Defense Ministry", kind=ActorKind.MILITARY))
    'Russia|defense ministry'
    >>> actor_key(Actor(name="Russia's defense ministry", kind=ActorKind.MILITARY))
    'Russia|defense ministry'
    >>> actor_key(Actor(name="the police", kind=ActorKind.GOVERNMENT))
    'police'
    >>> actor_key(Actor(name="a source", kind=ActorKind.ANONYMOUS)) is None
    True
    """
    merge_keys = corpus_merge_keys(actor)
    if not merge_keys:
        return None
    for name in actor.names:
        key = name_key(name)
        country, rest = key.country or "", key.rest
        if f"{country}|{rest}" in merge_keys:
            return f"{country}|{rest}" if country and rest else country or rest
    raise AssertionError(f"no name of {actor.name!r} gives one of its merge keys")
