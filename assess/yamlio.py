"""Line-aware YAML/JSON loading, and pydantic errors turned into `file:line: field: message`.

ruamel.yaml reads YAML 1.2, so `no` stays the string "no" (PyYAML would make it False), and it
rejects duplicate keys. Every file is bounded before it can exhaust memory or time: its size,
its nesting depth, and its number of entries once aliases are expanded (an "alias bomb" is
refused, ordinary anchors such as a shared `depends_on` are fine). A scalar that cannot be
built (`2026-02-30`, a 5,000-digit number) is a located problem, not a traceback. Positions are kept beside the plain data so that an error located by
pydantic as ('when', 'all', 2, 'gte') can be reported at the line where it was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .common import Lang
from .errors import Problem, clip, display_path

__all__ = [
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "Document",
    "LoadFailure",
    "load_document",
    "problems_from_validation",
]

Loc = tuple[str | int, ...]
MAX_FILE_BYTES = 10_000_000
MAX_DEPTH = 64  # nested mappings and lists
MAX_ENTRIES = 200_000  # keys and items, aliases expanded


class _Constructor(RoundTripConstructor):
    """Scalars that Python cannot build (a 30 February, year 0, too many digits) become
    errors at their line instead of a ValueError without one."""

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as exc:
            value = clip(str(node.value)) if isinstance(node.value, str) else ""
            raise _Unbuildable(value, clip(str(exc)), node.start_mark) from None


class _Unbuildable(ConstructorError):
    """A scalar YAML reads as a date or number that Python cannot build (30 February)."""

    def __init__(self, value: str, reason: str, mark: Any) -> None:
        super().__init__(None, None, f"'{value}' cannot be read: {reason}", mark)
        self.value, self.reason = value, reason


@dataclass
class Document:
    """A parsed file: plain Python data plus the line where each key or item was written."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def locate(self, loc: Iterable[str | int]) -> tuple[int | None, str]:
        """The line and dotted field name for a pydantic `loc`, skipping union/tag parts."""
        node: Any = self.data
        walked: list[str | int] = []
        line = self.lines.get((), None)
        parts = list(loc)
        for i, part in enumerate(parts):
            if isinstance(node, dict) and part in node:
                if _is_tag(node, part, parts[i + 1 :]):
                    continue
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                continue
            walked.append(part)
            line = self.lines.get(tuple(walked), line)
        return line, ".".join(str(p) for p in walked)

    def problem(self, loc: Iterable[str | int], message: str) -> Problem:
        line, name = self.locate(loc)
        return Problem(self.name, line, name, message)


def _is_tag(node: dict[Any, Any], part: str | int, rest: list[str | int]) -> bool:
    """A union tag (e.g. `q` for an atom) that pydantic puts in `loc` beside real keys."""
    return not isinstance(node[part], dict | list) and bool(rest) and rest[0] in node


def _refuse(
    path: Path, line: int | None, lang: Lang, key: str, field: str = "", **params: object
) -> LoadFailure:
    from .file_messages import FILE_MESSAGES

    message = FILE_MESSAGES[key].get(lang).format(**params)
    return LoadFailure(Problem(display_path(path), line, field, message))


def load_document(path: Path, lang: Lang = "fr") -> Document:
    """Parse a YAML or JSON file; a syntax error or duplicate key becomes a located Problem,
    said in `lang`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(path, None, lang, "y_too_large", size=size, max=MAX_FILE_BYTES)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(path, None, lang, "y_not_utf8") from exc
    except OSError as exc:
        from .atomic import os_reason

        raise _refuse(path, None, lang, "y_cannot_read", reason=os_reason(exc)(lang)) from exc
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH
    yaml.Constructor = _Constructor
    try:
        raw = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise _refuse(path, line, lang, "y_duplicate", _duplicate_key(exc)) from exc
    except _Unbuildable as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise _refuse(
            path, line, lang, "y_unbuildable", value=exc.value, reason=exc.reason
        ) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        if "depth" in what:
            raise _refuse(path, line, lang, "y_too_deep", max=MAX_DEPTH) from exc
        raise _refuse(path, line, lang, "y_invalid", what=what) from exc
    except YAMLError as exc:
        raise _refuse(path, None, lang, "y_invalid", what=exc) from exc
    except RecursionError:
        raise _refuse(path, None, lang, "y_too_deep", max=MAX_DEPTH) from None
    doc = Document(path=path, data=None)
    doc.lines[()] = 1
    try:
        doc.data = _plain(raw, (), doc.lines, [MAX_ENTRIES])
    except _TooManyEntries as exc:
        raise _refuse(path, exc.line, lang, "y_too_many", max=MAX_ENTRIES) from None
    return doc


class LoadFailure(Exception):
    """Internal: carries the one Problem of a file that could not even be parsed."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _duplicate_key(exc: DuplicateKeyError) -> str:
    text = str(exc.problem or "")
    # ruamel says: found duplicate key "id" with value ... (original value: ...)
    if '"' in text:
        return text.split('"')[1]
    return ""


class _TooManyEntries(Exception):
    def __init__(self, line: int | None) -> None:
        super().__init__(line)
        self.line = line


def _count(budget: list[int], line: int | None) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyEntries(line)


def _plain(node: Any, loc: Loc, lines: dict[Loc, int], budget: list[int]) -> Any:
    """Convert ruamel's commented containers to dict/list, recording every position.

    An alias is expanded here (ruamel shares the object): `budget` counts every entry so that
    a few lines of nested aliases cannot expand to billions.
    """
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key in node:
            child = (*loc, key)
            pos = node.lc.key(key)
            if pos is not None:
                lines[child] = pos[0] + 1
            _count(budget, lines.get(child[:1]))
            out[key] = _plain(node[key], child, lines, budget)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            child = (*loc, i)
            pos = node.lc.item(i)
            if pos is not None:
                lines[child] = pos[0] + 1
            _count(budget, lines.get(child[:1]))
            items.append(_plain(value, child, lines, budget))
        return items
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


_FRIENDLY = {
    "extra_forbidden": "unknown field; remove it or check its spelling",
    "missing": "required field is missing",
}


def problems_from_validation(
    doc: Document,
    error: ValidationError,
    prefix: Loc = (),
    messages: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every pydantic error of `error`, located in `doc`; `messages` rewords error types."""
    problems: dict[tuple[int | None, str], Problem] = {}
    friendly = {**_FRIENDLY, **(messages or {})}
    for err in error.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        message = friendly.get(err["type"], err["msg"])
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        problem = doc.problem(loc, message)
        missing = loc[-1] if err["type"] == "missing" and loc else None
        if isinstance(missing, str) and not problem.field.endswith(missing):
            # A missing key is not in the document: name it after the parent that lacks it.
            field = f"{problem.field}.{missing}" if problem.field else missing
            problem = Problem(problem.file, problem.line, field, message)
        # A union reports one error per member; the first is enough for a person.
        problems.setdefault((problem.line, problem.field), problem)
    return list(problems.values())
