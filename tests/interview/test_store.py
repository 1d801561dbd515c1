"""The answers file: what `assess score` reads, atomic writes, lenient reading to resume."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from assess.answers import Answer, load_answers
from assess.conditions import NA, UNKNOWN, VALUE
from assess.errors import AnswersError, OutputError
from assess.interview import load_draft, new_draft, save_draft
from assess.interview.store import write_atomic

ORG = {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}


def full_draft(defs):
    draft = new_draft(defs.questionnaire, dt.date(2026, 3, 1))
    draft.organisation.update(ORG)
    draft.answers.update(
        {
            "dmp.feeds": Answer(VALUE, "yes"),
            "dmp.letter_share": Answer(VALUE, 45.5),
            "dmp.documents": Answer(VALUE, frozenset({"bio", "ldl"})),
            "dmp.since": Answer(VALUE, dt.date(2025, 1, 15)),
            "cybersecurity.notes": Answer(VALUE, "no"),  # a text that looks like a YAML 1.1 boolean
            "org.beds": Answer(VALUE, 350),
            "hds_hosting.host": Answer(NA),
            "mssante.mailbox": Answer(UNKNOWN),
        }
    )
    return draft


@pytest.mark.parametrize("name", ["answers.yaml", "answers.json"])
def test_round_trip_through_the_score_reader(tmp_path, mini_defs, name):
    draft = full_draft(mini_defs)
    path = tmp_path / name
    save_draft(draft, path, mini_defs.questionnaire)
    loaded = load_answers(path, mini_defs.questionnaire)  # the reader of `assess score`
    assert loaded.organisation.finess == "750712184"
    assert loaded.assessment_date == dt.date(2026, 3, 1)
    assert loaded.answers == draft.answers
    again, warnings = load_draft(path, mini_defs.questionnaire, "fr")
    assert warnings == [] and again.answers == draft.answers and again.organisation == ORG


def test_yaml_layout(tmp_path, mini_defs):
    path = tmp_path / "a.yaml"
    save_draft(full_draft(mini_defs), path, mini_defs.questionnaire, hidden={"dmp.letter_share"})
    text = path.read_text(encoding="utf-8")
    assert '  finess: "750712184"\n' in text
    assert "assessment_date: 2026-03-01\n" in text
    assert '  dmp.documents: ["ldl", "bio"]\n' in text
    assert '  hds_hosting.host: "na"\n' in text
    assert '  mssante.mailbox: "unknown"\n' in text
    assert "dmp.letter_share" not in text  # hidden questions are not written
    # answers follow the questionnaire's order
    assert text.index("org.beds") < text.index("hds_hosting.host") < text.index("dmp.feeds")


def test_partial_profile_is_resumable(tmp_path, mini_defs):
    draft = new_draft(mini_defs.questionnaire, dt.date(2026, 3, 1))
    draft.organisation["name"] = "CH Test"
    path = tmp_path / "a.yaml"
    save_draft(draft, path, mini_defs.questionnaire)
    again, warnings = load_draft(path, mini_defs.questionnaire, "fr")
    assert again.organisation == {"name": "CH Test"} and warnings == []


def test_resume_keeps_comments_and_drops_bad_entries(tmp_path, mini_defs):
    path = tmp_path / "a.yaml"
    path.write_text(
        'questionnaire: {id: mini, version: "0"}\n'
        'organisation: {name: X, finess: "750712185", type: ch, region: "11"}\n'
        "assessment_date: 2026-01-02\n"
        "answers:\n"
        "  governance.budget_share: {value: 1.8, comment: Budget 2025, evidence: CA 2025}\n"
        "  dmp.feeds: peut-être\n"
        "  dmp.nope: 3\n",
        encoding="utf-8",
    )
    draft, warnings = load_draft(path, mini_defs.questionnaire, "fr")
    assert draft.assessment_date == dt.date(2026, 1, 2)
    assert draft.organisation == {"name": "X", "type": "ch", "region": "11"}
    assert draft.answers == {"governance.budget_share": Answer(VALUE, 1.8)}
    assert draft.notes == {
        "governance.budget_share": {"comment": "Budget 2025", "evidence": "CA 2025"}
    }
    name = str(path)
    assert warnings == [
        f"{name} a été commencé avec la version 0 du questionnaire ; il continue avec la version 1.",
        f"{name} : organisation.finess ignoré : La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS.",
        f"{name} : answers.dmp.feeds ignoré : « peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas).",
        f"{name} : answers.dmp.nope ignoré : question inconnue de ce questionnaire",
    ]
    save_draft(draft, path, mini_defs.questionnaire)
    text = path.read_text(encoding="utf-8")
    assert (
        "governance.budget_share: {value: 1.8, comment: Budget 2025, evidence: CA 2025}\n" in text
    )
    assert "\ndmp.feeds:" not in text and "  dmp.nope:" not in text and 'version: "1"' in text


def test_hand_written_comments_survive_a_save(tmp_path, mini_defs):
    path = tmp_path / "a.yaml"
    path.write_text(
        "# Réponses de la DSI, relues par le RSSI le 3 mars\n"
        'questionnaire: {id: mini, version: "1"}\n'
        "organisation:\n  name: CH Test  # nom court\n  finess: '750712184'\n  type: ch\n"
        "  region: '11'\n  departement: '75'\n"
        "assessment_date: 2026-01-02\n"
        "answers:\n"
        "  # à vérifier avec le DIM\n"
        "  dmp.feeds: oui\n",
        encoding="utf-8",
    )
    draft, warnings = load_draft(path, mini_defs.questionnaire, "fr")
    assert warnings == [] and draft.answers["dmp.feeds"] == Answer(VALUE, "yes")
    draft.answers["cybersecurity.mfa"] = Answer(VALUE, "no")
    save_draft(draft, path, mini_defs.questionnaire)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Réponses de la DSI, relues par le RSSI le 3 mars\n")
    assert "name: CH Test  # nom court\n" in text
    assert "  # à vérifier avec le DIM\n" in text
    loaded = load_answers(path, mini_defs.questionnaire)
    assert loaded.get("dmp.feeds").value == "yes" and loaded.get("cybersecurity.mfa").value == "no"


def test_resume_refuses_another_questionnaire(tmp_path, mini_defs):
    path = tmp_path / "a.yaml"
    path.write_text("questionnaire: {id: other, version: '1'}\n", encoding="utf-8")
    with pytest.raises(AnswersError, match="répond au questionnaire « other », pas à « mini »"):
        load_draft(path, mini_defs.questionnaire, "fr")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    write_atomic(path, "old\n")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match=r"a.yaml : écriture impossible \(disk full\)"):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["a.yaml"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("fr", [
            "# Réponses au questionnaire, écrites par « assess questionnaire ».",
            "# Pour reprendre : assess questionnaire --resume a.yaml",
        ]),
        ("en", [
            "# Questionnaire answers, written by `assess questionnaire`.",
            "# To resume: assess questionnaire --resume a.yaml --lang en",
        ]),
    ],
)  # fmt: skip
def test_a_new_answers_file_says_how_to_resume_in_one_language(
    mini_defs, tmp_path, monkeypatch, lang, header
):
    monkeypatch.chdir(tmp_path)
    draft = new_draft(mini_defs.questionnaire, dt.date(2026, 3, 1))
    save_draft(draft, tmp_path / "a.yaml", mini_defs.questionnaire, lang=lang)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8").splitlines()[:2] == header
