"""French value forms → typed values (unit level)."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.batch.coerce import (
    coerce_answer,
    coerce_date,
    coerce_number,
    coerce_org_type,
    coerce_region,
)
from assess.conditions import NA, UNKNOWN, VALUE


@pytest.mark.parametrize(
    ("raw", "percent", "expected"),
    [("45", False, 45), ("45,5", False, 45.5), ("45.5", False, 45.5), ("45 %", True, 45), ("45,5%", True, 45.5),
     ("1 200", False, 1200), ("1\u00a0200", False, 1200), ("1\u202f200,5", False, 1200.5), ("1.234,5", False, 1234.5),
     ("1,234.5", False, 1234.5), (" 7 ", False, 7), (12, False, 12), (0.5, True, 0.5)],
)  # fmt: skip
def test_numbers(raw, percent, expected):
    value = coerce_number(raw, percent)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("raw", ["beaucoup", "45 %", "1e5", "nan", "inf", "--3", "4,5,6", ""])
def test_not_numbers(raw):
    with pytest.raises(ValueError, match="not a number"):
        coerce_number(raw, percent=False)


def _q(mini_defs, qid):
    return mini_defs.questionnaire.questions()[qid]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Oui", "yes"), ("oui", "yes"), ("O", "yes"), ("1", "yes"), ("Vrai", "yes"), ("YES", "yes"), ("true", "yes"),
     (True, "yes"), (1, "yes"), ("Non", "no"), ("N", "no"), ("0", "no"), ("Faux", "no"), ("No", "no"), (False, "no"), (0, "no")],
)  # fmt: skip
def test_yes_no(mini_defs, raw, expected):
    assert coerce_answer(_q(mini_defs, "cybersecurity.mfa"), raw).value == expected


@pytest.mark.parametrize("raw", ["", "  ", "unknown", "Inconnu", "NSP", "ne sait pas", "?"])
def test_unknown_forms(mini_defs, raw):
    assert coerce_answer(_q(mini_defs, "dmp.feeds"), raw).state == UNKNOWN


@pytest.mark.parametrize("raw", ["na", "N/A", "Non applicable", "sans objet"])
def test_na_forms(mini_defs, raw):
    assert coerce_answer(_q(mini_defs, "hds_hosting.host"), raw).state == NA


def test_choices_by_id_or_label_and_multiple(mini_defs):
    mailbox = _q(mini_defs, "mssante.mailbox")
    assert coerce_answer(mailbox, " Nominative ").value == "nominative"
    docs = _q(mini_defs, "dmp.documents")
    answer = coerce_answer(docs, "ldl | CRO|")
    assert answer.state == VALUE and answer.value == frozenset({"ldl", "cro"})


def test_dates():
    assert coerce_date("01/03/2026") == dt.date(2026, 3, 1)
    assert coerce_date("2026-03-01") == dt.date(2026, 3, 1)
    assert coerce_date("1.3.2026") == dt.date(2026, 3, 1)
    assert coerce_date(dt.datetime(2026, 3, 1, 12, 0)) == dt.date(2026, 3, 1)
    with pytest.raises(ValueError, match="expected a date"):
        coerce_date("mars 2026")


def test_org_type_and_region_forms():
    assert coerce_org_type("CHU") == "chu"
    assert coerce_org_type("EHPAD") == "esms"
    assert coerce_org_type("Clinique privée") == "clinique"
    assert coerce_region("Île-de-France") == "11"
    assert coerce_region("ile de france") == "11"
    assert coerce_region(1) == "01"
