"""batch, template-csv: ARS scoring of many organisations from one CSV or XLSX export."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..atomic import is_stdout, refuse_inputs
from .options import as_of_option, definitions_options, engine_option, lang_option, load
from .outputs import output_format

if TYPE_CHECKING:  # the batch machinery is imported when a batch runs
    from ..batch.run import BatchReport, Progress
    from ..common import Lang
    from ..scoring.assessor import EngineName

__all__ = ["register"]

EXIT_REJECTED = 3
_file = click.Path(dir_okay=False, path_type=Path, allow_dash=True)
_RESULT_FORMATS = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}


@contextmanager
def _progress(lang: Lang) -> Iterator[Progress | None]:
    """A rich progress bar on stderr with rows/s and ETA, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    from ..batch import messages as _messages  # noqa: F401  (registers the batch messages)
    from ..i18n import t

    start = time.monotonic()
    with Bar(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f} %"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(t("b_progress_start", lang), total=None)

        def update(position: int, size: int, rows: int) -> None:
            rate = rows / max(time.monotonic() - start, 1e-6)
            bar.update(
                task,
                completed=position,
                total=size or None,
                description=t("b_progress", lang, rows=rows, rate=f"{rate:.0f}"),
            )

        yield update


def _print_report(report: BatchReport, errors_file: Path | None, lang: Lang) -> None:
    from ..i18n import t, tn

    def echo(text: str) -> None:
        click.echo(text, err=True)

    echo(t("b_input", lang, source=report.source))
    for warning in report.warnings:
        echo(t("b_warning", lang, text=warning))
    if report.blank_lines:
        echo(tn("b_blank", report.blank_lines, lang))
    if errors_file is None and report.errors:
        for outcome, problem in report.errors:
            column = f" [{problem.column}]" if problem.column else ""
            quoted = f"« {problem.value} »" if lang == "fr" else f"“{problem.value}”"
            value = f" {quoted}" if problem.value else ""
            echo(
                t(
                    "b_row",
                    lang,
                    row=outcome.row,
                    column=column,
                    value=value,
                    message=problem.message,
                )
            )
        if report.rejected + report.warning_cells > len(report.errors):
            echo(t("b_more", lang))
    if report.crashes:
        echo(tn("b_crashes", report.crashes, lang))
    for failure in report.report_errors[:20]:
        echo(failure)  # already said in the run's language
    if report.progression is not None:
        p = report.progression
        echo(t("b_previous", lang, matched=p.matched, new=p.only_current, missing=p.only_previous))
    echo(
        t(
            "b_closing", lang, read=tn("b_read", report.read, lang),
            scored=tn("b_scored", report.scored, lang), rejected=tn("b_rejected", report.rejected, lang),
            unknown=tn("b_unknown", report.unknown_cells, lang),
        )
    )  # fmt: skip


@click.command()
@click.argument(
    "input_file", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("-o", "--output", type=_file)
@click.option("--errors", "errors_file", type=_file)
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]))
@click.option("--strict", is_flag=True)
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--encoding")
@click.option("--sheet", metavar="NAME")
@click.option("--excel", is_flag=True)
@click.option("--summary", "summary_path", type=_file)
@click.option("--public", is_flag=True)
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--previous", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None)
@as_of_option
@lang_option
@engine_option
@definitions_options
def batch(
    input_file: Path, output: Path | None, errors_file: Path | None, fmt: str | None,
    strict: bool, mapping: Path | None, encoding: str | None, sheet: str | None, excel: bool, summary_path: Path | None, public: bool,
    reports_dir: Path | None, previous: Path | None, jobs: int | None, as_of: dt.date | None, lang: Lang, engine: EngineName,
    rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Score every organisation of a CSV or XLSX export (help: help_text.HELP)."""
    from ..batch.render import summary_format
    from ..batch.run import BatchOptions, run_batch

    chosen = output_format(output, fmt, _RESULT_FORMATS, "csv")
    if summary_path is not None:
        if is_stdout(summary_path):
            from ..i18n import t

            raise click.UsageError(t("r_summary_stdout", lang))
        summary_format(summary_path)
    elif public:
        from ..i18n import t

        raise click.UsageError(t("b_public_needs_summary", lang))
    refuse_inputs(
        [None if is_stdout(output) else output, errors_file, summary_path],
        [input_file, mapping, previous, rules_dir, questionnaire_path],
    )
    options = BatchOptions(
        input=input_file, output=None if is_stdout(output) else output, errors=errors_file,
        fmt="json" if chosen == "json" else "xlsx" if chosen == "xlsx" else "csv", mapping=mapping,
        encoding=encoding, jobs=jobs or os.cpu_count() or 1, as_of=as_of, engine=engine,
        rules_dir=rules_dir, questionnaire_path=questionnaire_path, excel=excel,
        reports_dir=reports_dir, lang=lang, summary=summary_path, sheet=sheet, previous=previous,
        strict=strict, public=public,
    )  # fmt: skip
    with _progress(lang) as progress:
        report = run_batch(options, progress)
    _print_report(report, errors_file, lang)
    if report.rejected:
        # SystemExit, not ctx.exit(): `assess.cli.main` runs click with standalone_mode=False,
        # where ctx.exit(3) would only be returned and lost.
        sys.exit(EXIT_REJECTED)


@click.command("template-csv")
@click.option("-o", "--output", type=_file, default=Path("template.csv"), show_default=True)
@click.option("--excel", is_flag=True)
@click.option("--force", is_flag=True)
@lang_option
@definitions_options
def template_csv(
    output: Path, excel: bool, force: bool, lang: Lang, rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Write the collection CSV and its data dictionary (help: help_text.HELP)."""
    from ..batch import messages as _messages  # noqa: F401  (registers the batch messages)
    from ..batch.template import dictionary_path, write_template
    from ..i18n import t

    to_stdout = is_stdout(output)
    targets = [] if to_stdout else [output, dictionary_path(output)]
    existing = [p for p in targets if os.path.isfile(p)]  # devices and FIFOs are written to
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise click.ClickException(t("b_template_exists", lang, names=names))
    refuse_inputs(targets, [rules_dir, questionnaire_path])
    defs = load(rules_dir, questionnaire_path)
    dictionary = write_template(defs.questionnaire, None if to_stdout else output, lang, excel)
    count = len(defs.questionnaire.questions())
    if dictionary is None:
        click.echo(t("b_template_stdout", lang, n=count), err=True)
    else:
        click.echo(f"{output}: {count} questions · {dictionary}")


def register(group: click.Group) -> None:
    for command in (batch, template_csv):
        group.add_command(command)
