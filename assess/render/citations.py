"""Line references to the seed report, as written in rule data, turned into section titles.

Rules cite the Institut Montaigne report by line number (`rapport, l. 814-816`) so that a
maintainer can check the passage; a client cannot look lines up, so what a client reads names
the section instead: the smallest barrier, proposal or value axis of the seed catalog whose line
range holds the cited line, else the chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import Catalog
from ..common import Lang, Text

__all__ = ["SectionIndex"]

# "l. 814-816", "l. 6024" (lower-case l: "L.1111-8" is a code article, not a line reference).
_LINE_REF = re.compile(
    r"(?<![A-Za-z])l\.\s?(\d+)(?:\s?[-–]\s?\d+)?((?:,\s?\d+(?:\s?[-–]\s?\d+)?)*)"
)  # "l. 5524-5529, 5560-5563": each range after the first is a line reference too
_MORE = re.compile(r"(\d+)(?:\s?[-–]\s?\d+)?")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")

# The report's chapters, for lines that no catalog item covers (titles as the report gives them).
_CHAPTERS: tuple[tuple[int, int, Text], ...] = (
    (1, 585, Text(fr="Résumé et introduction", en="Summary and introduction")),
    (587, 3647, Text(
        fr="La digitalisation au service de l'ensemble des acteurs de l'écosystème santé",
        en="Digitalisation serving every actor of the health ecosystem",
    )),
    (3649, 5270, Text(
        fr="Les freins au déploiement de la e-santé et à la structuration d'une véritable filière santé",
        en="What holds back e-health and the structuring of a genuine health industry",
    )),
    (5272, 6435, Text(
        fr="Nos propositions pour déployer le plein potentiel de la e-santé",
        en="Our proposals to unlock the full potential of e-health",
    )),
    (6437, 6472, Text(fr="Conclusion", en="Conclusion")),
    (6476, 7234, Text(fr="Annexes", en="Annexes")),
)  # fmt: skip


_SECTIONS: tuple[tuple[int, int, Text], ...] = (
    (677, 1164, Text(fr="Les données comme base fondamentale", en="Data as the foundation")),
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    title: Text


class SectionIndex:
    """Line number → section title, built once from the seed catalog."""

    def __init__(self, catalog: Catalog) -> None:
        spans = [_Span(a, b, t) for a, b, t in (*_CHAPTERS, *_SECTIONS)]
        for item in catalog.seed.values():
            if item.kind in ("barrier", "proposal", "value_axis"):
                for m in _RANGE.finditer(item.lines):
                    spans.append(_Span(int(m[1]), int(m[2]), item.title))
        self._spans = sorted(spans, key=lambda s: s.end - s.start)

    def title(self, line: int, lang: Lang) -> str | None:
        span = next((s for s in self._spans if s.start <= line <= s.end), None)
        return span.title.get(lang) if span else None

    @staticmethod
    def chapter(lines: str, lang: Lang) -> str:
        """The chapter holding the first line of `lines` ("3864-3956"), or ""."""
        m = re.search(r"\d+", lines)
        if m is None:
            return ""
        line = int(m[0])
        return next((t.get(lang) for a, b, t in _CHAPTERS if a <= line <= b), "")

    def cite(self, text: str, lang: Lang) -> str:
        """`text` with every line reference replaced by the section it falls in."""
        word = "section"
        quote = ("« ", " »") if lang == "fr" else ("“", "”")

        def replace(m: re.Match[str]) -> str:
            starts = [int(m[1])] + [int(n[1]) for n in _MORE.finditer(m[2] or "")]
            found = [self.title(line, lang) for line in starts]
            if not all(found):
                return m[0]
            titles = list(dict.fromkeys(t for t in found if t))
            return ", ".join(f"{word} {quote[0]}{t}{quote[1]}" for t in titles)

        return _LINE_REF.sub(replace, text)
