"""Carrying answers over to the current questionnaire: nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assess.progress.carry import carry_document
from assess.questionnaire import Questionnaire
from assess.yamlio import Document

ANSWERS = {
    "questionnaire": {"id": "mini", "version": "0"},
    "organisation": {
        "name": "CH Test",
        "finess": "750712184",
        "type": "ch",
        "region": "11",
        "departement": "75",
    },  # fmt: skip
    "assessment_date": "2025-03-01",
}


def _renamed(mini_defs) -> Questionnaire:
    """The mini questionnaire where dmp.letter_share replaces an older dmp.ldl_share."""
    data = mini_defs.questionnaire.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for section in data["sections"]:
        for q in section["questions"]:
            if q["id"] == "dmp.letter_share":
                q["replaces"] = ["dmp.ldl_share"]
    data["retired"] = [
        {"id": "dmp.old_flag", "since": "1", "reason": {"fr": "sans objet", "en": "obsolete"}}
    ]
    return Questionnaire.model_validate(data)


def test_renamed_retired_unknown_and_invalid_answers_are_all_listed(mini_defs) -> None:
    questionnaire = _renamed(mini_defs)
    raw = {**ANSWERS, "answers": {
        "dmp.feeds": "yes", "dmp.ldl_share": {"value": 45, "comment": "T2"},
        "dmp.old_flag": "yes", "dmp.nothing": 3, "mssante.mailbox": "pigeon",
    }}  # fmt: skip
    answers, notes = carry_document(Document(Path("old.yaml"), raw), questionnaire)
    assert answers.get("dmp.letter_share").value == 45
    assert answers.get("dmp.letter_share").comment == "T2"
    assert sorted(answers.answers) == ["dmp.feeds", "dmp.letter_share"]
    assert [(n.question_id, n.kind, n.new_id) for n in notes] == [
        ("dmp.ldl_share", "renamed", "dmp.letter_share"),
        ("dmp.old_flag", "retired", None),
        ("dmp.nothing", "unknown_question", None),
        ("mssante.mailbox", "invalid_value", "mssante.mailbox"),
    ]
    assert notes[3].detail == (
        "« pigeon » ne correspond à aucun choix ; choix possibles : « none », « organisational », « nominative »."
    )


def test_the_new_id_wins_when_both_are_answered(mini_defs) -> None:
    raw = {**ANSWERS, "answers": {"dmp.ldl_share": 45, "dmp.letter_share": 60}}
    answers, notes = carry_document(Document(Path("x.yaml"), raw), _renamed(mini_defs))
    assert answers.get("dmp.letter_share").value == 60
    assert [(n.question_id, n.kind) for n in notes] == [("dmp.ldl_share", "unknown_question")]


def test_a_question_cannot_replace_one_still_asked(mini_defs) -> None:
    data = mini_defs.questionnaire.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["sections"][-1]["questions"][0]["replaces"] = ["dmp.feeds"]
    with pytest.raises(ValidationError, match="replaces 'dmp.feeds', which is still asked"):
        Questionnaire.model_validate(data)
