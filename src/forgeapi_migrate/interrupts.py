"""Signals: SIGTERM ends a run as Ctrl-C does, and neither interrupts a rollback.

CI timeouts, `timeout` and `docker stop` send SIGTERM; Python's default for it is to die on
the spot, leaving whatever was half-written. `terminate_as_interrupt` turns it into
`Terminated` (a `KeyboardInterrupt`, so every `except BaseException` rollback runs), and the
CLI exits 143 instead of 130. `shielded` holds both signals off while a rollback runs: a second
Ctrl-C must not stop the restore half-way. Signal handlers belong to the main thread; in
another thread (a batch worker) both are no-ops.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _ignore(signum: int, frame: FrameType | None) -> None:
    """A signal during a rollback: the run is ending anyway, once the tree is restored."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Deferred:
    def __init__(self) -> None:
        self.signum: int | None = None

    def record(self, signum: int, frame: FrameType | None) -> None:
        self.signum = self.signum or signum

    def check(self) -> None:
        """Raise the signal that came, here: at a point where the caller can roll back."""
        if self.signum == signal.SIGTERM:
            raise Terminated
        if self.signum is not None:
            raise KeyboardInterrupt


@contextmanager
def deferred() -> Iterator[Callable[[], None]]:
    """Ctrl-C and SIGTERM are recorded, and raised only by the `check` this yields. A signal
    raised at any bytecode can land inside `concurrent.futures`' own locking and leave a
    future's lock held: the pool's shutdown then waits forever for a worker that waits for it."""
    pending = _Deferred()
    if threading.current_thread() is not threading.main_thread():
        yield pending.check
        return
    previous = {s: signal.signal(s, pending.record) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield pending.check
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def shielded() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _ignore) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
