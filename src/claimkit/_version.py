"""The installed version of claimkit, from the package metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimkit")
except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
    __version__ = "0.0.0+unknown"
