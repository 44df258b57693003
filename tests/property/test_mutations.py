"""Each single mutation that breaks an invariant is rejected, with the right path.

Every test takes a valid generated article, breaks one thing, and checks both
the serialized path (``from_json`` of the mutated JSON and ``from_dict`` of the
mutated dict) and, where the mutation can be made on objects, the constructor
path (``attrs.evolve``).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimkit import Article, Excerpt, Span, ValidationError, from_dict, from_json, to_dict
from claimkit.errors import Problem
from claimkit.serialize import validate_json
from claimkit.strategies import articles

Json = dict[str, Any]

#: Fields whose serialized value is a plain JSON string (not a date or an enum).
STRING_FIELDS = frozenset(
    {"text", "name", "role", "affiliation", "id", "speaker", "claim", "point", "reason", "note"}
    | {"title", "source", "url", "language", "version", "counted", "event"}
)


def objects(value: Any, path: str = "$") -> Iterator[tuple[str, Json]]:
    """Every JSON object inside ``value``, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from objects(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from objects(child, f"{path}[{i}]")


def fields(data: Json) -> list[tuple[str, Json, str]]:
    """Every (path, object, key) of a serialized document."""
    return [(f"{path}.{key}", obj, key) for path, obj in objects(data) for key in obj]


def serialized_problems(data: Json) -> list[Problem]:
    """The problems that both serialized paths report (they must report the same)."""
    with pytest.raises(ValidationError) as from_dict_error:
        from_dict(data)
    text = json.dumps(data, ensure_ascii=False)
    with pytest.raises(ValidationError) as from_json_error:
        from_json(text)
    expected = list(from_dict_error.value.problems)
    # JSON text has lines: one line here, so every problem is on line 1.
    on_line_1 = [attrs.evolve(p, line=1) for p in expected]
    assert list(from_json_error.value.problems) == on_line_1
    assert validate_json(text) == on_line_1
    return expected


def pinned(obj: Any, **changes: Any) -> Any:
    """A changed copy of ``obj`` that keeps its id, even a derived one.

    ``attrs.evolve`` derives a derived id again from the new content; an object
    built anew with its id keeps it, derived or not.
    """
    return attrs.evolve(obj, **changes, _origin=None)


def constructor_problems(article: Article, **changes: Any) -> list[Problem]:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(article, **changes)
    return list(error.value.problems)


def excerpt_paths(article: Article) -> list[str]:
    """Paths of every excerpt-like object (with ``text`` and ``span``) of the claims."""
    paths = []
    for i, claim in enumerate(article.claims):
        paths += [f"$.claims[{i}].cue", f"$.claims[{i}].content"]
        paths += [f"$.claims[{i}].quantities[{j}]" for j in range(len(claim.quantities))]
        if claim.when is not None:
            paths.append(f"$.claims[{i}].when")
    return paths


def lookup(data: Json, path: str) -> Json:
    return dict(objects(data))[path]


@given(articles(min_claims=1), st.data())
def test_span_past_the_end_of_the_text(article: Article, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(excerpt_paths(article)))
    shift = data.draw(st.integers(min_value=1, max_value=50))
    mutated = to_dict(article)
    span = lookup(mutated, path)["span"]
    delta = len(article.text) - span["end"] + shift
    span["start"] += delta
    span["end"] += delta
    message = f"{span['end']} is past the end of the text ({len(article.text)} characters)"
    expected = [Problem(path=path + ".span.end", message=message)]
    assert serialized_problems(mutated) == expected

    # The same mutation on objects.
    i = int(path.split("[")[1].split("]")[0])
    claim = article.claims[i]
    moved = Span(start=span["start"], end=span["end"])
    field = path.split(".")[2]
    if field == "cue":
        claim = pinned(claim, cue=Excerpt(text=claim.cue.text, span=moved))
    elif field == "content":
        claim = pinned(claim, content=Excerpt(text=claim.content.text, span=moved))
    elif field == "when":
        assert claim.when is not None
        claim = pinned(claim, when=attrs.evolve(claim.when, span=moved))
    else:
        j = int(field.split("[")[1].rstrip("]"))
        found = list(claim.quantities)
        found[j] = attrs.evolve(found[j], span=moved)
        claim = pinned(claim, quantities=tuple(found))
    changed = list(article.claims)
    changed[i] = claim
    assert constructor_problems(article, claims=tuple(changed)) == expected


@given(articles(), st.data())
def test_mention_past_the_end_of_the_text(article: Article, data: st.DataObject) -> None:
    mentioned = [(i, j) for i, a in enumerate(article.actors) for j in range(len(a.mentions))]
    assume(mentioned)
    i, j = data.draw(st.sampled_from(mentioned))
    mutated = to_dict(article)
    mention = mutated["actors"][i]["mentions"][j]
    delta = len(article.text) - mention["start"] + 1
    mention["start"] += delta
    mention["end"] += delta
    path = f"$.actors[{i}].mentions[{j}].end"
    message = f"{mention['end']} is past the end of the text ({len(article.text)} characters)"
    expected = [Problem(path=path, message=message)]
    assert serialized_problems(mutated) == expected

    actor = article.actors[i]
    moved = list(actor.mentions)
    moved[j] = Span(start=mention["start"], end=mention["end"])
    changed = list(article.actors)
    changed[i] = attrs.evolve(actor, mentions=tuple(moved))
    assert constructor_problems(article, actors=tuple(changed)) == expected


@given(articles(min_claims=1), st.data())
def test_dangling_speaker(article: Article, data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(article.claims) - 1))
    ghost = data.draw(st.text(min_size=1).filter(lambda s: s not in {a.id for a in article.actors}))
    mutated = to_dict(article)
    mutated["claims"][i]["speaker"] = ghost
    expected = [Problem(path=f"$.claims[{i}].speaker", message=f"no actor has the id {ghost!r}")]
    assert serialized_problems(mutated) == expected

    changed = list(article.claims)
    changed[i] = pinned(changed[i], speaker=ghost)
    assert constructor_problems(article, claims=tuple(changed)) == expected


