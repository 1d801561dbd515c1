"""Properties that hold the whole shipped rule set together (not only each rule's own examples)."""

from __future__ import annotations

import random
from urllib.parse import urlparse

import pytest

from assess.answers import Answer
from assess.common import DOMAINS, OrgType
from assess.conditions import NA, VALUE, AtomModel
from assess.definitions import walk_atoms
from assess.engine.facts import resolve
from assess.questionnaire import QuestionType
from assess.result import GateStatus
from assess.rule import EXAMPLE_DATE
from assess.scoring.evaluation import evaluate
from tests.data.answer_search import Searcher, combinations, org_types, with_dependencies

REVIEW_ROLE = "relecture documentaire"
OFFICIAL_HOSTS = (
    "legifrance.gouv.fr", "esante.gouv.fr", "has-sante.fr", "ameli.fr", "cnil.fr", "sante.gouv.fr",
    "cyber.gouv.fr", "cyberveille-sante.gouv.fr", "europa.eu", "vie-publique.fr",
)  # fmt: skip

# For each domain, answers declaring no activity in its subject, and the only findings such an
# organisation may get: those about not being engaged, and those that hold whatever the activity.
NOT_ENGAGED = {
    "telemedicine": (
        {"telemedicine.acts": frozenset()},
        {"TLM-014", "TLM-015", "TLM-016"},
    ),
    "hds_hosting": (
        {
            "hds_hosting.hosting_models": frozenset({"own_datacenter"}),
            "hds_hosting.external_hosting": "no",
            "hds_hosting.hosts_for_others": "no",
        },
        {"HDS-015"},  # the GDPR register names hosting whoever hosts
    ),
    "dmp": (
        {"dmp.connection": "no"},
        {"DMP-001", "DMP-014", "DMP-015"},  # liaison-letter delays bind whatever the DMP
    ),
    "mssante": (
        {"mssante.connection": "none"},
        # Unsecured channels concern every exchange of health data; remote-monitoring alerts are
        # another activity, asked in the MSSanté section.
        {"MSS-001", "MSS-002", "MSS-003", "MSS-014"},
    ),
}
# Every organisation runs an information system and exchanges data: these domains have no
# "not engaged" profile.
ALWAYS_ENGAGED = {"interoperability", "cybersecurity"}


@pytest.fixture(scope="module")
def searcher(shipped_defs):
    return Searcher(shipped_defs)


def _gates(defs):
    return sorted(
        (r for r in defs.rules.values() if r.gate and not r.deprecated), key=lambda r: r.id
    )


def test_every_domain_is_classified():
    assert set(NOT_ENGAGED) | ALWAYS_ENGAGED == set(DOMAINS)


def test_each_gate_can_be_met_and_not_met(shipped_defs, searcher):
    """A gate met by any answer tests nothing; one never met is a dead level."""
    problems = []
    for rule in _gates(shipped_defs):
        qids = with_dependencies(set(searcher.compiled(rule).questions), shipped_defs)
        values = {q: searcher.values(q) for q in qids}
        seen: set[GateStatus] = set()
        for org_type in org_types(rule):
            for answers in combinations(qids, values, limit=3000, seed=len(rule.id)):
                seen.add(searcher.gate(rule, answers, org_type))
            if {GateStatus.met, GateStatus.not_met} <= seen:
                break
        missing = {GateStatus.met, GateStatus.not_met} - seen
        if missing:
            problems.append(f"{rule.id}: never {', '.join(sorted(s.value for s in missing))}")
    assert problems == []


def test_each_gate_fails_on_the_empty_selection_of_its_activity(shipped_defs, searcher):
    """Ticking nothing in a multiple-choice activity never meets a gate about that activity."""
    questions = shipped_defs.questionnaire.questions()
    for rule in _gates(shipped_defs):
        for qid in searcher.compiled(rule).questions:
            if questions[qid].type is not QuestionType.multiple_choice:
                continue
            status = searcher.gate(rule, {qid: Answer(VALUE, frozenset())}, org_types(rule)[0])
            assert status is not GateStatus.met, f"{rule.id} is met when {qid} is empty"


def _random_answers(searcher, qids, fixed, rng):
    answers = {q: Answer(VALUE, rng.choice(searcher.values(q))) for q in qids}
    answers.update({q: Answer(VALUE, v) for q, v in fixed.items()})
    return answers


@pytest.mark.parametrize("domain", sorted(NOT_ENGAGED))
def test_no_activity_gets_only_not_engaged_findings(shipped_defs, searcher, domain):
    fixed, allowed = NOT_ENGAGED[domain]
    qids = [q for q in shipped_defs.questionnaire.questions() if q.split(".")[0] in (domain, "org")]
    rng = random.Random(domain)
    unexpected: dict[str, set[str]] = {}
    for org_type in OrgType:
        for _ in range(300):
            case = searcher.case(
                _random_answers(searcher, qids, fixed, rng), org_type, EXAMPLE_DATE
            )
            extra = {
                rid for rid in searcher.fired(domain, case)
                if shipped_defs.rules[rid].effect.finding and rid not in allowed
            }  # fmt: skip
            if extra:
                unexpected.setdefault(org_type.value, set()).update(extra)
    assert unexpected == {}


