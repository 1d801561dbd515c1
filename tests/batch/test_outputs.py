"""Results equal single scoring; XLSX input; mapping files; Excel-safe outputs."""

from __future__ import annotations

import datetime as dt
import json
import random

from click.testing import CliRunner

from assess.answers import AnswerSet, Organisation, QuestionnaireRef, parse_value
from assess.batch.writer import neutralise
from assess.cli import cli
from assess.common import DOMAINS, SEVERITY_ORDER
from assess.scoring.assessor import Assessor
from tests.conftest import MINI_ARGS

from .conftest import GOOD, HEADER, csv_text, row

QUESTIONS = ["org.beds", "interoperability.ins_share", "hds_hosting.host", "dmp.feeds", "dmp.letter_share",
             "dmp.documents", "dmp.since", "mssante.mailbox", "cybersecurity.mfa", "cybersecurity.notes",
             "cybersecurity.vendor_psc", "telemedicine.tlc_share", "governance.budget_share"]  # fmt: skip
TYPES = ["chu", "ch", "clinique", "esms", "centre_sante", "editeur"]


def _random_org(rnd: random.Random, i: int) -> tuple[list[str], dict[str, object]]:
    """A CSV row (French forms) and the same answers in canonical form."""
    canon: dict[str, object] = {}
    cells: dict[str, str] = {}

    def pick(qid, options):
        raw, value = rnd.choice(options)
        cells[qid] = raw
        if value is not None:
            canon[qid] = value

    pct = rnd.choice([0, 12.5, 45, 49.5, 50, 80, 100])
    pick("org.beds", [(str(rnd.randint(0, 900)), None), ("", None)])
    canon.pop("org.beds", None)
    if cells["org.beds"]:
        canon["org.beds"] = int(cells["org.beds"])
    pick("interoperability.ins_share", [(f"{pct}".replace(".", ",") + " %", pct), ("", None)])
    pick("hds_hosting.host", [("Oui", "yes"), ("N", "no"), ("na", "na"), ("", None)])
    pick("dmp.feeds", [("Vrai", "yes"), ("0", "no"), ("inconnu", None)])
    pick("dmp.letter_share", [(str(pct).replace(".", ","), pct), ("", None)])
    pick(
        "dmp.documents",
        [("ldl|cro", ["ldl", "cro"]), ("cro|bio", ["cro", "bio"]), ("", None), ("ldl", ["ldl"])],
    )
    pick(
        "dmp.since",
        [("01/05/2024", "2024-05-01"), ("2025-05-01", "2025-05-01"), ("na", "na"), ("", None)],
    )
    pick("mssante.mailbox", [("none", "none"), ("Nominative", "nominative"), ("", None)])
    pick("cybersecurity.mfa", [("Oui", "yes"), ("Non", "no"), ("", None)])
    pick("cybersecurity.notes", [("", None), ("RAS", "RAS")])
    pick("cybersecurity.vendor_psc", [("N", "no"), ("", None)])
    pick("telemedicine.tlc_share", [("na", "na"), ("30", 30), ("", None)])
    pick("governance.budget_share", [("1,5", 1.5), ("3", 3), ("", None)])
    org_type = TYPES[i % len(TYPES)]
    head = [GOOD[i], f"Org {i}", org_type, "11", "75", rnd.choice(["2026-03-01", "15/06/2025"])]
    canon["__org__"] = {
        "finess": GOOD[i],
        "name": f"Org {i}",
        "type": org_type,
        "region": "11",
        "departement": "75",
    }
    canon["__date__"] = dt.date(2026, 3, 1) if head[5] == "2026-03-01" else dt.date(2025, 6, 15)
    return head + [cells[q] for q in QUESTIONS], canon


def _expected(result) -> dict[str, object]:
    """The batch columns, read from the AssessmentResult independently of the batch code."""
    out: dict[str, object] = {
        "finess": result.organisation.finess,
        "overall_index": result.overall.index,
    }
    for d in DOMAINS:
        dom = result.domain(d)
        out[f"{d}_level"] = dom.level if dom.applicable else None
        out[f"{d}_score"] = dom.score if dom.applicable else None
    for s, n in result.overall.findings_by_severity.items():
        out[f"findings_{s}"] = n
    ranked = sorted(result.all_findings(), key=lambda f: (SEVERITY_ORDER[f.severity], f.rule_id))
    out["top_findings"] = [f.rule_id for f in ranked][:3]
    out["rules_version"] = result.rules_version
    return out


