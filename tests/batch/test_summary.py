"""Regional summary data: distribution, heatmap bound, small-group suppression."""

from __future__ import annotations

from assess.batch.disclosure import GroupStats, suppress
from assess.batch.pool import Scored
from assess.batch.summary import SummaryBuilder
from assess.common import DOMAINS


def _groups(**counts: int) -> dict[str, GroupStats]:
    out = {}
    for key, n in counts.items():
        g = GroupStats()
        for _ in range(n):
            g.add(50.0, [1] * len(DOMAINS))
        out[key] = g
    return out


def test_small_groups_are_merged():
    shown, other = suppress(_groups(a=10, b=3, c=4, d=7))
    assert sorted(shown) == ["a", "d"] and other.count == 7


def test_secondary_suppression_when_the_merged_group_is_too_small():
    shown, other = suppress(_groups(a=10, b=2, c=6))
    assert sorted(shown) == ["a"] and other.count == 8


def test_everything_suppressed_when_all_groups_are_small():
    shown, other = suppress(_groups(a=1, b=2))
    assert shown == {} and other.count == 3


def test_builder_heatmap_keeps_lowest_indexes(mini_defs):
    builder = SummaryBuilder(mini_defs, heatmap_size=3)
    for i in range(10):
        record = {
            "finess": f"F{i}",
            "name": f"N{i}",
            "type": "ch",
            "departement": "75",
            "overall_index": float(i),
        }
        record |= {f"{d}_level": (i % 6 if d == "dmp" else None) for d in DOMAINS}
        builder.add(Scored(i + 1, i + 2, record, ("CYB-001",) if i % 2 else ()))
    summary = builder.build(rejected=2)
    assert [r.finess for r in summary.heatmap] == ["F0", "F1", "F2"]
    assert summary.levels["dmp"] == [2, 2, 2, 2, 1, 1, 0]
    assert summary.levels["mssante"] == [0, 0, 0, 0, 0, 0, 10]
    assert [(f.rule_id, f.count, f.share) for f in summary.findings] == [("CYB-001", 5, 0.5)]
    assert [s.id for s in summary.findings[0].seed] == ["B1.2"]
    assert (summary.organisations, summary.rejected, summary.mean_index) == (10, 2, 4.5)
    assert [g.key for g in summary.by_type] == ["ch"] and summary.by_type[0].mean_levels[
        DOMAINS.index("dmp")
    ] == 2.1
