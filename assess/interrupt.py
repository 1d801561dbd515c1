"""SIGTERM handled like Ctrl-C: it raises KeyboardInterrupt, so the same clean-up runs (workers
stopped, temporary files removed, then "Interrompu." or, with --lang en, "Aborted.").

While worker processes are being started or stopped, an exception at an arbitrary point could
leave a half-started worker behind the run; `deferred()` holds SIGTERM back until the next
`checkpoint()`, which the batch passes between chunks (at most one chunk later).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["checkpoint", "deferred", "install"]

_state = {"depth": 0, "pending": False}


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    if _state["depth"]:
        _state["pending"] = True
        return
    raise KeyboardInterrupt


def install() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm)


@contextmanager
def deferred() -> Iterator[None]:
    _state["depth"] += 1
    try:
        yield
    finally:
        _state["depth"] -= 1
    checkpoint()


def checkpoint() -> None:
    """Raise the KeyboardInterrupt of a SIGTERM received while deferred."""
    if _state["pending"]:
        _state["pending"] = False
        raise KeyboardInterrupt
