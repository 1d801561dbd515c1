from __future__ import annotations

import io
from pathlib import Path

import pytest

from assess.answers import load_answers
from assess.render.report import render_report
from assess.scoring.assessor import Assessor

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(scope="session")
def mini_assessor(mini_defs):
    return Assessor(mini_defs, "python")


@pytest.fixture(scope="session")
def mini_result(mini_assessor):
    answers = load_answers(MINI / "answers-ch.yaml", mini_assessor.defs.questionnaire)
    return mini_assessor.assess(answers)


@pytest.fixture(scope="session")
def pdf_fr(mini_result, mini_defs) -> bytes:
    return render_report(mini_result, mini_defs, lang="fr")


@pytest.fixture(scope="session")
def pdf_en(mini_result, mini_defs) -> bytes:
    return render_report(mini_result, mini_defs, lang="en")


@pytest.fixture(scope="session")
def pdf_full_fr(mini_result, mini_defs) -> bytes:
    return render_report(mini_result, mini_defs, lang="fr", part="full")


@pytest.fixture(scope="session")
def pdf_annexes_en(mini_result, mini_defs) -> bytes:
    return render_report(mini_result, mini_defs, lang="en", part="annexes")


def pdf_page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [(page.extract_text() or "").replace("\u200b", "") for page in reader.pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_page_texts(data))


def _fonts_in(resources, seen: set[int], found: set[str]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for ref in fonts.get_object().values():
            found.add(str(ref.get_object()["/BaseFont"]))
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            key = id(obj)
            if key not in seen:
                seen.add(key)
                _fonts_in(obj.get("/Resources"), seen, found)


def pdf_fonts(data: bytes) -> set[str]:
    """BaseFont names of every font used by pages and their form XObjects (e.g. SVG)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    found: set[str] = set()
    seen: set[int] = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), seen, found)
    return found


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)
