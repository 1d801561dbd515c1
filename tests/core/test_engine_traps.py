"""Each durable-rules trap of the engineering notes: reproduced on the raw engine, then guarded.

The reproductions talk to `durable_rules_engine` directly (in a subprocess where the engine
can crash or hang); the guards are the layout, the load-time linter and the adapter.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assess.common import OrgType
from assess.conditions import VALUE
from assess.engine import durable
from assess.engine.chains import EngineTest, Trie, stack_bound
from assess.engine.durable import DurableEvaluator, check_batch_ids
from assess.engine.layout import Field, Layout
from assess.engine.lint import checked_rulesets, fnv1a, lint_rulesets
from assess.engine.python import Case
from assess.engine.ruleset import Ruleset, _text, build_rulesets
from assess.engine.truth import Resolved
from assess.errors import EngineError
from assess.numbers import number_text
from assess.scoring.assessor import Assessor

_DRAIN = """
import json
import durable_rules_engine as dre
def drain(h, off):
    r = dre.start_action_for_state(h, off); m = r[1] if r else None; got = []
    while m:
        got.append(m); m = dre.complete_and_start_action(h, off)
    return got
"""


def _raw(code: str, timeout: float = 60) -> tuple[int | str, str]:
    """Run `code` against the raw engine in a subprocess: (exit status or "timeout", stdout)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _DRAIN + textwrap.dedent(code)],
            capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "timeout", ""
    return done.returncode, done.stdout.strip()


def _layout(n: int) -> Layout:
    """n questions q.n0… each tested `== 1` by its own rule R-<i>."""
    fields = tuple(Field(f"q.n{i}", "number", (f"p{i}",)) for i in range(n))
    chains = tuple((f"R-{i}", (EngineTest(f"p{i}", "eq", 1),)) for i in range(n))
    return Layout("synthetic", chains, fields, False)


def _case(n: int) -> Case:
    resolved = {f"q.n{i}": Resolved(VALUE, 1) for i in range(n)}
    return Case(resolved, OrgType.ch, dt.date(2026, 6, 30))


def _ruleset(chains: list[tuple[EngineTest, ...]]) -> Ruleset:
    return Ruleset(
        "synthetic", 0, tuple(f"R-{i}" for i in range(len(chains))), tuple(chains), _text(chains)
    )


# --- error 303: more than 64 alpha nodes true at once ---------------------------------------


def test_raw_engine_fails_with_303_beyond_64_true_nodes():
    status, out = _raw("""
        for n in (64, 65):
            h = dre.create_ruleset(f"t{n}", json.dumps({str(i): {"all": [{"m": {f"p{i}": 1}}]} for i in range(n)}))
            fact = json.dumps({"id": 1, **{f"p{i}": 1 for i in range(n)}})
            try:
                code, off = dre.assert_facts(h, "[" + fact + "]")
                print(n, len(drain(h, off)))
            except Exception as exc:
                print(n, exc)
    """)  # fmt: skip
    assert (status, out) == (0, "64 64\n65 Could not assert facts, error code: 303")


def test_linter_refuses_a_ruleset_whose_stack_bound_reaches_64():
    chains = [(EngineTest(f"p{i}", "eq", 1),) for i in range(65)]
    assert stack_bound(Trie.of(chains)) == 65
    problems = lint_rulesets("synthetic", (_ruleset(chains),), _layout(65).fields, False)
    assert [str(p) for p in problems] == [
        "rules/synthetic: up to 65 engine conditions can be true at once for one organisation (limit 63); split the domain"
    ]


def test_fan_out_groups_keep_65_true_tests_under_the_bound_and_all_fire():
    layout = _layout(65)
    rulesets = build_rulesets(layout)
    assert [stack_bound(rs.trie) for rs in rulesets] == [17]  # 6 groups, up to 12 in each
    assert lint_rulesets("synthetic", rulesets, layout.fields, False) == []
    evaluator = DurableEvaluator({}, {"synthetic": (layout, rulesets)})
    assert evaluator.fired(_case(65)) == {"synthetic": {f"R-{i}" for i in range(65)}}


