"""questionnaire: the interactive, resumable questionnaire for the people who answer it."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..atomic import is_stdout, refuse_inputs
from ..errors import AssessError, display_path
from .options import definitions_options, engine_option, lang_option, load, parse_date

if TYPE_CHECKING:  # the interview and the models are imported when the questionnaire starts
    from ..common import Lang
    from ..definitions import Definitions
    from ..interview import Draft
    from ..questionnaire import Questionnaire
    from ..scoring.assessor import EngineName

__all__ = ["register"]

DEFAULT_OUTPUT = Path("answers.yaml")
TOP_FINDINGS = 5  # the end summary shows the most severe findings; `assess score` lists them all
_STOP = (click.Abort, KeyboardInterrupt, EOFError)


def _say(text: str) -> None:
    """Lines wrapped at the terminal width, between words; choice lines keep their indent.
    Piped output (scripts, transcripts) is left as is."""
    if not sys.stdout.isatty():
        click.echo(text)
        return
    width = max(40, shutil.get_terminal_size((100, 24)).columns - 1)
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        numbered = re.match(r"\s*\d+\. ", line)
        hang = " " * len(numbered.group()) if numbered else indent
        wrapped = textwrap.fill(
            line, width, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
        )
        click.echo(wrapped or "")


def _ask(prompt: str) -> str:
    """One line from the user; click turns Ctrl-C and Ctrl-D (or the end of piped input) into Abort."""
    line = click.prompt(prompt, default="", show_default=False, prompt_suffix="")
    if click.termui.visible_prompt_func is input and not sys.stdin.isatty():
        click.echo(line)  # piped input is not echoed by a terminal: keep the transcript readable
    return line


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--resume", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--from", "previous", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--domain", metavar="DOMAIN")
@click.option("--date", "assessment_date", callback=parse_date, metavar="YYYY-MM-DD")
@lang_option
@engine_option
@definitions_options
@click.pass_context
def questionnaire(
    ctx: click.Context, output: Path | None, resume: Path | None, previous: Path | None,
    domain: str | None,
    assessment_date: dt.date | None, lang: Lang, engine: EngineName, rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Answer the questionnaire interactively (help: help_text.HELP)."""
    target = output or resume or DEFAULT_OUTPUT
    from ..i18n import t, tn

    if is_stdout(target):
        raise click.UsageError(t("iv_no_stdout", lang))
    refuse_inputs([target], [rules_dir, questionnaire_path, previous])
    from ..answers import load_answers
    from ..interview import Interview
    from ..interview.trust import CheckWatcher
    from ..render.text import score_text
    from ..scoring.assessor import Assessor

    defs = load(rules_dir, questionnaire_path)  # the engine is built after the last answer
    _check_domain(defs.questionnaire, domain, lang)
    if resume is not None and previous is not None:
        raise click.UsageError(t("iv_resume_or_from", lang))
    path, draft = _open(defs.questionnaire, output, resume, assessment_date, lang)
    if previous is not None:
        draft = _prefill(defs, previous, draft.assessment_date, lang)
    _banner(defs.questionnaire, path, draft, resume is not None, lang)
    watcher = CheckWatcher(lambda: Assessor(defs, engine))
    interview = Interview(
        defs.questionnaire, defs.catalog, draft, path, lang, _ask, _say, domain, watcher
    )
    try:
        interview.save()  # the file exists from the start, so even an early stop can be resumed
        interview.run()
    except _STOP:
        click.echo()
        command = _resume_command(path, domain, lang, rules_dir, questionnaire_path)
        click.echo(
            t(
                "iv_interrupted",
                lang,
                answers=tn("iv_answers", draft.answered(), lang),
                path=display_path(path),
                command=command,
            ),
            err=True,
        )
        # not ctx.exit(1): `assess.cli.main()` runs click with standalone_mode=False, which
        # turns ctx.exit codes into a return value that is then dropped (exit status 0)
        raise SystemExit(1) from None
    name = display_path(path)
    if domain is None:
        click.echo(
            "\n" + t("iv_done", lang, answers=tn("iv_answers", draft.answered(), lang), path=name)
        )
    else:
        section = interview.flow.section_title(domain, lang)
        click.echo("\n" + t("iv_domain_done", lang, section=section, path=name))
    result = watcher.assessor().assess(load_answers(path, defs.questionnaire, lang))
    summary = score_text(result, lang, max_findings=TOP_FINDINGS)
    click.echo("\n" + summary + "\n" + t("iv_details", lang, path=shlex.quote(name)))
    _offer_report(ctx, path, lang, rules_dir, questionnaire_path)


