"""The overall index: domain scores weighted by the report's five value axes.

Each value axis V1–V5 of the report comes with an estimated yearly value (a range in Md€). Its
midpoint is shared equally among the scored domains the axis is linked to: the links are the
catalog's `relevant_domains`, plus HDS hosting and cybersecurity linked to V2 (paperless
exchange), because the report makes secure hosting and security a condition of data exchange
(barrier B1.2). A domain's value share is the sum of what it receives over the total. To keep
every domain in view, the weight blends an equal share with the value share:

    weight(d) = 0.5 × 1/6 + 0.5 × value_share(d)

The index is the weighted mean of the applicable domains' scores (weights renormalised).
"""

from __future__ import annotations

from ..catalog import Catalog
from ..common import DOMAINS

__all__ = ["EXTRA_LINKS", "domain_weights", "weighted_index"]

EXTRA_LINKS: dict[str, tuple[str, ...]] = {"hds_hosting": ("V2",), "cybersecurity": ("V2",)}
BLEND = 0.5


def domain_weights(catalog: Catalog) -> dict[str, float]:
    received = dict.fromkeys(DOMAINS, 0.0)
    total = 0.0
    for axis in catalog.value_axes():
        linked = [d for d in DOMAINS if d in axis.domains or axis.id in EXTRA_LINKS.get(d, ())]
        if not linked or axis.range_md_eur is None:
            continue
        midpoint = sum(axis.range_md_eur) / 2
        total += midpoint
        for d in linked:
            received[d] += midpoint / len(linked)
    weights = {}
    for d in DOMAINS:
        share = received[d] / total if total else 1 / len(DOMAINS)
        weights[d] = round((1 - BLEND) / len(DOMAINS) + BLEND * share, 4)
    return weights


def weighted_index(scores: dict[str, float], weights: dict[str, float]) -> float:
    used = {d: w for d, w in weights.items() if d in scores}
    total = sum(used.values())
    if not total:
        return 0.0
    return round(sum(scores[d] * w for d, w in used.items()) / total, 1)
