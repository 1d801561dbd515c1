"""`assess batch` and `assess template-csv` through click: exit codes, messages, summary, reports."""

from __future__ import annotations

import json

from click.testing import CliRunner

from assess.cli import cli
from tests.conftest import MINI_ARGS

from .conftest import GOOD, csv_text, read_csv, row


def _batch(tmp_path, rows, *args):
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    return CliRunner().invoke(
        cli, ["batch", str(tmp_path / "in.csv"), "-j", "1", *args, *MINI_ARGS]
    )


def test_exit_0_when_every_row_is_scored(tmp_path):
    res = _batch(tmp_path, [row(GOOD[0]), row(GOOD[1])], "-o", str(tmp_path / "out.csv"))
    assert res.exit_code == 0, res.stderr
    assert (
        res.stderr.splitlines()[-1]
        == "2 lignes lues, 2 notées, 0 rejetée ; 0 réponse illisible mise à « inconnu »"
    )
    assert res.stdout == ""
    assert len(read_csv(tmp_path / "out.csv")) == 2


def test_exit_3_when_rows_are_rejected_and_errors_shown(tmp_path):
    res = _batch(tmp_path, [row(GOOD[0]), row("123")])
    assert res.exit_code == 3
    assert (
        "ligne 2 [finess] « 123 » : Le numéro FINESS « 123 » doit avoir 9 caractères (il en a 3)."
        in res.stderr
    )
    assert res.stderr.splitlines()[-1].startswith("2 lignes lues, 1 notée, 1 rejetée ;")
    assert res.stdout.startswith("finess,name,type,")
    english = _batch(tmp_path, [row(GOOD[0]), row("123")], "--lang", "en")
    assert (
        "row 2 [finess] “123”: FINESS “123” must have 9 characters (it has 3)." in english.stderr
    )  # no French quotes in English
    assert english.stderr.splitlines()[-1].startswith("2 rows read, 1 scored, 1 rejected;")


def test_exit_1_when_input_is_unusable(tmp_path):
    (tmp_path / "in.csv").write_bytes(b"")
    res = CliRunner().invoke(cli, ["batch", str(tmp_path / "in.csv"), *MINI_ARGS])
    assert res.exit_code == 1
    assert res.stderr == (
        f"Erreur : {tmp_path / 'in.csv'} : fichier vide ; il faut une ligne d'en-tête puis une "
        "ligne par organisation (modèle : assess template-csv).\n"
    )
    res = CliRunner().invoke(cli, ["batch", str(tmp_path / "in.csv"), "--lang", "en", *MINI_ARGS])
    assert res.stderr == (
        f"Error: {tmp_path / 'in.csv'}: empty file; it needs a header row, then one row per "
        "organisation (template: assess template-csv).\n"
    )


def test_summary_html_json_pdf(tmp_path):
    types = ["ch"] * 7 + ["esms"] * 3 + ["clinique"] * 2
    rows = [row(GOOD[i], f"<script>alert({i})</script>", type=t) for i, t in enumerate(types)]
    for suffix in ("html", "json", "pdf"):
        res = _batch(
            tmp_path,
            rows,
            "-o",
            str(tmp_path / "out.csv"),
            "--summary",
            str(tmp_path / f"s.{suffix}"),
        )
        assert res.exit_code == 0, res.stderr
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(0)&lt;/script&gt;" in html
    # the default is the internal variant: it says so, names organisations, details every group
    assert "<strong>Version interne, réservée à l&#39;ARS.</strong>" in html
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["organisations"] == 12 and data["public"] is False
    assert [g["key"] for g in data["by_type"]] == ["ch", "clinique", "esms"]
    assert (
        data["findings"][0]["rule_id"] == "CYB-001"
        and data["findings"][0]["seed"][0]["kind"] == "barrier"
    )
    for suffix in ("html", "json"):
        args = ["-o", str(tmp_path / "out.csv"), "--summary", str(tmp_path / f"p.{suffix}")]
        assert _batch(tmp_path, rows, *args, "--public").exit_code == 0
    public = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "<strong>Version publique, diffusable.</strong>" in public and "alert(" not in public
    assert "5 organisations ne sont pas détaillées : groupes de moins de 5 organisations" in public
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert data["public"] is True and data["heatmap"] == []
    assert [g["key"] for g in data["by_type"]] == ["ch"] and data["suppressed_types"] == 5
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_reports_dir_one_pdf_per_scored_organisation(tmp_path):
    rows = [row(GOOD[0]), row(GOOD[1]), row(GOOD[0], "Doublon")]
    res = _batch(
        tmp_path, rows, "-o", str(tmp_path / "out.csv"), "--reports-dir", str(tmp_path / "reports")
    )
    assert res.exit_code == 3
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        f"{GOOD[0]}.pdf",
        f"{GOOD[1]}.pdf",
    ]


def test_template_csv_round_trip(tmp_path):
    runner = CliRunner()
    res = runner.invoke(
        cli, ["template-csv", "-o", str(tmp_path / "t.csv"), "--lang", "en", *MINI_ARGS]
    )
    assert res.exit_code == 0, res.output
    header = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert header[0].split(",")[:7] == [
        "finess",
        "name",
        "type",
        "region",
        "departement",
        "assessment_date",
        "org.beds",
    ]
    assert len(header) == 1 and len(header[0].split(",")) == 6 + 13
    dictionary = {r["column"]: r for r in read_csv(tmp_path / "t-dictionary.csv")}
    assert dictionary["mssante.mailbox"]["allowed_values"] == (
        "none = none; organisational = organisational; nominative = nominative — empty or 'unknown' = unknown"
    )
    assert dictionary["telemedicine.tlc_share"]["allowed_values"].endswith(
        "; 'na' = not applicable"
    )
    assert (dictionary["dmp.letter_share"]["min"], dictionary["dmp.letter_share"]["max"]) == (
        "0",
        "100",
    )
    # filled in, the template is a valid batch input
    with (tmp_path / "t.csv").open("a", encoding="utf-8") as f:
        f.write(f"{GOOD[0]},CH,ch,11,75,2026-03-01" + "," * 13 + "\n")
    res = runner.invoke(cli, ["batch", str(tmp_path / "t.csv"), "-j", "1", *MINI_ARGS])
    assert res.exit_code == 0, res.stderr
