"""Shared test settings: hypothesis profiles chosen with ``HYPOTHESIS_PROFILE``, and
the ``in_tmp`` fixture.

* ``dev`` (the default): few examples, for a fast edit-test loop.
* ``ci``: many examples, derandomized so that a run is reproducible and never
  flaky, no deadline (shared CI machines have uneven timing), and the blob
  to reproduce any failure printed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a temporary directory, so that file names in messages are short."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
