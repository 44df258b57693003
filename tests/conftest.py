"""Shared test settings: hypothesis profiles chosen with ``HYPOTHESIS_PROFILE``.

* ``dev`` (the default): few examples, for a fast edit-test loop.
* ``ci``: many examples, derandomized so that a run is reproducible and never
  flaky, no deadline (shared CI machines have uneven timing), and the blob
  to reproduce any failure printed.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
