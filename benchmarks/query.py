"""Query benchmark: one aggregate query in DuckDB over JSON Lines against Parquet.

Builds the synthetic corpus of ``benchmarks/serialize.py`` (8 claims and 4 actors an
article; ``--claims`` sets the size, 100,000 by default), writes it once as JSON
Lines (``claimkit.write_jsonl``) and once as a Parquet directory
(``claimkit.columnar.write_parquet``), and times the same query on each: the ten
speakers with the most denials, joining each claim to its speaker's name. JSON
Lines is read by ``read_json`` with an explicit schema of the fields the query
needs (never ``read_json_auto``, which guesses types and drops fields). Both
answers are checked equal before timing.

Times are CPU seconds (``time.process_time``, which counts every DuckDB thread),
best of ``--repeat``, the two contenders interleaved, DuckDB on one thread
(``--threads``) unless told otherwise; the cyclic GC is left on for both (the work
is DuckDB's, outside Python's heap).

Run: ``python benchmarks/query.py [--claims N] [--repeat R] [--threads T]``
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

import claimkit
from claimkit import columnar


def _corpus_module() -> ModuleType:
    path = Path(__file__).with_name("serialize.py")
    spec = importlib.util.spec_from_file_location("claimkit_benchmark_serialize", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # msgspec resolves the twins' annotations through it
    spec.loader.exec_module(module)
    return module


# The fields the query reads, typed: everything else in the documents is skipped.
JSON_COLUMNS = (
    "{'id': 'VARCHAR',"
    " 'actors': 'STRUCT(id VARCHAR, name VARCHAR)[]',"
    " 'claims': 'STRUCT(speaker VARCHAR, polarity VARCHAR)[]'}"
)


def json_query(path: Path) -> str:
    return f"""
        WITH docs AS (
            SELECT id, actors, claims
            FROM read_json('{path}', format = 'newline_delimited', columns = {JSON_COLUMNS})
        ),
        said AS (SELECT id, unnest(claims) AS c FROM docs),
        who AS (SELECT id, unnest(actors) AS a FROM docs)
        SELECT who.a.name AS speaker, count(*) AS denials
        FROM said JOIN who ON said.id = who.id AND said.c.speaker = who.a.id
        WHERE said.c.polarity = 'deny'
        GROUP BY ALL ORDER BY denials DESC, speaker LIMIT 10
    """


def parquet_query(path: Path) -> str:
    claims = columnar.table_path(path, "claims")
    actors = columnar.table_path(path, "actors")
    return f"""
        SELECT a.name AS speaker, count(*) AS denials
        FROM read_parquet('{claims}') c
        JOIN read_parquet('{actors}') a
          ON a.article_index = c.article_index AND a.actor_id = c.speaker
        WHERE c.polarity = 'deny'
        GROUP BY ALL ORDER BY denials DESC, speaker LIMIT 10
    """


def _run(db: duckdb.DuckDBPyConnection, query: str) -> list[Any]:
    return db.sql(query).fetchall()


def cpu_time(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--claims", type=int, default=100_000, help="corpus size in claims")
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    parser.add_argument("--threads", type=int, default=1, help="DuckDB threads")
    args = parser.parse_args(argv)
    if args.claims < 8 or args.repeat < 1 or args.threads < 1:
        parser.error("--claims must be at least 8, --repeat and --threads at least 1")

    corpus: list[claimkit.Article] = _corpus_module().build_corpus(args.claims // 8)
    claims = sum(len(a.claims) for a in corpus)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        parquet = Path(tmp) / "corpus.parquet"
        with jsonl.open("wb") as out:
            claimkit.write_jsonl(corpus, out)
        columnar.write_parquet(corpus, parquet)
        del corpus
        db = duckdb.connect()
        db.execute(f"SET threads = {args.threads}")
        queries = {"json lines": json_query(jsonl), "parquet": parquet_query(parquet)}
        answers: dict[str, list[Any]] = {k: db.sql(q).fetchall() for k, q in queries.items()}
        if answers["json lines"] != answers["parquet"] or not answers["parquet"]:
            print("the two queries disagree:", answers, file=sys.stderr)
            return 1
        best = dict.fromkeys(queries, float("inf"))
        for _ in range(args.repeat):
            for name, query in queries.items():  # interleaved: A, B, A, B, ...
                best[name] = min(best[name], cpu_time(functools.partial(_run, db, query)))
        sizes = {"json lines": jsonl.stat().st_size, "parquet": _size(parquet)}
        db.close()

    print(
        f"claimkit {claimkit.__version__}, DuckDB {duckdb.__version__},"
        f" Python {platform.python_version()}; {claims:,} claims, {args.threads} thread(s),"
        f" CPU s best of {args.repeat}"
    )
    print(f"{'input':<12}{'CPU s':>10}{'ratio':>10}{'MB':>10}")
    for name in queries:
        ratio = best[name] / best["parquet"]
        print(f"{name:<12}{best[name]:>10.4f}{ratio:>9.1f}x{sizes[name] / 1e6:>10.1f}")
    print(f"top speaker: {answers['parquet'][0]}")
    return 0


def _size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.iterdir())


if __name__ == "__main__":
    raise SystemExit(main())
