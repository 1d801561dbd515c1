"""The `assess` command line. The only place that prints, and the only place that exits.

Exit codes: 0 ok; 1 invalid input (the message names the file, line or field and how to fix it);
2 usage error; 3 some rows rejected (batch).
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any

import click

from . import click_fr

click_fr.install()  # before the commands below are defined: their help options use Click's words

from .. import __version__, interrupt  # noqa: E402
from ..errors import AssessError  # noqa: E402
from . import batch, core, progress_cmd, questionnaire_cmd, report  # noqa: E402

if TYPE_CHECKING:
    from ..common import Lang

__all__ = ["cli", "main"]


LANG_ENV = "ASSESS_LANG"


def argv_lang(args: list[str]) -> Lang:
    """The language asked for on the command line (`--lang en`), before Click parses it, else
    the ASSESS_LANG environment variable, else French."""
    for i, arg in enumerate(args):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in ("fr", "en"):
            return "en" if value == "en" else "fr"
    return "en" if os.environ.get(LANG_ENV, "").strip().lower() == "en" else "fr"


class AssessFailure(click.ClickException):
    """An AssessError shown the CLI way: exit 1, every located problem on its own line."""

    exit_code = 1

    def __init__(self, message: str, lang: Lang) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        from ..i18n import t

        lines = self.message.splitlines()
        head = t("cli_error", self.lang)
        if len(lines) == 1:
            click.echo(
                f"{head} : {lines[0]}" if self.lang == "fr" else f"{head}: {lines[0]}", err=True
            )
            return
        click.echo(t("cli_problems", self.lang, n=len(lines)), err=True)
        for line in lines:
            click.echo(f"  {line}", err=True)


class AssessGroup(click.Group):
    def main(self, args: Any = None, *rest: Any, **extra: Any) -> Any:
        """Help, placeholders and Click's words in the run's language, known before parsing
        (an eager `--help` may come before `--lang`)."""
        argv = sys.argv[1:] if args is None else list(args)
        lang = argv_lang(argv)
        click_fr.use(lang)
        click_fr.localize(self, lang)
        return super().main(argv, *rest, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AssessError as exc:  # an OutputError is one line: the path and the reason
            lang = click_fr.current()
            raise AssessFailure(exc.text(lang), lang) from exc


@click.group(
    cls=AssessGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="assess")
def cli() -> None:
    """assess (help texts: help_text.HELP, in the run's language)."""


for _module in (core, report, questionnaire_cmd, batch, progress_cmd):
    _module.register(cli)


def main() -> None:
    interrupt.install()  # SIGTERM ends a run the way Ctrl-C does
    lang = argv_lang(sys.argv[1:])
    try:
        # Outside standalone mode click returns a command's ctx.exit(code) instead of exiting.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        from ..i18n import t

        click.echo(t("cli_aborted", lang), err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
