"""The answers file of an interview in progress: written atomically after every answer.

The file has the format `assess score` reads (`assess.answers.AnswersFile`): questionnaire
{id, version}, organisation {name, finess, type, region, departement}, assessment_date and
answers. Skipped questions are written as `unknown` so that a resumed interview does not ask them
again. Until the organisation profile is complete the file lacks some organisation fields; it is
readable by `--resume` but not yet by `assess score`.

An entry that `--resume` cannot use (`org.beds: {value: "520 lits", comment: …}`, a mistyped
question ID) is never lost: its comment and evidence are kept for the next answer to that
question, and the entry itself is set aside at the end of a YAML file, as comments that
`assess score` does not read, until the question is answered again.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..answers import Answer, QuestionnaireRef
from ..atomic import write_atomic
from ..common import Lang, OrgType
from ..conditions import NA, UNKNOWN
from ..errors import AnswersError, Problem, display_path
from ..i18n import t
from ..questionnaire import Question, Questionnaire
from ..values import ValueProblem, read_answer
from ..yamlio import LoadFailure, load_document
from .parse import ORG_FIELDS, Invalid, org_value

__all__ = ["Draft", "load_draft", "new_draft", "save_draft", "write_atomic"]


@dataclass
class Draft:
    """Everything answered so far. `notes` keeps comments and evidence found in a resumed file."""

    questionnaire: QuestionnaireRef
    assessment_date: dt.date
    organisation: dict[str, str] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)  # evidence may be {ref, date}
    pending: set[str] = field(default_factory=set)  # carried over, still to confirm
    confirmed_checks: dict[str, str] = field(default_factory=dict)  # check ID -> why
    set_aside: dict[str, Any] = field(default_factory=dict)  # "answers.<qid>" → entry as found

    def kept(self) -> dict[str, Any]:
        """Set-aside entries still waiting: an answered question's old entry is dropped."""
        return {
            key: raw
            for key, raw in self.set_aside.items()
            if not (key.startswith("answers.") and key.removeprefix("answers.") in self.answers)
            and not (
                key.startswith("organisation.")
                and key.removeprefix("organisation.") in self.organisation
            )
        }

    def org_type(self) -> OrgType | None:
        value = self.organisation.get("type")
        return OrgType(value) if value else None

    def answered(self) -> int:
        """Answers given or confirmed (carried-over answers still to confirm do not count)."""
        return sum(1 for q in self.answers if q not in self.pending)

    def to_data(
        self, questionnaire: Questionnaire, hidden: Set[str] = frozenset()
    ) -> dict[str, Any]:
        """The file's content; answers in questionnaire order, none for hidden questions."""
        answers: dict[str, Any] = {}
        for qid, q in questionnaire.questions().items():
            if qid in self.answers and qid not in hidden:
                value = _file_value(q, self.answers[qid])
                notes: dict[str, Any] = dict(self.notes.get(qid, {}))
                if qid in self.pending:
                    notes["to_confirm"] = True
                answers[qid] = {"value": value, **notes} if notes else value
        return {
            "questionnaire": {"id": self.questionnaire.id, "version": self.questionnaire.version},
            "organisation": {k: self.organisation[k] for k in ORG_FIELDS if k in self.organisation},
            "assessment_date": self.assessment_date,
            "answers": answers,
            **({"confirmed_checks": dict(self.confirmed_checks)} if self.confirmed_checks else {}),
        }


def new_draft(questionnaire: Questionnaire, assessment_date: dt.date) -> Draft:
    return Draft(
        QuestionnaireRef(id=questionnaire.id, version=questionnaire.version), assessment_date
    )


def _file_value(q: Question, answer: Answer) -> Any:
    if answer.state == UNKNOWN:
        return "unknown"
    if answer.state == NA:
        return "na"
    if isinstance(answer.value, frozenset):
        return [c for c in q.choice_ids() if c in answer.value]
    return answer.value


# --- Writing --------------------------------------------------------------------------------------


def save_draft(
    draft: Draft, path: Path, questionnaire: Questionnaire, hidden: Set[str] = frozenset(),
    lang: Lang = "fr",
) -> None:  # fmt: skip
    data = draft.to_data(questionnaire, hidden)
    if path.suffix.lower() == ".json":
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    else:
        text = _yaml_text(data, path, lang) + _set_aside_text(draft.kept())
    write_atomic(path, text)


SET_ASIDE_MARK = "# --- mis de côté / set aside"


def _set_aside_text(kept: dict[str, Any]) -> str:
    """Entries that could not be used, as comments (one JSON line each) that `score` ignores."""
    if not kept:
        return ""
    lines = [
        f"{SET_ASIDE_MARK}: entrées illisibles gardées jusqu'à une nouvelle réponse / "
        "unreadable entries kept until answered again"
    ]
    lines += [
        f"# {key} = {json.dumps(raw, ensure_ascii=False, default=_json_default)}"
        for key, raw in kept.items()
    ]
    return "\n".join(lines) + "\n"


