"""Messy inputs as real exports come: each case with exact counts and messages."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from assess.errors import InputError

from .conftest import GOOD, HEADER, csv_text, row, said


@pytest.mark.parametrize(("delimiter", "shown"), [(";", "';'"), (",", "','"), ("\t", "'tab'")])
def test_delimiters_are_detected(run, delimiter, shown):
    text = csv_text([row(GOOD[0]), row(GOOD[1], "Clinique, du Parc")], delimiter)
    report, results, errors = run(text)
    assert (report.read, report.scored, report.rejected) == (2, 2, 0)
    assert report.source == f"CSV, utf-8, {shown}"
    assert [r["name"] for r in results] == ["CH Test", "Clinique, du Parc"]
    assert errors == []


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_encodings_are_detected(run, encoding, detected):
    text = csv_text(
        [row(GOOD[0], "Clinique Sainte-Thérèse — Œuvre"), row(GOOD[1], "Hôpital Saint-Éloi")]
    )
    report, results, _ = run(text, file_encoding=encoding)
    assert report.source == f"CSV, {detected}, ';'"
    assert [r["name"] for r in results] == ["Clinique Sainte-Thérèse — Œuvre", "Hôpital Saint-Éloi"]


def test_late_accent_in_a_cp1252_file_is_still_detected(run):
    rows = [row(GOOD[i % len(GOOD)], f"CH {i}") for i in range(1000)]
    rows.append(row("750712184", "Hôpital à la fin"))
    report, results, _ = run(csv_text(rows), file_encoding="cp1252")
    assert report.source == "CSV, cp1252, ';'"
    assert results[-1]["name"] == "Hôpital à la fin"


def test_encoding_override(run):
    text = csv_text([row(GOOD[0], "Hôpital")])
    report, results, _ = run(text, file_encoding="latin-1", encoding="latin-1")
    assert results[0]["name"] == "Hôpital"
    with pytest.raises(InputError) as info:
        run(text.encode("cp1252"), encoding="utf-8")
    assert said(info, "in.csv") == (
        "in.csv : le fichier n'est pas en utf-8 ; retirer --encoding pour qu'il soit détecté.",
        "in.csv: the file is not valid utf-8; drop --encoding to have it detected.",
    )


def test_french_numbers_and_yes_no_forms(run):
    forms = [("Oui", "45,5"), ("Non", "45 %"), ("O", "45,5 %"), ("N", "45.5"), ("1", "100"),
             ("0", "0"), ("Vrai", " 12 "), ("Faux", "12,0"), ("Yes", "99,99"), ("No", "1 %")]  # fmt: skip
    rows = [
        row(GOOD[i], cybersecurity__mfa=yn, dmp__letter_share=pct)
        for i, (yn, pct) in enumerate(forms)
    ]
    report, results, errors = run(csv_text(rows))
    assert (report.read, report.scored, report.rejected) == (10, 10, 0), errors
    # mfa "no" fires CYB-001 (critical) on the as-of date 2026-03-01
    assert [r["findings_critical"] for r in results] == [
        "0",
        "1",
        "0",
        "1",
        "0",
        "1",
        "0",
        "1",
        "0",
        "1",
    ]
    # dmp.letter_share >= 50 (with dmp.feeds yes) reaches DMP level 2
    assert [r["dmp_level"] for r in results] == ["1", "1", "1", "1", "2", "1", "1", "1", "2", "1"]


def test_blank_lines_and_quoted_newlines(run):
    text = (
        ";".join(HEADER) + "\r\n\r\n"
        + ";".join(row(GOOD[0])) + "\r\n"
        + ";;;;;;;;;;\r\n"  # a row of empty cells, as spreadsheets export them
        + ";".join(row(GOOD[1], '"Centre\nhospitalier\nde test"')) + "\r\n"
        + ";".join(row("123", "Bad")) + "\r\n\r\n"
    )  # fmt: skip
    report, results, errors = run(text)
    assert (report.read, report.scored, report.rejected, report.blank_lines) == (3, 2, 1, 3)
    assert results[1]["name"] == "Centre\nhospitalier\nde test"
    # data row 3 starts on physical line 8 (header, blank, row, empty cells, 3-line row)
    assert errors == [{
        "row": "3", "line": "8", "finess": "123", "column": "finess", "question": "", "value": "123",
        "severity": "erreur", "message": "Le numéro FINESS « 123 » doit avoir 9 caractères (il en a 3).",
    }]  # fmt: skip


def test_line_is_empty_when_it_equals_row_plus_one(run):
    _, _, errors = run(csv_text([row(GOOD[0]), row("75071218X")]))
    assert (errors[0]["row"], errors[0]["line"]) == ("2", "")


def test_extra_columns_warn_and_missing_question_columns_are_unknown(run):
    header = [*HEADER[:6], "dmp.feeds", "Commentaire libre", "Colonne X"]
    text = csv_text([[*row(GOOD[0])[:6], "yes", "rien", "x"]], header=header)
    report, results, _ = run(text)
    assert report.scored == 1
    assert report.warnings[0] == "Colonnes ignorées : Commentaire libre, Colonne X"
    assert report.warnings[1].startswith("12 questions sans colonne, réponses inconnues : ")
    assert results[0]["dmp_level"] == "1"


def test_missing_required_columns_make_the_input_unusable(run):
    header = [c for c in HEADER if c not in ("region", "departement")]
    with pytest.raises(InputError) as info:
        run(csv_text([], header=header))
    assert said(info) == (
        "Colonnes obligatoires absentes : region, departement. En-tête attendu : voir assess "
        "template-csv, ou faire correspondre vos titres avec --mapping.",
        "Missing required columns: region, departement. Expected header: see assess "
        "template-csv, or map your titles with --mapping.",
    )


def test_assessment_date_column_may_be_replaced_by_as_of(run):
    header = [c for c in HEADER if c != "assessment_date"]
    r = row(GOOD[0])
    del r[5]
    report, results, _ = run(csv_text([r], header=header), as_of=dt.date(2026, 6, 30))
    assert report.scored == 1 and results[0]["assessment_date"] == "2026-06-30"


def test_empty_file(run):
    with pytest.raises(InputError) as info:
        run(b"")
    assert said(info, "in.csv") == (
        "in.csv : fichier vide ; il faut une ligne d'en-tête puis une ligne par organisation "
        "(modèle : assess template-csv).",
        "in.csv: empty file; it needs a header row, then one row per organisation "
        "(template: assess template-csv).",
    )


def test_only_blank_lines(run):
    with pytest.raises(InputError) as info:
        run("\r\n \r\n\r\n")
    assert said(info, "in.csv") == (
        "in.csv : aucune ligne d'en-tête (le fichier n'a que des lignes vides) ; la première "
        "ligne doit nommer les colonnes (modèle : assess template-csv).",
        "in.csv: no header row (the file has only blank lines); the first row must name the "
        "columns (template: assess template-csv).",
    )


def test_header_only(run):
    report, results, errors = run(csv_text([]))
    assert (report.read, report.scored, report.rejected) == (0, 0, 0)
    assert results == [] and errors == []


def test_binary_garbage(run):
    garbage = bytes(range(256)) * 4 + os.urandom(512)
    with pytest.raises(InputError) as info:
        run(garbage, name="in.csv")
    assert said(info, "in.csv") == (
        "in.csv : ce n'est ni un fichier CSV ni un classeur XLSX (contenu binaire) ; exporter "
        "les données en CSV ou en XLSX.",
        "in.csv: neither a CSV file nor an XLSX workbook (binary content); export the data as "
        "CSV or XLSX.",
    )


def test_old_xls_is_refused(run):
    with pytest.raises(InputError) as info:
        run(b"\xd0\xcf\x11\xe0" + b"\x00" * 600, name="in.xls")
    assert said(info, "in.xls") == (
        "in.xls : ancien format Excel .xls ; l'enregistrer en .xlsx depuis le tableur, ou "
        "l'exporter en CSV.",
        "in.xls: old Excel .xls format; save it as .xlsx from the spreadsheet, or export it as CSV.",
    )


def test_damaged_xlsx(run):
    with pytest.raises(InputError) as info:
        run(b"PK\x03\x04garbage", name="in.xlsx")
    assert said(info, "in.xlsx") == (
        "in.xlsx : classeur XLSX illisible ; l'enregistrer à nouveau depuis le tableur, ou "
        "l'exporter en CSV.",
        "in.xlsx: unreadable XLSX workbook; save it again from the spreadsheet, or export it as CSV.",
    )


def test_unusable_input_leaves_no_output(run, tmp_path):
    with pytest.raises(InputError):
        run(csv_text([], header=["a", "b"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_row_with_wrong_field_count(run):
    text = csv_text(
        [row(GOOD[0]), row(GOOD[1])[:4], [*row(GOOD[2]), "surplus"], [*row(GOOD[3]), ""]]
    )
    report, _, errors = run(text)
    assert (report.read, report.scored, report.rejected) == (4, 2, 2)
    assert [(e["row"], e["message"]) for e in errors] == [
        ("2", "La ligne a 4 champs, l'en-tête en a 11 : vérifier les guillemets et le séparateur"),
        ("3", "La ligne a 12 champs, l'en-tête en a 11 : vérifier les guillemets et le séparateur"),
    ]  # fmt: skip


def test_bad_rows_exact_messages(run):
    rows = [
        row(GOOD[0]),
        row("750712185", "Mauvaise clé"),
        row(GOOD[1], mssante__mailbox="pigeon"),
        row(GOOD[2], dmp__letter_share="beaucoup"),
        row(GOOD[3], dmp__letter_share="120"),
        row(GOOD[4], dmp__documents="ldl|fax"),
        row(GOOD[0], "Doublon"),
        row(GOOD[5], cybersecurity__mfa="na"),
        row(GOOD[6], dmp__feeds="peut-être"),
        row(GOOD[7], type="hopital", region="99", departement="20", assessment_date="31/02/2026"),
        row(GOOD[8], ""),
    ]
    unknown = " Réponse comptée comme inconnue."
    report, results, errors = run(csv_text(rows))
    # identity problems reject the row; a bad answer cell only loses that answer
    assert (report.read, report.scored, report.rejected, report.unknown_cells) == (11, 7, 4, 6)
    assert [r["finess"] for r in results] == [
        GOOD[0],
        GOOD[1],
        GOOD[2],
        GOOD[3],
        GOOD[4],
        GOOD[5],
        GOOD[6],
    ]
    got = [
        (e["row"], e["column"], e["question"], e["value"], e["severity"], e["message"])
        for e in errors
    ]
    assert got == [
        ("2", "finess", "", "750712185", "erreur",
         "La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS."),
        ("3", "mssante.mailbox", "Question mssante.mailbox", "pigeon", "avertissement",
         "« pigeon » ne correspond à aucun choix ; choix possibles : « none », « organisational », « nominative »." + unknown),
        ("4", "dmp.letter_share", "Question dmp.letter_share", "beaucoup", "avertissement",
         "« beaucoup » n'est pas un nombre : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5)." + unknown),
        ("5", "dmp.letter_share", "Question dmp.letter_share", "120", "avertissement",
         "120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5)." + unknown),
        ("6", "dmp.documents", "Question dmp.documents", "ldl|fax", "avertissement",
         "« fax » ne correspond à aucun choix ; choix possibles : « ldl », « cro », « bio »." + unknown),
        ("7", "finess", "", GOOD[0], "erreur", "FINESS en double : déjà noté ligne 1"),
        ("8", "cybersecurity.mfa", "Question cybersecurity.mfa", "na", "avertissement",
         "Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp si la réponse n'est pas connue." + unknown),
        ("9", "dmp.feeds", "Question dmp.feeds", "peut-être", "avertissement",
         "« peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas)." + unknown),
        ("10", "type", "", "hopital", "erreur",
         "« hopital » n'est pas un type d'établissement connu ; types possibles : « Centre hospitalier universitaire (CHU) », "
         "« Centre hospitalier (CH) », « Clinique privée », « ESMS / EHPAD », « Centre de santé / MSP », « Éditeur de logiciel »."),
        ("10", "region", "", "99", "erreur", "« 99 » n'est pas une région : écrire son code INSEE (ex. 11) ou son nom (ex. Bretagne)."),
        ("10", "departement", "", "20", "erreur", "« 20 » n'est pas un code département (ex. 75, 2A, 971)."),
        ("10", "assessment_date", "", "31/02/2026", "erreur",
         "« 31/02/2026 » n'existe pas au calendrier (jour ou mois impossible) : vérifier la date."),
        ("11", "name", "", "", "erreur", "Valeur obligatoire manquante : le nom de l'établissement."),
    ]  # fmt: skip


def test_strict_rejects_rows_with_a_bad_answer_cell(run):
    rows = [
        row(GOOD[0]),
        row(GOOD[1], mssante__mailbox="pigeon"),
        row(GOOD[2], dmp__letter_share="0,5"),
    ]
    report, results, errors = run(csv_text(rows), strict=True)
    assert (report.read, report.scored, report.rejected, report.unknown_cells) == (3, 2, 1, 0)
    assert [(e["row"], e["severity"]) for e in errors] == [("2", "erreur"), ("3", "avertissement")]
    assert errors[0]["message"].endswith("« nominative ».")  # nothing was set to unknown


def test_messages_in_english_with_lang_en(run):
    _, _, errors = run(csv_text([row(GOOD[0], dmp__feeds="maybe", type="hospital")]), lang="en")
    assert [(e["column"], e["message"]) for e in errors] == [
        ("type", "“hospital” could mean several types: “University hospital (CHU)”, “General hospital (CH)”; "
         "write the one you mean in full."),
    ]  # fmt: skip
    _, _, errors = run(csv_text([row(GOOD[0], dmp__feeds="maybe")]), lang="en")
    assert [(e["question"], e["message"]) for e in errors] == [
        ("Question dmp.feeds", "“maybe” is not a yes/no answer: write yes, no or unknown. Answer counted as unknown."),
    ]  # fmt: skip


def test_region_and_departement_checks(run):
    rows = [
        row(GOOD[0], region="99"),
        row(GOOD[1], departement="20"),
        row(GOOD[2], region="Île-de-France", departement="1"),
    ]
    report, results, errors = run(csv_text(rows))
    assert (report.scored, report.rejected) == (1, 2)
    assert [(e["column"], e["message"]) for e in errors] == [
        ("region", "« 99 » n'est pas une région : écrire son code INSEE (ex. 11) ou son nom (ex. Bretagne)."),
        ("departement", "« 20 » n'est pas un code département (ex. 75, 2A, 971)."),
    ]  # fmt: skip
    assert (results[0]["region"], results[0]["departement"]) == ("11", "01")


def test_unknown_and_na_forms(run):
    rows = [
        row(
            GOOD[0],
            dmp__feeds="",
            dmp__letter_share="NSP",
            dmp__documents="inconnu",
            cybersecurity__mfa="?",
        )
    ]
    report, results, _ = run(csv_text(rows))
    assert report.scored == 1
    assert results[0]["dmp_level"] == "0" and results[0]["findings_critical"] == "0"
