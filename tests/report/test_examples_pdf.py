"""The bundled examples' reports, parsed back: what a director gets, page by page."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from assess.answers import load_answers
from assess.common import DOMAINS, SEVERITY_ORDER, Severity
from assess.definitions import load_definitions
from assess.i18n import MESSAGES
from assess.progress.changes import apply_changes
from assess.progress.plan_steps import report_steps
from assess.progress.roadmap import answer_changes
from assess.render.executive import MAX_ACTIONS
from assess.render.plan import action_plan, first_actions
from assess.render.report import render_report
from assess.render.views import Formatter
from assess.scoring.assessor import Assessor

from .conftest import pdf_page_texts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["chu-exemple", "ch-exemple", "ehpad-exemple", "clinique-a-verifier"]
MAX_PAGES = 12
# Words that only an English text would contain; user text in the examples is French.
ENGLISH = re.compile(
    r"\b(the|and|with|of|from|since|unverified|in force|level|gate|finding|findings|answered|"
    r"missing|Why|Recommendation|Annex|Evidence|Severity|not met)\b"
)


URL = re.compile(r"https?://\S+")


@cache
def _defs():
    return load_definitions()


@cache
def _assessor() -> Assessor:
    return Assessor(_defs(), "python")


@cache
def _answers(example: str):
    return load_answers(ROOT / "examples" / f"{example}.yaml", _defs().questionnaire)


@cache
def _result(example: str):
    return _assessor().assess(_answers(example))


@cache
def _steps(example: str):
    """The roadmap's steps, computed once per example as `assess report` does."""
    return tuple(report_steps(_assessor(), _answers(example)))


def _plan(example: str, lang: str):
    return action_plan(_result(example), Formatter(lang, _defs()), _steps(example))  # type: ignore[arg-type]


@cache
def _pages(example: str, lang: str, part: str) -> tuple[str, ...]:
    data = render_report(
        _result(example),
        _defs(),
        lang=lang,
        part=part,
        steps=_steps(example),  # type: ignore[arg-type]
    )
    return tuple(re.sub(r"\s+", " ", p) for p in pdf_page_texts(data))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_executive_report_is_short_and_complete(example, lang):
    pages = _pages(example, lang, "executive")
    assert len(pages) <= MAX_PAGES, f"{example} {lang}: {len(pages)} pages"
    text = " ".join(pages)
    result = _result(example)
    assert result.organisation.name in text
    for domain in DOMAINS:
        assert MESSAGES[f"domain_{domain}"].get(lang) in text, domain
    # the summary holds on page 1: index, radar caption, and each of the five actions
    assert MESSAGES["r_radar_caption"].get(lang) in pages[0]
    assert MESSAGES["r_first_actions"].get(lang) in pages[0]
    first = first_actions(_plan(example, lang))
    assert len(first) == 5
    for item in first:
        head = " ".join(item.action.split()[:4])
        assert head in pages[0], f"{example} {lang}: action {item.rank} not on page 1"
    assert f"1 / {len(pages)}" in pages[0]


@pytest.mark.parametrize("example", EXAMPLES)
def test_french_reports_contain_no_english(example):
    for part in ("executive", "annexes"):
        for number, page in enumerate(_pages(example, "fr", part), 1):
            words = ENGLISH.findall(URL.sub("", page))  # a source's address is not text
            assert not words, f"{example} {part} page {number}: {words}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_answer_rows_do_not_split_across_pages(example):
    """In the answers annex each row sits on one page: its question's first words and its ID."""
    pages = _pages(example, "fr", "annexes")
    start = next(
        i for i, p in enumerate(pages) if p.count(MESSAGES["r_annex_answers"].fr) and i > 0
    )
    end = next(i for i, p in enumerate(pages) if i > start and MESSAGES["r_annex_method"].fr in p)
    questions = _defs().questionnaire.questions()
    checked = 0
    for page in pages[start : end + 1]:
        for qid in re.findall(r"\b([a-z_]+\.[a-z_0-9]+)\b", page):
            if qid in questions:
                head = " ".join(questions[qid].label.fr.split()[:3])
                assert head in page, f"{example}: row {qid} split from its question"
                checked += 1
    assert checked >= len(_result(example).answers) * 0.9


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_actions_are_sentences_that_claim_no_level_they_miss(example, lang):
    result = _result(example)
    plan = _plan(example, lang)
    stepped = {s.domain for s in _steps(example)}
    for item in plan:
        if item.kind != "step" and item.domain_id in stepped:
            assert not item.outcome, (item.rule_id, item.outcome)  # the steps speak for it
        assert not item.action.startswith(("Satisfaire la condition", "Meet the gate"))
        assert not item.action.startswith(("Mettre en place :", "Put in place:")), item.rule_id
        if item.outcome and item.kind != "step":
            domain = result.domain(item.domain_id)
            nxt = domain.next_level()
            assert nxt is not None and set(nxt.blocking) == {item.rule_id}
    text = " ".join(_pages(example, lang, "executive"))
    rest = len(plan) - MAX_ACTIONS
    if rest > 0:
        assert MESSAGES["r_more_actions"].get(lang).format(n=rest) in text
    html = render_report(
        result,
        _defs(),
        lang=lang,
        fmt="html",
        steps=_steps(example),  # type: ignore[arg-type]
    ).decode()
    assert html.count('<tr class="action ') == min(len(plan), MAX_ACTIONS)
    annexes = " ".join(_pages(example, lang, "annexes"))
    last = plan[-1].action.split()[:5]
    assert " ".join(last) in annexes, "the annexes list every action"


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_step_effect_is_what_re_scoring_gives(example):
    """Each step's claim, checked by a fresh Assessor on the answers with the steps so far."""
    steps = _steps(example)
    assert steps, example
    answers = _answers(example)
    fresh = Assessor(_defs(), "python")
    before = fresh.evaluate(answers)
    applied = []
    for step in steps:
        applied += answer_changes(step.changes)
        now = fresh.evaluate(apply_changes(answers, applied))
        assert (step.index_before, step.index_after) == (before.index, now.index)
        moved = {d: (before.domains[d].level, n.level) for d, n in now.domains.items()}
        claimed = {m.domain: (m.before, m.after) for m in step.moves}
        assert claimed == {d: lv for d, lv in moved.items() if lv[0] != lv[1]}
        before = now
    for step in steps:  # each group's last step brings its domain to the target level
        end = steps[step.group_end]
        assert end.domain == step.domain
        assert any(m.domain == step.domain and m.after >= step.target_level for m in end.moves)


