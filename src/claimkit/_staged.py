"""Outputs written under a temporary name and put in place only when complete.

A command that fails half way must not leave a file that looks like a whole result,
nor destroy the file of an earlier run: the output is written beside its target
(``.NAME.partial-PID``, in the same directory, so that moving it is a rename) and
renamed onto the target when it is complete, or removed when the run fails.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from typing import IO

__all__ = ["Staged"]


class Staged:
    """Where an output to ``target`` is written until it is complete.

    ``partial`` is the path to write (a file, or a directory for Parquet);
    :meth:`commit` puts it in place of ``target`` (an earlier directory there is
    removed first), :meth:`discard` removes it. Either may be called once.
    """

    def __init__(self, target: str) -> None:
        folder, name = os.path.split(os.path.abspath(target))
        self.target = target
        self.partial = os.path.join(folder, f".{name}.partial-{os.getpid()}")

    def open_file(self) -> IO[bytes]:
        """The partial file, open for writing (``OSError`` when the target is a directory
        or the file cannot be made)."""
        if os.path.isdir(self.target):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), self.target)
        return open(self.partial, "wb")

    def commit(self) -> None:
        """Put the complete output in place of the target."""
        if os.path.isdir(self.target) and not os.path.islink(self.target):
            shutil.rmtree(self.target)
        os.replace(self.partial, self.target)

    def discard(self) -> None:
        """Remove what was written; the target is left as it was."""
        if os.path.isdir(self.partial) and not os.path.islink(self.partial):
            shutil.rmtree(self.partial, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.partial)
