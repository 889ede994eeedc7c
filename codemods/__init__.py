"""The ordered codemod pipeline. Each codemod is one file with a stable ID."""

from __future__ import annotations

from forgeapi_migrate.codemods._helpers import MigrationCodemod
from forgeapi_migrate.codemods.add_naming_convention import AddNamingConvention
from forgeapi_migrate.codemods.resolve_reexports import ResolveReexports
from forgeapi_migrate.codemods.rewrite_dotted_paths import RewriteDottedPaths
from forgeapi_migrate.codemods.rewrite_file_relative_paths import RewriteFileRelativePaths
from forgeapi_migrate.codemods.rewrite_imports import RewriteImports
from forgeapi_migrate.codemods.use_module_aliases import UseModuleAliases

# Order matters: later codemods see the output of earlier ones.
CODEMODS: tuple[type[MigrationCodemod], ...] = (
    ResolveReexports,
    RewriteImports,
    UseModuleAliases,
    AddNamingConvention,
    RewriteDottedPaths,
    RewriteFileRelativePaths,
)

__all__ = ["CODEMODS", "MigrationCodemod"]
