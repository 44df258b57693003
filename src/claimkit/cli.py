"""The ``claimkit`` command line.

Exit codes: 0 success, 1 the input is readable but invalid (or, for
``compare``, the accounts disagree), 2 usage errors and unreadable input
(missing file, not UTF-8, not JSON). Errors are one line each,
``FILE:LINE: $.path: message``; the CLI never prints a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Final, cast

import attrs

from claimkit.errors import Problem, ValidationError
from claimkit.model import Article
from claimkit.readers import ReadError, decode_utf8, parse_plain
from claimkit.serialize import DecodeError, from_json, json_schema, to_json, validate_json

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2


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


def _documents(name: str, stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line, bytes) of each JSON document: one a line (JSON Lines) or one in all.

    A file whose first non-blank line is a complete JSON value is read as JSON
    Lines, streamed line by line; otherwise the whole input is one document.
    """
    first_number = 0
    first = b""
    for number, line in enumerate(stream, start=1):
        if line.strip():
            first_number, first = number, line
            break
    if not first:
        raise UsageError(f"{name}: empty input, expected JSON or JSON Lines")
    try:
        json.loads(first)
        is_lines = True
    except (ValueError, UnicodeDecodeError):
        is_lines = False
    if is_lines:
        yield first_number, first
        for number, line in enumerate(stream, start=first_number + 1):
            if line.strip():
                yield number, line
    else:
        yield first_number, first + stream.read()


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
            for line, document in _documents(source, stream):
                report.documents += 1
                try:
                    decode_utf8(document, source=source)
                except ReadError as error:
                    report.cannot_read(error.message, source, line)
                    continue
                try:
                    report.problems.extend(validate_json(document, source=source, line=line))
                except DecodeError as error:
                    report.cannot_read(error.message, source, error.line)
        except UsageError as error:
            report.cannot_read(str(error).split(": ", 1)[1], source)
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
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _read_articles(name: str, *, published: datetime.date | None) -> list[Article]:
    """Articles from a file: JSON or JSON Lines articles, or text (seed format or plain)."""
    source = "<stdin>" if name == "-" else name
    stream = _open_binary(name)
    try:
        raw = stream.read()
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    try:
        content = decode_utf8(raw, source=source)
    except ReadError as error:
        raise UsageError(str(error)) from None
    if content.lstrip().startswith("{"):
        articles: list[Article] = []
        documents = _documents(source, io.BytesIO(content.encode("utf-8")))
        for line, document in documents:
            try:
                articles.append(from_json(document, source=source, line=line))
            except (DecodeError, ValidationError) as error:
                raise UsageError(str(error)) from None
        return articles
    try:
        parsed = parse_plain(content, published=published, source=source)
    except ReadError as error:
        raise UsageError(str(error)) from None
    return [Article(text=parsed.text, published=parsed.published)]


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def _cmd_extract(args: argparse.Namespace) -> int:
    from claimkit.extractor import extract

    results: list[Article] = []
    for name in args.files:
        for article in _read_articles(name, published=args.published):
            results.append(extract(article, published=args.published or article.published))
    as_lines = len(results) != 1 or args.format == "jsonl"
    with contextlib.ExitStack() as stack:
        if args.output in (None, "-"):
            handle: IO[bytes] = _stdout_bytes()
        else:
            try:
                handle = stack.enter_context(open(args.output, "wb"))
            except OSError as error:
                raise UsageError(f"{args.output}: cannot write: {error.strerror}") from None
        if args.format == "schema-org":
            _write_schema_org(results, handle)
        elif as_lines:
            for article in results:
                handle.write(to_json(article) + b"\n")
        else:
            pretty = json.dumps(json.loads(to_json(results[0])), indent=2, ensure_ascii=False)
            handle.write(pretty.encode("utf-8") + b"\n")
        handle.flush()
    return EXIT_OK


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


