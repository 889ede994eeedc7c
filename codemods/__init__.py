"""The ordered codemod pipeline. Each codemod is one file with a stable ID.

The registry names each codemod, says what it does and how to ask a file's bytes whether it
needs it (`_prefilters.py`), without importing it: a codemod's module, and with it libcst, is
imported (`load()`) only when some file needs it, so a run with nothing to do never imports
libcst.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forgeapi_migrate.codemods import _prefilters

if TYPE_CHECKING:
    from forgeapi_migrate.codemods._helpers import MigrationCodemod
    from forgeapi_migrate.plan import MigrationPlan


Prefilter = Callable[[str, bytes, "MigrationPlan"], bool]


@dataclass(frozen=True)
class Codemod:
    ID: str
    DESCRIPTION: str
    applies_to: Prefilter  # a byte test; False: the file is not parsed for this codemod
    implementation: str  # "module:Class" in this package
    # A costlier second test (`ast`), asked only when no other codemod has the whole file
    # parsed anyway; where one has, the codemod's own `wants` decides on the libcst tree.
    confirm: Prefilter | None = None
    # For a file only this codemod changes: how many of its first bytes hold all it can
    # change (the rest is neither parsed nor generated again; see transform._parse).
    head: Callable[[bytes, MigrationPlan], int] | None = None

    @property
    def name(self) -> str:
        """The name `--only`/`--skip` accept beside the id: its module's, dashed
        (`rewrite_imports` -> `rewrite-imports`), as pyupgrade and ruff name their rules."""
        return self.implementation.partition(":")[0].replace("_", "-")

    def load(self) -> type[MigrationCodemod]:
        module, _, name = self.implementation.partition(":")
        codemod: type[MigrationCodemod] = getattr(
            importlib.import_module(f"{__name__}.{module}"), name
        )
        return codemod


# Order matters: later codemods see the output of earlier ones.
CODEMODS: tuple[Codemod, ...] = (
    Codemod(
        "FM004",
        "Point uses of a dissolved re-exporting package at the defining modules.",
        _prefilters.resolve_reexports,
        "resolve_reexports:ResolveReexports",
    ),
    Codemod(
        "FM001",
        "Point every import of a moved module at its new home (relative ones made absolute).",
        _prefilters.rewrite_imports,
        "rewrite_imports:RewriteImports",
        head=_prefilters.rewrite_imports_head,
    ),
    Codemod(
        "FM003",
        "Import other domains through module aliases (`from src.b import service as b_service`).",
        _prefilters.use_module_aliases,
        "use_module_aliases:UseModuleAliases",
        _prefilters.confirm_module_aliases,
    ),
    Codemod(
        "FM005",
        "Give the declarative base's MetaData the ix/uq/ck/fk/pk naming convention.",
        _prefilters.add_naming_convention,
        "add_naming_convention:AddNamingConvention",
    ),
    Codemod(
        "FM002",
        "Rewrite strings that name a moved module by dotted path (patch targets, 'app.main:app').",
        _prefilters.rewrite_dotted_paths,
        "rewrite_dotted_paths:RewriteDottedPaths",
    ),
    Codemod(
        "FM006",
        "Make paths built from __file__ reach the same files after the move.",
        _prefilters.rewrite_file_relative_paths,
        "rewrite_file_relative_paths:RewriteFileRelativePaths",
    ),
)

__all__ = ["CODEMODS", "Codemod"]
