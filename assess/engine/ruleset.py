"""A domain's chains → durable-rules rulesets: fan-out groups, `cap`, compact JSON text.

Fan-out groups: an alpha node's children sit in a 512-slot table probed linearly from
`hash & 0x1F` (rules.h, events.c), so a node with many children makes every property of every
fact walk a long run. Above `WIDTH` distinct first tests, chains are spread over groups, each
behind an always-true `{"$ex": {"o": g}}` node (distinct constants make distinct nodes).
`cap` lets one activation hand out every pending match of a rule at once: with a batch of
organisations in one session, one activation per rule instead of one per organisation.
Groups also bound the engine's stack (error 303 beyond 64 nodes true at once): at most 12
children per node means at most 11 waiting entries per level, so with the shipped rules the
bound of `lint.py` stays at 5-12; the linter still refuses a ruleset that would reach 64.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from .chains import Chain, EngineTest, Trie
from .layout import Layout

__all__ = ["CAP", "WIDTH", "Ruleset", "build_rulesets"]

WIDTH = 12
CAP = 65535  # `cap` is an unsigned short; correctness never depends on it
_ALWAYS = EngineTest("o", "ex", 0)  # for a rule without any test (every fact has `o`)

Item = tuple[str, Chain]


@dataclass(frozen=True)
class Ruleset:
    domain: str
    part: int
    rules: tuple[str, ...]  # engine rule name (its index) -> rule ID
    chains: tuple[Chain, ...]  # as emitted, group nodes included
    text: str  # the durable-rules JSON

    @property
    def trie(self) -> Trie:
        return Trie.of(self.chains)


def _fan_out(items: list[Item], gids: Iterator[int]) -> list[Item]:
    """Insert group nodes so that no node gets more than WIDTH children."""
    out = [(rid, c) for rid, c in items if not c]
    rest = [(rid, c) for rid, c in items if c]
    firsts = sorted({c[0].key(): c[0] for _rid, c in rest}.values())
    if len(firsts) > WIDTH:
        groups = [firsts[i : i + WIDTH] for i in range(0, len(firsts), WIDTH)]
        group_of = {}
        for group in groups:
            node = EngineTest("o", "ex", next(gids))
            group_of.update({t.key(): node for t in group})
        return out + _fan_out([(rid, (group_of[c[0].key()], *c)) for rid, c in rest], gids)
    for first in firsts:
        below = [(rid, c[1:]) for rid, c in rest if c[0].key() == first.key()]
        out.extend((rid, (first, *c)) for rid, c in _fan_out(below, gids))
    return out


def _grouped(items: list[Item]) -> list[Item]:
    padded = [(rid, c or (_ALWAYS,)) for rid, c in items]
    return _fan_out(padded, itertools.count(1))


def _text(chains: list[Chain]) -> str:
    rules = (
        f'"{i}":{{"all":[{{"m":{{"$and":[{",".join(t.text() for t in chain)}]}}}}],"cap":{CAP}}}'
        for i, chain in enumerate(chains)
    )
    return "{" + ",".join(rules) + "}"


def build_rulesets(layout: Layout) -> tuple[Ruleset, ...]:
    """The domain's rulesets: one (a tuple so that a domain can be split if ever needed)."""
    if not layout.chains:
        return ()
    items = _grouped(list(layout.chains))
    chains = [c for _rid, c in items]
    rules = tuple(rid for rid, _c in items)
    return (Ruleset(layout.domain, 0, rules, tuple(chains), _text(chains)),)
