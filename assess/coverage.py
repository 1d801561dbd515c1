"""Which rules cite each barrier, proposal and measure of the seed report.

`coverage(defs)` is pure data, shared by the PDF report's annex and `assess rules coverage`.
A proposal or barrier also counts as covered when a rule cites one of its measures or
sub-barriers (`via_children`); value axes are left out (they weight the index, rules do not
cite them).
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import SeedItem
from .definitions import Definitions

__all__ = ["CoverageRow", "coverage"]

KINDS = ("proposal", "measure", "barrier")


@dataclass(frozen=True)
class CoverageRow:
    item: SeedItem
    rules: tuple[str, ...]  # rule IDs citing this item directly, sorted
    via_children: tuple[str, ...]  # rule IDs citing a descendant (measure, sub-barrier), sorted

    @property
    def covered(self) -> bool:
        return bool(self.rules or self.via_children)


def coverage(defs: Definitions) -> list[CoverageRow]:
    """Every proposal, measure and barrier in catalog order, with the rules citing it.

    Deprecated rules are not counted.
    """
    direct: dict[str, set[str]] = {sid: set() for sid in defs.catalog.seed}
    for rule in defs.rules.values():
        if rule.deprecated:
            continue
        for sid in rule.references.seed:
            direct.setdefault(sid, set()).add(rule.id)
    inherited: dict[str, set[str]] = {sid: set() for sid in defs.catalog.seed}
    for sid, item in defs.catalog.seed.items():
        parent = item.parent
        while parent is not None and parent in inherited:
            inherited[parent] |= direct[sid]
            parent = defs.catalog.seed[parent].parent
    return [
        CoverageRow(item, tuple(sorted(direct[sid])), tuple(sorted(inherited[sid] - direct[sid])))
        for sid, item in defs.catalog.seed.items()
        if item.kind in KINDS
    ]