def test_batch_equals_assessor(run, mini_defs, tmp_path):
    rnd = random.Random(6)
    orgs = [_random_org(rnd, i) for i in range(36)]
    header = HEADER[:6] + QUESTIONS
    report, _, errors = run(
        csv_text([cells for cells, _ in orgs], ",", header), fmt="json", jobs=2, chunk_size=5
    )
    assert (report.read, report.scored, report.rejected) == (36, 36, 0), errors
    batch_rows = json.loads((tmp_path / "out.csv").read_text(encoding="utf-8"))
    assessor = Assessor(mini_defs, "python")  # the other engine: the batch runs durable-rules
    questions = mini_defs.questionnaire.questions()
    for (_, canon), got in zip(orgs, batch_rows, strict=True):
        answers = {
            q: parse_value(questions[q], v) for q, v in canon.items() if not q.startswith("__")
        }
        aset = AnswerSet(
            Organisation(**canon["__org__"]),
            canon["__date__"],
            QuestionnaireRef(id="mini", version="1"),
            answers,
        )
        expected = _expected(assessor.assess(aset))
        assert {k: got[k] for k in expected} == expected


def test_batch_equals_assess_score(tmp_path):
    """`assess batch` and `assess score --format json` agree on the same organisations."""
    runner = CliRunner()
    rows = [
        row(GOOD[0]),
        row(GOOD[1], cybersecurity__mfa="Oui", dmp__letter_share="45,5 %"),
        row(GOOD[2], dmp__feeds="Non"),
    ]
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    res = runner.invoke(
        cli, ["batch", str(tmp_path / "in.csv"), "--format", "json", "-j", "1", *MINI_ARGS]
    )
    assert res.exit_code == 0, res.stderr
    batch_rows = json.loads(res.stdout)
    for i, cells in enumerate(rows):
        answers = {"dmp.feeds": {"yes": "yes", "Non": "no"}[cells[6]], "dmp.letter_share": float(cells[7].replace(" %", "").replace(",", ".")),
                   "dmp.documents": cells[8].split("|"), "cybersecurity.mfa": {"no": "no", "Oui": "yes"}[cells[9]],
                   "mssante.mailbox": cells[10]}  # fmt: skip
        doc = {"questionnaire": {"id": "mini", "version": "1"},
               "organisation": {"name": cells[1], "finess": cells[0], "type": "ch", "region": "11", "departement": "75"},
               "assessment_date": "2026-03-01", "answers": answers}  # fmt: skip
        path = tmp_path / f"org{i}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        single = runner.invoke(cli, ["score", str(path), "--format", "json", *MINI_ARGS])
        assert single.exit_code == 0, single.output
        from assess.result import AssessmentResult

        expected = _expected(AssessmentResult.model_validate_json(single.stdout))
        assert {k: batch_rows[i][k] for k in expected} == expected


