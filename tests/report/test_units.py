"""Coverage, radar, brand file, i18n."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.common import Text
from assess.coverage import coverage
from assess.errors import DefinitionError
from assess.i18n import MESSAGES
from assess.render.brand import load_brand
from assess.render.radar import Axis, radar_svg

PNG = b"\x89PNG\r\n\x1a\n" + bytes.fromhex(
    "0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def test_coverage_lists_rules_per_seed_item(mini_defs):
    rows = {r.item.id: r for r in coverage(mini_defs)}
    assert {r.item.kind for r in rows.values()} == {"proposal", "measure", "barrier"}
    assert "V1" not in rows
    assert rows["B1.2"].rules == ("CYB-001", "CYB-G1", "DMP-001") or "CYB-001" in rows["B1.2"].rules
    assert rows["B1"].rules == () and "CYB-001" in rows["B1"].via_children and rows["B1"].covered
    cited = {sid for r in mini_defs.rules.values() for sid in r.references.seed}
    assert {sid for sid, r in rows.items() if r.rules} == cited & set(rows)


def test_radar_escapes_labels_and_has_six_axes():
    axes = [Axis(f"<b>{i}</b>", i % 6, i != 3) for i in range(6)]
    svg = str(radar_svg(axes, "#123456"))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert svg.count("<line ") == 6
    assert 'font-family="Assess Sans"' in svg
    assert "n/a" in svg


def test_every_message_has_both_languages():
    for key, text in MESSAGES.items():
        assert isinstance(text, Text) and text.fr.strip() and text.en.strip(), key


def _write(
    tmp_path: Path, body: str, logo: bytes | None = PNG, logo_name: str = "logo.png"
) -> Path:
    if logo is not None:
        (tmp_path / logo_name).write_bytes(logo)
    path = tmp_path / "brand.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_brand_ok(tmp_path):
    brand = load_brand(
        _write(
            tmp_path, 'name: ACME\nlogo: logo.png\nprimary_color: "#aa0011"\nfooter: Confidentiel\n'
        )
    )
    assert brand.logo == (tmp_path / "logo.png").resolve()
    assert brand.primary_color == "#AA0011" and brand.root == tmp_path.resolve()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('primary_color: "red"\n', "brand.yaml:1: primary_color: 'red' is not a colour"),
        ('primary_color: "#12345"\n', "#RRGGBB"),
        ("name: A\ncolour: x\n", "brand.yaml:2: colour: unknown field"),
        ("logo: ../outside.png\n", "brand.yaml:1: logo: logo '../outside.png' must be inside"),
        ("logo: /etc/passwd\n", "must be a PNG, JPEG or SVG"),
        ("logo: missing.png\n", "not found"),
        ("logo: fake.png\n", "is not a valid PNG file"),
    ],
)
def test_brand_errors(tmp_path, body, message):
    (tmp_path / "fake.png").write_bytes(b"GIF89a")
    (tmp_path.parent / "outside.png").write_bytes(PNG)
    with pytest.raises(DefinitionError) as exc:
        load_brand(_write(tmp_path, body, logo=None))
    assert message in str(exc.value)


@pytest.mark.parametrize(
    ("colour", "on_primary", "adjusted"),
    [("#1F4E79", "#FFFFFF", False), ("#FFD400", "#000000", True), ("#8A1538", "#FFFFFF", False),
     ("#777777", "#000000", True), ("#FFFFFF", "#000000", True)],
)  # fmt: skip
def test_brand_colours_are_made_readable(colour, on_primary, adjusted):
    from assess.render.colour import MIN_CONTRAST, contrast, palette

    p = palette(colour)
    assert p.on_primary == on_primary
    assert contrast(p.primary, p.on_primary) >= MIN_CONTRAST  # text on the band
    assert contrast(p.ink, "#FFFFFF") >= MIN_CONTRAST  # headings on white
    assert p.adjusted is adjusted
    assert (p.ink == colour) is (contrast(colour, "#FFFFFF") >= MIN_CONTRAST)


def test_contrast_ratios_match_wcag():
    from assess.render.colour import contrast

    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#1F4E79", "#FFFFFF") == pytest.approx(8.66, abs=0.01)


def test_contrast_warning_is_in_the_user_language():
    from assess.render.colour import contrast_warning, palette

    fr = contrast_warning(palette("#FFD400"), "fr")
    en = contrast_warning(palette("#FFD400"), "en")
    assert fr is not None and "4,5:1" in fr and "noir" in fr and "#FFD400" in fr
    assert en is not None and "4.5:1" in en and "black" in en
    assert contrast_warning(palette("#1F4E79"), "fr") is None


def test_every_departement_has_a_name():
    from assess.geo import DEPARTEMENT_NAMES, DEPARTEMENTS

    assert set(DEPARTEMENT_NAMES) == DEPARTEMENTS
    assert DEPARTEMENT_NAMES["2A"] == "Corse-du-Sud" and DEPARTEMENT_NAMES["974"] == "La Réunion"