def _prefill(defs: Definitions, previous: Path, day: dt.date, lang: Lang) -> Draft:
    """A new draft with the previous assessment's answers, each to confirm."""
    from ..i18n import t
    from ..progress.compare_text import carry_note_text
    from ..progress.prefill import draft_from_previous
    from ..render.views import Formatter

    draft, notes = draft_from_previous(previous, defs.questionnaire, day, lang)
    fmt = Formatter(lang, defs)
    for note in notes:
        click.echo(carry_note_text(fmt, note).strip(), err=True)
    click.echo(t("iv_prefilled", lang, n=len(draft.pending), path=display_path(previous)))
    return draft


def _check_domain(questionnaire: Questionnaire, domain: str | None, lang: Lang) -> None:
    from ..i18n import t
    from ..questionnaire import SectionKind

    sections = [s.id for s in questionnaire.sections if s.kind is not SectionKind.profile]
    if domain is not None and domain not in sections:
        message = t("iv_unknown_domain", lang, domain=domain, choices=", ".join(sections))
        raise click.BadParameter(message, param_hint="'--domain'")


def _open(
    questionnaire: Questionnaire, output: Path | None, resume: Path | None,
    assessment_date: dt.date | None, lang: Lang,
) -> tuple[Path, Draft]:  # fmt: skip
    from ..i18n import t
    from ..interview import load_draft, new_draft

    if resume is not None:
        draft, warnings = load_draft(resume, questionnaire, lang)
        for warning in warnings:
            click.echo(warning, err=True)
        if assessment_date is not None:
            draft.assessment_date = assessment_date
        return output or resume, draft
    path = output or DEFAULT_OUTPUT
    if path.exists():
        raise click.ClickException(t("iv_file_exists", lang, path=shlex.quote(display_path(path))))
    return path, new_draft(questionnaire, assessment_date or dt.date.today())


def _banner(
    questionnaire: Questionnaire, path: Path, draft: Draft, resumed: bool, lang: Lang
) -> None:
    q = questionnaire
    from ..i18n import t, tn

    click.echo(t("iv_welcome", lang, title=q.title.get(lang), id=q.id, version=q.version))
    click.echo(t("iv_saved_to", lang, path=display_path(path)))
    click.echo(t("iv_keys_intro", lang))
    if resumed:
        click.echo(
            t(
                "iv_resuming",
                lang,
                path=display_path(path),
                answers=tn("iv_answers", draft.answered(), lang),
            )
        )


def _resume_command(
    path: Path,
    domain: str | None,
    lang: Lang,
    rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> str:
    words = ["assess", "questionnaire", "--resume", display_path(path)]
    if domain is not None:
        words += ["--domain", domain]
    if lang != "fr":
        words += ["--lang", lang]
    if questionnaire_path is not None:
        words += ["--questionnaire", str(questionnaire_path)]
    if rules_dir is not None:
        words += ["--rules-dir", str(rules_dir)]
    return shlex.join(words)


def _offer_report(
    ctx: click.Context,
    path: Path,
    lang: Lang,
    rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:
    """If an `assess report` command is registered, offer to write the PDF (default no if piped)."""
    from ..i18n import t

    root = ctx.find_root()
    report = (
        root.command.get_command(root, "report") if isinstance(root.command, click.Group) else None
    )
    if report is None:
        return
    pdf = path.with_suffix(".pdf")
    if not _confirm(t("iv_offer_pdf", lang, path=display_path(pdf)), sys.stdin.isatty(), lang):
        return
    click.echo(t("iv_rendering", lang))
    options = {opt for param in report.params for opt in param.opts}
    args = [str(path)]
    for flag, value in (
        ("-o", pdf),
        ("--lang", lang),
        ("--rules-dir", rules_dir),
        ("--questionnaire", questionnaire_path),
    ):
        if value is not None and flag in options:
            args += [flag, str(value)]
    try:
        with report.make_context("report", args, parent=root) as sub:
            report.invoke(sub)
    except (click.ClickException, AssessError) as exc:
        click.echo(t("iv_pdf_failed", lang, error=exc), err=True)
        raise SystemExit(1) from None


def _confirm(question: str, default: bool, lang: Lang) -> bool:
    from ..i18n import t
    from ..interview.parse import yes_no

    suffix = t("iv_yes_no_default_yes" if default else "iv_yes_no_default_no", lang)
    while True:
        try:
            raw = _ask(question + suffix)
        except _STOP:
            click.echo()
            return False
        answer = yes_no(raw) if raw.strip() else default
        if answer is not None:
            return answer
        click.echo(t("iv_invalid", lang, raw=raw.strip(), what=t("iv_what_yes_no", lang)))


def register(group: click.Group) -> None:
    group.add_command(questionnaire)
