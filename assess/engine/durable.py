"""The durable-rules adapter: the only module that imports the engine.

durable-rules' documented API (`durable.lang`, `engine.Host`) runs actions on background
threads, swallows exceptions and caps sessions at 1,024. This adapter talks to the C extension
directly and synchronously instead: one ruleset per domain, one session reused forever; assert
the facts, complete every activation (asserting derived facts for forward chaining), then read
and retract every fact so the session is empty for the next organisation.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import durable_rules_engine as dre

from ..errors import EngineError
from ..questionnaire import QuestionType
from .compile import CompiledDomain
from .facts import context_fact, domain_facts
from .python import Case

__all__ = ["DurableEvaluator"]

_SID = "s"
_names = itertools.count()


class _Session:
    def __init__(self, domain: CompiledDomain) -> None:
        self.domain = domain
        try:
            self.handle = dre.create_ruleset(
                f"assess-{domain.domain}-{next(_names)}", json.dumps(domain.ruleset)
            )
        except Exception as exc:  # the C extension raises bare Exceptions with an error code
            raise EngineError(
                f"durable-rules refused the '{domain.domain}' rule set: {exc}"
            ) from exc

    def run(self, facts: list[dict[str, Any]]) -> set[str]:
        if not facts:
            return set()  # nothing can match; and asserting an empty batch crashes the C extension
        payload = json.dumps([dict(f, sid=_SID) for f in facts])
        derived: list[str] = []
        fired: set[str] = set()
        error: Exception | None = None
        try:
            # Code 1 (some fact matched no rule) is normal here; the others were stored.
            _code, offset = dre.assert_facts(self.handle, payload)
            started = dre.start_action_for_state(self.handle, offset)
            message = started[1] if started else None
            while message:
                # Complete every activation even after an error: abandoning one corrupts the session.
                name = message[2 : message.index('"', 2)]
                rule_id = name.split("#", 1)[0]
                if error is None and rule_id not in fired:
                    fired.add(rule_id)
                    if rule_id in self.domain.derived:
                        fact = json.dumps({"t": "r", "r": rule_id, "sid": _SID})
                        try:
                            dre.assert_fact(self.handle, fact)
                            derived.append(fact)
                        except Exception as exc:
                            error = exc
                message = dre.complete_and_start_action(self.handle, offset)
        except Exception as exc:
            error = exc
        finally:
            self._empty(payload, derived)
        if error is not None:
            raise EngineError(
                f"durable-rules failed on domain '{self.domain.domain}': {error}"
            ) from error
        return fired

    def _empty(self, _payload: str, _derived: list[str]) -> None:
        """Retract every fact the engine kept. Retracting what it never stored (a fact that
        matched no rule) crashes the C extension, so ask it rather than replay the payload."""
        remaining = dre.get_facts(self.handle, _SID)
        if remaining.strip() not in ("[]", ""):
            dre.retract_facts(self.handle, remaining)


class DurableEvaluator:
    """Fires the compiled rules of every domain through durable-rules."""

    name = "durable-rules"

    def __init__(self, domains: dict[str, CompiledDomain], qtypes: dict[str, QuestionType]) -> None:
        self.domains = domains
        self.qtypes = qtypes
        self.sessions = {d: _Session(c) for d, c in domains.items() if c.ruleset}

    def fired(self, case: Case) -> dict[str, set[str]]:
        context = context_fact(case.org_type, case.as_of)
        out: dict[str, set[str]] = {}
        for name, domain in self.domains.items():
            session = self.sessions.get(name)
            if session is None:
                out[name] = set()
                continue
            facts = domain_facts(
                domain.questions, domain.choices, case.resolved, self.qtypes, domain.state_tested
            )
            if domain.uses_context:
                facts.append(context)
            out[name] = session.run(facts)
        return out
