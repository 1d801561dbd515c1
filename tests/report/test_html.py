"""Layout logic, checked on the parsed HTML (not byte for byte)."""

from __future__ import annotations

import pytest
import tinyhtml5

from assess.render.report import render_report


def _doc(result, defs, lang="fr", part="executive"):
    html = render_report(result, defs, lang=lang, fmt="html", part=part).decode()
    return html, tinyhtml5.parse(html, namespace_html_elements=False)


def _by_class(root, cls):
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def _text(e) -> str:
    return " ".join("".join(e.itertext()).split())


EXECUTIVE = [
    "cover",
    "summary",
    "domains",
    "domain-interoperability",
    "domain-dmp",
    "domain-telemedicine",
    "cross-cutting",
    "action-plan",
]
ANNEXES = [
    "annexes",
    "contents",
    "annex-plan",
    "annex-details",
    "annex-answers",
    "annex-method",
    "annex-coverage",
    "annex-sources",
]


@pytest.fixture(scope="module")
def doc(mini_result, mini_defs):
    return _doc(mini_result, mini_defs)


@pytest.fixture(scope="module")
def full(mini_result, mini_defs):
    return _doc(mini_result, mini_defs, part="full")


def _ids(root) -> list[str]:
    return [e.get("id") for e in root.iter() if e.get("id")]


@pytest.mark.parametrize(
    ("part", "expected"),
    [("executive", EXECUTIVE), ("annexes", ["cover", *ANNEXES]), ("full", EXECUTIVE + ANNEXES)],
)
def test_document_skeleton(part, expected, mini_result, mini_defs):
    html, root = _doc(mini_result, mini_defs, part=part)
    assert root.get("lang") == "fr"
    ids = _ids(root)
    positions = [ids.index(i) for i in expected]
    assert positions == sorted(positions)
    left_out = set(EXECUTIVE + ANNEXES) - set(expected) - {"cover"}
    assert not left_out & set(ids)
    # HTML output stands alone: fonts are inlined, nothing points at the disk
    assert "file:" not in html
    assert "data:font/ttf;base64," in html


def test_toc_links_every_annex(full):
    _, root = full
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
    blocking = [li.get("data-rule") for li in _by_class(dmp, "blockers")[0].iter("li")]
    assert blocking == ["DMP-G2"]
    assert "Pour atteindre le niveau 2" in _text(dmp)
    findings = [a.get("data-rule") for a in _by_class(dmp, "finding")]
    assert findings == ["DMP-001"]
    assert "na" in sections["telemedicine"].get("class").split()


def test_domain_details_in_annex(full):
    _, root = full
    dmp = next(e for e in _by_class(root, "detail") if e.get("data-domain") == "dmp")
    assert "B1.2" in _text(dmp)  # related report item of the finding
    gates = [tr.get("data-rule") for tr in _by_class(dmp, "gate")]
    assert "DMP-G2" in gates


def test_summary_lists(doc, mini_result):
    _, root = doc
    first = _by_class(root, "first-actions")[0]
    rules = [li.get("data-rule") for li in first.iter("li")]
    assert rules[0] == "CYB-001"  # critical first
    assert len(rules) <= 5
    strengths = _by_class(root, "strengths")[0]
    assert [e.get("data-ref") for e in strengths.iter("span") if e.get("data-ref")] == ["dmp"]
    svg = next(e for e in root.iter() if str(e.tag).endswith("svg"))
    assert svg.get("font-family") == "Assess Sans"
    assert not any(str(e.tag).endswith("script") for e in svg.iter())


def test_action_plan_order(doc):
    _, root = doc
    rows = _by_class(root, "action")
    severities = [r.find(".//span").get("class").split()[-1] for r in rows]
    order = ["sev-critical", "sev-high", "sev-medium", "sev-low", "sev-info"]
    assert [order.index(s) for s in severities] == sorted(order.index(s) for s in severities)
    # the gate CYB-G1 rests on the same question as CYB-001: the finding's action covers it
    assert any(r.get("data-rule") == "CYB-001" for r in rows)
    assert not any(r.get("data-rule") == "CYB-G1" for r in rows)
    # every action is a sentence to act on, never the bare gate
    assert not any("Satisfaire la condition" in _text(r) for r in rows)


def test_answers_annex_has_every_question(full, mini_defs):
    _, root = full
    annex = next(e for e in root.iter() if e.get("id") == "annex-answers")
    shown = {tr.get("data-question") for tr in annex.iter("tr") if tr.get("data-question")}
    assert shown == set(mini_defs.questionnaire.questions())
    row = next(
        tr for tr in annex.iter("tr") if tr.get("data-question") == "governance.budget_share"
    )
    assert "Budget 2025" in _text(row) and "CA 2025" in _text(row)


def test_coverage_annex(full):
    _, root = full
    rows = {
        tr.get("data-item"): tr
        for tr in _by_class(root, "coverage")[0].iter("tr")
        if tr.get("data-item")
    }
    # rules counted by domain, not listed by ID (the mini rule set: two cyber rules, one DMP)
    assert "Cybersécurité (2), Alimentation du DMP (1)" in _text(rows["B1.2"])
    assert "CYB-001" not in _text(rows["B1.2"])
    assert "uncovered" in rows["P1"].get("class")


def test_english_labels(mini_result, mini_defs):
    html, root = _doc(mini_result, mini_defs, "en")
    assert root.get("lang") == "en"
    assert "Action plan" in html and "Plan d'action" not in html
