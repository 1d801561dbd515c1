"""The regional summary's two variants: internal (organisations named) and public (none named,
small groups suppressed with secondary suppression); its title, numbers and labels."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from assess.batch.disclosure import GroupStats, hidden_cells
from assess.batch.pool import Scored
from assess.batch.render import summary_html
from assess.batch.summary import RegionalSummary, SummaryBuilder
from assess.cli import cli
from assess.common import DOMAINS
from assess.render.filters import number
from tests.batch.conftest import batch, csv_text, finess, row, write
from tests.conftest import MINI_ARGS

DMP, TLM = DOMAINS.index("dmp"), DOMAINS.index("telemedicine")


def _record(i: int, kind: str, index: float, dmp: int | None = 1, **fields: object) -> dict:
    record = {
        "finess": finess(100 + i), "name": f"Organisation {i}", "type": kind, "region": "84",
        "departement": "69", "overall_index": index, "assessment_date": dt.date(2026, 3, 1 + i % 12),
    }  # fmt: skip
    record |= {f"{d}_level": 2 for d in DOMAINS} | {"dmp_level": dmp}
    return record | fields


def _build(
    defs, records: list[dict], public: bool, findings: tuple[str, ...] = ()
) -> RegionalSummary:
    builder = SummaryBuilder(defs)
    for i, record in enumerate(records):
        builder.add(Scored(i + 1, i + 2, record, findings))
    return builder.build(public=public)


def _recovered_mean(summary: RegionalSummary, published: list[str]) -> float:
    """What a reader computes for the groups not shown: the total minus the rows shown."""
    rows = [g for g in summary.by_type if g.key in published]
    rest = summary.organisations - sum(g.count for g in rows)
    index_sum = summary.organisations * summary.mean_index - sum(
        g.count * g.mean_index for g in rows
    )
    return index_sum / rest


def test_a_small_group_cannot_be_recovered_from_the_total(mini_defs):
    # 10 CH, 6 ESMS, 3 clinics: the 3 clinics are the small group
    kinds = ["ch"] * 10 + ["esms"] * 6 + ["clinique"] * 3
    index = {"ch": 50.0, "esms": 40.0, "clinique": 10.0}
    records = [_record(i, k, index[k]) for i, k in enumerate(kinds)]
    internal = _build(mini_defs, records, public=False)
    assert [(g.key, g.count, g.mean_index) for g in internal.by_type] == [
        ("ch", 10, 50.0), ("clinique", 3, 10.0), ("esms", 6, 40.0),
    ]  # fmt: skip
    # primary suppression alone (hide the clinics, show CH and ESMS) gives the clinics away
    assert _recovered_mean(internal, ["ch", "esms"]) == pytest.approx(10.0, abs=0.5)
    public = _build(mini_defs, records, public=True)
    assert [(g.key, g.count) for g in public.by_type] == [("ch", 10)]
    assert public.suppressed_types == 9  # ESMS hidden too (secondary suppression)
    assert _recovered_mean(public, ["ch"]) == pytest.approx(30.0, abs=0.5)  # the 9 together
    assert public.by_departement[0].key == "69" and public.suppressed_departements == 0


def test_a_mean_over_few_organisations_is_suppressed_with_a_second_cell(mini_defs):
    # the DMP applies to only 3 of the 10 CH: their DMP mean is a mean of 3
    kinds = ["ch"] * 10 + ["esms"] * 8 + ["clinique"] * 6
    dmp = {"ch": 4, "esms": 1, "clinique": 2}
    records = [
        _record(i, k, 50.0, None if k == "ch" and i >= 3 else dmp[k]) for i, k in enumerate(kinds)
    ]
    internal = _build(mini_defs, records, public=False)
    means = {g.key: g.mean_levels[DMP] for g in internal.by_type}
    assert means == {"ch": 4.0, "clinique": 2.0, "esms": 1.0}
    # with the CH cell alone hidden, the DMP distribution (printed) gives it back
    levels = internal.levels["dmp"]
    dmp_sum = sum(level * n for level, n in enumerate(levels[:6]))
    assert (dmp_sum - 8 * means["esms"] - 6 * means["clinique"]) / 3 == 4.0
    public = _build(mini_defs, records, public=True)
    cells = {g.key: (g.hidden, g.mean_levels[DMP], g.mean_levels[TLM]) for g in public.by_type}
    assert cells == {
        "ch": (("dmp",), None, 2.0),
        "clinique": (("dmp",), None, 2.0),  # the smallest other cell: secondary suppression
        "esms": ((), 1.0, 2.0),
    }


def test_a_public_summary_of_fewer_than_five_publishes_no_figure(mini_defs):
    records = [_record(i, "ch", 20.0 + 10 * i, dmp=i) for i in range(4)]
    public = _build(mini_defs, records, public=True, findings=("CYB-001",))
    assert public.withheld and public.organisations == 4
    assert (public.levels, public.findings, public.by_type, public.by_departement) == (
        {},
        [],
        [],
        [],
    )
    assert public.mean_index == 0.0 and public.grades == {} and public.heatmap == []
    fr, en = summary_html(public, "fr"), summary_html(public, "en")
    assert (
        "Moins de 5 organisations notées : la version publique ne publie aucun chiffre, qui "
        "décrirait ce petit groupe. La version interne les donne."
    ) in fr
    assert "Fewer than 5 organisations scored: the public version publishes no figure" in en
    assert "indice moyen" not in fr and "Organisation 1" not in fr
    internal = _build(mini_defs, records, public=False, findings=("CYB-001",))
    assert not internal.withheld and internal.mean_index == 35.0
    assert "indice moyen : <strong>35,0</strong> / 100" in summary_html(internal, "fr")
    five = _build(mini_defs, [*records, _record(4, "ch", 30.0)], public=True)
    assert not five.withheld and five.mean_index == 34.0


@pytest.mark.parametrize("public", [False, True])
def test_a_summary_of_no_organisation_says_so_in_one_line(mini_defs, public):
    summary = SummaryBuilder(mini_defs).build(rejected=3, public=public)
    assert summary.withheld and summary.organisations == 0 and summary.levels == {}
    fr, en = summary_html(summary, "fr"), summary_html(summary, "en")
    assert (
        "Aucune organisation notée : corriger les lignes rejetées (liste complète avec "
        "--errors FICHIER), puis relancer."
    ) in fr
    assert "No organisation scored: fix the rejected rows" in en
    assert "indice moyen" not in fr and "Moins de 5" not in fr


def test_the_public_summary_lists_no_finding_of_fewer_than_five(mini_defs):
    builder = SummaryBuilder(mini_defs)
    for i in range(8):
        found = ("CYB-001",) if i < 4 else ("CYB-001", "GOV-001") if i < 5 else ("GOV-001",)
        builder.add(Scored(i + 1, i + 2, _record(i, "ch", 40.0), found))
    internal, public = builder.build(public=False), builder.build(public=True)
    assert [(f.rule_id, f.count) for f in internal.findings] == [("CYB-001", 5), ("GOV-001", 4)]
    assert [(f.rule_id, f.count) for f in public.findings] == [("CYB-001", 5)]
    assert (
        "Les constats et contrôles relevés chez moins de 5 organisations ne sont pas listés."
        in (summary_html(public, "fr"))
    )


def test_the_public_summary_shows_no_progression_of_fewer_than_five():
    from assess.batch.summary import _progression
    from assess.progress.campaign import Progression

    def progression(matched: int) -> Progression:
        moves = {d: [[0] * 6 for _ in range(6)] for d in DOMAINS}
        zero = dict.fromkeys(DOMAINS, 0)
        return Progression(matched, 0, 0, 1.5, moves, zero, zero, [])

    assert _progression(progression(4), public=True) is None
    assert _progression(progression(4), public=False) == progression(4)
    assert _progression(progression(5), public=True) == progression(5)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "--summary : la synthèse s'écrit dans un fichier (.pdf, .html ou .json), pas sur la "
               "sortie standard (-) ; donner un nom de fichier."),
        ("en", "--summary: the summary is written to a file (.pdf, .html or .json), not to "
               "standard output (-); give a file name."),
    ],
)  # fmt: skip
def test_the_summary_cannot_go_to_standard_output(tmp_path, lang, expected):
    source = write(tmp_path, csv_text([row()]))
    res = CliRunner().invoke(
        cli, ["batch", str(source), "--summary", "-", "--lang", lang, *MINI_ARGS]
    )
    assert res.exit_code == 2 and expected in " ".join(res.output.split())


def test_a_small_part_of_the_remainder_is_covered_too():
    def stats(n: int, applicable: int) -> GroupStats:
        g = GroupStats()
        for i in range(n):
            g.add(50.0, [2 if i < applicable else None] * len(DOMAINS))
        return g

    shown = {"a": stats(10, 10), "b": stats(7, 7), "c": stats(9, 9)}
    remainder = stats(6, 2)  # merged small groups: only 2 of them in every domain
    assert hidden_cells(shown, remainder) == {"b": frozenset(range(len(DOMAINS)))}
    assert hidden_cells(shown, stats(6, 6)) == {}


def _campaign(tmp_path: Path, names: list[str], *args: str) -> Path:
    """Two campaigns of the same organisations (the second with --previous); return the folder."""
    first, second = tmp_path / "2025", tmp_path / "2026"
    first.mkdir(), second.mkdir()
    kinds = ["ch", "ch", "ch", "ch", "ch", "esms", "esms", "clinique"]
    rows = [
        row(finess(i), n, type=k, assessment_date="2025-03-01")
        for i, (n, k) in enumerate(zip(names, kinds, strict=True))
    ]
    batch(write(first, csv_text(rows)), first)
    rows = [
        row(finess(i), n, type=k, assessment_date=f"2026-03-{i + 2:02d}")
        for i, (n, k) in enumerate(zip(names, kinds, strict=True))
    ]
    rows[0] = row(finess(0), names[0], dmp__feeds="no", assessment_date="2026-03-02")  # regresses
    runner = CliRunner()
    source = write(second, csv_text(rows))
    for name, extra in (("internal", ()), ("public", ("--public",))):
        for suffix in ("pdf", "json"):
            res = runner.invoke(cli, [
                "batch", str(source), "-j", "1", "-o", str(second / "out.csv"), "--previous", str(first / "out.csv"),
                "--summary", str(second / f"{name}.{suffix}"), *extra, *args, *MINI_ARGS,
            ])  # fmt: skip
            assert res.exit_code == 0, res.output
    return second


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_public_summary_names_no_organisation(tmp_path, lang):
    names = [f"Hôpital Zéphyrin {c}" for c in "ABCDEFGH"]
    folder = _campaign(tmp_path, names, "--lang", lang)
    codes = [finess(i) for i in range(8)]
    internal, public = _pdf_text(folder / "internal.pdf"), _pdf_text(folder / "public.pdf")
    assert all(name in internal for name in names) and all(code in internal for code in codes)
    regressed = {"fr": "Organisations en recul", "en": "Organisations that regressed"}[lang]
    assert regressed in internal and regressed not in public
    assert "Zéphyrin" not in public and not any(code in public for code in codes)
    text = (folder / "public.json").read_text(encoding="utf-8")
    assert "Zéphyrin" not in text and not any(code in text for code in codes)
    data = json.loads(text)
    assert data["public"] is True and data["progression"]["regressed"] == []
    assert data["progression"]["regressed_count"]["dmp"] == 1  # counts stay, names go
    assert "Zéphyrin" in (folder / "internal.json").read_text(encoding="utf-8")
    first_page = {
        "fr": ("Version publique, diffusable.", "Version interne, réservée à l'ARS."),
        "en": ("Public version, for publication.", "Internal version, for the ARS only."),
    }[lang]
    assert first_page[0] in _first_page(folder / "public.pdf")
    assert first_page[1] in _first_page(folder / "internal.pdf")


def _first_page(path: Path) -> str:
    return PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()


def test_title_has_the_region_and_the_data_dates(mini_defs):
    records = [_record(i, "ch", 40.0 + i / 3) for i in range(12)]
    summary = _build(mini_defs, records, public=False)
    html = summary_html(summary, "fr")
    assert (
        "<h1>Synthèse régionale de maturité e-santé — Auvergne-Rhône-Alpes"
        '<span class="when">données du 1er au 12 mars 2026</span></h1>'
    ) in html
    assert (
        "<title>Synthèse régionale de maturité e-santé — Auvergne-Rhône-Alpes — données du 1er au 12 mars 2026</title>"
        in html
    )
    assert '<span class="when">data from 1 to 12 March 2026</span>' in summary_html(summary, "en")
    one_day = _build(mini_defs, [_record(2, "ch", 40.0)], public=False)
    assert '<span class="when">données du 3 mars 2026</span>' in summary_html(one_day, "fr")
    months = [
        _record(0, "ch", 40.0, assessment_date=dt.date(2026, 2, 27), region="11"),
        _record(1, "ch", 40.0),
    ]
    two = summary_html(_build(mini_defs, months, public=False), "fr")
    assert (
        '— Auvergne-Rhône-Alpes, Île-de-France<span class="when">données du 27 février au 2 mars 2026</span>'
        in two
    )


def test_numbers_have_a_decimal_comma_in_french_only(mini_defs):
    records = [_record(i, "ch", 40.0 + i / 3, dmp=i % 6) for i in range(12)]
    summary = _build(mini_defs, records, public=False, findings=("CYB-001",))
    fr, en = summary_html(summary, "fr"), summary_html(summary, "en")
    assert "indice moyen : <strong>41,8</strong> / 100" in fr
    assert "mean index: <strong>41.8</strong> / 100" in en
    assert '<td class="num">12 (100\u202f%)</td>' in fr and '<td class="num">12 (100%)</td>' in en
    assert '<td class="num">2,5</td>' in fr and '<td class="num">2.5</td>' in en  # DMP mean of CH
    assert '<td class="num">40,3</td>' in fr and '<td class="num">40.3</td>' in en  # heat map
    assert "41.8" not in fr and "41,8" not in en


@pytest.mark.parametrize(
    ("value", "options", "fr", "en"),
    [
        (9.14, {}, "9,1", "9.1"),
        (20.0, {}, "20,0", "20.0"),
        (12, {}, "12", "12"),
        (100000, {}, "100\u202f000", "100,000"),
        (1234.56, {"digits": 2}, "1\u202f234,56", "1,234.56"),
        (-2.5, {"sign": True}, "-2,5", "-2.5"),
        (0.0, {"sign": True}, "+0,0", "+0.0"),
        (0.674, {"digits": 0, "percent": True}, "67\u202f%", "67%"),
        (None, {}, "–", "–"),
    ],
)
def test_number_format(value, options, fr, en):
    assert (number(value, "fr", **options), number(value, "en", **options)) == (fr, en)


def test_sections_and_types_are_named_by_their_labels(shipped_defs):
    records = [_record(i, kind, 30.0) for i, kind in enumerate(["ch", "esms", "clinique"] * 2)]
    summary = _build(shipped_defs, records, public=False, findings=("GOV-004", "EPR-006"))
    for lang, labels in (
        (
            "fr",
            (
                "Gouvernance, budget et données",
                "Prescription électronique",
                "Centre hospitalier",
                "69 Rhône",
                "69 — Rhône",
            ),
        ),
        (
            "en",
            (
                "Governance, budget and data",
                "E-prescription",
                "General hospital",
                "69 Rhône",
                "69 — Rhône",
            ),
        ),
    ):
        html = summary_html(summary, lang)
        assert all(label in html for label in labels), lang
        for ident in ("governance", "eprescription", "esms", "clinique", "ch"):
            assert f">{ident}<" not in html


def test_public_needs_a_summary(tmp_path):
    source = write(tmp_path, csv_text([row()]))
    res = CliRunner().invoke(cli, ["batch", str(source), "--public", *MINI_ARGS])
    assert res.exit_code == 2
    assert (
        "--public choisit la version de la synthèse : ajouter --summary FICHIER.pdf" in res.output
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "Erreur : --summary : donner un nom de fichier en .pdf, .html ou .json, pas « s.txt ».",
        ),
        ("en", "Error: --summary: give a .pdf, .html or .json file name, not “s.txt”."),
    ],
)
def test_a_summary_name_of_another_format_is_refused(tmp_path, lang, expected):
    source = write(tmp_path, csv_text([row()]))
    args = ["batch", str(source), "--summary", str(tmp_path / "s.txt"), "--lang", lang]
    res = CliRunner().invoke(cli, [*args, *MINI_ARGS])
    assert res.exit_code == 1 and expected in res.output
    assert not (tmp_path / "s.txt").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "9,1 · 1 234 · 1er mars 2026"), ("en", "9.1 · 1,234 · 1 March 2026")],
)
def test_the_report_sandbox_formats_numbers_in_the_template_language(lang, expected):
    from assess.render.html import environment

    template = environment(None).from_string("{{ x | num }} · {{ n | num }} · {{ d | day }}")
    text = template.render(x=9.14, n=1234, d=dt.date(2026, 3, 1), lang=lang)
    assert text == expected.replace("1 234", "1\u202f234")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_table_stays_inside_the_page_margins(shipped_defs, lang):
    from weasyprint import HTML  # laid out here to measure the boxes, as the PDF is

    name = "Centre hospitalier intercommunal Alpes-Isère de Saint-Égrève et de Voiron"
    records = [
        _record(i, kind, 30.0 + i, departement="04", name=name)
        for i, kind in enumerate(["chu", "esms", "centre_sante"] * 10)
    ]
    summary = _build(shipped_defs, records, public=False, findings=("GOV-004", "EPR-006"))
    pages = HTML(string=summary_html(summary, lang)).render().pages
    for number_, page in enumerate(pages, 1):
        box = page._page_box
        right = box.margin_width() - box.margin_right  # the content's right edge
        content = [c for c in box.children if type(c).__name__ != "MarginBox"]
        ends = [d.position_x + d.margin_width() for c in content for d in c.descendants()]
        assert max(ends) <= right + 0.01, f"page {number_}: {max(ends) - right:.1f} px cut"
    assert len(pages) >= 3 and "04 Alpes-de-Haute-Provence" in summary_html(summary, lang)
