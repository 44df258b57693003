"""The JSON Schema (2020-12) of a serialized article, and the rules it cannot state.

:func:`json_schema` states every rule of a single field that the readers
enforce: types, ``required`` and ``additionalProperties: false`` everywhere,
``minLength`` for names, texts and ids, ``minimum``/``maximum`` for offsets and
confidence, ``minItems`` for a dispute's positions, real calendar dates, the
one format version, and (with ``if``/``then``) which bounds a hedge needs and
which dates a time's precision needs.

What it cannot state is listed in :data:`UNSTATED_RULES` and in the schema's
``description``: rules that relate two values (a span's end and its start, an
excerpt's text and the article's), and rules of the JSON text that JSON
Schema's data model cannot see (``3.0`` is an integer to JSON Schema, not to
claimkit). A document that the schema accepts and the readers reject breaks one
of these, and the error says which.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Final

import attrs
import msgspec

from claimkit._checks import MAX_OFFSET
from claimkit._convert import MODEL_CLASSES
from claimkit.model import FORMAT_VERSION, Article, Hedge, TimePrecision

__all__ = ["UNSTATED_RULES", "Rule", "json_schema"]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule the readers enforce that JSON Schema cannot state.

    ``name`` is short and stable; ``description`` says the rule; ``messages``
    is a regular expression that matches the message of every problem that
    breaks it.
    """

    name: str
    description: str
    messages: str

    def matches(self, message: str) -> bool:
        """Whether a problem's message says that this rule is broken."""
        return re.search(self.messages, message) is not None


#: Every rule the readers enforce beyond the schema.
UNSTATED_RULES: Final[tuple[Rule, ...]] = (
    Rule(
        name="span-order",
        description="a span's end is not before its start",
        messages=r"^must be >= start \(",
    ),
    Rule(
        name="span-length",
        description="the span of an excerpt, a quantity or a time covers as many characters"
        " as its text has",
        messages=r"^covers \d+ characters but the text has \d+$"
        r"|^does not cover as many characters as the text has$",
    ),
    Rule(
        name="bounds-order",
        description="a quantity's low is not above its high, and an exact quantity has low == high",
        messages=r"^must be >= low \(|^an exact quantity needs low == high",
    ),
    Rule(
        name="time-order",
        description="a 'day' time has end == start, a 'range' time end > start",
        messages=r"^a 'day' time needs end == start|^a 'range' time needs end > start",
    ),
    Rule(
        name="distinct-positions",
        description="the positions of a dispute are on different claims",
        messages=r"^claim .* is listed twice$",
    ),
    Rule(
        name="inside-the-text",
        description="every span lies inside the article's text, every excerpt reads as the"
        " text it covers, and every mention reads as the name or an alias of its actor"
        " (ignoring case)",
        messages=r"is past the end of the text \(\d+ characters\)$"
        r"|does not match the text at \[|is neither the name nor an alias of the actor$",
    ),
    Rule(
        name="unique-ids",
        description="the ids of the actors, of the claims and of the disputes of an article"
        " are unique",
        messages=r"^duplicate (actor|claim|dispute) id ",
    ),
    Rule(
        name="references",
        description="speakers and affiliations are ids of actors of the article (an actor"
        " is not its own affiliation), and positions are on claims of the article",
        messages=r"^no (actor|claim) has the id |^an actor cannot be its own affiliation$",
    ),
    Rule(
        name="two-parties",
        description="a dispute has claims of at least two different actors",
        messages=r"^a dispute needs claims of at least two different actors$",
    ),
    Rule(
        name="integer-literals",
        description="an integer field holds an integer written as one: 3, not 3.0 or 3e0"
        " (which JSON Schema counts as integers); and an integer has no more digits than"
        " Python reads (4300 by default)",
        messages=r"^expected an integer, got number$|digits is longer than Python reads$",
    ),
    Rule(
        name="exact-numbers",
        description="an integer in a number field is one that a float holds exactly (every"
        " integer up to 2**53 = 9007199254740992; beyond, only some); write a float to mean"
        " a rounded value",
        messages=r"cannot be held exactly by a number",
    ),
    Rule(
        name="unicode-text",
        description="strings are Unicode text: no lone surrogate (such as \\ud800)",
        messages=r"contains a lone surrogate ",
    ),
)

# A real date of the proleptic Gregorian calendar, years 0001 to 9999.
_MONTH_DAY: Final = (
    r"(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8])"
)
_LEAP_YEAR: Final = r"[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00"
DATE_PATTERN: Final = rf"^(?!0000)(?:[0-9]{{4}}-(?:{_MONTH_DAY})|(?:{_LEAP_YEAR})-02-29)$"

