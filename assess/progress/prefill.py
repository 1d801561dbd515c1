"""A new assessment pre-filled with the previous one (`assess questionnaire --from PREVIOUS`).

Every carried-over answer is marked "to confirm": the interview asks it again, showing the
previous answer, which Enter confirms. Answers that cannot be carried over are returned as notes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..answers import Answer
from ..common import Lang
from ..errors import AnswersError
from ..interview.store import Draft, new_draft
from ..questionnaire import Questionnaire
from ..yamlio import LoadFailure, load_document
from .carry import CarryNote, carry_document

__all__ = ["draft_from_previous"]


def draft_from_previous(
    path: Path, questionnaire: Questionnaire, assessment_date: dt.date, lang: Lang = "fr"
) -> tuple[Draft, list[CarryNote]]:
    try:
        doc = load_document(path, lang)
    except LoadFailure as exc:
        raise AnswersError([exc.problem]) from exc
    previous, notes = carry_document(doc, questionnaire, lang)
    draft = new_draft(questionnaire, assessment_date)
    org = previous.organisation
    draft.organisation = {
        "name": org.name, "finess": org.finess, "type": org.type.value, "region": org.region,
        "departement": org.departement,
    }  # fmt: skip
    for qid, answer in previous.answers.items():
        draft.answers[qid] = Answer(answer.state, answer.value)
        kept = {"comment": answer.comment, "evidence": answer.evidence}
        if any(kept.values()):
            draft.notes[qid] = {k: v for k, v in kept.items() if v}
        draft.pending.add(qid)
    return draft, notes
