"""The bundled examples' reports, parsed back: what a director gets, page by page."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from assess.answers import load_answers
from assess.common import DOMAINS
from assess.definitions import load_definitions
from assess.i18n import MESSAGES
from assess.render.executive import MAX_ACTIONS
from assess.render.plan import action_plan
from assess.render.report import render_report
from assess.render.views import Formatter
from assess.scoring.assessor import Assessor

from .conftest import pdf_page_texts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["chu", "ch", "ehpad"]
MAX_PAGES = 12
# Words that only an English text would contain; user text in the examples is French.
ENGLISH = re.compile(
    r"\b(with|of|from|since|unverified|in force|level|gate|finding|findings|answered|"
    r"missing|Why|Recommendation|Annex|Evidence|Severity|not met)\b"
)


@cache
def _defs():
    return load_definitions()


@cache
def _result(example: str):
    defs = _defs()
    answers = load_answers(ROOT / "examples" / f"{example}-exemple.yaml", defs.questionnaire)
    return Assessor(defs, "python").assess(answers)


@cache
def _pages(example: str, lang: str, part: str) -> tuple[str, ...]:
    data = render_report(_result(example), _defs(), lang=lang, part=part)  # type: ignore[arg-type]
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
    # the summary fits on page 1; the "to check before sharing" block, when there is one, opens it
    summary_pages = 2 if MESSAGES["checks_title"].get(lang) in pages[0] else 1
    assert any(MESSAGES["r_first_actions"].get(lang) in p for p in pages[:summary_pages])
    assert f"1 / {len(pages)}" in pages[0]


@pytest.mark.parametrize("example", EXAMPLES)
def test_french_reports_contain_no_english(example):
    for part in ("executive", "annexes"):
        for number, page in enumerate(_pages(example, "fr", part), 1):
            words = ENGLISH.findall(page)
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
    plan = action_plan(result, Formatter(lang, _defs()))  # type: ignore[arg-type]
    for item in plan:
        assert not item.action.startswith(("Satisfaire la condition", "Meet the gate"))
        assert not item.action.startswith(("Mettre en place :", "Put in place:")), item.rule_id
        if item.outcome:
            domain = result.domain(item.domain_id)
            nxt = domain.next_level()
            assert nxt is not None and set(nxt.blocking) == {item.rule_id}
    text = " ".join(_pages(example, lang, "executive"))
    rest = len(plan) - MAX_ACTIONS
    if rest > 0:
        assert MESSAGES["r_more_actions"].get(lang).format(n=rest) in text
    html = render_report(result, _defs(), lang=lang, fmt="html").decode()  # type: ignore[arg-type]
    assert html.count('<tr class="action ') == min(len(plan), MAX_ACTIONS)
