"""Resuming never deletes what the user wrote: a rejected entry's comment and evidence go to the
next answer, and the entry itself is set aside in the file until the question is answered again."""

from __future__ import annotations

import json

from assess.answers import Answer, load_answers
from assess.conditions import VALUE
from assess.interview import load_draft, save_draft
from assess.interview.store import SET_ASIDE_MARK

ORG = {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}
BEDS = {"value": "520 lits", "comment": "chiffre du rapport annuel", "evidence": "RA 2025 p. 4"}


def _resumable(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        json.dumps(
            {
                "questionnaire": {"id": "mini", "version": "1"},
                "organisation": {**ORG, "departement": "750"},
                "assessment_date": "2026-03-01",
                "answers": {"org.beds": BEDS, "org.bed": 520, "dmp.feeds": "yes"},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def test_rejected_entries_are_set_aside_and_their_notes_kept(tmp_path, mini_defs):
    path = _resumable(tmp_path)
    q = mini_defs.questionnaire
    draft, warnings = load_draft(path, q, "fr")
    assert len(warnings) == 3  # org.beds, org.bed, organisation.departement
    assert "org.beds" not in draft.answers  # asked again
    assert draft.notes["org.beds"] == {"comment": BEDS["comment"], "evidence": BEDS["evidence"]}
    save_draft(draft, path, q)  # what --resume does before the first question
    text = path.read_text(encoding="utf-8")
    block = text[text.index(SET_ASIDE_MARK) :].splitlines()[1:]
    assert block == [
        '# organisation.departement = "750"',
        '# answers.org.beds = {"value": "520 lits", "comment": "chiffre du rapport annuel", "evidence": "RA 2025 p. 4"}',
        "# answers.org.bed = 520",
    ]
    # resuming again keeps them: nothing is lost however many times the file is resumed
    again, _ = load_draft(path, q, "fr")
    assert again.kept() == {
        "organisation.departement": "750",
        "answers.org.beds": BEDS,
        "answers.org.bed": 520,
    }
    assert again.notes["org.beds"]["evidence"] == "RA 2025 p. 4"


def test_answering_again_takes_the_notes_and_drops_the_set_aside_entry(tmp_path, mini_defs):
    path = _resumable(tmp_path)
    q = mini_defs.questionnaire
    draft, _ = load_draft(path, q, "fr")
    save_draft(draft, path, q)
    draft, _ = load_draft(path, q, "fr")
    draft.answers["org.beds"] = Answer(VALUE, 520)  # the user answers the question again
    draft.organisation["departement"] = "75"
    save_draft(draft, path, q)
    text = path.read_text(encoding="utf-8")
    assert "520 lits" not in text and "organisation.departement" not in text
    assert "# answers.org.bed = 520" in text  # a mistyped ID stays set aside
    loaded = load_answers(path, q)  # `assess score` reads the file; the set-aside block is comments
    beds = loaded.answers["org.beds"]
    assert (beds.value, beds.comment, beds.evidence) == (520, BEDS["comment"], BEDS["evidence"])
