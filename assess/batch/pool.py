"""Worker processes: each one receives the parent's loaded definitions and builds its Assessor
once (the pool initializer), then parses and scores chunks of raw rows.

A worker is also the crash boundary for the rules engine's C code. When a worker dies (the pool
breaks), the chunks in flight are re-run in a fresh one-worker pool: a chunk that breaks again is
re-run row by row, and only the row that crashes is rejected. Chunks are submitted in order and at
most `inflight` of them wait at any time, so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import interrupt
from ..answers import AnswerSet
from ..common import Lang
from ..definitions import Definitions
from ..errors import AssessError
from ..i18n import t
from ..result import AssessmentResult
from ..scoring.assessor import Assessor, EngineName
from ..scoring.evaluation import Evaluation
from .mapping import ColumnPlan
from .reader import RawRow
from .rows import CellProblem, ParsedRow, RowParser
from .writer import evaluation_record

__all__ = [
    "CRASH_ENV",
    "ChunkRunner",
    "Outcome",
    "Rejected",
    "Scored",
    "WorkerConfig",
    "release",
    "settle",
]

# Test-only hook, read in the worker: FINESS cell values (comma-separated) whose rows make the
# worker crash natively (SIGSEGV), or exit abruptly with "FINESS,…:exit".
CRASH_ENV = "ASSESS_BATCH_TEST_CRASH"


@dataclass(frozen=True)
class WorkerConfig:
    defs: Definitions  # loaded once by the parent and sent to each worker: no worker re-reads files
    engine: EngineName
    plan: ColumnPlan
    strict_width: bool = True
    as_of: dt.date | None = None
    default_date: dt.date | None = None
    reports_dir: Path | None = None  # per-organisation PDF reports, rendered in the workers
    lang: Lang = "fr"
    strict: bool = False  # a bad answer cell rejects the row instead of becoming unknown


@dataclass(frozen=True, slots=True)
class Scored:
    row: int
    line: int
    record: dict[str, Any]
    findings: tuple[str, ...]  # every finding's rule ID, for the regional summary
    report: Path | None = None  # the rendered PDF, still under a temporary name
    report_error: str | None = None
    warnings: tuple[CellProblem, ...] = ()  # cells read with a doubt or set to unknown


@dataclass(frozen=True, slots=True)
class Rejected:
    row: int
    line: int
    finess: str
    problems: tuple[CellProblem, ...]


Outcome = Scored | Rejected


class Worker:
    """What one process needs to score rows; also usable in-process."""

    def __init__(self, config: WorkerConfig) -> None:
        defs = config.defs
        self.defs = defs
        self.config = config
        self.assessor = Assessor(defs, config.engine)
        self.versions = (defs.questionnaire.version, defs.rules_version)
        self.parser = RowParser(
            defs.questionnaire, config.plan, config.strict_width, config.default_date,
            config.lang, config.strict,
        )  # fmt: skip
        self.as_of = config.as_of
        self.finess_index = next((i for i, c in config.plan.targets if c == "finess"), None)
        self.crash_on = os.environ.get(CRASH_ENV, "")

    def finess(self, raw: RawRow) -> str:
        i = self.finess_index
        return str(raw.cells[i]).strip() if i is not None and i < len(raw.cells) else ""

    def score(self, raw: RawRow) -> Outcome:
        return self.score_many([raw])[0]

    def score_many(self, chunk: list[RawRow]) -> list[Outcome]:
        """Every row's outcome, in order: the parsed rows are fired together in one call."""
        outcomes: list[Outcome | None] = []
        parsed: list[tuple[int, RawRow, ParsedRow]] = []
        for raw in chunk:
            if self.crash_on:
                self._maybe_crash(raw)
            early = self._parse(raw)
            if isinstance(early, ParsedRow):
                parsed.append((len(outcomes), raw, early))
                outcomes.append(None)
            else:
                outcomes.append(early)
        evaluations: list[Evaluation | None]
        try:
            answer_sets = [r.answers for *_, r in parsed if r.answers is not None]
            evaluations = list(self.assessor.evaluate_many(answer_sets, self.as_of))
        except Exception:  # the engine failed on the batch: score its rows one by one
            evaluations = [None] * len(parsed)
        for (i, raw, answers), evaluation in zip(parsed, evaluations, strict=True):
            outcomes[i] = self._finish(raw, answers, evaluation)
        return [o for o in outcomes if o is not None]

    def _parse(self, raw: RawRow) -> ParsedRow | Rejected:
        if raw.problem is not None:
            return Rejected(raw.row, raw.line, "", (CellProblem("", "", raw.problem),))
        try:
            row = self.parser.parse(raw)
        except Exception as exc:  # one bad row must not stop the batch; the message says why
            return self._error(raw, exc)
        if row.answers is None:
            return Rejected(raw.row, raw.line, self.finess(raw), tuple(row.problems))
        return row

    def _error(self, raw: RawRow, exc: Exception) -> Rejected:
        message = t("b_scoring_failed", self.config.lang)  # the class and trace are the team's
        return Rejected(raw.row, raw.line, self.finess(raw), (CellProblem("", "", message),))

    def _finish(self, raw: RawRow, row: ParsedRow, evaluation: Evaluation | None) -> Outcome:
        parsed = row.answers
        assert parsed is not None
        try:
            if evaluation is None:
                evaluation = self.assessor.evaluate(parsed, self.as_of)
            # The full result model is only built when a report is asked for: the numbers are the same.
            result = (
                self.assessor.build_result(parsed, evaluation) if self.config.reports_dir else None
            )
        except Exception as exc:  # one bad row must not stop the batch; the message says why
            return self._error(raw, exc)
        record = evaluation_record(parsed, evaluation, self.assessor.plan.severity, self.versions)
        scored = Scored(
            raw.row, raw.line, record, tuple(evaluation.finding_ids()), warnings=tuple(row.problems)
        )
        return self._report(scored, result, parsed) if result is not None else scored

    def _report(self, scored: Scored, result: AssessmentResult, answers: AnswerSet) -> Scored:
        """Render the organisation's PDF under a temporary name; the parent renames or drops it.
        Its plan comes from the roadmap, searched with the bounds `assess report` uses."""
        from ..atomic import write_atomic
        from ..progress.plan_steps import report_steps
        from ..render.report import render_report

        assert self.config.reports_dir is not None
        path = self.config.reports_dir / f".{result.organisation.finess}.{scored.row}.pdf.tmp"
        lang = self.config.lang
        try:
            steps = report_steps(self.assessor, answers, self.as_of)  # as `assess report` does
            write_atomic(path, render_report(result, self.defs, lang=lang, fmt="pdf", steps=steps))
        except Exception as exc:  # the row is scored; only its report failed
            detail = exc.text(self.config.lang) if isinstance(exc, AssessError) else ""
            return replace(scored, report_error=detail or t("b_report_crash", self.config.lang))
        return replace(scored, report=path)

    def _maybe_crash(self, raw: RawRow) -> None:
        numbers, _, mode = self.crash_on.partition(":")
        if self.finess(raw) in numbers.split(","):
            if mode == "exit":
                os._exit(70)
            os.kill(os.getpid(), signal.SIGSEGV)


