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
def _progress() -> Iterator[Progress | None]:
    """A rich progress bar on stderr with rows/s and ETA, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    start = time.monotonic()
    with Bar(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f} %"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("notation / scoring", total=None)

        def update(position: int, size: int, rows: int) -> None:
            rate = rows / max(time.monotonic() - start, 1e-6)
            bar.update(
                task,
                completed=position,
                total=size or None,
                description=f"{rows} lignes / rows · {rate:,.0f} /s",
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
            value = f" « {problem.value} »" if problem.value else ""
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
@click.option(
    "-o", "--output", type=_file,
    help="Résultats / results file, - for standard output (default: standard output).",
)  # fmt: skip
@click.option(
    "--errors",
    "errors_file",
    type=_file,
    help="Problèmes ligne par ligne : rejets et avertissements (CSV, ou XLSX si le nom finit par .xlsx).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]),
    help="csv, json ou xlsx (défaut : selon l'extension de -o, sinon csv).",
)  # fmt: skip
@click.option(
    "--strict",
    is_flag=True,
    help="Rejeter toute ligne qui a une cellule de réponse illisible (défaut : réponse inconnue).",
)
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Correspondance colonnes et valeurs / column and value mapping (YAML or JSON).")  # fmt: skip
@click.option(
    "--encoding", help="Forcer l'encodage / force the input encoding (default: detected)."
)
@click.option(
    "--sheet", metavar="NOM", help="Feuille XLSX à lire / XLSX sheet to read (default: the first visible one).",
)  # fmt: skip
@click.option(
    "--excel",
    is_flag=True,
    help="CSV pour Excel français : « ; », BOM UTF-8, virgule décimale / for French Excel.",
)
@click.option(
    "--summary",
    "summary_path",
    type=_file,
    help="Synthèse régionale / regional summary (.pdf, .html or .json).",
)
@click.option(
    "--public",
    is_flag=True,
    help="Synthèse publique : aucune organisation nommée, petits groupes masqués "
    "(défaut : version interne, qui nomme les organisations).",
)
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Un rapport PDF par organisation / one PDF report per organisation (FINESS.pdf).")  # fmt: skip
@click.option("--previous", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Résultats de la campagne précédente / previous campaign results (CSV or JSON).")  # fmt: skip
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processus de notation / worker processes (default: number of cores).")  # fmt: skip
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
    """Score every organisation of a CSV or XLSX export; reject bad rows with their reason.

    Noter toutes les organisations d'un export CSV ou XLSX ; les lignes invalides sont rejetées
    avec leur motif. Exit codes: 0 all rows scored, 3 some rows rejected, 1 unusable input.
    """
    from ..batch.render import summary_format
    from ..batch.run import BatchOptions, run_batch

    chosen = output_format(output, fmt, _RESULT_FORMATS, "csv")
    if summary_path is not None:
        if is_stdout(summary_path):
            raise click.UsageError("--summary: give a file name (.pdf, .html or .json), not -")
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
    with _progress() as progress:
        report = run_batch(options, progress)
    _print_report(report, errors_file, lang)
    if report.rejected:
        # SystemExit, not ctx.exit(): `assess.cli.main` runs click with standalone_mode=False,
        # where ctx.exit(3) would only be returned and lost.
        sys.exit(EXIT_REJECTED)


@click.command("template-csv")
@click.option(
    "-o", "--output", type=_file, default=Path("template.csv"), show_default=True,
    help="Modèle à écrire, - pour la sortie standard (sans dictionnaire) / template file, - for standard output (no dictionary).",
)  # fmt: skip
@click.option("--excel", is_flag=True, help="« ; » et BOM UTF-8 pour Excel / for French Excel.")
@click.option("--force", is_flag=True, help="Remplacer les fichiers existants / replace existing files.")  # fmt: skip
@lang_option
@definitions_options
def template_csv(
    output: Path, excel: bool, force: bool, lang: Lang, rules_dir: Path | None,
    questionnaire_path: Path | None,
) -> None:  # fmt: skip
    """Write the collection CSV (one column per question ID) and its data dictionary.

    Écrire le modèle CSV de collecte (une colonne par question) et son dictionnaire de données.
    """
    from ..batch.template import dictionary_path, write_template

    to_stdout = is_stdout(output)
    targets = [] if to_stdout else [output, dictionary_path(output)]
    existing = [p for p in targets if os.path.isfile(p)]  # devices and FIFOs are written to
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise click.ClickException(
            f"{names} : existe déjà, rien n'a été écrit ; --force pour remplacer / "
            "already exists, nothing was written; use --force to replace"
        )
    refuse_inputs(targets, [rules_dir, questionnaire_path])
    defs = load(rules_dir, questionnaire_path)
    dictionary = write_template(defs.questionnaire, None if to_stdout else output, lang, excel)
    count = len(defs.questionnaire.questions())
    if dictionary is None:
        click.echo(
            f"{count} questions (dictionnaire non écrit / no data dictionary with -o -)", err=True
        )
    else:
        click.echo(f"{output}: {count} questions · {dictionary}")


def register(group: click.Group) -> None:
    for command in (batch, template_csv):
        group.add_command(command)
