"""The repository's benchmark and maintenance scripts, loaded as modules for tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_script(relative: str) -> ModuleType:
    """``ROOT/relative`` (e.g. ``"benchmarks/corpus.py"``) imported as a module, once.

    It is registered in ``sys.modules`` under a name of its own before it runs, so that
    what resolves annotations through its module (msgspec, attrs) finds it.
    """
    name = "claimkit_" + relative.removesuffix(".py").replace("/", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