@pytest.mark.parametrize("domain", sorted(NOT_ENGAGED))
def test_no_activity_reaches_no_level_on_activity_gates(shipped_defs, searcher, domain):
    """Levels defined by the activity are not reached by an organisation that declares none."""
    fixed, _allowed = NOT_ENGAGED[domain]
    qids = [q for q in shipped_defs.questionnaire.questions() if q.split(".")[0] in (domain, "org")]
    rng = random.Random(domain)
    plan, evaluator = searcher.assessor.plan, searcher.assessor.evaluator
    for org_type in OrgType:
        for _ in range(100):
            case = searcher.case(
                _random_answers(searcher, qids, fixed, rng), org_type, EXAMPLE_DATE
            )
            numbers = evaluate(plan, evaluator.fired(case), case, []).domains[domain]
            _assert_levels_rest_on_met_gates(shipped_defs, numbers)


def _assert_levels_rest_on_met_gates(defs, numbers):
    by_level: dict[int, list[GateStatus]] = {}
    for rid, status in numbers.gates:
        by_level.setdefault(defs.rules[rid].gate.level, []).append(status)
    if numbers.level:
        assert GateStatus.met in by_level[numbers.level], numbers
    for level in range(1, numbers.level + 1):
        statuses = set(by_level.get(level, []))
        assert statuses <= {GateStatus.met, GateStatus.not_applicable}, (level, numbers)


def test_no_level_is_reached_on_not_applicable_gates_alone(shipped_defs, searcher):
    """Random complete answer sets, every organisation type: each level reached has a met gate."""
    questions = list(shipped_defs.questionnaire.questions())
    rng = random.Random(7)
    plan, evaluator = searcher.assessor.plan, searcher.assessor.evaluator
    for org_type in OrgType:
        for _ in range(60):
            case = searcher.case(
                _random_answers(searcher, questions, {}, rng), org_type, EXAMPLE_DATE
            )
            for numbers in evaluate(plan, evaluator.fired(case), case, []).domains.values():
                _assert_levels_rest_on_met_gates(shipped_defs, numbers)


def test_telemedicine_level_5_needs_declared_remote_monitoring(shipped_defs, searcher):
    best = {
        "telemedicine.acts": frozenset({"teleconsultation", "teleexpertise_requesting"}),
        "telemedicine.tool_hosting": "external",
        "telemedicine.tool_safeguards": frozenset({"hds_hosting", "strong_auth", "ins", "report_to_record"}),
        "telemedicine.cap_status": "all_under", "telemedicine.pathway_rules": "respected",
        "telemedicine.reports_shared_share": 100, "telemedicine.teleexpertise_channel": "secure_traced",
        "telemedicine.patient_feedback": "systematic",
        "telemedicine.inclusion_measures": frozenset({"assisted"}),
        "telemedicine.platform_integration": "integrated", "telemedicine.connected_devices": "integrated",
        "telemedicine.staff_trained_share": 80,
    }  # fmt: skip
    answers = {q: Answer(VALUE, v) for q, v in best.items()}
    plan, evaluator = searcher.assessor.plan, searcher.assessor.evaluator
    case = searcher.case(answers, OrgType.clinique, EXAMPLE_DATE)
    numbers = evaluate(plan, evaluator.fired(case), case, []).domains["telemedicine"]
    assert (numbers.level, dict(numbers.gates)["TLM-G5A"]) == (4, GateStatus.not_met)
    answers["telemedicine.acts"] = Answer(VALUE, best["telemedicine.acts"] | {"telesurveillance"})
    answers["telemedicine.telemonitoring_declared"] = Answer(VALUE, "yes")
    answers["telemedicine.telemonitoring_devices"] = Answer(VALUE, "yes")
    case = searcher.case(answers, OrgType.clinique, EXAMPLE_DATE)
    assert evaluate(plan, evaluator.fired(case), case, []).domains["telemedicine"].level == 5


def test_depends_on_a_multiple_choice_hides_the_question_for_the_empty_list(shipped_defs):
    """Ticking nothing means the activity is absent: follow-up questions do not apply."""
    questions = shipped_defs.questionnaire.questions()
    checked = 0
    for q in questions.values():
        if q.depends_on is None:
            continue
        multi = {
            a.q for _, a in walk_atoms(q.depends_on, ())
            if isinstance(a, AtomModel) and questions[a.q].type is QuestionType.multiple_choice
        }  # fmt: skip
        for parent in multi:
            resolved = resolve(
                {parent: Answer(VALUE, frozenset())}, OrgType.ch, shipped_defs.questionnaire
            )
            assert resolved[q.id].state == NA, f"{q.id} is still asked when {parent} is empty"
            checked += 1
    assert checked >= 10


def test_every_cited_referential_has_a_date_and_an_official_address(shipped_defs):
    cited = {rid for r in shipped_defs.rules.values() for rid in r.references.referentials}
    for q in shipped_defs.questionnaire.questions().values():
        cited |= set(q.references.referentials)
    for rid in sorted(cited):
        ref = shipped_defs.catalog.referentials[rid]
        host = urlparse(ref.url).hostname or ""
        assert ref.date is not None
        assert ref.url.startswith("https://"), rid
        assert any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS), (rid, ref.url)


def test_every_rule_records_its_review(shipped_defs):
    for rule in shipped_defs.rules.values():
        review = rule.review
        assert review is not None, f"{rule.id} has no review record"
        assert review.by == REVIEW_ROLE, rule.id
        assert set(rule.references.seed) <= set(review.seed), rule.id
        assert set(rule.references.referentials) <= {s.id for s in review.referentials}, rule.id