@given(articles(min_actors=2), st.data())
def test_duplicate_actor_id(article: Article, data: st.DataObject) -> None:
    j = data.draw(st.integers(min_value=1, max_value=len(article.actors) - 1))
    i = data.draw(st.integers(min_value=0, max_value=j - 1))
    taken = article.actors[i].id
    expected = Problem(path=f"$.actors[{j}].id", message=f"duplicate actor id {taken!r}")
    mutated = to_dict(article)
    mutated["actors"][j]["id"] = taken
    # References to the lost id dangle too; the duplicate is reported first.
    assert serialized_problems(mutated)[0] == expected

    changed = list(article.actors)
    changed[j] = attrs.evolve(changed[j], id=taken)
    assert constructor_problems(article, actors=tuple(changed))[0] == expected


@given(articles(min_claims=2), st.data())
def test_duplicate_claim_id(article: Article, data: st.DataObject) -> None:
    j = data.draw(st.integers(min_value=1, max_value=len(article.claims) - 1))
    i = data.draw(st.integers(min_value=0, max_value=j - 1))
    taken = article.claims[i].id
    expected = Problem(path=f"$.claims[{j}].id", message=f"duplicate claim id {taken!r}")
    mutated = to_dict(article)
    mutated["claims"][j]["id"] = taken
    problems = serialized_problems(mutated)
    assert expected in problems
    # Anything else reported is about disputes that referred to the lost id.
    assert all(p == expected or p.path.startswith("$.disputes[") for p in problems)

    changed = list(article.claims)
    changed[j] = attrs.evolve(changed[j], id=taken)
    assert constructor_problems(article, claims=tuple(changed)) == problems


