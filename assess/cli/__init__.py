"""The `assess` command line. The only place that prints, and the only place that exits.

Exit codes: 0 ok; 1 invalid input (the message names the file, line or field and how to fix it);
2 usage error; 3 some rows rejected (batch).
"""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from .. import __version__, interrupt
from ..errors import AssessError, OutputError
from . import batch, core, progress_cmd, questionnaire_cmd, report

__all__ = ["cli", "main"]


class AssessFailure(click.ClickException):
    """An AssessError shown the CLI way: exit 1, every located problem on its own line."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Erreur / Error: {self.message}", err=True)


class AssessGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OutputError as exc:  # one line: the path and the reason
            raise AssessFailure(str(exc)) from exc
        except AssessError as exc:
            raise AssessFailure(f"{type(exc).__name__}\n{exc}") from exc


@click.group(
    cls=AssessGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="assess")
def cli() -> None:
    """Évaluer la maturité e-santé d'un établissement de santé français.

    Assess the e-health readiness of a French health organisation: questionnaire, declarative
    rules (report « E-santé : augmentons la dose ! » and 2024–2026 referentials), scores, reports.
    """


for _module in (core, report, questionnaire_cmd, batch, progress_cmd):
    _module.register(cli)


def main() -> None:
    interrupt.install()  # SIGTERM ends a run the way Ctrl-C does
    try:
        # Outside standalone mode click returns a command's ctx.exit(code) instead of exiting.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Interrompu. / Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
