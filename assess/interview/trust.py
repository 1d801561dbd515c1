"""During the interview: tell about a contradiction as soon as its answers are known, and ask
for the evidence or the justification a question wants. Neither ever blocks: Enter goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..answers import Answer
from ..common import Lang
from ..conditions import NA, VALUE
from ..engine.compile import CompiledRule
from ..engine.facts import resolve
from ..engine.python import Case
from ..i18n import t
from ..questionnaire import Question
from ..scoring.assessor import Assessor
from ..values import ValueProblem, read_date
from .flow import Step
from .parse import yes_no
from .store import Draft

if TYPE_CHECKING:
    from .session import Interview

__all__ = ["CheckWatcher", "evidence_note", "follow_up", "justification_note"]


class CheckWatcher:
    """Fires the consistency checks on the answers so far, through the scoring engine.

    The engine is built on the first answer that a check could be about (once the organisation
    type is known), not before: the questionnaire starts without waiting for it.
    """

    def __init__(self, build: Callable[[], Assessor]) -> None:
        self._build = build
        self._assessor: Assessor | None = None
        self._checks: dict[str, CompiledRule] | None = None
        self.announced: set[str] = set()

    def assessor(self) -> Assessor:
        if self._assessor is None:
            self._assessor = self._build()
        return self._assessor

    def checks(self) -> dict[str, CompiledRule]:
        if self._checks is None:
            compiled = self.assessor().compiled
            self._checks = {
                rid: c for d in compiled.values() for rid, c in d.rules.items() if c.rule.check
            }
        return self._checks

    def new(self, draft: Draft, question_id: str) -> list[CompiledRule]:
        """Checks that fire now, that test `question_id`, and were not told yet."""
        org_type = draft.org_type()
        if org_type is None or not self._might_matter(question_id):
            return []
        assessor = self.assessor()
        questionnaire = assessor.defs.questionnaire
        case = Case(
            resolve(draft.answers, org_type, questionnaire), org_type, draft.assessment_date
        )
        fired = {rid for ids in assessor.evaluator.fired(case).values() for rid in ids}
        self.announced &= fired  # corrected since: it may be told again if it comes back
        found = [
            c for rid, c in sorted(self.checks().items())
            if rid in fired and rid not in self.announced and question_id in c.questions
        ]  # fmt: skip
        self.announced.update(c.rule.id for c in found)
        return found

    def _might_matter(self, question_id: str) -> bool:
        if self._checks is None and question_id.split(".")[0] == "org":
            return False  # the profile comes first: no need to build the engine for it yet
        return any(question_id in c.questions for c in self.checks().values())

    def lines(self, check: CompiledRule, lang: Lang) -> list[str]:
        assert check.rule.check is not None
        return [f"⚠ {check.rule.title.get(lang)}", f"  {check.rule.check.message.get(lang)}"]

    def wants_fix(self, raw: str) -> bool:
        return yes_no(raw) is True

    def confirmation(self, raw: str) -> str | None:
        """Anything typed other than yes or no: why the answers are right, as they stand."""
        text = raw.strip()
        return None if not text or yes_no(text) is not None else text


def wants_evidence(q: Question, answer: Answer) -> bool:
    return answer.state == VALUE and q.evidence is not None and q.evidence.wanted_for(answer.value)


def evidence_note(raw: str, lang: Lang) -> str | dict[str, Any] | None:
    """`référence ; AAAA-MM-JJ` (date optional) → the file's `evidence`; None when skipped.
    Raises ValueError with the message to show when the date cannot be read."""
    text = raw.strip()
    if not text:
        return None
    ref, _, when = (part.strip() for part in text.partition(";"))
    if not when:
        return ref
    try:
        day = read_date(when)
    except ValueProblem:
        raise ValueError(t("iv_evidence_bad_date", lang, raw=when)) from None
    return {"ref": ref or when, "date": day}


def wants_justification(q: Question, answer: Answer) -> bool:
    return answer.state == NA and q.na_justification


def justification_note(raw: str) -> str | None:
    return raw.strip() or None


def _ask_evidence(iv: Interview, q: Question) -> None:
    while True:
        try:
            note = evidence_note(iv.ask(t("iv_evidence", iv.lang)), iv.lang)
        except ValueError as exc:
            iv.say(str(exc))
            continue
        break
    if note is not None:
        iv.draft.notes.setdefault(q.id, {})["evidence"] = note
        iv.save()


def _ask_justification(iv: Interview, q: Question) -> None:
    note = justification_note(iv.ask(t("iv_justification", iv.lang)))
    if note is not None:
        iv.draft.notes.setdefault(q.id, {})["comment"] = note
        iv.save()


def follow_up(iv: Interview, step: Step) -> Step | None:
    """After an answer: evidence or justification where wanted (skippable), then each
    contradiction it reveals. Returns the step to go back to when the user wants to correct."""
    q = step.question
    if q is None:
        return None
    answer = iv.draft.answers[q.id]
    notes = iv.draft.notes.get(q.id, {})
    if wants_evidence(q, answer) and "evidence" not in notes:
        _ask_evidence(iv, q)
    elif wants_justification(q, answer) and "comment" not in notes:
        _ask_justification(iv, q)
    if iv.watcher is None:
        return None
    questions = iv.questionnaire.questions()
    for check in iv.watcher.new(iv.draft, q.id):
        for line in iv.watcher.lines(check, iv.lang):
            iv.say(line)
        other = next((qid for qid in check.questions if qid != q.id), q.id)
        label = questions[other].label.get(iv.lang)
        raw = iv.ask(t("iv_check_fix", iv.lang, label=label))
        if iv.watcher.wants_fix(raw):
            return next(s for s in iv.flow.steps if s.key == other)
        why = iv.watcher.confirmation(raw)
        if why is not None:
            iv.draft.confirmed_checks[check.rule.id] = why
            iv.save()
    return None
