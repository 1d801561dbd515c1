"""The interactive questionnaire behind `assess questionnaire`.

* `parse`   — typed text → answer, organisation field or command (`?`, `<`, Enter)
* `flow`    — which steps apply (applies_to, depends_on), order, navigation, progress
* `store`   — the answers file: atomic write after every answer, lenient reading to resume
* `screen`  — what a step looks like: progress line, choices, expected form, help
* `session` — the loop over ask/say callables; the CLI supplies click prompts
"""

from __future__ import annotations

from .flow import Flow, Step
from .session import Interview
from .store import Draft, load_draft, new_draft, save_draft

__all__ = ["Draft", "Flow", "Interview", "Step", "load_draft", "new_draft", "save_draft"]
