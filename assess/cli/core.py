"""score, explain, validate, rules list|check, schema."""

from __future__ import annotations

import datetime as dt
import json
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
    read_answers,
)

if TYPE_CHECKING:  # models, engine and renderers are imported by the command that needs them
    from pydantic import BaseModel

    from ..common import Lang
    from ..rule import Rule
    from ..scoring.assessor import EngineName

__all__ = ["register"]

_SCHEMA_KINDS = ("answers", "comparison", "questionnaire", "result", "roadmap", "rule")
_answers_arg = click.argument(
    "answers_file", metavar="ANSWERS", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)


@click.command()
@_answers_arg
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@as_of_option
@lang_option
@engine_option
@definitions_options
def score(
    answers_file: Path, fmt: str, as_of: dt.date | None, lang: Lang, engine: EngineName,
    rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Score an answers file (help: help_text.HELP)."""
    from ..render.text import score_text

    runner = assessor(rules_dir, questionnaire_path, engine)
    answers = read_answers(answers_file, runner.defs.questionnaire, lang)
    result = runner.assess(answers, as_of)
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(score_text(result, lang), nl=False)


@click.command()
@_answers_arg
@click.option("--domain", type=click.Choice(DOMAINS))
@as_of_option
@lang_option
@engine_option
@definitions_options
def explain(
    answers_file: Path, domain: str | None, as_of: dt.date | None, lang: Lang, engine: EngineName,
    rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Explain each level's gates (help: help_text.HELP)."""
    from ..render.text import explain_text

    runner = assessor(rules_dir, questionnaire_path, engine)
    answers = read_answers(answers_file, runner.defs.questionnaire, lang)
    click.echo(explain_text(runner.assess(answers, as_of), lang, domain), nl=False)


@click.command()
@_answers_arg
@lang_option
@definitions_options
def validate(
    answers_file: Path, lang: Lang, rules_dir: Path | None, questionnaire_path: Path | None
) -> None:
    """Check an answers file, every problem at once (help: help_text.HELP)."""
    from ..errors import display_path
    from ..i18n import t, tn
    from ..interview import messages as _interview_messages  # noqa: F401  (question counts)

    defs = load(rules_dir, questionnaire_path)
    answers = read_answers(answers_file, defs.questionnaire, lang)
    total = len(defs.questionnaire.questions())
    answered = tn("cli_answered", len(answers.answers), lang)
    click.echo(
        t("cli_valid", lang, path=display_path(answers_file), answered=answered, total=total)
    )


@click.group()
def rules() -> None:
    """List and check rules (help: help_text.HELP)."""


def _not_reviewed_since(rule: Rule, since: dt.date | None) -> bool:
    return since is None or rule.review is None or rule.review.date < since


@rules.command("list")
@click.option("--domain")
@click.option("--not-reviewed-since", "since", callback=parse_date, metavar="YYYY-MM-DD")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@lang_option
@definitions_options
def rules_list(
    domain: str | None,
    since: dt.date | None,
    fmt: str,
    lang: Lang,
    rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:
    """One line per rule (help: help_text.HELP)."""
    defs = load(rules_dir, questionnaire_path)
    chosen = sorted(
        (
            r
            for r in defs.rules.values()
            if domain in (None, r.domain) and _not_reviewed_since(r, since)
        ),
        key=lambda r: (r.domain, r.id),
    )
    if fmt == "json":
        click.echo(
            json.dumps(
                [r.model_dump(mode="json", by_alias=True) for r in chosen],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    for r in chosen:
        kind = f"gate L{r.gate.level}" if r.gate else ("check" if r.check else "finding")
        reviewed = r.review.date.isoformat() if r.review else "-"
        click.echo(
            f"{r.id:<14}{r.domain:<18}{kind:<9}{r.severity.value:<10}{reviewed:<11}{r.title.get(lang)}"
        )


@rules.command("check")
@lang_option
@definitions_options
def rules_check(lang: Lang, rules_dir: Path | None, questionnaire_path: Path | None) -> None:
    """Validate every rule and run its examples on both engines (help: help_text.HELP)."""
    from ..i18n import t
    from ..rule_examples import check_examples
    from ..scoring.assessor import Assessor

    defs = load(rules_dir, questionnaire_path)
    engines: list[EngineName] = ["durable", "python"]
    run, failures = check_examples(Assessor(defs, e) for e in engines)
    for failure in failures:
        click.echo(str(failure), err=True)
    if failures:
        raise click.ClickException(t("cli_examples_failed", lang, n=len(failures), run=run))
    said = t("cli_rules_ok", lang, n=len(defs.rules), run=run, version=defs.rules_version)
    click.echo(said)


@rules.command("coverage")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@lang_option
@definitions_options
def rules_coverage(
    fmt: str, lang: Lang, rules_dir: Path | None, questionnaire_path: Path | None
) -> None:
    """The report's barriers and proposals against the rules (help: help_text.HELP)."""
    from ..coverage_report import coverage_report

    defs = load(rules_dir, questionnaire_path)
    report = coverage_report(defs)
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.text(lang), nl=False)


@click.command()
@click.argument("kind", type=click.Choice(_SCHEMA_KINDS))
@lang_option  # accepted everywhere; the schema itself is for programs
def schema(kind: str, lang: Lang) -> None:
    """Print the JSON Schema of a file format (help: help_text.HELP)."""
    model = _schemas()[kind]
    click.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


def _schemas() -> dict[str, type[BaseModel]]:
    from ..answers import AnswersFile
    from ..progress.compare import Comparison
    from ..progress.roadmap import Roadmap
    from ..questionnaire import Questionnaire
    from ..result import AssessmentResult
    from ..rule import Rule

    return {
        "answers": AnswersFile,
        "comparison": Comparison,
        "questionnaire": Questionnaire,
        "result": AssessmentResult,
        "roadmap": Roadmap,
        "rule": Rule,
    }


def register(group: click.Group) -> None:
    for command in (score, explain, validate, rules, schema):
        group.add_command(command)
