"""The ``claimkit`` command line.

Exit codes (:data:`EXIT_CODES`, also in ``claimkit --help`` and docs/cli.md):
0 success; 1 the input is readable but invalid (``validate``) or the accounts
disagree (``compare``); 2 a usage error or input that cannot be read; 3 the
accounts are unrelated (``compare``: no claims paired); 70 an
internal error (a bug in claimkit: no input should cause it); 130 interrupted.
Errors are one line each, ``FILE:LINE: $.path: message``; the CLI never prints
a traceback.

Which files are JSON: a file named ``*.json`` or ``*.jsonl``, or whose text
starts with ``{``, holds JSON articles (one document, or JSON Lines); its top
level must be an object. Any other file is text (the seed format or plain
text). Standard input (``-``) is JSON when it starts with ``{``.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Final, cast

import attrs

from claimkit._jsontext import parse
from claimkit.batch import is_json as _is_json
from claimkit.errors import ClaimkitError, DecodeError, Problem
from claimkit.model import Article
from claimkit.readers import decode_utf8, parse_plain
from claimkit.serialize import from_json, json_documents, json_schema, validate_json

__all__ = ["EXIT_CODES", "main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_UNRELATED: Final = 3
EXIT_INTERNAL: Final = 70
EXIT_INTERRUPTED: Final = 130

#: Every exit code of the command line, and what it means.
EXIT_CODES: Final[tuple[tuple[int, str], ...]] = (
    (EXIT_OK, "success (validate: every document is valid; compare: the accounts agree)"),
    (EXIT_INVALID, "validate: a document is readable but invalid; compare: the accounts disagree"),
    (EXIT_USAGE, "usage error, or input that cannot be read (missing file, not UTF-8, not JSON)"),
    (EXIT_UNRELATED, "compare: the accounts are unrelated (no claim of one paired with the other)"),
    (EXIT_INTERNAL, "internal error: a bug in claimkit (please report it with the input)"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)


class UsageError(Exception):
    """Input the command cannot read at all; exit code 2."""


@attrs.define
class _Report:
    """What ``validate`` found, in input order, for text or JSON output."""

    problems: list[Problem] = attrs.Factory(list)
    unreadable: bool = False
    documents: int = 0

    def cannot_read(self, message: str, source: str, line: int | None = None) -> None:
        self.unreadable = True
        self.problems.append(Problem(path="$", message=message, source=source, line=line))


def _open_binary(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as error:
        raise UsageError(f"{name}: cannot read: {error.strerror}") from None


def _read_bytes(name: str) -> bytes:
    stream = _open_binary(name)
    try:
        return stream.read()
    except OSError as error:
        raise UsageError(f"{name}: cannot read: {error.strerror}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _validate(names: Sequence[str]) -> _Report:
    report = _Report()
    for name in names:
        source = "<stdin>" if name == "-" else name
        try:
            stream = _open_binary(name)
        except UsageError as error:
            report.cannot_read(str(error).split(": ", 1)[1], source)
            continue
        try:
            for line, document in json_documents(stream, source=source):
                report.documents += 1
                try:
                    report.problems.extend(validate_json(document, source=source, line=line))
                except DecodeError as error:
                    report.cannot_read(error.message, source, error.line)
        except DecodeError as error:
            report.cannot_read(error.message, source, error.line)
        except OSError as error:
            report.cannot_read(f"cannot read: {error.strerror}", source)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    return report


def _cmd_validate(args: argparse.Namespace) -> int:
    report = _validate(args.files)
    if args.format == "json":
        payload = {
            "valid": not report.problems,
            "documents": report.documents,
            "errors": [p.to_dict() for p in report.problems],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for problem in report.problems:
            print(problem)
        if not report.problems:
            print(f"{report.documents} document(s) valid", file=sys.stderr)
    if report.unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if report.problems else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.of == "dispute":
        from claimkit.corpus.lines import dispute_schema

        print(json.dumps(dispute_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _read_articles(name: str, *, published: datetime.date | None) -> list[Article]:
    """Articles from a file: JSON or JSON Lines articles, or text (seed format or plain)."""
    source = "<stdin>" if name == "-" else name
    raw = _read_bytes(name)
    try:
        if _is_json(name, raw):
            return [
                from_json(document, source=source, line=line)
                for line, document in json_documents(io.BytesIO(raw), source=source)
            ]
        parsed = parse_plain(decode_utf8(raw, source=source), published=published, source=source)
    except ClaimkitError as error:
        raise UsageError(str(error)) from None
    return [Article(text=parsed.text, published=parsed.published)]


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def _cmd_extract(args: argparse.Namespace) -> int:
    from claimkit.batch import BatchError, Progress, write_batch
    from claimkit.sinks import SinkError, open_sink

    try:
        sink = open_sink(args.output, format=args.format, stdout=_stdout_bytes())
    except SinkError as error:
        raise UsageError(str(error)) from None
    progress = Progress(sys.stderr)
    try:
        with sink:  # a run that stops on a bad input leaves no output file
            summary = write_batch(
                args.files,
                sink,
                jobs=args.jobs,
                published=args.published,
                keep_going=args.keep_going,
                on_failure=lambda failed: progress.say(
                    f"claimkit: {failed}".replace("\n", "\nclaimkit: ")
                ),
                progress=progress,
            )
    except BatchError as error:
        raise UsageError(_not_written(str(error), args.output)) from None
    finally:
        progress.close()
    return EXIT_USAGE if summary.failed else EXIT_OK


def _not_written(message: str, output: str | None, *, bad_input: bool = True) -> str:
    """``message``, saying that the output file was not written when there is one (and,
    when a bad input stopped the run, how to write the good ones)."""
    if output in (None, "-"):
        return message
    hint = " (--keep-going writes the good inputs)" if bad_input else ""
    return f"{message}\n{output}: not written{hint}"


def _stdout_bytes() -> IO[bytes]:
    """Standard output as bytes, also where it was replaced by a text stream."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return cast(IO[bytes], buffer)
    return cast(IO[bytes], _TextAsBytes(sys.stdout))