def test_after_an_engine_error_the_next_batch_is_scored(monkeypatch):
    layout = _layout(65)
    unsplit = _ruleset([c for _r, c in layout.chains])
    evaluator = DurableEvaluator({}, {"synthetic": (layout, (unsplit,))})
    with pytest.raises(EngineError, match="error code: 303"):
        evaluator.fired(_case(65))
    few = Case({"q.n3": Resolved(VALUE, 1)}, OrgType.ch, dt.date(2026, 6, 30))
    assert evaluator.fired(few) == {"synthetic": {"R-3"}}


def test_stack_bound_counts_same_property_tests_one_value_can_pass():
    tests = [
        EngineTest("a", "lt", 10),
        EngineTest("a", "lt", 20),
        EngineTest("a", "gte", 5),
        EngineTest("a", "eq", 7),
    ]
    trie = Trie.of([(t,) for t in tests])
    assert stack_bound(trie) == 4  # 7 passes all four
    exclusive = Trie.of([(EngineTest("a", "eq", v),) for v in range(30)])
    assert stack_bound(exclusive) == 1


# --- create hangs with more than 512 children under one node ---------------------------------


def test_raw_engine_hangs_on_513_children_under_one_node():
    status, _out = _raw("""
        rules = {str(i): {"all": [{"m": {"$and": [{"a": 1}, {f"b{i}": 1}]}}]} for i in range(513)}
        dre.create_ruleset("t", json.dumps(rules))
        print("created")
    """, timeout=3)  # fmt: skip
    assert status == "timeout"


def test_fan_out_groups_keep_nodes_narrow_and_the_linter_refuses_wide_ones():
    layout = _layout(600)
    (rs,) = build_rulesets(Layout("synthetic", layout.chains[:40], layout.fields[:40], False))
    assert max(len(n.children) for n in rs.trie.nodes()) <= 12
    wide = [(EngineTest("a", "eq", 1), EngineTest(f"b{i}", "eq", 1)) for i in range(501)]
    problems = [p.message for p in lint_rulesets("synthetic", (_ruleset(wide),), (), False)]
    assert "501 different tests under one engine node (limit 500)" in problems


# --- 257 rules ending on one node: error 108 at create ---------------------------------------


def test_raw_engine_refuses_257_rules_on_one_node_and_the_linter_first():
    status, out = _raw("""
        for n in (256, 257):
            try:
                dre.create_ruleset(f"t{n}", json.dumps({str(i): {"all": [{"m": {"a": 1}}]} for i in range(n)}))
                print(n, "ok")
            except Exception as exc:
                print(n, exc)
    """)  # fmt: skip
    assert (status, out) == (0, "256 ok\n257 Could not create ruleset, error code: 108")
    same = [(EngineTest("a", "eq", 1),)] * 251
    problems = [p.message for p in lint_rulesets("synthetic", (_ruleset(same),), (), False)]
    assert problems == ["251 engine rules share all their tests (limit 250)"]


# --- more than 252 properties in one fact: the engine crashes --------------------------------


def test_raw_engine_crashes_on_253_properties_and_the_linter_refuses_250_plus():
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"p0": 1}}]}}')
        for n in (252, 253):
            code, off = dre.assert_facts(h, json.dumps([{"id": n, **{f"p{i}": 1 for i in range(n)}}]))
            print(n, len(drain(h, off)), flush=True)
    """)  # fmt: skip
    assert status != 0 and out == "252 1"
    fields = _layout(251).fields
    problems = [p.message for p in lint_rulesets("synthetic", (), fields, False)]
    assert problems == [
        "the domain's fact would carry 252 properties (limit 250); split the domain"
    ]


# --- property names are 32-bit hashes, with no collision check -------------------------------


def test_raw_engine_confuses_colliding_property_names_and_the_linter_refuses_them():
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert fnv1a("glbvs") == fnv1a("yacxa")
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"glbvs": 1}}]}}')
        code, off = dre.assert_facts(h, '[{"id": 1, "yacxa": 1}]')
        print(len(drain(h, off)))
    """)  # fmt: skip
    assert (status, out) == (0, "1")  # fired on a fact that does not have the property
    fields = (Field("q.a", "number", ("glbvs",)), Field("q.b", "number", ("yacxa",)))
    problems = [p.message for p in lint_rulesets("synthetic", (), fields, False)]
    assert problems == ["property names 'glbvs' and 'yacxa' have the same engine hash"]


# --- numbers: an exponent without a decimal point is misread ---------------------------------


