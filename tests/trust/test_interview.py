"""The interview tells about a contradiction as soon as both answers are known, and asks for
evidence or a justification where the questionnaire wants one; Enter always goes on."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.answers import Answer
from assess.conditions import UNKNOWN
from assess.interview import Interview, new_draft
from assess.interview.trust import CheckWatcher, evidence_note
from assess.scoring.assessor import Assessor
from assess.yamlio import load_document

ORG = {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}


def _interview(defs, tmp_path, domain, lines):
    draft = new_draft(defs.questionnaire, dt.date(2026, 10, 15))
    draft.organisation.update(ORG)
    for q in defs.questionnaire.sections[0].questions:  # the profile is answered already
        draft.answers[q.id] = Answer(UNKNOWN)
    said: list[str] = []
    script = iter(lines)

    def ask(prompt: str) -> str:
        said.append(prompt)
        return next(script)

    built: list[int] = []

    def build():
        built.append(1)
        return Assessor(defs, "python")

    interview = Interview(
        defs.questionnaire, defs.catalog, draft, tmp_path / "a.yaml", "fr", ask, said.append,
        domain, CheckWatcher(build),
    )  # fmt: skip
    return interview, said, built


def test_contradiction_told_at_once_and_correction_goes_back(shipped_defs, tmp_path):
    # connection "no", then 30 % letters: told; "o" goes back to the connection; "3" fixes it.
    lines = ["1", "30", "o", "3", "", *["s"] * 12]
    interview, said, built = _interview(shipped_defs, tmp_path, "dmp", lines)
    interview.run()
    warning = said.index("⚠ Lettres de liaison versées au DMP, mais logiciel non connecté au DMP")
    assert said[warning + 1].startswith("  Vous avez indiqué qu'une part des lettres de liaison")
    assert said[warning + 2] == (
        "Corriger maintenant ? o = revenir à « Le logiciel métier est-il connecté au DMP en production ? », "
        "Entrée = continuer, ou écrivez pourquoi ces réponses sont justes : "
    )
    assert said.count(said[warning]) == 1  # told once, not again after the correction
    answers = load_document(tmp_path / "a.yaml").data["answers"]
    assert (answers["dmp.connection"], answers["dmp.discharge_letter_share"]) == ("some_units", 30)
    assert built == [1]  # the engine is built once, on the first domain answer


def test_enter_keeps_going_and_the_check_stays(shipped_defs, tmp_path):
    lines = ["1", "30", "", *["s"] * 12]
    interview, said, _ = _interview(shipped_defs, tmp_path, "dmp", lines)
    interview.run()
    assert any(s.startswith("⚠ Lettres de liaison versées au DMP") for s in said)
    answers = load_document(tmp_path / "a.yaml").data["answers"]
    assert (answers["dmp.connection"], answers["dmp.discharge_letter_share"]) == ("no", 30)


def test_evidence_and_justification_are_asked_and_saved(shipped_defs, tmp_path):
    cyb = [q.id for q in shipped_defs.questionnaire.section("cybersecurity").questions]
    by_question = {
        "cybersecurity.pssi": ["3", "PSSI v3 ; 2025-09-15"],  # approved: evidence asked
        "cybersecurity.identification_commitment": ["o", "pas de date ; 31/02/2026", "Engagement signé"],
        "cybersecurity.medical_devices": ["na", "Aucun équipement biomédical connecté"],
    }  # fmt: skip
    lines = [line for qid in cyb for line in by_question.get(qid, ["s"])]
    interview, said, _ = _interview(shipped_defs, tmp_path, "cybersecurity", lines)
    interview.run()
    assert (
        said.count("Justificatif (référence ; date AAAA-MM-JJ, facultative), Entrée pour passer : ")
        == 3
    )
    assert "« 31/02/2026 » n'est pas une date : écrivez AAAA-MM-JJ ou JJ/MM/AAAA." in said
    answers = load_document(tmp_path / "a.yaml").data["answers"]
    assert answers["cybersecurity.pssi"] == {
        "value": "approved", "evidence": {"ref": "PSSI v3", "date": dt.date(2025, 9, 15)},
    }  # fmt: skip
    assert answers["cybersecurity.identification_commitment"] == {
        "value": "yes",
        "evidence": "Engagement signé",
    }
    assert answers["cybersecurity.medical_devices"] == {
        "value": "na", "comment": "Aucun équipement biomédical connecté",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", None), ("  Rapport  ", "Rapport"), ("Rapport ; 2025-03-10", {"ref": "Rapport", "date": dt.date(2025, 3, 10)}),
     ("Rapport;10/03/2025", {"ref": "Rapport", "date": dt.date(2025, 3, 10)})],
)  # fmt: skip
def test_evidence_note(raw, expected):
    assert evidence_note(raw, "fr") == expected


def test_a_reason_confirms_the_answers_and_survives_a_resume(shipped_defs, tmp_path):
    from assess.answers import load_answers
    from assess.interview import load_draft

    lines = [
        "1",
        "30",
        "Lettres déposées via le portail web-PS en attendant le connecteur",
        "",
        *["s"] * 12,
    ]
    interview, said, _ = _interview(shipped_defs, tmp_path, "dmp", lines)
    interview.run()
    path = tmp_path / "a.yaml"
    assert load_document(path).data["confirmed_checks"] == {
        "CHK-DMP-001": "Lettres déposées via le portail web-PS en attendant le connecteur"
    }
    draft, warnings = load_draft(path, shipped_defs.questionnaire, "fr")
    assert warnings == [] and list(draft.confirmed_checks) == ["CHK-DMP-001"]
    assert load_answers(path, shipped_defs.questionnaire).confirmed_checks == draft.confirmed_checks
