"""Importing claimkit stays light: no hypothesis unless the strategies are used."""

from __future__ import annotations

import json
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


def test_importing_hypothesis_loads_the_model_only() -> None:
    # Hypothesis runs claimkit's entry point when it is imported.
    script = (
        "import json, sys, hypothesis; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('claimkit'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = json.loads(result.stdout)
    assert "claimkit.model" in loaded
    assert [m for m in loaded if m.startswith(("claimkit.extract", "claimkit.serialize"))] == []


def test_every_public_name_resolves() -> None:
    import claimkit

    assert sorted(claimkit.__all__) == sorted(
        [*claimkit._EXPORTS, "__version__", "compare", "diff"]
    )
    assert all(getattr(claimkit, name) is not None for name in claimkit.__all__)
    assert dir(claimkit) == sorted(claimkit.__all__)
    # The functions that share their module's name stay functions once the module loads.
    import claimkit.compare
    import claimkit.diff

    assert callable(claimkit.compare)
    assert callable(claimkit.diff)
