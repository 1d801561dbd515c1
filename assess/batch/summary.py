"""The regional summary of a batch: built incrementally (memory stays flat), rendered once.

* level distribution per domain (stacked bars);
* organisations × domains heatmap (the `heatmap_size` organisations with the lowest index);
* the most frequent findings, with the seed report references (barriers first) they map to;
* breakdown by organisation type and by département.

Statistical disclosure: a group (type, département) of fewer than `MIN_GROUP` organisations is not
shown; such groups are merged into one "other" line, and if that line would itself hold fewer than
`MIN_GROUP` organisations, the next smallest groups are merged into it too (secondary suppression).
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..common import DOMAINS, OrgType, Severity, Text
from ..definitions import Definitions
from .pool import Scored

if TYPE_CHECKING:
    from ..progress.campaign import Progression

__all__ = ["MIN_GROUP", "GroupRow", "RegionalSummary", "SummaryBuilder", "suppress"]

MIN_GROUP = 5
GRADES = ("A", "B", "C", "D")
LEVELS = range(6)


@dataclass
class GroupStats:
    count: int = 0
    index_sum: float = 0.0
    level_sums: list[int] = field(default_factory=lambda: [0] * len(DOMAINS))
    level_counts: list[int] = field(default_factory=lambda: [0] * len(DOMAINS))
    low_grades: int = 0  # assessments graded C or D: answers to challenge before comparing

    def add(self, index: float, levels: list[int | None], grade: str = "") -> None:
        self.count += 1
        self.index_sum += index
        self.low_grades += 1 if grade in ("C", "D") else 0
        for i, level in enumerate(levels):
            if level is not None:
                self.level_sums[i] += level
                self.level_counts[i] += 1

    def merge(self, other: GroupStats) -> None:
        self.count += other.count
        self.index_sum += other.index_sum
        self.low_grades += other.low_grades
        for i in range(len(DOMAINS)):
            self.level_sums[i] += other.level_sums[i]
            self.level_counts[i] += other.level_counts[i]


@dataclass(frozen=True)
class GroupRow:
    key: str  # type or département code
    label: Text
    count: int
    mean_index: float
    mean_levels: list[float | None]  # per domain; None when no organisation of the group applies
    low_grade_share: float = 0.0  # of the group graded C or D, 0..1


def _row(key: str, label: Text, stats: GroupStats) -> GroupRow:
    means = [
        round(s / c, 1) if c else None
        for s, c in zip(stats.level_sums, stats.level_counts, strict=True)
    ]
    return GroupRow(
        key, label, stats.count, round(stats.index_sum / stats.count, 1), means,
        round(stats.low_grades / stats.count, 3),
    )  # fmt: skip


def suppress(
    groups: dict[str, GroupStats], min_size: int = MIN_GROUP
) -> tuple[dict[str, GroupStats], GroupStats]:
    """Split groups into the shown ones and one merged group holding every small one."""
    ordered = sorted(groups.items(), key=lambda kv: (kv[1].count, kv[0]))
    other = GroupStats()
    shown: dict[str, GroupStats] = {}
    for key, stats in ordered:
        if stats.count < min_size:
            other.merge(stats)
        else:
            shown[key] = stats
    while 0 < other.count < min_size and shown:
        smallest = min(shown, key=lambda k: (shown[k].count, k))
        other.merge(shown.pop(smallest))
    return dict(sorted(shown.items())), other


@dataclass(frozen=True)
class SeedRef:
    id: str
    kind: str
    title: Text | None


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    title: Text
    severity: Severity
    domain: str
    count: int
    share: float  # of scored organisations, 0..1
    seed: list[SeedRef]


@dataclass(frozen=True)
class HeatRow:
    finess: str
    name: str
    type: str
    departement: str
    index: float
    levels: list[int | None]
    grade: str = ""  # confidence grade of the whole assessment


@dataclass(frozen=True)
class RegionalSummary:
    organisations: int
    rejected: int
    mean_index: float
    questionnaire: str
    rules_version: str
    levels: dict[str, list[int]]  # domain -> organisations at level 0..5, then "not applicable"
    heatmap: list[HeatRow]
    findings: list[FindingRow]
    by_type: list[GroupRow]
    by_departement: list[GroupRow]
    suppressed_types: int  # organisations in the merged "other" line
    suppressed_departements: int
    min_group: int = MIN_GROUP
    domains: tuple[str, ...] = DOMAINS
    grades: dict[str, int] = field(default_factory=dict)  # overall grade -> organisations
    domain_grades: dict[str, dict[str, int]] = field(default_factory=dict)  # domain -> grade -> n
    checks: list[FindingRow] = field(default_factory=list)  # most frequent unresolved checks
    with_checks: int = 0  # organisations with at least one unresolved check
    sections: dict[str, Text] = field(default_factory=dict)  # section ID -> title (adjacent too)
    progression: Progression | None = None  # with `assess batch --previous`


def _seed_refs(ids: list[str], catalog: Catalog) -> list[SeedRef]:
    refs = []
    for sid in ids:
        item = catalog.seed.get(sid)
        refs.append(SeedRef(sid, item.kind if item else "unknown", item.title if item else None))
    return sorted(refs, key=lambda r: (r.kind != "barrier", r.id))


class SummaryBuilder:
    def __init__(self, defs: Definitions, heatmap_size: int = 100, top_findings: int = 15) -> None:
        self.defs = defs
        self.heatmap_size = heatmap_size
        self.top = top_findings
        self.count = 0
        self.index_sum = 0.0
        self.levels = {d: [0] * 7 for d in DOMAINS}
        self.findings: Counter[str] = Counter()
        self.checks: Counter[str] = Counter()
        self.with_checks = 0
        self.grades: Counter[str] = Counter()
        self.domain_grades: dict[str, Counter[str]] = {d: Counter() for d in DOMAINS}
        self.types: dict[str, GroupStats] = {}
        self.departements: dict[str, GroupStats] = {}
        self._heap: list[tuple[float, int, HeatRow]] = []

    def add(self, scored: Scored) -> None:
        r = scored.record
        levels: list[int | None] = [r[f"{d}_level"] for d in DOMAINS]
        index = float(r["overall_index"])
        self.count += 1
        self.index_sum += index
        for d, level in zip(DOMAINS, levels, strict=True):
            self.levels[d][6 if level is None else level] += 1
        self.findings.update(set(scored.findings))
        self._add_trust(r)
        grade = r.get("confidence_grade") or ""
        self.types.setdefault(r["type"], GroupStats()).add(index, levels, grade)
        self.departements.setdefault(r["departement"], GroupStats()).add(index, levels, grade)
        row = HeatRow(
            r["finess"], r["name"], r["type"], r["departement"], index, levels,
            r.get("confidence_grade") or "",
        )  # fmt: skip
        heapq.heappush(self._heap, (-index, -scored.row, row))
        if len(self._heap) > self.heatmap_size:
            heapq.heappop(self._heap)

    def _add_trust(self, r: dict[str, Any]) -> None:
        """Grades and unresolved checks of one record (columns added with the grade)."""
        if r.get("confidence_grade"):
            self.grades[r["confidence_grade"]] += 1
        for d in DOMAINS:
            if r.get(f"{d}_grade"):
                self.domain_grades[d][r[f"{d}_grade"]] += 1
        checks = r.get("checks") or []
        self.checks.update(set(checks))
        self.with_checks += 1 if checks else 0

    def _finding_rows(self, counts: Counter[str] | None = None) -> list[FindingRow]:
        rows = []
        counts = self.findings if counts is None else counts
        for rid, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: self.top]:
            rule = self.defs.rules.get(rid)
            if rule is None:
                continue
            rows.append(
                FindingRow(
                    rid,
                    rule.title,
                    rule.severity,
                    rule.domain,
                    count,
                    count / self.count,
                    _seed_refs(list(rule.references.seed), self.defs.catalog),
                )  # fmt: skip
            )
        return rows

    def build(self, rejected: int = 0) -> RegionalSummary:
        types, other_types = suppress(self.types)
        depts, other_depts = suppress(self.departements)
        type_rows = [_row(k, _type_label(k), s) for k, s in types.items()]
        dept_rows = [_row(k, Text(fr=k, en=k), s) for k, s in depts.items()]
        q = self.defs.questionnaire
        heat = [row for _, _, row in sorted(self._heap, key=lambda t: (-t[0], -t[1]))]
        return RegionalSummary(
            organisations=self.count, rejected=rejected,
            mean_index=round(self.index_sum / self.count, 1) if self.count else 0.0,
            questionnaire=f"{q.id} v{q.version}", rules_version=self.defs.rules_version,
            levels=self.levels, heatmap=heat, findings=self._finding_rows(),
            by_type=type_rows, by_departement=dept_rows,
            suppressed_types=other_types.count, suppressed_departements=other_depts.count,
            grades={g: self.grades.get(g, 0) for g in GRADES},
            domain_grades={d: {g: c.get(g, 0) for g in GRADES} for d, c in self.domain_grades.items()},
            checks=self._finding_rows(self.checks), with_checks=self.with_checks,
            sections={sec.id: sec.title for sec in q.sections},
        )  # fmt: skip


def _type_label(key: str) -> Text:
    try:
        return OrgType(key).label
    except ValueError:
        return Text(fr=key, en=key)


def as_dict(summary: RegionalSummary) -> dict[str, Any]:
    """A JSON-able view (for tests and `--summary x.json`)."""
    from dataclasses import asdict

    return asdict(summary)
