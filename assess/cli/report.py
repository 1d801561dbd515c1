"""report: the readiness report of one answers file, as PDF or HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

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
    from ..common import Lang
    from ..render.report import ReportFormat
    from ..scoring.assessor import EngineName

__all__ = ["register"]


_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def _format(fmt: str | None, output: Path) -> ReportFormat:
    return "html" if output_format(output, fmt, _FORMATS, "pdf") == "html" else "pdf"


@click.command()
@click.argument(
    "answers_file", metavar="ANSWERS", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="Fichier à écrire, - pour la sortie standard / file to write (report.pdf, report.html), - for standard output.",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html"]),
    help="pdf ou html (défaut : selon l'extension de -o, sinon pdf) / default: from the -o extension, else pdf.",
)  # fmt: skip
@click.option(
    "--brand", "brand_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Fichier de marque YAML (nom, logo, couleur, pied de page) / brand file.",
)  # fmt: skip
@click.option(
    "--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Gabarits qui remplacent ou étendent ceux du paquet / templates overriding the packaged ones.",
)  # fmt: skip
@click.option(
    "--previous", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Évaluation précédente (réponses ou résultat JSON) : ajoute la section Évolution / previous assessment: adds the progress section.",
)  # fmt: skip
@as_of_option
@lang_option
@engine_option
@definitions_options
def report(
    answers_file: Path, output: Path, fmt: str | None, brand_file: Path | None, template_dir: Path | None,
    previous: Path | None, as_of: dt.date | None, lang: Lang, engine: EngineName, rules_dir: Path | None, questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Write the readiness report: cover, summary and radar, domains, action plan, annexes.

    Écrire le rapport de maturité : couverture, synthèse et radar, domaines, plan d'action, annexes.
    """
    from ..atomic import write_atomic
    from ..render.brand import load_brand
    from ..render.report import render_report

    chosen = _format(fmt, output)
    if chosen == "pdf":
        refuse_binary_on_terminal(output, "PDF")
    inputs = [answers_file, brand_file, previous, template_dir, rules_dir, questionnaire_path]
    refuse_inputs([output], inputs)
    brand = load_brand(brand_file) if brand_file else None
    runner = assessor(rules_dir, questionnaire_path, engine)
    answers = read_answers(answers_file, runner.defs.questionnaire)
    result = runner.assess(answers, as_of)
    evolution = None
    if previous is not None:
        from ..progress.evolution import evolution_context, report_comparison
        from ..progress.snapshot import load_snapshot

        comparison = report_comparison(runner, load_snapshot(previous, runner), answers, result)
        evolution = evolution_context(comparison, runner.defs, lang)
    data = render_report(
        result,
        runner.defs,
        lang=lang,
        fmt=chosen,
        brand=brand,
        template_dir=template_dir,
        evolution=evolution,
    )
    write_atomic(output, data)
    if not is_stdout(output):
        click.echo(display_path(output))


def register(group: click.Group) -> None:
    group.add_command(report)
