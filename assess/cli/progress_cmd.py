"""roadmap and compare: the way to the next level, and what changed since last time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..domains import DOMAINS
from .options import (
    as_of_option,
    assessor,
    definitions_options,
    engine_option,
    lang_option,
    load,
    parse_date,
)

if TYPE_CHECKING:  # the models and the engine are imported when a command runs
    from ..common import Lang
    from ..scoring.assessor import Assessor, EngineName

__all__ = ["register"]

_format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


@click.command()
@click.argument(
    "answers_file", metavar="ANSWERS", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--domain", type=click.Choice(DOMAINS))
@click.option("--target-level", type=click.IntRange(1, 5), metavar="N")
@click.option("--by", callback=parse_date, metavar="YYYY-MM-DD")
@_format_option
@as_of_option
@lang_option
@engine_option
@definitions_options
def roadmap(
    answers_file: Path, domain: str | None, target_level: int | None, by: dt.date | None,
    fmt: str, as_of: dt.date | None, lang: Lang, engine: EngineName, rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """The smallest verified answer changes to the next level (help: help_text.HELP)."""
    from ..answers import load_answers
    from ..progress.roadmap import build_roadmap
    from ..progress.roadmap_text import roadmap_text

    runner = assessor(rules_dir, questionnaire_path, engine)
    answers = load_answers(answers_file, runner.defs.questionnaire)
    if by is not None and by <= (as_of or answers.assessment_date):
        raise click.BadParameter("the date must come after the assessment date", param_hint="--by")
    result = build_roadmap(
        runner, answers, domains=[domain] if domain else None, target_level=target_level,
        by=by, as_of=as_of,
    )  # fmt: skip
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(roadmap_text(result, runner.defs, lang), nl=False)


_file = click.Path(exists=True, dir_okay=False, path_type=Path)


def previous_assessor(
    current: Assessor, rules_dir: Path | None, questionnaire_path: Path | None
) -> Assessor | None:
    """The rules of the previous assessment's time, when given; else the current ones score it."""
    from ..scoring.assessor import Assessor

    if rules_dir is None and questionnaire_path is None:
        return None
    return Assessor(load(rules_dir, questionnaire_path), current.engine)


@click.command()
@click.argument("previous_file", metavar="PREVIOUS", type=_file)
@click.argument("current_file", metavar="CURRENT", type=_file)
@click.option("--previous-rules-dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--previous-questionnaire", type=click.Path(dir_okay=False, path_type=Path))
@_format_option
@lang_option
@engine_option
@definitions_options
def compare(
    previous_file: Path, current_file: Path, previous_rules_dir: Path | None,
    previous_questionnaire: Path | None, fmt: str, lang: Lang, engine: EngineName,
    rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """What changed since the previous assessment (help: help_text.HELP)."""
    from ..progress.compare import compare as compare_snapshots
    from ..progress.compare_text import compare_text
    from ..progress.snapshot import load_snapshot

    runner = assessor(rules_dir, questionnaire_path, engine)
    own = previous_assessor(runner, previous_rules_dir, previous_questionnaire)
    result = compare_snapshots(
        runner,
        load_snapshot(previous_file, runner, own, lang=lang),
        load_snapshot(current_file, runner, lang=lang),
    )
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(compare_text(result, runner.defs, lang), nl=False)


def register(group: click.Group) -> None:
    group.add_command(roadmap)
    group.add_command(compare)
