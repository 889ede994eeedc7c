"""Write a FastAPI application's OpenAPI document, key-sorted, to a file.

Run by the harness inside the project's own venv, from the project folder (Python 3.8+):
`python dump_openapi.py module:attr OUT` (`module:factory()` calls the factory first).
The documents of sub-applications mounted on it (`app.mount("/api", api_app)`) are added under
`x-mounted-apps`, by mount path. With RW_OPENAPI_LIFESPAN=1 in the environment the document is
taken inside the app's lifespan, for apps that add their routes at start-up.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
from typing import Any


def load_app(target: str) -> Any:
    module_name, _, attr = target.partition(":")
    factory = attr.endswith("()")
    app = getattr(importlib.import_module(module_name), attr[:-2] if factory else attr)
    return app() if factory else app


def document(app: Any) -> dict[str, Any]:
    """The app's OpenAPI document, with those of the apps mounted on it."""
    doc: dict[str, Any] = app.openapi()
    mounted = {
        route.path: document(route.app)
        for route in app.routes
        if hasattr(getattr(route, "app", None), "openapi")
    }
    return {**doc, "x-mounted-apps": mounted} if mounted else doc


async def started_document(app: Any) -> dict[str, Any]:
    async with app.router.lifespan_context(app):
        return document(app)


def main() -> None:
    target, out = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.getcwd())
    app = load_app(target)
    if os.environ.get("RW_OPENAPI_LIFESPAN") == "1":
        doc = asyncio.run(started_document(app))
    else:
        doc = document(app)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(doc, sort_keys=True, indent=1) + "\n")


if __name__ == "__main__":
    main()
