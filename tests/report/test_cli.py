"""`assess report` through click: formats, brand, atomic output, errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assess.cli import cli

from .conftest import MINI, pdf_text
from .test_units import PNG

ARGS = [
    "--rules-dir",
    str(MINI / "rules"),
    "--questionnaire",
    str(MINI / "questionnaire.yaml"),
    "--engine",
    "python",
]


def _run(*args: str):
    return CliRunner().invoke(cli, ["report", str(MINI / "answers-ch.yaml"), *args, *ARGS])


def test_report_pdf_with_brand(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    brand = tmp_path / "brand.yaml"
    brand.write_text(
        'name: "Conseil <Santé>"\nlogo: logo.png\nprimary_color: "#8A1538"\nfooter: "Confidentiel"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out" / "rapport.pdf"
    out.parent.mkdir()
    result = _run("-o", str(out), "--brand", str(brand), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out.read_bytes())
    assert "Conseil <Santé>" in text and "Confidentiel" in text and "Prepared by" in text
    assert [p.name for p in out.parent.iterdir()] == ["rapport.pdf"]  # no temporary file left
    assert "rapport.pdf" in result.stdout


def test_report_html_from_extension(tmp_path):
    out = tmp_path / "r.html"
    result = _run("-o", str(out), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert (
        html.startswith("<!DOCTYPE html>") and 'data-rule="CYB-001"' not in html
    )  # not in force before 2026
    assert "Règles appliquées au" in html


def test_report_format_option_applies_to_other_extensions(tmp_path):
    out = tmp_path / "r.report"
    assert _run("-o", str(out), "--format", "html").exit_code == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")
    contradicting = _run("-o", str(tmp_path / "r.pdf"), "--format", "html")
    assert (
        contradicting.exit_code == 2
        and "renommer le fichier ou retirer --format." in contradicting.stderr
    )


def test_annexes_go_to_a_second_file(tmp_path):
    out, annexes = tmp_path / "rapport.pdf", tmp_path / "annexes.pdf"
    result = _run("-o", str(out), "--annexes", str(annexes))
    assert result.exit_code == 0, result.output
    report, detail = pdf_text(out.read_bytes()), pdf_text(annexes.read_bytes())
    assert "Annexe C — Réponses" not in report and "Annexe C — Réponses" in detail
    assert "Synthèse" in report and "Synthèse" not in detail
    assert result.stdout.splitlines() == [str(out), str(annexes)]


def test_full_puts_everything_in_one_file(tmp_path):
    out = tmp_path / "complet.pdf"
    result = _run("-o", str(out), "--full")
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert "Synthèse" in text and "Annexe F — Sources" in text


def test_full_and_annexes_together_is_a_usage_error(tmp_path):
    result = _run("-o", str(tmp_path / "a.pdf"), "--full", "--annexes", str(tmp_path / "b.pdf"))
    assert result.exit_code == 2
    assert "retirez --annexes ou --full" in result.output
    same = _run("-o", str(tmp_path / "a.pdf"), "--annexes", str(tmp_path / "a.pdf"))
    assert same.exit_code != 0
    assert not list(tmp_path.iterdir())


def test_light_brand_colour_is_made_readable_with_a_warning(tmp_path):
    brand = tmp_path / "brand.yaml"
    brand.write_text('name: "Jaune"\nprimary_color: "#FFD400"\n', encoding="utf-8")
    out = tmp_path / "r.html"
    result = _run("-o", str(out), "--brand", str(brand))
    assert result.exit_code == 0, result.output
    assert "Avertissement : Couleur de marque #FFD400 : contraste insuffisant" in result.stderr
    assert "écrit en noir" in result.stderr
    css = out.read_text(encoding="utf-8")
    assert "background: #FFD400; color: #000000;" in css  # black text on the yellow band
    quiet = _run("-o", str(out), "--brand", str(_brand(tmp_path, "#1F4E79")))
    assert quiet.exit_code == 0 and "Avertissement" not in quiet.stderr


def _brand(folder: Path, colour: str) -> Path:
    path = folder / "dark.yaml"
    path.write_text(f'primary_color: "{colour}"\n', encoding="utf-8")
    return path


def test_bad_brand_is_a_located_error(tmp_path):
    brand = tmp_path / "brand.yaml"
    brand.write_text('primary_color: "blue"\n', encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = _run("-o", str(out), "--brand", str(brand))
    assert result.exit_code != 0
    assert (
        "brand.yaml:1: primary_color:" in str(result.exception) or "brand.yaml:1" in result.output
    )
    assert not out.exists()


def test_blocked_template_leaves_no_file(tmp_path):
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report.html").write_text(
        '{% extends "default:report.html" %}{% block head %}<img src="http://example.com/x.png">{% endblock %}',
        encoding="utf-8",
    )
    out = tmp_path / "r.pdf"
    out.write_bytes(b"previous")
    result = _run("-o", str(out), "--template-dir", str(tpl))
    assert result.exit_code != 0
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["r.pdf"]


def test_help_is_in_the_chosen_language():
    result = CliRunner().invoke(cli, ["report", "--help"])
    assert result.exit_code == 0
    assert "rapport de maturité" in result.output and "readiness report" not in result.output
    result = CliRunner().invoke(cli, ["report", "--help", "--lang", "en"])
    assert "readiness report" in result.output and "rapport de maturité" not in result.output
