"""The README's check example is a valid rule whose examples pass."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from assess.definitions import load_definitions
from assess.rule_examples import check_examples
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT


def test_readme_check_example_is_a_valid_check(tmp_path: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(
        b
        for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
        if b.startswith("id: CHK-DMP-001")
    )
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "dmp" / "CHK-DMP-001.yaml").write_text(block, encoding="utf-8")
    defs = load_definitions(rules_dir=rules)
    run, failures = check_examples([Assessor(defs, "python")])
    assert failures == []
    assert defs.rules["CHK-DMP-001"].check is not None
