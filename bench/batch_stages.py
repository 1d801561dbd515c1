"""Where `assess batch` spends its CPU, stage by stage, on N generated rows (one process).

Runs what one batch worker and the parent do for every row — read the CSV, turn cells into
answers, score, build the output record — in this process, under cProfile, and charges every
function's own time to the stage of the nearest `assess` module that called it (time spent in
the csv module, pydantic or the rules engine's C code counts for the stage that asked for it).
The profiler slows Python code more than C code: read the shares, and the unprofiled CPU time
printed beside them. Also timed: the pickling that carries rows to the workers and outcomes
back (chunks of 200, both ways), and the csv module's read + write floor of the same file.

    python bench/batch_stages.py [--rows 5000] [--engine durable|python]
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import tempfile
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any

from batch import csv_floor, generate  # bench/batch.py, beside this script

from assess.batch.mapping import known_column, plan_columns
from assess.batch.pool import Worker, WorkerConfig, settle
from assess.batch.reader import open_table
from assess.definitions import load_definitions

# First match wins: the stage of a function is decided by the path of its module.
STAGES = (
    ("assess/batch/reader", "CSV reading"),
    ("assess/engine/", "rules engine"),
    ("durable_rules", "rules engine"),
    ("assess/scoring/", "levels and scores"),
    ("assess/batch/writer", "output record"),
    ("assess/batch/pool", "worker loop"),
    ("assess/", "cells → answers"),
)
Func = tuple[str, int, str]


def _stage(func: Func) -> str | None:
    filename = func[0].replace("\\", "/")
    return next((name for prefix, name in STAGES if prefix in filename), None)


def charge(stats: dict[Func, Any]) -> dict[str, float]:
    """Own time of every function, summed per stage; a function outside `assess` is charged
    to its callers in proportion to the time each call path spent in it."""
    shares: dict[Func, dict[str, float]] = {}

    def share(func: Func, seen: frozenset[Func]) -> dict[str, float]:
        if func in shares:
            return shares[func]
        stage = _stage(func)
        if stage is not None:
            return shares.setdefault(func, {stage: 1.0})
        callers = {c: v for c, v in stats[func][4].items() if c not in seen}
        total = sum(v[2] for v in callers.values())
        out: dict[str, float] = defaultdict(float)
        for caller, value in callers.items():
            weight = value[2] / total if total else 1 / len(callers)
            for name, part in share(caller, seen | {func}).items():
                out[name] += weight * part
        shares[func] = dict(out) or {"other": 1.0}
        return shares[func]

    per_stage: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, own, _cum, _callers) in stats.items():
        for name, part in share(func, frozenset()).items():
            per_stage[name] += own * part
    return dict(per_stage)


def _score_all(source: Path, worker: Worker, known: Any) -> list[Any]:
    """What the pool does: the rows in chunks of 200, each scored by one worker call."""
    table = open_table(source, known)
    try:
        rows = iter(table.rows)
        outcomes: list[Any] = []
        while chunk := list(islice(rows, 200)):
            outcomes.extend(worker.score_many(chunk))
        return outcomes
    finally:
        table.close()


def _pickling(source: Path, known: Any, outcomes: list[Any]) -> float:
    """CPU seconds to pickle and unpickle the rows and the outcomes, in chunks of 256."""
    table = open_table(source, known)
    rows = list(table.rows)
    table.close()
    start = time.process_time()
    for items in (rows, outcomes):
        for i in range(0, len(items), 200):
            pickle.loads(pickle.dumps(items[i : i + 200], pickle.HIGHEST_PROTOCOL))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--engine", choices=["durable", "python"], default="durable")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assess-bench-stages-") as tmp:
        source = Path(tmp) / "input.csv"
        generate(source, args.rows, None, None, args.seed)
        defs = load_definitions()
        questions = list(defs.questionnaire.questions())
        known = known_column(questions, None)
        table = open_table(source, known)
        plan = plan_columns(table.header, questions, None, ())
        table.close()
        worker = Worker(WorkerConfig(defs, args.engine, plan))
        settle()  # as the pool's initializer does
        start = time.process_time()
        csv_floor(source, Path(tmp) / "floor.csv")
        floor = time.process_time() - start
        start = time.process_time()
        outcomes = _score_all(source, worker, known)
        plain = time.process_time() - start
        pickling = _pickling(source, known, outcomes)
        profile = cProfile.Profile()
        profile.runcall(_score_all, source, worker, known)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_stage = charge(stats)
    total = sum(per_stage.values())
    scored = sum(1 for o in outcomes if hasattr(o, "record"))
    print(f"{args.rows:,} rows ({scored:,} scored), engine {args.engine}, one process")
    print(f"CPU without the profiler: {plain:.2f} s = {plain / args.rows * 1e6:,.0f} µs/row; "
          f"csv read + write floor of the same file {floor:.2f} s ({plain / floor:.0f}×)")  # fmt: skip
    for name, seconds in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        part = seconds / total
        print(f"  {name:<20} {part:6.1%}  ≈ {part * plain / args.rows * 1e6:7,.0f} µs/row")
    print(
        f"pickling rows to the workers and outcomes back: {pickling / args.rows * 1e6:,.0f} µs/row"
    )


if __name__ == "__main__":
    main()
