"""Line-aware YAML/JSON loading, and pydantic errors turned into `file:line: field: message`.

ruamel.yaml reads YAML 1.2, so `no` stays the string "no" (PyYAML would make it False), and it
rejects duplicate keys. Positions are kept beside the plain data so that an error located by
pydantic as ('when', 'all', 2, 'gte') can be reported at the line where it was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem, display_path

__all__ = ["Document", "LoadFailure", "load_document", "problems_from_validation"]

Loc = tuple[str | int, ...]


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


def load_document(path: Path) -> Document:
    """Parse a YAML or JSON file; a syntax error or duplicate key becomes a located Problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadFailure(
            Problem(
                display_path(path),
                None,
                "",
                f"not UTF-8 text ({exc.reason}); save the file as UTF-8",
            )
        ) from exc
    except OSError as exc:
        raise LoadFailure(
            Problem(display_path(path), None, "", f"cannot read file: {exc.strerror}")
        ) from exc
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        raw = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        key = _duplicate_key(exc)
        raise LoadFailure(
            Problem(display_path(path), line, key, "duplicate key; each key may appear only once")
        ) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        raise LoadFailure(Problem(display_path(path), line, "", f"invalid YAML: {what}")) from exc
    except YAMLError as exc:
        raise LoadFailure(Problem(display_path(path), None, "", f"invalid YAML: {exc}")) from exc
    doc = Document(path=path, data=None)
    doc.lines[()] = 1
    doc.data = _plain(raw, (), doc.lines)
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


def _plain(node: Any, loc: Loc, lines: dict[Loc, int]) -> Any:
    """Convert ruamel's commented containers to dict/list, recording every position."""
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key in node:
            child = (*loc, key)
            pos = node.lc.key(key)
            if pos is not None:
                lines[child] = pos[0] + 1
            out[key] = _plain(node[key], child, lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            child = (*loc, i)
            pos = node.lc.item(i)
            if pos is not None:
                lines[child] = pos[0] + 1
            items.append(_plain(value, child, lines))
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
    doc: Document, error: ValidationError, prefix: Loc = ()
) -> list[Problem]:
    """Every pydantic error of `error`, located in `doc`."""
    problems: dict[tuple[int | None, str], Problem] = {}
    for err in error.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        message = _FRIENDLY.get(err["type"], err["msg"])
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
