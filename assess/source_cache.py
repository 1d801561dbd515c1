"""Parsed definition files, cached by content, so that a command does not re-parse ~250 YAML files.

What is cached is each file's parsed data (what the YAML loader returns: dicts, lists, strings,
numbers, dates), keyed by the SHA-256 of the file's bytes. A cached document goes through the
same validation and cross-checks as a freshly parsed one: the cache saves only the parse, which
is ~95 % of the load. A file that changed has a new hash and is parsed again, so a stale entry
can never be served; a change of the loader's code or of ruamel.yaml discards every entry.

The cache is JSON, never pickle: unpickling a file from a user-writable folder would execute
whatever it says. It lives in a folder of its own (`$XDG_CACHE_HOME/assess`, else
`~/.cache/assess`) that must belong to the user and be writable by nobody else, which keeps
other accounts from planting a file or a symlink there. Whatever the file holds, the worst it
can do is fail to decode (the files are then parsed) or hand over data that the validation
judges like any rule file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import write_atomic
from .errors import OutputError
from .yamlio import Document, load_document

__all__ = ["DocumentCache", "cache_dir"]

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024  # the shipped definitions take ~0.5 MB
_DATE, _DATETIME = "$date", "$datetime"


class _Uncacheable(Exception):
    """Data that JSON cannot carry exactly (e.g. a non-string key): the file is parsed each time."""


def cache_dir() -> Path | None:
    """The user's cache folder for assess; None when there is no home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and os.path.isabs(base):  # the XDG spec says to ignore a relative path
        return Path(base) / "assess"
    try:
        return Path.home() / ".cache" / "assess"
    except RuntimeError:
        return None


def _private(folder: Path) -> bool:
    """A real folder of this user that nobody else can write into."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022:
        return False
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or info.st_uid == geteuid()


def _parser_id() -> str:
    """Changes whenever the parse itself could: tool version, ruamel.yaml, the loader's code."""
    from ruamel.yaml import __version__ as ruamel_version

    from . import yamlio

    loader = hashlib.sha256(Path(yamlio.__file__).read_bytes()).hexdigest()[:16]
    return f"{__version__}/{ruamel_version}/{loader}"


def _encode(node: Any) -> Any:
    """Parsed YAML as JSON data; dates are tagged, and keys starting with `$` escaped."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if not isinstance(key, str):
                raise _Uncacheable
            out["$" + key if key.startswith("$") else key] = _encode(value)
        return out
    if isinstance(node, list):
        return [_encode(v) for v in node]
    if isinstance(node, dt.datetime):
        return {_DATETIME: node.isoformat()}
    if isinstance(node, dt.date):
        return {_DATE: node.isoformat()}
    if node is None or isinstance(node, str | bool | int | float):
        return node
    raise _Uncacheable


def _decode_object(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        key, value = next(iter(obj.items()))
        if key == _DATE:
            return dt.date.fromisoformat(value)
        if key == _DATETIME:
            return dt.datetime.fromisoformat(value)
    for key in obj:
        if key[:1] == "$":
            return {k[1:] if k[:1] == "$" else k: v for k, v in obj.items()}
    return obj


def _read_private_file(path: Path) -> bytes | None:
    """The bytes of a regular file of this user, never through a symlink; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        geteuid = getattr(os, "geteuid", None)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        if geteuid is not None and info.st_uid != geteuid():
            return None
        return f.read(MAX_BYTES + 1)


def _entries(raw: bytes, parser: str) -> dict[str, Any]:
    """The documents of a cache file, or nothing if it is not a well-formed one of this parser."""
    try:
        data = json.loads(raw, object_hook=_decode_object)
    except (ValueError, TypeError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("parser") != parser:
        return {}
    documents = data.get("documents")
    return documents if isinstance(documents, dict) else {}


class DocumentCache:
    """Reads definition files through the cache; `save()` writes back what this load used."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.parser = _parser_id()
        raw = _read_private_file(path) if path is not None and _private(path.parent) else None
        self.entries: dict[str, Any] = _entries(raw, self.parser) if raw is not None else {}
        self.used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_sources(cls, *sources: Path) -> DocumentCache:
        """The cache of one set of definition files (one cache file per set of locations)."""
        folder = cache_dir()
        if folder is None:
            return cls(None)
        where = "\0".join(str(p.resolve()) for p in sources)
        name = f"definitions-{hashlib.sha256(where.encode()).hexdigest()[:16]}.json"
        return cls(folder / name)

    def load(self, path: Path) -> Document:
        """The document of `path`: from the cache when its bytes are known, else parsed."""
        try:
            key = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return load_document(path)  # the loader reports the unreadable file
        if key in self.entries:
            self.hits += 1
            self.used[key] = self.entries[key]
            return Document(path=path, data=self.entries[key], lines={(): 1})
        self.misses += 1
        doc = load_document(path)
        try:
            # Only if the file did not change while it was parsed: the key must name these bytes.
            if hashlib.sha256(path.read_bytes()).hexdigest() == key:
                self.used[key] = doc.data
        except OSError:
            pass
        return doc

    def forget(self) -> None:
        """Parse every file from now on, and let `save()` rewrite the cache from the files."""
        self.entries = {}
        self.used = {}
        self.hits = 0
        self.misses = 0

    def save(self) -> None:
        """Write the entries this load used, if they differ from the file's; never fails a run."""
        if self.path is None or (self.misses == 0 and self.used.keys() == self.entries.keys()):
            return  # the file holds exactly what this load used
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(folder):
                return
            if os.path.lexists(self.path) and not stat.S_ISREG(os.lstat(self.path).st_mode):
                return  # never write through a symlink or into anything but a regular file
            payload = {"format": FORMAT, "parser": self.parser, "documents": self._encoded()}
            write_atomic(self.path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except (OSError, OutputError):  # OutputError: the shared writer's "cannot write"
            pass  # no cache this time: the next run parses the files again

    def _encoded(self) -> dict[str, Any]:
        out = {}
        for key, data in self.used.items():
            try:
                out[key] = _encode(data)
            except _Uncacheable:
                continue
        return out
