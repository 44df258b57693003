"""Batch extraction benchmark: 2 worker processes against 1, for claimkit.batch and Dask.

* The corpus: N fresh articles (default 1,500), built by ``benchmarks/extract.py``'s
  ``build_corpus`` (sentences of the gold set and the seeds shuffled and their names,
  places and numbers swapped; a third each short, medium and long; no two equal),
  written as seed-format files (``date YYYY-MM-DD`` then the body) into a temporary
  directory, which every contender reads.
* The contenders: ``claimkit.batch.extract_batch(directory, jobs=J)`` with J = 1 (in
  the process itself) and J = 2 (a process pool), and ``claimkit.dask.extract_bag``
  computed on Dask's local ``processes`` scheduler with 1 and 2 worker processes (a
  pool forked before the timer starts, with claimkit imported in it, as the batch's
  pool is forked from a process that imported it), every article sent back to the
  process that computes the bag; and, as a corpus is written on Dask, the same bag
  through ``claimkit.dask.write_partitions`` ("dask files"): each worker writes the
  partitions it extracts as JSON Lines, and only their counts come back.
* The measurement: each run is a fresh child process (``sys.executable``, the cyclic
  GC on as in normal use, claimkit imported before the timer starts), so no run
  inherits caches warmed by another. The child times, with ``time.perf_counter``, the
  extraction of the whole directory, every result received in the parent of the pool;
  it also reports CPU seconds (its own ``time.process_time`` plus its pool's children,
  from ``resource.getrusage`` after they are joined). R rounds (``--repeat``, default
  3); in each, the contenders run one after another in an order that turns each round
  (A B C ..., then B C ... A, ...) so that a drift of the machine's load falls on all. Best
  wall time of R per contender. Printed: the load average before and after, each
  contender's best wall time, articles/s, CPU seconds, and the speed-ups 2 workers / 1
  worker (wall time ratio), for the batch and for Dask, with the range over rounds.
  Wall time, not CPU time, is what parallel workers shorten: it is the figure here;
  the CPU seconds show what the parallel runs cost beyond the serial one.

Target: Dask on 2 local workers at least 1.7x one worker (both Dask forms are shown).
The machine is shared: read the figures with the load average printed beside them.

Run: ``python benchmarks/batch.py [--articles N] [--repeat R] [--seed S]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

ROOT = Path(__file__).resolve().parent.parent

#: Dask on 2 local workers must be at least this many times faster than on 1.
SPEEDUP_TARGET: Final = 1.7
#: The contenders: (label, engine, worker processes).
CONTENDERS: Final = (
    ("batch jobs=1", "batch", 1),
    ("batch jobs=2", "batch", 2),
    ("dask 1 worker", "dask", 1),
    ("dask 2 workers", "dask", 2),
    ("dask files 1", "dask-files", 1),
    ("dask files 2", "dask-files", 2),
)


def _extract_benchmark() -> Any:
    """benchmarks/extract.py as a module, for its corpus builder."""
    spec = importlib.util.spec_from_file_location("_bench_extract", ROOT / "benchmarks/extract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(directory: Path, articles: int, seed: int) -> int:
    """Write ``articles`` fresh articles as seed-format files; return their characters."""
    corpus = _extract_benchmark().build_corpus(articles, seed=seed, root=ROOT)
    characters = 0
    for index, source in enumerate(corpus):
        date = source.published.isoformat() if source.published else "2024-01-01"
        (directory / f"{index:06}.txt").write_text(f"date {date}\n\n{source.text}\n", "utf-8")
        characters += len(source.text)
    return characters


# --- one run, in a child ------------------------------------------------------------------


def _import_extractor() -> None:
    import claimkit.extractor  # noqa: F401 (imported once per worker, before timing)


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(engine: str, jobs: int, directory: str) -> dict[str, float]:
    """Extract every file of ``directory`` once; the wall and CPU seconds it took."""
    import claimkit.extractor  # noqa: F401 (imported before the timer starts)
    from claimkit.batch import Failed, extract_batch

    pool = None
    if engine.startswith("dask"):
        import concurrent.futures
        import multiprocessing

        from claimkit.dask import extract_bag

        pool = concurrent.futures.ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("fork"), initializer=_import_extractor
        )
        list(pool.map(abs, range(jobs * 4)))  # the workers are started
    cpu, children = time.process_time(), _children_cpu()
    start = time.perf_counter()
    results: Sequence[object]
    if engine == "batch":
        results = list(extract_batch([directory], jobs=jobs))
    elif engine == "dask":
        bag = extract_bag([directory])
        results = bag.compute(scheduler="processes", pool=pool, num_workers=jobs)
    else:  # each worker writes the partitions it extracts; only counts come back
        from claimkit.dask import write_partitions

        with tempfile.TemporaryDirectory() as folder:
            written = write_partitions(
                extract_bag([directory]),
                folder,
                scheduler="processes",
                pool=pool,
                num_workers=jobs,
            )
        if written.failed:
            raise SystemExit("a benchmark input failed")
        results = range(written.articles)
    wall = time.perf_counter() - start
    if pool is not None:
        pool.shutdown()
    used = time.process_time() - cpu + _children_cpu() - children
    if any(isinstance(result, Failed) for result in results):
        raise SystemExit("a benchmark input failed")
    return {"wall": wall, "cpu": used, "articles": len(results)}


def _run_child(engine: str, jobs: int, directory: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(jobs), str(directory)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        raise SystemExit(f"{engine} jobs={jobs} failed:\n{done.stderr.decode()}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


# --- the parent -----------------------------------------------------------------------------


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "JOBS", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        engine, jobs, directory = args.child
        print(json.dumps(child(engine, int(jobs), directory)))
        return 0

    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, load {_load()} (1/5/15 min)")
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in CONTENDERS}
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        characters = write_corpus(directory, args.articles, args.seed)
        print(f"{args.articles} fresh articles, {characters:,} characters, {args.repeat} rounds")
        for round_ in range(args.repeat):
            shift = round_ % len(CONTENDERS)
            turned = CONTENDERS[shift:] + CONTENDERS[:shift]
            for label, engine, jobs in turned:
                runs[label].append(_run_child(engine, jobs, directory))
            walls = "  ".join(
                f"{label}: {runs[label][-1]['wall']:.2f} s" for label, _, _ in CONTENDERS
            )
            print(f"  round {round_ + 1}: {walls}  (load {_load()})")
    print()
    best = {label: min(runs[label], key=lambda run: run["wall"]) for label in runs}
    print(f"{'contender':<16} {'wall s':>8} {'articles/s':>11} {'CPU s':>8}")
    for label, _, _ in CONTENDERS:
        run = best[label]
        rate = run["articles"] / run["wall"]
        print(f"{label:<16} {run['wall']:>8.2f} {rate:>11.1f} {run['cpu']:>8.2f}")
    print()
    for engine, one, two in (
        ("batch", "batch jobs=1", "batch jobs=2"),
        ("dask", "dask 1 worker", "dask 2 workers"),
        ("dask files", "dask files 1", "dask files 2"),
    ):
        ratio = best[one]["wall"] / best[two]["wall"]
        rounds = [a["wall"] / b["wall"] for a, b in zip(runs[one], runs[two], strict=True)]
        verdict = "meets" if ratio >= SPEEDUP_TARGET else "misses"
        print(
            f"{engine}: 2 workers {ratio:.2f}x one worker (rounds {min(rounds):.2f} to"
            f" {max(rounds):.2f}); {verdict} the {SPEEDUP_TARGET}x target"
        )
    dask_cost = best["dask 1 worker"]["wall"] / best["batch jobs=1"]["wall"]
    print(f"dask 1 worker takes {dask_cost:.2f}x the time of batch jobs=1")
    print(f"load after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