# Keywords added to single fields: {class: {field: keywords}}.
_FIELD_RULES: Final[dict[str, dict[str, dict[str, Any]]]] = {
    "Span": {
        "start": {"minimum": 0, "maximum": MAX_OFFSET},
        "end": {"minimum": 0, "maximum": MAX_OFFSET},
    },
    "Quantity": {"text": {"minLength": 1}},
    "TimeRef": {"text": {"minLength": 1}},
    "Actor": {"name": {"minLength": 1}},
    "ExtractorInfo": {
        "name": {"minLength": 1},
        "version": {"minLength": 1},
        "rule": {"minLength": 1},
    },
    "Claim": {"confidence": {"minimum": 0, "maximum": 1}},
    "Dispute": {"point": {"minLength": 1}, "positions": {"minItems": 2}},
    "Article": {"language": {"minLength": 1}, "format_version": {"const": FORMAT_VERSION}},
}

_NUMBER: Final = {"type": "number"}
_NULL: Final = {"type": "null"}
_DATE: Final = {"type": "string"}

# Which bounds each hedge needs, and which dates each precision needs.
_HEDGE_BOUNDS: Final[dict[Hedge, tuple[dict[str, Any] | None, dict[str, Any] | None]]] = {
    Hedge.EXACT: (_NUMBER, _NUMBER),
    Hedge.APPROXIMATE: (_NUMBER, _NUMBER),
    Hedge.UP_TO: (_NULL, _NUMBER),
    Hedge.AT_LEAST: (_NUMBER, _NULL),
    Hedge.VAGUE: (_NUMBER, None),
    Hedge.UNPARSED: (_NULL, _NULL),
}
_PRECISION_DATES: Final[dict[TimePrecision, dict[str, Any]]] = {
    TimePrecision.DAY: _DATE,
    TimePrecision.RANGE: _DATE,
    TimePrecision.UNRESOLVED: _NULL,
}


def _conditions(field: str, cases: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "if": {"properties": {field: {"const": member.value}}, "required": [field]},
            "then": {"properties": properties},
        }
        for member, properties in cases.items()
    ]


def _add(prop: dict[str, Any], keywords: dict[str, Any]) -> None:
    """Add keywords to a property, or to its non-null branch when it may be null."""
    for branch in prop.get("anyOf", [prop]):
        if branch.get("type") != "null":
            branch.update(keywords)


def _description() -> str:
    rules = "; ".join(f"{rule.name}: {rule.description}" for rule in UNSTATED_RULES)
    return (
        "A serialized claimkit article. Every rule of a single field is stated here. The"
        " readers also enforce rules that JSON Schema cannot state, each named in the error"
        f" that breaks it: {rules}. The JSON text itself must be UTF-8, without duplicate"
        " keys, NaN or Infinity, nested at most 64 levels."
    )


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the serialized :class:`~claimkit.model.Article`.

    Every key is required and no other key is allowed, as in the decoders; each
    definition's ``description`` is the first paragraph of its class's
    docstring, and the root's says which rules the schema cannot state.
    """
    schema = msgspec.json.schema(Article)
    defs: dict[str, Any] = schema.get("$defs", {})
    for name, definition in defs.items():
        if definition.get("type") != "object":
            continue
        properties: dict[str, Any] = definition.get("properties", {})
        for private in [field for field in properties if field.startswith("_")]:
            del properties[private]  # not serialized (the memory of a derived id)
        definition["required"] = list(properties)
        definition["additionalProperties"] = False
        for field, prop in properties.items():
            prop.pop("default", None)
            for branch in prop.get("anyOf", [prop]):
                if branch.get("format") == "date":
                    branch["pattern"] = DATE_PATTERN
            _add(prop, _FIELD_RULES.get(name, {}).get(field, {}))
        cls = next((c for c in MODEL_CLASSES if c.__name__ == name), None)
        if cls is not None and cls.__doc__:
            definition["description"] = " ".join(cls.__doc__.split("\n\n")[0].split())
    defs["Quantity"]["allOf"] = _conditions(
        "hedge",
        {
            hedge: {
                key: bound
                for key, bound in zip(("low", "high"), bounds, strict=True)
                if bound is not None
            }
            for hedge, bounds in _HEDGE_BOUNDS.items()
        },
    )
    defs["TimeRef"]["allOf"] = _conditions(
        "precision",
        {kind: {"start": dates, "end": dates} for kind, dates in _PRECISION_DATES.items()},
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "claimkit article"
    schema["description"] = _description()
    return copy.deepcopy(dict(schema))
