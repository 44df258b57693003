"""Laws of the serializers: round trips, and the fast path agreeing with the reference."""

from __future__ import annotations

import io
import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit import Article, from_dict, from_json, iter_jsonl, to_dict, to_json, write_jsonl
from claimkit.model import derived_id
from claimkit.serialize import MODEL_CLASSES, validate_json, validate_jsonl
from claimkit.strategies import (
    REGISTERED,
    actors,
    articles,
    claims,
    disputes,
    excerpts,
    extractor_infos,
    positions,
    quantities,
    spans,
    time_refs,
)

#: One strategy for every model class, as a user calls them.
EVERY_MODEL_OBJECT = st.one_of(
    spans(),
    excerpts(),
    quantities(),
    time_refs(),
    actors(),
    extractor_infos(),
    claims(),
    positions(),
    disputes(),
    articles(),
)


def test_every_model_class_has_a_strategy() -> None:
    assert set(REGISTERED) == set(MODEL_CLASSES)


@given(EVERY_MODEL_OBJECT)
def test_dict_round_trip_is_the_identity(obj: Any) -> None:
    assert from_dict(to_dict(obj), type(obj)) == obj


@given(EVERY_MODEL_OBJECT)
def test_json_round_trip_is_the_identity(obj: Any) -> None:
    assert from_json(to_json(obj), type(obj)) == obj


@given(EVERY_MODEL_OBJECT)
def test_json_is_the_dict_form(obj: Any) -> None:
    assert json.loads(to_json(obj)) == to_dict(obj)


@given(EVERY_MODEL_OBJECT)
def test_pickle_round_trip_is_the_identity(obj: Any) -> None:
    back = pickle.loads(pickle.dumps(obj))
    assert back == obj
    assert to_json(back) == to_json(obj)  # the ids too


@given(articles())
def test_a_pickled_article_keeps_its_derived_id_following_its_content(article: Article) -> None:
    back = pickle.loads(pickle.dumps(article))
    changed = attrs.evolve(back, text=back.text + " More.")
    if article.id == derived_id(article):
        assert changed.id == derived_id(changed)
    else:
        assert changed.id == article.id


@given(articles())
def test_fast_path_agrees_with_reference_path(article: Article) -> None:
    data = to_json(article)
    assert from_json(data) == from_dict(json.loads(data)) == article


@given(articles())
def test_text_json_and_byte_json_decode_alike(article: Article) -> None:
    data = to_json(article)
    assert from_json(data.decode("utf-8")) == from_json(data)


@given(articles())
def test_indented_json_decodes_like_compact_json(article: Article) -> None:
    # Indented JSON has white space after each colon, and keys in another order.
    pretty = json.dumps(to_dict(article), indent=2, ensure_ascii=False, sort_keys=True)
    assert from_json(pretty) == article


@given(st.lists(articles(max_claims=3), max_size=5))
def test_jsonl_round_trip_is_the_identity(batch: list[Article]) -> None:
    stream = io.BytesIO()
    assert write_jsonl(batch, stream) == len(batch)
    assert stream.getvalue().count(b"\n") == len(batch)
    stream.seek(0)
    assert list(iter_jsonl(stream)) == batch
    stream.seek(0)
    assert list(validate_jsonl(stream)) == []


@given(articles())
def test_every_generated_article_validates(article: Article) -> None:
    assert attrs.evolve(article) == article
    assert validate_json(to_json(article)) == []


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_registered_strategy_builds_its_class(cls: type) -> None:
    @given(REGISTERED[cls])
    def check(obj: object) -> None:
        assert type(obj) is cls
        assert from_json(to_json(obj), cls) == obj

    check()


@given(articles(min_claims=1), st.text(min_size=1, max_size=5))
def test_evolve_never_leaves_a_derived_id_stale(article: Article, suffix: str) -> None:
    changed: list[tuple[Any, Any]] = []
    for actor in article.actors:
        changed.append((actor, attrs.evolve(actor, name=actor.name + suffix)))
    for claim in article.claims:
        changed.append((claim, attrs.evolve(claim, speaker=claim.speaker + suffix)))
    for dispute in article.disputes:
        changed.append((dispute, attrs.evolve(dispute, point=dispute.point + suffix)))
    changed.append((article, attrs.evolve(article, text=article.text + " " + suffix)))
    for old, new in changed:
        if old.id == derived_id(old):
            assert new.id == derived_id(new)
        else:
            assert new.id == old.id
