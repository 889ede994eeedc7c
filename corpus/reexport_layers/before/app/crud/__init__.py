"""CRUD singletons, re-exported so callers can write ``crud.recipe.get(...)``."""
from .crud_user import user
from .crud_recipe import recipe
from .crud_tag import tag

__all__ = ["recipe", "tag", "user"]
