"""Importing claimkit stays light: no hypothesis unless the strategies are used."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = "import sys, claimkit; print(sorted(m for m in sys.modules if m.startswith('hypothesis')))"


def test_import_claimkit_does_not_import_hypothesis() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_import_strategies_does_import_hypothesis() -> None:
    # The check above can fail: the same script sees hypothesis once it is imported.
    script = "import claimkit.strategies\n" + SCRIPT
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert "'hypothesis'" in result.stdout