def test_xlsx_input(run, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([])  # a blank first row: the header is the first non-empty one
    sheet.append(HEADER)
    sheet.append(
        [
            int(GOOD[0]),
            "CH Excel",
            "CH",
            11,
            75,
            dt.datetime(2026, 3, 1),
            True,
            45.5,
            "ldl|cro",
            "Non",
            "nominative",
        ]
    )
    sheet.append([None] * len(HEADER))
    sheet.append(
        [GOOD[1], "Clinique", "clinique", "11", "75", "01/03/2026", "Oui", "60 %", "ldl", 1, None]
    )
    sheet.append(
        [GOOD[2], "Mauvaise", "ch", "11", "75", dt.date(2026, 3, 1), "yes", "beaucoup", "", "", ""]
    )
    path = tmp_path / "export.xlsx"
    book.save(path)
    report, results, errors = run(path.read_bytes(), name="export.xlsx")
    assert report.source == "XLSX, feuille « Sheet »"
    assert (report.read, report.scored, report.rejected, report.blank_lines) == (3, 3, 0, 1)
    assert [(r["finess"], r["dmp_level"], r["findings_critical"]) for r in results] == [
        (GOOD[0], "1", "1"),
        (GOOD[1], "2", "0"),
        (GOOD[2], "1", "0"),
    ]
    assert [(e["row"], e["line"], e["column"], e["value"], e["severity"]) for e in errors] == [
        ("3", "6", "dmp.letter_share", "beaucoup", "avertissement")
    ]


def test_mapping_file(run, tmp_path):
    (tmp_path / "map.yaml").write_text(
        "columns:\n"
        "  'N° FINESS': finess\n  'Raison sociale': name\n  'Catégorie': type\n  'Région': region\n"
        "  'Dépt': departement\n  'Date de réponse': assessment_date\n"
        "  'Votre établissement alimente-t-il le DMP ?': dmp.feeds\n"
        "  'Messagerie sécurisée': mssante.mailbox\n"
        "values:\n"
        "  type: {'Centre hospitalier': ch}\n"
        "  mssante.mailbox: {'Boîte nominative': nominative, 'Aucune': none}\n"
        "  '*': {'Ne se prononce pas': unknown}\n",
        encoding="utf-8",
    )
    header = ["N° FINESS", "Raison sociale", "Catégorie", "REGION", "Dépt", "Date de réponse",
              "Votre établissement  alimente-t-il le DMP ?", "Messagerie sécurisée"]  # fmt: skip
    rows = [[GOOD[0], "CH A", "Centre hospitalier", "11", "75", "01/03/2026", "Oui", "boite nominative"],
            [GOOD[1], "CH B", "centre hospitalier", "11", "75", "01/03/2026", "Ne se prononce pas", "Pigeon"],
            # "*" still applies to a column that has its own value map
            [GOOD[2], "CH C", "CH", "11", "75", "01/03/2026", "Oui", "Ne se prononce pas"]]  # fmt: skip
    report, results, errors = run(csv_text(rows, ";", header), mapping=tmp_path / "map.yaml")
    assert (report.read, report.scored, report.rejected, report.unknown_cells) == (3, 3, 0, 1)
    assert results[0]["dmp_level"] == "1"
    assert [(e["row"], e["column"], e["value"], e["severity"]) for e in errors] == [
        ("2", "Messagerie sécurisée", "Pigeon", "avertissement")
    ]


def test_mapping_file_errors(run, tmp_path):
    import pytest

    from assess.errors import InputError

    (tmp_path / "map.yaml").write_text(
        "columns:\n  'X': dmp.nope\nvalues:\n  bad.col: {a: b}\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as exc:
        run(csv_text([]), mapping=tmp_path / "map.yaml")
    where = tmp_path / "map.yaml"
    assert str(exc.value).splitlines() == [
        f"{where}:2: columns.X: « dmp.nope » n'est pas une colonne connue : écrire l'identifiant "
        "d'une colonne du modèle (assess template-csv), par exemple finess ou dmp.feeds.",
        f"{where}:4: values.bad.col: « bad.col » n'est pas une colonne connue : écrire "
        "l'identifiant d'une colonne du modèle (assess template-csv), par exemple finess ou dmp.feeds.",
    ]
    with pytest.raises(InputError) as exc:
        run(csv_text([]), mapping=tmp_path / "map.yaml", lang="en")
    assert str(exc.value).splitlines()[0] == (
        f"{where}:2: columns.X: 'dmp.nope' is not a known column: write the ID of a template "
        "column (assess template-csv), for example finess or dmp.feeds."
    )


def test_formula_injection_is_neutralised(run):
    names = ['=HYPERLINK("http://x")', "+33 1 23", "-2", "@SUM(A1)", "Normal"]
    rows = [row(GOOD[i], n) for i, n in enumerate(names)] + [row("=1+1", "x")]
    report, results, errors = run(csv_text(rows))
    assert [r["name"] for r in results] == ["'" + n for n in names[:-1]] + ["Normal"]
    assert (errors[0]["finess"], errors[0]["value"]) == ("'=1+1", "'=1+1")
    # names are trimmed on input, so leading TAB/CR only reach the writer through other cells
    assert [neutralise(s) for s in ("\tx", "\rx", "x=1", "")] == ["'\tx", "'\rx", "x=1", ""]


def test_excel_flavour(run, tmp_path):
    report, results, _ = run(csv_text([row(GOOD[0], dmp__letter_share="45,5")]), excel=True)
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbffiness;name;")
    assert (tmp_path / "errors.csv").read_bytes().startswith("\ufeffligne;ligne_fichier;".encode())
    assert results[0]["overall_index"] == "6,2" and results[0]["dmp_score"] == "12,5"


def test_batch_record_from_numbers_equals_record_from_result_model(shipped_defs):
    """Batch rows are built from the evaluation alone; they must equal the full result's view."""
    from assess.answers import load_answers
    from assess.batch.writer import evaluation_record, result_record
    from assess.scoring.assessor import Assessor
    from tests.conftest import ROOT

    assessor = Assessor(shipped_defs)
    versions = (shipped_defs.questionnaire.version, shipped_defs.rules_version)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        answers = load_answers(path, shipped_defs.questionnaire)
        evaluation = assessor.evaluate(answers)
        result = assessor.build_result(answers, evaluation)
        assert evaluation_record(
            answers, evaluation, assessor.plan.severity, versions
        ) == result_record(result)
