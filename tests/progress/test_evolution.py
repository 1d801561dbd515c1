"""`assess report --previous FILE`: the section "Évolution depuis l'évaluation du …"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assess.cli import cli
from tests.conftest import ROOT

PREVIOUS = ROOT / "examples" / "ch-exemple.yaml"


def _current(tmp_path: Path) -> Path:
    """The 2027 fixture answered on the shipped questionnaire (the old question ID)."""
    text = (ROOT / "tests" / "fixtures" / "progress" / "ch-2027.yaml").read_text(encoding="utf-8")
    text = text.replace("mssante.paper_mail_share", "mssante.postal_share")
    path = tmp_path / "ch-2027.yaml"
    path.write_text(text.replace("version: '2027.1'", "version: '2026.1'"), encoding="utf-8")
    return path


def _html(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(_current(tmp_path)), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_shows_the_evolution_section(tmp_path: Path) -> None:
    html = _html(tmp_path, "--previous", str(PREVIOUS))
    section = html.split('<section class="evolution" id="evolution">')[1].split("</section>")[0]
    assert "<h1>Évolution depuis l&#39;évaluation du 15 octobre 2026</h1>" in section
    assert "<strong>Indice global e-santé : 25,3 → 26,0 (+0,7)</strong>" in section
    assert (
        '<tr class="trend-down"><td>Interopérabilité</td><td class="num">2/5</td>'
        '<td class="num"><strong>0/5</strong> ▼</td>'
    ) in section
    assert (
        '<li class="up">Conditions désormais satisfaites\u202f: <span class="rule-id">HDS-G2A</span> '
        "Clauses contractuelles complètes</li>"
    ) in section
    assert "Réponses modifiées (5)" in section
    # The section comes right after the summary.
    assert html.index('id="summary"') < html.index('id="evolution"') < html.index('id="domains"')


def test_english_and_no_section_without_previous(tmp_path: Path) -> None:
    html = _html(tmp_path, "--previous", str(PREVIOUS), "--lang", "en")
    assert "<h1>Changes since the assessment of 15 October 2026</h1>" in html
    assert 'id="evolution"' not in _html(tmp_path)
