"""The one reader of human-typed values: the questionnaire prompt, CSV and XLSX cells, answers files.

A value accepted in one place is accepted everywhere; a refusal says, in the user's language,
what was typed, what is expected and how to fix it.
"""

from .answer import PercentCell, Reading, expected, read_answer, read_date
from .identity import (
    ORG_READERS,
    Identity,
    read_departement,
    read_finess,
    read_name,
    read_org_type,
    read_region,
)
from .model import MAX_TEXT, Answer
from .problem import ValueProblem, fmt_number

__all__ = [
    "MAX_TEXT",
    "ORG_READERS",
    "Answer",
    "Identity",
    "PercentCell",
    "Reading",
    "ValueProblem",
    "expected",
    "fmt_number",
    "read_answer",
    "read_date",
    "read_departement",
    "read_finess",
    "read_name",
    "read_org_type",
    "read_region",
]
