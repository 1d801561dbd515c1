"""`assess template-csv`: the collection CSV (one column per question ID) and its data dictionary."""

from __future__ import annotations

from pathlib import Path

from ..atomic import Outputs
from ..common import Lang, OrgType, Text
from ..geo import REGIONS
from ..questionnaire import Question, Questionnaire, QuestionType
from .mapping import FIXED_COLUMNS
from .writer import CsvTable

__all__ = ["DICTIONARY_COLUMNS", "dictionary_path", "write_template"]

DICTIONARY_COLUMNS = (
    "column", "section", "type", "label", "allowed_values", "unit", "min", "max", "na_allowed",
    "applies_to", "help",
)  # fmt: skip

_FIXED: dict[str, tuple[Text, str]] = {
    "finess": (
        Text(
            fr="N° FINESS (9 caractères, clé de Luhn)", en="FINESS number (9 characters, Luhn key)"
        ),
        "750712184",
    ),
    "name": (Text(fr="Raison sociale", en="Organisation name"), ""),
    "type": (
        Text(fr="Type d'organisation", en="Organisation type"),
        ", ".join(t.value for t in OrgType),
    ),
    "region": (Text(fr="Code INSEE de la région", en="INSEE region code"), ", ".join(REGIONS)),
    "departement": (
        Text(fr="Code du département", en="Département code"),
        "01…95, 2A, 2B, 971…976",
    ),
    "assessment_date": (
        Text(fr="Date d'évaluation", en="Assessment date"),
        "AAAA-MM-JJ / JJ/MM/AAAA",
    ),
}
_UNKNOWN = Text(fr="vide ou « unknown » = inconnu", en="empty or 'unknown' = unknown")
_NA = Text(fr="« na » = non applicable", en="'na' = not applicable")
_FORMS: dict[QuestionType, Text] = {
    QuestionType.yes_no: Text(
        fr="yes/no (ou Oui/Non, O/N, 1/0, Vrai/Faux)", en="yes/no (or Oui/Non, O/N, 1/0, Vrai/Faux)"
    ),
    QuestionType.percent: Text(
        fr="nombre de 0 à 100 (45, 45,5, 45 %)", en="number from 0 to 100 (45, 45,5, 45 %)"
    ),
    QuestionType.integer: Text(fr="nombre entier", en="whole number"),
    QuestionType.date: Text(fr="date AAAA-MM-JJ ou JJ/MM/AAAA", en="date YYYY-MM-DD or DD/MM/YYYY"),
    QuestionType.text: Text(fr="texte libre", en="free text"),
}


def _allowed(q: Question, lang: Lang) -> str:
    if q.type is QuestionType.single_choice:
        values = "; ".join(f"{c.id} = {c.label.get(lang)}" for c in q.choices)
    elif q.type is QuestionType.multiple_choice:
        sep = "plusieurs séparés par |" if lang == "fr" else "several separated by |"
        values = f"{'; '.join(f'{c.id} = {c.label.get(lang)}' for c in q.choices)} ({sep})"
    else:
        values = _FORMS[q.type].get(lang)
    na = f"; {_NA.get(lang)}" if q.allow_na else ""
    return f"{values} — {_UNKNOWN.get(lang)}{na}"


def dictionary_path(template: Path) -> Path:
    return template.with_name(f"{template.stem}-dictionary{template.suffix or '.csv'}")


def write_template(
    questionnaire: Questionnaire, path: Path | None, lang: Lang = "fr", excel: bool = False
) -> Path | None:
    """Write the header-only collection CSV and, beside it, the data dictionary (both or
    neither); return the latter. `path=None`: the template on standard output, no dictionary."""
    with Outputs() as outputs:
        CsvTable(outputs.open(path), (*FIXED_COLUMNS, *questionnaire.questions()), excel, excel)
        if path is None:
            return None
        target = dictionary_path(path)
        _dictionary(
            CsvTable(outputs.open(target), DICTIONARY_COLUMNS, excel, excel), questionnaire, lang
        )
    return target


def _dictionary(table: CsvTable, questionnaire: Questionnaire, lang: Lang) -> None:
    questions = questionnaire.questions()
    for column, (label, allowed) in _FIXED.items():
        table.write(
            {
                "column": column,
                "section": "organisation",
                "type": "required",
                "label": label.get(lang),
                "allowed_values": allowed,
            }
        )
    for qid, q in questions.items():
        low, high = (
            q.bounds() if q.type in (QuestionType.percent, QuestionType.integer) else (q.min, q.max)
        )
        table.write({
            "column": qid, "section": questionnaire.section_of(qid), "type": q.type.value,
            "label": q.label.get(lang), "allowed_values": _allowed(q, lang),
            "unit": q.unit.get(lang) if q.unit else "", "min": low, "max": high,
            "na_allowed": "yes" if q.allow_na else "no",
            "applies_to": "|".join(t.value for t in q.applies_to), "help": q.help.get(lang),
        })  # fmt: skip