class _TextAsBytes(io.RawIOBase):
    """Bytes written to a text stream (a StringIO, a notebook's output) as UTF-8."""

    def __init__(self, text: IO[str]) -> None:
        super().__init__()
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._text.write(bytes(data).decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._text.flush()


def _cmd_eval(args: argparse.Namespace) -> int:
    from claimkit.evaluate import evaluate

    gold = [a for name in args.gold for a in _read_articles(name, published=None)]
    pred = [a for name in args.pred for a in _read_articles(name, published=None)]
    try:
        report = evaluate(gold, pred)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.table())
    return EXIT_OK


def _format_versions(name: str) -> set[object]:
    """The ``format_version`` values of the JSON documents in a file (none for text).

    Anything that cannot be read gives none: reading the articles reports it.
    """
    if name == "-":
        return set()
    try:
        with open(name, "rb") as stream:
            raw = stream.read()
    except OSError:
        return set()
    if not _is_json(name, raw):
        return set()
    found: set[object] = set()
    try:
        for line, document in json_documents(io.BytesIO(raw), source=name):
            data = parse(document, source=name, line=line)
            if isinstance(data, dict) and type(data.get("format_version")) is int:
                found.add(data["format_version"])
    except ClaimkitError:
        return set()
    return found


def _cmd_compare(args: argparse.Namespace) -> int:
    from claimkit.diff import diff, diff_to_dict, format_diff
    from claimkit.extractor import extract

    versions = {name: _format_versions(name) for name in (args.old, args.new)}
    every = set().union(*versions.values())
    if len(every) > 1:
        described = "; ".join(
            f"{name} has {', '.join(sorted(repr(v) for v in found))}"
            for name, found in versions.items()
            if found
        )
        raise UsageError(
            f"mixed format_version values ({described}): compare articles of one format version"
        )
    pair: list[Article] = []
    for name in (args.old, args.new):
        articles = _read_articles(name, published=args.published)
        if len(articles) != 1:
            raise UsageError(f"{name}: expected one article, found {len(articles)}")
        article = articles[0]
        if not article.claims and not article.actors and article.text.strip():
            article = extract(article, published=args.published or article.published)
        pair.append(article)
    old, new = pair
    result = diff(old, new)
    if args.format == "json":
        print(json.dumps(diff_to_dict(result, old, new), indent=2, ensure_ascii=False))
    else:
        print(format_diff(result, old, new))
    if result.agree:
        return EXIT_OK
    return EXIT_UNRELATED if result.unrelated else EXIT_INVALID


