"""Application settings loaded from environment variables."""
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration; every field can be overridden by an env var."""

    model_config = SettingsConfigDict(extra="ignore")

    app_name: str = "Blog API"
    database_url: str = "sqlite:///./blog.db"
    # Log every SQL statement; handy while debugging locally.
    sql_echo: bool = False


@lru_cache
def get_settings() -> Settings:
    # Cached so the environment is read once per process.
    return Settings()
