"""What a step shows: help with references, current answers, organisation fields."""

from __future__ import annotations

import datetime as dt

from assess.answers import Answer
from assess.catalog import Catalog, Referential
from assess.common import Text
from assess.conditions import NA, UNKNOWN, VALUE
from assess.i18n import MESSAGES
from assess.interview import Flow, new_draft
from assess.interview.parse import ORG_FIELDS
from assess.interview.screen import answer_text, help_lines, prompt_text
from assess.questionnaire import Question, References


def test_every_organisation_field_has_its_words():
    for field in ORG_FIELDS:
        for prefix in ("iv_org_", "iv_help_"):
            assert prefix + field in MESSAGES
        assert field == "type" or f"iv_what_{field}" in MESSAGES


def test_help_lists_references_with_their_titles(mini_defs):
    q = Question.model_validate(
        {
            "id": "dmp.feeds",
            "type": "yes_no",
            "label": {"fr": "Alimentez-vous le DMP ?", "en": "Do you feed the DMP?"},
            "help": {"fr": "Voir le tableau de bord.", "en": "See the dashboard."},
            "references": References(seed=["P1"], referentials=["SEGUR-1", "X-9"]),
        }
    )
    catalog = Catalog()
    catalog.referentials["SEGUR-1"] = Referential(
        id="SEGUR-1",
        title=Text(fr="Ségur vague 1", en="Ségur wave 1"),
        date=dt.date(2021, 7, 1),
        url="https://esante.gouv.fr/segur",
        source="ANS",
        kind="programme",
    )
    flow = Flow(mini_defs.questionnaire, new_draft(mini_defs.questionnaire, dt.date(2026, 3, 1)))
    step = next(s for s in flow.steps if s.key == "dmp.feeds")
    step = type(step)(step.order, step.section, question=q)
    assert help_lines(step, catalog, "fr") == [
        "Voir le tableau de bord.",
        "Références :",
        "  - P1",
        "  - SEGUR-1 — Ségur vague 1 (2021-07-01)",
        "  - X-9",
    ]
    assert help_lines(step, catalog, "en")[1] == "References:"


def test_answers_as_shown(mini_defs):
    qs = mini_defs.questionnaire.questions()
    assert answer_text(qs["dmp.feeds"], Answer(VALUE, "yes"), "fr") == "oui"
    assert answer_text(qs["dmp.letter_share"], Answer(VALUE, 45.5), "fr") == "45,5 %"
    assert answer_text(qs["dmp.letter_share"], Answer(VALUE, 45.5), "en") == "45.5 %"
    assert answer_text(qs["dmp.documents"], Answer(VALUE, frozenset()), "fr") == "aucun"
    assert answer_text(qs["dmp.since"], Answer(VALUE, dt.date(2025, 1, 2)), "fr") == "02/01/2025"
    assert answer_text(qs["dmp.since"], Answer(NA), "fr") == "non applicable"
    assert answer_text(qs["dmp.since"], Answer(UNKNOWN), "en") == "unknown (skipped)"


def test_departement_prompt_defaults_to_the_finess(mini_defs):
    draft = new_draft(mini_defs.questionnaire, dt.date(2026, 3, 1))
    draft.organisation.update(name="X", finess="750712184")
    flow = Flow(mini_defs.questionnaire, draft)
    step = next(s for s in flow.steps if s.key == "@departement")
    assert prompt_text(flow, step, "fr") == "Réponse [75] : "
    assert prompt_text(flow, step, "en") == "Answer [75]: "
