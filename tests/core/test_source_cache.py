"""The definitions cache: warm loads parse nothing, a changed file is never served stale, and a
corrupt, forged or misplaced cache is never trusted."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assess import source_cache
from assess.definitions import load_definitions
from assess.errors import DefinitionError
from tests.conftest import MINI, ROOT


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the mini definitions that a test may edit."""
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the YAML parser reads through the cache."""
    seen: list[Path] = []
    real = source_cache.load_document

    def counting(path: Path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(source_cache, "load_document", counting)
    return seen


def load(mini: Path, **kwargs):
    return load_definitions(
        mini / "rules", mini / "questionnaire.yaml", ROOT / "references", **kwargs
    )


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "assess").glob("definitions-*.json"))


def test_warm_load_parses_nothing_and_gives_the_same_definitions(
    cache_home: Path, mini: Path, parses: list[Path]
):
    cold = load(mini)
    n_files = len(parses)
    assert n_files == len(cold.rules) + 1 + 3  # rules, questionnaire, three reference files
    (cache,) = cache_files(cache_home)
    assert (cache_home / "assess").stat().st_mode & 0o777 == 0o700
    warm = load(mini)
    assert len(parses) == n_files  # nothing parsed the second time
    assert warm == cold
    assert warm == load(mini, cache=False)
    assert len(json.loads(cache.read_text())["documents"]) == n_files


def test_a_changed_rule_file_is_parsed_again(cache_home: Path, mini: Path, parses: list[Path]):
    before = load(mini)
    path = mini / "rules" / "dmp" / "DMP-001.yaml"
    path.write_text(path.read_text().replace("Few discharge letters", "Hardly any letters"))
    parses.clear()
    after = load(mini)
    assert parses == [path]
    assert after.rules["DMP-001"].title.en == "Hardly any letters fed to the DMP"
    assert after.rules_version != before.rules_version
    (cache,) = cache_files(cache_home)
    assert len(json.loads(cache.read_text())["documents"]) == len(after.rules) + 4  # old one gone


def test_problems_found_with_a_warm_cache_are_located_in_the_files(cache_home: Path, mini: Path):
    load(mini)  # DMP-001 is now cached, without its line numbers
    questionnaire = mini / "questionnaire.yaml"
    text = questionnaire.read_text()
    questionnaire.write_text(text.replace("          - {id: ldl, label: {fr: ldl, en: ldl}}\n", ""))
    with pytest.raises(DefinitionError) as warm:
        load(mini)
    with pytest.raises(DefinitionError) as cold:
        load(mini, cache=False)
    rule = mini / "rules" / "dmp" / "DMP-001.yaml"
    assert [str(p) for p in warm.value.problems] == [str(p) for p in cold.value.problems]
    assert str(warm.value.problems[0]).startswith(f"{rule}:9: when.any.2.not_in: operand for")


def _write_cache(home: Path, mini: Path, content: bytes) -> Path:
    load(mini)
    (cache,) = cache_files(home)
    cache.write_bytes(content)
    return cache


def _forged(cache: Path, change) -> bytes:
    data = json.loads(cache.read_text())
    for key, doc in data["documents"].items():
        if isinstance(doc, dict) and doc.get("id") == "DMP-001":
            data["documents"][key] = change(doc)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "content",
    [
        b"\x80\x81 not json",
        b'{"format": 1, "parser": "x", "documents": {',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": 1, "documents": []}',
        b"null",
    ],
    ids=["garbage", "truncated", "deep", "wrong-shape", "null"],
)
def test_an_unreadable_cache_is_replaced_from_the_files(
    cache_home: Path, mini: Path, parses: list[Path], content: bytes
):
    expected = load(mini, cache=False)
    cache = _write_cache(cache_home, mini, content)
    parses.clear()
    assert load(mini) == expected
    assert len(parses) == len(expected.rules) + 4
    assert json.loads(cache.read_text())["format"] == source_cache.FORMAT


@pytest.mark.parametrize(
    "change",
    [
        lambda doc: {**doc, "severity": "catastrophic"},  # fails validation
        lambda doc: {**doc, "when": {"$date": 5}},  # a tag that does not decode
        lambda doc: {**doc, "examples": [{"answers": {"dmp.nope": "yes"}, "expect": "fires"}]},
    ],
    ids=["invalid", "bad-tag", "fails-cross-check"],
)
def test_a_forged_entry_that_the_files_would_not_give_is_not_trusted(
    cache_home: Path, mini: Path, change
):
    expected = load(mini, cache=False)
    load(mini)
    (cache,) = cache_files(cache_home)
    cache.write_bytes(_forged(cache, change))
    assert load(mini) == expected
    assert load(mini) == expected  # and the cache was rewritten from the files


def test_a_cache_in_a_folder_others_can_write_is_neither_read_nor_written(
    cache_home: Path, mini: Path, parses: list[Path]
):
    (cache_home / "assess").mkdir(parents=True)
    (cache_home / "assess").chmod(0o777)
    load(mini)
    assert cache_files(cache_home) == []
    (cache_home / "assess").chmod(0o700)
    load(mini)
    (cache,) = cache_files(cache_home)
    (cache_home / "assess").chmod(0o770)
    parses.clear()
    load(mini)
    assert len(parses) == len(load(mini, cache=False).rules) + 4  # the group could have written it


def test_a_symlink_at_the_cache_path_is_not_followed(
    cache_home: Path, mini: Path, tmp_path: Path, parses: list[Path]
):
    load(mini)
    (cache,) = cache_files(cache_home)
    target = tmp_path / "elsewhere.json"
    target.write_bytes(cache.read_bytes())
    cache.unlink()
    cache.symlink_to(target)
    before = target.read_bytes()
    parses.clear()
    defs = load(mini)
    assert len(parses) == len(defs.rules) + 4  # not read through the link
    assert cache.is_symlink() and target.read_bytes() == before  # nor written through it


def test_a_new_loader_discards_every_entry(
    cache_home: Path, mini: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
):
    defs = load(mini)
    monkeypatch.setattr(source_cache, "_parser_id", lambda: "another loader")
    parses.clear()
    assert load(mini) == defs
    assert len(parses) == len(defs.rules) + 4


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    assert source_cache.cache_dir() == Path("/var/cache/someone/assess")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid per the spec: ignored
    assert source_cache.cache_dir() == tmp_path / ".cache" / "assess"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert source_cache.cache_dir() == tmp_path / ".cache" / "assess"


def test_data_json_cannot_carry_is_left_uncached():
    with pytest.raises(source_cache._Uncacheable):
        source_cache._encode({"a": {1: "int key"}})
    with pytest.raises(source_cache._Uncacheable):
        source_cache._encode({"a": b"bytes"})


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.dates()
    | (st.datetimes() | st.datetimes(timezones=st.just(dt.UTC))).map(lambda d: d.replace(fold=0))
)  # YAML timestamps never carry `fold`
_keys = st.text(max_size=6) | st.sampled_from(["$date", "$datetime", "$", "$$x", "$map"])
_yaml_like = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=20,
)


def _typed(node):
    """Equality that also tells True from 1 and a date from a datetime."""
    if isinstance(node, dict):
        return ("dict", sorted((k, _typed(v)) for k, v in node.items()))
    if isinstance(node, list):
        return ("list", [_typed(v) for v in node])
    return (type(node).__name__, repr(node))


@given(_yaml_like)
def test_parsed_data_survives_the_json_round_trip_exactly(data):
    text = json.dumps(source_cache._encode(data))
    assert _typed(json.loads(text, object_hook=source_cache._decode_object)) == _typed(data)


def test_tests_never_touch_the_users_cache():
    home = os.environ["XDG_CACHE_HOME"]
    assert "assess-test-cache-" in home
