"""The JSON Schema and the readers agree, except on the rules the schema says it cannot state.

Valid documents are mutated one value at a time (a value replaced by one of another
type or at a boundary, a key removed or added, a list shortened or repeated) and each
mutant is checked by a real validator (``jsonschema``, draft 2020-12) and by the
readers:

* what the readers accept, the schema accepts (the schema is never stricter);
* what the schema accepts and the readers reject breaks a rule of
  ``claimkit.schema.UNSTATED_RULES``: every problem the readers report matches one.
"""

from __future__ import annotations

import copy
import functools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from claimkit import ValidationError, from_dict, from_json, to_dict
from claimkit.schema import UNSTATED_RULES, json_schema
from claimkit.strategies import articles

Json = Any
VALIDATOR = Draft202012Validator(json_schema())
ROOT = Path(__file__).resolve().parents[2]

#: Values put in place of any value: other types, boundaries, hazards.
REPLACEMENTS: list[Json] = [
    None, True, False, 0, -1, 1, 2, 7, 1.5, 3.0, -0.5, 1e17, 2**53 + 1, 2**63, 10**400,
    "", "x", "\ud800", "2020-02-30", "2020-01-24", "2019-12-31", "24/01/2020", "0000-01-01",
    "exact", "up_to", "unparsed", "day", "range", "unresolved", "affirms", "other", "deny",
    "direct", "person", "denial", [], [1], ["x"], [None, None], {}, {"start": 0, "end": 1},
]  # fmt: skip


def _at(data: Json, path: tuple[Any, ...]) -> Json:
    for key in path:
        data = data[key]
    return data