CH_PLAN = [
    (1, "CYB-G3A", "Effet mesuré : indice +0,5 (25,3 → 25,8) · Cybersécurité niveau 3 une fois l'action 2 faite"),
    (2, "CYB-G3B", "Effet mesuré : Cybersécurité niveau 2 → 3 · indice +0,6 (25,8 → 26,4)"),
    (3, "HDS-G2A", "Effet mesuré : Hébergement HDS niveau 1 → 2 · indice +0,5 (26,4 → 26,9)"),
    (4, "DMP-004", ""),
    (5, "CYB-029", ""),
    (6, "TLM-G3B", "Effet mesuré : indice +2,3 (26,9 → 29,2) · Télémédecine niveau 3 une fois l'action 7 faite"),
    (7, "TLM-G3C", "Effet mesuré : Télémédecine niveau 2 → 3 · indice +2,4 (29,2 → 31,6)"),
    (8, "INT-G3A", "Effet mesuré : indice +1,1 (31,6 → 32,7) · Interopérabilité niveau 3 une fois l'action 10 faite"),
    (9, "INT-G3B", "Effet mesuré : indice +1,1 (32,7 → 33,8) · Interopérabilité niveau 3 une fois l'action 10 faite"),
    (10, "INT-G3D", "Effet mesuré : Interopérabilité niveau 2 → 3 · indice +1,0 (33,8 → 34,8)"),
    (11, "DMP-G3A", "Effet mesuré : Alimentation du DMP niveau 2 → 3 · indice +0,7 (34,8 → 35,5)"),
    (12, "HDS-010", ""),
]  # fmt: skip


def test_ch_plan_follows_the_roadmap():
    """The CH's plan: steps by severity of what they resolve, the critical-free findings between."""
    plan = _plan("ch-exemple", "fr")
    assert [(a.rank, a.rule_id, a.outcome) for a in plan[: len(CH_PLAN)]] == CH_PLAN
    step = plan[0]
    assert step.action == (
        "Fixer les objectifs de reprise (durée d'interruption et perte de données admissibles) "
        "et tester une restauration."
    )
    assert step.targets == (
        "Quelles garanties s'appliquent aux sauvegardes des applications critiques ? "
        "+ Restauration testée dans les 12 derniers mois",
    )
    assert step.severity == "high"  # the finding it resolves (restore never tested) is high
    assert "« Restauration des sauvegardes non testée »" in step.why
    assert step.brief == "indice +0,5 · niveau 3 avec l'action 2"
    # the MSSanté steps (low) come after the medium findings, still in the full plan
    mss = [a for a in plan if a.kind == "step" and a.domain_id == "mssante"]
    assert [a.rule_id for a in mss] == ["MSS-G4A", "MSS-G4B", "MSS-G4C"]
    assert mss[-1].outcome.startswith("Effet mesuré : MSSanté niveau 3 → 4")


def test_an_open_question_step_says_its_effect_holds_for_the_answer_aimed_at():
    plan = _plan("ehpad-exemple", "fr")
    step = next(a for a in plan if a.rule_id == "TLM-G1B")
    assert step.action == (
        "Répondre aux questions restées sans réponse : "
        "« Qui héberge les données de l'outil de télémédecine principal ? »."
    )
    assert step.outcome.startswith("Si la réponse est celle visée : Télémédecine niveau 0 → 1")
    assert step.targets[0].endswith(
        "inconnu → La structure elle-même, sur son propre système d'information"
    )


def test_without_steps_the_plan_goes_by_severity():
    plan = action_plan(_result("ch-exemple"), Formatter("fr", _defs()))
    assert all(a.kind != "step" for a in plan)
    order = [SEVERITY_ORDER[Severity(a.severity)] for a in plan]
    assert order == sorted(order)