def _read_set_aside(path: Path) -> dict[str, Any]:
    """The set-aside block a previous save wrote at the end of the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    _, mark, block = text.partition(SET_ASIDE_MARK)
    found: dict[str, Any] = {}
    for line in block.splitlines()[1:] if mark else ():
        key, sep, raw = line.removeprefix("# ").partition(" = ")
        if sep:
            try:
                found[key] = json.loads(raw)
            except ValueError:
                found[key] = raw
    return found


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _yaml_node(value: Any) -> Any:
    """Strings are double-quoted, so `yes`, `no`, `na` or `011` read back the same in any YAML."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _yaml_node(item)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_yaml_node(v) for v in value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    return value


def _yaml_text(data: dict[str, Any], path: Path, lang: Lang) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    root = _existing(yaml, path)
    if root is None:
        root = _yaml_node(data)
        resume = f"assess questionnaire --resume {display_path(path)}"
        if lang == "en":
            resume += " --lang en"
        root.yaml_set_start_comment(t("iv_file_header", lang, resume=resume))
    else:
        _merge(root, data)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def _existing(yaml: YAML, path: Path) -> CommentedMap | None:
    """The file as it is, with the comments someone wrote in it, if it can be read back."""
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"))
    except Exception:  # absent or unreadable: written afresh
        return None
    return loaded if isinstance(loaded, CommentedMap) else None


def _merge(node: CommentedMap, data: dict[str, Any]) -> None:
    """Update `node` in place to hold `data`: comments on kept keys survive."""
    for key in [k for k in node if k not in data]:
        del node[key]
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(node.get(key), CommentedMap):
            _merge(node[key], value)
        elif key not in node or _plain(node[key]) != value:
            node[key] = _yaml_node(value)


def _plain(value: Any) -> Any:
    if isinstance(value, CommentedMap):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, CommentedSeq):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


# --- Reading (resume) -----------------------------------------------------------------------------


def load_draft(path: Path, questionnaire: Questionnaire, lang: Lang) -> tuple[Draft, list[str]]:
    """Read a file to resume. Unusable entries are dropped (and asked again) with a warning."""
    try:
        data = load_document(path, lang).data
    except LoadFailure as exc:
        raise AnswersError([exc.problem]) from exc
    name = display_path(path)
    if not isinstance(data, dict):
        raise AnswersError([Problem(name, None, "", t("iv_not_answers", lang, path=name))])
    ref = _mapping(data.get("questionnaire"))
    found = str(ref.get("id", questionnaire.id))
    if found != questionnaire.id:
        message = t(
            "iv_wrong_questionnaire", lang, path=name, found=found, expected=questionnaire.id
        )
        raise AnswersError([Problem(name, None, "questionnaire.id", message)])
    warnings: list[str] = []
    old = str(ref.get("version", questionnaire.version))
    if old != questionnaire.version:
        warnings.append(
            t("iv_version_changed", lang, path=name, old=old, new=questionnaire.version)
        )
    date = data.get("assessment_date")
    draft = new_draft(questionnaire, date if isinstance(date, dt.date) else dt.date.today())
    draft.set_aside = _read_set_aside(path)
    org = _mapping(data.get("organisation"))
    for key in ORG_FIELDS:
        if org.get(key) is not None:
            try:
                draft.organisation[key] = org_value(key, org[key], lang)
            except Invalid as exc:
                draft.set_aside[f"organisation.{key}"] = org[key]
                warnings.append(
                    t("iv_dropped", lang, path=name, entry=f"organisation.{key}", reason=exc)
                )
    confirmed = _mapping(data.get("confirmed_checks"))
    draft.confirmed_checks = {k: str(v) for k, v in confirmed.items() if str(v or "").strip()}
    answers = _mapping(data.get("answers"))
    questions = questionnaire.questions()
    for qid, raw in answers.items():
        problem = _load_answer(draft, questions.get(str(qid)), str(qid), raw, lang)
        if problem:
            draft.set_aside[f"answers.{qid}"] = raw
            warnings.append(
                t("iv_dropped", lang, path=name, entry=f"answers.{qid}", reason=problem)
            )
    for key, raw in draft.set_aside.items():  # notes of set-aside entries go to the next answer
        qid = key.removeprefix("answers.")
        if key.startswith("answers.") and qid not in draft.answers:
            _keep_notes(draft, qid, raw)
    return draft, warnings


def _note(value: Any) -> Any:
    """Comments are text; dated evidence ({ref, date, expires}) is kept as it was written."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if k in ("ref", "date", "expires")}
    return str(value)


def _keep_notes(draft: Draft, qid: str, raw: Any) -> None:
    if isinstance(raw, dict):
        notes = {k: _note(raw[k]) for k in ("comment", "evidence") if raw.get(k) is not None}
        if notes:
            draft.notes.setdefault(qid, notes)


def _mapping(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _load_answer(draft: Draft, q: Question | None, qid: str, raw: Any, lang: Lang) -> str | None:
    if q is None:
        return t("iv_unknown_question", lang)
    value = raw.get("value") if isinstance(raw, dict) else raw
    try:
        draft.answers[qid] = read_answer(q, value).answer
    except ValueProblem as exc:
        return exc.text(lang)
    _keep_notes(draft, qid, raw)
    if isinstance(raw, dict) and raw.get("to_confirm") is True:
        draft.pending.add(qid)
    return None
