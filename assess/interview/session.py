"""The interview loop: show a step, read a line, act on it, save, move on.

Input and output are plain callables (`ask(prompt) -> line`, `say(text)`), so the loop does not
depend on click and can be driven by tests. `ask` raising (KeyboardInterrupt, EOFError,
click.Abort) ends the interview; since the file is saved after every answer, only the answer
being typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..answers import Answer
from ..catalog import Catalog
from ..common import Lang
from ..i18n import t
from ..questionnaire import Questionnaire
from .flow import Flow, Step
from .parse import Command, Invalid, interpret, interpret_org
from .screen import help_lines, org_default, prompt_text, step_lines
from .store import Draft, save_draft
from .trust import CheckWatcher, follow_up

__all__ = ["Ask", "Interview", "Say"]

Ask = Callable[[str], str]
Say = Callable[[str], None]


class Interview:
    def __init__(
        self,
        questionnaire: Questionnaire,
        catalog: Catalog,
        draft: Draft,
        path: Path,
        lang: Lang,
        ask: Ask,
        say: Say,
        domain: str | None = None,
        watcher: CheckWatcher | None = None,
    ) -> None:
        self.questionnaire = questionnaire
        self.catalog = catalog
        self.draft = draft
        self.path = path
        self.lang = lang
        self.ask = ask
        self.say = say
        self.flow = Flow(questionnaire, draft, domain)
        self.watcher = watcher  # consistency checks told as soon as their answers are known

    def save(self) -> None:
        save_draft(self.draft, self.path, self.questionnaire, self.flow.hidden())

    def run(self) -> None:
        """Ask every step in scope that needs it; returns when all are answered."""
        step = self.flow.start()
        if step is None:
            self.say(t("iv_all_answered", self.lang))
        while step is not None:
            step = self._step(step)

    def _step(self, step: Step) -> Step | None:
        """Ask one step until it gets an answer (→ next step) or `<` (→ previous step)."""
        for line in step_lines(self.flow, step, self.lang):
            self.say(line)
        while True:
            raw = self.ask(prompt_text(self.flow, step, self.lang))
            try:
                outcome = self._interpret(step, raw)
            except Invalid as exc:
                self.say(str(exc))
                continue
            if outcome is Command.help:
                for line in help_lines(step, self.catalog, self.lang):
                    self.say(line)
                continue
            if outcome is Command.back:
                previous = self.flow.previous(step)
                if previous is None:
                    self.say(t("iv_first_step", self.lang))
                    continue
                return previous
            confirmed = step.question is not None and step.question.id in self.draft.pending
            if outcome is not Command.keep or confirmed:
                if outcome is Command.keep:
                    self.draft.pending.discard(step.key)  # Enter confirms a carried-over answer
                else:
                    self._record(step, outcome)
                self.save()
                back = follow_up(self, step)
                if back is not None:
                    return back
            return self.flow.next(step)

    def _interpret(self, step: Step, raw: str) -> Answer | Command | str:
        if step.question is not None:
            return interpret(step.question, raw, self.lang, self.flow.has_answer(step))
        assert step.field is not None
        return interpret_org(step.field, raw, self.lang, org_default(self.flow, step))

    def _record(self, step: Step, outcome: Answer | str) -> None:
        if step.question is not None:
            assert isinstance(outcome, Answer)
            self.draft.answers[step.question.id] = outcome
            self.draft.pending.discard(step.question.id)
        else:
            assert step.field is not None and isinstance(outcome, str)
            self.draft.organisation[step.field] = outcome
