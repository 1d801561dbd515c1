"""The regional summary of a batch: built incrementally (memory stays flat), rendered once.

* level distribution per domain (stacked bars);
* organisations × domains heatmap (the `heatmap_size` organisations with the lowest index);
* the most frequent findings, with the seed report references (barriers first) they map to;
* breakdown by organisation type and by département.

Two variants (`build(public=...)`). Internal, for the ARS itself: the heatmap and the progression
lists name organisations and every group is detailed. Public: no organisation is named anywhere
and groups under `MIN_GROUP` organisations are suppressed with secondary suppression
(`disclosure.py`).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..common import DOMAINS, OrgType, Severity, Text
from ..definitions import Definitions
from ..geo import DEPARTEMENT_NAMES
from .disclosure import MIN_GROUP, GroupStats, anonymous, hidden_cells, suppress
from .pool import Scored

if TYPE_CHECKING:
    from ..progress.campaign import Progression

__all__ = ["MIN_GROUP", "GroupRow", "RegionalSummary", "SummaryBuilder"]

GRADES = ("A", "B", "C", "D")
LEVELS = range(6)


@dataclass(frozen=True)
class GroupRow:
    key: str  # type or département code
    label: Text
    count: int
    mean_index: float
    mean_levels: list[float | None]  # per domain; None when no organisation of the group applies
    low_grade_share: float = 0.0  # of the group graded C or D, 0..1
    hidden: tuple[str, ...] = ()  # public variant: domains whose mean is suppressed (None)


def _row(
    key: str, label: Text, stats: GroupStats, hidden: frozenset[int] = frozenset()
) -> GroupRow:
    means = [
        None if i in hidden or not c else round(s / c, 1)
        for i, (s, c) in enumerate(zip(stats.level_sums, stats.level_counts, strict=True))
    ]
    return GroupRow(
        key, label, stats.count, round(stats.index_sum / stats.count, 1), means,
        round(stats.low_grades / stats.count, 3), tuple(DOMAINS[i] for i in sorted(hidden)),
    )  # fmt: skip


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
    public: bool = False  # the public variant: no organisation named, small groups suppressed
    regions: tuple[str, ...] = ()  # INSEE codes of the organisations scored, most frequent first
    date_from: dt.date | None = None  # earliest and latest assessment date of the data
    date_to: dt.date | None = None
    withheld: bool = False  # no figures: public variant of fewer than `min_group`, or none scored


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
        self.regions: Counter[str] = Counter()
        self.dates: tuple[dt.date, dt.date] | None = None  # earliest and latest assessment date
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
        self._add_scope(r)
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

    def _add_scope(self, r: dict[str, Any]) -> None:
        """The region and the assessment date, for the title."""
        if r.get("region"):
            self.regions[r["region"]] += 1
        day = r.get("assessment_date")
        if isinstance(day, dt.date):
            low, high = self.dates or (day, day)
            self.dates = (min(low, day), max(high, day))

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

    def _finding_rows(
        self, counts: Counter[str] | None = None, public: bool = False
    ) -> list[FindingRow]:
        """The most frequent findings (or checks); the public variant leaves out those of fewer
        than `MIN_GROUP` organisations (a rule about one type would describe that small group)."""
        rows: list[FindingRow] = []
        counts = self.findings if counts is None else counts
        for rid, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = self.defs.rules.get(rid)
            if rule is None or (public and count < MIN_GROUP):
                continue
            if len(rows) == self.top:
                break
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

    def build(
        self, rejected: int = 0, public: bool = False, progression: Progression | None = None
    ) -> RegionalSummary:
        """The summary; `public`: the variant that names no organisation (see `disclosure.py`).

        A public summary of fewer than `MIN_GROUP` organisations publishes no figure at all: the
        regional totals would then describe that small group. Neither variant has figures when
        no organisation was scored.
        """
        if self.count == 0 or (public and self.count < MIN_GROUP):
            return self._withheld(rejected, public)
        by_type, other_types = self._groups(self.types, _type_label, public)
        by_dept, other_depts = self._groups(self.departements, _departement_label, public)
        q = self.defs.questionnaire
        heat = [row for _, _, row in sorted(self._heap, key=lambda t: (-t[0], -t[1]))]
        return RegionalSummary(
            organisations=self.count, rejected=rejected,
            mean_index=round(self.index_sum / self.count, 1) if self.count else 0.0,
            questionnaire=f"{q.id} v{q.version}", rules_version=self.defs.rules_version,
            levels=self.levels, heatmap=[] if public else heat,
            findings=self._finding_rows(public=public),
            by_type=by_type, by_departement=by_dept,
            suppressed_types=other_types, suppressed_departements=other_depts,
            grades={g: self.grades.get(g, 0) for g in GRADES},
            domain_grades={d: {g: c.get(g, 0) for g in GRADES} for d, c in self.domain_grades.items()},
            checks=self._finding_rows(self.checks, public), with_checks=self.with_checks,
            sections={sec.id: sec.title for sec in q.sections},
            progression=_progression(progression, public),
            public=public, regions=tuple(code for code, _ in self.regions.most_common()),
            date_from=self.dates[0] if self.dates else None,
            date_to=self.dates[1] if self.dates else None,
        )  # fmt: skip

    def _withheld(self, rejected: int, public: bool) -> RegionalSummary:
        q = self.defs.questionnaire
        return RegionalSummary(
            organisations=self.count, rejected=rejected, mean_index=0.0,
            questionnaire=f"{q.id} v{q.version}", rules_version=self.defs.rules_version,
            levels={}, heatmap=[], findings=[], by_type=[], by_departement=[],
            suppressed_types=self.count, suppressed_departements=self.count,
            sections={sec.id: sec.title for sec in q.sections}, public=public,
            regions=tuple(code for code, _ in self.regions.most_common()),
            date_from=self.dates[0] if self.dates else None,
            date_to=self.dates[1] if self.dates else None, withheld=True,
        )  # fmt: skip

    @staticmethod
    def _groups(
        groups: dict[str, GroupStats], label: Callable[[str], Text], public: bool
    ) -> tuple[list[GroupRow], int]:
        """The rows of one breakdown and the number of organisations left out of it."""
        if not public:
            return [_row(k, label(k), s) for k, s in sorted(groups.items())], 0
        shown, other = suppress(groups, MIN_GROUP)
        hidden = hidden_cells(shown, other, MIN_GROUP)
        rows = [_row(k, label(k), s, hidden.get(k, frozenset())) for k, s in shown.items()]
        return rows, other.count


def _progression(progression: Progression | None, public: bool) -> Progression | None:
    """The public variant lists no organisation, and shows no progression of fewer than
    `MIN_GROUP` organisations matched with the previous campaign."""
    if progression is None or not public:
        return progression
    return anonymous(progression) if progression.matched >= MIN_GROUP else None


def _departement_label(key: str) -> Text:
    name = DEPARTEMENT_NAMES.get(key)
    text = f"{key} — {name}" if name else key
    return Text(fr=text, en=text)


def _type_label(key: str) -> Text:
    try:
        return OrgType(key).label
    except ValueError:
        return Text(fr=key, en=key)


def as_dict(summary: RegionalSummary) -> dict[str, Any]:
    """A JSON-able view (for tests and `--summary x.json`)."""
    from dataclasses import asdict

    return asdict(summary)
