"""The whole batch: read → plan columns → score in workers → write results and errors → summary.

Every data row ends up either scored or rejected: `read == scored + rejected` is checked at the end.
A FINESS that was already scored earlier in the file is rejected as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from ..atomic import Outputs, write_failure
from ..common import Lang
from ..definitions import Definitions, load_definitions
from ..errors import InputError, OutputError, display_path
from ..i18n import t
from ..progress.campaign import (
    PROGRESS_COLUMNS,
    PreviousRecord,
    Progression,
    ProgressionBuilder,
    load_previous,
)
from ..scoring.assessor import EngineName
from .mapping import FIXED_COLUMNS, ColumnPlan, known_column, load_mapping, plan_columns
from .pool import ChunkRunner, Outcome, Rejected, Scored, WorkerConfig, release, settle
from .reader import RawRow, Table, open_table
from .render import summary_bytes
from .rows import WARNING, CellProblem
from .summary import RegionalSummary, SummaryBuilder
from .workbook import XlsxTable
from .writer import ERROR_COLUMNS, ERROR_HEADERS, RESULT_COLUMNS, CsvTable, JsonArray

__all__ = ["BatchOptions", "BatchReport", "Progress", "run_batch"]

Progress = Callable[[int, int, int], None]  # (position, size, rows read)
SHOWN_ERRORS = 20


@dataclass
class BatchOptions:
    input: Path
    output: Path | None = None  # None: standard output
    errors: Path | None = None  # None: the first errors are kept for the terminal
    fmt: Literal["csv", "json", "xlsx"] = "csv"  # xlsx: also chosen by an -o name ending .xlsx
    mapping: Path | None = None
    encoding: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk_size: int = 200  # two batches of the durable adapter (engine.durable.BATCH) per chunk
    as_of: dt.date | None = None
    engine: EngineName = "durable"
    rules_dir: Path | None = None
    questionnaire_path: Path | None = None
    references_dir: Path | None = None
    excel: bool = False
    reports_dir: Path | None = None
    lang: Lang = "fr"
    previous: Path | None = None  # results of the previous campaign (CSV or JSON)
    summary: Path | None = None  # .pdf, .html or .json, committed with the other outputs
    sheet: str | None = None  # XLSX: the worksheet to read (default: the first visible one)
    strict: bool = False  # a bad answer cell rejects its row (default: the answer becomes unknown)
    public: bool = False  # the summary's public variant: no organisation named, small groups hidden


@dataclass
class BatchReport:
    read: int = 0
    scored: int = 0
    rejected: int = 0
    blank_lines: int = 0
    source: str = ""  # e.g. "CSV, cp1252, ';'"
    warnings: list[str] = field(default_factory=list)
    errors: list[tuple[Rejected | Scored, CellProblem]] = field(default_factory=list)  # first ones
    unknown_cells: int = 0  # answer cells that could not be read and were set to unknown
    warning_cells: int = 0  # every warning (unknown cells, padded keys, 0-1 percentages)
    crashes: int = 0
    reports: int = 0  # per-organisation PDFs written
    report_errors: list[str] = field(default_factory=list)
    summary: RegionalSummary | None = None
    progression: Progression | None = None


def _chunks(rows: Iterator[RawRow], size: int, report: BatchReport) -> Iterator[list[RawRow]]:
    while chunk := list(islice(rows, size)):
        report.read += len(chunk)
        yield chunk


def _describe(table: Table) -> str:
    if table.kind == "xlsx":
        return t("b_xlsx_sheet", table.lang, sheet=table.sheet)
    delim = {"\t": "tab"}.get(table.delimiter or "", table.delimiter or "")
    return f"CSV, {table.encoding}, '{delim}'"


def _warnings(plan: ColumnPlan, lang: Lang) -> list[str]:
    out = []
    if plan.ignored:
        out.append(t("b_ignored_columns", lang, names=", ".join(plan.ignored)))
    if plan.missing_questions:
        shown = ", ".join(plan.missing_questions[:10]) + (
            " …" if len(plan.missing_questions) > 10 else ""
        )
        out.append(t("b_missing_questions", lang, n=len(plan.missing_questions), names=shown))
    return out


def _table(
    outputs: Outputs,
    path: Path | None,
    columns: tuple[str, ...],
    options: BatchOptions,
    fmt: str,
    sheet: str,
    header: tuple[str, ...] | None = None,
) -> Any:
    """CSV, JSON or XLSX (asked for by --format or by a file name ending in .xlsx)."""
    if fmt == "xlsx" or (path is not None and path.suffix.lower() == ".xlsx"):
        if path is None:
            raise InputError(t("b_xlsx_stdout", options.lang))
        return XlsxTable(outputs.open(path), columns, sheet, header)
    out = outputs.open(path)
    if fmt == "json":
        return JsonArray(out)
    return CsvTable(out, columns, options.excel, bom=options.excel, header=header)  # fmt: skip


class _Sink:
    """Results, errors and summary for each outcome, in input order. Nothing is published
    before `commit()`, which publishes every output of the run at once."""

    def __init__(
        self, options: BatchOptions, defs: Definitions, report: BatchReport, plan: ColumnPlan,
        previous: dict[str, PreviousRecord] | None = None,
    ) -> None:  # fmt: skip
        self.report = report
        self.plan = plan
        self.options = options
        self.reports_dir = options.reports_dir
        self.seen: dict[str, int] = {}
        self.summary = SummaryBuilder(defs)
        self.progression = ProgressionBuilder(previous) if previous is not None else None
        columns = RESULT_COLUMNS + (PROGRESS_COLUMNS if previous is not None else ())
        self.lang = options.lang
        self.outputs = Outputs()
        try:
            self.results: CsvTable | JsonArray | XlsxTable = _table(
                self.outputs,
                options.output,
                columns,
                options,
                options.fmt,
                t("b_results_sheet", self.lang),
            )
            self.errors: CsvTable | XlsxTable | None = None
            if options.errors is not None:
                errors_fmt = "xlsx" if options.errors.suffix.lower() == ".xlsx" else "csv"
                self.errors = _table(
                    self.outputs, options.errors, ERROR_COLUMNS, options, errors_fmt,
                    t("b_errors_sheet", self.lang), ERROR_HEADERS[self.lang],
                )  # fmt: skip
        except BaseException:
            self.outputs.discard()
            raise

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Scored):
            finess = outcome.record["finess"]
            first = self.seen.setdefault(finess, outcome.row)
            if first == outcome.row:
                self.report.scored += 1
                record = outcome.record
                if self.progression is not None:
                    record = {**record, **self.progression.fields(record)}
                self.results.write(record)
                self.summary.add(outcome)
                self._keep_report(outcome)
                self._problems(outcome, outcome.record["finess"], outcome.warnings)
                return
            if outcome.report is not None:
                self.outputs.forget(outcome.report)
            message = t("b_duplicate", self.lang, first=first)
            outcome = Rejected(
                outcome.row,
                outcome.line,
                finess,
                (CellProblem(self.plan.title("finess"), finess, message),),
            )
        self.report.rejected += 1
        self._problems(outcome, outcome.finess, outcome.problems)

    def _problems(
        self, outcome: Scored | Rejected, finess: str, problems: tuple[CellProblem, ...]
    ) -> None:
        for problem in problems:
            if problem.severity == WARNING:
                self.report.warning_cells += 1
                self.report.unknown_cells += problem.unknown
            if len(self.report.errors) < SHOWN_ERRORS:
                self.report.errors.append((outcome, problem))
            if self.errors is not None:
                line = outcome.line if outcome.line != outcome.row + 1 else None
                self.errors.write({
                    "row": outcome.row, "line": line, "finess": finess, "column": problem.column,
                    "question": problem.question, "value": problem.value,
                    "severity": t(f"b_severity_{problem.severity}", self.lang),
                    "message": problem.message,
                })  # fmt: skip

    def _keep_report(self, outcome: Scored) -> None:
        if outcome.report is not None and self.reports_dir is not None:
            self.outputs.move(outcome.report, self.reports_dir / f"{outcome.record['finess']}.pdf")
            self.report.reports += 1
        elif outcome.report_error is not None:
            self.report.report_errors.append(
                t("b_report_failed", self.lang, finess=outcome.record["finess"],
                  failure=outcome.report_error)
            )  # fmt: skip

    def commit(self, summary: RegionalSummary) -> None:
        self.results.close()
        if self.errors is not None:
            self.errors.close()
        if self.options.summary is not None:
            data = summary_bytes(self.options.summary, summary, self.options.lang)
            self.outputs.open(self.options.summary).write(data)
        self.outputs.commit()

    def discard(self) -> None:
        self.outputs.discard()


def _reports_dir(path: Path) -> None:
    """The reports folder may be created, but not its parents (a typo must not build a tree)."""
    try:
        path.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise OutputError.said("o_no_parent", path=display_path(path)) from None
    except OSError as exc:
        raise write_failure(path, exc) from None


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchReport:
    """Score every row of `options.input`; raise InputError if the input is unusable."""
    defs = load_definitions(options.rules_dir, options.questionnaire_path, options.references_dir)
    previous = load_previous(options.previous) if options.previous is not None else None
    questions = list(defs.questionnaire.questions())
    mapping = (
        load_mapping(options.mapping, (*FIXED_COLUMNS, *questions), options.lang)
        if options.mapping
        else None
    )
    table = open_table(
        options.input, known_column(questions, mapping), options.encoding, options.sheet,
        options.lang,
    )  # fmt: skip
    report = BatchReport(source=_describe(table))
    try:
        optional = ("assessment_date",) if options.as_of else ()
        plan = plan_columns(table.header, questions, mapping, optional)
        report.warnings = table.notes + _warnings(plan, options.lang)
        config = WorkerConfig(
            defs, options.engine, plan,
            strict_width=table.kind == "csv", as_of=options.as_of,
            default_date=options.as_of if "assessment_date" not in plan.titles else None,
            reports_dir=options.reports_dir, lang=options.lang, strict=options.strict,
        )  # fmt: skip
        if options.reports_dir is not None:
            _reports_dir(options.reports_dir)
        sink = _Sink(options, defs, report, plan, previous)
        settle()  # the parent too keeps the definitions for the whole run
        runner = ChunkRunner(config, options.jobs)
        scored = runner.run(_chunks(table.rows, options.chunk_size, report))
        try:
            for outcomes in scored:
                for outcome in outcomes:
                    sink.add(outcome)
                if progress is not None:
                    progress(table.position(), table.size, report.read)
            report.blank_lines = table.blank_lines
            report.crashes = runner.crashes
            if report.read != report.scored + report.rejected:
                raise AssertionError(
                    f"rows lost: {report.read} read, {report.scored} scored, {report.rejected} rejected"
                )
            if sink.progression is not None:
                report.progression = sink.progression.build()
            report.summary = sink.summary.build(report.rejected, options.public, report.progression)
            sink.commit(report.summary)
        except BaseException:
            scored.close()  # stops the workers before their temporary reports are removed
            sink.discard()
            if options.reports_dir is not None:
                for tmp in options.reports_dir.glob(".*.pdf.tmp"):
                    tmp.unlink(missing_ok=True)
            raise
    finally:
        release()
        table.close()
    return report
