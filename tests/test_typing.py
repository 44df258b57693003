"""The types a user sees: mypy on a small user script, as a type checker would run it.

``from_json``, ``from_dict`` and ``iter_jsonl`` are overloaded, so that the result is
an ``Article`` when no class is named and the named class otherwise: a typo on the
result fails the type check.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USER_SCRIPT = """\
import io
import claimkit
from claimkit import Span

article = claimkit.from_json(b"{}")
reveal_type(article)
reveal_type(claimkit.from_json("{}", Span, source="a.json"))
reveal_type(claimkit.from_dict({}))
reveal_type(claimkit.from_dict({}, Span))
reveal_type(claimkit.iter_jsonl(io.BytesIO()))
reveal_type(claimkit.iter_jsonl(io.StringIO(), Span))
titles: list[str | None] = [a.title for a in claimkit.iter_jsonl([b"{}"])]
"""

TYPOS = """\
import claimkit
from claimkit import Span

claimkit.from_json(b"{}").claimz
claimkit.from_dict({}, Span).stat
for article in claimkit.iter_jsonl([b"{}"]):
    article.titel
"""


def mypy(tmp_path: Path, source: str) -> tuple[int, list[str]]:
    script = tmp_path / "user.py"
    script.write_text(source)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--hide-error-context",
         "--cache-dir", str(tmp_path / "cache"), "--config-file", "", str(script.name)],
        capture_output=True, text=True, cwd=tmp_path, check=False, timeout=300,
    )  # fmt: skip
    return done.returncode, [line.split("user.py:", 1)[-1] for line in done.stdout.splitlines()]


def test_results_have_the_type_of_their_class(tmp_path: Path) -> None:
    code, lines = mypy(tmp_path, USER_SCRIPT)
    assert lines == [
        '6: note: Revealed type is "claimkit.model.Article"',
        '7: note: Revealed type is "claimkit.model.Span"',
        '8: note: Revealed type is "claimkit.model.Article"',
        '9: note: Revealed type is "claimkit.model.Span"',
        '10: note: Revealed type is "typing.Iterator[claimkit.model.Article]"',
        '11: note: Revealed type is "typing.Iterator[claimkit.model.Span]"',
    ]
    assert code == 0


def test_a_typo_on_a_result_fails_the_type_check(tmp_path: Path) -> None:
    code, lines = mypy(tmp_path, TYPOS)
    assert code == 1
    assert [line.split(": error: ", 1)[0] for line in lines] == ["4", "5", "7"]
    assert '"Article" has no attribute "claimz"' in lines[0]
    assert '"Span" has no attribute "stat"' in lines[1]
    assert '"Article" has no attribute "titel"' in lines[2]
