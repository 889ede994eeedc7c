"""Where a module of a layered package belongs, judged from its path alone.

Pure functions over path parts; `plan.py` combines the answers for a whole package.
The rules are the ones in DESIGN.md ("Domain inference"): layer folders by name,
domain names from leaf names with layer prefixes/suffixes stripped, plural preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["domain", "global", "shared"]

# Layers that establish a domain: a file here names a feature.
PRIMARY_LAYERS = {
    "routes": "router", "routers": "router", "router": "router", "endpoints": "router",
    "views": "router", "api": "router", "controllers": "router",
    "crud": "service", "cruds": "service", "repositories": "service", "repository": "service",
    "repos": "service", "services": "service", "service": "service",
    "models": "models", "model": "models",
    "schemas": "schemas", "schema": "schemas", "serializers": "schemas", "dto": "schemas",
    "dtos": "schemas",
}  # fmt: skip
# Layers that a project may keep in one file for every domain (`app/models.py`): split.
SPLIT_LAYERS = frozenset(
    {"models", "schemas", "crud", "services", "repositories", "routers", "routes"}
)
# Layers whose files join an existing domain, or else the global module of their role.
SECONDARY_LAYERS = {
    "deps": "dependencies", "dependencies": "dependencies", "exceptions": "exceptions",
    "errors": "exceptions", "constants": "constants", "utils": "utils",
}  # fmt: skip
# File stems outside any layer folder that name a global module.
GLOBAL_STEMS = {
    "config": "config", "settings": "config", "session": "database", "database": "database",
    "db": "database", "main": "main", "deps": "dependencies", "dependencies": "dependencies",
    "exceptions": "exceptions", "errors": "exceptions", "constants": "constants", "utils": "utils",
}  # fmt: skip
DATABASE_DIRS = frozenset({"db", "database"})
DATABASE_DIR_STEMS = frozenset(
    {"session", "database", "db", "engine", "connection", "base", "base_class"}
)
GENERIC_STEMS = frozenset({"base", "common", "shared", "mixins", "generic", "core"})
AGGREGATOR_STEMS = frozenset({"api", "main", "router", "routers", "routes"})
AGGREGATOR_ROLE = "api"
# Stems that win a shared global destination, best first (`db/session.py` over `db/base.py`).
GLOBAL_PRIORITY = (
    "session",
    "database",
    "db",
    "engine",
    "connection",
    "config",
    "settings",
    "main",
)
_VERSION_DIR = re.compile(r"(?:\w+_)?v\d+$")  # `v1`, `api_v1`


@dataclass(frozen=True)
class Placement:
    kind: Kind
    role: str  # module name in the target: router, service, config, ... ("" for shared)
    domain: str | None  # raw domain name before plural grouping
    layer: str | None  # the layer folder that decided it
    secondary: bool  # a secondary-layer file: a domain only if that domain exists
    reason: str
    nest: str | None = None  # a folder between the layer and the file (`schemas/requests/`)


_OE_WORDS = frozenset({"shoes", "toes", "canoes", "oboes", "hoes", "floes", "does"})


def singular(word: str) -> str:
    """The singular of a layer or domain name. Hand-written, not inflect: a dozen suffix rules
    cover the names of layers and domains, and plural spellings are merged only when both
    occur in the repository (`group_plurals`), so no dictionary decides a domain's name."""
    if word.endswith(("us", "ss", "is")):
        return word  # status, address, analysis
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "uses")):
        return word[:-2]  # addresses, boxes, matches, wishes, statuses
    if word.endswith("oes") and word not in _OE_WORDS:
        return word[:-2]  # heroes, potatoes (but shoes, canoes)
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


LAYER_WORDS = frozenset(
    {w for layer in (*PRIMARY_LAYERS, *SECONDARY_LAYERS) for w in (layer, singular(layer))}
    | {"repo", "route", "endpoint", "view", "controller", "serializer", "dep", "error", "util"}
)


def domain_key(stem: str) -> str:
    """Strip one layer prefix and one layer suffix: `crud_user`, `user_service` -> `user`."""
    name = stem
    head, sep, rest = name.partition("_")
    if sep and rest and head in LAYER_WORDS:
        name = rest
    rest, sep, tail = name.rpartition("_")
    if sep and rest and tail in LAYER_WORDS:
        name = rest
    return name


TEST_DIRS = frozenset({"tests", "test"})


def is_test_code(parts: tuple[str, ...]) -> bool:
    """`tests/api/test_items.py`, `test_x.py`, `x_test.py`, `conftest.py`: what pytest collects
    or loads, and the helpers beside it. Test code never makes a domain."""
    *dirs, stem = parts
    return (
        any(d in TEST_DIRS for d in dirs)
        or stem.startswith("test_")
        or stem.endswith("_test")
        or stem == "conftest"
    )


