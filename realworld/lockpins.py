"""Print the pinned packages of a lock file as pip requirements (stdlib only, Python 3.8+).

`python "$REALWORLD/lockpins.py" Pipfile.lock [--dev] [--skip NAME ...]`
`python "$REALWORLD/lockpins.py" poetry.lock [--skip NAME ...]`

Pipfile.lock: the `default` section (and `develop` with --dev), with its markers.
poetry.lock: every `[[package]]` name and version (main and dev alike; the lock is the whole
closure, so pip resolves nothing new). For uv.lock use `uv export` instead: it needs markers
that only uv evaluates.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

POETRY_PACKAGE = re.compile(r'^\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', re.M)


def pipfile_pins(text: str, dev: bool) -> Iterator[str]:
    lock = json.loads(text)
    sections = [lock.get("default", {})] + ([lock.get("develop", {})] if dev else [])
    for section in sections:
        for name, spec in section.items():
            if "version" in spec:
                marker = "; " + spec["markers"] if spec.get("markers") else ""
                yield name + spec["version"] + marker


def poetry_pins(text: str) -> Iterator[str]:
    for name, version in POETRY_PACKAGE.findall(text):
        yield name + "==" + version


def main(argv: list[str]) -> None:
    path, options = argv[0], argv[1:]
    skip = {options[i + 1].lower() for i, arg in enumerate(options) if arg == "--skip"}
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith("Pipfile.lock"):
        pins = pipfile_pins(text, "--dev" in options)
    else:
        pins = poetry_pins(text)
    for pin in pins:
        if re.split(r"[=<>;\[ ]", pin)[0].lower() not in skip:
            print(pin)


if __name__ == "__main__":
    main(sys.argv[1:])
