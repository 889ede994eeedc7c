"""Register a project's distribution metadata in the venv without installing its code.

`python "$REALWORLD/metadata_only.py" [pyproject.toml]` (Python 3.11+) writes
`<name>-<version>.dist-info/` (METADATA, INSTALLER, RECORD) into the running interpreter's
site-packages, from the `[project]` table. For projects that call
`importlib.metadata.version("<name>")` on import: the metadata is found, while the code is
still imported from the tree under test (no copy in site-packages, no path baked into a .pth
file), before and after the migration alike.
"""

import re
import sys
import sysconfig
import tomllib
from pathlib import Path


def main(pyproject: str = "pyproject.toml") -> None:
    project = tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))["project"]
    name, version = project["name"], project["version"]
    normalized = re.sub(r"[-_.]+", "_", name).lower()
    info = Path(sysconfig.get_paths()["purelib"]) / f"{normalized}-{version}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "INSTALLER").write_text("realworld-harness\n", encoding="utf-8")
    files = ("METADATA", "INSTALLER", "RECORD")
    (info / "RECORD").write_text("".join(f"{info.name}/{f},,\n" for f in files))


if __name__ == "__main__":
    main(*sys.argv[1:])
