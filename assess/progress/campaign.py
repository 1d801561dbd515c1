"""Batch comparison with the previous campaign (`assess batch --previous RESULTS.csv|.json`).

The previous results are the output of an earlier `assess batch` (CSV, also French-Excel CSV, or
JSON). Organisations are matched by FINESS (a FINESS that lost its leading zero in Excel is
restored). Each scored row gets its previous index and levels and the changes; the regional
summary gets a progression page; organisations found in only one campaign are counted and listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..batch.reader import open_table
from ..common import DOMAINS
from ..errors import InputError, display_path
from ..geo import finess_problem
from . import labels as _labels  # noqa: F401  (the summary's progression page words)

__all__ = [
    "PROGRESS_COLUMNS",
    "PreviousRecord",
    "Progression",
    "ProgressionBuilder",
    "load_previous",
]

PROGRESS_COLUMNS: tuple[str, ...] = (
    "previous_assessment_date", "previous_overall_index", "overall_index_change",
    *(f"{d}_{k}" for d in DOMAINS for k in ("level_previous", "level_change")),
)  # fmt: skip
LISTED = 200  # organisations listed by name on the progression page, per list


@dataclass(frozen=True)
class PreviousRecord:
    finess: str
    name: str
    assessment_date: str
    index: float
    levels: dict[str, int | None]  # None: the domain did not apply


def _finess(raw: Any) -> str:
    text = str(raw).strip().upper()
    if text.isdigit() and len(text) == 8 and finess_problem("0" + text) is None:
        return "0" + text  # the leading zero lost by a spreadsheet
    return text


def _number(raw: Any) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    return float(str(raw).strip().replace(",", "."))


def _record(row: dict[str, Any]) -> PreviousRecord:
    levels: dict[str, int | None] = {}
    for d in DOMAINS:
        value = _number(row.get(f"{d}_level"))
        levels[d] = None if value is None else int(value)
    index = _number(row.get("overall_index"))
    if index is None:
        raise ValueError("overall_index is empty")
    return PreviousRecord(
        _finess(row.get("finess", "")), str(row.get("name") or ""),
        str(row.get("assessment_date") or ""), index, levels,
    )  # fmt: skip


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError.said("p_not_json", path=display_path(path)) from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputError.said("p_not_json", path=display_path(path))
        return list(enumerate(data, 1))
    table = open_table(path, lambda name: name in ("finess", "overall_index"))
    try:
        return [(raw.row, dict(zip(table.header, raw.cells, strict=False))) for raw in table.rows]
    finally:
        table.close()


def load_previous(path: Path) -> dict[str, PreviousRecord]:
    """FINESS → previous record; a file without the result columns cannot be used at all."""
    rows = _rows(path)
    if rows and not {"finess", "overall_index"} <= rows[0][1].keys():
        raise InputError.said("p_no_columns", path=display_path(path))
    out: dict[str, PreviousRecord] = {}
    for number, row in rows:
        try:
            record = _record(row)
        except ValueError as exc:  # an empty index, or a number that is not one
            raise InputError.said("p_bad_row", path=display_path(path), row=number) from exc
        out.setdefault(record.finess, record)
    return out


def progress_fields(previous: PreviousRecord | None, record: dict[str, Any]) -> dict[str, Any]:
    """The progression columns of one scored record (empty when it was not in the campaign)."""
    if previous is None:
        return dict.fromkeys(PROGRESS_COLUMNS)
    out: dict[str, Any] = {
        "previous_assessment_date": previous.assessment_date,
        "previous_overall_index": previous.index,
        "overall_index_change": round(float(record["overall_index"]) - previous.index, 1),
    }
    for d in DOMAINS:
        now, then = record.get(f"{d}_level"), previous.levels[d]
        out[f"{d}_level_previous"] = then
        out[f"{d}_level_change"] = None if now is None or then is None else now - then
    return out


@dataclass(frozen=True)
class OrgLine:
    finess: str
    name: str
    index_change: float | None
    moves: dict[str, tuple[int, int]]  # domain -> (before, after), the domains that moved down


@dataclass
class Progression:
    matched: int
    only_current: int
    only_previous: int
    mean_index_change: float
    moves: dict[str, list[list[int]]]  # domain -> 6×6 counts [before][after]
    improved: dict[str, int]
    regressed_count: dict[str, int]
    regressed: list[OrgLine]  # organisations with at least one domain down, largest fall first
    only_current_list: list[OrgLine] = field(default_factory=list)
    only_previous_list: list[OrgLine] = field(default_factory=list)
    listed: int = LISTED


class ProgressionBuilder:
    def __init__(self, previous: dict[str, PreviousRecord]) -> None:
        self.previous = previous
        self.seen: set[str] = set()
        self.only_current: list[OrgLine] = []
        self.regressed: list[OrgLine] = []
        self.change_sum = 0.0
        self.moves = {d: [[0] * 6 for _ in range(6)] for d in DOMAINS}

    def fields(self, record: dict[str, Any]) -> dict[str, Any]:
        """Record one scored organisation; return its progression columns."""
        finess = record["finess"]
        previous = self.previous.get(finess)
        self.seen.add(finess)
        if previous is None:
            self.only_current.append(OrgLine(finess, record["name"], None, {}))
            return progress_fields(None, record)
        out = progress_fields(previous, record)
        self.change_sum += out["overall_index_change"]
        down = {}
        for d in DOMAINS:
            now, then = record.get(f"{d}_level"), previous.levels[d]
            if now is not None and then is not None:
                self.moves[d][then][now] += 1
                if now < then:
                    down[d] = (then, now)
        if down:
            self.regressed.append(
                OrgLine(finess, record["name"], out["overall_index_change"], down)
            )
        return out

    def build(self) -> Progression:
        matched = len(self.seen) - len(self.only_current)
        gone = [
            OrgLine(p.finess, p.name, None, {})
            for f, p in sorted(self.previous.items())
            if f not in self.seen
        ]
        fall = sorted(self.regressed, key=lambda o: (o.index_change or 0.0, o.finess))
        return Progression(
            matched=matched, only_current=len(self.only_current), only_previous=len(gone),
            mean_index_change=round(self.change_sum / matched, 1) if matched else 0.0,
            moves=self.moves,
            improved={d: sum(m[i][j] for i in range(6) for j in range(i + 1, 6)) for d, m in self.moves.items()},
            regressed_count={d: sum(m[i][j] for i in range(6) for j in range(i)) for d, m in self.moves.items()},
            regressed=fall[:LISTED],
            only_current_list=sorted(self.only_current, key=lambda o: o.finess)[:LISTED],
            only_previous_list=gone[:LISTED],
        )  # fmt: skip