def _locations(data: Json, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value below the root."""
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, child in items:
        yield (*path, key)
        yield from _locations(child, (*path, key))


_DELETE, _ADD = object(), object()


def mutations(data: Json) -> list[tuple[tuple[Any, ...], Any]]:
    """Every single mutation this test makes: (path, new value, or delete or add a key)."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    for path in _locations(data):
        parent, key = _at(data, path[:-1]), path[-1]
        value = parent[key]
        found += [
            (path, new) for new in REPLACEMENTS if not (new == value and type(new) is type(value))
        ]
        if isinstance(parent, dict):
            found.append((path, _DELETE))
        if isinstance(value, list):
            found += [
                (path, changed)
                for changed in (value[:1], value[1:], [*value, *value[:1]])
                if changed != value
            ]
        if isinstance(value, dict):
            found.append((path, _ADD))
    return found


def mutate(data: Json, mutation: tuple[tuple[Any, ...], Any]) -> Json:
    path, new = mutation
    mutant = copy.deepcopy(data)
    parent = _at(mutant, path[:-1])
    if new is _DELETE:
        del parent[path[-1]]
    elif new is _ADD:
        parent[path[-1]]["bogus"] = 1
    else:
        parent[path[-1]] = copy.deepcopy(new)
    return mutant


def mutants(data: Json) -> Iterator[Json]:
    """Every single mutant of ``data``."""
    for mutation in mutations(data):
        yield mutate(data, mutation)


def schema_accepts(data: Json) -> bool:
    return bool(VALIDATOR.is_valid(data))


def _messages(read: Any, data: Any) -> list[str]:
    try:
        read(data)
    except ValidationError as error:
        return [p.message for p in error.problems]
    return []


def reader_problems(data: Json) -> list[str]:
    """The messages of the readers' problems (both readers, which must agree)."""
    messages = _messages(from_dict, data)
    # ASCII JSON: a lone surrogate is written as an escape, as another program would.
    assert _messages(from_json, json.dumps(data).encode()) == messages
    return messages


def unstated(message: str) -> list[str]:
    return [rule.name for rule in UNSTATED_RULES if rule.matches(message)]


def check(data: Json) -> tuple[bool, list[str]]:
    """Check one mutant; return whether the schema accepts it, and the readers' problems."""
    by_schema = schema_accepts(data)
    problems = reader_problems(data)
    if not problems:
        assert by_schema, ("the schema refuses what the readers accept", data)
    elif by_schema:
        unexplained = [m for m in problems if not unstated(m)]
        assert not unexplained, ("the schema accepts, the readers refuse:", unexplained)
    return by_schema, problems


def hand_document() -> Json:
    text = "Russia said up to 40 died on Thursday. The NLF denied it."
    return {
        "text": text, "published": "2020-01-24", "title": None, "source": None, "url": None,
        "language": "en", "format_version": 1, "id": "a1",
        "actors": [
            {"name": "Russia", "kind": "government", "aliases": [], "role": None,
             "affiliation": None, "mentions": [{"start": 0, "end": 6}], "id": "russia"},
            {"name": "NLF", "kind": "armed_group", "aliases": ["the NLF"], "role": None,
             "affiliation": "russia", "mentions": [{"start": 43, "end": 46}], "id": "nlf"},
        ],
        "claims": [
            {"speaker": "russia", "cue": {"text": "said", "span": {"start": 7, "end": 11}},
             "content": {"text": "up to 40 died", "span": {"start": 12, "end": 25}},
             "mode": "indirect", "polarity": "assert", "hedged": False,
             "when": {"text": "on Thursday", "span": {"start": 26, "end": 37},
                      "precision": "day", "start": "2020-01-23", "end": "2020-01-23"},
             "quantities": [{"text": "up to 40", "span": {"start": 12, "end": 20},
                             "hedge": "up_to", "low": None, "high": 40, "counted": None,
                             "event": "died"},
                            {"text": "40", "span": {"start": 18, "end": 20},
                             "hedge": "exact", "low": 40, "high": 40.0, "counted": None,
                             "event": "died"}],
             "confidence": 0.5, "id": "c1",
             "extractor": {"name": "rules", "version": "1", "rule": None}},
            {"speaker": "nlf", "cue": {"text": "denied", "span": {"start": 47, "end": 53}},
             "content": {"text": "it", "span": {"start": 54, "end": 56}},
             "mode": "indirect", "polarity": "deny", "hedged": False, "when": None,
             "quantities": [], "confidence": None, "extractor": None, "id": "c2"},
        ],
        "disputes": [
            {"kind": "denial", "point": "40 died", "reason": None, "note": None, "id": "d1",
             "positions": [{"claim": "c1", "stance": "affirms"},
                           {"claim": "c2", "stance": "denies"}]},
        ],
    }  # fmt: skip


def test_the_documents_are_valid() -> None:
    seed = json.loads((ROOT / "seeds" / "idlib-2020-01-24.json").read_bytes())
    for data in (hand_document(), seed):
        assert schema_accepts(data)
        assert reader_problems(data) == []


@functools.cache
def hand_outcomes() -> tuple[tuple[bool, tuple[str, ...]], ...]:
    """For each mutant of the hand-written document: schema accepts, the readers' problems."""
    found = []
    for mutant in mutants(hand_document()):
        by_schema, problems = check(mutant)
        found.append((by_schema, tuple(problems)))
    return tuple(found)


def test_every_mutant_of_a_document_written_by_hand() -> None:
    counts = Counter((by_schema, not problems) for by_schema, problems in hand_outcomes())
    # The mutations reach all three outcomes, the schema's gap included.
    assert set(counts) == {(True, True), (True, False), (False, False)}, counts
    assert sum(counts.values()) > 2000


@pytest.mark.parametrize("rule", [rule.name for rule in UNSTATED_RULES])
def test_every_unstated_rule_is_needed(rule: str) -> None:
    """Each rule explains a mutant that the schema accepts and the readers refuse."""
    assert any(
        by_schema and any(rule in unstated(m) for m in problems)
        for by_schema, problems in hand_outcomes()
    ), f"no mutant breaks {rule!r}: is the schema missing it, or the test?"


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(articles(max_claims=3), st.data())
def test_mutants_of_generated_articles(article: Any, data: st.DataObject) -> None:
    document = to_dict(article)
    assert check(document) == (True, [])
    every = mutations(document)
    for i in data.draw(st.lists(st.integers(0, len(every) - 1), min_size=1, max_size=20)):
        check(mutate(document, every[i]))
