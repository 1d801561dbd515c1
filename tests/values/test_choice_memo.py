"""The choice tables remember the forms a batch repeats, with the same answers, in bounded memory."""

from __future__ import annotations

from assess.common import Text
from assess.values import choices
from assess.values.choices import ChoiceTable


def _table() -> ChoiceTable:
    return ChoiceTable([
        ("ref_v1", Text(fr="Référencée vague 1", en="Referenced wave 1")),
        ("ref_v2", Text(fr="Référencée vague 2", en="Referenced wave 2")),
        ("none", Text(fr="Aucune (pas de logiciel)", en="None (no software)")),
    ])  # fmt: skip


def test_remembered_matches_are_the_matches():
    fresh, warm = _table(), _table()
    typed = ["2", "vague 2", "Référencée", "aucune", "pas de logiciel", "ref_v1", "x", "", " 1 "]
    for text in typed:
        warm.match(text)
    for text in typed:
        assert warm.match(text) == fresh._match(text)


def test_memory_stays_bounded_however_many_forms_are_typed():
    table = _table()
    for n in range(choices._MEMO_SIZE * 3):
        table.match(f"texte libre {n}")
    assert len(table.memo) == choices._MEMO_SIZE
    assert table.match("vague 1").ids == ("ref_v1",)
