"""Every file `assess` writes goes through here: one writer, Unix semantics.

* `-` is standard output; no file named `-` is ever created.
* A path that exists and is not a regular file (device such as /dev/null, FIFO, socket,
  /dev/stdout) is opened and written, never replaced.
* A regular file, or a symlink to one, is written to a temporary file beside the real target,
  fsynced, then renamed over it: a crash leaves the old file or the new one, never half of one,
  and a symlink keeps pointing at its (new) target.
* A new file gets `0666 & ~umask`; a replaced file keeps its permissions, as with the shell's `>`.
* The folder must exist (it is never created silently).
* `Outputs` groups the files of one run: all are written first, then all renamed, so a run that
  fails (full or read-only disk, Ctrl-C, SIGTERM) publishes none of them and leaves no temporary
  file; the error names the path and the reason in one line.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputError, display_path

__all__ = [
    "STDOUT",
    "Output",
    "Outputs",
    "check_destination",
    "is_stdout",
    "os_reason",
    "refuse_inputs",
    "write_failure",
    "write_atomic",
]

STDOUT = "-"
_PASS_THROUGH = ("/dev/", "/proc/")  # /dev/stdout, /dev/fd/N, /proc/self/fd/N: write, never rename


def is_stdout(path: Path | str | None) -> bool:
    return path is None or str(path) == STDOUT


def _shown(path: Path | str) -> str:
    """An output path as the user typed it (not resolved: a link is named, not its target)."""
    return str(path)


def write_failure(path: Path | str, exc: OSError) -> OutputError:
    """The OS error of a write, said in the user's language (the common reasons translated)."""
    return OutputError.said("o_cannot_write", path=_shown(path), reason=os_reason(exc))


def os_reason(exc: OSError) -> Callable[[str], str]:
    """Why the system refused, said in the language given (the common reasons translated)."""

    def said(lang: str) -> str:
        from .file_messages import OS_REASONS
        from .i18n import t

        if exc.errno is None:  # raised by Python code, not by the system: its own words
            return str(exc)
        key = OS_REASONS.get(exc.errno or 0, "o_os_other")
        return t(key, "en" if lang == "en" else "fr", code=exc.errno or "?")

    return said


