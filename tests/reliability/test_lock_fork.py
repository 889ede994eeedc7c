"""The tree lock is not kept alive by a process forked while it was held (a process-pool
worker started by another thread's run in `batch --jobs 2`): once the run lets go, the same
tree's next run gets it. Seen as a flaky `batch --shard` test on a clean clone."""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Event
from pathlib import Path

from forgeapi_migrate import journal
from forgeapi_migrate.journal import tree_lock


def _wait(started: Event, release: Event) -> None:
    started.set()  # by now the fork hooks have run: the child is a running process
    release.wait(30)


def test_a_child_forked_while_the_lock_was_held_does_not_keep_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    started, release = context.Event(), context.Event()
    with tree_lock(tmp_path):
        child = context.Process(target=_wait, args=(started, release))
        child.start()
        assert started.wait(30)
    try:
        with tree_lock(tmp_path):  # refused (MigrationError) if the child still held it
            pass
    finally:
        release.set()
        child.join(30)


def test_a_copy_of_the_lock_held_for_a_moment_only_delays_the_next_run(tmp_path: Path) -> None:
    """`subprocess` forks hold a copy of the lock's file until they exec: a run that let go
    of the tree must not make the next run on it fail because of such a copy."""
    import os
    import threading

    with tree_lock(tmp_path):
        (held,) = journal._HELD
        copy = os.dup(held)  # what a child between fork and exec holds
    threading.Timer(0.2, os.close, args=(copy,)).start()
    with tree_lock(tmp_path):
        pass