def _write_schema_org(articles: Sequence[Article], handle: IO[bytes]) -> None:
    """One article as an indented JSON-LD document, several as one document a line."""
    from claimkit.claimreview import to_schema_org

    for article in articles:
        indent = 2 if len(articles) == 1 else None
        document = json.dumps(to_schema_org(article), indent=indent, ensure_ascii=False)
        handle.write(document.encode("utf-8") + b"\n")


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
    """The ``format_version`` values of the JSON documents in a file (none for text)."""
    if name == "-":
        return set()
    try:
        with open(name, "rb") as stream:
            raw = stream.read()
    except OSError:
        return set()  # _read_articles reports it
    if not raw.lstrip().startswith(b"{"):
        return set()
    found: set[object] = set()
    try:
        for _, document in _documents(name, io.BytesIO(raw)):
            data = json.loads(document)
            if isinstance(data, dict) and "format_version" in data:
                found.add(data["format_version"])
    except (ValueError, UnicodeDecodeError, UsageError):
        return set()  # _read_articles reports it
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
    return EXIT_OK if result.agree else EXIT_INVALID


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


def _parser() -> argparse.ArgumentParser:
    from claimkit import __version__

    parser = argparse.ArgumentParser(
        prog="claimkit",
        description="Who claimed what, when, and who disputes it, from news text.",
    )
    parser.add_argument("--version", action="version", version=f"claimkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check claimkit JSON or JSON Lines files",
        description="Check JSON or JSON Lines articles; '-' reads standard input.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=_cmd_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of an article")
    schema.set_defaults(run=_cmd_schema)

    extract = commands.add_parser(
        "extract",
        help="find who claimed what in news text",
        description="Extract actors, claims, quantities, times and disputes. Input: text in"
        " the seed format ('date YYYY-MM-DD' then the body), plain text, or JSON / JSON Lines"
        " articles ('-' reads standard input). One article is written as JSON, several as"
        " JSON Lines.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("-o", "--output", metavar="OUT", help="output file ('-' for stdout)")
    extract.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date of plain text"
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "schema-org"),
        default="json",
        help="claimkit JSON (default), JSON Lines, or schema.org JSON-LD (Claim nodes)",
    )
    extract.set_defaults(run=_cmd_extract)

    evaluation = commands.add_parser(
        "eval",
        help="score extracted articles against gold articles",
        description="Precision, recall and F1 of claims, speakers, quantities and disputes;"
        " accuracy of speaker, polarity, mode, hedge and time on matched claims.",
    )
    evaluation.add_argument("gold", nargs="+", metavar="GOLD")
    evaluation.add_argument("--pred", nargs="+", required=True, metavar="PRED")
    evaluation.add_argument("--format", choices=("text", "json"), default="text")
    evaluation.set_defaults(run=_cmd_eval)

    comparison = commands.add_parser(
        "compare",
        help="compare two accounts of one story",
        description="Show what changed between two articles (two versions of one article, or"
        " two outlets on one event): claims added, removed and changed, actors added and"
        " removed. Input: JSON articles, or text that is extracted first. Exit 0 when the"
        " accounts agree, 1 when they disagree, 2 on bad input.",
    )
    comparison.add_argument("old", metavar="A")
    comparison.add_argument("new", metavar="B")
    comparison.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date of plain text"
    )
    comparison.add_argument("--format", choices=("text", "json"), default="text")
    comparison.set_defaults(run=_cmd_compare)

    render = commands.add_parser(
        "render",
        help="write an article's claims and disputes as one HTML page",
        description="Write one self-contained HTML page (no network, no script) that marks the"
        " claims, speakers, cues, quantities and times in the text and shows each dispute with"
        " its sides. Input: a JSON article, or text that is extracted first ('-' reads standard"
        " input). Example: claimkit render seeds/idlib-2020-01-24.txt -o page.html",
    )
    render.add_argument("file", metavar="ARTICLE", help="a JSON article, seed-format or plain text")
    render.add_argument("-o", "--output", metavar="OUT", help="output file ('-' for stdout)")
    render.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date of plain text"
    )
    render.set_defaults(run=_cmd_render)

    for register in _EXTRA_COMMANDS:
        register(commands)
    return parser


# Commands defined in other modules register themselves here (keeps this module small).
_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        print(f"claimkit: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("claimkit: please report this with the input that caused it", file=sys.stderr)
        return 70
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
