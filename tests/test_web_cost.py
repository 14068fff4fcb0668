"""What an unchanged feed costs: made once per plan version, answered from what was made."""

from __future__ import annotations

import gc
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.compliance.examples import example_plan
from commedu.web.feeds import _listed, feeds
from commedu.web.http import Built, etag_of


@given(st.binary(max_size=2000))
def test_a_built_body_carries_the_etag_its_bytes_give(body: bytes) -> None:
    built = Built(body)
    assert built == body
    assert built.etag == etag_of(body)
    assert etag_of(built) == '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def test_a_built_body_is_not_hashed_again_when_its_tag_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = Built(b"BEGIN:VCALENDAR")
    calls: list[bytes] = []
    real = hashlib.blake2b

    def counting(data: bytes, *, digest_size: int) -> hashlib.blake2b:
        calls.append(data)
        return real(data, digest_size=digest_size)

    monkeypatch.setattr(hashlib, "blake2b", counting)
    for _ in range(3):
        assert etag_of(built) == built.etag
    assert calls == []
    etag_of(b"not built")
    assert len(calls) == 1


def test_a_plans_feeds_are_listed_once_and_forgotten_with_the_plan() -> None:
    plan = example_plan()
    first = feeds(plan)
    assert feeds(plan) is first
    key = id(plan)
    assert plan in _listed
    del plan, first
    gc.collect()
    assert not _listed.holds(key)
