"""The quick reading of plain numbers gives exactly what the general number rules give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assess.values.forms import _parse_number, parse_number

_plain = st.from_regex(r"\A[0-9]{1,20}(?:[.,][0-9]{1,8})?(?: ?%)?\Z")


def _typed(parsed: tuple[int | float, bool] | None) -> tuple[type, int | float, bool] | None:
    return None if parsed is None else (type(parsed[0]), parsed[0], parsed[1])


@given(_plain, st.sampled_from([(), ("lits", "beds"), ("%",)]))
def test_plain_numbers_read_as_the_general_rules_read_them(text, units):
    assert _typed(parse_number(text, units)) == _typed(_parse_number(text, units))


@given(st.text(alphabet="0123456789,. %-+lits\u00a0", max_size=12))
def test_any_number_like_text_reads_as_the_general_rules_read_it(text):
    assert _typed(parse_number(text, ("lits",))) == _typed(_parse_number(text, ("lits",)))


def test_plain_forms_people_type():
    assert parse_number("45") == (45, False)
    assert parse_number("45,0") == (45, False)  # a whole number stays whole
    assert parse_number("0,85") == (0.85, False)
    assert parse_number("12.5 %") == (12.5, True)
    assert parse_number("85%") == (85, True)
    assert parse_number("007") == (7, False)
