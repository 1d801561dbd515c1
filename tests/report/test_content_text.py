"""What a client reads: verified facts only, the report cited by section, the review date, and
levels that cannot apply said so."""

from __future__ import annotations

import re

import pytest

from assess.answers import load_answers
from assess.progress.changes import Change, apply_changes
from assess.render.report import render_report
from assess.render.text import explain_text
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT

# Maintainers' caveats that once reached clients. Precise phrases: the finding "Conformité des
# interfaces non vérifiée" and the section "À vérifier avant diffusion" are not caveats.
HEDGES = (
    "source secondaire", "date exacte", "point de départ non vérifié", "reste à vérifier",
    "unverified", "secondary", "thresholds",
)  # fmt: skip


@pytest.fixture(scope="module")
def assessor(shipped_defs):
    return Assessor(shipped_defs, "python")


@pytest.fixture(scope="module")
def ch(assessor, shipped_defs):
    return load_answers(ROOT / "examples" / "ch-exemple.yaml", shipped_defs.questionnaire)


@pytest.fixture(scope="module")
def html_fr(assessor, ch, shipped_defs):
    return render_report(
        assessor.assess(ch), shipped_defs, lang="fr", fmt="html", part="full"
    ).decode()


def test_no_hedge_and_no_line_number_in_the_french_report(html_fr):
    lowered = html_fr.lower()
    assert [h for h in HEDGES if h in lowered] == []
    # The report is cited by section title; its line numbers stay in the rule data.
    assert re.findall(r"(?<![A-Za-z])l\. ?\d+", html_fr) == []
    assert "(rapport, section « " in html_fr


def test_finding_cites_the_report_section_of_its_line_reference(assessor, ch, shipped_defs):
    from assess.render.views import Formatter

    result = assessor.assess(ch)
    finding = next(f for f in result.all_findings() if f.rule_id == "GOV-001")
    assert "l. 4008-4011" in finding.rationale.fr  # the data keeps the lines
    row = Formatter("fr", shipped_defs).finding(finding)
    assert "l. 4008" not in row.rationale
    assert "(rapport, section « " in row.rationale


def test_sources_annex_prints_official_addresses(html_fr, shipped_defs):
    ref = shipped_defs.catalog.referentials["DECRET-2016-1214"]
    assert ref.url in html_fr
    assert ref.source not in html_fr


def test_method_annex_prints_the_rule_set_review_date(html_fr, shipped_defs):
    live = [r for r in shipped_defs.rules.values() if not r.deprecated]
    assert (
        f"Relecture documentaire des règles contre leurs sources officielles : {len(live)} règles "
        f"sur {len(live)}, la plus ancienne le 1er décembre 2026." in html_fr
    )


def test_levels_that_cannot_apply_are_said_so(assessor, ch):
    self_hosted = apply_changes(
        ch,
        [
            Change("hds_hosting.external_hosting", "no"),
            Change("hds_hosting.hosting_models", frozenset({"own_datacenter"})),
        ],
    )
    result = assessor.assess(self_hosted)
    hds = result.domain("hds_hosting")
    assert [(lv.level, lv.applicable, lv.reached) for lv in hds.levels] == [
        (1, True, True), (2, False, False), (3, True, False), (4, False, False), (5, False, False),
    ]  # fmt: skip
    assert hds.level == 1 and hds.next_level().level == 3
    text = explain_text(result, "fr", "hds_hosting")
    assert "  Niveau 2 — Hébergement contractualisé — sans objet pour cette structure" in text
    assert "  Niveau 3 — Périmètre maîtrisé — non atteint" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_rule_text_keeps_a_line_number_once_cited(shipped_defs, lang):
    """Every range of a line-reference list ("l. 5524-5529, 5560-5563") becomes its section."""
    from assess.render.views import Formatter

    fmt = Formatter(lang, shipped_defs)
    left = {}
    for rule in shipped_defs.rules.values():
        finding = rule.effect.finding
        for text in (finding.rationale, finding.recommendation) if finding else ():
            cited = fmt.cite(text)
            found = re.findall(r"(?<![A-Za-z])l\. ?\d+|[»”], \d+", cited)
            if found:
                left[rule.id] = found
    assert left == {}
    gov = fmt.cite(shipped_defs.rules["GOV-006"].effect.finding.rationale)  # type: ignore[union-attr]
    assert "5560" not in gov and gov.count("section") == 1  # both ranges fall in one section