def wrong_values(data: Json, key: str, value: Any) -> list[tuple[Any, str]]:
    """Values of the wrong JSON type for ``data[key]``, with the message each must give."""
    if (key in ("start", "end") and set(data) == {"start", "end"}) or key == "format_version":
        return [
            ("3", "expected an integer, got string"),
            (True, "expected an integer, got boolean"),
        ]
    if key == "hedged":
        return [("no", "expected a boolean, got string"), (1, "expected a boolean, got integer")]
    if key in STRING_FIELDS and isinstance(value, str):
        return [(3, "expected a string, got integer"), (False, "expected a string, got boolean")]
    return []


@given(articles(), st.data())
def test_wrong_json_type(article: Article, data: st.DataObject) -> None:
    mutated = to_dict(article)
    choices = [
        (path, obj, key, wrong, message)
        for path, obj, key in fields(mutated)
        for wrong, message in wrong_values(obj, key, obj[key])
    ]
    path, obj, key, wrong, message = data.draw(st.sampled_from(choices))
    obj[key] = wrong
    assert serialized_problems(mutated) == [Problem(path=path, message=message)]


@given(articles(), st.data())
def test_unknown_key(article: Article, data: st.DataObject) -> None:
    mutated = to_dict(article)
    path, obj = data.draw(st.sampled_from(list(objects(mutated))))
    obj["bogus"] = data.draw(st.none() | st.integers() | st.text())
    assert serialized_problems(mutated) == [Problem(path=path + ".bogus", message="unknown field")]


@given(articles(), st.data())
def test_missing_key(article: Article, data: st.DataObject) -> None:
    mutated = to_dict(article)
    path, obj, key = data.draw(st.sampled_from(fields(mutated)))
    removed = obj.pop(key)
    if _optional(path) and removed is None:  # absent reads as the default it had
        assert from_dict(mutated) == article
        assert from_json(json.dumps(mutated)) == article
        return
    # A missing key with a default in the model may also break an invariant of its object
    # ("a 'day' time needs start and end"); the missing key itself must be reported,
    # unless older documents may lack it (then the key is not what is reported).
    problems = serialized_problems(mutated)
    missing = Problem(path=path, message="required field missing")
    assert (missing not in problems) if _optional(path) else (missing in problems)


def _optional(path: str) -> bool:
    """Whether the key at ``path`` may be absent (see ``OPTIONAL_KEYS``): a position's
    account, which documents written before it lack."""
    return re.search(r"\.positions\[\d+\]\.account$", path) is not None


@given(articles(), st.data())
def test_unknown_key_and_missing_key_are_both_reported(
    article: Article, data: st.DataObject
) -> None:
    # An unknown key where a known one went missing: the key count is unchanged.
    mutated = to_dict(article)
    path, obj, key = data.draw(st.sampled_from(fields(mutated)))
    obj["bogus"] = obj.pop(key)
    parent = path.rsplit(".", 1)[0]
    expected = {Problem(path=parent + ".bogus", message="unknown field")}
    if not _optional(path):
        expected.add(Problem(path=path, message="required field missing"))
    assert expected <= set(serialized_problems(copy.deepcopy(mutated)))


@given(articles(), st.data())
def test_key_moved_to_another_object_is_reported(article: Article, data: st.DataObject) -> None:
    # A key taken from one object and put into another that lacks it: the document has
    # as many keys, and as many of that name, as a valid one, but two objects are wrong.
    mutated = to_dict(article)
    path, obj, key = data.draw(st.sampled_from(fields(mutated)))
    # Not into the value moved (which would then hold itself).
    targets = [(p, o) for p, o in objects(mutated) if key not in o and not p.startswith(path)]
    assume(targets)
    target_path, target = data.draw(st.sampled_from(targets))
    target[key] = obj.pop(key)
    expected = {Problem(path=f"{target_path}.{key}", message="unknown field")}
    if not _optional(path):
        expected.add(Problem(path=path, message="required field missing"))
    assert expected <= set(serialized_problems(mutated))
