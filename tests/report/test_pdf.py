"""The PDF, parsed back: section titles, organisation, levels, finding IDs, fonts."""

from __future__ import annotations

import re

import pytest

from assess.i18n import MESSAGES

from .conftest import pdf_fonts, pdf_pages, pdf_text

SECTIONS = [
    "r_contents",
    "r_summary",
    "r_domains",
    "r_action_plan",
    "r_annexes",
    "r_annex_answers",
    "r_annex_method",
    "r_annex_coverage",
    "r_annex_sources",
    "r_strengths",
    "r_urgent",
    "r_next_steps",
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
        assert finding.rule_id in text
        assert finding.title.get(lang) in text
    dmp = mini_result.domain("dmp")
    level_word = "Niveau atteint" if lang == "fr" else "Level reached"
    del level_word  # the level is shown as N/5 next to each domain
    assert f"{dmp.level}/5" in text
    why = MESSAGES["r_why_not_next"].get(lang).format(n=dmp.level + 1)
    assert why in text
    assert "DMP-G2" in text  # the gate blocking level 2, with its answer
    index = f"{mini_result.overall.index:.1f}"
    assert (index.replace(".", ",") if lang == "fr" else index) in text


def test_other_language_absent(pdf_en):
    text = _flat(pdf_text(pdf_en))
    assert MESSAGES["r_action_plan"].fr not in text
    assert MESSAGES["r_annex_method"].fr not in text


def test_page_numbers_and_running_headers(pdf_fr):
    from io import BytesIO

    from pypdf import PdfReader

    pages = PdfReader(BytesIO(pdf_fr)).pages
    total = len(pages)
    assert total >= 8
    second = _flat(pages[1].extract_text())
    assert f"2 / {total}" in second
    assert "CH Test" in second  # running header: organisation
    last = _flat(pages[-1].extract_text())
    assert f"{total} / {total}" in last
    assert MESSAGES["r_annex_sources"].fr in last  # running header: current section


def test_toc_lists_page_numbers(pdf_fr):
    from io import BytesIO

    from pypdf import PdfReader

    toc = _flat(PdfReader(BytesIO(pdf_fr)).pages[1].extract_text())
    assert MESSAGES["r_contents"].fr in toc
    assert re.search(r"Plan d'action[ .]*\d+", toc)


def test_only_bundled_fonts_are_embedded(pdf_fr, pdf_en):
    for data in (pdf_fr, pdf_en):
        fonts = pdf_fonts(data)
        assert fonts, "no font found"
        assert all(re.fullmatch(r"/[A-Z]{6}\+Assess-Sans(-Bold)?", f) for f in fonts), fonts


def test_sources_annex_lists_referentials_with_dates(pdf_en, mini_defs):
    text = _flat(pdf_text(pdf_en))
    assert "Institut Montaigne" in text and "2020" in text
    for ref in mini_defs.catalog.referentials.values():
        assert ref.id in text.replace(" ", "") or ref.id in text
    assert "1 June 2022" in text  # PGSSI-S-RIE-2022


def test_pdf_is_reasonably_small(pdf_fr):
    assert len(pdf_fr) < 400_000
    assert pdf_pages(pdf_fr) < 40
