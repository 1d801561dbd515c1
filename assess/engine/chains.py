"""Engine tests and the alpha network durable-rules builds from them, mirrored for the linter.

A chain is the ordered list of constant tests of one engine rule over the single fact of an
organisation and domain. durable-rules turns a rule's `$and` into a path of alpha nodes, shared
with another rule only under the same parent for the same property, operator and constant
(`findAlpha`, rete.c); the mirror below is that tree, built the same way.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..numbers import number_text

__all__ = ["Chain", "EngineTest", "Trie", "max_true", "stack_bound"]


def _exists(_x: float, _c: float) -> bool:
    return True  # `$ex`: true whenever the property exists


_HOLDS: dict[str, Callable[[float, float], bool]] = {
    "eq": operator.eq, "neq": operator.ne, "lt": operator.lt, "lte": operator.le,
    "gt": operator.gt, "gte": operator.ge, "ex": _exists,
}  # fmt: skip


@dataclass(frozen=True, slots=True, order=True)
class EngineTest:
    """`prop <op> value` against a constant; the only kind of test the layout emits."""

    prop: str
    op: str  # eq, neq, lt, lte, gt, gte, ex
    value: int | float

    def text(self) -> str:
        value = number_text(self.value)
        if self.op == "eq":
            return f'{{"{self.prop}":{value}}}'
        return f'{{"${self.op}":{{"{self.prop}":{value}}}}}'

    def key(self) -> tuple[str, str, str]:
        # Constants are told apart as the engine reads them: by their text.
        return (self.prop, self.op, number_text(self.value))

    def holds(self, x: float) -> bool:
        return bool(_HOLDS[self.op](x, self.value))


Chain = tuple[EngineTest, ...]


@dataclass
class Trie:
    """One alpha node: its children by (property, operator, constant), rules ending here."""

    children: dict[tuple[str, str, str], tuple[EngineTest, Trie]] = field(default_factory=dict)
    ends: int = 0

    @classmethod
    def of(cls, chains: Iterable[Chain]) -> Trie:
        root = cls()
        for chain in chains:
            node = root
            for test in chain:
                entry = node.children.get(test.key())
                if entry is None:
                    entry = node.children[test.key()] = (test, cls())
                node = entry[1]
            node.ends += 1
        return root

    def nodes(self) -> Iterable[Trie]:
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for _t, child in node.children.values())


def max_true(tests: Iterable[EngineTest]) -> int:
    """The most of these tests (all on one property) that one value satisfies at once.

    Exact for constant comparisons: it is enough to try every constant, every midpoint
    between neighbours and a value beyond each end.
    """
    tests = list(tests)
    values = sorted({float(t.value) for t in tests})
    candidates = [values[0] - 1, values[-1] + 1, *values]
    candidates += [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)]
    return max(sum(t.holds(x) for t in tests) for x in candidates)


def stack_bound(node: Trie) -> int:
    """An upper bound of the height `handleAlpha`'s stack reaches below `node`.

    Popping a node pushes every matching child at once and then works last-in first-out, so
    with K children true together the height is at most max(K, K - 1 + the largest bound of a
    child). K adds, over properties, the most same-property tests one value satisfies
    (properties are treated as independent, which can only over-count).
    """
    if not node.children:
        return 0
    by_prop: dict[str, list[EngineTest]] = defaultdict(list)
    for test, _child in node.children.values():
        by_prop[test.prop].append(test)
    k = sum(max_true(tests) for tests in by_prop.values())
    deepest = max(stack_bound(child) for _t, child in node.children.values())
    return max(k, k - 1 + deepest)