def test_raw_engine_misreads_1e_05_and_reads_1_0e_05():
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"$lt": {"p": 0.001}}}]}}')
        for i, text in enumerate(("1e-05", "1.0e-05", "0.00001")):
            code, off = dre.assert_facts(h, '[{"id": %d, "p": %s}]' % (i, text))
            print(text, len(drain(h, off)))
    """)  # fmt: skip
    assert (status, out) == (0, "1e-05 0\n1.0e-05 1\n0.00001 1")


@pytest.mark.parametrize(
    ("value", "text"),
    [(1e-05, "1.0e-05"), (5e-324, "5.0e-324"), (2.5e-07, "2.5e-07"), (1e16, "1.0e+16"),
     (0.1 + 0.2, "0.30000000000000004"), (50, "50"), (50.0, "50.0"), (-0.0, "-0.0")],
)  # fmt: skip
def test_numbers_are_written_in_a_form_the_engine_reads_exactly(value, text):
    assert number_text(value) == text
    assert float(text) == value


def test_numbers_the_engine_cannot_compare_exactly_are_refused():
    with pytest.raises(ValueError, match="too large to be compared exactly"):
        number_text(2**53 + 1)
    with pytest.raises(ValueError, match="not a finite number"):
        number_text(float("nan"))


def test_linter_refuses_a_number_written_with_a_bare_exponent():
    chains = [(EngineTest("a", "lt", 1),)]
    bad = Ruleset("synthetic", 0, ("R-0",), tuple(chains), _text(chains).replace(":1}", ":1e-05}"))
    problems = [p.message for p in lint_rulesets("synthetic", (bad,), (), False)]
    assert problems == ["a number is written in a form the engine misreads"]


# --- `$or`, duplicate ids, stale frames, sessions --------------------------------------------


def test_raw_engine_fires_or_twice_and_the_layout_never_writes_it(shipped_defs):
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"$or": [{"a": 1}, {"b": 1}]}}]}}')
        code, off = dre.assert_facts(h, '[{"id": 1, "a": 1, "b": 1}]')
        print(len(drain(h, off)))
    """)  # fmt: skip
    assert (status, out) == (0, "2")
    assessor = Assessor(shipped_defs, "python")
    layouts = checked_rulesets(assessor.compiled, assessor.questions, shipped_defs.sources)
    texts = [rs.text for _layout, rss in layouts.values() for rs in rss]
    assert not any(marker in t for t in texts for marker in ('"$or"', '"$nex"', '"sid"', '"$m"'))


def test_raw_engine_hides_a_duplicate_id_and_batch_ids_are_checked_distinct(monkeypatch):
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"a": 1}}]}}')
        code, off = dre.assert_facts(h, '[{"id": 1, "a": 1}, {"id": 1, "a": 1}, {"id": 2, "z": 1}]')
        print(code, len(drain(h, off)))
    """)  # fmt: skip
    assert (status, out) == (0, "1 1")  # code 2 (dropped) masked by the last fact's 1
    check_batch_ids(durable.BATCH)
    monkeypatch.setattr(durable, "fnv1a", lambda text: len(text))
    with pytest.raises(EngineError, match="batch-local fact ids collide"):
        check_batch_ids(20)


def test_raw_engine_loses_an_activation_on_a_retract_after_a_later_assert():
    status, out = _raw("""
        h = dre.create_ruleset("t", '{"r": {"all": [{"m": {"a": 1}}]}}')
        code, off = dre.assert_facts(h, '[{"id": 1, "a": 1}]')
        print(len(drain(h, off)))
        code, off = dre.assert_facts(h, '[{"id": 2, "a": 1}]')
        dre.retract_facts(h, '[{"id": 1}]')
        print(len(drain(h, off)))
    """)  # fmt: skip
    assert (status, out) == (0, "1\n0")


def test_adapter_keeps_to_assert_drain_retract_and_never_deletes_state():
    source = Path(durable.__file__).read_text(encoding="utf-8")
    code = source.split('"""', 2)[2]  # past the module docstring
    for forbidden in ("delete_state", "abandon_action", "durable.lang", "Host(", '"sid"'):
        assert forbidden not in code


def test_an_empty_batch_asserts_nothing(mini_defs):
    assert Assessor(mini_defs, "durable").evaluator.fired_many([]) == []
