"""Layout logic, checked on the parsed HTML (not byte for byte)."""

from __future__ import annotations

import pytest
import tinyhtml5

from assess.render.report import render_report


def _doc(result, defs, lang="fr"):
    html = render_report(result, defs, lang=lang, fmt="html").decode()
    return html, tinyhtml5.parse(html, namespace_html_elements=False)


def _by_class(root, cls):
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def _text(e) -> str:
    return " ".join("".join(e.itertext()).split())


@pytest.fixture(scope="module")
def doc(mini_result, mini_defs):
    return _doc(mini_result, mini_defs)


def test_document_skeleton(doc):
    html, root = doc
    assert root.get("lang") == "fr"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    order = [
        "cover",
        "contents",
        "summary",
        "domains",
        "domain-interoperability",
        "domain-dmp",
        "domain-telemedicine",
        "cross-cutting",
        "action-plan",
        "annexes",
        "annex-answers",
        "annex-method",
        "annex-coverage",
        "annex-sources",
    ]
    positions = [ids.index(i) for i in order]
    assert positions == sorted(positions)
    # HTML output stands alone: fonts are inlined, nothing points at the disk
    assert "file:" not in html
    assert "data:font/ttf;base64," in html


def test_toc_links_every_section(doc):
    _, root = doc
    toc = next(e for e in root.iter() if e.get("id") == "contents")
    targets = [a.get("href") for a in toc.iter("a")]
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert targets and all(t.startswith("#") and t[1:] in ids for t in targets)


def test_domain_sections(doc, mini_result):
    _, root = doc
    sections = {e.get("data-domain"): e for e in _by_class(root, "domain") if e.get("data-domain")}
    assert list(sections) == [d.domain for d in mini_result.domains]
    dmp = sections["dmp"]
    assert dmp.get("data-level") == "1"
    blocking = [tr.get("data-rule") for tr in _by_class(dmp, "gate")]
    assert blocking == ["DMP-G2"]
    findings = [a.get("data-rule") for a in _by_class(dmp, "finding")]
    assert findings == ["DMP-001"]
    assert "na" in sections["telemedicine"].get("class").split()
    assert "B1.2" in _text(dmp)  # related report item of the finding


def test_summary_lists(doc, mini_result):
    _, root = doc
    urgent = _by_class(root, "urgent")[0]
    rules = [li.get("data-rule") for li in urgent.iter("li")]
    assert rules[0] == "CYB-001"  # critical first
    assert len(rules) <= 5
    strengths = _by_class(root, "strengths")[0]
    assert [li.get("data-ref") for li in strengths.iter("li")] == ["dmp"]
    svg = next(e for e in root.iter() if str(e.tag).endswith("svg"))
    assert svg.get("font-family") == "Assess Sans"
    assert not any(str(e.tag).endswith("script") for e in svg.iter())


def test_action_plan_order(doc):
    _, root = doc
    rows = _by_class(root, "action")
    severities = [r.find(".//span").get("class").split()[-1] for r in rows]
    order = ["sev-critical", "sev-high", "sev-medium", "sev-low", "sev-info"]
    assert [order.index(s) for s in severities] == sorted(order.index(s) for s in severities)
    # the gate CYB-G1 rests on the same question as CYB-001: fixing the finding unlocks it
    cyb = next(r for r in rows if r.get("data-rule") == "CYB-001")
    assert "CYB-G1" in _text(cyb)
    assert not any(r.get("data-rule") == "CYB-G1" for r in rows)


def test_answers_annex_has_every_question(doc, mini_defs):
    _, root = doc
    annex = next(e for e in root.iter() if e.get("id") == "annex-answers")
    shown = {tr.get("data-question") for tr in annex.iter("tr") if tr.get("data-question")}
    assert shown == set(mini_defs.questionnaire.questions())
    row = next(
        tr for tr in annex.iter("tr") if tr.get("data-question") == "governance.budget_share"
    )
    assert "Budget 2025" in _text(row) and "CA 2025" in _text(row)


def test_coverage_annex(doc):
    _, root = doc
    rows = {
        tr.get("data-item"): tr
        for tr in _by_class(root, "coverage")[0].iter("tr")
        if tr.get("data-item")
    }
    assert "CYB-001" in _text(rows["B1.2"])
    assert "uncovered" in rows["P1"].get("class")


def test_english_labels(mini_result, mini_defs):
    html, root = _doc(mini_result, mini_defs, "en")
    assert root.get("lang") == "en"
    assert "Action plan" in html and "Plan d'action" not in html
