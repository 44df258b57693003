"""``claimkit disputes``: the disputes of a corpus on disk, one a line, streamed.

The articles are read once (:func:`claimkit.corpus.inputs.read_corpus`), their
claims' records spilled to temporary files by event key, and each disputed event
written as soon as it is found (:func:`claimkit.corpus.event_disputes`), so memory
is bounded by the largest event, not by the corpus. The line's shape is documented
in :mod:`claimkit.corpus.lines` and docs/corpus.md.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO, Any

from claimkit._staged import Staged
from claimkit.cli import (
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    _command,
    _not_written,
    _stdout_bytes,
)
from claimkit.corpus.events import DEFAULT_WINDOW_DAYS

__all__ = ["register"]


def _window(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {value!r}")
    return int(value)


def _open_output(name: str | None) -> tuple[IO[bytes], Staged | None]:
    """The stream to write, and where it is staged when it is a file (see
    :mod:`claimkit._staged`: put in place when complete, removed on failure)."""
    if name in (None, "-"):
        return _stdout_bytes(), None
    assert name is not None
    staged = Staged(name)
    try:
        return staged.open_file(), staged  # closed by the command
    except OSError as error:
        raise UsageError(f"{name}: cannot write: {error.strerror}") from None


def _say(line: str) -> None:
    print(f"claimkit: {line}".replace("\n", "\nclaimkit: "), file=sys.stderr)


def _cmd_disputes(args: argparse.Namespace) -> int:
    from claimkit.batch import BatchError, Failed
    from claimkit.corpus import CorpusError, DisputeStats, event_disputes
    from claimkit.corpus.inputs import read_corpus
    from claimkit.corpus.lines import write_disputes

    failures = 0

    def failed(failure: Failed) -> None:
        nonlocal failures
        failures += 1
        _say(str(failure))

    stats = DisputeStats()
    output, staged = _open_output(args.output)
    complete = False
    try:
        articles = read_corpus(args.inputs, keep_going=args.keep_going, on_failure=failed)
        disputes = event_disputes(
            articles, window_days=args.window_days, directory=args.spill_dir, stats=stats
        )
        try:
            write_disputes(disputes, output)
        finally:
            disputes.close()
        complete = True
    except BatchError as error:
        raise UsageError(_not_written(str(error), args.output)) from None
    except CorpusError as error:
        message = f"{error} (two articles with one id among the inputs)"
        raise UsageError(_not_written(message, args.output, bad_input=False)) from None
    except OSError as error:
        message = f"cannot write the output or the spill: {error}"
        raise UsageError(_not_written(message, args.output, bad_input=False)) from None
    finally:
        if staged is not None:
            output.close()
            if complete:
                staged.commit()
            else:
                staged.discard()
    if args.stats:
        _say(
            f"{stats.articles:,} articles, {stats.claims:,} claims"
            f" ({stats.claims_with_event:,} about an event), {stats.events:,} events"
            f" (the largest {stats.largest_event:,} claims), {stats.disputes:,} disputes,"
            f" {stats.positions:,} positions, {stats.disputing_pairs:,} disputing pairs"
        )
    return EXIT_USAGE if failures else EXIT_OK


def register(commands: Any) -> None:
    """Add ``claimkit disputes`` to the command line's subcommands."""
    disputes = _command(
        commands,
        "disputes",
        help="find the disputes between the articles of a corpus",
        description="Find which claims of different articles and sides cannot both hold, event"
        " by event (kind, place, actors, period): one line of JSON per disputed event, with its"
        " positions (one per distinct account, each claim naming its article, the article's"
        " source and the claim's id) and the conflicts between them. Input: claimkit JSON Lines"
        " (what claimkit extract writes) and Parquet directories (claimkit extract -o"
        " x.parquet), read as a stream; memory is bounded by the largest event. The disputes"
        " are written once every input has been read.",
        examples=(
            "claimkit disputes corpus.jsonl -o disputes.jsonl",
            "claimkit disputes corpus.parquet more.jsonl --keep-going -o disputes.jsonl",
            "claimkit disputes 'out/part-*.jsonl' --stats",
            "claimkit extract news/ | claimkit disputes -",
        ),
    )
    disputes.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a JSON Lines file, a Parquet directory (one holding articles.parquet), a"
        " directory of them, or a glob pattern; '-' reads JSON Lines from standard input",
    )
    disputes.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the JSON Lines to OUT instead of standard output ('-')",
    )
    disputes.add_argument(
        "--keep-going",
        action="store_true",
        help="report an article or input that cannot be read, skip it and go on (exit code 2"
        " at the end); without it the first stops the run before any dispute is written",
    )
    disputes.add_argument(
        "--window-days",
        type=_window,
        default=DEFAULT_WINDOW_DAYS,
        metavar="N",
        help="days of one period of an event: claims dated in one period of N days may"
        f" dispute each other (default {DEFAULT_WINDOW_DAYS})",
    )
    disputes.add_argument(
        "--spill-dir",
        metavar="DIR",
        help="where the claims' records are spilled while the corpus is read (default: the"
        " system's temporary directory); removed at the end",
    )
    disputes.add_argument(
        "--stats",
        action="store_true",
        help="print the counts of articles, claims, events, disputes and pairs on standard"
        " error at the end",
    )
    disputes.set_defaults(run=_cmd_disputes)
