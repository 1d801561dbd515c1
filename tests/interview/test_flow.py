"""Which steps apply, navigation, progress — and agreement with the scorer's applicability."""

from __future__ import annotations

import datetime as dt

from assess.answers import Answer
from assess.common import OrgType
from assess.conditions import NA, UNKNOWN, VALUE
from assess.engine.facts import resolve
from assess.interview import Flow, new_draft

ORG = {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}


def flow_for(defs, answers=None, org=ORG, domain=None):
    draft = new_draft(defs.questionnaire, dt.date(2026, 3, 1))
    draft.organisation.update(org)
    draft.answers.update(answers or {})
    return Flow(defs.questionnaire, draft, domain)


def keys(steps):
    return [s.key for s in steps]


def test_applies_to_hides_vendor_question(mini_defs):
    assert "cybersecurity.vendor_psc" in flow_for(mini_defs).hidden()
    editeur = flow_for(mini_defs, org={**ORG, "type": "editeur"})
    assert "cybersecurity.vendor_psc" not in editeur.hidden()


def test_depends_on(mini_defs):
    assert "dmp.letter_share" not in flow_for(mini_defs).hidden()  # dmp.feeds not answered yet
    assert "dmp.letter_share" not in flow_for(mini_defs, {"dmp.feeds": Answer(UNKNOWN)}).hidden()
    assert "dmp.letter_share" in flow_for(mini_defs, {"dmp.feeds": Answer(VALUE, "no")}).hidden()
    assert (
        "dmp.letter_share" not in flow_for(mini_defs, {"dmp.feeds": Answer(VALUE, "yes")}).hidden()
    )


def test_hidden_agrees_with_scoring(mini_defs):
    for org_type in OrgType:
        for feeds in (Answer(VALUE, "no"), Answer(VALUE, "yes"), Answer(UNKNOWN)):
            answers = {"dmp.feeds": feeds}
            flow = flow_for(mini_defs, answers, {**ORG, "type": org_type.value})
            resolved = resolve(answers, org_type, mini_defs.questionnaire)
            assert flow.hidden() == {q for q, r in resolved.items() if r.state == NA}


def test_start_next_previous(mini_defs):
    flow = flow_for(mini_defs, org={})
    first = flow.start()
    assert first is not None and first.key == "@name"
    assert flow.previous(first) is None
    flow.draft.organisation.update(ORG)
    step = flow.start()
    assert step is not None and step.key == "org.beds"
    assert flow.previous(step).key == "@departement"
    assert flow.next(step).key == "interoperability.ins_share"


def test_progress(mini_defs):
    flow = flow_for(mini_defs, {"org.beds": Answer(VALUE, 3), "dmp.feeds": Answer(VALUE, "yes")})
    step = next(s for s in flow.steps if s.key == "dmp.letter_share")
    # 17 applicable steps (5 organisation fields + 12 questions), 7 answered.
    assert (
        flow.progress(step, "fr").line("fr") == "Section dmp — question 2/4 — 41 % du questionnaire"
    )
    assert (
        flow.progress(step, "en").line("en")
        == "Section dmp — question 2/4 — 41% of the questionnaire"
    )


def test_domain_scope(mini_defs):
    flow = flow_for(mini_defs, {"org.beds": Answer(VALUE, 3)}, domain="dmp")
    assert keys(flow.in_scope()) == ["dmp.feeds", "dmp.letter_share", "dmp.documents", "dmp.since"]
    missing_profile = flow_for(mini_defs, org={"name": "X"}, domain="mssante")
    assert keys(missing_profile.in_scope()) == [
        "@finess",
        "@type",
        "@region",
        "@departement",
        "org.beds",
        "mssante.mailbox",
    ]


def test_domain_fully_answered_starts_at_its_first_question(mini_defs):
    flow = flow_for(
        mini_defs,
        {"org.beds": Answer(VALUE, 3), "mssante.mailbox": Answer(VALUE, "none")},
        domain="mssante",
    )
    assert flow.first_unanswered() is None
    assert flow.start().key == "mssante.mailbox"
