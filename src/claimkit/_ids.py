"""Ids derived from content, and how they follow their content through ``attrs.evolve``.

Each model class with an id has a *content key* (what its id is derived from,
cheap to take) and a function from that key to the id (a digest, taken only
when needed). :func:`settle_id` gives an object its id when it is built.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from claimkit._checks import check_str

__all__ = [
    "actor_id",
    "actor_key",
    "article_id",
    "article_key",
    "claim_id",
    "claim_key",
    "digest",
    "dispute_id",
    "dispute_key",
    "settle_id",
    "slug",
]


# Each class with an id has a content key (what the id is derived from, cheap to
# take) and a function from that key to the id (a digest, taken only when needed).


def actor_key(actor: Any) -> object:
    return actor.name


def actor_id(key: Any) -> str:
    return slug(key)


def claim_key(claim: Any) -> object:
    cue, content = claim.cue, claim.content
    return (claim.speaker, cue.span.start, content.span.start, content.span.end, content.text)


def claim_id(key: Any) -> str:
    return "c" + digest(*key)


def dispute_key(dispute: Any) -> object:
    return (dispute.kind.value, dispute.positions)


def dispute_id(key: Any) -> str:
    kind, positions = key
    return "d" + digest(kind, *sorted(p.claim for p in positions))


def article_key(article: Any) -> object:
    return (article.published, article.text)


def article_id(key: Any) -> str:
    return "a" + digest(*key)


def settle_id(obj: Any, key_of: Callable[[Any], object], id_of: Callable[[Any], str]) -> None:
    """Give ``obj`` its derived id when it has none, or when it has a stale one.

    ``_origin`` remembers the content key an object was built with.
    ``attrs.evolve`` copies it with the id, so a copy whose content changed
    and whose id is the one its old content derived gets the id of its new
    content; a chosen id (any other) is kept. Deriving costs a digest, so it is
    done only then, never for an object built with its id.
    """
    key = key_of(obj)
    given, origin = obj.id, obj._origin
    if origin is None and given and type(given) is str and given.isascii():
        object.__setattr__(obj, "_origin", key)  # built with its id: the common case
        return
    check_str(given, "$.id")
    if not given or (origin is not None and origin != key and given == id_of(origin)):
        object.__setattr__(obj, "id", id_of(key))
    object.__setattr__(obj, "_origin", key)


def digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=6).hexdigest()


def slug(name: str) -> str:
    """A readable id from a name: "Naji al-Mustafa" -> "naji-al-mustafa"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "actor-" + digest(name)
