"""Which input column is which: the fixed organisation columns, question IDs, and a mapping file.

A mapping file (YAML or JSON) translates a third-party export (survey tool, spreadsheet) into
question IDs and choice IDs::

    columns:                       # column title in the export -> column ID
      "N° FINESS": finess
      "Raison sociale": name
      "Part des lettres de liaison versées au DMP": dmp.letter_share
    values:                        # column ID (or "*" for every column) -> {value -> value}
      type: {"Centre hospitalier": ch, "EHPAD": esms}
      mssante.mailbox: {"Boîte nominative": nominative}

Titles and values are matched ignoring case, accents and repeated spaces.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError

from ..answers import file_problems
from ..common import Lang, StrictModel
from ..errors import InputError
from ..i18n import t
from ..yamlio import LoadFailure, load_document
from . import input_messages as _messages  # noqa: F401  (registers the messages)

__all__ = [
    "FIXED_COLUMNS",
    "REQUIRED_COLUMNS",
    "ColumnMap",
    "ColumnPlan",
    "fold",
    "known_column",
    "load_mapping",
    "plan_columns",
]

FIXED_COLUMNS: tuple[str, ...] = (
    "finess",
    "name",
    "type",
    "region",
    "departement",
    "assessment_date",
)
REQUIRED_COLUMNS: tuple[str, ...] = FIXED_COLUMNS


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form used to match titles and values."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


class ColumnMap(StrictModel):
    columns: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)

    def folded_columns(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.columns.items()}

    def folded_values(self) -> dict[str, dict[str, str]]:
        return {col: {fold(k): v for k, v in table.items()} for col, table in self.values.items()}


def load_mapping(path: Path, known_ids: Iterable[str], lang: Lang = "fr") -> ColumnMap:
    """Read and check a mapping file; every problem is reported at once (InputError)."""
    try:
        doc = load_document(path, lang)
    except LoadFailure as exc:
        raise InputError(str(exc.problem)) from None
    try:
        mapping = ColumnMap.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError("\n".join(str(p) for p in file_problems(doc, exc, lang))) from None
    known = set(known_ids)
    problems = [
        str(doc.problem(("columns", title), t("m_unknown_column", lang, target=target)))
        for title, target in mapping.columns.items()
        if target not in known
    ]
    problems += [
        str(doc.problem(("values", col), t("m_unknown_column", lang, target=col)))
        for col in mapping.values
        if col != "*" and col not in known
    ]
    if problems:
        raise InputError("\n".join(problems))
    return mapping


@dataclass(frozen=True)
class ColumnPlan:
    """How to read each data row: (cell index, column ID) pairs and the header as written."""

    width: int
    targets: tuple[tuple[int, str], ...]
    titles: dict[str, str]  # column ID -> the title written in the input
    ignored: tuple[str, ...]  # titles of columns that are not used
    missing_questions: tuple[str, ...]
    values: dict[str, dict[str, str]]  # folded value maps from the mapping file

    def title(self, column_id: str) -> str:
        return self.titles.get(column_id, column_id)


def plan_columns(
    header: list[str],
    question_ids: Iterable[str],
    mapping: ColumnMap | None,
    optional: Iterable[str] = (),
) -> ColumnPlan:
    """Match the header to column IDs; raise InputError if a required column is missing or doubled."""
    questions = list(question_ids)
    by_fold = {fold(c): c for c in (*FIXED_COLUMNS, *questions)}
    mapped = mapping.folded_columns() if mapping else {}
    targets: list[tuple[int, str]] = []
    titles: dict[str, str] = {}
    ignored: list[str] = []
    for index, title in enumerate(header):
        key = fold(title)
        target = mapped.get(key) or by_fold.get(key)
        if target is None:
            if title:
                ignored.append(title)
            continue
        if target in titles:
            raise InputError.said(
                "m_duplicate_column", first=titles[target], second=title, target=target
            )
        titles[target] = title
        targets.append((index, target))
    skip = set(optional)
    missing = [c for c in REQUIRED_COLUMNS if c not in titles and c not in skip]
    if missing:
        raise InputError.said("m_missing_columns", names=", ".join(missing))
    return ColumnPlan(
        width=len(header),
        targets=tuple(targets),
        titles=titles,
        ignored=tuple(ignored),
        missing_questions=tuple(q for q in questions if q not in titles),
        values=mapping.folded_values() if mapping else {},
    )


def known_column(questions: Iterable[str], mapping: ColumnMap | None) -> Callable[[str], bool]:
    """A predicate telling whether a header cell names a usable column (for delimiter detection)."""
    names = {fold(c) for c in (*FIXED_COLUMNS, *questions)}
    if mapping:
        names |= set(mapping.folded_columns())

    def known(title: str) -> bool:
        return fold(title) in names

    return known