_worker: Worker | None = None


def _init(config: WorkerConfig) -> None:
    global _worker
    _worker = Worker(config)
    settle()


def settle() -> None:
    """Move what is loaded once (definitions, compiled rules, the engine's rule set) out of the
    garbage collector's reach: otherwise every full collection walks that whole object graph
    again while rows are scored (about 15 % of a worker's CPU)."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Undo `settle` in a process that goes on after the batch (tests, library callers)."""
    gc.unfreeze()


def _score_chunk(chunk: list[RawRow]) -> list[Outcome]:
    assert _worker is not None, "pool initializer did not run"
    return _worker.score_many(chunk)


def _context() -> Any:
    """forkserver where available: workers never inherit the parent's threads (progress bar)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["assess.batch.pool"])
        return ctx
    return multiprocessing.get_context("spawn")


class ChunkRunner:
    def __init__(self, config: WorkerConfig, jobs: int, inflight: int | None = None) -> None:
        self.config = config
        self.jobs = max(1, jobs)
        self.inflight = inflight or 2 * self.jobs
        self.finess_index = next((i for i, c in config.plan.targets if c == "finess"), None)
        self.crashes = 0  # rows rejected because a worker crashed on them
        self.restarts = 0  # pools started after a crash

    def _finess(self, raw: RawRow) -> str:
        i = self.finess_index
        return str(raw.cells[i]).strip() if i is not None and i < len(raw.cells) else ""

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, _context(), initializer=_init, initargs=(self.config,))

    def run(self, chunks: Iterable[list[RawRow]]) -> Generator[list[Outcome], None, None]:
        """Outcomes of each chunk, in input order."""
        with interrupt.deferred():  # SIGTERM only between chunks, never while a worker starts
            yield from self._run(iter(chunks))

    def _run(self, source: Iterator[list[RawRow]]) -> Generator[list[Outcome], None, None]:
        pending: deque[tuple[list[RawRow], Future[list[Outcome]] | None]] = deque()
        pool = self._pool(self.jobs)
        try:
            while True:
                interrupt.checkpoint()
                broken = False
                while len(pending) < self.inflight and (chunk := next(source, None)) is not None:
                    try:
                        pending.append((chunk, pool.submit(_score_chunk, chunk)))
                    except BrokenProcessPool:
                        pending.append((chunk, None))
                        broken = True
                        break
                if not pending:
                    return
                chunk, future = pending[0]
                if not broken and future is not None:
                    try:
                        outcomes = future.result()
                    except BrokenProcessPool:
                        broken = True
                    else:
                        pending.popleft()
                        yield outcomes
                        continue
                pool.shutdown(wait=True, cancel_futures=True)
                yield from self._recover(pending)
                pending.clear()
                pool = self._pool(self.jobs)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _recover(
        self, pending: Iterable[tuple[list[RawRow], Future[list[Outcome]] | None]]
    ) -> Iterator[list[Outcome]]:
        for chunk, future in pending:
            if (
                future is not None
                and future.done()
                and not future.cancelled()
                and future.exception() is None
            ):
                yield future.result()
            else:
                yield self._isolate(chunk)

    def _isolate(self, chunk: list[RawRow]) -> list[Outcome]:
        """Re-run a chunk in a fresh pool; if it breaks again, row by row."""
        self.restarts += 1
        with self._pool(1) as pool:
            try:
                return pool.submit(_score_chunk, chunk).result()
            except BrokenProcessPool:
                pass
        outcomes: list[Outcome] = []
        pool = self._pool(1)
        try:
            for raw in chunk:
                interrupt.checkpoint()
                try:
                    outcomes.extend(pool.submit(_score_chunk, [raw]).result())
                except BrokenProcessPool:
                    # Never give up: however many rows crash in a row, each is tried and
                    # accounted for, so the rows after them are still scored.
                    pool.shutdown(wait=True)
                    self.crashes += 1
                    outcomes.append(
                        Rejected(
                            raw.row,
                            raw.line,
                            self._finess(raw),
                            (CellProblem("", "", t("b_worker_crash", self.config.lang)),),
                        )
                    )
                    self.restarts += 1
                    pool = self._pool(1)
        finally:
            pool.shutdown(wait=True)
        return outcomes