def _kind(path: Path) -> str:
    """'new', 'replace' (a regular file, maybe through a link) or 'direct' (anything else)."""
    try:
        info = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise write_failure(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError.said("o_is_folder", path=_shown(path))
    if not stat.S_ISREG(info.st_mode) or str(path.absolute()).startswith(_PASS_THROUGH):
        return "direct"
    return "replace"


def check_destination(path: Path) -> None:
    """Refuse, before any work, an output whose folder is missing or that is a folder."""
    if is_stdout(path):
        return
    kind = _kind(path)
    if kind == "new":
        folder = Path(os.path.realpath(path)).parent
        if not folder.is_dir():
            raise OutputError.said("o_no_folder", path=_shown(path), folder=_shown(folder))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def _files(paths: Iterable[Path | None]) -> Iterator[Path]:
    for path in paths:
        if path is None:
            continue
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def refuse_inputs(outputs: Iterable[Path | None], inputs: Iterable[Path | None]) -> None:
    """Refuse an output that is the same file as an input (through any path or link), or as
    another output, before anything is read or written; check every output's folder."""
    read = {ident: path for path in _files(inputs) if (ident := _identity(path)) is not None}
    written: dict[tuple[int, int] | str, Path] = {}
    for path in outputs:
        if path is None or is_stdout(path):
            continue
        check_destination(path)
        ident = _identity(path)
        if ident is not None and ident in read:
            raise OutputError.said("o_is_input", path=_shown(path), input=display_path(read[ident]))
        key: tuple[int, int] | str = ident or os.path.realpath(path)
        if key in written:
            raise OutputError.said("o_same_output", path=_shown(path), other=_shown(written[key]))
        written[key] = path


def _new_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class Output:
    """One destination. Write to `binary` (or `text()`), then `finish()` and `publish()` —
    or `discard()`. `Outputs` does this for a whole run."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = Path(STDOUT if path is None else path)
        self.tmp: Path | None = None
        self.backup: Path | None = None  # the replaced file, kept until the run is committed
        self.target = self.path
        self._text: io.TextIOWrapper | None = None
        self._closed = False
        if is_stdout(path):
            self.kind = "stdout"
            self.binary: IO[bytes] = sys.stdout.buffer
            return
        self.kind = _kind(self.path)
        try:
            if self.kind == "direct":
                self.binary = open(self.path, "wb")  # noqa: SIM115 - closed in finish/discard
                return
            check_destination(self.path)
            self.target = Path(os.path.realpath(self.path))
            self.mode = (
                os.stat(self.target).st_mode & 0o7777 if self.kind == "replace" else _new_mode()
            )
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
            )
        except OSError as exc:
            raise write_failure(self.path, exc) from None
        self.tmp = Path(tmp)
        self.binary = os.fdopen(fd, "wb")

    def text(self, bom: bool = False) -> IO[str]:
        """A text stream (UTF-8, optional BOM) over this output; standard output stays the
        process's own text stream, so its encoding and redirections apply."""
        if self._text is None:
            if self.kind == "stdout":
                if bom:
                    sys.stdout.write("\ufeff")
                return sys.stdout
            encoding = "utf-8-sig" if bom else "utf-8"
            self._text = io.TextIOWrapper(self.binary, encoding=encoding, newline="")
        return self._text

    def write(self, data: bytes | str) -> None:
        try:
            if isinstance(data, str):
                self.text().write(data)
            else:
                self.binary.write(data)
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def finish(self) -> None:
        """Flush everything to disk (the temporary file stays under its temporary name)."""
        try:
            if self.kind == "stdout":
                (self._text or sys.stdout).flush()
                self.binary.flush()
                return
            if self._text is not None:
                self._text.flush()
            self.binary.flush()
            if self.tmp is not None:
                os.fsync(self.binary.fileno())
                os.chmod(self.tmp, self.mode)
            self._close()
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def publish(self) -> None:
        """Rename the finished temporary file over the target; a replaced file stays reachable
        under a backup hard link until `settle()`, so that `restore()` can undo the rename."""
        if self.tmp is None:
            return
        if self.kind == "replace":
            backup = self.tmp.with_suffix(".old")
            with contextlib.suppress(
                OSError
            ):  # no hard links here: no undo, the rename still works
                os.link(self.target, backup)
                self.backup = backup
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.settle()
            raise write_failure(self.path, exc) from None
        self.tmp = None
        with contextlib.suppress(OSError):  # make the rename durable where the OS allows it
            dir_fd = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def restore(self) -> None:
        """Undo `publish()`: the previous file back, or no file where there was none."""
        with contextlib.suppress(OSError):
            if self.backup is not None:
                os.replace(self.backup, self.target)
                self.backup = None
            elif self.kind == "new":
                os.unlink(self.target)

    def settle(self) -> None:
        if self.backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.backup)
            self.backup = None

    def discard(self) -> None:
        """Drop the temporary file; never raises (it runs while another error is reported)."""
        if self.kind != "stdout":
            with contextlib.suppress(OSError, ValueError):
                self._close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()
            self.tmp = None

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self._text is not None:
                self._text.close()  # closes `binary` too
        finally:
            self.binary.close()


class Outputs:
    """The outputs of one run, committed together: `with Outputs() as out: out.open(path)…`."""

    def __init__(self) -> None:
        self.items: list[Output] = []
        self.moves: list[
            tuple[Path, Path]
        ] = []  # files already written elsewhere, renamed at commit

    def open(self, path: Path | str | None) -> Output:
        output = Output(path)
        self.items.append(output)
        return output

    def move(self, tmp: Path, final: Path) -> None:
        """Rename `tmp` (a finished temporary file) to `final` at commit, delete it on discard."""
        self.moves.append((tmp, final))

    def forget(self, tmp: Path) -> None:
        self.moves = [(t, f) for t, f in self.moves if t != tmp]
        with contextlib.suppress(OSError):
            tmp.unlink()

    def commit(self) -> None:
        for output in self.items:
            output.finish()
        published: list[Output] = []
        try:
            for output in self.items:
                output.publish()
                published.append(output)
            for tmp, final in self.moves:
                try:
                    os.replace(tmp, final)
                except OSError as exc:
                    raise write_failure(final, exc) from None
        except BaseException:
            for output in reversed(published):
                output.restore()
            raise
        finally:
            for output in self.items:
                output.settle()
        self.items, self.moves = [], []

    def discard(self) -> None:
        for output in self.items:
            output.discard()
        for tmp, _ in self.moves:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self.items, self.moves = [], []

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()


def write_atomic(path: Path | str | None, data: bytes | str) -> None:
    """Write one whole file (text as UTF-8) with the rules above; `None` or `-` is stdout."""
    with Outputs() as outputs:
        outputs.open(path).write(data)
