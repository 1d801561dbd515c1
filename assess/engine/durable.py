"""The durable-rules adapter: the only module that imports the engine.

durable-rules' documented API (`durable.lang`, `engine.Host`) runs actions on background
threads, swallows exceptions and caps sessions at 1,024. This adapter talks to the C extension
directly and synchronously: per domain one ruleset (rarely more, see `ruleset.py`) and one
session, the engine's default; organisations are scored in batches of up to `BATCH`, one
fact per organisation and domain, each batch as:

1. one `assert_facts` of every fact of the batch (codes 0 and 1 are normal: 1 means some fact
   matched nothing);
2. drain: complete every activation, reading the rule from its name and the organisations
   from the facts' ids (`cap` hands out all of a rule's matches in one activation);
3. one `retract_facts` of exactly the ids seen: a fact is stored only if it reached a rule, and
   every stored fact is handed out by the drain.

Traps this order avoids (engineering notes): a retract after a later assert deletes the later
fact's activation (stale frame locations), so nothing is asserted between a drain and its
retract; a fact whose id hash is already stored is dropped silently, so batch-local ids are
checked distinct at start-up and the session is empty at every batch start; retracting or
abandoning a started activation corrupts the session, so every activation is completed. After
any engine error the ruleset is rebuilt before the next batch.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Sequence

import durable_rules_engine as dre

from ..errors import EngineError
from .compile import CompiledDomain
from .layout import Layout
from .lint import fnv1a
from .python import Case
from .ruleset import Ruleset
from .writer import FactWriter

__all__ = ["BATCH", "DurableEvaluator", "check_batch_ids"]

BATCH = 100  # 100-200 measured fastest; each batch worker holds ~10 MB more engine pools at 200
_IDS = re.compile(r'\{"id":(\d+)')
_names = itertools.count()


def check_batch_ids(size: int) -> None:
    """Batch-local ids 0..size-1 must hash apart, and apart from the session's state fact."""
    hashes = {fnv1a(str(k)) for k in range(size)} | {fnv1a("sid-0")}
    if len(hashes) != size + 1:
        raise EngineError(f"batch-local fact ids collide in the engine's hash (batch of {size})")


class _Engine:
    """One durable-rules ruleset and its session."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        self.rules = ruleset.rules
        self.handle = self._create()

    def _create(self) -> int:
        name = f"assess-{self.ruleset.domain}-{self.ruleset.part}-{next(_names)}"
        try:
            return int(dre.create_ruleset(name, self.ruleset.text))
        except Exception as exc:  # the C extension raises bare errors with a code
            raise EngineError(
                f"durable-rules refused the '{self.ruleset.domain}' rule set: {exc}"
            ) from exc

    def run(self, facts: list[str]) -> dict[str, set[str]]:
        """Assert, drain, retract one batch: the rule IDs fired, by fact id (ids with none left out)."""
        fired: defaultdict[str, set[str]] = defaultdict(set)
        try:
            code, offset = dre.assert_facts(self.handle, "[" + ",".join(facts) + "]")
            self._drain(offset, fired)
            if fired:  # exactly the ids seen: the facts the engine stored
                dre.retract_facts(self.handle, "[" + ",".join(f'{{"id":{k}}}' for k in fired) + "]")
        except Exception as exc:
            self.handle = self._create()  # the old session's state is unknown: never reuse it
            raise EngineError(
                f"durable-rules failed on domain '{self.ruleset.domain}': {exc}"
            ) from exc
        if code not in (0, 1):  # 2: a fact was taken for one already stored
            raise EngineError(f"durable-rules dropped a fact (code {code})")
        return fired

    def facts(self) -> list[object]:
        """What the session holds (empty between batches)."""
        held: list[object] = json.loads(dre.get_facts(self.handle, "0"))
        return held

    def _drain(self, offset: int, fired: defaultdict[str, set[str]]) -> None:
        error: Exception | None = None
        started = dre.start_action_for_state(self.handle, offset)
        message = started[1] if started else None
        while message:
            if error is None:  # keep completing after an error: abandoning one corrupts
                try:
                    rule = self.rules[int(message[2 : message.index('"', 2)])]
                    for k in _IDS.findall(message):
                        fired[k].add(rule)
                except Exception as exc:
                    error = exc
            message = dre.complete_and_start_action(self.handle, offset)
        if error is not None:
            raise error


class DurableEvaluator:
    """Fires the compiled rules of every domain through durable-rules."""

    name = "durable-rules"

    def __init__(
        self, domains: dict[str, CompiledDomain], layouts: dict[str, tuple[Layout, tuple[Ruleset, ...]]],
        batch: int = BATCH,
    ) -> None:  # fmt: skip
        check_batch_ids(batch)
        self.batch = batch
        self.domains = list(dict.fromkeys([*domains, *layouts]))
        self.writer = FactWriter([layout for layout, _rs in layouts.values()])
        self.engines = [(name, [_Engine(rs) for rs in rss]) for name, (_l, rss) in layouts.items()]
        self.ids = [str(k) for k in range(batch)]
        self.absent = [d for d in self.domains if d not in layouts]  # domains without rules

    def fired(self, case: Case) -> dict[str, set[str]]:
        return self.fired_many([case])[0]

    def fired_many(self, cases: Sequence[Case]) -> list[dict[str, set[str]]]:
        out: list[dict[str, set[str]]] = []
        for start in range(0, len(cases), self.batch):
            out.extend(self._batch(cases[start : start + self.batch]))
        return out

    def _batch(self, cases: Sequence[Case]) -> list[dict[str, set[str]]]:
        out: list[dict[str, set[str]]] = [{} for _ in cases]
        for (name, engines), facts in zip(self.engines, self.writer.facts(cases), strict=True):
            hits = engines[0].run(facts)
            for engine in engines[1:]:
                for k, rules in engine.run(facts).items():
                    hits[k] |= rules
            for k, o in zip(self.ids, out, strict=False):
                o[name] = hits.get(k) or set()
        for name in self.absent:
            for o in out:
                o[name] = set()
        return out
