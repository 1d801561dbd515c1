"""A next questionnaire and rule version for the comparison tests, built from the shipped ones.

Version 2027.1: `mssante.postal_share` is renamed `mssante.paper_mail_share` (it `replaces` the
old ID), `telemedicine.teleconsultation_share` is retired, and the rule DMP-G3A asks for 65 %
of discharge letters instead of 80 %.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

OLD, NEW = "mssante.postal_share", "mssante.paper_mail_share"
RETIRED = "telemedicine.teleconsultation_share"


def _next_questionnaire(target: Path) -> None:
    yaml = YAML()
    data = yaml.load((ROOT / "questionnaires" / "esante-2026.yaml").read_text(encoding="utf-8"))
    data["version"] = "2027.1"
    for section in data["sections"]:
        for q in section["questions"]:
            if q["id"] == OLD:
                q["id"], q["replaces"] = NEW, [OLD]
        section["questions"] = [q for q in section["questions"] if q["id"] != RETIRED]
    data["retired"] = [
        {
            "id": RETIRED,
            "since": "2027.1",
            "reason": {
                "fr": "remplacée par les indicateurs de l'Assurance maladie",
                "en": "replaced by the health insurance indicators",
            },
        }  # fmt: skip
    ]
    with target.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


@pytest.fixture(scope="session")
def next_version(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(rules directory, questionnaire) of version 2027.1."""
    base = tmp_path_factory.mktemp("v2027")
    rules = base / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for path in rules.glob("*/*.yaml"):
        text = path.read_text(encoding="utf-8")
        if f"q: {RETIRED}" in text:  # a rule testing the retired question goes with it
            path.unlink()
            continue
        if OLD in text:
            path.write_text(text.replace(OLD, NEW), encoding="utf-8")
    g3a = rules / "dmp" / "DMP-G3A.yaml"
    text = g3a.read_text(encoding="utf-8")
    g3a.write_text(
        text.replace("gte: 80", "gte: 65").replace("share: 70", "share: 60"), encoding="utf-8"
    )
    questionnaire = base / "esante-2027.yaml"
    _next_questionnaire(questionnaire)
    return rules, questionnaire
