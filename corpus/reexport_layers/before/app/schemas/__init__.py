"""Pydantic schemas, re-exported so callers can write ``schemas.Recipe``."""
from .user import User, UserCreate
from .recipe import Recipe, RecipeCreate, RecipeUpdate
from .tag import Tag, TagCreate

__all__ = ["Recipe", "RecipeCreate", "RecipeUpdate", "Tag", "TagCreate", "User", "UserCreate"]
