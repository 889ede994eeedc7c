"""pytest plugin: asgi-lifespan's LifespanManager waits 60 s, not 5 s, for start-up and shutdown.

The harness runs on a small shared machine, where an application whose start-up runs its
database migrations can take more than 5 s, and then every test that uses it errors in its
fixture. Load it with `PYTHONPATH="$REALWORLD/pytest_plugins" python -m pytest -p rw_slow_start`;
only the default deadline changes (Python 3.8+).
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

LifespanManager: Any = importlib.import_module("asgi_lifespan").LifespanManager

_original_init = LifespanManager.__init__


@functools.wraps(_original_init)
def _patient_init(
    self: Any, app: Any, startup_timeout: float | None = 60, shutdown_timeout: float | None = 60
) -> None:
    _original_init(self, app, startup_timeout, shutdown_timeout)


LifespanManager.__init__ = _patient_init
