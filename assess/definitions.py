"""Load and cross-check a questionnaire, a rules directory and the reference catalogs.

Every problem found is collected, then raised together as one DefinitionError, each located as
`file:line: field: message`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .answers import parse_value
from .catalog import Catalog, load_catalog
from .common import StrictModel
from .conditions import (
    NUMERIC_OPS,
    AllModel,
    AnyModel,
    AtomModel,
    FiredModel,
    NegatedFiredError,
    NotModel,
    normalise,
)
from .errors import DefinitionError, Problem, display_path
from .numbers import number_problem
from .questionnaire import Question, Questionnaire, QuestionType, SectionKind
from .resources import data_dir
from .rule import Rule
from .source_cache import DocumentCache
from .yamlio import Document, LoadFailure, load_document, problems_from_validation

__all__ = ["Definitions", "load_definitions", "load_questionnaire", "walk_atoms"]

Loc = tuple[str | int, ...]
Reader = Callable[[Path], Document]


@dataclass
class Definitions:
    questionnaire: Questionnaire
    rules: dict[str, Rule]
    catalog: Catalog
    rules_version: str
    sources: dict[str, str] = field(default_factory=dict)  # rule ID -> file name

    def rules_of(self, domain: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.domain == domain]


def walk_atoms(cond: Any, loc: Loc) -> Iterator[tuple[Loc, AtomModel | FiredModel]]:
    """Every atom of a condition model with its location in the source document."""
    if isinstance(cond, AllModel):
        for i, c in enumerate(cond.all):
            yield from walk_atoms(c, (*loc, "all", i))
    elif isinstance(cond, AnyModel):
        for i, c in enumerate(cond.any):
            yield from walk_atoms(c, (*loc, "any", i))
    elif isinstance(cond, NotModel):
        yield from walk_atoms(cond.not_, (*loc, "not"))
    else:
        yield loc, cond


def _parse(model: type[StrictModel], doc: Document, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(doc, exc))
        return None


def load_questionnaire(path: Path) -> Questionnaire:
    problems: list[Problem] = []
    q = _load_questionnaire(path, problems, load_document)
    if problems or q is None:
        raise DefinitionError(problems)
    return q


def _load_questionnaire(path: Path, problems: list[Problem], read: Reader) -> Questionnaire | None:
    try:
        doc = read(path)
    except LoadFailure as exc:
        problems.append(exc.problem)
        return None
    questionnaire: Questionnaire | None = _parse(Questionnaire, doc, problems)
    if questionnaire is None:
        return None
    questions = questionnaire.questions()
    for si, section in enumerate(questionnaire.sections):
        for qi, question in enumerate(section.questions):
            if question.depends_on is None:
                continue
            base = ("sections", si, "questions", qi, "depends_on")
            for loc, atom in walk_atoms(question.depends_on, base):
                if isinstance(atom, FiredModel):
                    problems.append(
                        doc.problem(loc, "depends_on can only test answers, not fired rules")
                    )
                else:
                    problems.extend(_check_atom(doc, loc, atom, questions))
    return questionnaire


def _check_atom(
    doc: Document, loc: Loc, atom: AtomModel, questions: dict[str, Question]
) -> list[Problem]:
    question = questions.get(atom.q)
    if question is None:
        return [doc.problem((*loc, "q"), f"unknown question ID '{atom.q}'")]
    op = atom.op
    where = (*loc, op)
    if op in ("answered", "unanswered"):
        return []
    if question.type is QuestionType.text:
        return [
            doc.problem(where, f"'{atom.q}' is a text question: only answered/unanswered apply")
        ]
    if op in NUMERIC_OPS and not question.type.numeric:
        return [
            doc.problem(
                where,
                f"'{op}' needs a numeric or date question; '{atom.q}' is {question.type.value}",
            )
        ]
    operand = atom.operand(op)
    for value in operand if isinstance(operand, list) else [operand]:
        if question.type is QuestionType.multiple_choice:
            if value not in question.choice_ids():
                return [
                    doc.problem(
                        where,
                        f"operand for '{atom.q}': {value!r} is not among the choices {', '.join(question.choice_ids())}",
                    )
                ]
            continue
        try:
            parse_value(question, value)
        except ValueError as exc:
            return [doc.problem(where, f"operand for '{atom.q}': {exc}")]
        engine = (
            number_problem(value)
            if question.type.numeric and not isinstance(value, dt.date)
            else None
        )
        if engine is not None:  # a number the rules engine could not read back exactly
            return [doc.problem(where, f"operand for '{atom.q}': {engine}")]
        if isinstance(value, str) and value in ("unknown", "na"):
            return [doc.problem(where, f"use answered/unanswered to test for '{value}'")]
    return []


def _rule_files(rules_dir: Path) -> list[Path]:
    return sorted(p for p in rules_dir.glob("*/*.yaml") if not p.name.startswith("_"))


def _check_rule(
    rule: Rule, doc: Document, path: Path, defs_q: Questionnaire, catalog: Catalog,
    rule_ids: dict[str, str],
) -> list[Problem]:  # fmt: skip
    problems: list[Problem] = []
    sections = {s.id: s for s in defs_q.sections}
    if rule.id != path.stem:
        problems.append(
            doc.problem(("id",), f"rule ID '{rule.id}' must equal the file name '{path.stem}'")
        )
    if rule.domain != path.parent.name:
        problems.append(
            doc.problem(
                ("domain",),
                f"domain '{rule.domain}' must equal the folder name '{path.parent.name}'",
            )
        )
    section = sections.get(rule.domain)
    if section is None or section.kind is SectionKind.profile:
        problems.append(
            doc.problem(
                ("domain",),
                f"domain '{rule.domain}' is not a domain or adjacent section of the questionnaire",
            )
        )
    elif rule.gate and section.kind is not SectionKind.domain:
        problems.append(
            doc.problem(
                ("effect", "gate"),
                f"gates belong to the six scored domains; '{rule.domain}' is an adjacent section",
            )
        )
    questions = defs_q.questions()
    for loc, atom in walk_atoms(rule.when, ("when",)):
        if isinstance(atom, FiredModel):
            other = rule_ids.get(atom.fired)
            if other is None and atom.fired in rule_ids.get("", ""):
                continue  # that rule's own file failed to load and is reported already
            if other is None:
                problems.append(doc.problem((*loc, "fired"), f"unknown rule ID '{atom.fired}'"))
            elif other != rule.domain:
                problems.append(
                    doc.problem(
                        (*loc, "fired"),
                        f"'{atom.fired}' is in domain '{other}'; fired may only name rules of the same domain",
                    )
                )
            elif atom.fired == rule.id:
                problems.append(doc.problem((*loc, "fired"), "a rule cannot depend on itself"))
        else:
            problems.extend(_check_atom(doc, loc, atom, questions))
    try:
        normalise(rule.when)
    except NegatedFiredError:
        problems.append(
            doc.problem(
                ("when",), "'fired' cannot be negated (not/ne): forward chaining only adds facts"
            )
        )
    for i, sid in enumerate(rule.references.seed):
        if sid not in catalog.seed:
            problems.append(
                doc.problem(
                    ("references", "seed", i),
                    f"unknown seed catalog ID '{sid}' (see references/seed-catalog.yaml)",
                )
            )
    for i, rid in enumerate(rule.references.referentials):
        if rid not in catalog.referentials:
            problems.append(
                doc.problem(
                    ("references", "referentials", i),
                    f"unknown referential ID '{rid}' (see references/referentials.yaml)",
                )
            )
    problems.extend(_check_review(rule, doc, catalog))
    for i, example in enumerate(rule.examples):
        for qid, raw in example.answers.items():
            question = questions.get(qid)
            loc = ("examples", i, "answers", qid)
            if question is None:
                problems.append(doc.problem(loc, f"unknown question ID '{qid}'"))
                continue
            try:
                parse_value(question, raw)
            except ValueError as exc:
                problems.append(doc.problem(loc, str(exc)))
    return problems


def _check_review(rule: Rule, doc: Document, catalog: Catalog) -> list[Problem]:
    """A review cites known sources, at the date the catalog records for each text."""
    if rule.review is None:
        return []
    problems = [
        doc.problem(("review", "seed", i), f"unknown seed catalog ID '{sid}'")
        for i, sid in enumerate(rule.review.seed)
        if sid not in catalog.seed
    ]
    for i, src in enumerate(rule.review.referentials):
        ref = catalog.referentials.get(src.id)
        loc = ("review", "referentials", i)
        if ref is None:
            problems.append(doc.problem((*loc, "id"), f"unknown referential ID '{src.id}'"))
        elif ref.date != src.date:
            problems.append(
                doc.problem(
                    (*loc, "date"),
                    f"'{src.id}' is dated {ref.date} in references/referentials.yaml; "
                    "review it again and record that date",
                )
            )
    return problems


def _cycles(rules: dict[str, Rule]) -> list[str]:
    """Rule IDs on a `fired` cycle."""
    deps = {
        rid: [a.fired for _, a in walk_atoms(r.when, ()) if isinstance(a, FiredModel)]
        for rid, r in rules.items()
    }
    state: dict[str, int] = {}
    bad: list[str] = []

    def visit(rid: str) -> None:
        state[rid] = 1
        for d in deps.get(rid, []):
            if state.get(d) == 1:
                bad.append(rid)
            elif d in deps and d not in state:
                visit(d)
        state[rid] = 2

    for rid in deps:
        if rid not in state:
            visit(rid)
    return bad


def _named_checks(rules: dict[str, Rule], sources: dict[str, str]) -> list[Problem]:
    """A check must never change a level or a score, so no rule may build on one with `fired`."""
    return [
        Problem(sources[rid], None, "when", f"'{a.fired}' is a check; fired cannot name a check")
        for rid, r in rules.items()
        for _, a in walk_atoms(r.when, ())
        if isinstance(a, FiredModel) and a.fired in rules and rules[a.fired].check is not None
    ]


def load_definitions(
    rules_dir: Path | None = None,
    questionnaire_path: Path | None = None,
    references_dir: Path | None = None,
    *,
    cache: bool = True,
) -> Definitions:
    """Load everything a scoring run needs; defaults are the packaged files.

    With `cache`, files whose bytes were parsed before come from the user's cache (see
    `source_cache`); they are validated and cross-checked all the same.
    """
    rules_dir = rules_dir or data_dir("rules")
    questionnaire_path = questionnaire_path or default_questionnaire()
    references_dir = references_dir or data_dir("references")
    if not cache:
        return _load(rules_dir, questionnaire_path, references_dir, load_document)
    sources = DocumentCache.for_sources(rules_dir, questionnaire_path, references_dir)
    try:
        defs = _load(rules_dir, questionnaire_path, references_dir, sources.load)
    except DefinitionError:
        if sources.hits == 0:
            raise
        # A cached document carries no line numbers (and may have been tampered with): judge
        # the files themselves, so that every problem is located.
        sources.forget()
        defs = _load(rules_dir, questionnaire_path, references_dir, sources.load)
    sources.save()
    return defs


def _load(
    rules_dir: Path, questionnaire_path: Path, references_dir: Path, read: Reader
) -> Definitions:
    problems: list[Problem] = []
    catalog = Catalog()
    try:
        catalog = load_catalog(references_dir, read)
    except DefinitionError as exc:
        problems.extend(exc.problems)
    questionnaire = _load_questionnaire(questionnaire_path, problems, read)
    if not rules_dir.is_dir():
        problems.append(
            Problem(str(rules_dir), None, "", "rules directory not found; pass --rules-dir DIR")
        )
    files = _rule_files(rules_dir) if rules_dir.is_dir() else []
    if rules_dir.is_dir() and not files:
        problems.append(
            Problem(str(rules_dir), None, "", "no rule files found (expected <domain>/<ID>.yaml)")
        )
    parsed: list[tuple[Rule, Document, Path]] = []
    for path in files:
        try:
            doc = read(path)
        except LoadFailure as exc:
            problems.append(exc.problem)
            continue
        rule = _parse(Rule, doc, problems)
        if rule is not None:
            parsed.append((rule, doc, path))
    rules: dict[str, Rule] = {}
    sources: dict[str, str] = {}
    shown = Path(display_path(rules_dir))  # resolved once: resolving ~250 paths costs ~15 ms
    for rule, doc, path in parsed:
        if rule.id in rules:
            problems.append(
                doc.problem(("id",), f"rule ID '{rule.id}' is also used by {sources[rule.id]}")
            )
            continue
        rules[rule.id] = rule
        sources[rule.id] = str(shown / path.relative_to(rules_dir))
    if questionnaire is not None:
        domain_of = {rid: r.domain for rid, r in rules.items()}
        domain_of[""] = " ".join(p.stem for p in files)
        for rule, doc, path in parsed:
            problems.extend(_check_rule(rule, doc, path, questionnaire, catalog, domain_of))
    for rid in _cycles(rules):
        problems.append(
            Problem(
                sources[rid], None, "when", f"rule '{rid}' is part of a cycle of fired conditions"
            )
        )
    problems.extend(_named_checks(rules, sources))
    if problems or questionnaire is None:
        raise DefinitionError(problems)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return Definitions(questionnaire, rules, catalog, digest.hexdigest()[:12], sources)


def default_questionnaire() -> Path:
    found = sorted(data_dir("questionnaires").glob("*.yaml"))
    if not found:
        raise DefinitionError(
            [Problem(str(data_dir("questionnaires")), None, "", "no questionnaire found")]
        )
    return found[-1]