def classify(parts: tuple[str, ...]) -> Placement:
    """Place one module, given its path parts inside the package (`("api", "routes", "users")`)."""
    if is_test_code(parts):
        return Placement("shared", "", None, None, False, "test code: keeps its place")
    *dirs, stem = parts
    dirs = [d for d in dirs if not _VERSION_DIR.match(d)]
    layer = next((d for d in reversed(dirs) if d in PRIMARY_LAYERS or d in SECONDARY_LAYERS), None)
    if layer is None:
        return _place_outside_layers(dirs, stem)
    if layer in SECONDARY_LAYERS:
        role = SECONDARY_LAYERS[layer]
        return Placement("domain", role, domain_key(stem), layer, True, f"{layer}/ layer")
    role = PRIMARY_LAYERS[layer]
    below = dirs[len(dirs) - dirs[::-1].index(layer) :]
    if below:
        nested = _place_nested(layer, role, below, stem)
        if nested is not None:
            return nested
    if role == "router" and stem in AGGREGATOR_STEMS:
        return Placement("global", AGGREGATOR_ROLE, None, layer, False, "router aggregator")
    if role == "router" and GLOBAL_STEMS.get(stem) == "dependencies":
        return Placement("global", "dependencies", None, layer, False, f"{stem}.py in {layer}/")
    if stem == "utils" and role != "router":  # `routes/utils.py` holds the `/utils` routes
        role = GLOBAL_STEMS[stem]  # a layer's helpers are nobody's domain: `crud/utils.py`
        return Placement("global", role, None, layer, False, f"{stem}.py in {layer}/")
    if stem in GENERIC_STEMS:
        return Placement("global", role, None, layer, False, f"shared {stem}.py in {layer}/")
    return Placement("domain", role, domain_key(stem), layer, False, f"{layer}/ layer")


def _place_nested(layer: str, role: str, below: list[str], stem: str) -> Placement | None:
    """A module in a folder below its layer (`routes/articles/api.py`, `schemas/requests/x.py`)."""
    folder = below[-1]
    where = f"{layer}/{'/'.join(below)}/"
    if role == "router" and stem in AGGREGATOR_STEMS:
        # the folder's own aggregator: `routes/articles/api.py` is the articles router
        reason = f"{where} aggregator of the {folder} routes"
        return Placement("domain", role, domain_key(folder), layer, False, reason)
    if stem.startswith((f"{folder}_", f"{singular(folder)}_")):
        # a piece of one domain's layer, split across files: it stays in that domain by name
        reason = f"{where}: a piece of the {folder} {role}"
        return Placement("domain", stem, domain_key(folder), layer, False, reason)
    if stem in AGGREGATOR_STEMS or stem in GENERIC_STEMS:
        return None
    reason = f"{where} layer, read at the leaf"
    return Placement("domain", role, domain_key(stem), layer, False, reason, folder)


def _place_outside_layers(dirs: list[str], stem: str) -> Placement:
    if dirs and dirs[-1] in DATABASE_DIRS and stem in DATABASE_DIR_STEMS:
        return Placement("global", "database", None, None, False, f"{dirs[-1]}/{stem}.py")
    role = GLOBAL_STEMS.get(stem)
    if role == "main" and dirs:
        role = None  # only the package's own main.py is the application's main
    if role is not None:
        return Placement("global", role, None, None, False, f"{stem}.py")
    return Placement("shared", "", None, None, False, "no layer or global role: kept as shared")


_DOMAIN_MODULE_NAMES = frozenset(
    {*PRIMARY_LAYERS.values(), *SECONDARY_LAYERS.values(), *GLOBAL_STEMS.values(),
     AGGREGATOR_ROLE, "__init__"}
    | {singular(layer) for layer in (*PRIMARY_LAYERS, *SECONDARY_LAYERS)}
)  # fmt: skip


def is_layer_folder(name: str) -> bool:
    return name in PRIMARY_LAYERS or name in SECONDARY_LAYERS or name in DATABASE_DIRS


def is_domain_module(folder: str, stem: str) -> bool:
    """Whether `folder/stem.py` reads as a module of a domain package (`routes/router.py`, in a
    domain called routes) rather than a domain's file in a layer folder (`routes/users.py`)."""
    return stem in _DOMAIN_MODULE_NAMES or stem == folder


def group_plurals(keys: set[str]) -> dict[str, str]:
    """Map each raw domain name to its group's name; plural preferred when both spellings exist.

    Written by hand instead of using an inflection library on purpose: we only merge
    spellings that both occur in the repository, so a lone `auth` or `news` is never mangled.
    """
    canonical: dict[str, str] = {}
    for key in sorted(keys):
        plurals = [key + "s", key + "es"]
        if key.endswith("y"):
            plurals.append(key[:-1] + "ies")
        canonical[key] = next((p for p in plurals if p in keys), key)
    return canonical


def alternative_module_name(placement: Placement, stem: str) -> str:
    """The name a module takes when another one already claims its standard name."""
    if placement.kind == "domain" and placement.nest is not None:
        return placement.nest  # schemas/requests/users.py beside schemas/responses/users.py
    if placement.kind == "domain" and placement.layer is not None:
        return singular(placement.layer)
    return stem


def module_alias(domain: str, module: str, style: str = "singular") -> str:
    """`users`, `service` -> `user_service` (the default, singular style) or `users_service`."""
    return f"{singular(domain) if style == 'singular' else domain}_{module}"


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def names_its_domain(class_name: str, domain: str) -> bool:
    """`UserRead` in `users` already says where it comes from; `ErrorCode` does not."""
    return class_name.startswith((camel(singular(domain)), camel(domain)))


def domain_class_alias(class_name: str, domain: str) -> str:
    """`ErrorCode` from `posts` -> `PostsErrorCode`."""
    return camel(domain) + class_name
