"""The end-of-questionnaire summary keeps only the most severe findings."""

from __future__ import annotations

from assess.answers import load_answers
from assess.render.text import score_text
from assess.scoring.assessor import Assessor
from tests.conftest import MINI


def test_max_findings(mini_defs):
    result = Assessor(mini_defs, "python").assess(
        load_answers(MINI / "answers-ch.yaml", mini_defs.questionnaire)
    )
    full = score_text(result, "fr")
    assert score_text(result, "fr", max_findings=None) == full
    assert score_text(result, "fr", max_findings=3) == full  # 3 findings: nothing cut
    short = score_text(result, "fr", max_findings=1).splitlines()
    assert short[-4:] == [
        "Constats (3)",
        "  [CRITIQUE] CYB-001  Accès par simple mot de passe",
        "      → Déployer e-CPS / Pro Santé Connect.",
        "  … et 2 autres constats (liste complète : assess score)",
    ]
    assert (
        score_text(result, "en", max_findings=2).splitlines()[-1]
        == "  … and 1 more findings (full list: assess score)"
    )
