"""Hostile inputs render as text; templates cannot reach the network or other files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tinyhtml5

from assess.answers import load_answers
from assess.errors import RenderError
from assess.render.brand import Brand
from assess.render.report import render_report

from .conftest import MINI, pdf_fonts, pdf_text

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src="file:///etc/passwd">',
    "<style>@import url(http://evil.example/x.css);</style>",
    "background: url(http://evil.example/track.png)",
    "مستشفى الجامعة — בית חולים",  # right-to-left
    "Hôpital 🏥👩‍⚕️ ✓",  # emoji
]


def _answers(tmp_path: Path, name: str, comment: str, other: str | None = None) -> Path:
    other = comment if other is None else other
    data = {
        "questionnaire": {"id": "mini", "version": "1"},
        "organisation": {
            "name": name,
            "finess": "750712184",
            "type": "ch",
            "region": "11",
            "departement": "75",
        },
        "assessment_date": "2026-03-01",
        "answers": {
            "dmp.feeds": "yes",
            "dmp.letter_share": {"value": 45, "comment": comment, "evidence": comment},
            "cybersecurity.mfa": {"value": "no", "comment": other},
            "governance.budget_share": {"value": 1.8, "comment": other, "evidence": "CA 2025"},
        },
    }
    path = tmp_path / "answers.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def assess_file(mini_assessor):
    def run(path: Path):
        return mini_assessor.assess(load_answers(path, mini_assessor.defs.questionnaire))

    return run


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_plain_text_in_html(tmp_path, text, assess_file, mini_defs):
    result = assess_file(_answers(tmp_path, text, text))
    html = render_report(result, mini_defs, fmt="html", part="full").decode()
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    tags = {str(e.tag) for e in root.iter()}
    assert "script" not in tags and "img" not in tags
    assert [e for e in root.iter("style")] and len(list(root.iter("style"))) == 1
    assert "evil.example" not in "".join(s.text or "" for s in root.iter("style"))
    title = next(e for e in root.iter() if "org-name" in (e.get("class") or ""))
    assert "".join(title.itertext()).strip() == text


def test_hostile_pdf_builds_and_shows_text(tmp_path, assess_file, mini_defs):
    name = " ".join(HOSTILE)
    result = assess_file(
        _answers(tmp_path, name, "<script>alert(1)</script> url(http://evil.example/)")
    )
    pdf = render_report(result, mini_defs, lang="fr", part="full")  # comments are in the annexes
    text = pdf_text(pdf)
    assert "<script>alert('x')</script>" in text
    assert "file:///etc/passwd" in text
    assert "url(http://evil.example/)" in re.sub(r"\s+", "", text) or "evil.example" in text


def test_very_long_name(tmp_path, assess_file, mini_defs):
    name = "Centre hospitalier " + "A" * 9_981
    assert len(name) == 10_000
    result = assess_file(_answers(tmp_path, name, "x" * 10_000, other="court"))
    pdf = render_report(result, mini_defs, lang="en", part="full")
    text = re.sub(r"\s+", "", pdf_text(pdf))
    assert "Centrehospitalier" + "A" * 50 in text
    assert text.count("A" * 9_000) >= 1 or len(text) > 10_000
    # running headers are shortened
    html = render_report(result, mini_defs, lang="en", fmt="html").decode()
    assert "<title>E-health readiness report — Centre hospitalier AAAA" in html
    assert "…</title>" in html


def test_hostile_input_embeds_no_font_outside_the_bundle_for_latin(
    tmp_path, assess_file, mini_defs
):
    result = assess_file(_answers(tmp_path, "<b>Clinique « Les Œillets » — 12 €</b>", "<i>ok</i>"))
    fonts = pdf_fonts(render_report(result, mini_defs))
    assert all("Assess-Sans" in f for f in fonts), fonts


ATTACKS = {
    "passwd_img": '<img src="file:///etc/passwd">',
    "http_img": '<img src="http://example.com/x.png">',
    "https_css": "<style>@import url(https://example.com/x.css);</style>",
    "css_url": '<div style="background: url(http://example.com/t.png)">x</div>',
    "attachment": '<a rel="attachment" href="file:///etc/hostname">x</a>',
    "relative_escape": '<link rel="stylesheet" href="../../../../../../etc/passwd">',
    "svg_image": '<svg width="10" height="10"><image href="file:///etc/passwd" width="10" height="10"/></svg>',
    "font_face": "<style>@font-face { font-family: X; src: url(http://example.com/f.ttf); } body { font-family: X; }</style>",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_template_dir_cannot_escape_the_sandbox(tmp_path, name, mini_result, mini_defs):
    (tmp_path / "report.html").write_text(
        '{% extends "default:report.html" %}{% block head %}' + ATTACKS[name] + "{% endblock %}",
        encoding="utf-8",
    )
    with pytest.raises(RenderError, match="n'est pas permis"):
        render_report(mini_result, mini_defs, template_dir=tmp_path)


def test_symlink_out_of_template_dir_is_blocked(tmp_path, mini_result, mini_defs):
    (tmp_path / "leak.txt").symlink_to("/etc/hostname")
    (tmp_path / "report.html").write_text(
        '{% extends "default:report.html" %}{% block head %}<a rel="attachment" href="leak.txt">x</a>{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(RenderError, match="n'est pas permis"):
        render_report(mini_result, mini_defs, template_dir=tmp_path)


def test_user_template_overrides_and_extends(tmp_path, mini_result, mini_defs):
    (tmp_path / "_toc.html").write_text(
        '<nav id="contents"><p class="custom-toc">TOC maison</p></nav>', encoding="utf-8"
    )
    (tmp_path / "img.png").write_bytes(
        (MINI.parent.parent / "report" / "conftest.py").read_bytes()[:0] or b""
    )
    html = render_report(
        mini_result, mini_defs, fmt="html", template_dir=tmp_path, part="full"
    ).decode()
    assert "TOC maison" in html
    pdf = render_report(mini_result, mini_defs, template_dir=tmp_path, part="annexes")
    assert "TOC maison" in pdf_text(pdf)


def test_template_errors_are_render_errors(tmp_path, mini_result, mini_defs):
    (tmp_path / "report.html").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_variable"):
        render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path)
    (tmp_path / "report.html").write_text("ok\n{% if %}", encoding="utf-8")
    with pytest.raises(RenderError) as info:
        render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path)
    where = f"{tmp_path / 'report.html'}:2"
    assert str(info.value) == (
        f"Erreur dans le gabarit ({where}) : Expected an expression, got 'end of statement block' ; "
        "corriger le gabarit (--template-dir)."
    )
    assert info.value.text("en") == (
        f"Template error ({where}): Expected an expression, got 'end of statement block'; "
        "fix the template (--template-dir)."
    )


def test_svg_logo_cannot_reach_files(tmp_path, mini_result, mini_defs):
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<image href="file:///etc/passwd" width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    brand = Brand(name="X", logo=logo, logo_type="image/svg+xml", root=tmp_path)
    with pytest.raises(RenderError) as info:
        render_report(mini_result, mini_defs, brand=brand)
    assert str(info.value) == (
        "Le rapport a voulu charger 1 ressource(s) hors des dossiers de gabarits et de marque, ce "
        "qui n'est pas permis (ni réseau, ni autres fichiers) : file:///etc/passwd. Copier ces "
        "fichiers dans le dossier de gabarits ou de marque."
    )
    assert info.value.text("en") == (
        "The report tried to load 1 resource(s) outside the template and brand directories, which "
        "is not allowed (no network, no other files): file:///etc/passwd. Copy these files into "
        "the template or brand directory."
    )


def test_user_stylesheet_cannot_reach_the_network(tmp_path, mini_result, mini_defs):
    (tmp_path / "print.css").write_text(
        '{% include "default:print.css" %}\n@import url(http://example.com/x.css);\n'
        "body { background: url(file:///etc/passwd); }",
        encoding="utf-8",
    )
    with pytest.raises(RenderError, match="n'est pas permis"):
        render_report(mini_result, mini_defs, template_dir=tmp_path)
