"""Corpus disputes as JSON Lines: one :class:`~claimkit.corpus.EventDispute` a line.

A line is :meth:`EventDispute.to_dict <claimkit.corpus.EventDispute.to_dict>` as
compact JSON (UTF-8, keys in the order below), what ``claimkit disputes`` writes:

* ``event``: ``kind``, ``place`` (or null), ``actors`` (identity keys, when no place)
  and ``start`` (the first day of its period, ``YYYY-MM-DD``, or null);
* ``positions``: one per distinct account, each with its ``polarity`` (``assert`` or
  ``deny``), ``account`` (what it says, in a few words) and ``claims``, each naming
  its ``article`` (id), that article's ``source`` (or null), the ``claim`` (id) and the
  ``side`` it speaks for;
* ``conflicts``: the pairs of positions that cannot both hold: ``kind`` (``denial`` or
  ``numeric``), ``positions`` (two indices into ``positions``), ``pairs`` (the pairs
  of claims it stands for: of different articles and sides) and ``reason``.

:func:`dispute_schema` is its JSON Schema, made from the model's classes as the
article's is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import msgspec

from claimkit.corpus.positions import EventDispute
from claimkit.schema import DATE_PATTERN

__all__ = ["dispute_line", "dispute_schema", "write_disputes"]

# Bounds the model keeps and the generated schema does not say.
_BOUNDS: dict[str, dict[str, dict[str, Any]]] = {
    "EventDispute": {"positions": {"minItems": 2}, "conflicts": {"minItems": 1}},
    "Position": {"claims": {"minItems": 1}},
    "Conflict": {"pairs": {"minimum": 1}},
}


def dispute_line(dispute: EventDispute) -> bytes:
    """The line of ``dispute``, without its line end."""
    return json.dumps(dispute.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()


def write_disputes(disputes: Iterable[EventDispute], stream: IO[bytes]) -> int:
    """Write each dispute as a line as it comes (flushed); the number written."""
    written = 0
    for dispute in disputes:
        stream.write(dispute_line(dispute) + b"\n")
        stream.flush()  # a reader sees each dispute as soon as it is found
        written += 1
    return written


def dispute_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a line: every key required, no other allowed.

    Its description names what the schema cannot state: each conflict's positions
    are two different indices of ``positions``.
    """
    schema = msgspec.json.schema(EventDispute)
    for name, definition in schema["$defs"].items():
        if definition.get("type") != "object":
            continue
        definition["additionalProperties"] = False
        definition["description"] = " ".join(definition["description"].split("\n\n")[0].split())
        for field, bounds in _BOUNDS.get(name, {}).items():
            definition["properties"][field].update(bounds)
    start = schema["$defs"]["EventKey"]["properties"]["start"]
    for branch in start["anyOf"]:
        if branch.get("format") == "date":
            branch["pattern"] = DATE_PATTERN
    for index in schema["$defs"]["Conflict"]["properties"]["positions"]["prefixItems"]:
        index["minimum"] = 0
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimkit corpus dispute",
        "description": "One line of `claimkit disputes`: the positions of one event and"
        " which of them cannot both hold. Not stated here: the two positions of a conflict"
        " are different indices into `positions`.",
        **schema,
    }
