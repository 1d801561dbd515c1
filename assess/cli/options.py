"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import click_fr

if TYPE_CHECKING:
    from ..answers import AnswerSet
    from ..common import Lang
    from ..definitions import Definitions
    from ..questionnaire import Questionnaire
    from ..scoring.assessor import Assessor, EngineName

__all__ = [
    "as_of_option",
    "definitions_options",
    "engine_option",
    "lang_option",
    "load",
    "read_answers",
]

F = TypeVar("F", bound=Callable[..., Any])


# Both must exist: Click then names a typo in the run's language, before anything loads.
_RULES_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_QUESTIONNAIRE = click.Path(exists=True, dir_okay=False, path_type=Path)


def definitions_options(fn: F) -> F:
    fn = click.option("--rules-dir", type=_RULES_DIR)(fn)
    fn = click.option("--questionnaire", "questionnaire_path", type=_QUESTIONNAIRE)(fn)
    return fn


def _set_lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    click_fr.use("en" if value == "en" else "fr")  # later messages, Click's own included
    return value


def lang_option(fn: F) -> F:
    return click.option(  # default: the language of the run (ASSESS_LANG, else French)
        "--lang",
        type=click.Choice(["fr", "en"]),
        default=click_fr.current,
        callback=_set_lang,
        is_eager=True,
    )(fn)


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from ..values import ValueProblem, read_date

    try:
        return read_date(value)  # the forms every other date accepts: 2026-06-30, 30/06/2026
    except ValueProblem as exc:
        raise click.BadParameter(exc.text(click_fr.current())) from None


def as_of_option(fn: F) -> F:
    return click.option("--as-of", callback=parse_date, metavar="YYYY-MM-DD")(fn)


def engine_option(fn: F) -> F:
    return click.option(
        "--engine", type=click.Choice(["durable", "python"]), default="durable", show_default=True
    )(fn)


def load(rules_dir: Path | None, questionnaire_path: Path | None) -> Definitions:
    from ..definitions import load_definitions

    return load_definitions(rules_dir=rules_dir, questionnaire_path=questionnaire_path)


def read_answers(path: Path, questionnaire: Questionnaire, lang: Lang = "fr") -> AnswerSet:
    """The answers file, with a warning when it was answered for another questionnaire version
    (another questionnaire is refused by the reader itself)."""
    from ..answers import load_answers
    from ..errors import display_path

    answers = load_answers(path, questionnaire, lang)
    found, current = answers.questionnaire.version, questionnaire.version
    if found != current:
        from ..i18n import t

        path_shown = display_path(path)
        said = t("cli_other_version", lang, path=path_shown, found=found, current=current)
        click.echo(said, err=True)
    return answers


def assessor(
    rules_dir: Path | None, questionnaire_path: Path | None, engine: EngineName = "durable"
) -> Assessor:
    from ..scoring.assessor import Assessor

    return Assessor(load(rules_dir, questionnaire_path), engine)
