"""Batch outputs: one flat record per organisation (CSV or JSON) and the errors file (CSV).

Files go through `assess.atomic` (temporary file beside the target, renamed when the whole run
succeeds), so a failed or interrupted run never leaves a half-written file. CSV cells are safe to open in Excel: a text
cell starting with = + - @ TAB or CR is prefixed with a quote (formula injection). `excel=True`
writes `;`, a UTF-8 BOM and decimal commas, as French Excel expects.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..answers import AnswerSet
from ..atomic import Output, write_failure
from ..common import DOMAINS, SEVERITY_ORDER, Severity
from ..result import AssessmentResult
from ..scoring.evaluation import Evaluation

__all__ = [
    "ERROR_COLUMNS",
    "ERROR_HEADERS",
    "RESULT_COLUMNS",
    "CsvTable",
    "JsonArray",
    "neutralise",
    "evaluation_record",
    "result_record",
]

SEVERITIES = tuple(s.value for s in Severity)
RESULT_COLUMNS: tuple[str, ...] = (
    "finess", "name", "type", "region", "departement", "assessment_date", "as_of",
    "overall_index", "overall_index_max", "confidence",
    *(f"{d}_{k}" for d in DOMAINS for k in ("level", "score")),
    *(f"findings_{s}" for s in SEVERITIES),
    "top_findings", "questionnaire_version", "rules_version",
    # Added with the confidence grade (columns are only ever appended).
    "confidence_grade", *(f"{d}_grade" for d in DOMAINS), "checks_count", "checks",
)  # fmt: skip
ERROR_COLUMNS: tuple[str, ...] = (
    "row", "line", "finess", "column", "question", "value", "severity", "message",
)  # fmt: skip
# The errors file is read by people: its header row is in the run's language (README lists both).
ERROR_HEADERS: dict[str, tuple[str, ...]] = {
    "fr": ("ligne", "ligne_fichier", "finess", "colonne", "question", "valeur", "gravité", "message"),
    "en": ERROR_COLUMNS,
}  # fmt: skip
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_RANK: dict[str, int] = {s.value: i for s, i in SEVERITY_ORDER.items()}  # by severity's name


def result_record(result: AssessmentResult) -> dict[str, Any]:
    """The batch view of one result. A domain that does not apply has no level or score (None)."""
    org = result.organisation
    record: dict[str, Any] = {
        "finess": org.finess, "name": org.name, "type": org.type, "region": org.region,
        "departement": org.departement, "assessment_date": result.assessment_date, "as_of": result.as_of,
        "overall_index": result.overall.index, "overall_index_max": result.overall.index_max,
        "confidence": result.overall.confidence,
    }  # fmt: skip
    for d in result.domains:
        record[f"{d.domain}_level"] = d.level if d.applicable else None
        record[f"{d.domain}_score"] = d.score if d.applicable else None
    for s in SEVERITIES:
        record[f"findings_{s}"] = result.overall.findings_by_severity.get(s, 0)
    ranked = sorted(result.all_findings(), key=lambda f: (SEVERITY_ORDER[f.severity], f.rule_id))
    record["top_findings"] = [f.rule_id for f in ranked[:3]]
    record["questionnaire_version"] = result.questionnaire_version
    record["rules_version"] = result.rules_version
    record["confidence_grade"] = result.overall.confidence_grade
    for d in result.domains:
        record[f"{d.domain}_grade"] = d.confidence_grade if d.applicable else None
    checks = [c.rule_id for c in result.checks if not c.confirmed]
    record["checks_count"], record["checks"] = len(checks), checks
    return {c: record.get(c) for c in RESULT_COLUMNS}


def evaluation_record(
    answers: AnswerSet, ev: Evaluation, severity: dict[str, str], versions: tuple[str, str]
) -> dict[str, Any]:
    """The same record as `result_record`, straight from the numbers (no result model built)."""
    org = answers.organisation
    record: dict[str, Any] = {
        "finess": org.finess, "name": org.name, "type": org.type.value, "region": org.region,
        "departement": org.departement, "assessment_date": answers.assessment_date, "as_of": ev.case.as_of,
        "overall_index": ev.index, "overall_index_max": ev.index_max, "confidence": ev.confidence,
    }  # fmt: skip
    for name, d in ev.domains.items():
        record[f"{name}_level"] = d.level if d.applicable else None
        record[f"{name}_score"] = d.score if d.applicable else None
    for s in SEVERITIES:
        record[f"findings_{s}"] = ev.findings_by_severity.get(s, 0)
    ranked = sorted(ev.finding_ids(), key=lambda rid: (_RANK[severity[rid]], rid))
    record["top_findings"] = ranked[:3]
    record["questionnaire_version"], record["rules_version"] = versions
    record["confidence_grade"] = ev.grade.grade if ev.grade else None
    for name, d in ev.domains.items():
        record[f"{name}_grade"] = d.grade.grade if d.grade and d.applicable else None
    checks = sorted(
        (c for c in ev.check_ids() if c not in ev.confirmed),
        key=lambda rid: (_RANK[severity[rid]], rid),
    )
    record["checks_count"], record["checks"] = len(checks), checks
    return {c: record.get(c) for c in RESULT_COLUMNS}


def neutralise(text: str) -> str:
    """Excel/LibreOffice formula injection: make a text cell that looks like a formula inert."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def _text(value: Any, excel: bool) -> str:
    return neutralise(value)


def _int(value: Any, excel: bool) -> str:
    return str(value)


def _none(value: Any, excel: bool) -> str:
    return ""


# The exact types a result record holds, converted without the chain of isinstance tests.
_BY_TYPE: dict[type, Callable[[Any, bool], str]] = {str: _text, int: _int, type(None): _none}


def _cell(value: Any, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if excel else text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return neutralise("|".join(str(v) for v in value))
    return neutralise(str(value))


class CsvTable:
    """A CSV table written into one output of a run (`assess.atomic.Outputs` commits it)."""

    def __init__(
        self, out: Output, columns: Sequence[str], excel: bool = False, bom: bool = False,
        header: Sequence[str] | None = None,
    ) -> None:  # fmt: skip
        self.out = out
        self.columns = tuple(columns)
        self.excel = excel
        stream = out.text(bom)
        self.writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\r\n")
        self.writer.writerow(header or self.columns)

    def write(self, record: dict[str, Any]) -> None:
        try:
            excel, by_type = self.excel, _BY_TYPE
            self.writer.writerow([
                by_type.get(type(v), _cell)(v, excel)
                for v in (record.get(c) for c in self.columns)
            ])  # fmt: skip
        except OSError as exc:
            raise write_failure(self.out.path, exc) from None

    def close(self) -> None:
        """Nothing to add after the last row."""


class JsonArray:
    """A JSON array written one element at a time (memory stays flat)."""

    def __init__(self, out: Output) -> None:
        self.out = out
        self.count = 0
        out.write("[")

    def write(self, record: dict[str, Any]) -> None:
        self.out.write(",\n  " if self.count else "\n  ")
        self.out.write(json.dumps(record, ensure_ascii=False, default=str))
        self.count += 1

    def close(self) -> None:
        """The closing bracket; `Outputs.commit()` then publishes the file."""
        self.out.write("\n]\n" if self.count else "]\n")
