"""`assess batch --previous`: two small campaigns of the mini fixture, matched by FINESS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assess.errors import InputError, display_path
from assess.progress.campaign import load_previous
from tests.batch.conftest import batch, csv_text, finess, row, write

A, B, C, D, E = finess(1), finess(2), finess(3, "01"), finess(4), finess(5)


def _campaigns(tmp_path: Path, **previous_options: object) -> Path:
    """Run the 2025 campaign; return its results file."""
    first = tmp_path / "2025"
    first.mkdir()
    rows = [
        row(A, "CH A", dmp__letter_share="40", assessment_date="2025-03-01"),
        row(B, "CH B", assessment_date="2025-03-01"),
        row(C, "CH C", assessment_date="2025-03-01"),
        row(D, "CH D (fermé)", assessment_date="2025-03-01"),
    ]
    report, _results, _errors = batch(write(first, csv_text(rows)), first, **previous_options)
    assert report.scored == 4
    if previous_options.get("fmt") == "json":  # the helper names every output out.csv
        return (first / "out.csv").rename(first / "out.json")
    return first / "out.csv"


def _second(tmp_path: Path, previous: Path, **options: object):
    second = tmp_path / "2026"
    second.mkdir()
    rows = [
        row(A, "CH A"),  # letter share 40 → 60 %: DMP level 1 → 2
        row(B, "CH B", dmp__feeds="no"),  # no longer feeds the DMP: level 2 → 0
        row(C, "CH C"),
        row(E, "CH E (nouveau)"),
    ]
    return batch(write(second, csv_text(rows)), second, previous=previous, **options)


def test_each_row_gets_its_changes(tmp_path: Path) -> None:
    previous = _campaigns(tmp_path)
    # The previous results went through Excel: C's FINESS lost its leading zero.
    text = previous.read_bytes().decode("utf-8")
    assert f"\r\n{C}," in text
    previous.write_bytes(text.replace(f"\r\n{C},", f"\r\n{C[1:]},").encode("utf-8"))
    report, results, _errors = _second(tmp_path, previous)
    by = {r["finess"]: r for r in results}
    assert (by[A]["dmp_level_previous"], by[A]["dmp_level"], by[A]["dmp_level_change"]) == (
        "1",
        "2",
        "1",
    )
    assert (by[B]["dmp_level_previous"], by[B]["dmp_level"], by[B]["dmp_level_change"]) == (
        "2",
        "0",
        "-2",
    )
    assert by[C]["dmp_level_change"] == "0" and by[C]["previous_assessment_date"] == "2025-03-01"
    assert by[A]["overall_index_change"] == str(
        round(float(by[A]["overall_index"]) - float(by[A]["previous_overall_index"]), 1)
    ).rstrip("0").rstrip(".")
    assert by[E]["previous_overall_index"] == "" and by[E]["dmp_level_change"] == ""
    p = report.progression
    assert p is not None
    assert (p.matched, p.only_current, p.only_previous) == (3, 1, 1)
    assert [o.finess for o in p.only_current_list] == [E]
    assert [(o.finess, o.name) for o in p.only_previous_list] == [(D, "CH D (fermé)")]
    assert [(o.finess, o.moves) for o in p.regressed] == [(B, {"dmp": (2, 0)})]
    assert p.moves["dmp"][1][2] == 1 and p.moves["dmp"][2][0] == 1 and p.moves["dmp"][2][2] == 1
    assert (p.improved["dmp"], p.regressed_count["dmp"]) == (1, 1)
    assert report.summary is not None and report.summary.progression is p


def test_previous_results_from_french_excel_and_json(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "j").mkdir()
    excel = load_previous(_campaigns(tmp_path / "x", excel=True))
    as_json = load_previous(_campaigns(tmp_path / "j", fmt="json"))
    assert excel.keys() == as_json.keys() == {A, B, C, D}
    assert excel[A] == as_json[A]
    assert excel[A].levels["dmp"] == 1 and isinstance(excel[A].index, float)


def test_unusable_previous_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "answers.csv"
    bad.write_text("name;type\nCH;ch\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_previous(bad)
    where = display_path(bad)
    assert (info.value.text("fr"), info.value.text("en")) == (
        f"{where} : pas de colonnes finess et overall_index ; donner le fichier de résultats de "
        "la campagne précédente (celui qu'écrit assess batch -o).",
        f"{where}: no finess and overall_index columns; give the results file of the previous "
        "campaign (the one assess batch -o writes).",
    )
    wrong = tmp_path / "x.json"
    wrong.write_text(json.dumps({"finess": A}), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_previous(wrong)
    assert info.value.text("fr").endswith(
        "ce n'est pas un fichier de résultats JSON d'assess batch ; donner le fichier écrit par "
        "« assess batch --format json » (ou le CSV de résultats)."
    )
    assert info.value.text("en").endswith(
        "not a JSON results file of assess batch; give the file written by "
        "`assess batch --format json` (or the results CSV)."
    )
    empty = tmp_path / "empty-index.csv"
    empty.write_text(f"finess,overall_index\n{A},\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_previous(empty)
    assert info.value.text("fr") == (
        f"{display_path(empty)} : ligne 1 : overall_index vide, ou un niveau qui n'est pas un "
        "nombre ; corriger la ligne ou reprendre le fichier de résultats tel qu'écrit."
    )
    assert info.value.text("en").startswith(f"{display_path(empty)}: row 1: overall_index is empty")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_summary_has_a_progression_page(tmp_path: Path, lang: str) -> None:
    from assess.batch.render import summary_html

    report, _results, _errors = _second(tmp_path, _campaigns(tmp_path))
    assert report.summary is not None
    html = summary_html(report.summary, lang, inline=False)  # type: ignore[arg-type]
    if lang == "fr":
        assert (
            '<h2 style="break-before: page">Progression depuis la campagne précédente</h2>' in html
        )
        assert (
            "organisations retrouvées (même FINESS) : <strong>3</strong> · nouvelles : <strong>1</strong>"
            in html
        )
        assert f"<tr><td>{B}</td><td>CH B</td>" in html and "Alimentation du DMP 2 → 0" in html
        assert f"<tr><td>{D}</td><td>CH D (fermé)</td></tr>" in html
        assert '<span class="sev-high">N2 → N0 : 1</span>' in html
    else:
        assert "Progress since the previous campaign" in html and "précédente" not in html
