"""`assess batch --reports-dir` gives each organisation the plan `assess report` gives it."""

from __future__ import annotations

import datetime as dt
import re

from click.testing import CliRunner

from assess.answers import AnswerSet, load_answers
from assess.batch.mapping import FIXED_COLUMNS, plan_columns
from assess.batch.pool import Scored, Worker, WorkerConfig
from assess.batch.reader import RawRow
from assess.cli import cli
from assess.conditions import NA, UNKNOWN
from assess.progress import plan_steps
from assess.progress.roadmap import build_roadmap
from assess.values import Answer
from tests.conftest import ROOT
from tests.report.conftest import pdf_page_texts

EXAMPLE = ROOT / "examples" / "ch-exemple.yaml"


def _cell(answer: Answer) -> str:
    """The answer as an ARS export writes it: French yes/no, choices joined by |, dates in
    DD/MM/YYYY, decimal commas, "nsp" when unknown, "sans objet" when not applicable, "aucun"
    when no choice applies."""
    if answer.state == UNKNOWN:
        return "nsp"
    if answer.state == NA:
        return "sans objet"
    value = answer.value
    if isinstance(value, frozenset):
        return "|".join(sorted(value)) or "aucun"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return {"yes": "Oui", "no": "Non"}.get(str(value), str(value))


def _row(answers: AnswerSet) -> tuple[list[str], list[str]]:
    org = answers.organisation
    fixed = {"finess": org.finess, "name": org.name, "type": org.type.value, "region": org.region,
             "departement": org.departement, "assessment_date": answers.assessment_date.isoformat()}  # fmt: skip
    header = [c for c in FIXED_COLUMNS if c in fixed] + list(answers.answers)
    cells = [fixed[c] for c in header[: len(header) - len(answers.answers)]]
    return header, cells + [_cell(a) for a in answers.answers.values()]


def _pages(pdf: bytes) -> list[str]:
    """The pages as a reader copies them out of the PDF. The footers' report hash is left out: it
    identifies the inputs, which differ (a CSV row has no comments nor evidence)."""
    return [re.sub(r"e-santé · [0-9a-f]{12} ", "e-santé · ", p) for p in pdf_page_texts(pdf)]


def _plan_text(pages: list[str]) -> str:
    """The action plan: from its page's heading to the end."""
    first = next(i for i, page in enumerate(pages) if page.startswith("Plan d'action"))
    return re.sub(r"\s+", " ", " ".join(pages[first:]))


def _first_actions(pages: list[str]) -> str:
    """The summary's five actions, up to the page's footer."""
    summary = re.sub(r"\s+", " ", pages[0])
    return summary[summary.index("Les cinq actions à mener d'abord") :]


def test_batch_report_plan_equals_assess_report(tmp_path, shipped_defs):
    answers = load_answers(EXAMPLE, shipped_defs.questionnaire)
    header, cells = _row(answers)
    (tmp_path / "in.csv").write_text(
        ";".join(header) + "\r\n" + ";".join(cells) + "\r\n", encoding="utf-8"
    )
    runner = CliRunner()
    reports = tmp_path / "reports"
    res = runner.invoke(cli, ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
                              "--errors", str(tmp_path / "errors.csv"), "-j", "1",
                              "--reports-dir", str(reports)])  # fmt: skip
    assert res.exit_code == 0, res.output
    single = runner.invoke(cli, ["report", str(EXAMPLE), "-o", str(tmp_path / "single.pdf")])
    assert single.exit_code == 0, single.output
    batch_pages = _pages((reports / f"{answers.organisation.finess}.pdf").read_bytes())
    report_pages = _pages((tmp_path / "single.pdf").read_bytes())
    plan = _plan_text(batch_pages)
    assert plan == _plan_text(report_pages)
    assert _first_actions(batch_pages) == _first_actions(report_pages)
    assert "Les premières actions suivent la feuille de route" in plan
    assert "N° Gravité Action 1 élevée Fixer les objectifs de reprise" in plan


def _worker(defs, tmp_path, reports: bool) -> tuple[Worker, list[RawRow]]:
    answers = load_answers(EXAMPLE, defs.questionnaire)
    header, cells = _row(answers)
    plan = plan_columns(header, defs.questionnaire.questions(), None)
    config = WorkerConfig(defs, "durable", plan, reports_dir=tmp_path if reports else None)
    return Worker(config), [RawRow(1, 2, tuple(cells)), RawRow(2, 3, tuple(cells))]


def test_batch_without_reports_dir_never_builds_a_roadmap(tmp_path, shipped_defs, monkeypatch):
    built = []

    def counted(*args, **kwargs):
        built.append(kwargs["limits"])
        return build_roadmap(*args, **kwargs)

    monkeypatch.setattr(plan_steps, "build_roadmap", counted)
    worker, rows = _worker(shipped_defs, tmp_path, reports=False)
    outcomes = worker.score_many(rows)
    assert [type(o) for o in outcomes] == [Scored, Scored] and built == []
    worker, rows = _worker(shipped_defs, tmp_path, reports=True)
    outcomes = worker.score_many(rows)
    assert all(isinstance(o, Scored) and o.report is not None for o in outcomes)
    assert built == [plan_steps.REPORT_LIMITS] * 2  # once per report, the report's bounds
