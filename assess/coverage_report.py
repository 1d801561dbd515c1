"""`assess rules coverage`: the seed report's barriers and proposals against the rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .common import Lang
from .coverage import CoverageRow, coverage
from .definitions import Definitions

__all__ = ["CoverageReport", "coverage_report"]

_WORDS = {
    "proposals": {
        "fr": "Propositions et mesures du rapport",
        "en": "Report proposals and measures",
    },
    "barriers": {
        "fr": "Freins identifiés par le rapport",
        "en": "Barriers identified by the report",
    },
    "public": {"fr": "pouvoirs publics", "en": "public authorities"},
    "uncovered": {"fr": "NON COUVERTE", "en": "NOT COVERED"},
    "via": {"fr": "via", "en": "via"},
    "summary": {
        "fr": "Mesures actionnables par un établissement couvertes : {covered}/{total} ; "
        "mesures adressées aux pouvoirs publics : {public}",
        "en": "Organisation-actionable measures covered: {covered}/{total}; "
        "measures addressed to public authorities: {public}",
    },
    "gaps": {
        "fr": "Mesures actionnables sans règle : {ids}",
        "en": "Actionable measures without a rule: {ids}",
    },
}


@dataclass
class CoverageReport:
    rows: list[CoverageRow]
    public: dict[str, dict[str, str]]  # measure ID -> reason {fr, en}

    def actionable(self) -> list[CoverageRow]:
        return [
            r
            for r in self.rows
            if r.item.kind == "measure" and r.item.actionability in ("direct", "indirect")
        ]

    def gaps(self) -> list[str]:
        return [r.item.id for r in self.actionable() if not r.rules]

    def _line(self, row: CoverageRow, lang: Lang) -> str:
        indent = "    " if row.item.parent else "  "
        title = row.item.title.get(lang)
        title = title if len(title) <= 70 else title[:69] + "…"
        tag = f" [{row.item.actionability}]" if row.item.kind == "measure" else ""
        if row.item.id in self.public:
            cited = f"{_WORDS['public'][lang]} — {self.public[row.item.id][lang]}"
        elif row.rules:
            cited = ", ".join(row.rules)
        elif row.via_children:
            cited = f"{_WORDS['via'][lang]} {len(row.via_children)}"
        else:
            cited = (
                _WORDS["uncovered"][lang]
                if row.item.actionability in ("direct", "indirect")
                else "—"
            )
        return f"{indent}{row.item.id:<8}{title}{tag}\n{indent}{'':<8}→ {cited}"

    def text(self, lang: Lang) -> str:
        lines = [_WORDS["proposals"][lang]]
        lines += [self._line(r, lang) for r in self.rows if r.item.kind in ("proposal", "measure")]
        lines += ["", _WORDS["barriers"][lang]]
        lines += [self._line(r, lang) for r in self.rows if r.item.kind == "barrier"]
        actionable = self.actionable()
        covered = sum(1 for r in actionable if r.rules)
        lines += [
            "",
            _WORDS["summary"][lang].format(
                covered=covered, total=len(actionable), public=len(self.public)
            ),
        ]
        if self.gaps():
            lines.append(_WORDS["gaps"][lang].format(ids=", ".join(self.gaps())))
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, Any]:
        return {
            "items": [
                {
                    "id": r.item.id,
                    "kind": r.item.kind,
                    "parent": r.item.parent,
                    "actionability": r.item.actionability,
                    "rules": list(r.rules),
                    "via_children": list(r.via_children),
                    "public_authority_reason": self.public.get(r.item.id),
                }  # fmt: skip
                for r in self.rows
            ],
            "gaps": self.gaps(),
        }


def coverage_report(defs: Definitions) -> CoverageReport:
    public = {mid: {"fr": t.fr, "en": t.en} for mid, t in defs.catalog.public_measures.items()}
    return CoverageReport(coverage(defs), public)