def _cmd_render(args: argparse.Namespace) -> int:
    from claimkit.extractor import extract
    from claimkit.render import render_html

    articles = _read_articles(args.file, published=args.published)
    if len(articles) != 1:
        raise UsageError(f"{args.file}: expected one article, found {len(articles)}")
    article = articles[0]
    if not article.claims and not article.actors and article.text.strip():
        article = extract(article, published=args.published or article.published)
    page = render_html(article).encode("utf-8")
    if args.output in (None, "-"):
        handle = _stdout_bytes()
        handle.write(page)
        handle.flush()
        return EXIT_OK
    try:
        with open(args.output, "wb") as output:
            output.write(page)
    except OSError as error:
        raise UsageError(f"{args.output}: cannot write: {error.strerror}") from None
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------

_FILES_HELP: Final = (
    "a file named *.json or *.jsonl, or whose text starts with '{', holds JSON articles (one"
    " document or JSON Lines); any other file is text; '-' reads standard input"
)


class _Formatter(argparse.HelpFormatter):
    """Descriptions wrapped to the terminal, the examples and exit codes as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def _epilog(*examples: str) -> str:
    lines = ["examples:", *(f"  {example}" for example in examples), "", "exit codes:"]
    lines += [f"  {code:<3}  {meaning}" for code, meaning in EXIT_CODES]
    return "\n".join(lines)


def _command(
    commands: Any, name: str, *, help: str, description: str, examples: Sequence[str]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help,
        description=description,
        epilog=_epilog(*examples),
        formatter_class=_Formatter,
    )
    return parser


def _add_published(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date of plain text, against which 'on Thursday' is resolved",
    )


def _parser() -> argparse.ArgumentParser:
    from claimkit import __version__

    parser = argparse.ArgumentParser(
        prog="claimkit",
        description="Who claimed what, when, and who disputes it, from news text.",
        epilog=_epilog(
            "claimkit extract seeds/idlib-2020-01-24.txt",
            "claimkit COMMAND --help",
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"claimkit {__version__}")
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        help="one of these (COMMAND --help for more)",
    )

    validate = _command(
        commands,
        "validate",
        help="check claimkit JSON or JSON Lines files",
        description="Check JSON or JSON Lines articles: every problem of every document, one"
        " a line. A file whose first non-blank line is a complete JSON value is JSON Lines.",
        examples=(
            "claimkit validate gold/*.json",
            "claimkit validate --format json pred.jsonl",
            "claimkit extract story.txt | claimkit validate -",
        ),
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON or JSON Lines articles; '-' reads standard input",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one problem a line (default); json: one report with every problem",
    )
    validate.set_defaults(run=_cmd_validate)

    schema = _command(
        commands,
        "schema",
        help="print the JSON Schema of an article",
        description="Print the JSON Schema (2020-12) of a serialized article, or of a line of"
        " claimkit disputes. Its description lists the rules that the readers enforce and JSON"
        " Schema cannot state.",
        examples=(
            "claimkit schema > article.schema.json",
            "claimkit schema --of dispute > dispute.schema.json",
        ),
    )
    schema.add_argument(
        "--of",
        choices=("article", "dispute"),
        default="article",
        help="article: a serialized article (default); dispute: a line of claimkit disputes",
    )
    schema.set_defaults(run=_cmd_schema)

    extract = _command(
        commands,
        "extract",
        help="find who claimed what in news text",
        description="Extract actors, claims, quantities, times and disputes. Input: files,"
        " directories (their *.txt files, in sorted order) and glob patterns; text in the seed"
        " format ('date YYYY-MM-DD' then the body), plain text, or JSON / JSON Lines articles"
        " (their text is read again). Output: JSON Lines, one article a line in input order,"
        " written as each is extracted, whatever the number of inputs.",
        examples=(
            "claimkit extract seeds/idlib-2020-01-24.txt",
            "claimkit extract gold/ -o pred.jsonl --jobs 2",
            "claimkit extract 'news/**/*.txt' --keep-going -o news.jsonl",
            "claimkit extract --published 2020-01-24 story.txt",
            "claimkit extract story.txt -o story.jsonld",
            "claimkit extract news/ -j 2 -o corpus.parquet",
        ),
    )
    extract.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help=f"a file, a directory or a glob pattern ('**' for any depth): {_FILES_HELP}",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of standard output ('-'); its suffix chooses the format:"
        " .jsonl or .json (JSON Lines), .jsonld (schema.org), .parquet (a directory of"
        " Parquet tables; needs the claimkit[arrow] extra)",
    )
    extract.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default 1)"
    )
    extract.add_argument(
        "--keep-going",
        action="store_true",
        help="report an input that cannot be read and go on (exit code 2 at the end);"
        " without it the first stops the run and -o FILE is not written (standard output"
        " has the articles before it)",
    )
    _add_published(extract)
    extract.add_argument(
        "--format",
        choices=("jsonl", "schema-org", "parquet"),
        help="jsonl: claimkit JSON Lines; schema-org: schema.org JSON-LD (Claim nodes), one"
        " document a line; parquet: a directory of Parquet tables, only with -o (default:"
        " from the suffix of OUT, jsonl on standard output)",
    )
    extract.set_defaults(run=_cmd_extract)

    evaluation = _command(
        commands,
        "eval",
        help="score extracted articles against gold articles",
        description="Precision, recall and F1 of claims, speakers, quantities and disputes;"
        " accuracy of speaker, polarity, mode, hedge and time on matched claims. Gold and"
        " predicted articles are taken in order and must have the same texts.",
        examples=(
            "claimkit eval gold/*.json --pred pred.jsonl",
            "claimkit eval --pred pred.jsonl gold/*.json",
            "claimkit eval gold/001.json gold/002.json --pred p1.json --pred p2.json",
        ),
    )
    evaluation.add_argument("gold", nargs="+", metavar="GOLD", help=f"gold articles: {_FILES_HELP}")
    evaluation.add_argument(
        "--pred",
        action="append",
        required=True,
        metavar="PRED",
        help="predicted articles (JSON, JSON Lines or text); one file each time, repeat for more",
    )
    evaluation.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a table (default); json: the same numbers as JSON",
    )
    evaluation.set_defaults(run=_cmd_eval)

    comparison = _command(
        commands,
        "compare",
        help="compare two accounts of one story",
        description="Show what changed between two articles (two versions of one article, or"
        " two outlets on one event): claims added, removed and changed, actors added and"
        " removed. Input: JSON articles, or text that is extracted first.",
        examples=(
            "claimkit compare morning.txt evening.txt",
            "claimkit compare --format json a.json b.json",
        ),
    )
    comparison.add_argument("old", metavar="A", help=f"the first account: {_FILES_HELP}")
    comparison.add_argument("new", metavar="B", help="the second account, read as A")
    _add_published(comparison)
    comparison.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a readable diff (default); json: the diff as JSON",
    )
    comparison.set_defaults(run=_cmd_compare)

    render = _command(
        commands,
        "render",
        help="write an article's claims and disputes as one HTML page",
        description="Write one self-contained HTML page (no network, no script) that marks the"
        " claims, speakers, cues, quantities and times in the text and shows each dispute with"
        " its sides. Input: a JSON article, or text that is extracted first ('-' reads standard"
        " input).",
        examples=(
            "claimkit render seeds/idlib-2020-01-24.txt -o page.html",
            "claimkit extract story.txt | claimkit render - > page.html",
        ),
    )
    render.add_argument("file", metavar="ARTICLE", help=f"one article: {_FILES_HELP}")
    render.add_argument("-o", "--output", metavar="OUT", help="output file ('-' for stdout)")
    _add_published(render)
    render.set_defaults(run=_cmd_render)

    from claimkit._disputes_cli import register as disputes

    for register in (disputes, *_EXTRA_COMMANDS):
        register(commands)
    return parser


# Commands defined in other modules register themselves here (keeps this module small).
_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def _lines(message: str) -> Iterator[str]:
    yield from message.splitlines() or [""]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as error:
        for line in _lines(str(error)):
            print(f"claimkit: {line}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        print(f"claimkit: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("claimkit: please report this with the input that caused it", file=sys.stderr)
        return EXIT_INTERNAL
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
