"""Exports as ARS teams receive them: the same data as an XLSX workbook (percent formats, FINESS
stored as numbers, Excel dates) and as a CSV must give identical results; « sans objet » where a
question does not apply is the truth; a stray cell loses one answer, not the organisation."""

from __future__ import annotations

import datetime as dt
import random

from tests.batch.conftest import HEADER, csv_text, finess, row

SHARES = [0, 5, 12.5, 33, 45, 60, 72.5, 85, 90, 100]


def _organisations(n: int = 20) -> list[dict[str, object]]:
    rng = random.Random(9)
    orgs = []
    for i in range(n):
        dept = f"{1 + i % 9:02d}"  # 01..09: every FINESS starts with a zero
        orgs.append({
            "finess": finess(1000 + i, dept), "name": f"Centre hospitalier n° {i}",
            "type": rng.choice(["Centre hospitalier", "CHU", "EHPAD", "Clinique privée"]),
            "region": "84", "departement": dept, "date": dt.date(2026, 3, 1 + i % 28),
            "feeds": rng.choice(["Oui", "Non"]), "share": rng.choice(SHARES),
            "documents": rng.choice(["ldl|cro", "bio", "aucun"]), "mfa": rng.choice(["oui", "non", "nsp"]),
            "mailbox": rng.choice(["nominative", "organisational", "none"]),
        })  # fmt: skip
    return orgs


def _csv_rows(orgs):
    return [
        [o["finess"], o["name"], o["type"], o["region"], o["departement"],
         o["date"].strftime("%d/%m/%Y"),  # type: ignore[union-attr]
         o["feeds"], f"{o['share']} %".replace(".", ","), o["documents"], o["mfa"], o["mailbox"]]
        for o in orgs
    ]  # fmt: skip


def _workbook(path, orgs):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for o in orgs:
        sheet.append([
            int(str(o["finess"])), o["name"], o["type"], int(str(o["region"])), int(str(o["departement"])),
            dt.datetime.combine(o["date"], dt.time()), o["feeds"], float(o["share"]) / 100,  # type: ignore[arg-type]
            o["documents"], o["mfa"], o["mailbox"],
        ])  # fmt: skip
        sheet.cell(sheet.max_row, 8).number_format = "0.0%"
        sheet.cell(sheet.max_row, 6).number_format = "DD/MM/YYYY"
    book.save(path)


def test_xlsx_and_csv_of_the_same_data_give_identical_results(run, tmp_path):
    orgs = _organisations()
    report_csv, results_csv, errors_csv = run(csv_text(_csv_rows(orgs)))
    path = tmp_path / "export.xlsx"
    _workbook(path, orgs)
    report_xlsx, results_xlsx, errors_xlsx = run(path.read_bytes(), name="export.xlsx")
    assert (report_csv.read, report_csv.scored, report_csv.rejected) == (20, 20, 0)
    assert (report_xlsx.read, report_xlsx.scored, report_xlsx.rejected) == (20, 20, 0)
    assert results_xlsx == results_csv
    assert [r["finess"] for r in results_xlsx] == [o["finess"] for o in orgs]
    assert errors_csv == []
    # numeric FINESS and départements lost their leading zero: put back, with a warning each
    assert len(errors_xlsx) == 40 and {e["severity"] for e in errors_xlsx} == {"avertissement"}
    assert errors_xlsx[0]["message"] == (
        f"FINESS « {orgs[0]['finess'][1:]} » lu comme {orgs[0]['finess']} (zéro initial perdu par le tableur)."
    )
    assert (
        errors_xlsx[1]["message"]
        == "Département « 1 » lu comme 01 (zéro initial perdu par le tableur)."
    )


def test_sans_objet_is_the_truth_where_a_question_does_not_apply(run):
    rows = [
        row(
            finess(1), dmp__feeds="non", dmp__letter_share="sans objet"
        ),  # depends_on dmp.feeds = yes
        row(finess(2), dmp__feeds="oui", dmp__letter_share="sans objet"),  # it applies: a warning
    ]
    header = [*HEADER, "cybersecurity.vendor_psc"]  # applies_to: editeur only
    rows = [[*r, "Sans objet"] for r in rows]
    report, results, errors = run(csv_text(rows, header=header))
    assert (report.read, report.scored, report.rejected, report.unknown_cells) == (2, 2, 0, 1)
    assert [(e["row"], e["column"], e["severity"]) for e in errors] == [
        ("2", "dmp.letter_share", "avertissement")
    ]


def test_share_between_0_and_1_in_a_csv_is_kept_with_a_warning(run):
    report, results, errors = run(csv_text([row(finess(1), dmp__letter_share="0,65")]))
    assert report.scored == 1 and report.unknown_cells == 0
    assert [(e["column"], e["value"], e["severity"], e["message"]) for e in errors] == [
        ("dmp.letter_share", "0,65", "avertissement",
         "« 0,65 » est gardé comme 0,65 % ; s'il s'agit de 65 %, écrire 65."),
    ]  # fmt: skip


def test_xlsx_outputs_keep_keys_as_text(run, tmp_path):
    import openpyxl

    from assess.batch.run import BatchOptions, run_batch
    from tests.conftest import MINI, ROOT

    source = tmp_path / "in.csv"
    source.write_text(csv_text([row(finess(1, "01"), departement="01", region="84"), row("123")]))
    options = BatchOptions(
        input=source, output=tmp_path / "results.xlsx", errors=tmp_path / "errors.xlsx", jobs=1,
        rules_dir=MINI / "rules", questionnaire_path=MINI / "questionnaire.yaml", references_dir=ROOT / "references",
    )  # fmt: skip
    report = run_batch(options)
    assert (report.scored, report.rejected) == (1, 1)
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx").active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, (c for c in sheet[2]), strict=True))
    assert values["finess"].value == finess(1, "01") and values["finess"].data_type == "s"
    assert values["departement"].value == "01" and values["region"].value == "84"
    assert values["finess"].number_format == "@"
    assert isinstance(values["overall_index"].value, int | float)
    errors = openpyxl.load_workbook(tmp_path / "errors.xlsx").active
    assert errors.title == "erreurs"
    assert [c.value for c in errors[1]] == [
        "ligne", "ligne_fichier", "finess", "colonne", "question", "valeur", "gravité", "message",
    ]  # fmt: skip
    assert [c.value for c in errors[2]][:7] == [2, None, "123", "finess", None, "123", "erreur"]
