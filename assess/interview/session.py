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
from ..conditions import NA, UNKNOWN
from ..i18n import t, tn
from ..questionnaire import Questionnaire
from . import messages as _messages  # noqa: F401  (registers the messages)
from .flow import ORGANISATION, Flow, Step
from .parse import Command, Confirm, Invalid, interpret, interpret_org, yes_no
from .screen import answer_text, help_lines, org_default, prompt_text, step_lines
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
        save_draft(self.draft, self.path, self.questionnaire, self.flow.hidden(), self.lang)

    def run(self) -> None:
        """Ask every step in scope that needs it; returns when all are answered."""
        step = self.flow.start()
        if step is None:
            self.say(t("iv_all_answered", self.lang))
        while step is not None:
            following = self._step(step)
            if following is None or following.section != step.section:
                self._recap(step)
            step = following

    def _recap(self, step: Step) -> None:
        """One line at the end of a section: how many questions, answers, unknowns."""
        if step.section == ORGANISATION:
            return
        steps = [s for s in self.flow.in_scope() if s.section == step.section]
        answers = [self.draft.answers[s.key] for s in steps if s.key in self.draft.answers]
        unknown = sum(1 for a in answers if a.state == UNKNOWN)
        lang = self.lang
        self.say(t(
            "iv_section_recap", lang, section=self.flow.section_title(step.section, lang),
            questions=tn("iv_questions", len(steps), lang), answers=tn("iv_answers", len(answers), lang),
            unknowns=tn("iv_unknowns", unknown, lang),
        ))  # fmt: skip

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
            if isinstance(outcome, Confirm):
                outcome = self._confirm(step, raw, outcome)
            confirmed = step.question is not None and step.question.id in self.draft.pending
            if outcome is not Command.keep or confirmed:
                if outcome is Command.keep:
                    self.draft.pending.discard(step.key)  # Enter confirms a carried-over answer
                else:
                    self._record(step, outcome)
                self.save()
                self._acknowledge(outcome)
                back = follow_up(self, step)
                if back is not None:
                    return back
            return self.flow.next(step)

    def _confirm(self, step: Step, raw: str, doubt: Confirm) -> Answer:
        """« 0,65 » for a percentage: 65 % or 0,65 %? Enter means the likely one."""
        assert step.question is not None
        question = t(
            "iv_confirm_percent", self.lang, raw=raw.strip(),
            alt=answer_text(step.question, doubt.likely, self.lang).removesuffix(" %").removesuffix("%"),
            value=answer_text(step.question, doubt.typed, self.lang).removesuffix(" %").removesuffix("%"),
        )  # fmt: skip
        while True:
            reply = self.ask(question + t("iv_yes_no_default_yes", self.lang))
            choice = yes_no(reply) if reply.strip() else True
            if choice is not None:
                return doubt.likely if choice else doubt.typed

    def _acknowledge(self, outcome: Answer | str) -> None:
        if isinstance(outcome, Answer) and outcome.state == UNKNOWN:
            self.say(t("iv_saved_unknown", self.lang))
        elif isinstance(outcome, Answer) and outcome.state == NA:
            self.say(t("iv_saved_na", self.lang))

    def _interpret(self, step: Step, raw: str) -> Answer | Command | Confirm | str:
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
