"""What the questionnaire says beyond the basic prompts, French first (registered in i18n)."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["INTERVIEW_MESSAGES"]

_M = Text

INTERVIEW_MESSAGES: dict[str, Text] = {
    "iv_answers_one": _M(fr="{n} réponse enregistrée", en="{n} answer saved"),
    "iv_answers_many": _M(fr="{n} réponses enregistrées", en="{n} answers saved"),
    "iv_unknowns_one": _M(fr="{n} inconnue", en="{n} unknown"),
    "iv_unknowns_many": _M(fr="{n} inconnues", en="{n} unknown"),
    "iv_questions_one": _M(fr="{n} question", en="{n} question"),
    "iv_questions_many": _M(fr="{n} questions", en="{n} questions"),
    "iv_saved_unknown": _M(fr="Enregistré comme inconnu.", en="Saved as unknown."),
    "iv_saved_na": _M(fr="Enregistré comme non applicable.", en="Saved as not applicable."),
    "iv_confirm_percent": _M(
        fr="« {raw} » : s'agit-il de {alt} % ? (o : {alt} %, n : garder {value} %)",
        en="“{raw}”: do you mean {alt}%? (y: {alt}%, n: keep {value}%)",
    ),
    "iv_section_recap": _M(
        fr="Fin de la section « {section} » : {questions}, {answers} dont {unknowns}.",
        en="End of section “{section}”: {questions}, {answers} of which {unknowns}.",
    ),
    "iv_rendering": _M(
        fr="Rédaction du rapport PDF en cours (quelques secondes)…",
        en="Writing the PDF report (a few seconds)…",
    ),
}
MESSAGES.update(INTERVIEW_MESSAGES)
