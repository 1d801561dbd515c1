"""report: the readiness report of one answers file, as PDF or HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..atomic import is_stdout, refuse_inputs
from ..errors import display_path
from .options import (
    as_of_option,
    assessor,
    definitions_options,
    engine_option,
    lang_option,
    read_answers,
)
from .outputs import output_format, refuse_binary_on_terminal

if TYPE_CHECKING:  # the renderers are imported when a report is written
    from ..answers import AnswerSet
    from ..common import Lang
    from ..render.report import ReportFormat, ReportPart
    from ..result import AssessmentResult
    from ..scoring.assessor import Assessor, EngineName

__all__ = ["register"]


_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def _format(fmt: str | None, output: Path) -> ReportFormat:
    return "html" if output_format(output, fmt, _FORMATS, "pdf") == "html" else "pdf"


@click.command()
@click.argument(
    "answers_file", metavar="ANSWERS", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
)
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]))
@click.option("--brand", "brand_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--previous", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--annexes", "annexes_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--full", is_flag=True)
@as_of_option
@lang_option
@engine_option
@definitions_options
def report(
    answers_file: Path, output: Path, fmt: str | None, brand_file: Path | None, template_dir: Path | None,
    previous: Path | None, annexes_path: Path | None, full: bool, as_of: dt.date | None, lang: Lang,
    engine: EngineName, rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Write the readiness report (help: help_text.HELP)."""
    from ..atomic import write_atomic
    from ..i18n import t
    from ..progress.plan_steps import report_steps
    from ..render.brand import load_brand
    from ..render.colour import contrast_warning, palette
    from ..render.report import render_report

    if full and annexes_path is not None:
        raise click.UsageError(t("cli_full_or_annexes", lang))
    for path in (output, annexes_path):
        if path is not None and _format(fmt, path) == "pdf":
            refuse_binary_on_terminal(path, "PDF")
    inputs = [answers_file, brand_file, previous, template_dir, rules_dir, questionnaire_path]
    refuse_inputs([output, annexes_path], inputs)
    brand = load_brand(brand_file, lang) if brand_file else None
    if brand is not None:
        warning = contrast_warning(palette(brand.primary_color), lang)
        if warning:
            click.echo(f"{t('cli_warning', lang)}{warning}", err=True)
    runner = assessor(rules_dir, questionnaire_path, engine)
    answers = read_answers(answers_file, runner.defs.questionnaire, lang)
    result = runner.assess(answers, as_of)
    steps = report_steps(runner, answers, as_of)  # once, for the report and its annexes
    evolution = _evolution(runner, previous, answers, result, lang) if previous else None
    outputs: list[tuple[Path, ReportPart]] = [(output, "full" if full else "executive")]
    if annexes_path is not None:
        outputs.append((annexes_path, "annexes"))
    rendered = [
        (path, render_report(result, runner.defs, lang=lang, fmt=_format(fmt, path), brand=brand,
                             template_dir=template_dir, part=part, evolution=evolution,
                             steps=steps))
        for path, part in outputs
    ]  # fmt: skip
    for path, data in rendered:  # both are built before either is written
        write_atomic(path, data)
        if not is_stdout(path):
            click.echo(display_path(path))


def _evolution(
    runner: Assessor, previous: Path, answers: AnswerSet, result: AssessmentResult, lang: Lang
) -> dict[str, Any]:
    from ..progress.evolution import evolution_context, report_comparison
    from ..progress.snapshot import load_snapshot

    comparison = report_comparison(
        runner, load_snapshot(previous, runner, lang=lang), answers, result
    )
    return evolution_context(comparison, runner.defs, lang)


def register(group: click.Group) -> None:
    group.add_command(report)
