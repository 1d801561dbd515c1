"""The reference catalogs that rules cite: the seed report's IDs and the official referentials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from .common import StrictModel, Text
from .errors import DefinitionError, Problem
from .yamlio import Document, LoadFailure, load_document, problems_from_validation

__all__ = ["Catalog", "Referential", "SeedItem", "load_catalog"]

Actionability = Literal["direct", "indirect", "none"]


@dataclass(frozen=True)
class SeedItem:
    """A barrier, sub-barrier, proposal, measure or value axis of the seed report."""

    id: str
    kind: Literal["barrier", "proposal", "measure", "value_axis"]
    title: Text
    lines: str
    parent: str | None = None
    actionability: Actionability | None = None  # measures only
    addressee: str | None = None  # measures only
    domains: tuple[str, ...] = ()
    range_md_eur: tuple[float, float] | None = None  # value axes only


class Referential(StrictModel):
    """An official text or programme that rules cite, with the date it took effect."""

    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    title: Text
    date: dt.date
    url: str = Field(pattern=r"^https://\S+$")  # the official address reports print
    # Where the facts were read, and the maintainers' caveats: never printed for clients.
    source: str = Field(min_length=1)
    kind: Literal["law", "decree", "arrete", "referential", "programme", "convention", "guide"]
    note: Text | None = None


class PublicMeasure(StrictModel):
    """A measure no organisation can act on, and why (it is addressed to public authorities)."""

    id: str
    reason: Text


class PublicMeasuresFile(StrictModel):
    schema_version: Literal[1]
    measures: list[PublicMeasure]


class ReferentialFile(StrictModel):
    schema_version: Literal[1]
    referentials: list[Referential]


@dataclass
class Catalog:
    seed: dict[str, SeedItem] = field(default_factory=dict)
    referentials: dict[str, Referential] = field(default_factory=dict)
    public_measures: dict[str, Text] = field(default_factory=dict)

    def measures(self) -> list[SeedItem]:
        return [s for s in self.seed.values() if s.kind == "measure"]

    def value_axes(self) -> list[SeedItem]:
        return [s for s in self.seed.values() if s.kind == "value_axis"]


def _title(node: dict[str, Any], fr: str, en: str) -> Text:
    return Text(
        fr=str(node.get(fr) or node.get(en) or node["id"]), en=str(node.get(en) or node["id"])
    )


def _barriers(nodes: list[dict[str, Any]], parent: str | None, out: dict[str, SeedItem]) -> None:
    for node in nodes:
        out[node["id"]] = SeedItem(
            id=node["id"],
            kind="barrier",
            title=_title(node, "title_fr", "title_en"),
            lines=str(node.get("source_lines", "")),
            parent=parent,
            domains=tuple(node.get("relevant_domains", ())),
        )
        _barriers(node.get("sub_barriers", []), node["id"], out)


def _seed_items(data: dict[str, Any]) -> dict[str, SeedItem]:
    out: dict[str, SeedItem] = {}
    for axis in data["value_axes"]:
        low, high = axis["range_md_eur_per_year"]
        out[axis["id"]] = SeedItem(
            id=axis["id"], kind="value_axis", title=_title(axis, "title_fr", "title_en"),
            lines=str(axis.get("lines_resume", "")), domains=tuple(axis.get("relevant_domains", ())),
            range_md_eur=(float(low), float(high)),
        )  # fmt: skip
    for prop in data["proposals"]:
        out[prop["id"]] = SeedItem(
            id=prop["id"], kind="proposal", title=_title(prop, "title_fr", "title_en"),
            lines=str(prop.get("source_lines", "")), domains=tuple(prop.get("relevant_domains", ())),
        )  # fmt: skip
        for m in prop.get("measures", []):
            out[m["id"]] = SeedItem(
                id=m["id"], kind="measure", title=_title(m, "text_fr", "text_en"),
                lines=str(m.get("lines", "")), parent=prop["id"],
                actionability=m.get("org_actionability"), addressee=m.get("addressee"),
            )  # fmt: skip
    _barriers(data["barriers"], None, out)
    return out


def load_catalog(references_dir: Path, read: Callable[[Path], Document] = load_document) -> Catalog:
    """Read `seed-catalog.yaml` and `referentials.yaml`; every problem is reported at once.

    `read` parses one file (the definitions loader passes its cache's reader)."""
    problems: list[Problem] = []
    catalog = Catalog()
    try:
        seed_doc = read(references_dir / "seed-catalog.yaml")
        catalog.seed = _seed_items(seed_doc.data)
    except LoadFailure as exc:
        problems.append(exc.problem)
    except (KeyError, TypeError, ValueError) as exc:
        problems.append(
            Problem(
                str(references_dir / "seed-catalog.yaml"), None, "", f"unexpected structure: {exc}"
            )
        )
    try:
        ref_doc = read(references_dir / "referentials.yaml")
        try:
            parsed = ReferentialFile.model_validate(ref_doc.data)
        except ValidationError as exc:
            problems.extend(problems_from_validation(ref_doc, exc))
        else:
            for i, ref in enumerate(parsed.referentials):
                if ref.id in catalog.referentials:
                    problems.append(
                        ref_doc.problem(
                            ("referentials", i, "id"), f"referential ID '{ref.id}' is used twice"
                        )
                    )
                catalog.referentials[ref.id] = ref
    except LoadFailure as exc:
        problems.append(exc.problem)
    public_path = references_dir / "public-authority-measures.yaml"
    if public_path.exists():
        _load_public_measures(public_path, catalog, problems, read)
    if problems:
        raise DefinitionError(problems)
    return catalog


def _load_public_measures(
    path: Path, catalog: Catalog, problems: list[Problem], read: Callable[[Path], Document]
) -> None:
    try:
        doc = read(path)
    except LoadFailure as exc:
        problems.append(exc.problem)
        return
    try:
        parsed = PublicMeasuresFile.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(doc, exc))
        return
    for i, m in enumerate(parsed.measures):
        item = catalog.seed.get(m.id)
        if item is None or item.kind != "measure":
            problems.append(
                doc.problem(("measures", i, "id"), f"'{m.id}' is not a measure of the seed catalog")
            )
        elif item.actionability != "none":
            problems.append(
                doc.problem(
                    ("measures", i, "id"),
                    f"'{m.id}' is marked {item.actionability} in the catalog: an organisation can act on it, so a rule must cover it",
                )
            )
        catalog.public_measures[m.id] = m.reason
