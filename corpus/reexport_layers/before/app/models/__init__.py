"""ORM models, re-exported so callers can write ``models.User``."""
from .user import User
from .recipe import Recipe, recipe_tags
from .tag import Tag

__all__ = ["Recipe", "Tag", "User", "recipe_tags"]
