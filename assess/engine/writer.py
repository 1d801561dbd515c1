"""Organisations → the JSON text of their domain facts: one generated function, cached fragments.

Each question contributes a fragment (`,"a":3` for a value, `,"b3":1,"b4":0` for the tested
choices of a multiple choice, `,"s":1` for a state), cached per answer: most answers repeat
across organisations, so writing a fact is mostly joining cached strings. The generated
function reads each question once for every domain, as the generated rules function does
(`generated.py`: no text from the definitions enters the code, only indexes). A fact starts
with its batch-local id (the drain reads ids with one regex) and carries no sid: the engine
uses its default session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..conditions import UNKNOWN, VALUE, date_number
from ..numbers import number_text
from .layout import ORG_CODES, STATE_CODES, Field, Layout
from .python import Case
from .truth import Resolved

__all__ = ["FactWriter", "fragment"]

_CACHE_PER_QUESTION = 4096
Writer = Callable[[Sequence[dict[str, Resolved]], Sequence[tuple[str, str]]], list[list[str]]]


def fragment(field: Field, value: Any) -> str:
    """The text a question with a value contributes (state fields: `value` is the state)."""
    if field.kind == "state":
        code, useful = STATE_CODES[value], field.useful[0]
        return f',"{field.props[0]}":{code}' if useful is None or code in useful else ""
    if field.kind == "multiple":
        bits = ((p, 1 if c in value else 0, u) for c, p, u in zip(field.choices, field.props, field.useful, strict=True))  # fmt: skip
        return "".join(f',"{p}":{b}' for p, b, useful in bits if useful is None or b in useful)
    if field.kind == "choice":
        code = field.choices.index(value) if value in field.choices else -1
        useful = field.useful[0]
        return f',"{field.props[0]}":{code}' if useful is None or code in useful else ""
    if field.kind == "date":
        return f',"{field.props[0]}":{date_number(value)}'
    return f',"{field.props[0]}":{number_text(value)}'


class _Cache(dict[Any, str]):
    """One field's fragments by value, computed on first use, at most a few thousand kept."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field

    def __missing__(self, value: Any) -> str:
        text = fragment(self.field, value)
        if len(self) < _CACHE_PER_QUESTION:
            self[value] = text
        return text


class _Fragments:
    """Per field, its cache (state fields: the three fragments, filled up front)."""

    def __init__(self) -> None:
        self.caches: list[_Cache] = []

    def add(self, field: Field) -> int:
        cache = _Cache(field)
        if field.kind == "state":
            cache.update({s: fragment(field, s) for s in STATE_CODES})
        self.caches.append(cache)
        return len(self.caches) - 1


def _source(layouts: Sequence[Layout], frags: _Fragments) -> tuple[str, list[str]]:
    qids: list[str] = sorted({f.question for lay in layouts for f in lay.fields})
    index = {q: i for i, q in enumerate(qids)}
    body = ["def write(many, heads):", f"    out = {[[] for _ in layouts]!r}"]
    body += [f"    o{d} = out[{d}]" for d in range(len(layouts))]
    body.append("    for k, res in enumerate(many):")
    body.append("        h0, h1 = heads[k]")
    for i in range(len(qids)):
        body.append(f"        r = res.get(Q[{i}], UNKNOWN_ANSWER); s{i} = r.state; v{i} = r.value")
    for d, lay in enumerate(layouts):
        parts = []
        for f in lay.fields:
            j, i = frags.add(f), index[f.question]
            name = f"f{j}"
            if f.kind == "state":
                body.append(f"        {name} = C[{j}][s{i}]")
            else:
                body.append(f'        {name} = C[{j}][v{i}] if s{i} == VALUE else ""')
            parts.append("{" + name + "}")
        head = "{h1}" if lay.uses_date else "{h0}"
        body.append(f"        o{d}.append(f'{{{{\"id\":{{k}}{head}{''.join(parts)}}}}}')")
    body.append("    return out")
    return "\n".join(body) + "\n", qids


def _heads(case: Case) -> tuple[str, str]:
    org = f',"o":{ORG_CODES[case.org_type]}'
    return org, f'{org},"d":{date_number(case.as_of)}'


class FactWriter:
    """Writes, for a batch of organisations, every domain's facts (ids 0…n-1)."""

    def __init__(self, layouts: Sequence[Layout]) -> None:
        frags = _Fragments()
        text, qids = _source(layouts, frags)
        namespace: dict[str, Any] = {
            "Q": qids, "C": frags.caches, "VALUE": VALUE,
            "UNKNOWN_ANSWER": Resolved(UNKNOWN),
        }  # fmt: skip
        exec(compile(text, "<assess fact writer>", "exec"), namespace)  # noqa: S102
        self._write: Writer = namespace["write"]

    def facts(self, cases: Sequence[Case]) -> list[list[str]]:
        """Per layout (in the order given), one fact per organisation."""
        return self._write([c.resolved for c in cases], [_heads(c) for c in cases])
