"""Statistical disclosure control of the public regional summary (`assess batch --summary --public`).

A published figure must not let anyone learn about fewer than `MIN_GROUP` organisations, directly
or by difference with the totals the summary also prints (organisations scored, mean index, the
per-domain level distribution). Two levels, as statistical offices do:

* rows: a group (organisation type, département) of fewer than `MIN_GROUP` organisations is not
  shown; the small groups are merged into one unpublished remainder (recoverable as the total
  minus the rows shown), and while that remainder is under `MIN_GROUP` the next smallest shown
  group joins it (secondary suppression);
* cells: a group's mean level in a domain that applies to fewer than `MIN_GROUP` of its
  organisations is suppressed; in each domain, the suppressed cells plus the remainder must cover
  at least `MIN_GROUP` organisations from at least two groups, otherwise the next smallest cells
  of that domain are suppressed too, so that no single cell (nor a small part of the remainder)
  comes back from the domain's total.

The public summary also names no organisation: no heatmap, and the progression page keeps its
counts but not its lists (`anonymous`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..common import DOMAINS

if TYPE_CHECKING:
    from ..progress.campaign import Progression

__all__ = ["MIN_GROUP", "GroupStats", "anonymous", "hidden_cells", "suppress"]

MIN_GROUP = 5


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


def suppress(
    groups: dict[str, GroupStats], min_size: int = MIN_GROUP
) -> tuple[dict[str, GroupStats], GroupStats]:
    """Split groups into the shown ones (sorted by key) and the merged, unpublished remainder."""
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


def hidden_cells(
    shown: dict[str, GroupStats], other: GroupStats, min_size: int = MIN_GROUP
) -> dict[str, frozenset[int]]:
    """Group key → indexes (in DOMAINS) of the mean levels to suppress."""
    hidden: dict[str, set[int]] = {}
    for i in range(len(DOMAINS)):
        for key in _hidden_in_domain({k: s.level_counts[i] for k, s in shown.items()},
                                     other.level_counts[i], min_size):  # fmt: skip
            hidden.setdefault(key, set()).add(i)
    return {k: frozenset(v) for k, v in hidden.items()}


def _hidden_in_domain(counts: dict[str, int], remainder: int, min_size: int) -> set[str]:
    """The groups whose mean in one domain is suppressed, given how many of each it covers."""
    hidden = {k for k, n in counts.items() if 0 < n < min_size}
    while hidden or 0 < remainder < min_size:
        covered = sum(counts[k] for k in hidden) + remainder
        parts = len(hidden) + (1 if remainder else 0)
        if covered >= min_size and parts >= 2:
            break
        candidates = sorted((n, k) for k, n in counts.items() if n and k not in hidden)
        if not candidates:
            break
        hidden.add(candidates[0][1])
    return hidden


def anonymous(progression: Progression) -> Progression:
    """The progression page without its lists of organisations (FINESS and names)."""
    return replace(progression, regressed=[], only_current_list=[], only_previous_list=[])
