"""The PDF, parsed back: section titles, organisation, levels, finding IDs, fonts."""

from __future__ import annotations

import re

import pytest

from assess.i18n import MESSAGES

from .conftest import pdf_fonts, pdf_page_texts, pdf_pages, pdf_text

SECTIONS = ["r_summary", "r_domains", "r_action_plan", "r_strengths", "r_first_actions"]
ANNEXES = [
    "r_annexes",
    "r_annex_plan",
    "r_annex_details",
    "r_annex_answers",
    "r_annex_method",
    "r_annex_coverage",
    "r_annex_sources",
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pdf_has_sections_org_levels_and_findings(lang, pdf_fr, pdf_en, mini_result):
    data = pdf_fr if lang == "fr" else pdf_en
    assert data.startswith(b"%PDF")
    text = _flat(pdf_text(data))
    for key in SECTIONS:
        assert MESSAGES[key].get(lang) in text, key
    for name in ("domain_dmp", "domain_cybersecurity", "domain_telemedicine"):
        assert MESSAGES[name].get(lang) in text
    assert mini_result.organisation.name in text
    assert mini_result.organisation.finess in text
    assert mini_result.inputs_hash in text
    assert mini_result.rules_version in text
    for finding in mini_result.all_findings():
        assert finding.title.get(lang) in text
    for key in ANNEXES:  # the executive report leaves the annexes out
        assert MESSAGES[key].get(lang) not in text, key
    dmp = mini_result.domain("dmp")
    assert f"{dmp.level}/5" in text
    target = dmp.next_level()
    assert target is not None
    assert MESSAGES["r_to_reach"].get(lang).format(n=2, title=target.title.get(lang)) in text
    gate = dmp.gates[[g.rule_id for g in dmp.gates].index("DMP-G2")]
    assert gate.title.get(lang) in text  # the gate blocking level 2, in words
    index = f"{mini_result.overall.index:.1f}"
    assert (index.replace(".", ",") if lang == "fr" else index) in text


def test_full_report_has_every_annex_and_finding_id(pdf_full_fr, mini_result):
    text = _flat(pdf_text(pdf_full_fr))
    for key in SECTIONS + ANNEXES:
        assert MESSAGES[key].fr in text, key
    for finding in mini_result.all_findings():
        assert finding.rule_id in text
    assert "DMP-G2" in text


def test_other_language_absent(pdf_en, pdf_annexes_en):
    text = _flat(pdf_text(pdf_en) + pdf_text(pdf_annexes_en))
    assert MESSAGES["r_action_plan"].fr not in text
    assert MESSAGES["r_annex_method"].fr not in text


def test_page_numbers_and_running_headers(pdf_full_fr):
    pages = [_flat(p) for p in pdf_page_texts(pdf_full_fr)]
    total = len(pages)
    assert total >= 8
    assert f"2 / {total}" in pages[1]
    assert "CH Test" in pages[1]  # running header: organisation
    assert f"{total} / {total}" in pages[-1]
    assert MESSAGES["r_annex_sources"].fr in pages[-1]  # running header: current section


def test_annexes_contents_list_page_numbers(pdf_full_fr):
    pages = [_flat(p) for p in pdf_page_texts(pdf_full_fr)]
    start = next(i for i, p in enumerate(pages) if MESSAGES["r_annex_plan"].fr in p)
    match = re.search(r"Annexe C — Réponses[ .]*(\d+)", pages[start])
    assert match, pages[start]
    assert MESSAGES["r_annex_answers"].fr in pages[int(match.group(1)) - 1]


def test_only_bundled_fonts_are_embedded(pdf_fr, pdf_en):
    for data in (pdf_fr, pdf_en):
        fonts = pdf_fonts(data)
        assert fonts, "no font found"
        assert all(re.fullmatch(r"/[A-Z]{6}\+Assess-Sans(-Bold)?", f) for f in fonts), fonts


def test_sources_annex_lists_referentials_with_dates(pdf_annexes_en, mini_defs):
    text = _flat(pdf_text(pdf_annexes_en))
    assert "Institut Montaigne" in text and "2020" in text
    for ref in mini_defs.catalog.referentials.values():  # by title, as a reader knows them
        assert _flat(ref.title.en) in text
    assert "1 June 2022" in text  # PGSSI-S-RIE-2022


def test_pdf_is_reasonably_small(pdf_fr, pdf_full_fr):
    assert len(pdf_fr) < 400_000
    assert pdf_pages(pdf_fr) <= 12
    assert pdf_pages(pdf_fr) < pdf_pages(pdf_full_fr)
