"""Which choice a person means: its number, ID or label, or an unambiguous part of a label.

Tiers, the first that finds something wins:

1. exact (folded): the ID, either label, the label without its parenthesis (« Centre
   hospitalier »), the parenthesis itself (« CH »), one side of « A / B » (« CIM-10 »);
2. partial: the text starts a label (« Référencée v… ») or is a run of whole words of one
   (« vague 2 », « partie »).

A tier that finds several choices is ambiguous: the caller lists the candidates, never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common import Text
from ..questionnaire import Question
from .forms import fold_words

__all__ = ["ChoiceMatch", "ChoiceTable", "choice_labels", "choice_table", "keys_of", "match_choice"]

_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_MIN_PREFIX = 3  # « o » or « a » must not pick a choice by its first letter
_MEMO_SIZE = 256  # per list: the first forms met only, so memory stays flat


@dataclass(frozen=True, slots=True)
class ChoiceMatch:
    ids: tuple[str, ...]  # one: found; several: ambiguous; none: not a choice


def keys_of(label: str) -> set[str]:
    """Every exact form of one label."""
    keys = {fold_words(label)}
    bare = _PARENTHESIS.sub(" ", label)
    keys.add(fold_words(bare))
    for inside in _PARENTHESIS.findall(label):
        keys.update(fold_words(part) for part in inside.split(","))
    for side in bare.split("/"):
        keys.add(fold_words(side))
    return {k for k in keys if k}


class ChoiceTable:
    """The forms of a closed list of (ID, label) pairs, built once per list."""

    def __init__(
        self,
        pairs: list[tuple[str, Text]],
        aliases: dict[str, str] | None = None,
        numbered: bool = True,
    ) -> None:
        self.numbered = numbered
        exact: dict[str, list[str]] = {}
        for cid, label in pairs:
            for key in {fold_words(cid)} | keys_of(label.fr) | keys_of(label.en):
                exact.setdefault(key, []).append(cid)
        for alias, cid in (aliases or {}).items():
            exact.setdefault(fold_words(alias), []).append(cid)
        self.ids = tuple(cid for cid, _ in pairs)
        self.exact = {k: tuple(dict.fromkeys(v)) for k, v in exact.items()}
        self.labels = tuple(
            (cid, tuple({fold_words(label.fr), fold_words(label.en)})) for cid, label in pairs
        )
        # A batch types the same few forms in thousands of rows (and every part of « a|b|c »).
        self.memo: dict[str, ChoiceMatch] = {}

    def match(self, raw: str) -> ChoiceMatch:
        found = self.memo.get(raw)
        if found is None:
            found = self._match(raw)
            if len(self.memo) < _MEMO_SIZE:
                self.memo[raw] = found
        return found

    def _match(self, raw: str) -> ChoiceMatch:
        text = raw.strip()
        if self.numbered and text.isdigit() and 1 <= int(text) <= len(self.ids):
            return ChoiceMatch((self.ids[int(text) - 1],))
        typed = fold_words(text)
        if not typed:
            return ChoiceMatch(())
        exact = self.exact.get(typed)
        if exact:
            return ChoiceMatch(exact)
        return ChoiceMatch(
            tuple(cid for cid, labels in self.labels if any(_partial(typed, x) for x in labels))
        )


_TABLES: dict[int, tuple[Question, ChoiceTable]] = {}


def choice_table(question: Question) -> ChoiceTable:
    entry = _TABLES.get(id(question))
    if entry is None or entry[0] is not question:
        pairs = [(c.id, c.label) for c in question.choices]
        entry = _TABLES[id(question)] = (question, ChoiceTable(pairs))
    return entry[1]


def _partial(typed: str, label: str) -> bool:
    if len(typed) >= _MIN_PREFIX and label.startswith(typed):
        return True
    return len(typed) >= 2 and f" {typed} " in f" {label} "


def match_choice(question: Question, raw: str) -> ChoiceMatch:
    return choice_table(question).match(raw)


def choice_labels(question: Question, ids: tuple[str, ...] | list[str]) -> list[Text]:
    by_id = {c.id: c.label for c in question.choices}
    return [by_id[i] for i in ids if i in by_id]
